/**
 * The delivery pipeline end to end: outbox rows written by the real services, relayed to
 * BullMQ on the real Redis, sent by the real workers to a fake Bot API over HTTP (with
 * Telegram's flood limits and injected faults), results recorded in the real PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { OutboxKind } from "../../src/generated/prisma/enums";
import { deliveryJobId, relayOutbox } from "../../src/jobs/outbox-relay";
import { sentMarkerKey } from "../../src/jobs/sender";
import { registerTimerHandler, timerHandlers } from "../../src/jobs/timers";
import { deliveryLimiter, startWorkers, type RunningWorkers, type StartWorkersOptions } from "../../src/jobs/workers";
import { enqueueOutbound, type OutboundPayload } from "../../src/services/outbox";
import { loadUser } from "../../src/services/users";
import { FakeBotApi, type FakeCall, type UploadedFile } from "../support/fake-bot-api";
import { clearRedisPrefix, createTestEnv, TestClock, type TestEnv } from "../support/env";
import { FAST_RECOVERY, killWorkerChildren, spawnFrozenWorker, spawnWorker } from "../support/worker-child";

const WAIT = { timeout: 15_000, interval: 50 };

let fake: FakeBotApi;
let env: TestEnv;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  fake = new FakeBotApi({ floodLimits: true, latencyMs: 5 });
  const apiRoot = await fake.start();
  // The clock starts at the real time so rows relayed here never look "lost" to a worker
  // process (which uses the real clock).
  env = await createTestEnv({ config: { BOT_API_ROOT: apiRoot }, workingGroups: ["KRM"], clock: new TestClock(new Date()) });
});

afterEach(async () => {
  await workers?.close();
  workers = undefined;
  killWorkerChildren();
});

afterAll(async () => {
  await env?.cleanup();
  await fake?.stop();
});

// ---------------------------------------------------------------- helpers

let nextTelegramId = 7_100_000_000;

interface TestRecipient {
  userId: number;
  chatId: string;
}

async function makeUsers(count: number): Promise<TestRecipient[]> {
  const users: TestRecipient[] = [];
  for (let i = 0; i < count; i++) {
    const id = nextTelegramId++;
    const user = await loadUser(
      env.container.db,
      { id, is_bot: false, first_name: `User ${id}` },
      { adminTelegramIds: [], defaultLocale: "fa" },
    );
    users.push({ userId: user.id, chatId: user.telegramId });
  }
  return users;
}

let nextKey = 0;

/** Writes outbox rows the way every feature does: enqueueOutbound inside a transaction. */
async function enqueue(
  to: TestRecipient[],
  options: { kind?: OutboxKind; text?: string; payload?: OutboundPayload } = {},
): Promise<number[]> {
  const keys = to.map(() => `test:delivery:${nextKey++}`);
  await env.container.db.$transaction((tx) =>
    enqueueOutbound(
      tx,
      to.map((recipient, i) => ({
        dedupeKey: keys[i] as string,
        kind: options.kind ?? "NOTICE",
        chatId: recipient.chatId,
        userId: recipient.userId,
        payload: options.payload ?? { method: "sendMessage", params: { text: options.text ?? `message ${keys[i]}` } },
      })),
    ),
  );
  const rows = await env.container.db.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { id: true, dedupeKey: true } });
  const idByKey = new Map(rows.map((row) => [row.dedupeKey, row.id]));
  return keys.map((key) => idByKey.get(key) as number);
}

async function run(options: StartWorkersOptions = {}): Promise<RunningWorkers> {
  // A short stalled-check interval: BullMQ's check is queue-wide, and a 30 s one left behind
  // here would hold off the worker processes' checks in the kill test.
  workers = await startWorkers(env.container, { hooks: [], relayIntervalMs: 100, stalledIntervalMs: 500, ...options });
  return workers;
}

const outboxRow = (id: number) => env.container.db.outboxMessage.findUniqueOrThrow({ where: { id } });
const outboxRows = (ids: number[]) => env.container.db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });

async function waitForStatus(ids: number[], status: string, timeout = WAIT.timeout): Promise<void> {
  await vi.waitFor(async () => {
    const rows = await outboxRows(ids);
    expect(rows.filter((row) => row.status !== status).map((row) => `${row.id}:${row.status}`)).toEqual([]);
  }, { ...WAIT, timeout });
}

/** Every request the fake got for a chat, answered or not. */
const callsFor = (chatId: string): FakeCall[] => fake.calls.filter((call) => String(call.params.chat_id) === chatId);

