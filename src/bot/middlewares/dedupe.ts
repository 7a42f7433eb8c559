import type { Middleware } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../../logger";
import { logUnlessOutage, type OutageTracker } from "../../outage-log";
import type { BotContext } from "../context";

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
}

export function dedupeUpdates({ redis, logger, transport, instanceId, outages }: DedupeOptions): Middleware<BotContext> {
  const mine = `run:${instanceId}`;
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const key = updateKey(ctx.me.id, updateId);
    let claimed: boolean;
    try {
      claimed = await claim(redis, key, mine, transport, updateId, logger);
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

/** True when this process should handle the update; throws UpdateInProgressError for "not now". */
async function claim(redis: Redis, key: string, mine: string, transport: UpdateTransport, updateId: number, logger: Logger): Promise<boolean> {
  for (let tries = 0; tries < 3; tries += 1) {
    if ((await redis.set(key, mine, "EX", CLAIM_SECONDS, "NX")) === "OK") return true;
    const holder = await redis.get(key);
    if (holder === null) continue; // the claim expired in between: try again
    if (holder === "done" || holder === mine) {
      logger.info({ updateId, state: holder === "done" ? "done" : "in progress here" }, "duplicate update dropped");
      return false;
    }
    if (transport === "webhook") throw new UpdateInProgressError(updateId);
    logger.warn({ updateId }, "update left unfinished by a stopped process: handling it");
    await redis.set(key, mine, "EX", CLAIM_SECONDS);
    return true;
  }
  return true;
}
