// The real bot process (src/main.ts) against the fake Bot API: configuration errors, the
// `npm start` path (--migrate), the command menu, polling, webhooks on Telegram and on Bale,
// and an orderly stop.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { Update } from "grammy/types";
import { BOT_COMMANDS, PUBLIC_COMMANDS } from "../../src/bot/commands";
import { createDb } from "../../src/db";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import { createI18n, translatorFor } from "../../src/i18n";
import { BotProcess } from "../support/bot-process";
import { clearRedisPrefix, createTestDatabase, dropTestDatabase, REDIS_URL, TEST_BOT_TOKEN } from "../support/env";
import { FakeBotApi, type FakeCall } from "../support/fake-bot-api";
import { databaseUrl as testDatabaseUrl } from "../support/global-setup";

const t = translatorFor(createI18n("fa"));
const SECRET = "e2e_webhook_secret_0123456789";

interface Run {
  fake: FakeBotApi;
  apiRoot: string;
  bot: BotProcess;
  databaseUrl: string;
  prefix: string;
}
const runs: Run[] = [];

afterEach(async () => {
  // Processes first (newest first: a worker launched after its bot), then what they used.
  const finished = runs.splice(0).reverse();
  for (const run of finished) await run.bot.kill();
  for (const run of finished) {
    await run.fake.stop();
    if (run.prefix) await clearRedisPrefix(run.prefix);
    if (run.databaseUrl) await dropTestDatabase(run.databaseUrl);
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function launch(env: Record<string, string> = {}, args: string[] = [], options: { noDatabaseYet?: boolean } = {}): Promise<Run> {
  const fake = new FakeBotApi({ token: TEST_BOT_TOKEN });
  const apiRoot = await fake.start();
  // A name of this run (the global teardown drops it in any case) that does not exist yet.
  const databaseUrl = options.noDatabaseYet
    ? testDatabaseUrl(`tashil_test_${inject("runId")}_fresh_${randomBytes(3).toString("hex")}`)
    : await createTestDatabase();
  const prefix = `tashil-e2e-${randomBytes(4).toString("hex")}`;
  const bot = new BotProcess({
    env: { NODE_ENV: "test", BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix, ...env },
    args,
  });
  const run = { fake, apiRoot, bot, databaseUrl, prefix };
  runs.push(run);
  await bot.start();
  return run;
}

const user = { id: 424242, first_name: "Sara", language_code: "en" };
const isReplyTo = (chatId: number, text: string) => (call: FakeCall) =>
  call.method === "sendMessage" && call.params.chat_id === chatId && call.params.text === text;

const forgedUpdate: Update = {
  update_id: 999,
  message: { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "x" }, from: { id: 1, is_bot: false, first_name: "x" }, text: "/help" },
};

describe("the command menu", () => {
  it("lists only commands some feature handles, each described in both languages", () => {
    const featuresDir = new URL("../../src/bot/features/", import.meta.url);
    // Feature folders too (src/bot/features/<name>/…).
    const sources = readdirSync(featuresDir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts"))
      .map((name) => readFileSync(new URL(name, featuresDir), "utf8"))
      .join("\n");
    const unhandled = BOT_COMMANDS.filter((command) => !sources.includes(`.command("${command}"`));
    expect(unhandled).toEqual([]);
    for (const command of BOT_COMMANDS) {
      for (const locale of ["fa", "en"] as const) {
        const description = t(locale, `command-${command}`);
        expect(description).not.toBe(`command-${command}`);
        expect(description.length).toBeLessThanOrEqual(256);
      }
    }
  });
});

describe("start-up", () => {
  function runWith(script: string, env: Record<string, string>) {
    return spawnSync(process.execPath, ["--import", "tsx", script], {
      env: { PATH: process.env.PATH, ENV_FILE: "", ...env },
      encoding: "utf8",
      timeout: 30_000,
    });
  }

  it.each(["src/main.ts", "src/worker.ts"])("%s exits 1 with one line naming the bad variables", (script) => {
    const result = runWith(script, { DATABASE_URL: "mysql://nope" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: /);
    expect(lines[0]).toContain("BOT_TOKEN is required");
    expect(lines[0]).toContain("DATABASE_URL must be a postgresql:// URL");
    expect(result.stdout).toBe("");
  });

  it("refuses an unknown option instead of guessing the mode", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--no-worker"], {
      env: { PATH: process.env.PATH, ENV_FILE: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("Unknown option --no-worker (known: --no-workers --migrate)");
  });

  it("exits 1 with one line when a JSON policy is wrong", () => {
    const result = runWith("src/main.ts", {
      BOT_TOKEN: TEST_BOT_TOKEN,
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/unused",
      WORKING_CALENDAR: '{"quietStart":"25:00"}',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Invalid configuration: WORKING_CALENDAR quietStart /)]);
  });

  it("creates the database, migrates, seeds, sets the command menu, answers by long polling, and stops on SIGTERM", { timeout: 90_000 }, async () => {
    const { fake, apiRoot, bot } = await launch({}, ["--migrate"], { noDatabaseYet: true });
    expect(bot.logs().some((line) => line.msg === "created the database")).toBe(true);
    const ready = bot.logs().find((line) => line.msg === "Tashil bot ready");
    expect(ready).toMatchObject({ platform: "telegram", mode: "polling", workers: "in-process", apiRoot: new URL(apiRoot).host });

    const menus = fake.callsTo("setMyCommands");
    const byLanguage = new Map(menus.map((call) => [String(call.params.language_code ?? "default"), call.params.commands]));
    expect([...byLanguage.keys()].sort()).toEqual(["default", "en", "fa"]);
    expect(byLanguage.get("en")).toEqual(PUBLIC_COMMANDS.map((command) => ({ command, description: t("en", `command-${command}`) })));
    expect(byLanguage.get("default")).toEqual(byLanguage.get("fa"));

    fake.userMessage(user, "/help");
    await fake.waitFor(isReplyTo(user.id, t("en", "help-text")), 15_000);

    // The registration wizard offers the working groups --migrate seeded.
    fake.userMessage(user, "/start");
    await fake.waitFor(isReplyTo(user.id, t("en", "start-welcome", { name: "Sara" })), 15_000);

    expect(await bot.stop()).toBe(0);
    expect(bot.logs().some((line) => line.msg === "stopped")).toBe(true);
  });

  it("serves a Telegram webhook with the secret token it registered", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const { fake, bot } = await launch({ WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, HTTP_PORT: String(port) });
    expect(bot.logs().find((line) => line.msg === "Tashil bot ready")).toMatchObject({ mode: "webhook" });
    expect(fake.callsTo("setWebhook").at(-1)?.params).toMatchObject({ url, secret_token: SECRET });
    expect(fake.callsTo("getUpdates")).toEqual([]);

    fake.userMessage(user, "/help");
    await fake.waitFor(isReplyTo(user.id, t("en", "help-text")), 15_000);

    const forged = await fake.postUpdateToWebhook(url, forgedUpdate, "not_the_secret_0000000");
    expect(forged.status).toBe(401);
  });

  it("on Bale, registers a secret webhook path instead of a secret-token header", async () => {
    const port = await freePort();
    const { fake, bot } = await launch({
      BOT_PLATFORM: "bale",
      WEBHOOK_URL: `http://127.0.0.1:${port}/bale`,
      WEBHOOK_SECRET: SECRET,
      HTTP_PORT: String(port),
    });
    expect(bot.logs().find((line) => line.msg === "Tashil bot ready")).toMatchObject({ platform: "bale", mode: "webhook" });
    const registered = fake.callsTo("setWebhook").at(-1);
    expect(registered?.params.url).toBe(`http://127.0.0.1:${port}/bale/${SECRET}`);
    expect(registered?.params.secret_token).toBeUndefined();

    fake.userMessage(user, "/help");
    await fake.waitFor(isReplyTo(user.id, t("en", "help-text")), 15_000);
    const guessed = await fake.postUpdateToWebhook(`http://127.0.0.1:${port}/bale`, forgedUpdate);
    expect(guessed.status).toBe(404);
  });

  it("runs the bot and the workers as separate processes: the worker delivers what the outbox holds", { timeout: 90_000 }, async () => {
    const { fake, apiRoot, bot, databaseUrl, prefix } = await launch({ RUN_WORKERS_IN_BOT: "false" });
    expect(bot.logs().find((line) => line.msg === "Tashil bot ready")).toMatchObject({ workers: "separate" });
    const worker = new BotProcess({
      script: "src/worker.ts",
      env: { NODE_ENV: "test", BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix },
    });
    runs.push({ fake, apiRoot, bot: worker, databaseUrl: "", prefix: "" });
    await worker.start();
    expect((await fetch(`http://127.0.0.1:${worker.port}/readyz`)).status).toBe(200);

    const db = createDb(databaseUrl);
    try {
      await db.$transaction((tx) =>
        enqueueOutbound(tx, [{ dedupeKey: "e2e:split", kind: "NOTICE", chatId: String(user.id), payload: textPayload("from the worker") }]),
      );
      await fake.waitFor(isReplyTo(user.id, "from the worker"), 15_000);
      await expect.poll(async () => (await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "e2e:split" } })).status, { timeout: 10_000 }).toBe("SENT");
    } finally {
      await db.$disconnect();
    }
    expect(await worker.stop()).toBe(0);
  });
});
