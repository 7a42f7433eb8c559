// Reliability item 2, the rules of src/bot/middlewares/dedupe.ts one by one, on the real Redis:
// what a copy of an update gets when it finds the update done, in progress in another process
// (webhook: 503, come back later; polling: a dead poller's, taken over), and that a failure
// releases the claim so the platform's redelivery is handled.
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { createBot } from "../../src/bot";
import { updateKey } from "../../src/bot/middlewares/dedupe";
import { createRedis } from "../../src/redis";
import { createHttpServer, type HttpServer } from "../../src/server";
import { BOT_INFO, FakeTelegram, textOf } from "../support/bot-harness";
import { createTestEnv, type TestEnv } from "../support/env";

let env: TestEnv;
let server: HttpServer | undefined;
beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"] });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => env.cleanup());

function botWith(options: Parameters<typeof createBot>[1] = {}, deps = env.container) {
  const bot = createBot(deps, { botInfo: BOT_INFO, ...options });
  const telegram = new FakeTelegram();
  bot.api.config.use(telegram.transformer);
  return { bot, telegram };
}

let nextUpdateId = 70_000;
function help(userId: number, updateId = nextUpdateId++): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "T" },
      from: { id: userId, is_bot: false, first_name: "T", language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}

/** The container with the inbound limit on (the tests' default turns it off). */
const limited = () => ({ ...env.container, config: { ...env.container.config, RATE_LIMIT_UPDATES: 30 } });
const repliesTo = (telegram: FakeTelegram, userId: number) => telegram.calls.filter((call) => call.method === "sendMessage" && call.payload.chat_id === userId);
const key = (updateId: number) => updateKey(BOT_INFO.id, updateId);
const redis = () => env.container.redis;

describe("a webhook copy of an update", () => {
  async function serveWebhook() {
    const { bot, telegram } = botWith({ transport: "webhook" });
    server = createHttpServer(env.container, { bot, webhookPath: "/hook" });
    const address: AddressInfo = await server.listen(0, "127.0.0.1");
    const post = (update: Update) =>
      fetch(`http://127.0.0.1:${address.port}/hook`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(update) });
    return { telegram, post };
  }

  it("that another process is handling is answered 503 and not run; done, 200 and not run", async () => {
    const { telegram, post } = await serveWebhook();
    const update = help(8001);
    await redis().set(key(update.update_id), "run:another-process", "EX", 60);
    const busy = await post(update);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(repliesTo(telegram, 8001)).toEqual([]);

    await redis().set(key(update.update_id), "done", "EX", 60);
    expect((await post(update)).status).toBe(200);
    expect(repliesTo(telegram, 8001)).toEqual([]);
  });

  it("whose first holder died is handled once the claim has expired", async () => {
    const { telegram, post } = await serveWebhook();
    const update = help(8002);
    await redis().set(key(update.update_id), "run:a-dead-process", "PX", 300);
    expect((await post(update)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await post(update)).status).toBe(200);
    expect(textOf(repliesTo(telegram, 8002)[0])).toBe(env.container.t("en", "help-text"));
    expect(await redis().get(key(update.update_id))).toBe("done");
    const ttl = await redis().ttl(key(update.update_id));
    expect(ttl).toBeGreaterThan(23 * 3600);
  });
});

describe("a polled copy of an update", () => {
  it("left claimed by a stopped poller is taken over and handled", async () => {
    const { bot, telegram } = botWith({ transport: "polling" }, limited());
    const update = help(8003);
    await redis().set(key(update.update_id), "run:the-poller-that-crashed", "EX", 60);
    await bot.handleUpdate(update);
    expect(repliesTo(telegram, 8003)).toHaveLength(1);
    await bot.handleUpdate(update);
    expect(repliesTo(telegram, 8003)).toHaveLength(1);
    // The inbound limit counted the update once: on the takeover (the claim's script did not
    // count it), and not the dropped copy.
    expect(await redis().get("ratelimit:user:8003")).toBe("1");
  });

  it("counts each update once for the inbound limit, with its claim, and never a dropped copy", async () => {
    const { bot, telegram } = botWith({ transport: "polling" }, limited());
    const first = help(8006);
    await bot.handleUpdate(first);
    await bot.handleUpdate(first);
    await bot.handleUpdate(help(8006));
    expect(repliesTo(telegram, 8006)).toHaveLength(2);
    expect(await redis().get("ratelimit:user:8006")).toBe("2");
    expect(await redis().pttl("ratelimit:user:8006")).toBeGreaterThan(0);
  });
});

describe("an update whose handling fails before the handlers", () => {
  it("releases its claim, so the redelivery is handled", async () => {
    let failures = 1;
    const { bot, telegram } = botWith({
      before: [
        async (_ctx, next) => {
          if (failures-- > 0) throw new Error("PostgreSQL went away");
          await next();
        },
      ],
    });
    const update = help(8004);
    await expect(bot.handleUpdate(update)).rejects.toThrow(/PostgreSQL went away/);
    expect(await redis().get(key(update.update_id))).toBeNull();
    await bot.handleUpdate(update);
    expect(repliesTo(telegram, 8004)).toHaveLength(1);
  });
});

describe("when Redis cannot be asked", () => {
  it("the update is still handled: the user hears that the service is unavailable", async () => {
    const broken = createRedis("redis://127.0.0.1:1", "unreachable", { enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    broken.on("error", () => undefined);
    try {
      const { bot, telegram } = botWith({}, { ...env.container, redis: broken as unknown as Redis });
      await bot.handleUpdate(help(8005));
      expect(textOf(repliesTo(telegram, 8005)[0])).toBe(env.container.t("en", "error-unavailable"));
    } finally {
      broken.disconnect();
    }
  });
});
