import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Api, Context } from "grammy";
import type { Redis } from "ioredis";
import type { Config } from "./config";
import type { Db } from "./db";
import type { SqlDb } from "./sql";
import type { Translator } from "./i18n";
import type { Queues } from "./jobs/queues";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import type { OutageTracker } from "./outage-log";
import type { Policies } from "./policies";
import type { DraftWriter, Scheduler } from "./services/ports";

/**
 * Everything a handler, a service or a job needs, built once per process by the container
 * (src/container.ts; tests build their own). This file only names types: it imports no code,
 * so every layer can depend on it without an import circle.
 */
export interface Deps {
  config: Config;
  logger: Logger;
  db: Db;
  /** Raw SQL on the pg pool without Prisma: the hot path's statements (src/sql.ts). */
  sql: SqlDb;
  /** Our own keys, prefixed with REDIS_PREFIX. */
  redis: Redis;
  /** BullMQ's connection (unprefixed; BullMQ prefixes its keys with `${REDIS_PREFIX}:bull`). */
  queueRedis: Redis;
  queues: Queues;
  /** The bot's i18n middleware (typed on the plain context, so this file needs no bot types). */
  i18n: I18n<Context & I18nFlavor>;
  t: Translator;
  /** The Bot API client jobs send with (the bot's own client serves direct replies). */
  api: Api;
  policies: Policies;
  /** Injected clock: tests move time instead of sleeping. */
  now: () => Date;
  /** Moves freshly committed outbox rows to BullMQ now (the worker's sweep is the safety net). */
  flushOutbox: () => void;
  /** The port services schedule timers through (implemented in src/jobs/scheduler.ts). */
  scheduler: Scheduler;
  /** Session drafts queued for PostgreSQL, written behind (src/services/drafts.ts). */
  drafts: DraftWriter;
  /** This process's Prometheus metrics (src/metrics.ts): in-memory, no I/O on the hot path. */
  metrics: Metrics;
  /** Connection errors of each dependency, logged as one outage (src/outage-log.ts). */
  outages: { redis: OutageTracker; postgres: OutageTracker };
}
