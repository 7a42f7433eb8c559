// Scope: private chats; producers (representatives of the case's unit; re-checked by the
// service). "Did it help?": the 1–5 buttons of the task-confirmed notice, an optional comment,
// and after a low rating the offer to reopen the case (within REOPEN_WINDOW_DAYS) with a reason.
import { Composer, InlineKeyboard } from "grammy";
import { normalizeText } from "../../domain/text";
import { commentOnRating, COMMENT_MAX, RatingError, rateTask, reopenAfterRating, REOPEN_REASON_MIN } from "../../services/ratings";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { currentFlow, endFlow, inFlow, isCommand, registerFlow, startFlow } from "../flow";

const FLOW = "rating";

type RatingFlowData = { taskId: number; canReopen: boolean };
const dataOf = (flow: Flow) => flow.data as RatingFlowData;

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const { taskId, canReopen } = dataOf(flow);
  if (flow.step === "reopen") {
    await ctx.reply(ctx.t("rating-ask-reopen-reason", { min: REOPEN_REASON_MIN }), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), "flow:cancel"),
    });
    return;
  }
  const keyboard = new InlineKeyboard().text(ctx.t("button-skip"), "rt:skip");
  if (canReopen) keyboard.row().text(ctx.t("rating-button-reopen"), cb("rt", "ro", taskId));
  await ctx.reply(ctx.t("rating-ask-comment"), { reply_markup: keyboard });
}

registerFlow(FLOW, ask);

async function explain(ctx: BotContext, error: unknown): Promise<void> {
  if (!(error instanceof RatingError)) throw error;
  await ctx.reply(ctx.t(`rating-error-${error.reason}`));
}

export const rating = new Composer<BotContext>();
const chat = rating.chatType("private");

chat.callbackQuery(/^rt:(\d+):([1-5])$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const taskId = idFrom(ctx.match[1]);
  const score = Number(ctx.match[2]);
  if (taskId === null) return;
  try {
    const result = await rateTask(ctx.deps, ctx.user.id, taskId, score);
    await ctx.reply(ctx.t(result.low ? "rating-thanks-low" : "rating-thanks", { score }));
    const flow = startFlow(ctx, FLOW, "comment", { taskId, canReopen: result.canReopen } satisfies RatingFlowData);
    await ask(ctx, flow);
  } catch (error) {
    await explain(ctx, error);
  }
});

chat.callbackQuery(/^rt:ro:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const taskId = idFrom(ctx.match[1]);
  if (taskId === null) return;
  // The service decides again when the reason is sent; this only opens the prompt.
  const flow = startFlow(ctx, FLOW, "reopen", { taskId, canReopen: true } satisfies RatingFlowData);
  await ask(ctx, flow);
});

const inRating = chat.filter(inFlow(FLOW));

inRating.callbackQuery("rt:skip", async (ctx) => {
  await ctx.answerCallbackQuery();
  endFlow(ctx);
  await ctx.reply(ctx.t("rating-done"));
});

inRating.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const { taskId } = dataOf(flow);
  const text = normalizeText(ctx.message.text);
  if (flow.step === "reopen") {
    if (text.length < REOPEN_REASON_MIN || text.length > COMMENT_MAX) {
      await ctx.reply(ctx.t("rating-reason-invalid", { min: REOPEN_REASON_MIN, max: COMMENT_MAX }));
      return ask(ctx, flow);
    }
    try {
      const { trackingCode } = await reopenAfterRating(ctx.deps, ctx.user.id, taskId, text);
      endFlow(ctx);
      await ctx.reply(ctx.t("rating-reopened", { code: trackingCode }));
    } catch (error) {
      endFlow(ctx);
      await explain(ctx, error);
    }
    return;
  }
  if (text.length === 0 || text.length > COMMENT_MAX) {
    await ctx.reply(ctx.t("rating-reason-invalid", { min: 1, max: COMMENT_MAX }));
    return ask(ctx, flow);
  }
  try {
    await commentOnRating(ctx.deps, ctx.user.id, taskId, text);
    endFlow(ctx);
    const reopen = dataOf(flow).canReopen ? new InlineKeyboard().text(ctx.t("rating-button-reopen"), cb("rt", "ro", taskId)) : undefined;
    await ctx.reply(ctx.t("rating-comment-saved"), reopen ? { reply_markup: reopen } : {});
  } catch (error) {
    endFlow(ctx);
    await explain(ctx, error);
  }
});

inRating.on("message", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (flow) {
    await ctx.reply(ctx.t("expected-text"));
    await ask(ctx, flow);
  }
});
