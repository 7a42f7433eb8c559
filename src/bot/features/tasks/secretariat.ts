// The secretariat's decisions on a task, from its notices or the task card: confirm a reported
// completion or send it back with a reason (a one-question prompt), approve or refuse an
// extension request. The service re-checks the secretariat of the task's working group.
import { Composer } from "../../composer";
import { tasks as buttons } from "../../../buttons";
import { normalizeText } from "../../../domain/text";
import { confirmTask, decideExtension, REFUSAL_MIN, sendBackTask, TEXT_MAX, TEXT_MIN } from "../../../services/task-actions";
import { taskCardForAction, taskTitleBesideCode } from "../../../services/tasks";
import type { BotContext } from "../../context";
import { defineFlow, retry } from "../../flow-engine";
import { openTaskKeyboard } from "../../presenters/tasks";
import { refusedOr } from "../../reply";
import { navigation, submitPrompt } from "./answers";
import { showTaskCard } from "./card";

const sendBackFlow = defineFlow<{ taskId: number }>({
  name: "task-send-back",
  version: 1,
  backButton: buttons.flowBack,
  leave: (ctx, flow) => showTaskCard(ctx, flow.data.taskId),
  steps: {
    reason: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("task-ask-send-back-reason", { min: REFUSAL_MIN }), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const reason = normalizeText(input);
        if (reason.length < TEXT_MIN || reason.length > TEXT_MAX) return retry("task-text-invalid", { min: TEXT_MIN, max: TEXT_MAX });
        const { taskId } = flow.data;
        return submitPrompt(ctx, taskId, () => sendBackTask(ctx.deps, ctx.user.id, taskId, { reason }), "task-done-send-back");
      },
    },
  },
});

/** Handlers for the secretariat only (the feature filters by role). */
export const secretariat = new Composer<BotContext>();
secretariat.use(sendBackFlow.composer);

secretariat.callbackQuery(buttons.confirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.confirm.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const result = await refusedOr(ctx, () => confirmTask(ctx.deps, ctx.user.id, p.taskId));
  if (result) await ctx.reply(ctx.t(result.caseHasOpenTasks ? "task-done-confirm" : "task-done-confirm-all"));
});

secretariat.callbackQuery(buttons.sendBack.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.sendBack.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const card = await refusedOr(ctx, () => taskCardForAction(ctx.deps, ctx.user.id, p.taskId, "send_back", "secretariat"));
  if (!card) return;
  await ctx.reply(ctx.t("task-prompt-intro", { code: card.case.trackingCode, title: taskTitleBesideCode(card.task.title, card.case.trackingCode, 80) }));
  await sendBackFlow.start(ctx, "reason", { taskId: p.taskId });
});

async function decide(ctx: BotContext, extensionId: number, approve: boolean): Promise<void> {
  const result = await refusedOr(ctx, () => decideExtension(ctx.deps, ctx.user.id, extensionId, approve));
  if (!result) return;
  await ctx.reply(ctx.t(approve ? "task-done-extension-approved" : "task-done-extension-refused"), { reply_markup: openTaskKeyboard(ctx, result.taskId) });
}

secretariat.callbackQuery(buttons.approveExtension.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.approveExtension.unpack(ctx.callbackQuery.data);
  if (p) await decide(ctx, p.extensionId, true);
});
secretariat.callbackQuery(buttons.refuseExtension.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.refuseExtension.unpack(ctx.callbackQuery.data);
  if (p) await decide(ctx, p.extensionId, false);
});
