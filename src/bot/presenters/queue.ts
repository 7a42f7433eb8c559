/**
 * The secretariat's queue in chat: the working-group picker, a page of the queue with its
 * filters, and the filter choices. Text and buttons only; src/bot/features/queue/ shows them.
 */
import { InlineKeyboard } from "grammy";
import { batch, clusters, desk, shared } from "../../buttons";
import { inScope, queueGroups, secretariatGroups } from "../../services/authz";
import { CASE_STATUSES } from "../../domain/case-lifecycle";
import { CATEGORY_IDS } from "../../domain/categories";
import { localizeDigits, truncate } from "../../domain/text";
import { localName } from "../../i18n";
import { groupPickerKeyboard, groupSearchKeyboard, pickerText, searchText, sortByName, type GroupSection } from "./picker";
import { countdownShort } from "./case";
import { ANY_STATUS, encodeQueueView, type QueueView } from "../../services/queue";
import type { BotContext } from "../context";
import type { Screen } from "./meetings";

export const URGENCY_MARK: Record<string, string> = { critical: "🔴", high: "🟠", normal: "🟢", low: "⚪" };

type Named = { nameFa: string; nameEn: string };

/** The button data of a queue page. */
export const queueViewData = (view: QueueView): string => desk.queueList.pack({ view: encodeQueueView(view) });

type PickerGroup = Named & { id: number; kind: string };
const openQueue = (group: { id: number }) => queueViewData({ workingGroupId: group.id, page: 0 });

/** Which group's queue: provinces and free zones apart, by name, a page at a time. */
export function groupPickerScreen(ctx: BotContext, groups: PickerGroup[], at: { section?: GroupSection; page?: number } = {}): Screen {
  const keyboard = groupPickerKeyboard(ctx, groups, { ...at, pick: openQueue, turn: (section, page) => desk.queueGroups.pack({ section, page }) });
  return { text: pickerText(ctx, ctx.t("queue-pick-group"), groups.length), keyboard };
}

/** The groups a few typed letters found. */
export function groupSearchScreen(ctx: BotContext, query: string, found: PickerGroup[]): Screen {
  const keyboard = groupSearchKeyboard(ctx, found, openQueue);
  return { text: searchText(ctx, query, found.length), keyboard: keyboard.text(ctx.t("picker-all-groups"), desk.queueHome.pack()) };
}

function filterSummary(ctx: BotContext, view: QueueView, agencyLabel: string | null, countyLabel: string | null): string {
  const parts: string[] = [];
  if (view.status) parts.push(ctx.t(view.status === ANY_STATUS ? "queue-filter-any-status" : `status-${view.status}`));
  if (view.category) parts.push(ctx.t(`category-${view.category}`));
  if (agencyLabel) parts.push(agencyLabel);
  if (countyLabel) parts.push(countyLabel);
  return parts.length > 0 ? ctx.t("queue-filtered-by", { filters: parts.join("، ") }) : ctx.t("queue-open-only");
}

export interface QueuePage {
  total: number;
  pages: number;
  items: Array<{ id: number; trackingCode: string; status: string; urgency: string; firstOpenedAt: Date | null; irreversibleAt: Date | null; unit: { name: string } }>;
}

