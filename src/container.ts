import type { Api } from "grammy";
import { createSenderApi } from "./bot/api";
import { configSecrets, type Config } from "./config";
import type { Deps } from "./deps";
import { createDatabase, type Db } from "./db";
import { prismaSql } from "./sql";
import { createI18n, translatorFor } from "./i18n";
import { createQueues } from "./jobs/queues";
import { createScheduler } from "./jobs/scheduler";
import { createLogger, logFormatFor, type Logger } from "./logger";
import { createMetrics } from "./metrics";
import { createOutageTracker } from "./outage-log";
import { instrumentApi } from "./bot/api";
import { countCriticalUnopenedPastRealert, outboxStats } from "./services/operations-stats";
import { createQueueRedis, createRedis } from "./redis";
import { outboxFlusher, relayOutbox } from "./jobs/outbox-relay";
import { loadPolicies } from "./policies";
import { createDraftWriter } from "./services/drafts";

export type { Deps } from "./deps";

const QUEUE_STATES = ["waiting", "prioritized", "active", "delayed", "failed", "completed", "paused"] as const;

export interface Container extends Deps {
  close(): Promise<void>;
}

export interface ContainerOverrides {
  logger?: Logger;
  api?: Api;
  now?: () => Date;
  /** A database client made elsewhere (the sandbox's embedded PGlite); DATABASE_URL is then unused. */
  db?: Db;
}

export function createContainer(config: Config, overrides: ContainerOverrides = {}): Container {
  // The secrets are redacted from every line, wherever they turn up (src/domain/secrets.ts).
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL, {}, undefined, { secrets: configSecrets(config), format: logFormatFor(config) });
  // Connection errors are logged as outages, one story per dependency (src/outage-log.ts).
  const outages = { redis: createOutageTracker(logger, "Redis"), postgres: createOutageTracker(logger, "PostgreSQL") };
  // A client made elsewhere has no pg pool of ours: the raw SQL port then runs through it.
  const { db, sql } = overrides.db
    ? { db: overrides.db, sql: prismaSql(overrides.db) }
    : createDatabase(config.DATABASE_URL, {
        poolSize: config.DATABASE_POOL_SIZE,
        onError: (error) => outages.postgres.error(error, { client: "pg-pool" }),
        onConnect: () => outages.postgres.up(),
      });
  const redis = createRedis(config.REDIS_URL, config.REDIS_PREFIX);
  const queueRedis = createQueueRedis(config.REDIS_URL);
  // Without a listener ioredis prints every failed reconnect to stderr, as raw text.
  for (const [name, client] of [["redis", redis], ["queue-redis", queueRedis]] as const) {
    client.on("error", (error: Error) => outages.redis.error(error, { client: name }, "Redis client error"));
    client.on("ready", () => outages.redis.up());
  }
  const queues = createQueues(queueRedis, config.REDIS_PREFIX);
  for (const queue of [queues.deliveries, queues.timers]) {
    queue.on("error", (error: Error) => outages.redis.error(error, { queue: queue.name }, "queue error"));
  }
  const metrics = createMetrics();
  const api = overrides.api ?? createSenderApi(config);
  instrumentApi(api, metrics);
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const container: Container = {
    config,
    logger,
    db,
    sql,
    redis,
    queueRedis,
    queues,
    i18n,
    t: translatorFor(i18n),
    api,
    metrics,
    outages,
    policies: loadPolicies(config),
    now: overrides.now ?? (() => new Date()),
    // Assigned below: the scheduler reads the container it belongs to.
    scheduler: undefined as unknown as Deps["scheduler"],
    // Assigned below: the writer reads the container's clock, which may be replaced by a test.
    drafts: undefined as unknown as Deps["drafts"],
    flushOutbox: outboxFlusher(
      () => relayOutbox(container),
      (error) => logger.warn({ err: error }, "outbox flush failed; the worker's sweep will relay it"),
    ),
    async close() {
      // The drafts still queued go to PostgreSQL before its connections close.
      await container.drafts.close().catch(() => undefined);
      outages.redis.stop();
      outages.postgres.stop();
      await Promise.allSettled([queues.deliveries.close(), queues.timers.close()]);
      // BullMQ (5.81) waits in the background for a shared connection to be ready and, if that
      // wait fails, re-emits the error on the queue's connection object — whose listeners the
      // queue's close() has just removed. With Redis down at close, the wait fails when the
      // connection ends below, and an 'error' emitted to nobody is an unhandled rejection (seen
      // in test/integration/draft-resilience.test.ts). A listener put back takes it.
      for (const queue of [queues.deliveries, queues.timers]) {
        (queue as unknown as { connection?: { on(event: "error", listener: () => void): void } }).connection?.on("error", () => undefined);
      }
      // Prisma first: its adapter ends the shared pool if Prisma ever connected; the port ends
      // it otherwise.
      await Promise.allSettled([db.$disconnect().finally(() => sql.end()), redis.quit(), queueRedis.quit()]);
    },
  };
  container.scheduler = createScheduler(container);
  container.drafts = createDraftWriter({ sql, logger, now: () => container.now() }, config.SESSION_DRAFT_FLUSH_MS);
  metrics.attach({
    outbox: () => outboxStats(container),
    criticalUnopened: () => countCriticalUnopenedPastRealert(container),
    queues: async () => ({
      deliveries: await queues.deliveries.getJobCounts(...QUEUE_STATES),
      timers: await queues.timers.getJobCounts(...QUEUE_STATES),
    }),
  });
  return container;
}
