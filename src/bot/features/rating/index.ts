// Scope: private chats; producers (representatives of the case's unit: not a membership role,
// so the service checks each tap against the case). "Did it help?": the 1–5 buttons of the
// task-confirmed notice, an optional comment, and after a low rating the offer to reopen the
// case (within REOPEN_WINDOW_DAYS) with a reason (flow.ts). Answers are new messages: the
// notice with the scores stays as it was.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { producer, rating as buttons, shared } from "../../../buttons";
import { caseFollowUp, rateCase, rateTask } from "../../../services/ratings";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { refusedOr } from "../../reply";
import { ratingFlow } from "./flow";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");

chat.callbackQuery(shared.rateTask.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.rateTask.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const score = Number(p.score);
  const result = await refusedOr(ctx, () => rateTask(ctx.deps, ctx.user.id, p.taskId, score));
  if (!result) return;
  await ctx.reply(ctx.t(result.low ? "rating-thanks-low" : "rating-thanks", { score }));
  await ratingFlow.start(ctx, "comment", { taskId: p.taskId, canReopen: result.canReopen });
});

chat.callbackQuery(buttons.reopen.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.reopen.unpack(ctx.callbackQuery.data);
  // The service decides again when the reason is sent; this only opens the prompt.
  if (p) await ratingFlow.start(ctx, "reopen", { taskId: p.taskId, canReopen: true });
});

// The case as a whole (a case resolved directly, from the "resolved" notice or the card).
chat.callbackQuery(producer.caseRate.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = producer.caseRate.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const score = Number(p.score);
  const result = await refusedOr(ctx, () => rateCase(ctx.deps, ctx.user.id, p.caseId, score));
  if (!result) return;
  const keyboard = result.canReopen ? new InlineKeyboard().text(ctx.t("cases-reopen"), producer.caseReopen.pack({ caseId: p.caseId })) : undefined;
  await ctx.reply(ctx.t(result.low ? "rating-thanks-low" : "rating-thanks", { score }), keyboard ? { reply_markup: keyboard } : {});
});

chat.callbackQuery(producer.caseReopen.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = producer.caseReopen.unpack(ctx.callbackQuery.data);
  if (!p) return;
  // Said at once when the window has closed (the service decides again with the reason).
  const followUp = await caseFollowUp(ctx.deps, ctx.user.id, p.caseId);
  if (!followUp.canReopen) {
    await ctx.reply(ctx.t("rating-error-cannot_reopen"));
    return;
  }
  await ratingFlow.start(ctx, "reopen", { taskId: 0, caseId: p.caseId, canReopen: true });
});

chat.use(ratingFlow.composer);

export const rating: Feature = { name: "rating", composer };
