// Scope: private chats; secretariat (and admins) of a working group. /refer: the group (when
// more than one), the filters screen (category, subcategory, county, estate, status, with the
// live count), the agency, the request, the deadline (working days ahead or a typed Jalali
// day), then the preview (preview.ts), whose confirm button runs the batch.
import { InlineKeyboard } from "grammy";
import { batch as B, shared } from "../../../buttons";
import { CATEGORY_IDS } from "../../../domain/categories";
import { endOfJalaliDay, formatJalaliDate, formatJalaliYMD, todayInTehran } from "../../../domain/jalali";
import { addWorkingDays } from "../../../domain/working-calendar";
import { localName } from "../../../i18n";
import { batchChoices, cleanRequest, parseBatchDeadline, REFERRABLE_STATUSES, REQUEST_MAX, REQUEST_MIN, subcategoriesOf } from "../../../services/referrals";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, on, retryOnRefusal, type DefinedFlow, type FlowState } from "../../flow-engine";
import { clearPick, pickStep, turnList } from "../../pick-steps";
import { sortByName } from "../../presenters/picker";
import { refusedOr, showScreen } from "../../reply";
import { isSecretariat, secretariatGroupScreen, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { filtersScreen, type BatchDraft, type FilterKind } from "./filters";
import { showPreview } from "./preview";

export type { BatchDraft };

/** Working days ahead offered as deadlines. */
const DUE_CHOICES = [5, 10, 15, 30];

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.back.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function groupScreen(ctx: BotContext, flow: FlowState<BatchDraft>) {
  const screen = await secretariatGroupScreen(ctx, ctx.t("batch-ask-group"), flow.data, {
    pick: (groupId) => B.group.pack({ groupId }),
    turn: (section, page) => B.groupPage.pack({ section, page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

/** One filter's choices ("any" first), the current one ticked; a choice edits the screen back to the filters. */
async function choicesScreen(ctx: BotContext, flow: FlowState<BatchDraft>, kind: FilterKind) {
  const d = flow.data;
  const keyboard = new InlineKeyboard().text(ctx.t("batch-any"), B.choose.pack({ kind, value: 0 })).row();
  const options: Array<[string, number]> = [];
  if (kind === "c") CATEGORY_IDS.forEach((id, i) => options.push([ctx.t(`category-${id}`), i + 1]));
  if (kind === "s" && d.category) subcategoriesOf(d.category).forEach((id, i) => options.push([ctx.t(`subcategory-${id}`), i + 1]));
  if (kind === "t") REFERRABLE_STATUSES.forEach((status, i) => options.push([ctx.t(`queue-status-${status}`), i + 1]));
  if (kind === "y" || kind === "e") {
    const choices = await batchChoices(ctx.deps, ctx.user, d.workingGroupId ?? -1);
    for (const row of sortByName(kind === "y" ? choices.counties : choices.estates, ctx.locale)) options.push([localName(row, ctx.locale), row.id]);
  }
  options.forEach(([label, value], index) => {
    keyboard.text(label, B.choose.pack({ kind, value }));
    if (index % 2 === 1) keyboard.row();
  });
  return { text: ctx.t(`batch-ask-filter-${kind}`), keyboard: navigation(ctx, keyboard) };
}

function setFilter(d: BatchDraft, kind: FilterKind, value: number): boolean {
  const pick = <T>(list: readonly T[]): T | null | undefined => (value === 0 ? null : list[value - 1]);
  switch (kind) {
    case "c": {
      const category = pick(CATEGORY_IDS);
      if (category === undefined) return false;
      if (category !== d.category) d.subcategory = null;
      d.category = category;
      return true;
    }
    case "s": {
      const sub = d.category ? pick(subcategoriesOf(d.category)) : value === 0 ? null : undefined;
      if (sub === undefined) return false;
      d.subcategory = sub;
      return true;
    }
    case "t": {
      const status = pick(REFERRABLE_STATUSES);
      if (status === undefined) return false;
      d.status = status;
      return true;
    }
    case "y":
      d.countyId = value || null;
      return true;
    case "e":
      d.estateId = value || null;
      return true;
  }
}

async function deadlineKeyboard(ctx: BotContext): Promise<InlineKeyboard> {
  const today = todayInTehran(ctx.deps.now());
  const keyboard = new InlineKeyboard();
  DUE_CHOICES.forEach((days, index) => {
    const day = addWorkingDays(today, days, ctx.deps.policies.calendar);
    keyboard.text(ctx.t("batch-due-in", { days, date: formatJalaliDate(endOfJalaliDay(day), ctx.locale, { monthName: true }) }), B.dueIn.pack({ days }));
    if (index % 2 === 1) keyboard.row();
  });
  return navigation(ctx, keyboard);
}

export const batchFlow: DefinedFlow<BatchDraft> = defineFlow<BatchDraft>({
  name: "batch-referral",
  version: 1,
  backButton: B.back,
  review: "preview",
  editButton: B.edit,
  steps: {
    group: pickStep(groupScreen, "group"),
    filters: {
      editable: true,
      chained: true,
      async ask(ctx, flow) {
        const screen = await refusedOr(ctx, () => filtersScreen(ctx, flow.data));
        if (screen) await showScreen(ctx, screen.text, navigation(ctx, screen.keyboard));
      },
    },
    agency: {
      editable: true,
      async ask(ctx, flow) {
        const choices = await refusedOr(ctx, () => batchChoices(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1));
        if (!choices) return;
        const keyboard = new InlineKeyboard();
        sortByName(choices.agencies, ctx.locale).forEach((agency, index) => {
          keyboard.text(localName(agency, ctx.locale), B.agency.pack({ agencyId: agency.id }));
          if (index % 2 === 1) keyboard.row();
        });
        await ctx.reply(ctx.t("batch-ask-agency"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    request: {
      editable: true,
      async ask(ctx) {
        await ctx.reply(ctx.t("batch-ask-request", { min: REQUEST_MIN, max: REQUEST_MAX }), { reply_markup: navigation(ctx) });
      },
      async text(_ctx, text, flow) {
        try {
          flow.data.request = cleanRequest(text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("deadline");
      },
    },
    deadline: {
      editable: true,
      async ask(ctx) {
        await ctx.reply(ctx.t("batch-ask-deadline"), { reply_markup: await deadlineKeyboard(ctx) });
      },
      async text(ctx, text, flow) {
        try {
          flow.data.due = formatJalaliYMD(parseBatchDeadline(ctx.deps, text));
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("preview");
      },
    },
    preview: { ask: (ctx, flow) => showPreview(ctx, flow) },
  },
  buttons: [
    on(B.groupPage, async (ctx, p, flow) => (flow.step === "group" ? turnList(ctx, flow, p, () => groupScreen(ctx, flow)) : handled)),
    on(B.group, async (ctx, { groupId }, flow) => {
      if (!worksGroup(ctx, groupId)) return handled;
      flow.data.workingGroupId = groupId;
      clearPick(flow.data);
      return next("filters");
    }),
    on(B.filter, async (ctx, { kind }, flow) => {
      if (flow.step !== "filters" || (kind === "s" && !flow.data.category)) return handled;
      const screen = await refusedOr(ctx, () => choicesScreen(ctx, flow, kind));
      if (screen) await showScreen(ctx, screen.text, screen.keyboard);
      return handled;
    }),
    on(B.choose, async (ctx, { kind, value }, flow) => {
      if (flow.step !== "filters") return handled;
      setFilter(flow.data, kind, value);
      await batchFlow.ask(ctx, flow);
      return handled;
    }),
    on(B.filtersDone, async (_ctx, _p, flow) => (flow.step === "filters" ? next(flow.data.agencyId ? "preview" : "agency") : handled)),
    on(B.agency, async (_ctx, { agencyId }, flow) => {
      if (flow.step !== "agency") return handled;
      flow.data.agencyId = agencyId;
      return next(flow.data.request ? "preview" : "request");
    }),
    on(B.dueIn, async (ctx, { days }, flow) => {
      if (flow.step !== "deadline" || !DUE_CHOICES.includes(days)) return handled;
      flow.data.due = formatJalaliYMD(addWorkingDays(todayInTehran(ctx.deps.now()), days, ctx.deps.policies.calendar));
      return next("preview");
    }),
  ],
});

/** /refer, the menu's entry, or the queue's button (its category and status carried over). */
export async function startBatchFlow(ctx: BotContext, seed: Partial<BatchDraft> = {}): Promise<void> {
  if (!isSecretariat(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  if (seed.workingGroupId && !worksGroup(ctx, seed.workingGroupId)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const groupId = seed.workingGroupId ?? soleSecretariatGroup(ctx);
  await batchFlow.start(ctx, groupId ? "filters" : "group", { ...seed, ...(groupId ? { workingGroupId: groupId } : {}) });
}
