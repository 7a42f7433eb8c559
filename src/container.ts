import type { Api } from "grammy";
import type { Redis } from "ioredis";
import type { I18n } from "@grammyjs/i18n";
import { createSenderApi } from "./bot/api";
import type { BotContext } from "./bot/context";
import type { Config } from "./config";
import { createDb, type Db } from "./db";
import { createI18n, translatorFor, type Translator } from "./i18n";
import { createQueues, type Queues } from "./jobs/queues";
import { createLogger, type Logger } from "./logger";
import { createQueueRedis, createRedis } from "./redis";
import { relayOutbox } from "./jobs/outbox-relay";
import { loadPolicies, type Policies } from "./policies";

/** Everything a handler or a job needs, built once per process (tests build their own). */
export interface Deps {
  config: Config;
  logger: Logger;
  db: Db;
  /** Our own keys, prefixed with REDIS_PREFIX. */
  redis: Redis;
  /** BullMQ's connection (unprefixed; BullMQ prefixes its keys with `${REDIS_PREFIX}:bull`). */
  queueRedis: Redis;
  queues: Queues;
  i18n: I18n<BotContext>;
  t: Translator;
  /** The Bot API client jobs send with (the bot's own client serves direct replies). */
  api: Api;
  policies: Policies;
  /** Injected clock: tests move time instead of sleeping. */
  now: () => Date;
  /** Moves freshly committed outbox rows to BullMQ now (the worker's sweep is the safety net). */
  flushOutbox: () => void;
}

export interface Container extends Deps {
  close(): Promise<void>;
}

export interface ContainerOverrides {
  logger?: Logger;
  api?: Api;
  now?: () => Date;
}

export function createContainer(config: Config, overrides: ContainerOverrides = {}): Container {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, config.REDIS_PREFIX);
  const queueRedis = createQueueRedis(config.REDIS_URL);
  // Without a listener ioredis prints every failed reconnect; we log them once per client.
  for (const [name, client] of [["redis", redis], ["queue-redis", queueRedis]] as const) {
    client.on("error", (error: Error) => logger.warn({ err: error, client: name }, "Redis connection error"));
  }
  const queues = createQueues(queueRedis, config.REDIS_PREFIX);
  const i18n = createI18n<BotContext>(config.DEFAULT_LOCALE);
  const container: Container = {
    config,
    logger,
    db,
    redis,
    queueRedis,
    queues,
    i18n,
    t: translatorFor(i18n),
    api: overrides.api ?? createSenderApi(config),
    policies: loadPolicies(config),
    now: overrides.now ?? (() => new Date()),
    flushOutbox: () => {
      relayOutbox(container).catch((error: unknown) => {
        logger.warn({ err: error }, "outbox flush failed; the worker's sweep will relay it");
      });
    },
    async close() {
      await Promise.allSettled([queues.deliveries.close(), queues.timers.close()]);
      await Promise.allSettled([db.$disconnect(), redis.quit(), queueRedis.quit()]);
    },
  };
  return container;
}
