/**
 * Long polling that loses nothing, run by exactly one process at a time.
 *
 * The poller. getUpdates' `offset` confirms to the platform every update below it, for good: a
 * confirmed update is never handed out again. @grammyjs/runner asks for the next batch while
 * the previous one is still being handled, so a stop (or a crash) in between loses updates it
 * had confirmed but not finished. Here the offset sent is always the oldest update still being
 * handled (or, when none is, the one after the newest fetched): an update is confirmed only
 * once it is handled. While one is in progress the platform keeps returning it with the new
 * ones, so those are skipped (they are ours already) and the next call waits for a handler to
 * finish or IN_FLIGHT_POLL_MS, instead of long-polling. (A getUpdates returns 100 updates from
 * the offset, so while the oldest one is unfinished, at most 100 are taken.) Per-chat and per-user order is kept by
 * the bot's sequentialize middleware (main.ts), as under the runner.
 *
 * The lock. Two processes polling one bot make the platform end one's getUpdates with 409 every
 * time the other asks. So polling needs a Redis lock (`<REDIS_PREFIX>:polling:<bot id>`, SET NX
 * PX, renewed every third of its lifetime by a compare-and-extend script, released by a
 * compare-and-delete one): the holder polls; any other process is a hot standby that tries
 * again every fifth of the lifetime, so it takes over within about POLLING_LOCK_TTL_MS of the
 * holder's death, or at once after an orderly stop releases it. A holder that cannot renew for
 * a whole lifetime (or finds the lock taken) stops polling and stands by again.
 */
import type { Bot, Context } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Logger } from "./logger";

/** While an update is in progress: poll again after this long (or as soon as one finishes). */
const IN_FLIGHT_POLL_MS = 250;
const MAX_IN_FLIGHT = 500;
const LONG_POLL_SECONDS = 30;

/**
 * Waits `ms`, or until `signal` aborts, or until the function handed to `onWake` is called:
 * whichever comes first ends the wait and leaves no timer or listener behind. (A wait raced
 * against a separate wake-up promise kept its listener on the signal until its timer fired:
 * under load a dozen piled up there, and Node warned of a leak.)
 */
const sleep = (ms: number, signal?: AbortSignal, onWake?: (wake: () => void) => void) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
    onWake?.(done);
  });

export interface Poller {
  /** Stops asking for updates (the long poll in progress is aborted); handlers go on. */
  stop(): Promise<void>;
  /** Waits (until `deadline`, ms since the epoch) for the handlers, then confirms what they finished. */
  drain(deadline: number): Promise<{ unfinished: number }>;
  /** Ends when stopped; rejects when polling cannot go on (the token was revoked). */
  task: Promise<void>;
}

export function startPoller<C extends Context>(bot: Bot<C>, logger: Logger, allowedUpdates?: readonly string[]): Poller {
  const inFlight = new Map<number, Promise<void>>();
  let nextNew = 0;
  let confirmed = 0;
  let stopping = false;
  const stopped = new AbortController();
  let wake: () => void = () => undefined;
  const offset = () => (inFlight.size > 0 ? Math.min(...inFlight.keys()) : nextNew);

  const dispatch = (update: Update) => {
    const id = update.update_id;
    const handled = bot
      .handleUpdate(update)
      .catch((error: unknown) => bot.errorHandler(error as Parameters<Bot<C>["errorHandler"]>[0]))
      .catch((error: unknown) => logger.error({ err: error, updateId: id }, "the error handler failed"))
      .then(() => undefined)
      .finally(() => {
        inFlight.delete(id);
        wake();
      });
    inFlight.set(id, handled);
  };

  const fetchUpdates = async (): Promise<Update[]> => {
    const sent = offset();
    const updates = await bot.api.getUpdates(
      { offset: sent, limit: 100, timeout: inFlight.size > 0 ? 0 : LONG_POLL_SECONDS, ...(allowedUpdates && { allowed_updates: allowedUpdates as never }) },
      // grammY types the signal as the abort-controller shim's; Node's is the same at run time.
      stopped.signal as Parameters<Bot<C>["api"]["getUpdates"]>[1],
    );
    confirmed = Math.max(confirmed, sent);
    return updates;
  };

  const loop = async () => {
    let retryMs = 100;
    while (!stopping) {
      if (inFlight.size >= MAX_IN_FLIGHT) {
        await Promise.race(inFlight.values());
        continue;
      }
      let updates: Update[];
      try {
        updates = await fetchUpdates();
        retryMs = 100;
      } catch (error) {
        if (stopping) break;
        const { error_code: code, parameters } = error as { error_code?: number; parameters?: { retry_after?: number } };
        if (code === 401) throw error; // the token is no longer valid: nothing to wait for
        // Failed calls are logged by createBot's logFailedCalls; here we only wait and retry.
        await sleep(code === 429 && parameters?.retry_after ? parameters.retry_after * 1000 : retryMs, stopped.signal);
        retryMs = Math.min(retryMs * 2, 5_000); // back within 5 s of the Bot API
        continue;
      }
      for (const update of updates) {
        // Below nextNew: in progress here (not confirmed yet, so handed out again) or done.
        if (update.update_id < nextNew) continue;
        nextNew = update.update_id + 1;
        dispatch(update);
      }
      if (inFlight.size > 0 && !stopping) {
        await sleep(IN_FLIGHT_POLL_MS, stopped.signal, (done) => (wake = done));
      }
    }
  };

  const task = loop();
  return {
    task,
    async stop() {
      stopping = true;
      stopped.abort();
      await task.catch(() => undefined);
    },
    async drain(deadline) {
      const remaining = Math.max(0, deadline - Date.now());
      if (inFlight.size > 0) await Promise.race([Promise.allSettled([...inFlight.values()]), sleep(remaining)]);
      const unfinished = inFlight.size;
      // Confirms the finished ones (an unfinished one stays with the platform for the next poller).
      if (offset() > confirmed) {
        await bot.api.getUpdates({ offset: offset(), limit: 1, timeout: 0 }).then(
          () => (confirmed = offset()),
          (error: unknown) => logger.warn({ err: error }, "could not confirm the handled updates; the next poller drops them as done"),
        );
      }
      return { unfinished };
    },
  };
}