/** A page of the queue: one button per case, paging, the filters. `view.page` is the page shown. */
export function queueListScreen(ctx: BotContext, view: QueueView, page: QueuePage, heading: { group: Named; agency: Named | null; county?: Named | null }): Screen {
  const n = (value: number) => localizeDigits(String(value), ctx.locale);
  const lines = [
    ctx.t("queue-title", { group: localName(heading.group, ctx.locale), total: page.total, page: n(view.page + 1), pages: n(page.pages) }),
    filterSummary(ctx, view, heading.agency ? localName(heading.agency, ctx.locale) : null, heading.county ? localName(heading.county, ctx.locale) : null),
  ];
  if (page.total === 0) lines.push("", ctx.t("queue-empty"));
  const keyboard = new InlineKeyboard();
  const now = ctx.deps.now();
  for (const item of page.items) {
    const fresh = item.firstOpenedAt === null ? "🆕 " : "";
    const left = countdownShort(ctx.deps.t, ctx.locale, item.irreversibleAt, now, ctx.deps.policies.calendar);
    const label = `${URGENCY_MARK[item.urgency] ?? ""} ${fresh}${item.trackingCode}${left ? ` · ${left}` : ""} · ${truncate(item.unit.name, left ? 16 : 22)} · ${ctx.t(`queue-status-${item.status}`)}`;
    keyboard.text(truncate(label, 64), shared.queueCase.pack({ caseId: item.id })).row();
  }
  if (view.page > 0) keyboard.text(ctx.t("button-previous"), queueViewData({ ...view, page: view.page - 1 }));
  if (view.page < page.pages - 1) keyboard.text(ctx.t("button-next"), queueViewData({ ...view, page: view.page + 1 }));
  if (view.page > 0 || view.page < page.pages - 1) keyboard.row();
  const first = { view: encodeQueueView({ ...view, page: 0 }) };
  // Finished work one tap away: a resolved case leaves the open queue but not the reader's reach.
  if (view.status !== "resolved") keyboard.text(ctx.t("queue-filter-recently-resolved"), queueViewData({ ...view, page: 0, status: "resolved" })).row();
  keyboard
    .text(ctx.t("queue-filter-status"), desk.filterStatus.pack(first))
    .text(ctx.t("queue-filter-category"), desk.filterCategory.pack(first))
    .text(ctx.t("queue-filter-agency"), desk.filterAgency.pack(first));
  // By county, from the group's seeded list (a county desk's queue is its county already).
  if (inScope(queueGroups(ctx.user), view.workingGroupId)) keyboard.row().text(ctx.t("county-desk-queue-filter"), desk.filterCounty.pack(first));
  if (view.status || view.category || view.agencyId || view.countyId) {
    keyboard.row().text(ctx.t("queue-filter-clear"), queueViewData({ workingGroupId: view.workingGroupId, page: 0 }));
  }
  // The secretariat refers what the queue shows in one act (its category and status carried over).
  if (page.total > 0 && inScope(secretariatGroups(ctx.user), view.workingGroupId)) {
    keyboard.row().text(ctx.t("batch-from-queue"), batch.fromQueue.pack(first));
  }
  // Cases that are one problem (same agency, subject and estate or county): proposed and worked as one.
  if (inScope(secretariatGroups(ctx.user), view.workingGroupId)) keyboard.row().text(ctx.t("clusters-button"), clusters.home.pack({ groupId: view.workingGroupId }));
  return { text: lines.join("\n"), keyboard };
}

export type FilterKind = "s" | "c" | "a" | "k";

/** The choices of one filter (status, subject, agency, county), and back to the page it came from. */
export function filterScreen(ctx: BotContext, kind: FilterKind, view: QueueView, agencies: Array<Named & { id: number }> = []): Screen {
  const keyboard = new InlineKeyboard();
  const base = { ...view, page: 0 };
  if (kind === "s") {
    keyboard.text(ctx.t("queue-filter-all-open"), queueViewData({ ...base, status: null }));
    keyboard.text(ctx.t("queue-filter-any-status"), queueViewData({ ...base, status: ANY_STATUS })).row();
    CASE_STATUSES.forEach((status, index) => {
      keyboard.text(ctx.t(`queue-status-${status}`), queueViewData({ ...base, status }));
      if (index % 2 === 1) keyboard.row();
    });
  } else if (kind === "c") {
    keyboard.text(ctx.t("queue-filter-all"), queueViewData({ ...base, category: null })).row();
    CATEGORY_IDS.forEach((category, index) => {
      keyboard.text(ctx.t(`category-${category}`), queueViewData({ ...base, category }));
      if (index % 2 === 1) keyboard.row();
    });
  } else if (kind === "k") {
    // `agencies` holds the counties here: the group's active ones, by name.
    keyboard.text(ctx.t("queue-filter-all"), queueViewData({ ...base, countyId: null })).row();
    sortByName(agencies, ctx.locale).forEach((county, index) => {
      keyboard.text(truncate(localName(county, ctx.locale), 30), queueViewData({ ...base, countyId: county.id }));
      if (index % 2 === 1) keyboard.row();
    });
  } else {
    keyboard.text(ctx.t("queue-filter-all"), queueViewData({ ...base, agencyId: null })).row();
    for (const agency of agencies) keyboard.text(truncate(localName(agency, ctx.locale), 60), queueViewData({ ...base, agencyId: agency.id })).row();
  }
  keyboard.row().text(ctx.t("button-back"), queueViewData(view));
  return { text: ctx.t(kind === "k" ? "county-desk-queue-pick-county" : `queue-filter-pick-${kind}`), keyboard };
}
