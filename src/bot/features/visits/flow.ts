// Recording a field visit (/visit, issue 13 item 4): the unit (by national id or part of its
// name), the day (Jalali, today by default), who took part, and the demands heard — each a
// subject, a subcategory where the subject has them, and a description — then one confirm
// files every demand as a case on the unit's behalf (src/services/visits.ts).
import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import { shared, visits as B } from "../../../buttons";
import { CATEGORY_IDS, isCategoryId } from "../../../domain/categories";
import { formatJalaliDate, parseJalaliDate, startOfJalaliDay, todayInTehran, type JalaliDate } from "../../../domain/jalali";
import { truncate } from "../../../domain/text";
import { representativeLink } from "../../../services/representatives";
import { checkVisitDate, cleanDemandDescription, cleanParticipants, DEMANDS_MAX, findVisitUnits, recordVisit, subcategoriesOf, visitUnit, type VisitDemand } from "../../../services/visits";
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from "../../../services/cases";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, on, retry, retryOnRefusal, type FlowState } from "../../flow-engine";
import { clearPick, searchList, turnList } from "../../pick-steps";
import type { PickState } from "../../presenters/picker";
import { answerRefusal } from "../../reply";
import { secretariatGroupScreen, worksGroup } from "../../secretariat";

export interface VisitDraft extends PickState {
  workingGroupId?: number;
  unitId?: number;
  unitName?: string;
  visitedOn?: JalaliDate;
  participants?: string;
  demands?: VisitDemand[];
  category?: string;
  subcategory?: string | null;
  /** The demand being recorded, until "another" or "review" adds it to `demands`. */
  description?: string;
  submissionKey?: string;
}

/** Adds the pending demand (if complete) to the visit's demands; their count. */
function commitDemand(d: VisitDraft): number {
  if (d.category && d.description) {
    d.demands = [...(d.demands ?? []), { category: d.category, subcategory: d.subcategory ?? null, description: d.description, submissionKey: randomUUID() }];
  }
  delete d.category;
  delete d.subcategory;
  delete d.description;
  return d.demands?.length ?? 0;
}

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.back.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function ask(ctx: BotContext, key: string, keyboard?: InlineKeyboard, args?: Record<string, string | number>) {
  await ctx.reply(ctx.t(key, args), { reply_markup: navigation(ctx, keyboard) });
}

