// The case card's triage buttons (tr:<action>:<caseId>): "take" acts at once; the others start
// their flow (flow.ts) when the case state machine allows the action now.
import { Composer } from "../../composer";
import { desk } from "../../../buttons";
import { isOpenStatus, type CaseStatus } from "../../../domain/case-lifecycle";
import { takeCase, workableCase } from "../../../services/triage";
import type { BotContext } from "../../context";
import { openCaseKeyboard } from "../../presenters/case-card";
import { FLOW_ACTIONS } from "./draft";
import { refuseAction, triageFlow } from "./flow";

/** Handlers for the secretariat only (the feature filters by role). */
export const actions = new Composer<BotContext>();

actions.callbackQuery(desk.take.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = desk.take.unpack(ctx.callbackQuery.data);
  if (!p) return;
  try {
    const result = await takeCase(ctx.deps, ctx.user, p.caseId);
    await ctx.reply(ctx.t("triage-done-take", { code: result.trackingCode }), { reply_markup: openCaseKeyboard(ctx, p.caseId) });
  } catch (error) {
    await refuseAction(ctx, error, p.caseId);
  }
});

for (const { code, button, action, first } of FLOW_ACTIONS) {
  actions.callbackQuery(button.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    const p = button.unpack(ctx.callbackQuery.data);
    if (!p) return;
    const row = await workableCase(ctx.deps, ctx.user, p.caseId);
    if (!row) {
      await ctx.reply(ctx.t("error-not-found"));
      return;
    }
    if (!row.allowed.includes(action)) {
      // Asking the producer of a finished case would pause clocks that no longer run: say so.
      const key = code === "ask" && !isOpenStatus(row.status as CaseStatus) ? "triage-error-case_finished" : "triage-error-illegal_transition";
      await ctx.reply(ctx.t(key, { code: row.trackingCode }), { reply_markup: openCaseKeyboard(ctx, row.id) });
      return;
    }
    await triageFlow.start(ctx, first, { caseId: row.id, code: row.trackingCode, action: code });
  });
}
