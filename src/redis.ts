import { Redis, type RedisOptions } from "ioredis";

/**
 * A client for our own keys (sessions, throttles): every key is prefixed. Auto-pipelined: the
 * commands of every update in flight issued in the same event-loop tick (a dedupe claim, a
 * session read, a user-cache read…) leave in one write and come back in one read, instead of a
 * system call pair each — under load most of a wizard step's Redis cost.
 */
export function createRedis(url: string, prefix: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { keyPrefix: `${prefix}:`, maxRetriesPerRequest: 2, enableAutoPipelining: true, ...options });
}

/** BullMQ needs its own connection: no keyPrefix (it prefixes itself) and no retry cap. */
export function createQueueRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
