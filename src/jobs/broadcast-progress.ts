/**
 * A broadcast's progress message, edited about every two seconds while it is being sent.
 *
 * The timer is a BullMQ job scheduler with a deterministic id per broadcast
 * (`broadcast-progress-<id>`): upserting it twice is a no-op, it survives a restart in Redis,
 * and it holds one pending job at a time however long the workers were away. Each run reads
 * the outbox rows' statuses, marks the broadcast DONE when none is left to send (and queues
 * the final report once), edits the message if the figures changed, and removes the
 * scheduler after the final figures are shown.
 */
import { GrammyError, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Deps } from "../deps";
import { isLocale, type Locale } from "../i18n";
import { finishBroadcastIfDone, progressCancelKeyboard, progressText, type BroadcastCounts } from "../services/broadcasts";
import { deliveryJobId } from "./outbox-relay";
import type { TimerData } from "../services/timers";

export const PROGRESS_EVERY_MS = 2_000;
const SHOWN_TTL_SECONDS = 24 * 3600;
/** Same key and gap as the sender's per-chat throttle (src/jobs/sender.ts), so an edit never
 * takes the slot of a message to the same chat and earns it a 429. */
const throttleKey = (chatId: string) => `throttle:chat:${chatId}`;
const PRIVATE_CHAT_GAP_MS = 1_050;

export const progressSchedulerId = (broadcastId: number) => `broadcast-progress-${broadcastId}`;
const shownKey = (broadcastId: number) => `broadcast:${broadcastId}:progress-shown`;

/**
 * Starts (or keeps) the progress timer of a broadcast. `progressChatId`: the chat the progress
 * message was just sent to; its one-a-second slot is taken so the first edit waits its turn.
 */
export async function startBroadcastProgress(deps: Pick<Deps, "queues" | "redis">, broadcastId: number, progressChatId?: string): Promise<void> {
  if (progressChatId) await deps.redis.set(throttleKey(progressChatId), "1", "PX", PRIVATE_CHAT_GAP_MS, "NX");
  await deps.queues.timers.upsertJobScheduler(
    progressSchedulerId(broadcastId),
    { every: PROGRESS_EVERY_MS },
    { name: "broadcast-progress", data: { type: "broadcast-progress", broadcastId } },
  );
}

/**
 * A worker start hook: every broadcast still being sent gets its progress timer back, in case
 * Redis lost it (upserting an existing scheduler changes nothing).
 */
export async function resumeBroadcastProgress(deps: Pick<Deps, "db" | "queues" | "redis">): Promise<void> {
  const sending = await deps.db.broadcast.findMany({ where: { status: "SENDING" }, select: { id: true } });
  for (const broadcast of sending) await startBroadcastProgress(deps, broadcast.id);
}

export async function stopBroadcastProgress(deps: Pick<Deps, "queues">, broadcastId: number): Promise<void> {
  await deps.queues.timers.removeJobScheduler(progressSchedulerId(broadcastId));
}


/** Drops the queued delivery jobs of cancelled rows so they do not wait their turn (best effort). */
export async function dropQueuedDeliveries(deps: Pick<Deps, "queues" | "logger">, outboxIds: readonly number[]): Promise<void> {
  for (let i = 0; i < outboxIds.length; i += 100) {
    const chunk = outboxIds.slice(i, i + 100);
    // A job that is running right now cannot be removed; the sender skips its CANCELLED row.
    await Promise.all(chunk.map((id) => deps.queues.deliveries.remove(deliveryJobId(id)).catch(() => 0)));
  }
  deps.logger.debug({ count: outboxIds.length }, "dropped cancelled broadcast deliveries");
}

/** The timer handler (see the module comment). */
export async function updateBroadcastProgress(data: TimerData<"broadcast-progress">, deps: Deps): Promise<void> {
  const state = await finishBroadcastIfDone(deps, data.broadcastId);
  const broadcast = state
    ? await deps.db.broadcast.findUnique({
        where: { id: data.broadcastId },
        select: { id: true, status: true, progressChatId: true, progressMessageId: true, createdBy: { select: { language: true } } },
      })
    : null;
  if (!state || !broadcast || state.status === "DRAFT") {
    await stopBroadcastProgress(deps, data.broadcastId);
    return;
  }
  const final = state.status !== "SENDING" && state.counts.remaining === 0;
  let shown = true;
  if (broadcast.progressChatId && broadcast.progressMessageId) {
    const locale: Locale = isLocale(broadcast.createdBy.language) ? broadcast.createdBy.language : "fa";
    const status = state.status;
    shown = await showProgress(deps, { ...broadcast, status }, state.counts, locale, final);
  }
  if (final && shown) {
    await stopBroadcastProgress(deps, data.broadcastId);
    await deps.redis.del(shownKey(data.broadcastId));
  }
}

/**
 * Edits the progress message when its figures changed. False when it could not be shown now
 * (chat slot taken, flood limit, network): the next run tries again.
 */
async function showProgress(
  deps: Pick<Deps, "redis" | "api" | "t" | "logger">,
  broadcast: { id: number; status: "SENDING" | "DONE" | "CANCELLED"; progressChatId: string | null; progressMessageId: number | null },
  counts: BroadcastCounts,
  locale: Locale,
  final: boolean,
): Promise<boolean> {
  const chatId = broadcast.progressChatId as string;
  const text = progressText(deps.t, locale, broadcast, counts);
  if ((await deps.redis.get(shownKey(broadcast.id))) === text) return true;
  const slot = await deps.redis.set(throttleKey(chatId), "1", "PX", PRIVATE_CHAT_GAP_MS, "NX");
  if (slot !== "OK") return false;
  try {
    await editProgress(deps.api, chatId, broadcast.progressMessageId as number, text, final ? undefined : progressCancelKeyboard(deps.t(locale, "broadcasts-cancel-button"), broadcast.id));
  } catch (error) {
    const permanent = error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403);
    if (!permanent) {
      deps.logger.debug({ err: error, broadcastId: broadcast.id }, "progress edit failed; next tick retries");
      return false;
    }
    // "message is not modified", the message was deleted, the author blocked the bot: nothing to retry.
  }
  await deps.redis.set(shownKey(broadcast.id), text, "EX", SHOWN_TTL_SECONDS);
  return true;
}

async function editProgress(api: Api, chatId: string, messageId: number, text: string, markup: InlineKeyboardMarkup | undefined): Promise<void> {
  const chat = /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
  await api.editMessageText(chat, messageId, text, markup ? { reply_markup: markup } : {});
}
