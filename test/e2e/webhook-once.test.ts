// Reliability item 2, through the real bot process in webhook mode: Telegram re-posts an update
// after a timeout or a non-2xx answer, so the same update_id arrives again; it must be handled
// once, whether the copies come one after the other, at the same moment, or to two bot
// processes. And a huge body is refused (413) without hurting the process.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createI18n, translatorFor } from "../../src/i18n";
import type { BotProcess } from "../support/bot-process";
import { createWorld, destroyWorld, freePort, worldProcess, type World } from "../support/e2e-world";

const t = translatorFor(createI18n("fa"));
const SECRET = "e2e_webhook_secret_0123456789";
const HELP = t("en", "help-text");

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await destroyWorld(world);
});

interface Served {
  world: World;
  url: string;
}

async function serveWebhook(world: World): Promise<{ bot: BotProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram`;
  const bot = worldProcess(world, { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, HTTP_PORT: String(port) });
  await bot.start();
  return { bot, url };
}

async function setUp(): Promise<Served & { bot: BotProcess }> {
  const world = await createWorld();
  worlds.push(world);
  const { bot, url } = await serveWebhook(world);
  return { world, url, bot };
}

let nextMessageId = 1;
function help(updateId: number, userId: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Sara" },
      from: { id: userId, is_bot: false, first_name: "Sara", language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
}

const helpRepliesTo = (world: World, userId: number) =>
  world.fake.sentMessages(userId).filter((call) => call.method === "sendMessage" && call.params.text === HELP).length;

/** Waits for the first reply, then long enough for a second one to have shown up. */
async function settledReplies(world: World, userId: number): Promise<number> {
  await expect.poll(() => helpRepliesTo(world, userId), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return helpRepliesTo(world, userId);
}

describe("a webhook update posted more than once", () => {
  it("is answered once when the copies come one after the other", { timeout: 60_000 }, async () => {
    const { world, url } = await setUp();
    const update = help(1001, 610_001);
    for (let copy = 0; copy < 3; copy += 1) expect((await post(url, update)).status).toBe(200);
    expect(await settledReplies(world, 610_001)).toBe(1);
    // A new update of the same user is of course handled.
    expect((await post(url, help(1002, 610_001))).status).toBe(200);
    await expect.poll(() => helpRepliesTo(world, 610_001), { timeout: 15_000 }).toBe(2);
  });

  it("is answered once when the copies arrive at the same moment", { timeout: 60_000 }, async () => {
    const { world, url } = await setUp();
    const update = help(2001, 610_002);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(url, update)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await settledReplies(world, 610_002)).toBe(1);
  });

  it("is answered once when the copies go to two bot processes on the same Redis", { timeout: 90_000 }, async () => {
    const { world, url } = await setUp();
    const second = await serveWebhook(world);
    const update = help(3001, 610_003);
    const answers = await Promise.all([post(url, update), post(second.url, update), post(url, update), post(second.url, update)]);
    // A copy that finds the update in progress in the other process is asked to come back
    // (503); one that finds it done, or in progress in its own process, gets 200.
    for (const answer of answers) expect([200, 503]).toContain(answer.status);
    expect(await settledReplies(world, 610_003)).toBe(1);
    // Redelivered later, to either: done, so 200 and nothing more.
    expect((await post(second.url, update)).status).toBe(200);
    expect((await post(url, update)).status).toBe(200);
    expect(await settledReplies(world, 610_003)).toBe(1);
  });
});

/** Posts a body without content-length (chunked), as a client that does not say its size. */
function postChunked(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

describe("a webhook request with a huge body", () => {
  it("is refused with 413, and the process goes on serving", { timeout: 60_000 }, async () => {
    const { world, url, bot } = await setUp();
    const huge = Buffer.alloc(5 * 1024 * 1024, "a");
    expect((await post(url, huge)).status).toBe(413);
    expect(await postChunked(url, 5 * 1024 * 1024)).toBe(413);

    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    expect((await post(url, help(4001, 610_004))).status).toBe(200);
    await expect.poll(() => helpRepliesTo(world, 610_004), { timeout: 15_000 }).toBe(1);
    expect(bot.running).toBe(true);
    expect(bot.logs().filter((line) => line.msg === "webhook request refused: body too large")).toHaveLength(2);
  });
});
