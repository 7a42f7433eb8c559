// Making a restart plan (/restart, issue 13 item 3): an idle or semi-active unit (by national id
// or part of its name), then milestones one after another — what, which agency, by when, and
// whether it is the one that moves the unit — and one confirm makes the plan's case and one
// task per milestone (src/services/restart-plans/).
import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import { restart as B, shared } from "../../../buttons";
import { formatJalaliDate, parseJalaliDate, endOfJalaliDay, type JalaliDate } from "../../../domain/jalali";
import type { ActivityStatus } from "../../../generated/prisma/enums";
import { localName } from "../../../i18n";
import { checkMilestoneDue, cleanMilestoneTitle, createRestartPlan, MILESTONES_MAX, movesForward, planAgencies, restartableUnit, restartableUnits, type MilestoneInput } from "../../../services/restart-plans";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, on, retry, retryOnRefusal, type FlowState } from "../../flow-engine";
import { clearPick, searchList, turnList } from "../../pick-steps";
import type { PickState } from "../../presenters/picker";
import { answerRefusal, refusedOr } from "../../reply";
import { secretariatGroupScreen, worksGroup } from "../../secretariat";

interface Milestone extends MilestoneInput {
  agencyName: { nameFa: string; nameEn: string };
}

export interface PlanDraft extends PickState {
  workingGroupId?: number;
  unitId?: number;
  unitName?: string;
  unitStatus?: ActivityStatus;
  milestones?: Milestone[];
  title?: string;
  agencyId?: number;
  agencyName?: { nameFa: string; nameEn: string };
  dueDate?: JalaliDate;
  /** The milestone being recorded is complete once this is answered (undefined: not yet). */
  movesTo?: ActivityStatus | null;
  requestKey?: string;
}

/** Adds the pending milestone (if complete) to the plan; how many the plan has. */
function commitMilestone(d: PlanDraft): number {
  if (d.title && d.agencyId && d.agencyName && d.dueDate && d.movesTo !== undefined) {
    d.milestones = [...(d.milestones ?? []), { title: d.title, agencyId: d.agencyId, agencyName: d.agencyName, dueDate: d.dueDate, movesTo: d.movesTo }];
  }
  delete d.title;
  delete d.agencyId;
  delete d.agencyName;
  delete d.dueDate;
  delete d.movesTo;
  return d.milestones?.length ?? 0;
}

const MOVE_CODES = { S: "SEMI_ACTIVE", A: "ACTIVE" } as const;

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.back.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function ask(ctx: BotContext, key: string, keyboard?: InlineKeyboard, args?: Record<string, string | number>) {
  await ctx.reply(ctx.t(key, args), { reply_markup: navigation(ctx, keyboard) });
}

