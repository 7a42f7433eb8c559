// Issue 15, item 4: an orderly stop loses nothing. SIGTERM arrives while the reply of an update
// is held back by the Bot API; the process stops taking updates, lets the reply go out, and
// exits 0. Polling: the held update was not confirmed before it was handled (the platform
// would not hand it out again), a newer one is left for the successor, nothing is answered
// twice. Webhook: the request in progress is answered, a new one is turned away with 503.
// Worker: the delivery in progress finishes and is recorded before the process exits.
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createI18n, translatorFor } from "../../src/i18n";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import { createWorld, destroyWorld, freePort, worldProcess, type World } from "../support/e2e-world";

const t = translatorFor(createI18n("fa"));
const HELP = t("en", "help-text");
const SECRET = "e2e_webhook_secret_0123456789";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await destroyWorld(world);
});

const helpReplies = (world: World, chatId: number) =>
  world.fake.sentMessages(chatId).filter((call) => call.method === "sendMessage" && call.params.text === HELP).length;

function help(updateId: number, userId: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Sara" },
      from: { id: userId, is_bot: false, first_name: "Sara", language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}

describe("SIGTERM while a reply is held back by the Bot API", () => {
  it("polling: waits for the reply, confirms only the handled update, leaves the next one to the successor", { timeout: 90_000 }, async () => {
    const world = await createWorld();
    worlds.push(world);
    const bot = worldProcess(world, { SHUTDOWN_GRACE_MS: "15000" });
    await bot.start();
    await bot.waitForLine((line) => line.msg === "polling lock acquired: taking updates");

    const first = { id: 620_001, first_name: "Sara", language_code: "en" };
    const second = { id: 620_002, first_name: "Omid", language_code: "en" };
    const held = world.fake.holdNext("sendMessage", (params) => params.chat_id === first.id);
    const heldUpdate = world.fake.userMessage(first, "/help");
    await held.reached;

    bot.send("SIGTERM");
    await bot.waitForLine((line) => line.msg === "shutting down");
    // An update that arrives during the stop is not taken by the stopping process.
    const laterUpdate = world.fake.userMessage(second, "/help");
    await sleep(1_500);
    expect(bot.running).toBe(true);
    // Every getUpdates so far asked from the held update on: it is not confirmed while unhandled.
    const offsetsWhileHeld = world.fake.callsTo("getUpdates").map((call) => Number(call.params.offset ?? 0));
    expect(Math.max(...offsetsWhileHeld)).toBeLessThanOrEqual(heldUpdate);

    const releasedAt = Date.now();
    held.release();
    expect(await bot.exit(30_000)).toBe(0);
    expect(helpReplies(world, first.id)).toBe(1);
    expect(helpReplies(world, second.id)).toBe(0);
    // The last call confirmed the handled update, and not the one that came during the stop.
    const last = world.fake.callsTo("getUpdates").at(-1);
    expect(last?.at).toBeGreaterThanOrEqual(releasedAt);
    expect(last?.params.offset).toBe(heldUpdate + 1);
    expect(laterUpdate).toBe(heldUpdate + 1);
    const lines = bot.logs().map((line) => line.msg);
    expect(lines.indexOf("shutting down")).toBeLessThan(lines.indexOf("stopped"));

    // The successor answers the update it was left, and not the handled one again.
    const successor = worldProcess(world);
    await successor.start();
    await expect.poll(() => helpReplies(world, second.id), { timeout: 15_000 }).toBe(1);
    await sleep(1_500);
    expect(helpReplies(world, first.id)).toBe(1);
    expect(helpReplies(world, second.id)).toBe(1);
  });

  it("webhook: answers the request in progress after its reply went out, turns new ones away, exits 0", { timeout: 90_000 }, async () => {
    const world = await createWorld();
    worlds.push(world);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const bot = worldProcess(world, { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, HTTP_PORT: String(port), SHUTDOWN_GRACE_MS: "15000" });
    await bot.start();
    const post = (update: Update) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) });

    const held = world.fake.holdNext("sendMessage", (params) => params.chat_id === 620_011);
    const inProgress = post(help(7001, 620_011));
    await held.reached;
    bot.send("SIGTERM");
    await bot.waitForLine((line) => line.msg === "shutting down");

    // Not ready any more, and a new update is turned away (the platform delivers it again later).
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    const turnedAway = await post(help(7002, 620_012)).then((res) => res.status, () => "refused");
    expect([503, "refused"]).toContain(turnedAway);
    await sleep(500);
    expect(bot.running).toBe(true);

    held.release();
    expect((await inProgress).status).toBe(200);
    expect(await bot.exit(30_000)).toBe(0);
    expect(helpReplies(world, 620_011)).toBe(1);
    expect(helpReplies(world, 620_012)).toBe(0);
  });

  it("worker: finishes the delivery in progress, records it SENT, and exits 0", { timeout: 90_000 }, async () => {
    const world = await createWorld();
    worlds.push(world);
    const worker = worldProcess(world, { SHUTDOWN_GRACE_MS: "15000" }, { script: "src/worker.ts" });
    await worker.start();
    const held = world.fake.holdNext("sendMessage", (params) => params.text === "a notice on its way");
    await world.db.$transaction((tx) =>
      enqueueOutbound(tx, [{ dedupeKey: "e2e:shutdown", kind: "NOTICE", chatId: "620021", payload: textPayload("a notice on its way") }]),
    );
    await held.reached;
    worker.send("SIGTERM");
    await worker.waitForLine((line) => line.msg === "shutting down");
    await sleep(1_000);
    expect(worker.running).toBe(true);
    held.release();
    expect(await worker.exit(30_000)).toBe(0);
    const row = await world.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "e2e:shutdown" } });
    expect(row.status).toBe("SENT");
    expect(world.fake.sentMessages("620021")).toHaveLength(1);
  });
});
