import type { MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../../logger";
import type { BotContext } from "../context";

/**
 * Webhook mode runs as N replicas behind a load balancer, so two updates of one user (who
 * shares one session across them) can reach two processes at once; the in-process
 * sequentialize (main.ts) cannot see the other process. This middleware keeps them in order
 * across processes, per chat and per user (the same keys as sequentialize):
 *
 * - each key has a queue in Redis, a sorted set `order:<key>` of the update ids waiting or
 *   running (update ids grow with arrival at the platform), and a lock `order-lock:<key>`;
 * - an update runs when it is the oldest in every queue of its keys and no other update holds
 *   their locks; it then takes the locks, and gives them back (and leaves the queues) when done;
 * - every waiting or running update keeps `order-live:<bot>:<update>` alive (TTL ORDER_TTL_MS,
 *   renewed); an entry or lock whose update is not alive any more (its process died) is swept
 *   by the next one to look, so a crash blocks a user for ORDER_TTL_MS at most.
 *
 * One script call per attempt, atomically; a waiting update asks again every few tens of ms.
 * Past MAX_WAIT_MS (a handler stuck in a live process) or when Redis is out of reach, the
 * update goes ahead anyway: out of order is better than never. The scripts reach keys they
 * compute (the liveness of another update), so this needs one Redis, not a Redis Cluster.
 */

export const ORDER_TTL_MS = 10_000;
const MAX_WAIT_MS = 30_000;

const ACQUIRE_SCRIPT = `local id = ARGV[1]
local ttl = tonumber(ARGV[3])
redis.call('SET', KEYS[#KEYS], '1', 'PX', ttl)
local ready = 1
for i = 1, #KEYS - 1, 2 do
  local queue, lock = KEYS[i], KEYS[i + 1]
  redis.call('ZADD', queue, 'NX', id, id)
  redis.call('PEXPIRE', queue, ttl * 60)
  while true do
    local head = redis.call('ZRANGE', queue, 0, 0)[1]
    if head == id then break end
    if redis.call('EXISTS', ARGV[2] .. head) == 1 then ready = 0 break end
    redis.call('ZREM', queue, head)
  end
  local holder = redis.call('GET', lock)
  if holder and holder ~= id and redis.call('EXISTS', ARGV[2] .. holder) == 1 then ready = 0 end
end
if ready == 1 then
  for i = 1, #KEYS - 1, 2 do redis.call('SET', KEYS[i + 1], id, 'PX', ttl) end
end
return ready`;

const RENEW_SCRIPT = `for i = 1, #KEYS - 1 do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
end
redis.call('SET', KEYS[#KEYS], '1', 'PX', ARGV[2])
return 1`;

const RELEASE_SCRIPT = `for i = 1, #KEYS - 1, 2 do
  redis.call('ZREM', KEYS[i], ARGV[1])
  if redis.call('GET', KEYS[i + 1]) == ARGV[1] then redis.call('DEL', KEYS[i + 1]) end
end
redis.call('DEL', KEYS[#KEYS])
return 1`;

export interface ReplicaOrderOptions {
  redis: Redis;
  logger: Logger;
  /** The chat and user keys of an update (main.ts's updateConstraints). */
  keysOf: (ctx: BotContext) => string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function orderAcrossReplicas({ redis, logger, keysOf }: ReplicaOrderOptions): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const keys = keysOf(ctx);
    if (keys.length === 0) return next();
    const id = String(ctx.update.update_id);
    const liveKey = `order-live:${ctx.me.id}:${id}`;
    // The script names other updates' liveness keys itself: with the client's key prefix.
    const livePrefix = `${redis.options.keyPrefix ?? ""}order-live:${ctx.me.id}:`;
    const scriptKeys = [...keys.flatMap((key) => [`order:${ctx.me.id}:${key}`, `order-lock:${ctx.me.id}:${key}`]), liveKey];
    const lockKeys = scriptKeys.filter((_, index) => index % 2 === 1 && index < scriptKeys.length - 1);

    let held = false;
    try {
      const started = Date.now();
      let pause = 10;
      while (!held) {
        held = (await redis.eval(ACQUIRE_SCRIPT, scriptKeys.length, ...scriptKeys, id, livePrefix, ORDER_TTL_MS)) === 1;
        if (held) break;
        if (Date.now() - started > MAX_WAIT_MS) {
          logger.warn({ updateId: ctx.update.update_id, keys }, "an earlier update of this chat or user is still running elsewhere: going ahead");
          break;
        }
        await sleep(pause);
        pause = Math.min(pause * 2, 100);
      }
    } catch (error) {
      logger.warn({ err: error, updateId: ctx.update.update_id }, "could not order the update across replicas; handling it");
      return next();
    }

    const renewal = setInterval(() => {
      redis.eval(RENEW_SCRIPT, lockKeys.length + 1, ...lockKeys, liveKey, id, ORDER_TTL_MS).catch(() => undefined);
    }, ORDER_TTL_MS / 3);
    try {
      await next();
    } finally {
      clearInterval(renewal);
      await redis
        .eval(RELEASE_SCRIPT, scriptKeys.length, ...scriptKeys, id)
        .catch((error: unknown) => logger.warn({ err: error, updateId: ctx.update.update_id }, "could not release the update's order locks"));
    }
  };
}
