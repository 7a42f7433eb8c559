import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { Deps } from "../deps";
import { utc } from "../db";
import { redactSecrets } from "../domain/secrets";
import type { InlineDocument, OutboundPayload } from "../services/outbox";
import { forgetUsers } from "../services/user-cache";
import type { DeliveryJobData } from "./queues";

/**
 * The one place a queued message meets the Bot API. Every notice, reminder and broadcast
 * goes through deliverOutboxMessage, once per outbox row, whatever BullMQ does with the job
 * (retries, re-queues after Redis lost it, a second run after the worker was killed).
 */

export type SenderDeps = Pick<Deps, "db" | "sql" | "redis" | "api" | "queues" | "logger" | "now" | "config">;

/** What the sender needs from the BullMQ job it runs in (a Job satisfies it). */
export interface DeliveryRun {
  job: Pick<Job<DeliveryJobData>, "id" | "attemptsMade" | "opts" | "moveToDelayed">;
  /** The worker's lock token (the processor's second argument). */
  token: string | undefined;
}

export type DeliveryOutcome = "sent" | "already-final" | "blocked" | "missing";

/**
 * Telegram allows about one message a second per private chat and 20 a minute per group.
 * The slot is taken before the request leaves, so network jitter can bring two requests
 * closer than the gap: a small margin keeps them apart on arrival.
 */
export const PRIVATE_CHAT_GAP_MS = 1_050;
export const GROUP_CHAT_GAP_MS = 3_050;
/** A delayed job is never woken sooner than this (a throttle key about to expire). */
const MIN_DELAY_MS = 50;
/** How long the "Telegram accepted it" marker outlives the send (longer than any retry). */
const SENT_MARKER_TTL_SECONDS = 7 * 24 * 3600;
const FINAL_STATUSES = new Set(["SENT", "BLOCKED", "FAILED", "CANCELLED"]);

const throttleKey = (chatId: string) => `throttle:chat:${chatId}`;
/** Set the moment Telegram accepts a row's message; read before any send. */
export const sentMarkerKey = (outboxId: number) => `sent:outbox:${outboxId}`;
const isGroupChat = (chatId: string) => chatId.startsWith("-");

/**
 * Delivers one outbox row. Idempotent: a row already SENT/BLOCKED/FAILED/CANCELLED is left
 * alone, so a retried, re-queued or duplicated job never sends twice.
 *
 * Exactly-once, and its one gap: the row is marked SENT (and a Redis marker written first,
 * so a failed UPDATE is repaired on retry without sending again) right after the Bot API
 * call returns. If the process is killed after Telegram accepted the message but before the
 * marker or the UPDATE is written, the job stalls, BullMQ runs it again and the message goes
 * out twice. Telegram has no idempotency key, so that window (one request's round trip plus
 * one Redis write) cannot be closed; it is kept as short as possible.
 */
export async function deliverOutboxMessage(data: DeliveryJobData, deps: SenderDeps, run: DeliveryRun): Promise<DeliveryOutcome> {
  const row = await outboxRow(deps, data.outboxId);
  if (!row) {
    deps.logger.warn({ outboxId: data.outboxId }, "delivery job for a missing outbox row: dropped");
    return "missing";
  }
  if (FINAL_STATUSES.has(row.status)) return "already-final";

  // Telegram accepted it in an earlier run whose UPDATE failed: finish the bookkeeping only.
  const marker = await deps.redis.get(sentMarkerKey(row.id)).catch(() => null);
  if (marker !== null) {
    await markSent(deps, row.id, Number(marker) || null, false);
    return "sent";
  }

  if (row.unreachableAt) {
    await finish(deps, row.id, "BLOCKED", `user unreachable since ${row.unreachableAt.toISOString()}`, false);
    return "blocked";
  }

  const wait = await takeChatSlot(deps, row.chatId);
  if (wait > 0) {
    // Not an attempt: the job waits its turn for this chat and keeps its priority.
    await run.job.moveToDelayed(Date.now() + wait, run.token);
    throw new DelayedError();
  }

  let messageId: number;
  try {
    messageId = await callBotApi(deps.api, row.chatId, row.payload as unknown as OutboundPayload);
  } catch (error) {
    return handleSendError(error, deps, run, row);
  }
  await markSent(deps, row.id, messageId, true);
  return "sent";
}

interface OutboxRow {
  id: number;
  chatId: string;
  userId: number | null;
  status: string;
  payload: unknown;
  /** The recipient's, when the row is for a user. */
  unreachableAt: Date | null;
}

