/**
 * The polling lock (src/polling.ts) on the real Redis, with a grammY bot against the fake Bot
 * API in this process: the holder polls; when another instance takes the lock (this one was
 * paused past its lifetime, say) it stops polling and stands by, and takes over again when the
 * lock is free; an orderly stop releases the lock, but only if it is still ours.
 */
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { pollingLockKey, runPollingLeader } from "../../src/polling";
import { createRedis } from "../../src/redis";
import { clearRedisPrefix, REDIS_URL, TEST_BOT_TOKEN } from "../support/env";
import { FakeBotApi } from "../support/fake-bot-api";

const prefix = `tashil-polling-${randomBytes(4).toString("hex")}`;
let fake: FakeBotApi;
let redis: Redis;
let apiRoot: string;

beforeAll(async () => {
  fake = new FakeBotApi({ token: TEST_BOT_TOKEN });
  apiRoot = await fake.start();
  redis = createRedis(REDIS_URL, prefix);
});
afterAll(async () => {
  redis.disconnect();
  await fake.stop();
  await clearRedisPrefix(prefix);
});

function capturedLogger() {
  const lines: Array<{ msg?: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as { msg?: string });
      done();
    },
  });
  return { logger: createLogger("info", {}, sink), lines };
}

const pongs = (chatId: number) => fake.sentMessages(chatId).filter((call) => call.params.text === "pong").length;

describe("the polling lock", () => {
  it("steps down when another instance holds it, takes over when it is free, releases it on stop", { timeout: 30_000 }, async () => {
    const bot = new Bot(TEST_BOT_TOKEN, { client: { apiRoot }, botInfo: fake.me });
    bot.on("message", (ctx) => ctx.reply("pong"));
    const { logger, lines } = capturedLogger();
    const key = pollingLockKey(fake.me.id);
    const leader = runPollingLeader(bot, { redis, logger, instanceId: "instance-a", ttlMs: 1_000 });

    await expect.poll(() => leader.state, { timeout: 5_000 }).toBe("active");
    expect(await redis.get(key)).toBe("instance-a");
    fake.userMessage({ id: 650_001 }, "ping");
    await expect.poll(() => pongs(650_001), { timeout: 5_000 }).toBe(1);

    // Another instance holds the lock now: at the next renewal this one stops polling.
    await redis.set(key, "instance-b", "PX", 60_000);
    await expect.poll(() => leader.state, { timeout: 5_000 }).toBe("standby");
    expect(lines.some((line) => line.msg?.startsWith("lost the polling lock"))).toBe(true);
    fake.userMessage({ id: 650_002 }, "ping");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(pongs(650_002)).toBe(0);

    // Free again (the other one stopped): taken over, and the waiting update is answered.
    await redis.del(key);
    await expect.poll(() => leader.state, { timeout: 5_000 }).toBe("active");
    await expect.poll(() => pongs(650_002), { timeout: 5_000 }).toBe(1);

    const { unfinished } = await leader.stop(Date.now() + 2_000);
    expect(unfinished).toBe(0);
    expect(leader.state).toBe("stopped");
    expect(await redis.exists(key)).toBe(0);
    expect(pongs(650_001)).toBe(1);
  });

  it("does not release a lock that another instance holds by then", { timeout: 30_000 }, async () => {
    const bot = new Bot(TEST_BOT_TOKEN, { client: { apiRoot }, botInfo: fake.me });
    const key = pollingLockKey(fake.me.id);
    await redis.set(key, "instance-b", "PX", 60_000);
    const leader = runPollingLeader(bot, { redis, logger: createLogger("silent"), instanceId: "instance-c", ttlMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(leader.state).toBe("standby");
    await leader.stop(Date.now() + 1_000);
    expect(await redis.get(key)).toBe("instance-b");
    await redis.del(key);
  });

  it("leaves no wait behind while updates are in flight: listeners do not pile up on the poller's signal", { timeout: 30_000 }, async () => {
    // Each finished update wakes the poller for its next getUpdates. A wait that was woken
    // used to keep its abort listener on the poller's signal until its own timer fired: under
    // load a dozen piled up there, and Node warned of a leak in the operator's log
    // ("MaxListenersExceededWarning: 11 abort listeners added to [AbortSignal]"). Now one wait
    // or one getUpdates holds a listener at a time.
    const live = new WeakMap<EventTarget, number>();
    let peak = 0;
    const { addEventListener, removeEventListener } = EventTarget.prototype;
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
      if (this instanceof AbortSignal && args[0] === "abort") {
        const count = (live.get(this) ?? 0) + 1;
        live.set(this, count);
        peak = Math.max(peak, count);
      }
      return addEventListener.apply(this, args);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["removeEventListener"]>) {
      if (this instanceof AbortSignal && args[0] === "abort") live.set(this, Math.max(0, (live.get(this) ?? 0) - 1));
      return removeEventListener.apply(this, args);
    };
    try {
      const bot = new Bot(TEST_BOT_TOKEN, { client: { apiRoot }, botInfo: fake.me });
      bot.on("message", async (ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await ctx.reply("pong");
      });
      const leader = runPollingLeader(bot, { redis, logger: createLogger("silent"), instanceId: "instance-d", ttlMs: 1_000 });
      await expect.poll(() => leader.state, { timeout: 5_000 }).toBe("active");
      const users = Array.from({ length: 60 }, (_, i) => 650_100 + i);
      for (const id of users) {
        fake.userMessage({ id }, "ping");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await expect.poll(() => users.filter((id) => pongs(id) === 1).length, { timeout: 10_000 }).toBe(users.length);
      const { unfinished } = await leader.stop(Date.now() + 2_000);
      expect(unfinished).toBe(0);
      expect(peak).toBe(1);
    } finally {
      EventTarget.prototype.addEventListener = addEventListener;
      EventTarget.prototype.removeEventListener = removeEventListener;
    }
  });
});