const RENEW_SCRIPT = `local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE_SCRIPT = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export const pollingLockKey = (botId: number) => `polling:${botId}`;

export interface PollingLeaderOptions {
  redis: Redis;
  logger: Logger;
  /** This process (random per start). */
  instanceId: string;
  ttlMs: number;
  allowedUpdates?: readonly string[];
}

export interface PollingLeader {
  /** "active" while this process polls. */
  readonly state: "standby" | "active" | "stopped";
  /** Stops polling, waits for the handlers until `deadline`, confirms them, releases the lock. */
  stop(deadline: number): Promise<{ unfinished: number }>;
  /** Rejects when polling cannot go on (the token was revoked). */
  task: Promise<void>;
}

/** Polls while holding the lock, stands by otherwise; see the top of this file. */
export function runPollingLeader<C extends Context>(bot: Bot<C>, options: PollingLeaderOptions): PollingLeader {
  const { redis, logger, instanceId, ttlMs } = options;
  const key = pollingLockKey(bot.botInfo.id);
  const halt = new AbortController();
  let state: PollingLeader["state"] = "standby";
  let poller: Poller | undefined;

  const acquire = async (): Promise<boolean> => (await redis.set(key, instanceId, "PX", ttlMs, "NX")) === "OK";

  /** Polls until the lock is lost or we are stopped; rejects when the poller does. */
  const lead = async () => {
    state = "active";
    logger.info({ instance: instanceId }, "polling lock acquired: taking updates");
    const current = startPoller(bot, logger, options.allowedUpdates);
    poller = current;
    let renewedAt = Date.now();
    let warned = false;
    let lost = false;
    const pollerEnded = current.task.then(() => "stopped" as const);
    while (!halt.signal.aborted && !lost) {
      const tick = await Promise.race([sleep(ttlMs / 3, halt.signal).then(() => "tick" as const), pollerEnded]);
      if (tick === "stopped" || halt.signal.aborted) break;
      try {
        if ((await redis.eval(RENEW_SCRIPT, 1, key, instanceId, ttlMs)) === 1) {
          renewedAt = Date.now();
          warned = false;
        } else lost = true;
      } catch (error) {
        // Once per outage, not at every renewal (every few seconds).
        if (!warned) logger.warn({ err: error }, "could not renew the polling lock; polling on while it has not expired");
        warned = true;
        lost = Date.now() - renewedAt >= ttlMs;
      }
    }
    if (lost) {
      logger.error("lost the polling lock (another instance holds it, or Redis was out of reach too long): standing by");
      await current.stop();
      await current.drain(Date.now() + ttlMs);
      poller = undefined;
      state = "standby";
    }
  };

  const task = (async () => {
    let announced = false;
    let unreachable = false;
    while (!halt.signal.aborted) {
      let mine = false;
      try {
        mine = await acquire();
        unreachable = false;
      } catch (error) {
        // Once per outage: a standby asks every second.
        if (!unreachable) logger.warn({ err: error }, "could not ask Redis for the polling lock; trying again");
        unreachable = true;
      }
      if (mine) {
        await lead();
        announced = false;
        continue;
      }
      if (!announced) {
        const holder = await redis.get(key).catch(() => null);
        logger.info({ holder }, "another instance is polling: this one is a hot standby");
        announced = true;
      }
      await sleep(ttlMs / 5, halt.signal);
    }
  })();

  return {
    get state() {
      return state;
    },
    task,
    async stop(deadline) {
      halt.abort();
      const current = poller;
      let unfinished = 0;
      if (current) {
        await current.stop();
        ({ unfinished } = await current.drain(deadline));
      }
      await task.catch(() => undefined);
      state = "stopped";
      // Released after the last confirmation, so the next holder never races our getUpdates.
      if (current) await redis.eval(RELEASE_SCRIPT, 1, key, instanceId).catch((error: unknown) => logger.warn({ err: error }, "could not release the polling lock"));
      return { unfinished };
    },
  };
}