/**
 * The row a delivery job stands for, with its recipient's reachability: one raw statement
 * (the query builder made two, compiled for every message sent — a broadcast's 2,000 too).
 */
async function outboxRow(deps: Pick<SenderDeps, "sql">, outboxId: number): Promise<OutboxRow | undefined> {
  const rows = await deps.sql.rows<OutboxRow>`
    SELECT o.id, o."chatId", o."userId", o.status::text AS status, o.payload, u."unreachableAt"
    FROM "OutboxMessage" o LEFT JOIN "User" u ON u.id = o."userId"
    WHERE o.id = ${outboxId}`;
  return rows[0];
}

/** The Bot API call the payload stands for; returns the new message's id. */
export async function callBotApi(api: Api, chatId: string, payload: OutboundPayload): Promise<number> {
  const chat_id = /^-?\d+$/.test(chatId) && Number.isSafeInteger(Number(chatId)) ? Number(chatId) : chatId;
  switch (payload.method) {
    case "sendMessage":
      return (await api.raw.sendMessage({ chat_id, ...payload.params })).message_id;
    case "sendPhoto": {
      const { photo, ...rest } = payload.params;
      return (await api.raw.sendPhoto({ chat_id, ...rest, photo: toInputFile(photo) })).message_id;
    }
    case "sendDocument": {
      const { document, ...rest } = payload.params;
      return (await api.raw.sendDocument({ chat_id, ...rest, document: toInputFile(document) })).message_id;
    }
    default: {
      const unknown: never = payload;
      throw new UnrecoverableError(`unknown outbound method ${JSON.stringify((unknown as { method?: unknown }).method)}`);
    }
  }
}

function toInputFile(document: string | InlineDocument): string | InputFile {
  if (typeof document === "string") return document;
  return new InputFile(Buffer.from(document.contentBase64, "base64"), document.filename);
}

/**
 * Per-chat throttle shared by every worker process: SET NX PX on one key per chat.
 * Returns 0 when the slot is ours, otherwise how long to wait for it.
 */
async function takeChatSlot(deps: SenderDeps, chatId: string): Promise<number> {
  const gap = isGroupChat(chatId) ? GROUP_CHAT_GAP_MS : PRIVATE_CHAT_GAP_MS;
  const taken = await deps.redis.set(throttleKey(chatId), "1", "PX", gap, "NX");
  if (taken === "OK") return 0;
  const ttl = await deps.redis.pttl(throttleKey(chatId));
  return Math.max(MIN_DELAY_MS, ttl > 0 ? ttl : gap);
}

type RowForError = { id: number; chatId: string; userId: number | null };

async function handleSendError(error: unknown, deps: SenderDeps, run: DeliveryRun, row: RowForError): Promise<DeliveryOutcome> {
  const reason = describeDeliveryError(error, deps.config);
  const log = deps.logger.child({ outboxId: row.id, jobId: run.job.id });

  if (error instanceof GrammyError && error.error_code === 429) {
    const waitMs = Math.max(1, error.parameters.retry_after ?? 1) * 1000;
    await recordAttempt(deps, row.id, reason);
    // Nothing goes to this chat before Telegram allows it again, whichever job carries it.
    await deps.redis.set(throttleKey(row.chatId), "1", "PX", waitMs);
    if (!isGroupChat(row.chatId)) {
      // Telegram does not say which limit was hit: treat it as the bot-wide one and pause the
      // queue for every worker. (A group's 20/min limit is its own: only its chat waits.)
      await deps.queues.deliveries.rateLimit(waitMs);
    }
    log.warn({ retryAfterMs: waitMs }, "Bot API flood limit hit");
    // The job itself waits as a delayed job, keeping its attempts and its priority. Not
    // RateLimitError: BullMQ puts a prioritized job back without waking idle workers, which
    // then sleep through their drainDelay (5 s) after the limit has expired.
    await run.job.moveToDelayed(Date.now() + waitMs, run.token);
    throw new DelayedError();
  }

  if (error instanceof GrammyError && error.error_code === 403) {
    // Blocked, deactivated, kicked from the group: retrying cannot help, and the user's other
    // messages stop here too (loadUser clears unreachableAt when they write again).
    await deps.db.$transaction([
      finishQuery(deps, row.id, "BLOCKED", reason, true),
      ...(row.userId === null
        ? []
        : [deps.db.user.updateMany({ where: { id: row.userId, unreachableAt: null }, data: { unreachableAt: deps.now() } })]),
    ]);
    // The cached user must say so too: their next update clears unreachableAt (loadUser).
    if (row.userId !== null) await forgetUsers(deps, [row.userId]);
    log.info({ reason }, "recipient unreachable: message not sent");
    return "blocked";
  }

  if (error instanceof GrammyError && error.error_code === 400 && error.parameters.migrate_to_chat_id !== undefined) {
    // The group became a supergroup with a new id: send there on the next attempt.
    await deps.db.outboxMessage.update({
      where: { id: row.id },
      data: { chatId: String(error.parameters.migrate_to_chat_id), attempts: { increment: 1 }, lastError: reason },
    });
    throw error;
  }

  if (error instanceof GrammyError && error.error_code === 400) {
    // chat not found, bad markup, text too long…: the same request will fail the same way.
    await finish(deps, row.id, "FAILED", reason, true);
    log.warn({ reason }, "Bot API refused the message: not retried");
    throw new UnrecoverableError(reason);
  }

  // 5xx, 401/404 (deployment problems), network errors: BullMQ retries with backoff.
  const attempts = run.job.opts.attempts ?? 1;
  if (run.job.attemptsMade + 1 >= attempts) {
    await finish(deps, row.id, "FAILED", reason, true);
    log.error({ reason, attempts }, "delivery failed after the last attempt");
  } else {
    await recordAttempt(deps, row.id, reason);
    log.warn({ reason, attempt: run.job.attemptsMade + 1, attempts }, "delivery failed: will retry");
  }
  throw error;
}

