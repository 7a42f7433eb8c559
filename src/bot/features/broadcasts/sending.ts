// The preview's buttons (send, change the audience, drop) and the live cancel. The buttons
// carry the broadcast's id; the services re-check the role and the status in their transactions.
import { Composer } from "../../composer";
import { isRefusal } from "../../../domain/refusal";
import { broadcastProgress, draftToSend } from "../../../services/broadcast-sending";
import { cancelBroadcast, discardBroadcastDraft, progressCancelKeyboard, progressText, startBroadcast } from "../../../services/broadcasts";
import { broadcasts as B } from "../../../buttons";
import type { BotContext } from "../../context";
import { isInfrastructureError } from "../../middlewares/errors";
import { answerRefusal, refusedOr } from "../../reply";
import { broadcastFlow } from "./compose-flow";

export const sending = new Composer<BotContext>();
const chat = sending.chatType("private");

chat.callbackQuery(B.broadcastDrop.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.broadcastDrop.unpack(ctx.callbackQuery.data);
  if (!p) return;
  try {
    await discardBroadcastDraft(ctx.deps, ctx.user.id, p.broadcastId);
  } catch (error) {
    if (!(isRefusal(error) && error.reason === "not_draft")) return answerRefusal(ctx, error);
  }
  const flow = broadcastFlow.current(ctx);
  if (p.then === "aud" && flow) {
    await broadcastFlow.go(ctx, flow, "audience");
    return;
  }
  ctx.session.flow = undefined;
  await ctx.reply(ctx.t("broadcasts-discarded"));
});

chat.callbackQuery(B.broadcastSend.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.broadcastSend.unpack(ctx.callbackQuery.data);
  if (!p || !ctx.chat) return;
  const id = p.broadcastId;
  const draft = await refusedOr(ctx, () => draftToSend(ctx.deps, ctx.user, id));
  if (!draft) return;
  // The progress message first: its id is stored with the broadcast, for the edits to come.
  const initial = { total: draft.total, sent: 0, failed: 0, blocked: 0, cancelled: 0, remaining: draft.total };
  const progress = await ctx.reply(progressText(ctx.deps.t, ctx.locale, { id, status: "SENDING" }, initial), {
    reply_markup: progressCancelKeyboard(ctx.t("broadcasts-cancel-button"), id),
  });
  try {
    const started = await startBroadcast(ctx.deps, ctx.user.id, id, { chatId: String(ctx.chat.id), messageId: progress.message_id });
    ctx.session.flow = undefined;
    try {
      await ctx.deps.scheduler.startBroadcastProgress(id, String(ctx.chat.id));
    } catch (error) {
      ctx.logger.warn({ err: error, broadcastId: id }, "could not start the progress timer; delivery goes on");
    }
    ctx.logger.info({ broadcastId: id, total: started.total }, "broadcast started");
  } catch (error) {
    const key = isRefusal(error) ? error.messageKey : isInfrastructureError(error) ? "error-unavailable" : null;
    if (!key) throw error;
    await ctx.api.editMessageText(ctx.chat.id, progress.message_id, ctx.t(key)).catch(() => undefined);
  }
});

chat.callbackQuery(B.broadcastCancel.filter, async (ctx) => {
  const p = B.broadcastCancel.unpack(ctx.callbackQuery.data);
  if (!p) return ctx.answerCallbackQuery();
  try {
    const { cancelledIds } = await cancelBroadcast(ctx.deps, ctx.user.id, p.broadcastId);
    await ctx.answerCallbackQuery({ text: ctx.t("broadcasts-cancelled-toast") });
    await ctx.deps.scheduler.dropQueuedDeliveries(cancelledIds).catch((error: unknown) => ctx.logger.warn({ err: error }, "could not drop cancelled jobs"));
    const counts = await broadcastProgress(ctx.deps, p.broadcastId);
    await ctx.editMessageText(progressText(ctx.deps.t, ctx.locale, { id: p.broadcastId, status: "CANCELLED" }, counts)).catch(() => undefined);
  } catch (error) {
    await ctx.answerCallbackQuery();
    await answerRefusal(ctx, error);
  }
});
