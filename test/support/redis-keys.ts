import { Redis } from "ioredis";

/**
 * Deletes every key under a prefix (sessions, queues) so runs never see each other's data.
 * No vitest here: the benchmark (bench/broadcast.ts) uses it too.
 */
export async function clearRedisPrefix(prefix: string, redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
