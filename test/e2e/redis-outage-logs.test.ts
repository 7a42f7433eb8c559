// Issue 15 item 3: logs are JSON lines, always, and an outage is told in a few of them. The real
// bot process (with its in-process workers) and a separate worker process run against a Redis
// server of the test's own (test/support/redis-server.ts); Redis is killed for 15 s and started
// again, and the bot is sent an update meanwhile. Every line either process wrote to stdout or stderr must be a JSON object, the lines at
// warn level or above must stay few (before the fix: 257 lines, 136 of them raw error dumps),
// the outage must be told as "unreachable, retrying" then "reachable again", and the bot must
// answer an update afterwards. Both also serve /metrics and the queue dashboard, behind their
// secrets, which no line of theirs contains.
import { afterEach, describe, expect, it } from "vitest";
import type { BotProcess, LogLine } from "../support/bot-process";
import { createWorld, destroyWorld, worldProcess, type World } from "../support/e2e-world";
import { TestRedisServer } from "../support/redis-server";

const OUTAGE_MS = 15_000;
/** Warn-or-worse lines a process may write for the whole outage (first error, summary, data-loss recovery). */
const MAX_WARN_LINES = 10;

const METRICS_TOKEN = "e2e-metrics-token-0123456789";
const DASHBOARD_TOKEN = "e2e-dashboard-token-0123456789";
const OPERATIONS = { METRICS_TOKEN, QUEUE_DASHBOARD: "on", QUEUE_DASHBOARD_TOKEN: DASHBOARD_TOKEN };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const user = { id: 6_400_001, first_name: "Outage", language_code: "en" };

async function answered(world: World, text: string): Promise<void> {
  const since = world.fake.calls.length;
  world.fake.userMessage(user, text);
  await world.fake.waitFor((call) => call.method === "sendMessage" && call.params.chat_id === user.id && world.fake.calls.indexOf(call) >= since, 20_000);
}

const loud = (lines: LogLine[]) => lines.filter((line) => typeof line.level === "number" && line.level >= 40);

describe("a 15 s Redis outage", () => {
  it("is logged as a few JSON lines, and the processes recover", { timeout: 120_000 }, async () => {
    const redis = new TestRedisServer();
    await redis.start();
    cleanups.push(() => redis.kill());
    const world = await createWorld({ redisUrl: redis.url, seed: ["KRM"] });
    cleanups.push(() => destroyWorld(world));
    const bot = worldProcess(world, OPERATIONS);
    const worker = worldProcess(world, OPERATIONS, { script: "src/worker.ts" });
    await Promise.all([bot.start(), worker.start()]);
    await answered(world, "/help");

    const marks = new Map<BotProcess, number>([
      [bot, bot.logs().length],
      [worker, worker.logs().length],
    ]);
    await redis.kill();
    const killedAt = Date.now();
    // An update during the outage is answered (plainly: "unavailable, try later"), and its
    // failures are part of the outage's story, not lines of their own.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await answered(world, "/help");
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - killedAt))));
    await redis.start();

    // Both processes say it is back, and the bot answers again.
    for (const child of [bot, worker]) {
      await child.waitForLine((line) => line.msg === "Redis reachable again", 20_000, marks.get(child));
    }
    await answered(world, "/help");

    for (const child of [bot, worker]) {
      const during = child.logs().slice(marks.get(child));
      expect(child.nonJsonLines(), child.transcript()).toEqual([]);
      expect(during.filter((line) => line.msg === "Redis unreachable, retrying")).toHaveLength(1);
      expect(loud(during).length, JSON.stringify(loud(during).map((line) => line.msg))).toBeLessThanOrEqual(MAX_WARN_LINES);
    }

    // Both real processes serve /metrics and the dashboard, behind their secrets.
    // (The update is counted once its handling ends, just after its reply went out.)
    const handled = async () => {
      const response = await fetch(`http://127.0.0.1:${bot.port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return Number(/^tashil_updates_total\{type="message",outcome="handled"\} (\d+)/m.exec(await response.text())?.[1] ?? 0);
    };
    await expect.poll(handled, { timeout: 5_000, interval: 100 }).toBe(2);
    const errors = await fetch(`http://127.0.0.1:${bot.port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const botText = await errors.text();
    expect(botText).toMatch(/^tashil_updates_total\{type="message",outcome="error"\} 1$/m);
    // The bot's own Bot API calls: long polling and its replies.
    expect(botText).toMatch(/^tashil_bot_api_calls_total\{method="getUpdates",status="ok"\} [1-9]/m);
    expect(botText).toMatch(/^tashil_bot_api_calls_total\{method="sendMessage",status="ok"\} [3-9]/m);
    expect((await fetch(`http://127.0.0.1:${worker.port}/metrics`)).status).toBe(401);
    const workerMetrics = await fetch(`http://127.0.0.1:${worker.port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(await workerMetrics.text()).toMatch(/^tashil_outbox_rows\{status="SENT"\} \d+/m);
    expect((await fetch(`http://127.0.0.1:${worker.port}/admin/queues`)).status).toBe(401);
    const board = await fetch(`http://127.0.0.1:${worker.port}/admin/queues/api/queues`, {
      headers: { authorization: `Basic ${Buffer.from(`ops:${DASHBOARD_TOKEN}`).toString("base64")}` },
    });
    expect(board.status).toBe(200);
    for (const child of [bot, worker]) {
      expect(child.transcript(1_000_000)).not.toContain(METRICS_TOKEN);
      expect(child.transcript(1_000_000)).not.toContain(DASHBOARD_TOKEN);
    }
  });
});
