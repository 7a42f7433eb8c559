import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createDatabase } from "../../src/db";
import { createRedis } from "../../src/redis";
import { createHttpServer, webhookRoute, type HttpServer } from "../../src/server";
import { createTestBot, textOf } from "../support/bot-harness";
import { createTestEnv, type TestEnv } from "../support/env";

const SECRET = "webhook_secret_for_tests_0123";
let env: TestEnv;
let server: HttpServer | undefined;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"] });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await env.cleanup();
});

async function serve(...args: Parameters<typeof createHttpServer>): Promise<string> {
  server = createHttpServer(...args);
  const address: AddressInfo = await server.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${address.port}`;
}

let nextUpdateId = 1;
function helpUpdate(userId: number): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Test" },
      from: { id: userId, is_bot: false, first_name: "Test", language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}

function post(url: string, update: Update, secret?: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret !== undefined && { "x-telegram-bot-api-secret-token": secret }) },
    body: JSON.stringify(update),
  });
}

describe("health and readiness", () => {
  it("answers /healthz, and /readyz when PostgreSQL and Redis answer", async () => {
    const base = await serve(env.container);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { postgres: "ok", redis: "ok" } });
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it("is not ready, and says Redis failed, when Redis cannot be reached", async () => {
    // Port 1: nothing listens there, so every connection is refused.
    const redis = createRedis("redis://127.0.0.1:1", "unreachable", { retryStrategy: () => 50, lazyConnect: true });
    redis.on("error", () => undefined);
    try {
      const base = await serve({ sql: env.container.sql, redis, logger: env.container.logger }, { probeTimeoutMs: 1_000 });
      const started = Date.now();
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { ok: boolean; checks: Record<string, string> };
      expect(body.ok).toBe(false);
      expect(body.checks.postgres).toBe("ok");
      expect(body.checks.redis).not.toBe("ok");
      expect(Date.now() - started).toBeLessThan(5_000);
      // Liveness does not depend on the others: the process itself is fine.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      redis.disconnect();
    }
  });

  it("is not ready, and says PostgreSQL failed, when the database cannot be reached", async () => {
    const { sql } = createDatabase("postgresql://postgres@127.0.0.1:1/none");
    try {
      const base = await serve({ sql, redis: env.container.redis, logger: env.container.logger }, { probeTimeoutMs: 2_000 });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: Record<string, string> };
      expect(body.checks.redis).toBe("ok");
      expect(body.checks.postgres).not.toBe("ok");
      expect(JSON.stringify(body)).not.toContain("postgresql://");
    } finally {
      await sql.end().catch(() => undefined);
    }
  });
});

describe("Telegram webhook", () => {
  const config = { WEBHOOK_URL: "https://bot.example.ir/tg/hook", WEBHOOK_SECRET: SECRET, BOT_PLATFORM: "telegram" as const };

  it("registers the public URL with the secret as a header token", () => {
    expect(webhookRoute(config)).toEqual({ url: "https://bot.example.ir/tg/hook", path: "/tg/hook", secretToken: SECRET });
  });

  it("handles an update that carries the right secret token", async () => {
    const { bot, telegram } = createTestBot(env.container);
    const route = webhookRoute(config);
    const base = await serve(env.container, { bot, webhookPath: route.path, secretToken: route.secretToken });
    const response = await post(`${base}${route.path}`, helpUpdate(5001), SECRET);
    expect(response.status).toBe(200);
    const reply = telegram.calls.find((call) => call.method === "sendMessage" && call.payload.chat_id === 5001);
    expect(textOf(reply)).toBe(env.container.t("en", "help-text"));
  });

  it("refuses a wrong or missing secret token with 401 and does not run the update", async () => {
    const { bot, telegram } = createTestBot(env.container);
    const route = webhookRoute(config);
    const base = await serve(env.container, { bot, webhookPath: route.path, secretToken: route.secretToken });
    expect((await post(`${base}${route.path}`, helpUpdate(5002), "wrong_secret_of_some_length")).status).toBe(401);
    expect((await post(`${base}${route.path}`, helpUpdate(5002))).status).toBe(401);
    expect(telegram.calls.filter((call) => call.method === "sendMessage")).toEqual([]);
  });

  it("serves the webhook on its path only, and only for POST", async () => {
    const { bot } = createTestBot(env.container);
    const base = await serve(env.container, { bot, webhookPath: "/tg/hook", secretToken: SECRET });
    expect((await post(`${base}/other`, helpUpdate(5003), SECRET)).status).toBe(404);
    expect((await fetch(`${base}/tg/hook`)).status).toBe(405);
  });
});

describe("Bale webhook", () => {
  const config = { WEBHOOK_URL: "https://bot.example.ir/bale/", WEBHOOK_SECRET: SECRET, BOT_PLATFORM: "bale" as const };

  it("puts the secret in the path, since Bale sends no secret-token header", () => {
    expect(webhookRoute(config)).toEqual({ url: `https://bot.example.ir/bale/${SECRET}`, path: `/bale/${SECRET}` });
  });

  it("handles an update posted to the secret path without any header; other paths are 404", async () => {
    const { bot, telegram } = createTestBot(env.container);
    const route = webhookRoute(config);
    const base = await serve(env.container, { bot, webhookPath: route.path, secretToken: route.secretToken });
    expect((await post(`${base}/bale`, helpUpdate(5004))).status).toBe(404);
    expect((await post(`${base}/bale/not_the_secret_value_0000`, helpUpdate(5004))).status).toBe(404);
    expect(telegram.calls.filter((call) => call.method === "sendMessage")).toEqual([]);

    expect((await post(`${base}${route.path}`, helpUpdate(5004))).status).toBe(200);
    const reply = telegram.calls.find((call) => call.method === "sendMessage" && call.payload.chat_id === 5004);
    expect(textOf(reply)).toBe(env.container.t("en", "help-text"));
  });
});