async function groupScreen(ctx: BotContext, flow: FlowState<PlanDraft>) {
  const screen = await secretariatGroupScreen(ctx, ctx.t("restart-ask-group"), flow.data, {
    pick: (groupId) => B.group.pack({ groupId }),
    turn: (section, page) => B.groupPage.pack({ section, page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

function milestoneLine(ctx: BotContext, m: Milestone, index: number): string {
  return ctx.t("restart-milestone-line", {
    n: index + 1,
    title: m.title,
    agency: localName(m.agencyName, ctx.locale),
    due: formatJalaliDate(endOfJalaliDay(m.dueDate), ctx.locale, { monthName: true }),
    moves: m.movesTo ? ctx.t("restart-moves-to", { status: ctx.t(`activity-${m.movesTo}`) }) : "",
  });
}

export const planFlow = defineFlow<PlanDraft>({
  name: "restart-plan",
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
      ask: (ctx) => ask(ctx, "restart-ask-unit"),
      async text(ctx, text, flow) {
        try {
          const found = await restartableUnits(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1, text);
          if (found.length === 0) return retry("restart-unit-none");
          const keyboard = new InlineKeyboard();
          for (const unit of found) keyboard.text(`${unit.name} (${ctx.t(`activity-${unit.activityStatus}`)})`, B.unit.pack({ unitId: unit.id })).row();
          await ctx.reply(ctx.t("restart-unit-choose"), { reply_markup: navigation(ctx, keyboard) });
          return handled;
        } catch (error) {
          return retryOnRefusal(error);
        }
      },
    },
    title: {
      ask: (ctx, flow) => ask(ctx, "restart-ask-title", undefined, { n: (flow.data.milestones?.length ?? 0) + 1, unit: flow.data.unitName ?? "" }),
      async text(_ctx, text, flow) {
        try {
          flow.data.title = cleanMilestoneTitle(text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("agency");
      },
    },
    agency: {
      async ask(ctx, flow) {
        const agencies = await refusedOr(ctx, () => planAgencies(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1));
        if (!agencies) return;
        const keyboard = new InlineKeyboard();
        agencies.forEach((a, i) => {
          keyboard.text(localName(a, ctx.locale), B.agency.pack({ agencyId: a.id }));
          if (i % 2 === 1) keyboard.row();
        });
        await ask(ctx, "restart-ask-agency", keyboard);
      },
    },
    due: {
      ask: (ctx) => ask(ctx, "restart-ask-due"),
      async text(ctx, text, flow) {
        try {
          flow.data.dueDate = checkMilestoneDue(parseJalaliDate(text), ctx.deps.now());
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("moves");
      },
    },
    moves: {
      async ask(ctx, flow) {
        const keyboard = new InlineKeyboard().text(ctx.t("restart-moves-none"), B.moves.pack({ to: "N" })).row();
        for (const [code, status] of Object.entries(MOVE_CODES) as Array<["S" | "A", ActivityStatus]>) {
          if (movesForward(flow.data.unitStatus ?? "IDLE", status)) keyboard.text(ctx.t("restart-moves-button", { status: ctx.t(`activity-${status}`) }), B.moves.pack({ to: code })).row();
        }
        await ask(ctx, "restart-ask-moves", keyboard);
      },
    },
    more: {
      async ask(ctx, flow) {
        const count = (flow.data.milestones?.length ?? 0) + (flow.data.title && flow.data.movesTo !== undefined ? 1 : 0);
        const keyboard = new InlineKeyboard();
        if (count < MILESTONES_MAX) keyboard.text(ctx.t("restart-another"), B.more.pack()).row();
        keyboard.text(ctx.t("restart-to-review"), B.done.pack());
        await ask(ctx, "restart-ask-more", keyboard, { count });
      },
    },
    review: {
      async ask(ctx, flow) {
        const d = flow.data;
        d.requestKey ??= randomUUID();
        const lines = [ctx.t("restart-review", { unit: d.unitName ?? "—", status: ctx.t(`activity-${d.unitStatus ?? "IDLE"}`) }), ...(d.milestones ?? []).map((m, i) => milestoneLine(ctx, m, i))];
        await ctx.reply(lines.join("\n"), { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("restart-confirm", { count: d.milestones?.length ?? 0 }), B.confirm.pack())) });
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
        // Re-read among the group's restartable units: a forged id finds nothing.
        const unit = await restartableUnit(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1, unitId);
        flow.data.unitId = unit.id;
        flow.data.unitName = unit.name;
        flow.data.unitStatus = unit.activityStatus;
      } catch (error) {
        return retryOnRefusal(error);
      }
      return next("title");
    }),
    on(B.agency, async (ctx, { agencyId }, flow) => {
      if (flow.step !== "agency") return handled;
      const agencies = await refusedOr(ctx, () => planAgencies(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1));
      const agency = agencies?.find((a) => a.id === agencyId);
      if (!agency) return retry("restart-error-invalid_agency");
      flow.data.agencyId = agency.id;
      flow.data.agencyName = { nameFa: agency.nameFa, nameEn: agency.nameEn };
      return next("due");
    }),
    on(B.moves, async (_ctx, { to }, flow) => {
      if (flow.step !== "moves" || !flow.data.title || !flow.data.agencyId || !flow.data.dueDate) return handled;
      const movesTo = to === "N" ? null : MOVE_CODES[to];
      if (movesTo && !movesForward(flow.data.unitStatus ?? "IDLE", movesTo)) return handled;
      // Pending until "another" or "review": back from the next question and answering again replaces it.
      flow.data.movesTo = movesTo;
      return next("more");
    }),
    on(B.more, async (_ctx, _p, flow) => (flow.step === "more" && commitMilestone(flow.data) < MILESTONES_MAX ? next("title") : handled)),
    on(B.done, async (_ctx, _p, flow) => {
      if (flow.step !== "more") return handled;
      commitMilestone(flow.data);
      return next("review");
    }),
    on(B.confirm, async (ctx, _p, flow) => {
      if (flow.step !== "review") return handled;
      await make(ctx, flow.data);
      return handled;
    }),
  ],
});

async function make(ctx: BotContext, d: PlanDraft): Promise<void> {
  if (!d.workingGroupId || !d.unitId || !d.milestones?.length || !d.requestKey) {
    endFlow(ctx);
    await ctx.reply(ctx.t("flow-stale"));
    return;
  }
  try {
    const plan = await createRestartPlan(ctx.deps, ctx.user, {
      workingGroupId: d.workingGroupId,
      unitId: d.unitId,
      milestones: d.milestones.map(({ title, agencyId, dueDate, movesTo }) => ({ title, agencyId, dueDate, movesTo })),
      requestKey: d.requestKey,
    });
    endFlow(ctx);
    await ctx.reply(ctx.t("restart-made", { unit: d.unitName ?? "", count: d.milestones.length }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("button-open-case"), shared.queueCase.pack({ caseId: plan.caseId }))
        .row()
        .text(ctx.t("restart-ledger-button"), B.ledger.pack({ groupId: d.workingGroupId, page: 0 })),
    });
  } catch (error) {
    await answerRefusal(ctx, error);
  }
}
