/**
 * The cross-replica order of one user's updates (src/bot/middlewares/replica-order.ts), on the
 * real Redis, with two middleware instances standing for two webhook replicas: a later update
 * waits for an earlier one running elsewhere, updates run by update id even when the later one
 * asked first, other users are not held up, and a dead process's entries stop blocking once
 * their liveness lapses.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context";
import { orderAcrossReplicas } from "../../src/bot/middlewares/replica-order";
import { createLogger } from "../../src/logger";
import { createRedis } from "../../src/redis";
import { clearRedisPrefix, REDIS_URL } from "../support/env";

const BOT_ID = 4242;
const prefix = `tashil-order-${randomBytes(4).toString("hex")}`;
let redisA: Redis;
let redisB: Redis;
const logger = createLogger("silent");
const keysOf = (ctx: BotContext) => [`user:${ctx.from?.id}`];

beforeAll(() => {
  redisA = createRedis(REDIS_URL, prefix);
  redisB = createRedis(REDIS_URL, prefix);
});
afterAll(async () => {
  redisA.disconnect();
  redisB.disconnect();
  await clearRedisPrefix(prefix);
});

const ctxOf = (updateId: number, userId: number) => ({ update: { update_id: updateId }, me: { id: BOT_ID }, from: { id: userId } }) as unknown as BotContext;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs an update through a replica's middleware; the handler records its start and end and takes `ms`. */
async function run(replica: ReturnType<typeof orderAcrossReplicas>, updateId: number, userId: number, log: string[], ms = 150): Promise<void> {
  await replica(ctxOf(updateId, userId), async () => {
    log.push(`start ${updateId}`);
    await sleep(ms);
    log.push(`end ${updateId}`);
  });
}

describe("one user's updates on two replicas", () => {
  it("run one at a time, by update id, while another user's run alongside", async () => {
    const a = orderAcrossReplicas({ redis: redisA, logger, keysOf });
    const b = orderAcrossReplicas({ redis: redisB, logger, keysOf });
    const log: string[] = [];
    const first = run(a, 101, 1, log, 300);
    await sleep(50);
    // 103 asks before 102; both wait for 101, then 102 goes first.
    const third = run(a, 103, 1, log);
    await sleep(20);
    const second = run(b, 102, 1, log);
    // Another user is not held up by user 1's queue.
    const other = run(b, 201, 2, log, 10);
    await Promise.all([first, second, third, other]);
    const userOne = log.filter((line) => !line.endsWith(" 201"));
    expect(userOne).toEqual(["start 101", "end 101", "start 102", "end 102", "start 103", "end 103"]);
    expect(log.indexOf("end 201")).toBeLessThan(log.indexOf("end 101"));
    // Nothing is left behind.
    expect(await redisA.zcard(`order:${BOT_ID}:user:1`)).toBe(0);
    expect(await redisA.exists(`order-lock:${BOT_ID}:user:1`)).toBe(0);
  });

  it("is not blocked for long by the entries of a process that died", async () => {
    const a = orderAcrossReplicas({ redis: redisA, logger, keysOf });
    // A dead process left update 300 queued and holding the lock, its liveness about to lapse
    // (the lock would outlive it: a lock whose holder is not alive counts as free).
    await redisA.zadd(`order:${BOT_ID}:user:3`, 300, "300");
    await redisA.set(`order-lock:${BOT_ID}:user:3`, "300", "PX", 5_000);
    await redisA.set(`order-live:${BOT_ID}:300`, "1", "PX", 400);
    const log: string[] = [];
    const started = Date.now();
    await run(a, 301, 3, log, 10);
    const waited = Date.now() - started;
    expect(log).toEqual(["start 301", "end 301"]);
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(2_000);

    // An entry without any liveness at all (its key already expired) is swept at once.
    await redisA.zadd(`order:${BOT_ID}:user:3`, 302, "302");
    const again = Date.now();
    await run(a, 303, 3, log, 10);
    expect(Date.now() - again).toBeLessThan(200);
    expect(await redisA.zrange(`order:${BOT_ID}:user:3`, 0, -1)).toEqual([]);
  });
});
