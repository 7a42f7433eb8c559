import type { Deps } from "../deps";

/**
 * Noticing that Redis lost its data (a FLUSHDB, a restart without persistence, a failover to
 * an empty replica), so the jobs it held come back within seconds instead of waiting for the
 * periodic sweep. PostgreSQL is the truth (QUEUED outbox rows, tasks with reminders due);
 * Redis only holds the jobs that act on it.
 *
 * How: a sentinel key, written when a worker starts and after every recovery. Every
 * CHECK_INTERVAL_MS, and at once whenever a Redis connection becomes ready again (ioredis
 * "ready" after a reconnect), the worker asks whether it is still there: one EXISTS on Redis,
 * nothing on PostgreSQL, so checking often costs nothing. Gone means the data went with it.
 * The sentinel is written back first (so a second loss during the recovery is noticed too),
 * then onLoss runs; if it fails it runs again at the next check. With several workers, the
 * first to notice recovers (the others find the sentinel back); if it dies half-way, the
 * periodic sweep finishes the job.
 */

export const SENTINEL_KEY = "sentinel:redis-data";
export const CHECK_INTERVAL_MS = 1_000;

type WatchDeps = Pick<Deps, "redis" | "queueRedis" | "logger">;

export interface RedisLossWatcher {
  /** Checks now (and waits for a recovery it starts). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `onLoss(atStart)`: atStart is true for the first check, when the worker is starting (the
 * sentinel is missing on a first start ever, or after a loss while no worker ran).
 */
export function watchRedisDataLoss(
  deps: WatchDeps,
  onLoss: (atStart: boolean) => Promise<void>,
  intervalMs = CHECK_INTERVAL_MS,
): RedisLossWatcher {
  const log = deps.logger.child({ component: "redis-loss" });
  let recoveryPending = false;
  let first = true;
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const checkOnce = async () => {
    let present: boolean;
    try {
      present = (await deps.redis.exists(SENTINEL_KEY)) === 1;
    } catch {
      return; // Redis is down: nothing to compare yet; the "ready" listener checks on return.
    }
    const atStart = first;
    first = false;
    if (present && !recoveryPending) return;
    if (!present && !atStart) log.warn("Redis has lost its data (the sentinel key is gone): putting back the jobs PostgreSQL knows of");
    recoveryPending = true;
    await deps.redis.set(SENTINEL_KEY, new Date().toISOString());
    const started = Date.now();
    await onLoss(atStart);
    recoveryPending = false;
    if (!atStart) log.info({ ms: Date.now() - started }, "jobs recovered after the Redis data loss");
  };

  const check = (): Promise<void> => {
    // One check at a time; a check asked for meanwhile waits for the one running.
    running ??= checkOnce()
      .catch((error: unknown) => log.warn({ err: error }, "Redis data-loss check or recovery failed; will try again"))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void check().finally(schedule), intervalMs);
  };
  const onReady = () => void check();
  deps.redis.on("ready", onReady);
  deps.queueRedis.on("ready", onReady);
  schedule();

  return {
    check,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      deps.redis.off("ready", onReady);
      deps.queueRedis.off("ready", onReady);
      await running;
    },
  };
}
