// Reliability item 1: no secret in any log line or stored error. The faults are real network
// failures of Bot API calls made by the real processes: a Bot API root where nothing listens
// (connection refused) and a Bot API that destroys the socket mid-request. The fetch layer's
// error text names the request URL, /bot<token>/sendMessage; afterwards the whole captured
// output (stdout and stderr), the outbox table and the job data in Redis must hold no token.
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import type { BotProcess } from "../support/bot-process";
import { createWorld, destroyWorld, freePort, worldProcess, type World } from "../support/e2e-world";

/** Shaped like a real token; the fake Bot API accepts only this one. */
const TOKEN = "7123456789:AAH4fJ-kq9_secret_part_of_a_token_01";
const SECRET_PART = TOKEN.split(":")[1]!;

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await destroyWorld(world);
});

async function world(): Promise<World> {
  const created = await createWorld({ token: TOKEN });
  worlds.push(created);
  return created;
}

async function enqueueNotices(w: World, count: number): Promise<void> {
  await w.db.$transaction((tx) =>
    enqueueOutbound(
      tx,
      Array.from({ length: count }, (_, i) => ({ dedupeKey: `leak:${i}`, kind: "NOTICE" as const, chatId: String(5_550_000 + i), payload: textPayload(`notice ${i}`) })),
    ),
  );
}

/** Everything the outbox table holds, as text. */
async function outboxText(w: World): Promise<string> {
  const rows = await w.db.$queryRaw<Array<{ row: string }>>`SELECT row_to_json(o)::text AS row FROM "OutboxMessage" o`;
  return rows.map((r) => r.row).join("\n");
}

/** Every value under the world's Redis prefix (job data, failure reasons, stack traces), as text. */
async function redisText(w: World): Promise<string> {
  const redis = new Redis(w.redisUrl);
  const parts: string[] = [];
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${w.prefix}:*`, "COUNT", 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === "string") parts.push(String(await redis.get(key)));
        else if (type === "hash") parts.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === "list") parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === "zset") parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
        else if (type === "set") parts.push(JSON.stringify(await redis.smembers(key)));
        else if (type === "stream") parts.push(JSON.stringify(await redis.xrange(key, "-", "+")));
      }
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return parts.join("\n");
}

function expectNoToken(where: string, text: string): void {
  const found = [TOKEN, SECRET_PART, encodeURIComponent(TOKEN)].filter((secret) => text.includes(secret));
  expect(found, `${where} holds the token:\n${text.slice(Math.max(0, text.indexOf(SECRET_PART) - 300), text.indexOf(SECRET_PART) + 100)}`).toEqual([]);
}

const everything = (child: BotProcess) => child.transcript(Number.MAX_SAFE_INTEGER);

describe("a Bot API that cannot be reached", () => {
  it("leaves the token out of the worker's log and of the stored errors", { timeout: 90_000 }, async () => {
    const w = await world();
    const closed = await freePort();
    const worker = worldProcess(w, { BOT_API_ROOT: `http://127.0.0.1:${closed}`, LOG_LEVEL: "debug" }, { script: "src/worker.ts" });
    await worker.start();
    await enqueueNotices(w, 3);

    // Two failed attempts each (BullMQ retries after 1 s, then 2 s), recorded and logged.
    await expect
      .poll(async () => (await w.db.outboxMessage.findMany()).every((row) => row.attempts >= 2), { timeout: 30_000, interval: 200 })
      .toBe(true);
    await expect.poll(() => worker.logs().filter((line) => line.msg === "delivery failed: will retry").length, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);

    const rows = await w.db.outboxMessage.findMany();
    // The reason is still useful: it says what failed and why (undici names no URL at all).
    for (const row of rows) expect(row.lastError).toMatch(/^network: Network request for 'sendMessage' failed! \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    expectNoToken("the worker's output", everything(worker));
    expectNoToken("the outbox table", await outboxText(w));
    expectNoToken("Redis", await redisText(w));
  });

  it("leaves the token out of the bot's log while it keeps trying to reach the Bot API at start", { timeout: 60_000 }, async () => {
    const w = await world();
    const closed = await freePort();
    const bot = worldProcess(w, { BOT_API_ROOT: `http://127.0.0.1:${closed}` });
    // It never gets ready: getMe is retried (src/connectivity.ts) until the Bot API answers,
    // and each reason is said where it connects (the root, never the token).
    const starting = bot.start().catch(() => undefined);
    const cannotReach = (line: { msg?: string }) => String(line.msg).startsWith("cannot reach the Bot API");
    await expect.poll(() => bot.logs().filter(cannotReach).length, { timeout: 20_000, interval: 200 }).toBeGreaterThanOrEqual(1);
    // Several attempts, and still no token anywhere.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await bot.kill();
    await starting;
    expect(bot.logs().find(cannotReach)).toMatchObject({ reason: "refused", apiRoot: `http://127.0.0.1:${closed}` });
    expectNoToken("the bot's output", everything(bot));
  });
});

describe("a Bot API that drops the connection mid-request", () => {
  it("leaves the token out of the bot's log (polling and sending) and of the stored errors", { timeout: 90_000 }, async () => {
    const w = await world();
    const bot = worldProcess(w, { LOG_LEVEL: "debug" });
    // getUpdates dropped too: the runner would print the failure to stderr on its own.
    w.fake.failNext("getUpdates", "drop", 2);
    w.fake.failNext("sendMessage", "drop", 2);
    await bot.start();
    await enqueueNotices(w, 1);

    await expect.poll(async () => (await w.db.outboxMessage.findFirstOrThrow()).status, { timeout: 30_000, interval: 200 }).toBe("SENT");
    const row = await w.db.outboxMessage.findFirstOrThrow();
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/^network: Network request for 'sendMessage' failed! \(.+\)$/);
    const failedPolls = () => bot.logs().filter((line) => line.msg === "Bot API call failed at the network level" && line.method === "getUpdates");
    await expect.poll(() => failedPolls().length, { timeout: 10_000 }).toBe(2);
    expect(bot.logs().filter((line) => line.msg === "delivery failed: will retry")).toHaveLength(2);

    // And the bot still answers once the network is back.
    w.fake.userMessage({ id: 5_551_234, first_name: "Sara", language_code: "en" }, "/help");
    await w.fake.waitFor((call) => call.method === "sendMessage" && call.params.chat_id === 5_551_234, 15_000);

    expectNoToken("the bot's output", everything(bot));
    expectNoToken("the outbox table", await outboxText(w));
    expectNoToken("Redis", await redisText(w));
  });
});
