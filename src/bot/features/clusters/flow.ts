// The questions a cluster action asks: a title (building by hand, renaming), the cases' codes
// (building), the request and deadline of a referral, the text, agency and deadline of a
// collective resolution. Every answer goes to the service, which re-checks the actor and every
// case; the flow only carries ids the buttons named.
import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import { clusters as C, shared } from "../../../buttons";
import { endOfJalaliDay, formatJalaliDate, todayInTehran, type JalaliDate } from "../../../domain/jalali";
import { addWorkingDays } from "../../../domain/working-calendar";
import { localName } from "../../../i18n";
import { buildCluster, casesByCodes, cleanTitle, recordCollectiveResolution, referCluster, renameCluster, TITLE_MAX, TITLE_MIN } from "../../../services/clusters";
import { batchChoices, cleanRequest, parseBatchDeadline, REQUEST_MAX, REQUEST_MIN } from "../../../services/referrals";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, on, retry, retryOnRefusal, type DefinedFlow, type FlowState, type StepResult } from "../../flow-engine";
import { sortByName } from "../../presenters/picker";
import { answerRefusal } from "../../reply";
import { showClusterCard } from "./screens";

export interface ClusterDraft {
  mode: "build" | "rename" | "refer" | "resolve";
  groupId: number;
  clusterId?: number;
  meetingId?: number;
  title?: string;
  agencyId?: number;
  text?: string;
  /** Drawn when the referral starts: a second tap on the deadline finds the first batch. */
  requestKey?: string;
}

const DUE_CHOICES = [5, 10, 15, 30];

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), C.back.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function agencyKeyboard(ctx: BotContext, groupId: number): Promise<InlineKeyboard> {
  const { agencies } = await batchChoices(ctx.deps, ctx.user, groupId);
  const keyboard = new InlineKeyboard();
  sortByName(agencies, ctx.locale).forEach((agency, index) => {
    keyboard.text(localName(agency, ctx.locale), C.agency.pack({ agencyId: agency.id }));
    if (index % 2 === 1) keyboard.row();
  });
  return navigation(ctx, keyboard);
}

/** Runs the flow's last act; ends the flow whatever the answer, then shows the card. */
async function finish(ctx: BotContext, flow: FlowState<ClusterDraft>, due: JalaliDate): Promise<StepResult> {
  const d = flow.data;
  const clusterId = d.clusterId ?? 0;
  try {
    if (d.mode === "refer" && d.agencyId && d.text && d.requestKey) {
      const result = await referCluster(ctx.deps, ctx.user, clusterId, { requestKey: d.requestKey, agencyId: d.agencyId, request: d.text, dueDate: due });
      endFlow(ctx);
      const args = { cases: result.referred.length, skipped: result.skipped.length, agency: localName(result.agency, ctx.locale), officials: result.officials };
      await ctx.reply(ctx.t(result.created ? "clusters-referred" : "clusters-referred-before", args));
    } else if (d.mode === "resolve" && d.meetingId && d.agencyId && d.text) {
      const result = await recordCollectiveResolution(ctx.deps, ctx.user, clusterId, { meetingId: d.meetingId, text: d.text, type: "TASK", agencyId: d.agencyId, deadline: due });
      endFlow(ctx);
      await ctx.reply(ctx.t("clusters-resolved", { count: result.resolutions.length }));
    } else {
      endFlow(ctx);
      return handled;
    }
  } catch (error) {
    endFlow(ctx);
    await answerRefusal(ctx, error);
    return handled;
  }
  await showClusterCard(ctx, clusterId, { fresh: true });
  return handled;
}

