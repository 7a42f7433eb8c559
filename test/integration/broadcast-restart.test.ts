/**
 * Broadcasts at Telegram's speed limit, against the fake Bot API over HTTP with its flood
 * limits on: the real workers run in a child process (test/support/worker-process.ts), one is
 * killed mid-broadcast and another takes over. Nobody receives the notice twice, nobody is
 * missed, every row ends in a recorded final state, the progress message is edited as it goes
 * and the author gets a final report. A second case stops a broadcast half-way.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { progressSchedulerId, startBroadcastProgress, dropQueuedDeliveries } from "../../src/jobs/broadcast-progress";
import { startWorkers, type RunningWorkers } from "../../src/jobs/workers";
import { cancelBroadcast, createBroadcastDraft, startBroadcast } from "../../src/services/broadcasts";
import { FakeBotApi, type FakeCall } from "../support/fake-bot-api";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { FAST_RECOVERY, killWorkerChildren, spawnFrozenWorker, spawnWorker } from "../support/worker-child";
import { legalEntityIdFrom } from "../support/identifiers";

const WAIT = { timeout: 30_000, interval: 100 };

let fake: FakeBotApi;
let env: TestEnv;
let workers: RunningWorkers | undefined;
let workingGroupId: number;
let author: { id: number; telegramId: string };
let nextTelegramId = 7_400_000_000;
let nextLegalId = 1_420_000_000;

beforeAll(async () => {
  fake = new FakeBotApi({ floodLimits: true, latencyMs: 5 });
  const apiRoot = await fake.start();
  // Real time: rows relayed here must not look "lost" to the worker process's clock.
  env = await createTestEnv({ config: { BOT_API_ROOT: apiRoot }, workingGroups: ["KRM"], clock: new TestClock(new Date()) });
  workingGroupId = (await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).id;
  const user = await env.container.db.user.create({ data: { telegramId: String(nextTelegramId++), firstName: "Dabir", language: "en" } });
  await env.container.db.membership.create({ data: { userId: user.id, workingGroupId, role: "SECRETARIAT" } });
  author = { id: user.id, telegramId: user.telegramId };
}, 60_000);

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

/** Producers of `count` new units of the given activity status (one representative each). */
async function makeProducers(count: number, activityStatus: "ACTIVE" | "IDLE"): Promise<Array<{ id: number; chatId: string; name: string }>> {
  const people: Array<{ id: number; chatId: string; name: string }> = [];
  for (let i = 0; i < count; i++) {
    const telegramId = String(nextTelegramId++);
    const name = `Producer ${telegramId}`;
    const user = await env.container.db.user.create({ data: { telegramId, firstName: name, language: i % 3 === 0 ? "en" : "fa" } });
    await env.container.db.productionUnit.create({
      data: {
        workingGroupId,
        name: `Unit ${telegramId}`,
        legalId: legalEntityIdFrom(String(nextLegalId++)),
        county: "کرمان",
        sector: "INDUSTRY",
        activityStatus,
        employees: 10,
        representatives: { create: { userId: user.id } },
      },
    });
    people.push({ id: user.id, chatId: telegramId, name });
  }
  return people;
}

/** What the bot does on "confirm": the progress message first, then the broadcast and its timer. */
async function launch(audience: unknown, text: string): Promise<{ broadcastId: number; progressMessageId: number; total: number }> {
  const api = new Api(env.config.BOT_TOKEN, { apiRoot: env.config.BOT_API_ROOT });
  // The bot's own reply in the author's chat (which Telegram limits to one a second, too).
  api.config.use(autoRetry({ maxRetryAttempts: 3 }));
  const progress = await api.sendMessage(Number(author.telegramId), "📢 …");
  const draft = await createBroadcastDraft(env.container, author.id, { workingGroupId, text, audience });
  const { total } = await startBroadcast(env.container, author.id, draft.id, { chatId: author.telegramId, messageId: progress.message_id });
  await startBroadcastProgress(env.container, draft.id, author.telegramId);
  return { broadcastId: draft.id, progressMessageId: progress.message_id, total };
}

