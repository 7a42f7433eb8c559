/**
 * Broadcast benchmark: how close a 2,000-recipient broadcast gets to Telegram's floor of
 * 2000 / 30 msg/s = 66.7 s, through the real pipeline (broadcast service → outbox → relay →
 * BullMQ → sender workers → Bot API over HTTP).
 *
 *   npm run bench:broadcast                 # against the fake Bot API, flood limits on
 *   BOT_API_ROOT=http://… npm run bench:broadcast   # against another server (no per-chat stats)
 *
 * It builds a throwaway database (CREATE DATABASE, `prisma migrate deploy`, reference data)
 * and a fresh Redis prefix, and removes both at the end. Options (environment):
 *   BENCH_RECIPIENTS (2000), BENCH_LATENCY_MS (fake's per-request latency, 20),
 *   BENCH_DEBUG=1 (list the 429s and the Bot API calls per second),
 *   SEND_RATE_PER_SECOND, SENDER_CONCURRENCY (the workers' settings; defaults from config),
 *   TEST_POSTGRES_URL (postgresql://postgres@127.0.0.1:5432/postgres), REDIS_URL.
 * Exit code: 0 within the goal, 1 when a row is not final or someone got it twice or not at
 * all, 2 when slower than the goal.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Api } from "grammy";
import pg from "pg";
import { parseConfig } from "../src/config";
import { createContainer, type Container } from "../src/container";
import { startBroadcastProgress } from "../src/jobs/broadcast-progress";
import { startWorkers, type RunningWorkers } from "../src/jobs/workers";
import { seedReferenceData } from "../src/seed/reference-data";
import { createBroadcastDraft, startBroadcast } from "../src/services/broadcasts";
import { FakeBotApi } from "../test/support/fake-bot-api";
import { legalEntityIdFrom } from "../test/support/identifiers";
import { clearRedisPrefix } from "../test/support/redis-keys";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 2000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const TELEGRAM_RATE = 30;
const GOAL_RATIO = 1.15;
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TOKEN = "123456789:BENCH_token_for_tashil_benchmarks";
const FIRST_CHAT = 9_100_000_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A secretariat member and RECIPIENTS producers, each representing a unit of Kerman. */
async function seedAudience(container: Container): Promise<{ workingGroupId: number; authorId: number; authorChat: string }> {
  const group = await container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  const author = await container.db.user.create({ data: { telegramId: String(FIRST_CHAT - 1), firstName: "Dabir", language: "fa" } });
  await container.db.membership.create({ data: { userId: author.id, workingGroupId: group.id, role: "SECRETARIAT" } });
  const chats = Array.from({ length: RECIPIENTS }, (_, i) => String(FIRST_CHAT + i));
  await container.db.user.createMany({ data: chats.map((telegramId, i) => ({ telegramId, firstName: `Producer ${i + 1}`, language: i % 4 === 0 ? "en" : "fa" })) });
  const users = await container.db.user.findMany({ where: { telegramId: { in: chats } }, select: { id: true, telegramId: true }, orderBy: { id: "asc" } });
  await container.db.productionUnit.createMany({
    data: users.map((user, i) => ({
      workingGroupId: group.id,
      name: `Unit ${i + 1}`,
      legalId: legalEntityIdFrom(String(1_500_000_000 + i)),
      county: "کرمان",
      sector: "INDUSTRY" as const,
      activityStatus: "ACTIVE" as const,
      employees: 20,
    })),
  });
  const units = await container.db.productionUnit.findMany({ where: { workingGroupId: group.id }, select: { id: true }, orderBy: { id: "asc" } });
  await container.db.unitRepresentative.createMany({ data: users.map((user, i) => ({ userId: user.id, unitId: (units[i] as { id: number }).id })) });
  return { workingGroupId: group.id, authorId: author.id, authorChat: author.telegramId };
}

