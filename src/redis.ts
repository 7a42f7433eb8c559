import { Redis, type RedisOptions } from "ioredis";

/** A client for our own keys (sessions, throttles): every key is prefixed. */
export function createRedis(url: string, prefix: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { keyPrefix: `${prefix}:`, maxRetriesPerRequest: 2, ...options });
}

/** BullMQ needs its own connection: no keyPrefix (it prefixes itself) and no retry cap. */
export function createQueueRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