async function jobState(outboxId: number): Promise<{ state: string; attemptsMade: number; returnvalue: unknown }> {
  const job = await env.container.queues.deliveries.getJob(deliveryJobId(outboxId));
  if (!job) return { state: "missing", attemptsMade: 0, returnvalue: undefined };
  return { state: await job.getState(), attemptsMade: job.attemptsMade, returnvalue: job.returnvalue };
}

/** Deletes this test's BullMQ keys only: what Redis losing its data looks like to us. */
const flushQueueKeys = () => clearRedisPrefix(`${env.config.REDIS_PREFIX}:bull`);

/** The largest number of timestamps inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

// ---------------------------------------------------------------- faults from the Bot API

describe("delivering one outbox row", () => {
  it("waits out a 429 (retry_after) and delivers once, without spending an attempt", async () => {
    const [user] = await makeUsers(1);
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    const [id] = await enqueue([user!]);
    await run();

    await waitForStatus([id!], "SENT");
    const calls = callsFor(user!.chatId);
    expect(calls.map((call) => call.response.error_code ?? "ok")).toEqual([429, "ok"]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(fake.sentMessages(user!.chatId)).toHaveLength(1);
    const row = await outboxRow(id!);
    expect(row).toMatchObject({ attempts: 2, sentMessageId: (calls[1]!.response.result as { message_id: number }).message_id });
    expect(row.lastError).toMatch(/^429/);
    expect(row.finishedAt).not.toBeNull();
    // The rate-limited run waited as a delayed job: BullMQ counts a single (successful) attempt.
    expect(await jobState(id!)).toMatchObject({ state: "completed", attemptsMade: 1, returnvalue: "sent" });
  });

  it("retries 5xx with backoff and delivers once", async () => {
    const [user] = await makeUsers(1);
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 2);
    const [id] = await enqueue([user!]);
    await run();

    await waitForStatus([id!], "SENT");
    const calls = callsFor(user!.chatId);
    expect(calls.map((call) => call.response.error_code ?? "ok")).toEqual([500, 500, "ok"]);
    // Exponential backoff from 1 s: the second retry waits longer than the first.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(1_990);
    expect(fake.sentMessages(user!.chatId)).toHaveLength(1);
    expect(await outboxRow(id!)).toMatchObject({ status: "SENT", attempts: 3, lastError: "500 Internal Server Error" });
  });

  it("stops at a user who blocked the bot: BLOCKED, user unreachable, one call, and no call for the next message", async () => {
    const [user] = await makeUsers(1);
    fake.blockChat(user!.chatId);
    const [first] = await enqueue([user!]);
    await run();

    await waitForStatus([first!], "BLOCKED");
    expect(callsFor(user!.chatId)).toHaveLength(1);
    const row = await outboxRow(first!);
    expect(row.lastError).toBe("403 Forbidden: bot was blocked by the user");
    expect(row.attempts).toBe(1);
    const stored = await env.container.db.user.findUniqueOrThrow({ where: { id: user!.userId } });
    expect(stored.unreachableAt).not.toBeNull();
    expect(await jobState(first!)).toMatchObject({ state: "completed", attemptsMade: 1, returnvalue: "blocked" });

    const [second] = await enqueue([user!]);
    await waitForStatus([second!], "BLOCKED");
    expect(callsFor(user!.chatId)).toHaveLength(1);
    expect((await outboxRow(second!)).attempts).toBe(0);
  });

  it("fails a 400 (chat not found) at once: FAILED, one call, no retry", async () => {
    const [user] = await makeUsers(1);
    fake.unknownChat(user!.chatId);
    const [id] = await enqueue([user!]);
    await run();

    await waitForStatus([id!], "FAILED");
    await vi.waitFor(async () => expect((await jobState(id!)).state).toBe("failed"), WAIT);
    expect(await jobState(id!)).toMatchObject({ attemptsMade: 1 });
    expect(callsFor(user!.chatId)).toHaveLength(1);
    expect(await outboxRow(id!)).toMatchObject({ attempts: 1, lastError: "400 Bad Request: chat not found" });
    // The user is not marked unreachable: that is for 403 only.
    expect((await env.container.db.user.findUniqueOrThrow({ where: { id: user!.userId } })).unreachableAt).toBeNull();
  });

  it("retries a dropped connection and delivers once", async () => {
    const [user] = await makeUsers(1);
    fake.failNext("sendMessage", "drop");
    const [id] = await enqueue([user!]);
    await run();

    await waitForStatus([id!], "SENT");
    const calls = callsFor(user!.chatId);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.response.dropped).toBe(true);
    expect(fake.sentMessages(user!.chatId)).toHaveLength(1);
    const row = await outboxRow(id!);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/^network: /);
  });

  it("marks the row FAILED with the last error when the last attempt fails", async () => {
    const [user] = await makeUsers(1);
    const [id] = await enqueue([user!]);
    // The job exists before the relay runs (its add is then a no-op): two quick attempts.
    await env.container.queues.deliveries.add(
      "deliver",
      { outboxId: id! },
      { jobId: deliveryJobId(id!), attempts: 2, backoff: { type: "fixed", delay: 10 } },
    );
    fake.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 2);
    await run();

    await waitForStatus([id!], "FAILED");
    await vi.waitFor(async () => expect((await jobState(id!)).state).toBe("failed"), WAIT);
    expect(await outboxRow(id!)).toMatchObject({ attempts: 2, lastError: "502 Bad Gateway" });
    expect(callsFor(user!.chatId)).toHaveLength(2);
    expect(fake.sentMessages(user!.chatId)).toHaveLength(0);
  });

  it("repairs a row Telegram already accepted (its UPDATE was lost) without sending again", async () => {
    const [user] = await makeUsers(1);
    const [id] = await enqueue([user!]);
    // What a run that sent the message and then lost PostgreSQL leaves behind.
    await env.container.redis.set(sentMarkerKey(id!), "77");
    await run();

    await waitForStatus([id!], "SENT");
    expect(await outboxRow(id!)).toMatchObject({ sentMessageId: 77, attempts: 0 });
    expect(callsFor(user!.chatId)).toHaveLength(0);
  });

  it("uploads an inline document (generated minutes) as a file", async () => {
    const [user] = await makeUsers(1);
    const content = "صورت‌جلسه کمیته تخصصی";
    const [id] = await enqueue([user!], {
      payload: {
        method: "sendDocument",
        params: { document: { filename: "minutes.txt", contentBase64: Buffer.from(content).toString("base64") }, caption: "صورت‌جلسه" },
      },
    });
    await run();

    await waitForStatus([id!], "SENT");
    const [call] = fake.sentMessages(user!.chatId);
    const upload = call!.params.document as UploadedFile;
    expect(upload).toMatchObject({ kind: "upload", fileName: "minutes.txt" });
    expect(upload.data.toString("utf8")).toBe(content);
    expect(call!.params.caption).toBe("صورت‌جلسه");
  });

  it("never sends a delivered row again, whatever job carries it", async () => {
    const [user] = await makeUsers(1);
    const [id] = await enqueue([user!]);
    await run();
    await waitForStatus([id!], "SENT");

    // A duplicate job (a re-queue racing a slow worker, a replayed relay) finds the row final.
    const duplicate = await env.container.queues.deliveries.add("deliver", { outboxId: id! }, { jobId: `duplicate-${id}` });
    await vi.waitFor(async () => expect(await duplicate.getState()).toBe("completed"), WAIT);
    const finished = await env.container.queues.deliveries.getJob(`duplicate-${id}`);
    expect(finished?.returnvalue).toBe("already-final");
    expect(fake.sentMessages(user!.chatId)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- flood limits

describe("flood limits", () => {
  it("keeps the whole bot under 30 messages in any second (Telegram's sliding window)", async () => {
    const users = await makeUsers(90);
    const tooManyBefore = fake.stats.tooManyRequests;
    const ids = await enqueue(users, { kind: "BROADCAST" });
    await run();

    await waitForStatus(ids, "SENT", 20_000);
    const chats = new Set(users.map((u) => u.chatId));
    const sends = fake.sentMessages().filter((call) => chats.has(String(call.params.chat_id)));
    expect(sends).toHaveLength(90);
    expect(fake.stats.tooManyRequests - tooManyBefore).toBe(0);
    expect(maxInWindow(sends.map((call) => call.at), 1_000)).toBeLessThanOrEqual(30);
    // …and not far below it either: 90 messages take about three seconds.
    const span = Math.max(...sends.map((c) => c.at)) - Math.min(...sends.map((c) => c.at));
    expect(span).toBeLessThan(6_000);
    expect(deliveryLimiter(29)).toEqual({ max: 1, duration: 35 });
  });

  it("spaces messages to one private chat at least a second apart, without a 429", async () => {
    const [user] = await makeUsers(1);
    const tooManyBefore = fake.stats.tooManyRequests;
    const ids = await enqueue([user!, user!, user!]);
    await run();

    await waitForStatus(ids, "SENT");
    const times = fake.sentMessages(user!.chatId).map((call) => call.at);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1_000);
    expect(fake.stats.tooManyRequests - tooManyBefore).toBe(0);
  });

  it("delivers a case notice ahead of a broadcast backlog", async () => {
    const audience = await makeUsers(50);
    const [producer] = await makeUsers(1);
    const broadcastIds = await enqueue(audience, { kind: "BROADCAST" });
    await relayOutbox(env.container);
    await run({ sendRatePerSecond: 20 });
    const audienceChats = new Set(audience.map((u) => u.chatId));
    await vi.waitFor(() => {
      expect(fake.sentMessages().filter((call) => audienceChats.has(String(call.params.chat_id))).length).toBeGreaterThanOrEqual(3);
    }, WAIT);

    const [notice] = await enqueue([producer!], { kind: "NOTICE" });
    await relayOutbox(env.container);
    await waitForStatus([...broadcastIds, notice!], "SENT", 20_000);

    const order = fake.sentMessages().filter((call) => audienceChats.has(String(call.params.chat_id)) || String(call.params.chat_id) === producer!.chatId);
    const position = order.findIndex((call) => String(call.params.chat_id) === producer!.chatId);
    const broadcastsAfter = order.length - position - 1;
    expect(broadcastsAfter).toBeGreaterThan(25);
  });
});

// ---------------------------------------------------------------- losing Redis, losing the worker

describe("recovery", () => {
  it("re-queues rows whose jobs Redis lost, and delivers each exactly once", async () => {
    const users = await makeUsers(8);
    const ids = await enqueue(users);
    expect(await relayOutbox(env.container)).toBe(8);
    expect((await outboxRows(ids)).every((row) => row.status === "QUEUED")).toBe(true);
    expect(await env.container.queues.deliveries.getJobCountByTypes("prioritized", "waiting")).toBe(8);

    await flushQueueKeys();
    expect(await env.container.queues.deliveries.getJob(deliveryJobId(ids[0]!))).toBeUndefined();
    // The rows stay QUEUED with no job; after the lost-job threshold the sweep finds them.
    env.clock.advance(120_000);
    await run({ requeueIntervalMs: 100 });

    await waitForStatus(ids, "SENT");
    for (const user of users) expect(fake.sentMessages(user.chatId)).toHaveLength(1);
  });

  it("survives a worker killed mid-way: a new worker delivers every message exactly once", async () => {
    const users = await makeUsers(60);
    const ids = await enqueue(users);
    const chats = new Set(users.map((u) => u.chatId));
    const sentCount = () => fake.sentMessages().filter((call) => chats.has(String(call.params.chat_id))).length;

    // The first worker's Bot API calls hang after 20 sends, as in a process killed while its
    // jobs are active; once the sends that went out are recorded, it is killed.
    const first = await spawnFrozenWorker(env.config, 20);
    await vi.waitFor(async () => {
      expect(await env.container.db.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(sentCount());
    }, WAIT);
    first.process.kill("SIGKILL");
    await first.exited;
    expect(sentCount()).toBe(20);
    // It died holding jobs: they are active in Redis with nobody working on them.
    expect(await env.container.queues.deliveries.getActiveCount()).toBeGreaterThan(0);

    const second = spawnWorker(env.config, FAST_RECOVERY);
    await second.waitForLine("READY");
    try {
      await waitForStatus(ids, "SENT", 30_000);
    } catch (error) {
      throw new Error(`${String(error)}\n${second.output()}`);
    }
    for (const chat of chats) expect(fake.sentMessages(chat)).toHaveLength(1);
    expect(sentCount()).toBe(60);

    second.process.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 60_000);
});

// ---------------------------------------------------------------- timers and start hooks

describe("the timers worker and start hooks", () => {
  it("runs the registered handler of a timer job and fails an unknown type without retrying", async () => {
    const previous = timerHandlers["broadcast-progress"];
    const seen: number[] = [];
    registerTimerHandler("broadcast-progress", async (data) => {
      seen.push(data.broadcastId);
    });
    try {
      await run({ deliveries: false, relay: false });
      await env.container.queues.timers.add("broadcast-progress", { type: "broadcast-progress", broadcastId: 42 });
      await vi.waitFor(() => expect(seen).toEqual([42]), WAIT);

      const unknown = await env.container.queues.timers.add("bogus", { type: "no-such-timer" } as never);
      await vi.waitFor(async () => expect(await unknown.getState()).toBe("failed"), WAIT);
      const failed = await env.container.queues.timers.getJob(unknown.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/no handler for timer job type "no-such-timer"/);
    } finally {
      if (previous) registerTimerHandler("broadcast-progress", previous);
      else delete timerHandlers["broadcast-progress"];
    }
  });

  it("runs every start hook once, even when one fails", async () => {
    const calls: string[] = [];
    await run({
      deliveries: false,
      relay: false,
      hooks: [
        async () => {
          calls.push("first");
          throw new Error("reconciliation failed");
        },
        async (deps) => {
          calls.push(deps === env.container ? "second" : "wrong deps");
        },
      ],
    });
    expect(calls).toEqual(["first", "second"]);
  });
});