async function main(): Promise<void> {
  const external = process.env.BOT_API_ROOT;
  const fake = external ? undefined : new FakeBotApi({ floodLimits: true, latencyMs: LATENCY_MS });
  const apiRoot = external ?? (await (fake as FakeBotApi).start());
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const dbName = `tashil_bench_${runId}`;
  const prefix = `tashil-bench-${runId}`;
  let container: Container | undefined;
  let workers: RunningWorkers | undefined;
  let exitCode = 0;

  try {
    log(`Broadcast benchmark: ${RECIPIENTS} recipients, Bot API ${external ? apiRoot : `fake (flood limits on, ${LATENCY_MS} ms latency)`}`);
    await admin((client) => client.query(`CREATE DATABASE "${dbName}"`));
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(dbName) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const config = parseConfig({
      NODE_ENV: "production",
      BOT_TOKEN: process.env.BOT_TOKEN ?? TOKEN,
      BOT_API_ROOT: apiRoot,
      DATABASE_URL: databaseUrl(dbName),
      REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      ...(process.env.SEND_RATE_PER_SECOND ? { SEND_RATE_PER_SECOND: process.env.SEND_RATE_PER_SECOND } : {}),
      ...(process.env.SENDER_CONCURRENCY ? { SENDER_CONCURRENCY: process.env.SENDER_CONCURRENCY } : {}),
    });
    container = createContainer(config);
    await seedReferenceData(container.db, ["KRM"]);
    const { workingGroupId, authorId, authorChat } = await seedAudience(container);
    log(`seeded: ${RECIPIENTS} producers; send rate ${config.SEND_RATE_PER_SECOND}/s, ${config.SENDER_CONCURRENCY} concurrent senders`);

    workers = await startWorkers(container, { hooks: [] });

    // What the bot does on "confirm": the progress message, then one transaction of rows.
    const api = new Api(config.BOT_TOKEN, { apiRoot });
    const progress = await api.sendMessage(Number(authorChat), "📢 …");
    const draft = await createBroadcastDraft(container, authorId, {
      workingGroupId,
      text: "اطلاعیه دبیرخانه: جلسه کارگروه تسهیل و رفع موانع تولید روز یکشنبه ساعت ۹ برگزار می‌شود.",
      audience: { kind: "producers" },
    });
    const started = Date.now();
    const { total } = await startBroadcast(container, authorId, draft.id, { chatId: authorChat, messageId: progress.message_id });
    await startBroadcastProgress(container, draft.id, authorChat);
    const committedMs = Date.now() - started;

    let lastReport = 0;
    for (;;) {
      const open = await container.db.outboxMessage.count({ where: { broadcastId: draft.id, status: { in: ["PENDING", "QUEUED"] } } });
      if (open === 0) break;
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        log(`  ${((Date.now() - started) / 1000).toFixed(1)} s: ${total - open} of ${total} done`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsed = (Date.now() - started) / 1000;
    const floor = total / TELEGRAM_RATE;
    const ratio = elapsed / floor;

    const groups = await container.db.outboxMessage.groupBy({ by: ["status"], where: { broadcastId: draft.id }, _count: { _all: true } });
    const byStatus = Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
    const terminal = groups.filter((g) => ["SENT", "FAILED", "BLOCKED", "CANCELLED"].includes(g.status)).reduce((n, g) => n + g._count._all, 0);
    const recorded = await container.db.outboxMessage.count({ where: { broadcastId: draft.id, finishedAt: { not: null } } });

    log("");
    log(`recipients                ${total} (rows committed in one transaction in ${committedMs} ms)`);
    log(`elapsed                   ${elapsed.toFixed(1)} s (confirm → every row final)`);
    log(`floor (${total} / ${TELEGRAM_RATE} per s)     ${floor.toFixed(1)} s`);
    log(`ratio to floor            ${ratio.toFixed(3)} (goal ≤ ${GOAL_RATIO}) ${ratio <= GOAL_RATIO ? "OK" : "ABOVE GOAL"}`);
    log(`final states              ${JSON.stringify(byStatus)}; ${terminal}/${total} final, ${recorded}/${total} with finishedAt`);
    if (terminal !== total || recorded !== total) exitCode = 1;

    if (fake) {
      const perChat = new Map<string, number>();
      for (const call of fake.sentMessages()) {
        const chat = String(call.params.chat_id);
        if (chat !== authorChat) perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
      }
      const twice = [...perChat.values()].filter((n) => n > 1).length;
      const missed = (byStatus.SENT ?? 0) - perChat.size;
      log(`429 Too Many Requests     ${fake.stats.tooManyRequests}`);
      log(`received twice            ${twice} chats; SENT rows without a delivery: ${Math.max(0, missed)}`);
      log(`progress message edits    ${fake.callsTo("editMessageText").filter((c) => c.response.ok).length}`);
      if (twice > 0 || missed !== 0) exitCode = 1;
      if (process.env.BENCH_DEBUG) {
        for (const call of fake.calls.filter((c) => c.response.error_code === 429)) {
          log(`  429: ${call.method} chat ${String(call.params.chat_id)} at +${call.at - started} ms`);
        }
        const perSecond = new Map<number, number>();
        for (const call of fake.calls) if (call.response.ok && call.method !== "getMe") perSecond.set(Math.floor((call.at - started) / 1000), (perSecond.get(Math.floor((call.at - started) / 1000)) ?? 0) + 1);
        log(`  calls per second: ${[...perSecond.entries()].sort((a, b) => a[0] - b[0]).map(([sec, n]) => `${sec}:${n}`).join(" ")}`);
      }
    } else {
      log("429 Too Many Requests     n/a (external Bot API: see its own statistics)");
    }
    if (ratio > GOAL_RATIO) exitCode = exitCode || 2;
  } finally {
    await workers?.close().catch(() => undefined);
    if (container) {
      await container.queues.deliveries.obliterate({ force: true }).catch(() => undefined);
      await container.queues.timers.obliterate({ force: true }).catch(() => undefined);
      await container.close().catch(() => undefined);
    }
    await clearRedisPrefix(prefix, REDIS_URL).catch(() => undefined);
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((error: unknown) => log(`could not drop ${dbName}: ${String(error)}`));
    await fake?.stop();
  }
  process.exit(exitCode);
}

await main();
