// Reliability item 3, through the real worker process on a Redis server of the test's own
// (test/support/redis-server.ts), so the faults touch nobody else: notices are queued (their
// BullMQ jobs waiting behind the send rate) when Redis loses everything, by FLUSHDB or by a
// crash and a restart that comes back empty. Every notice must still be delivered, exactly
// once, within 15 s of Redis being reachable again (the periodic sweep alone took ~100 s).
import { afterEach, describe, expect, it } from "vitest";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import type { BotProcess } from "../support/bot-process";
import { createWorld, destroyWorld, worldProcess, type World } from "../support/e2e-world";
import { TestRedisServer } from "../support/redis-server";

const NOTICES = 30;
/** Slow enough that most notices are still waiting in BullMQ when the data goes. */
const SEND_RATE = 5;
const RECOVERY_BUDGET_MS = 15_000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ world: World; redis: TestRedisServer; worker: BotProcess; chats: number[] }> {
  const redis = new TestRedisServer();
  await redis.start();
  cleanups.push(() => redis.kill());
  const world = await createWorld({ redisUrl: redis.url });
  cleanups.push(() => destroyWorld(world));
  const worker = worldProcess(world, { SEND_RATE_PER_SECOND: String(SEND_RATE) }, { script: "src/worker.ts" });
  await worker.start();
  const chats = Array.from({ length: NOTICES }, (_, i) => 6_300_001 + i);
  await world.db.$transaction((tx) =>
    enqueueOutbound(
      tx,
      chats.map((chat) => ({ dedupeKey: `loss:${chat}`, kind: "NOTICE" as const, chatId: String(chat), payload: textPayload(`notice for ${chat}`) })),
    ),
  );
  // Relayed (QUEUED, each with its job) and a few of them sent: the rest wait in Redis.
  await expect.poll(() => world.fake.sentMessages().length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(3);
  expect(await world.db.outboxMessage.count({ where: { status: "QUEUED" } })).toBeGreaterThan(NOTICES / 2);
  return { world, redis, worker, chats };
}

/** Waits until every notice is SENT; returns when the last one reached the fake Bot API. */
async function allDeliveredOnce(world: World, chats: number[], since: number): Promise<number> {
  await expect
    .poll(async () => world.db.outboxMessage.count({ where: { status: "SENT" } }), { timeout: RECOVERY_BUDGET_MS + 5_000, interval: 100 })
    .toBe(NOTICES);
  const perChat = chats.map((chat) => world.fake.sentMessages(chat).length);
  expect(perChat).toEqual(chats.map(() => 1));
  return Math.max(...world.fake.sentMessages().map((call) => call.at)) - since;
}

describe("Redis losing its data while notices are queued", () => {
  it("after a FLUSHDB, delivers every notice exactly once within 15 s", { timeout: 90_000 }, async () => {
    const { world, redis, worker, chats } = await setUp();
    await redis.flushdb();
    const flushedAt = Date.now();

    const took = await allDeliveredOnce(world, chats, flushedAt);
    expect(took).toBeLessThan(RECOVERY_BUDGET_MS);
    const noticed = await worker.waitForLine((line) => line.msg === "Redis has lost its data (the sentinel key is gone): putting back the jobs PostgreSQL knows of");
    expect(Number(new Date(noticed.time as number)) - flushedAt).toBeLessThan(3_000);
    expect(worker.logs().find((line) => line.msg === "deliveries whose jobs Redis lost were queued again")).toMatchObject({ requeued: expect.any(Number) });
  });

  it("after a crash and a restart that comes back empty, delivers every notice exactly once within 15 s", { timeout: 90_000 }, async () => {
    const { world, redis, chats } = await setUp();
    await redis.kill();
    // Down for a while: the worker's connections fail and retry meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await redis.start();
    const backAt = Date.now();

    const took = await allDeliveredOnce(world, chats, backAt);
    expect(took).toBeLessThan(RECOVERY_BUDGET_MS);
  });
});
