import { Worker, type Job } from "bullmq";
import type { Deps } from "../deps";
import { lostJobSweep, recoverLostDeliveries, relayOutbox } from "./outbox-relay";
import { watchRedisDataLoss, type RedisLossWatcher } from "./redis-loss";
import { QUEUE_NAMES, type DeliveryJobData, type TimerJobData } from "./queues";
import { deliverOutboxMessage, markDeliveryGivenUp, type DeliveryOutcome } from "./sender";
import { handleTimer } from "./timers";
import { resumeBroadcastProgress } from "./broadcast-progress";
import { startReminderReconciler } from "./reminders";
import { startMorningDigest } from "./digest";
import { startCountdownReconciler } from "./countdown";
import { startStatutoryReconciler } from "./statutory";
import { startReportTimers } from "./report-send";
import { startOutboxPrune } from "./outbox-prune";
import { isConnectionError } from "../outage-log";

/**
 * A worker's errors (its Redis connections) go to the outage tracker; its jobs' run times and,
 * for timers, how late they started go to the metrics (memory only).
 */
function instrumentWorker<D, R>(deps: Pick<Deps, "metrics" | "outages">, worker: Worker<D, R>, timerType?: (job: Job<D, R>) => string): void {
  const queue = worker.name;
  worker.on("error", (error) => deps.outages.redis.error(error, { queue }, "worker error"));
  const ran = (outcome: "completed" | "failed") => (job: Job<D, R> | undefined) => {
    if (job?.processedOn !== undefined && job.finishedOn !== undefined) {
      deps.metrics.jobDuration.observe({ queue, outcome }, Math.max(0, job.finishedOn - job.processedOn) / 1000);
    }
  };
  worker.on("completed", ran("completed"));
  worker.on("failed", ran("failed"));
  if (timerType) {
    worker.on("active", (job) => {
      // First attempts only: a retry starts late by its backoff, on purpose.
      if (job.attemptsMade > 0 || job.processedOn === undefined) return;
      const lateMs = job.processedOn - job.timestamp - (job.opts.delay ?? 0);
      deps.metrics.timerLateness.observe({ type: timerType(job) }, Math.max(0, lateMs) / 1000);
    });
  }
}

/**
 * The job runtime: the deliveries worker (every Bot API send), the timers worker, and the
 * relay loop that moves committed outbox rows into BullMQ. Runs inside the bot process or
 * in a separate worker process (any number of them, on one Redis and one PostgreSQL).
 */

export type WorkerStartHook = (deps: Deps) => Promise<void>;

/**
 * Run once each time the workers start (after the workers are up), e.g. reconciling
 * reminders with the database or registering the morning-digest job scheduler. Add yours
 * from your module's setup code: `workerStartHooks.push(reconcileTaskReminders)`, or import
 * it here. A failing hook is logged and does not stop the others or the workers.
 */
export const workerStartHooks: WorkerStartHook[] = [startReminderReconciler, startMorningDigest, resumeBroadcastProgress, startCountdownReconciler, startStatutoryReconciler, startReportTimers, startOutboxPrune];

export interface StartWorkersOptions {
  /** Which parts to run (all by default). */
  deliveries?: boolean;
  timers?: boolean;
  relay?: boolean;
  /** How often PENDING outbox rows are relayed (the bot also flushes right after commits). */
  relayIntervalMs?: number;
  /** How often a page of QUEUED rows is checked for jobs Redis lost (the safety net). */
  requeueIntervalMs?: number;
  /** How often the Redis data-loss sentinel is checked (src/jobs/redis-loss.ts). */
  redisCheckIntervalMs?: number;
  /** Overrides config.SEND_RATE_PER_SECOND / SENDER_CONCURRENCY. */
  sendRatePerSecond?: number;
  senderConcurrency?: number;
  timerConcurrency?: number;
  /** BullMQ lock and stalled-check timing (defaults 30 s): how soon a crashed worker's jobs run again. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Start hooks to run (default: workerStartHooks). */
  hooks?: readonly WorkerStartHook[];
}

export interface RunningWorkers {
  deliveries: Worker<DeliveryJobData, DeliveryOutcome> | undefined;
  timers: Worker<TimerJobData, void> | undefined;
  /** Stops the loops, lets in-flight jobs finish, closes the workers. Idempotent. */
  close(): Promise<void>;
}

/**
 * The bot-wide send rate as a BullMQ limiter. BullMQ's limiter is a fixed window, so
 * `{ max: rate, duration: 1000 }` can let 2×rate through around a window edge, which a sliding
 * one-second limit (Telegram's) answers with 429. One job per 1000/rate ms spaces the sends
 * evenly and never exceeds the rate over any second.
 */
export function deliveryLimiter(ratePerSecond: number): { max: number; duration: number } {
  return { max: 1, duration: Math.ceil(1000 / ratePerSecond) };
}

/** A job may be stalled (its worker killed) a few times: each run re-checks the row first. */
const DELIVERY_MAX_STALLED = 5;

