import type { Api } from "grammy";
import { createSenderApi } from "./bot/api";
import type { Config } from "./config";
import type { Deps } from "./deps";
import { createDb } from "./db";
import { createI18n, translatorFor } from "./i18n";
import { createQueues } from "./jobs/queues";
import { createScheduler } from "./jobs/scheduler";
import { createLogger, logFormatFor, type Logger } from "./logger";
import { createQueueRedis, createRedis } from "./redis";
import { relayOutbox } from "./jobs/outbox-relay";
import { loadPolicies } from "./policies";

export type { Deps } from "./deps";

export interface Container extends Deps {
  close(): Promise<void>;
}

export interface ContainerOverrides {
  logger?: Logger;
  api?: Api;
  now?: () => Date;
}

export function createContainer(config: Config, overrides: ContainerOverrides = {}): Container {
  // The secrets are redacted from every line, wherever they turn up (src/domain/secrets.ts).
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL, {}, undefined, {
      secrets: [config.BOT_TOKEN, config.WEBHOOK_SECRET],
      format: logFormatFor(config),
    });
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, config.REDIS_PREFIX);
  const queueRedis = createQueueRedis(config.REDIS_URL);
  // Without a listener ioredis prints every failed reconnect; we log them once per client.
  for (const [name, client] of [["redis", redis], ["queue-redis", queueRedis]] as const) {
    client.on("error", (error: Error) => logger.warn({ err: error, client: name }, "Redis connection error"));
  }
  const queues = createQueues(queueRedis, config.REDIS_PREFIX);
  const i18n = createI18n(config.DEFAULT_LOCALE);
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
    // Assigned below: the scheduler reads the container it belongs to.
    scheduler: undefined as unknown as Deps["scheduler"],
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
  container.scheduler = createScheduler(container);
  return container;
}