export const clusterFlow: DefinedFlow<ClusterDraft> = defineFlow<ClusterDraft>({
  name: "clusters",
  version: 1,
  backButton: C.back,
  steps: {
    title: {
      async ask(ctx) {
        await ctx.reply(ctx.t("clusters-ask-title", { min: TITLE_MIN, max: TITLE_MAX }), { reply_markup: navigation(ctx) });
      },
      async text(ctx, text, flow) {
        let title: string;
        try {
          title = cleanTitle(text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        if (flow.data.mode === "build") {
          flow.data.title = title;
          return next("codes");
        }
        const clusterId = flow.data.clusterId ?? 0;
        endFlow(ctx);
        try {
          await renameCluster(ctx.deps, ctx.user, clusterId, title);
        } catch (error) {
          await answerRefusal(ctx, error);
          return handled;
        }
        await showClusterCard(ctx, clusterId, { fresh: true });
        return handled;
      },
    },
    codes: {
      async ask(ctx) {
        await ctx.reply(ctx.t("clusters-ask-codes"), { reply_markup: navigation(ctx) });
      },
      async text(ctx, text, flow) {
        try {
          const found = await casesByCodes(ctx.deps, ctx.user, flow.data.groupId, text);
          if (found.unknown.length > 0) return retry("clusters-codes-unknown", { codes: found.unknown.join("، ") });
          const made = await buildCluster(ctx.deps, ctx.user, { workingGroupId: flow.data.groupId, title: flow.data.title ?? "", caseIds: found.caseIds });
          endFlow(ctx);
          if (made.skipped.length > 0) await ctx.reply(ctx.t("clusters-built-skipped", { count: made.skipped.length }));
          await showClusterCard(ctx, made.clusterId, { fresh: true });
          return handled;
        } catch (error) {
          return retryOnRefusal(error);
        }
      },
    },
    agency: {
      async ask(ctx, flow) {
        await ctx.reply(ctx.t(flow.data.mode === "refer" ? "clusters-ask-agency" : "clusters-ask-resolution-agency"), { reply_markup: await agencyKeyboard(ctx, flow.data.groupId) });
      },
    },
    text: {
      async ask(ctx, flow) {
        const key = flow.data.mode === "refer" ? "clusters-ask-request" : "clusters-ask-resolution";
        await ctx.reply(ctx.t(key, { min: REQUEST_MIN, max: REQUEST_MAX }), { reply_markup: navigation(ctx) });
      },
      async text(_ctx, text, flow) {
        try {
          flow.data.text = cleanRequest(text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next(flow.data.mode === "refer" ? "deadline" : "agency");
      },
    },
    deadline: {
      async ask(ctx) {
        const today = todayInTehran(ctx.deps.now());
        const keyboard = new InlineKeyboard();
        DUE_CHOICES.forEach((days, index) => {
          const day = addWorkingDays(today, days, ctx.deps.policies.calendar);
          keyboard.text(ctx.t("batch-due-in", { days, date: formatJalaliDate(endOfJalaliDay(day), ctx.locale, { monthName: true }) }), C.dueIn.pack({ days }));
          if (index % 2 === 1) keyboard.row();
        });
        await ctx.reply(ctx.t("batch-ask-deadline"), { reply_markup: navigation(ctx, keyboard) });
      },
      async text(ctx, text, flow) {
        let due: JalaliDate;
        try {
          due = parseBatchDeadline(ctx.deps, text);
        } catch (error) {
          return retryOnRefusal(error);
        }
        return finish(ctx, flow, due);
      },
    },
  },
  buttons: [
    on(C.agency, async (_ctx, { agencyId }, flow) => {
      if (flow.step !== "agency") return handled;
      flow.data.agencyId = agencyId;
      return next(flow.data.mode === "refer" ? "text" : "deadline");
    }),
    on(C.dueIn, async (ctx, { days }, flow) => {
      if (flow.step !== "deadline" || !DUE_CHOICES.includes(days)) return handled;
      return finish(ctx, flow, addWorkingDays(todayInTehran(ctx.deps.now()), days, ctx.deps.policies.calendar));
    }),
  ],
});

export async function startClusterFlow(ctx: BotContext, data: ClusterDraft): Promise<void> {
  const first = data.mode === "build" || data.mode === "rename" ? "title" : data.mode === "refer" ? "agency" : "text";
  await clusterFlow.start(ctx, first, { ...data, ...(data.mode === "refer" ? { requestKey: randomUUID() } : {}) });
}
