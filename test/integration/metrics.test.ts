/**
 * Issue 15 item 1: /metrics, as Prometheus scrapes it, over the real HTTP server: the token is
 * required, and the values move with what the bot and the workers do (a conversation through
 * the harness, outbox rows relayed and delivered to the fake Bot API over HTTP, a 429 from it,
 * a timer, a critical case left unopened).
 */
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../../src/jobs/workers";
import { addTimer } from "../../src/jobs/queues";
import { createOperationsHttp } from "../../src/operations-http";
import { createHttpServer, type HttpServer } from "../../src/server";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import { createTestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { FakeBotApi } from "../support/fake-bot-api";
import { reportCase, seedTaskWorld } from "../support/task-fixtures";

const TOKEN = "metrics_token_for_tests_0123456789";
const WAIT = { timeout: 15_000, interval: 50 };

let fake: FakeBotApi;
let env: TestEnv;
let server: HttpServer;
let base: string;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  fake = new FakeBotApi({ latencyMs: 2 });
  const apiRoot = await fake.start();
  env = await createTestEnv({
    config: { BOT_API_ROOT: apiRoot, METRICS_TOKEN: TOKEN, CRITICAL_REALERT_MINUTES: "60" },
    workingGroups: ["KRM"],
    // Real time: the workers' BullMQ timestamps and the outbox ages read the same clock.
    clock: new TestClock(new Date()),
  });
  server = createHttpServer(env.container, { operations: createOperationsHttp(env.container) });
  const address: AddressInfo = await server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${address.port}`;
});

afterEach(async () => {
  await workers?.close();
  workers = undefined;
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
  await fake?.stop();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample (`name{labels} value`), or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value) && Object.keys(present).length === Object.keys(labels).length) {
      return Number(match[3]);
    }
  }
  return undefined;
}

describe("/metrics", () => {
  it("answers 401 without the token or with a wrong one, 200 with it", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}x`).toString("base64")}` } })).status).toBe(401);
    const text = await scrape();
    // Process metrics, from this registry only.
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(sample(text, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("is not served at all (404) on the main server without METRICS_TOKEN", async () => {
    const closed = createHttpServer(env.container, { operations: createOperationsHttp({ ...env.container, config: { ...env.config, METRICS_TOKEN: undefined } }) });
    const address = await closed.listen(0, "127.0.0.1");
    try {
      expect((await fetch(`http://127.0.0.1:${address.port}/metrics`)).status).toBe(404);
    } finally {
      await closed.close();
    }
  });

  it("serves its own listener when METRICS_PORT is set, with the token when there is one", async () => {
    const config = { ...env.config, METRICS_PORT: 0, METRICS_HOST: "127.0.0.1" };
    const guarded = createOperationsHttp({ ...env.container, config });
    const open = createOperationsHttp({ ...env.container, config: { ...config, METRICS_TOKEN: undefined } });
    try {
      const guardedAddress = await guarded.listen();
      const openAddress = await open.listen();
      expect((await fetch(`http://127.0.0.1:${guardedAddress!.port}/metrics`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${guardedAddress!.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      const plain = await fetch(`http://127.0.0.1:${openAddress!.port}/metrics`);
      expect(plain.status).toBe(200);
      expect(await plain.text()).toContain("tashil_updates_total");
      expect((await fetch(`http://127.0.0.1:${openAddress!.port}/healthz`)).status).toBe(404);
    } finally {
      await Promise.all([guarded.close(), open.close()]);
    }
  });

  it("counts and times updates by type and outcome after a conversation", async () => {
    const { bot, user } = createTestBot(env.container);
    const person = user(6_500_001, { languageCode: "en" });
    const before = await scrape();
    const handledBefore = sample(before, "tashil_updates_total", { type: "message", outcome: "handled" }) ?? 0;
    await person.send("/start");
    await person.send("/help");
    await person.tap(/.+/);
    // The same update twice (a redelivery): the copy is dropped, and counted as such.
    const update: Update = {
      update_id: 990_001,
      message: { message_id: 5, date: Math.floor(Date.now() / 1000), chat: { id: 6_500_001, type: "private", first_name: "x" }, text: "hello" },
    } as Update;
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);

    const text = await scrape();
    expect(sample(text, "tashil_updates_total", { type: "message", outcome: "handled" })).toBe(handledBefore + 3);
    expect(sample(text, "tashil_updates_total", { type: "message", outcome: "duplicate" })).toBe(1);
    expect(sample(text, "tashil_updates_total", { type: "callback_query", outcome: "handled" })).toBe(1);
    expect(sample(text, "tashil_update_duration_seconds_count", { type: "message" })).toBe(handledBefore + 4);
    expect(sample(text, "tashil_update_duration_seconds_sum", { type: "message" })).toBeGreaterThan(0);
    // A new user's first update finds no session in Redis and looks for a draft.
    expect(sample(text, "tashil_session_misses_total")).toBeGreaterThanOrEqual(1);
  });

  it("shows outbox rows by status and the oldest pending one's age, then their delivery, its Bot API calls and job durations", async () => {
    const chats = [6_600_001, 6_600_002, 6_600_003];
    await env.container.db.$transaction((tx) =>
      enqueueOutbound(
        tx,
        chats.map((chat) => ({ dedupeKey: `metrics:${chat}`, kind: "NOTICE" as const, chatId: String(chat), payload: textPayload(`notice ${chat}`) })),
      ),
    );
    // The first one has waited three minutes (the alert's threshold is two).
    const first = await env.container.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: "metrics:6600001" } });
    await env.container.db.outboxMessage.update({ where: { id: first.id }, data: { createdAt: new Date(env.clock.now().getTime() - 180_000) } });

    let text = await scrape();
    expect(sample(text, "tashil_outbox_rows", { status: "PENDING" })).toBe(3);
    expect(sample(text, "tashil_outbox_rows", { status: "SENT" })).toBe(0);
    const age = sample(text, "tashil_outbox_oldest_pending_age_seconds") ?? 0;
    expect(age).toBeGreaterThanOrEqual(179);
    expect(age).toBeLessThan(200);

    workers = await startWorkers(env.container, { hooks: [], relayIntervalMs: 100 });
    await expect.poll(() => env.container.db.outboxMessage.count({ where: { status: "SENT" } }), WAIT).toBe(3);
    text = await scrape();
    expect(sample(text, "tashil_outbox_rows", { status: "PENDING" })).toBe(0);
    expect(sample(text, "tashil_outbox_rows", { status: "SENT" })).toBe(3);
    expect(sample(text, "tashil_outbox_oldest_pending_age_seconds")).toBe(0);
    expect(sample(text, "tashil_bot_api_calls_total", { method: "sendMessage", status: "ok" })).toBe(3);
    await expect.poll(async () => sample(await scrape(), "tashil_job_duration_seconds_count", { queue: "deliveries", outcome: "completed" }), WAIT).toBe(3);
    expect(sample(text, "tashil_queue_jobs", { queue: "deliveries", state: "waiting" })).toBe(0);
    expect(sample(text, "tashil_queue_jobs", { queue: "timers", state: "delayed" })).toBeDefined();
  });

  it("counts a 429 from the Bot API and the retry_after it asked for, and a network failure", async () => {
    workers = await startWorkers(env.container, { hooks: [], relayIntervalMs: 100 });
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 2", retry_after: 2 });
    const before = await scrape();
    const okBefore = sample(before, "tashil_bot_api_calls_total", { method: "sendMessage", status: "ok" }) ?? 0;
    await env.container.db.$transaction((tx) =>
      enqueueOutbound(tx, [{ dedupeKey: "metrics:flood", kind: "NOTICE", chatId: "6600010", payload: textPayload("after a flood") }]),
    );
    await expect.poll(() => env.container.db.outboxMessage.count({ where: { dedupeKey: "metrics:flood", status: "SENT" } }), WAIT).toBe(1);
    const text = await scrape();
    expect(sample(text, "tashil_bot_api_calls_total", { method: "sendMessage", status: "429" })).toBe(1);
    expect(sample(text, "tashil_bot_api_retry_after_seconds_total", { method: "sendMessage" })).toBe(2);
    expect(sample(text, "tashil_bot_api_calls_total", { method: "sendMessage", status: "ok" })).toBe(okBefore + 1);

    // A connection dropped mid-request is a network failure (BullMQ retries it after a second).
    fake.failNext("sendMessage", "drop");
    await env.container.db.$transaction((tx) =>
      enqueueOutbound(tx, [{ dedupeKey: "metrics:dropped", kind: "NOTICE", chatId: "6600011", payload: textPayload("after a drop") }]),
    );
    await expect.poll(() => env.container.db.outboxMessage.count({ where: { dedupeKey: "metrics:dropped", status: "SENT" } }), WAIT).toBe(1);
    const after = await scrape();
    expect(sample(after, "tashil_bot_api_calls_total", { method: "sendMessage", status: "network" })).toBe(1);
    expect(sample(after, "tashil_bot_api_calls_total", { method: "sendMessage", status: "ok" })).toBe(okBefore + 2);
  });

  it("times how late a timer ran, and counts critical cases unopened past their re-alert", async () => {
    const world = await seedTaskWorld(env.container, { base: 6_700_000, group: "KRM", legalIdPrefix: "1090" });
    const { caseId } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "The gas company has cut the supply of the kiln; the line is stopped.",
    });
    // Critical, reported ten days ago and never opened: long past its re-alert on any calendar.
    const tenDaysAgo = new Date(env.clock.now().getTime() - 10 * 24 * 3600_000);
    await env.container.db.case.update({ where: { id: caseId }, data: { urgency: "critical", submittedAt: tenDaysAgo } });
    expect(sample(await scrape(), "tashil_critical_cases_unopened_past_realert")).toBe(1);
    await env.container.db.case.update({ where: { id: caseId }, data: { firstOpenedAt: env.clock.now() } });
    expect(sample(await scrape(), "tashil_critical_cases_unopened_past_realert")).toBe(0);

    // A timer due now (the case is opened, so its handler does nothing) runs and is timed.
    workers = await startWorkers(env.container, { hooks: [], relay: false, deliveries: false });
    await addTimer(env.container.queues, { type: "critical-realert", caseId, round: 1 }, `metrics-realert-${caseId}`, new Date(), new Date());
    await expect
      .poll(async () => sample(await scrape(), "tashil_timer_lateness_seconds_count", { type: "critical-realert" }), WAIT)
      .toBe(1);
    const text = await scrape();
    expect(sample(text, "tashil_timer_lateness_seconds_sum", { type: "critical-realert" })).toBeLessThan(5);
    await expect.poll(async () => sample(await scrape(), "tashil_job_duration_seconds_count", { queue: "timers", outcome: "completed" }), WAIT).toBe(1);
  });

  it("keeps one registry per container: another container's counters start at zero", async () => {
    const other = await createTestEnv({ workingGroups: ["KRM"] });
    try {
      expect(other.container.metrics.registry).not.toBe(env.container.metrics.registry);
      const text = await other.container.metrics.registry.metrics();
      expect(sample(text, "tashil_updates_total", { type: "message", outcome: "handled" })).toBeUndefined();
    } finally {
      await other.cleanup();
    }
  });
});