function buttons(ctx: BotContext, values: readonly string[], label: (v: string) => string, pack: (v: string) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  values.forEach((value, index) => {
    keyboard.text(label(value), pack(value));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard;
}

const dayLabel = (ctx: BotContext, day: JalaliDate) => formatJalaliDate(startOfJalaliDay(day), ctx.locale, { monthName: true });

function demandLine(ctx: BotContext, demand: VisitDemand, index: number): string {
  const subject = ctx.t(`category-${demand.category}`) + (demand.subcategory ? ` — ${ctx.t(`subcategory-${demand.subcategory}`)}` : "");
  return ctx.t("visits-demand-line", { n: index + 1, subject, description: truncate(demand.description, 200) });
}

async function groupScreen(ctx: BotContext, flow: FlowState<VisitDraft>) {
  const screen = await secretariatGroupScreen(ctx, ctx.t("visits-ask-group"), flow.data, {
    pick: (groupId) => B.group.pack({ groupId }),
    turn: (section, page) => B.groupPage.pack({ section, page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

export const visitFlow = defineFlow<VisitDraft>({
  name: "visit",
  version: 1,
  backButton: B.back,
  steps: {
    group: {
      async ask(ctx, flow) {
        const screen = await groupScreen(ctx, flow);
        await ctx.reply(screen.text, { reply_markup: screen.keyboard });
      },
      text: searchList("group"),
    },
    unit: {
      ask: (ctx) => ask(ctx, "visits-ask-unit"),
      async text(ctx, text, flow) {
        try {
          const found = await findVisitUnits(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1, text);
          if (found.length === 0) return retry("visits-unit-none");
          if (found.length === 1) {
            flow.data.unitId = found[0]!.id;
            flow.data.unitName = found[0]!.name;
            await ctx.reply(ctx.t("visits-unit-found", { unit: found[0]!.name }));
            return next("date");
          }
          const keyboard = new InlineKeyboard();
          for (const unit of found) keyboard.text(unit.name, B.unit.pack({ unitId: unit.id })).row();
          await ctx.reply(ctx.t("visits-unit-choose"), { reply_markup: navigation(ctx, keyboard) });
          return handled;
        } catch (error) {
          return retryOnRefusal(error);
        }
      },
    },
    date: {
      ask: (ctx) => ask(ctx, "visits-ask-date", new InlineKeyboard().text(ctx.t("visits-today", { date: dayLabel(ctx, todayInTehran(ctx.deps.now())) }), B.today.pack())),
      async text(ctx, text, flow) {
        try {
          flow.data.visitedOn = checkVisitDate(parseJalaliDate(text), ctx.deps.now());
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("participants");
      },
    },
    participants: {
      ask: (ctx) => ask(ctx, "visits-ask-participants"),
      async text(_ctx, text, flow) {
        try {
          flow.data.participants = cleanParticipants(text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("category");
      },
    },
    category: {
      ask: (ctx, flow) =>
        ask(ctx, "visits-ask-category", buttons(ctx, CATEGORY_IDS, (c) => ctx.t(`category-${c}`), (category) => B.category.pack({ category })), { n: (flow.data.demands?.length ?? 0) + 1 }),
    },
    subcategory: {
      ask: (ctx, flow) => ask(ctx, "visits-ask-subcategory", buttons(ctx, subcategoriesOf(flow.data.category ?? ""), (s) => ctx.t(`subcategory-${s}`), (subcategory) => B.subcategory.pack({ subcategory }))),
    },
    description: {
      ask: (ctx) => ask(ctx, "visits-ask-description", undefined, { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
      async text(_ctx, text, flow) {
        let description: string;
        try {
          description = cleanDemandDescription(text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        if (!flow.data.category) return next("category");
        // Pending until "another" or "review": back from the next question and typing again replaces it.
        flow.data.description = description;
        return next("more");
      },
    },
    more: {
      async ask(ctx, flow) {
        const count = (flow.data.demands?.length ?? 0) + (flow.data.category && flow.data.description ? 1 : 0);
        const keyboard = new InlineKeyboard();
        if (count < DEMANDS_MAX) keyboard.text(ctx.t("visits-another"), B.more.pack()).row();
        keyboard.text(ctx.t("visits-to-review"), B.done.pack());
        await ask(ctx, "visits-ask-more", keyboard, { count });
      },
    },
    review: {
      async ask(ctx, flow) {
        const d = flow.data;
        d.submissionKey ??= randomUUID();
        const lines = [
          ctx.t("visits-review", { unit: d.unitName ?? "—", date: d.visitedOn ? dayLabel(ctx, d.visitedOn) : "—", participants: d.participants ?? "" }),
          ...(d.demands ?? []).map((demand, i) => demandLine(ctx, demand, i)),
        ];
        await ctx.reply(lines.join("\n"), { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("visits-confirm", { count: d.demands?.length ?? 0 }), B.confirm.pack())) });
      },
    },
  },
  buttons: [
    on(B.groupPage, async (ctx, p, flow) => (flow.step === "group" ? turnList(ctx, flow, p, () => groupScreen(ctx, flow)) : handled)),
    on(B.group, async (ctx, { groupId }, flow) => {
      if (flow.step !== "group" || !worksGroup(ctx, groupId)) return handled;
      flow.data.workingGroupId = groupId;
      clearPick(flow.data);
      return next("unit");
    }),
    on(B.unit, async (ctx, { unitId }, flow) => {
      if (flow.step !== "unit") return handled;
      try {
        // The unit's group is checked again: a forged id of another group's unit is refused.
        const unit = await visitUnit(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1, unitId);
        flow.data.unitId = unit.id;
        flow.data.unitName = unit.name;
      } catch (error) {
        return retryOnRefusal(error);
      }
      return next("date");
    }),
    on(B.today, async (ctx, _p, flow) => {
      if (flow.step !== "date") return handled;
      flow.data.visitedOn = todayInTehran(ctx.deps.now());
      return next("participants");
    }),
    on(B.category, async (_ctx, { category }, flow) => {
      if (flow.step !== "category" || !isCategoryId(category)) return handled;
      flow.data.category = category;
      flow.data.subcategory = null;
      return next(subcategoriesOf(category).length > 0 ? "subcategory" : "description");
    }),
    on(B.subcategory, async (_ctx, { subcategory }, flow) => {
      if (flow.step !== "subcategory" || !subcategoriesOf(flow.data.category ?? "").includes(subcategory)) return handled;
      flow.data.subcategory = subcategory;
      return next("description");
    }),
    on(B.more, async (_ctx, _p, flow) => (flow.step === "more" && commitDemand(flow.data) < DEMANDS_MAX ? next("category") : handled)),
    on(B.done, async (_ctx, _p, flow) => {
      if (flow.step !== "more") return handled;
      commitDemand(flow.data);
      return next("review");
    }),
    on(B.confirm, async (ctx, _p, flow) => {
      if (flow.step !== "review") return handled;
      await record(ctx, flow.data);
      return handled;
    }),
  ],
});

async function record(ctx: BotContext, d: VisitDraft): Promise<void> {
  if (!d.workingGroupId || !d.unitId || !d.visitedOn || !d.participants || !d.demands?.length || !d.submissionKey) {
    endFlow(ctx);
    await ctx.reply(ctx.t("flow-stale"));
    return;
  }
  try {
    const visit = await recordVisit(ctx.deps, ctx.user, {
      workingGroupId: d.workingGroupId,
      unitId: d.unitId,
      visitedOn: d.visitedOn,
      participants: d.participants,
      demands: d.demands,
      submissionKey: d.submissionKey,
    });
    endFlow(ctx);
    const lines = [ctx.t("visits-recorded", { unit: visit.unitName, count: visit.cases.length, codes: visit.cases.map((c) => c.trackingCode).join("، ") })];
    lines.push(
      visit.invitationCode
        ? ctx.t("visits-recorded-invite", { link: representativeLink(ctx.me.username, visit.invitationCode) })
        : ctx.t("visits-recorded-told", { count: visit.representativesTold }),
    );
    await ctx.reply(lines.join("\n\n"), { reply_markup: new InlineKeyboard().text(ctx.t("visits-list-button"), B.list.pack({ groupId: d.workingGroupId, page: 0 })) });
  } catch (error) {
    await answerRefusal(ctx, error);
  }
}
