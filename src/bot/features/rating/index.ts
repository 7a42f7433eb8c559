// Scope: private chats; producers (representatives of the case's unit: not a membership role,
// so the service checks each tap against the case). "Did it help?": the 1–5 buttons of the
// task-confirmed notice, an optional comment, and after a low rating the offer to reopen the
// case (within REOPEN_WINDOW_DAYS) with a reason (flow.ts). Answers are new messages: the
// notice with the scores stays as it was.
import { Composer } from "grammy";
import { rating as buttons, shared } from "../../../buttons";
import { rateTask } from "../../../services/ratings";
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

chat.use(ratingFlow.composer);

export const rating: Feature = { name: "rating", composer };
