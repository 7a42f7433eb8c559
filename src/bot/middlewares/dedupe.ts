import type { Middleware } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../../logger";
import { logUnlessOutage, type OutageTracker } from "../../outage-log";
import type { BotContext } from "../context";
import { countInWindowLua } from "./inbound-limit";

/**
 * Each update is handled once, across processes. Telegram (and Bale) post an update again when
 * the webhook answered late or with a non-2xx status, and getUpdates hands out again what a
 * crashed poller never confirmed; without this, the same message would be answered twice and,
 * worse, the same button press acted on twice.
 *
 * One Redis key per update, `<REDIS_PREFIX>:update:<bot id>:<update_id>` (update ids are per
 * bot, so several bots can share a Redis), claimed with SET NX before any handler runs:
 *
 * - `run:<instance>` while a process handles it, for CLAIM_SECONDS (longer than the webhook's
 *   25 s answer, see src/server.ts, after which the platform has its 200 and sends no more);
 * - `done` for a day once handled (Telegram gives up redelivering long before that).
 *
 * A copy that finds `done` is dropped. A copy that finds another process's claim depends on the
 * transport. Webhook: that process may be alive (the platform only lost our answer) or dead
 * mid-update; we cannot tell, so we answer "not now" (UpdateInProgressError, a 503) and the
 * platform tries again later, to find `done` (dropped) or, once a dead process's claim has
 * expired, nothing (handled). Polling: only one process polls a bot at a time, so a claim of
 * another instance is a dead one's; we take it over and handle the update.
 *
 * If handling fails, the claim is released, so the platform's redelivery is handled afresh.
 * Only infrastructure failures get that far (the error boundary answers every handler error to
 * the user and lets the update end normally), and they stop an update before it did anything;
 * what could be doubled by a re-run is idempotent anyway (submission keys, outbox dedupe keys).
 */

export const UPDATE_DONE_TTL_SECONDS = 24 * 3600;
export const CLAIM_SECONDS = 60;

export type UpdateTransport = "webhook" | "polling";

/** Another process is handling this update right now: the webhook answers 503 (retry later). */
export class UpdateInProgressError extends Error {
  override name = "UpdateInProgressError";
  constructor(readonly updateId: number) {
    super(`update ${updateId} is being handled by another process`);
  }
}

export const updateKey = (botId: number, updateId: number) => `update:${botId}:${updateId}`;

/**
 * The claim and, when it is ours, the sender's count in the inbound limit's window
 * (src/bot/middlewares/inbound-limit.ts), in one round trip: KEYS[1] the update, KEYS[2] the
 * sender's counter (absent: nothing to count); ARGV: our claim, its seconds, the window (ms).
 * Answers {1, hits} when claimed (hits 0 when not counted), else {0, the key's holder}. The
 * counting is inbound-limit.ts's (countInWindowLua).
 */
const CLAIM_SCRIPT = `
if redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], 'NX') then
  if #KEYS < 2 then return {1, 0} end
  ${countInWindowLua("KEYS[2]", "ARGV[3]")}
  return {1, hits}
end
return {0, redis.call('GET', KEYS[1])}`;

/** Deletes the key only if it still holds our claim (it may have expired and been re-claimed). */
const RELEASE_SCRIPT = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export interface DedupeOptions {
  redis: Redis;
  logger: Logger;
  transport: UpdateTransport;
  /** This process (a random id per bot instance). */
  instanceId: string;
  /** Redis being down is told once per outage there (src/outage-log.ts), not once per update. */
  outages?: { redis: OutageTracker };
  /**
   * The inbound limit's counting, done with the claim (one Redis call for both): the sender's
   * counter key (undefined: not counted) and the window. The count is left in ctx.inboundHits.
   */
  counter?: { key: (ctx: BotContext) => string | undefined; windowMs: number };
}

export function dedupeUpdates({ redis, logger, transport, instanceId, outages, counter }: DedupeOptions): Middleware<BotContext> {
  const mine = `run:${instanceId}`;
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const key = updateKey(ctx.me.id, updateId);
    const counterKey = counter?.key(ctx);
    let claimed: boolean;
    try {
      ({ claimed, hits: ctx.inboundHits } = await claim(redis, { key, mine, transport, updateId, logger }, counterKey === undefined ? undefined : { key: counterKey, windowMs: counter?.windowMs ?? 0 }));
    } catch (error) {
      if (error instanceof UpdateInProgressError) throw error;
      // Redis is down: sessions are too, and the update would fail inside; it is handled (the
      // error boundary tells the user) rather than dropped unseen.
      const message = "could not check the update for a duplicate; handling it";
      logUnlessOutage(outages, () => logger.warn({ err: error, updateId }, message), error, { updateId }, message);
      return next();
    }
    if (!claimed) return;
    try {
      await next();
    } catch (error) {
      await redis.eval(RELEASE_SCRIPT, 1, key, mine).catch(() => undefined);
      throw error;
    }
    await redis
      .set(key, "done", "EX", UPDATE_DONE_TTL_SECONDS)
      .catch((error: unknown) => {
        const message = "could not mark the update handled";
        logUnlessOutage(outages, () => logger.warn({ err: error, updateId }, message), error, { updateId }, message);
      });
  };
}

interface Claim {
  key: string;
  mine: string;
  transport: UpdateTransport;
  updateId: number;
  logger: Logger;
}

/**
 * Whether this process should handle the update, and the sender's count when the script took
 * it; throws UpdateInProgressError for "not now". A claim taken over from a stopped process
 * has no count (the inbound limit counts it on its own, a rare path).
 */
async function claim(redis: Redis, { key, mine, transport, updateId, logger }: Claim, counter: { key: string; windowMs: number } | undefined): Promise<{ claimed: boolean; hits?: number }> {
  // One script: the claim and the look at its holder are atomic (no expiry in between to retry).
  const keys = counter ? [key, counter.key] : [key];
  const [won, answer] = (await redis.eval(CLAIM_SCRIPT, keys.length, ...keys, mine, CLAIM_SECONDS, counter?.windowMs ?? 0)) as [number, number | string | null | undefined];
  if (won === 1) return { claimed: true, ...(counter ? { hits: Number(answer) } : {}) };
  const holder = answer ?? null;
  if (holder === "done" || holder === mine) {
    logger.info({ updateId, state: holder === "done" ? "done" : "in progress here" }, "duplicate update dropped");
    return { claimed: false };
  }
  if (transport === "webhook") throw new UpdateInProgressError(updateId);
  logger.warn({ updateId }, "update left unfinished by a stopped process: handling it");
  await redis.set(key, mine, "EX", CLAIM_SECONDS);
  return { claimed: true };
}