export async function startWorkers(deps: Deps, options: StartWorkersOptions = {}): Promise<RunningWorkers> {
  const { config, logger } = deps;
  const log = logger.child({ component: "workers" });
  // Same prefix as createQueues; BullMQ duplicates the connection for its blocking reads.
  const prefix = deps.queues.deliveries.opts.prefix ?? `${config.REDIS_PREFIX}:bull`;
  const lockTiming = {
    ...(options.lockDurationMs !== undefined && { lockDuration: options.lockDurationMs }),
    ...(options.stalledIntervalMs !== undefined && { stalledInterval: options.stalledIntervalMs }),
  };

  let deliveries: Worker<DeliveryJobData, DeliveryOutcome> | undefined;
  if (options.deliveries ?? true) {
    deliveries = new Worker<DeliveryJobData, DeliveryOutcome>(
      QUEUE_NAMES.deliveries,
      (job, token) => deliverOutboxMessage(job.data, deps, { job, token }),
      {
        connection: deps.queueRedis,
        prefix,
        concurrency: options.senderConcurrency ?? config.SENDER_CONCURRENCY,
        limiter: deliveryLimiter(options.sendRatePerSecond ?? config.SEND_RATE_PER_SECOND),
        maxStalledCount: DELIVERY_MAX_STALLED,
        ...lockTiming,
      },
    );
    deliveries.on("failed", (job, error) => void onDeliveryFailed(deps, job, error));
    instrumentWorker(deps, deliveries);
  }

  let timers: Worker<TimerJobData, void> | undefined;
  if (options.timers ?? true) {
    timers = new Worker<TimerJobData, void>(QUEUE_NAMES.timers, (job) => handleTimer(job.data, deps), {
      connection: deps.queueRedis,
      prefix,
      concurrency: options.timerConcurrency ?? 4,
      ...lockTiming,
    });
    timers.on("failed", (job, error) => {
      const final = job?.finishedOn !== undefined;
      const fields = { jobId: job?.id, type: job?.data.type, final };
      // A timer that failed because Redis or PostgreSQL is down is part of that outage's story.
      if (!final && isConnectionError(error)) deps.outages.redis.error(error, fields, "timer job failed");
      else log[final ? "error" : "warn"]({ err: error, ...fields }, "timer job failed");
    });
    instrumentWorker(deps, timers, (job) => job.data.type);
  }

  const hooks = options.hooks ?? workerStartHooks;
  const runHooks = async () => {
    for (const hook of hooks) {
      try {
        await hook(deps);
      } catch (error) {
        log.error({ err: error, hook: hook.name }, "worker start hook failed");
      }
    }
  };

  const loops: Loop[] = [];
  let watcher: RedisLossWatcher | undefined;
  if (options.relay ?? true) {
    loops.push(
      startLoop("relay", options.relayIntervalMs ?? 1_000, () => relayOutbox(deps), log, deps),
      // Every 30 s one page (500 rows, by index) of rows queued over a minute ago: cheap, and
      // the only recovery for a job lost on its own. A lost Redis is caught by the sentinel.
      startLoop("requeue-lost", options.requeueIntervalMs ?? 30_000, lostJobSweep(deps), log, deps),
    );
    // Redis lost its data: every QUEUED row gets its job back at once, and the start hooks
    // run again, since the timers and job schedulers they (re)create were lost too.
    watcher = watchRedisDataLoss(
      deps,
      async (atStart) => {
        const result = await recoverLostDeliveries(deps);
        if (result.requeued > 0) log.info(result, "deliveries whose jobs Redis lost were queued again");
        if (!atStart) await runHooks();
      },
      options.redisCheckIntervalMs,
    );
  }

  await Promise.all([deliveries?.waitUntilReady(), timers?.waitUntilReady()]);
  await watcher?.check();
  await runHooks();
  log.info({ deliveries: Boolean(deliveries), timers: Boolean(timers), relay: loops.length > 0 }, "workers started");

  let closing: Promise<void> | undefined;
  return {
    deliveries,
    timers,
    close() {
      closing ??= (async () => {
        await Promise.all([...loops.map((loop) => loop.stop()), watcher?.stop()]);
        // close() waits for the jobs in progress; their results are recorded before it returns.
        await Promise.allSettled([deliveries?.close(), timers?.close()]);
        log.info("workers stopped");
      })();
      return closing;
    },
  };
}

/** A job BullMQ gave up on (not one it will retry) must not leave its row QUEUED. */
async function onDeliveryFailed(deps: Deps, job: Job<DeliveryJobData, DeliveryOutcome> | undefined, error: Error): Promise<void> {
  if (!job || job.finishedOn === undefined || typeof job.data?.outboxId !== "number") return;
  try {
    await markDeliveryGivenUp(deps, job.data.outboxId, error);
  } catch (markError) {
    deps.logger.error({ err: markError, outboxId: job.data.outboxId }, "could not mark a given-up delivery FAILED");
  }
}

interface Loop {
  stop(): Promise<void>;
}

/** Runs `work` now and then every intervalMs after the previous run ended; errors are logged. */
function startLoop(name: string, intervalMs: number, work: () => Promise<unknown>, log: Deps["logger"], deps: Pick<Deps, "outages">): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = work()
      .then(
        () => undefined,
        (error: unknown) => {
          // Every second during an outage: counted by the outage's tracker instead of logged.
          if (isConnectionError(error)) deps.outages.redis.error(error, { loop: name }, "background loop failed");
          else log.warn({ err: error, loop: name }, "background loop failed; will try again");
        },
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