/**
 * The text stored in the outbox's lastError (and shown to the secretariat in a broadcast's
 * failure list): every error the sender records is described here, and only here. A network
 * failure's inner message is the fetch error, which names the request URL and so the bot
 * token: it is redacted before it is stored or logged.
 */
export function describeDeliveryError(error: unknown, config: Pick<Deps["config"], "BOT_TOKEN">): string {
  let text: string;
  if (error instanceof GrammyError) text = `${error.error_code} ${error.description}`;
  else if (error instanceof HttpError) text = `network: ${error.message}${error.error instanceof Error ? ` (${error.error.message})` : ""}`;
  else text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text, [config.BOT_TOKEN]);
}

async function recordAttempt(deps: SenderDeps, outboxId: number, lastError: string): Promise<void> {
  await deps.db.outboxMessage.update({ where: { id: outboxId }, data: { attempts: { increment: 1 }, lastError } });
}

/** Sets a final status unless one is already set (a concurrent run may have finished first). */
function finishQuery(
  deps: Pick<SenderDeps, "db" | "now">,
  outboxId: number,
  status: "BLOCKED" | "FAILED",
  lastError: string,
  countAttempt: boolean,
) {
  return deps.db.outboxMessage.updateMany({
    where: { id: outboxId, status: { in: ["PENDING", "QUEUED"] } },
    data: { status, lastError, finishedAt: deps.now(), ...(countAttempt && { attempts: { increment: 1 } }) },
  });
}

async function finish(...args: Parameters<typeof finishQuery>): Promise<void> {
  await finishQuery(...args);
}

/**
 * Records a message Telegram accepted. The Redis marker comes first (one fast write), so if
 * PostgreSQL is briefly unavailable the retry repairs the row instead of sending again.
 */
async function markSent(deps: SenderDeps, outboxId: number, messageId: number | null, countAttempt: boolean): Promise<void> {
  if (countAttempt) {
    await deps.redis
      .set(sentMarkerKey(outboxId), String(messageId ?? 0), "EX", SENT_MARKER_TTL_SECONDS)
      .catch((error: unknown) => deps.logger.warn({ err: error, outboxId }, "could not write the sent marker"));
  }
  // Raw, once per message sent (see outboxRow); unless a concurrent run finished it first.
  await deps.sql.run`
    UPDATE "OutboxMessage"
    SET status = 'SENT', "sentMessageId" = ${messageId}, "finishedAt" = ${utc(deps.now())},
        attempts = attempts + ${countAttempt ? 1 : 0}
    WHERE id = ${outboxId} AND status IN ('PENDING', 'QUEUED')`;
}

/**
 * Called when BullMQ gives a delivery job up (last attempt failed, stalled too often, bad
 * data): the row must not stay QUEUED for ever. Harmless when the row is already final.
 */
export async function markDeliveryGivenUp(deps: SenderDeps, outboxId: number, error: unknown): Promise<void> {
  // A last run may have been accepted by Telegram and then failed on its UPDATE.
  const marker = await deps.redis.get(sentMarkerKey(outboxId)).catch(() => null);
  if (marker !== null) await markSent(deps, outboxId, Number(marker) || null, false);
  else await finish(deps, outboxId, "FAILED", describeDeliveryError(error, deps.config), false);
}
