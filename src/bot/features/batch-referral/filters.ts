// The batch referral's draft and its filters screen: what is chosen so far, with how many
// cases of how many units it takes now (the service counts; nothing is referred yet).
import { InlineKeyboard } from "grammy";
import { batch as B } from "../../../buttons";
import type { CaseStatus } from "../../../domain/case-lifecycle";
import type { CategoryId } from "../../../domain/categories";
import { localizeDigits } from "../../../domain/text";
import { localName } from "../../../i18n";
import { batchChoices, selectCases, type ReferralFilter } from "../../../services/referrals";
import type { BotContext } from "../../context";
import type { PickState } from "../../presenters/picker";

export type FilterKind = "c" | "s" | "y" | "e" | "t";

/** JSON-safe: it lives in the session. */
export interface BatchDraft extends PickState {
  workingGroupId?: number;
  category?: CategoryId | null;
  subcategory?: string | null;
  countyId?: number | null;
  estateId?: number | null;
  status?: CaseStatus | null;
  agencyId?: number;
  request?: string;
  /** The deadline, "1405/09/30". */
  due?: string;
  /** Drawn when the preview is shown; the confirm button carries it. */
  requestKey?: string;
  /** The cases the preview showed (re-checked on confirmation). */
  caseIds?: number[];
}

export function filterOf(d: BatchDraft): ReferralFilter {
  return {
    category: d.category ?? null,
    subcategory: d.subcategory ?? null,
    countyId: d.countyId ?? null,
    industrialEstateId: d.estateId ?? null,
    status: d.status ?? null,
  };
}

/** The filters as a line each ("Category: Social security"), for the screen and the preview. */
export async function filterLines(ctx: BotContext, d: BatchDraft): Promise<string[]> {
  const choices = await batchChoices(ctx.deps, ctx.user, d.workingGroupId ?? -1);
  const any = ctx.t("batch-any");
  const named = (rows: Array<{ id: number; nameFa: string; nameEn: string }>, id: number | null | undefined) => {
    const row = id ? rows.find((r) => r.id === id) : undefined;
    return row ? localName(row, ctx.locale) : any;
  };
  return [
    ctx.t("batch-filter-line", { name: ctx.t("batch-filter-c"), value: d.category ? ctx.t(`category-${d.category}`) : any }),
    ...(d.category ? [ctx.t("batch-filter-line", { name: ctx.t("batch-filter-s"), value: d.subcategory ? ctx.t(`subcategory-${d.subcategory}`) : any })] : []),
    ctx.t("batch-filter-line", { name: ctx.t("batch-filter-y"), value: named(choices.counties, d.countyId) }),
    ...(choices.estates.length > 0 ? [ctx.t("batch-filter-line", { name: ctx.t("batch-filter-e"), value: named(choices.estates, d.estateId) })] : []),
    ctx.t("batch-filter-line", { name: ctx.t("batch-filter-t"), value: d.status ? ctx.t(`queue-status-${d.status}`) : ctx.t("batch-any-referable") }),
  ];
}

export async function filtersScreen(ctx: BotContext, d: BatchDraft) {
  const groupId = d.workingGroupId ?? -1;
  const [selection, choices, lines] = await Promise.all([
    selectCases(ctx.deps, ctx.user, groupId, filterOf(d)),
    batchChoices(ctx.deps, ctx.user, groupId),
    filterLines(ctx, d),
  ]);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("batch-filter-c"), B.filter.pack({ kind: "c" }))
    .text(ctx.t("batch-filter-t"), B.filter.pack({ kind: "t" }))
    .row();
  if (d.category) keyboard.text(ctx.t("batch-filter-s"), B.filter.pack({ kind: "s" }));
  if (choices.counties.length > 0) keyboard.text(ctx.t("batch-filter-y"), B.filter.pack({ kind: "y" }));
  if (choices.estates.length > 0) keyboard.text(ctx.t("batch-filter-e"), B.filter.pack({ kind: "e" }));
  keyboard.row();
  const cases = selection.caseIds.length;
  if (cases > 0) keyboard.text(ctx.t("batch-filters-done", { cases }), B.filtersDone.pack());
  const text = ctx.t("batch-filters", {
    filters: lines.join("\n"),
    cases,
    units: selection.units,
    casesText: localizeDigits(String(cases), ctx.locale),
  });
  return { text, keyboard };
}
