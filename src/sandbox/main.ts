/**
 * `npm run sandbox`: Tashil with no Telegram, no bot token and no database server. One process
 * runs the local Bot API (local-api.ts), the real bot (createContainer + createBot, long
 * polling against it) with its workers, a demo working group (demo.ts) and the web chat
 * (server.ts) on http://127.0.0.1:<SANDBOX_PORT, default 3900>/. Data lives in an embedded
 * PostgreSQL (PGlite) unless DATABASE_URL is given; Redis is the system's (REDIS_URL), under a
 * prefix of this run's own that is deleted at the end. Nothing leaves the machine.
 * Variables: SANDBOX_PORT, SANDBOX_START (an ISO instant the sandbox's clock starts at),
 * DATABASE_URL, SANDBOX_DATABASE=postgresql (the local server's tashil_sandbox database
 * instead of PGlite), REDIS_URL, LOG_LEVEL.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { sequentialize } from "@grammyjs/runner";
import type { Context } from "grammy";
import { Redis } from "ioredis";
import { createBot } from "../bot";
import { parseConfig } from "../config";
import { createContainer } from "../container";
import { startWorkers } from "../jobs/workers";
import { createLogger, type Logger } from "../logger";
import { runPollingLeader } from "../polling";
import { exitOnFatalError, onShutdown, PROJECT_ROOT } from "../runtime";
import { openSandboxDatabase } from "./database";
import { buildDemo, demoExists } from "./demo";
import { FakeBotApi } from "./local-api";
import { ADMIN_PERSONA } from "./personas";
import { Playground } from "./play";
import { startSandboxServer } from "./server";
import { SandboxClock } from "./time";

const TOKEN = "7000000001:sandbox_token_not_a_real_bot_token";
const FALLBACK_DATABASE = "postgresql://postgres@127.0.0.1:5432/tashil_sandbox";

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Redis from REDIS_URL, else the local one, started (or installed) by the project's script. */
async function ensureRedis(url: string, logger: Logger): Promise<void> {
  if (await redisAnswers(url)) return;
  const local = /^redis:\/\/(127\.0\.0\.1|localhost)(:6379)?\/?/.test(url);
  if (local) {
    logger.info("Redis does not answer; starting it (scripts/ensure-services.sh)");
    spawnSync("bash", ["scripts/ensure-services.sh", "30"], { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, SERVICES: "redis" } });
    if (await redisAnswers(url)) return;
  }
  console.error(`Tashil sandbox: Redis does not answer at ${url}. Install and start it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis && brew services start redis), or set REDIS_URL.`);
  process.exit(1);
}

async function clearPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

const updateKeys = (ctx: Context): string[] => [...(ctx.chat ? [`chat:${ctx.chat.id}`] : []), ...(ctx.from ? [`user:${ctx.from.id}`] : [])];

async function main(): Promise<void> {
  // An empty variable counts as unset (as in .env files).
  const env = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")) as NodeJS.ProcessEnv;
  const logger = createLogger(env.LOG_LEVEL ?? "info", { sandbox: true });
  const redisUrl = env.REDIS_URL ?? "redis://127.0.0.1:6379";
  await ensureRedis(redisUrl, logger);
  const prefix = `tashil-sandbox-${randomBytes(4).toString("hex")}`;

  const api = new FakeBotApi({ token: TOKEN, botInfo: { first_name: "تسهیل", username: "tashil_sandbox_bot" } });
  const apiRoot = await api.start();
  const start = env.SANDBOX_START ? new Date(env.SANDBOX_START) : undefined;
  if (start && Number.isNaN(start.getTime())) throw new Error("SANDBOX_START must be an ISO instant, e.g. 2026-12-05T07:00:00Z");
  const clock = new SandboxClock(start);
  const database = await openSandboxDatabase(
    { ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }), fallbackUrl: FALLBACK_DATABASE, preferPostgres: env.SANDBOX_DATABASE === "postgresql" },
    logger,
  );
  const config = parseConfig({
    NODE_ENV: "development",
    BOT_TOKEN: TOKEN,
    BOT_API_ROOT: apiRoot,
    DATABASE_URL: env.DATABASE_URL ?? FALLBACK_DATABASE, // unused on PGlite, but the schema asks for one
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    ADMIN_TELEGRAM_IDS: String(ADMIN_PERSONA.telegramId),
    LOG_LEVEL: env.LOG_LEVEL ?? "info",
    // One person plays everyone, fast: no inbound limit.
    RATE_LIMIT_UPDATES: "0",
  });
  const container = createContainer(config, { now: clock.now, db: database.db, logger });
  if (!(await demoExists(container))) {
    await buildDemo(container);
    logger.info("demo working group built");
  }

  const bot = createBot(container, { before: [sequentialize(updateKeys)], transport: "polling" });
  await bot.init();
  const workers = await startWorkers(container);
  const leader = runPollingLeader(bot, { redis: container.redis, logger, instanceId: randomUUID(), ttlMs: config.POLLING_LOCK_TTL_MS });
  const play = new Playground(api, apiRoot, TOKEN, container, clock, database.kind);
  const port = env.SANDBOX_PORT === undefined ? 3900 : Number(env.SANDBOX_PORT);
  const server = await startSandboxServer(play, port);

  onShutdown(logger, async (deadline) => {
    await server.close();
    await leader.stop(deadline);
    await workers.close();
    await container.queues.deliveries.obliterate({ force: true }).catch(() => undefined);
    await container.queues.timers.obliterate({ force: true }).catch(() => undefined);
    await container.close();
    await clearPrefix(redisUrl, prefix).catch(() => undefined);
    await database.close();
    await api.stop();
  }, 10_000);
  leader.task.catch((error: unknown) => exitOnFatalError(logger, error, "long polling stopped"));
  logger.info({ url: server.url, database: database.kind, redisPrefix: prefix }, "sandbox ready");
  // The line a person (and the e2e test) looks for.
  console.log(`Tashil sandbox ready: ${server.url} (database: ${database.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
}

main().catch((error: unknown) => exitOnFatalError(undefined, error, "the sandbox failed to start"));