/** Successful sends of the notice to a chat (the author's own messages are not counted). */
const noticesTo = (chatId: string, marker: string): FakeCall[] =>
  fake.sentMessages(chatId).filter((call) => String(call.params.text ?? "").includes(marker));

const rowsOf = (broadcastId: number) => env.container.db.outboxMessage.findMany({ where: { broadcastId }, orderBy: { id: "asc" } });

const progressEdits = (messageId: number): FakeCall[] =>
  fake.callsTo("editMessageText").filter((call) => String(call.params.chat_id) === author.telegramId && call.params.message_id === messageId && call.response.ok);

// ---------------------------------------------------------------- tests

describe("a broadcast to 120 producers", () => {
  it("survives a worker killed mid-way: everyone reached once, final states, progress and report", async () => {
    const producers = await makeProducers(120, "ACTIVE");
    const blocked = producers[7] as { chatId: string; name: string };
    const gone = producers[50] as { chatId: string; name: string };
    fake.blockChat(blocked.chatId);
    fake.unknownChat(gone.chatId);
    const marker = "اطلاعیه آزمایشی شماره یک";
    const { broadcastId, progressMessageId, total } = await launch({ kind: "producers" }, `${marker}: جلسه کارگروه یکشنبه برگزار می‌شود.`);
    expect(total).toBe(120);
    const rows = await rowsOf(broadcastId);
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(120);
    expect(rows.every((r) => r.kind === "BROADCAST" && r.priority === 10 && r.dedupeKey === `broadcast:${broadcastId}:${r.userId}`)).toBe(true);

    const sentCount = () => producers.reduce((n, p) => n + noticesTo(p.chatId, marker).length, 0);

    // The first worker's Bot API calls hang after 40, as in a process killed while its jobs
    // are active; once what went out is recorded, it is killed.
    const first = await spawnFrozenWorker(env.config, 40);
    await vi.waitFor(async () => {
      const sent = await env.container.db.outboxMessage.count({ where: { broadcastId, status: "SENT" } });
      expect(sent).toBe(sentCount());
    }, WAIT);
    first.process.kill("SIGKILL");
    await first.exited;
    const beforeRestart = sentCount();
    expect(beforeRestart).toBeGreaterThan(10);
    expect(beforeRestart).toBeLessThan(118);
    // Progress was shown while the first worker ran.
    expect(progressEdits(progressMessageId).length).toBeGreaterThan(0);

    const second = spawnWorker(env.config, FAST_RECOVERY);
    await second.waitForLine("READY");
    try {
      await vi.waitFor(async () => {
        const broadcast = await env.container.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
        expect(broadcast.status).toBe("DONE");
        expect(await env.container.queues.timers.getJobScheduler(progressSchedulerId(broadcastId))).toBeFalsy();
      }, { timeout: 60_000, interval: 200 });
    } catch (error) {
      throw new Error(`${String(error)}\n${second.output()}`);
    }

    // Nobody twice, nobody missed (but the two who cannot be reached).
    for (const p of producers) {
      expect(noticesTo(p.chatId, marker), p.chatId).toHaveLength(p === blocked || p === gone ? 0 : 1);
    }
    const final = await rowsOf(broadcastId);
    const statusOf = (chatId: string) => final.find((r) => r.chatId === chatId)?.status;
    expect(final.filter((r) => r.status === "SENT")).toHaveLength(118);
    expect(statusOf(blocked.chatId)).toBe("BLOCKED");
    expect(statusOf(gone.chatId)).toBe("FAILED");
    expect(final.every((r) => r.finishedAt !== null)).toBe(true);

    // The progress message was edited with the counts, the last time without the cancel button.
    const edits = progressEdits(progressMessageId);
    expect(edits.length).toBeGreaterThan(1);
    const last = edits.at(-1) as FakeCall;
    expect(String(last.params.text)).toContain("finished");
    expect(String(last.params.text)).toContain("Sent: 118");
    expect(String(last.params.text)).toContain("Failed: 1");
    expect(String(last.params.text)).toContain("Blocked the bot: 1");
    expect(String(last.params.text)).toContain("Remaining: 0");
    expect(last.params.reply_markup).toBeUndefined();
    expect(edits.slice(0, -1).some((call) => JSON.stringify(call.params.reply_markup ?? "").includes(`bc:cancel:${broadcastId}`))).toBe(true);

    // The author's final report names who could not be reached and why.
    await vi.waitFor(() => {
      const report = fake.sentMessages(author.telegramId).find((call) => String(call.params.text).includes(`Broadcast #${broadcastId}: final report`));
      expect(report).toBeDefined();
      expect(String(report?.params.text)).toContain(`${blocked.name}: has blocked the bot`);
      expect(String(report?.params.text)).toContain(`${gone.name}: delivery failed`);
    }, WAIT);
    expect(fake.stats.tooManyRequests).toBeLessThanOrEqual(2);

    second.process.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 120_000);
});

describe("stopping a broadcast", () => {
  it("cancels what is not sent yet; the sender skips it; the report follows", async () => {
    const idle = await makeProducers(80, "IDLE");
    const marker = "اطلاعیه آزمایشی شماره دو";
    const { broadcastId, progressMessageId } = await launch({ kind: "units", sector: null, activityStatus: "IDLE" }, `${marker}: طرح بازگشت واحدهای راکد به تولید.`);
    const sentTo = () => idle.reduce((n, p) => n + noticesTo(p.chatId, marker).length, 0);

    workers = await startWorkers(env.container, { hooks: [], relayIntervalMs: 100, stalledIntervalMs: 500, sendRatePerSecond: 20 });
    await vi.waitFor(() => expect(sentTo()).toBeGreaterThanOrEqual(10), WAIT);
    const { cancelledIds } = await cancelBroadcast(env.container, author.id, broadcastId);
    await dropQueuedDeliveries(env.container, cancelledIds);
    const atCancel = sentTo();
    expect(cancelledIds.length).toBeGreaterThan(30);

    await vi.waitFor(async () => {
      expect(await env.container.queues.timers.getJobScheduler(progressSchedulerId(broadcastId))).toBeFalsy();
    }, WAIT);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Only messages already on their way when the button was pressed may still have arrived.
    expect(sentTo() - atCancel).toBeLessThanOrEqual(env.config.SENDER_CONCURRENCY);
    expect(sentTo()).toBeLessThan(80);
    for (const p of idle) expect(noticesTo(p.chatId, marker).length).toBeLessThanOrEqual(1);

    const rows = await rowsOf(broadcastId);
    expect(rows.filter((r) => r.status === "PENDING" || r.status === "QUEUED")).toHaveLength(0);
    expect(rows.filter((r) => r.status === "CANCELLED").length).toBe(cancelledIds.length);
    const broadcast = await env.container.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
    expect(broadcast.status).toBe("CANCELLED");

    const last = progressEdits(progressMessageId).at(-1) as FakeCall;
    expect(String(last.params.text)).toContain("cancelled");
    expect(String(last.params.text)).toContain(`Cancelled: ${cancelledIds.length}`);
    await vi.waitFor(() => {
      expect(fake.sentMessages(author.telegramId).some((call) => String(call.params.text).includes(`Broadcast #${broadcastId}: everyone was reached`) || String(call.params.text).includes(`Broadcast #${broadcastId}: final report`))).toBe(true);
    }, WAIT);
    // A cancelled broadcast cannot be cancelled (or started) again.
    await expect(cancelBroadcast(env.container, author.id, broadcastId)).rejects.toMatchObject({ reason: "not_sending" });
    await expect(startBroadcast(env.container, author.id, broadcastId, null)).rejects.toMatchObject({ reason: "not_draft" });
  }, 60_000);
});
