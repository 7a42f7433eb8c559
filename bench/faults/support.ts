/**
 * What the faults of bench/faults.ts share: the counters, a scope per fault (its worlds,
 * redis-servers and processes, scanned for the token and torn down even when the fault
 * fails), a producer who walks through the report flow, and the outbox accounting.
 *
 * It imports the end-to-end support code (test/support) as it is; test/support/env.ts asks
 * vitest's inject() for the template database, which bench/faults.ts provides through a
 * resolution hook (./vitest-hooks.mjs) and the tests' own global setup.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import type { InlineKeyboardButton } from "grammy/types";
import type { TestProject } from "vitest/node";
import type { Db } from "../../src/db";
import { createI18n, translatorFor } from "../../src/i18n";
import type { BotProcess, BotProcessOptions } from "../../test/support/bot-process";
import { createWorld, destroyWorld, worldProcess, type World, type WorldOptions } from "../../test/support/e2e-world";
import type { FakeBotApi, FakeCall, FakeUser } from "../../test/support/fake-bot-api";
import setupTemplateDatabase from "../../test/support/global-setup";
import { legalEntityIdFrom } from "../../test/support/identifiers";
import { TestRedisServer } from "../../test/support/redis-server";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Shaped like a real token (the fake Bot API accepts only it); its secret part is what we look for. */
export const TOKEN = "7345678901:AAGq3_bench-faults_secret_token_part_77";
export const SECRET_PART = TOKEN.split(":")[1] as string;
export const REPLY_TIMEOUT_MS = 15_000;
export const DESCRIPTION = "The tax office froze our account over a disputed 1403 assessment; salaries are due this week.";

const t = translatorFor(createI18n("fa"));
export const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until the predicate holds; false (no throw) when the time is up. */
export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

// ------------------------------------------------------------------------------ the counters

export interface Counts {
  reportsLost: number;
  reportsDoubled: number;
  noticesLost: number;
  noticesDoubled: number;
  secretsInLogs: number;
  unansweredUpdates: number;
}

export const noCounts = (): Counts => ({ reportsLost: 0, reportsDoubled: 0, noticesLost: 0, noticesDoubled: 0, secretsInLogs: 0, unansweredUpdates: 0 });

export function addCounts(into: Counts, from: Counts): void {
  for (const key of Object.keys(into) as Array<keyof Counts>) into[key] += from[key];
}

export const countsLine = (c: Counts): string =>
  `reports lost ${c.reportsLost}, reports doubled ${c.reportsDoubled}, notices lost ${c.noticesLost}, ` +
  `notices doubled ${c.noticesDoubled}, secrets in logs ${c.secretsInLogs}, unanswered updates ${c.unansweredUpdates}`;

export const anyCount = (c: Counts): boolean => Object.values(c).some((n) => n !== 0);

// ------------------------------------------------------------------------------ databases

/**
 * The migrated template database every world clones, made by the tests' own global setup
 * (prisma migrate deploy); what it provides goes where ./vitest-shim.mjs reads it. Returns the
 * teardown, which drops the template and every database cloned from it.
 */
export async function prepareTemplateDatabase(): Promise<() => Promise<void>> {
  const provided: Record<string, unknown> = {};
  (globalThis as { __tashilFaultsProvided?: Record<string, unknown> }).__tashilFaultsProvided = provided;
  const project = { provide: (key: string, value: unknown) => void (provided[key] = value) } as unknown as TestProject;
  return setupTemplateDatabase(project);
}

// ------------------------------------------------------------------------------ a fault's scope

/**
 * What one fault made. close() first looks for the token in everything its worlds hold (the
 * output of every process, the outbox rows, the values under the Redis prefix), then tears down
 * in reverse order: processes, fake Bot API, database, Redis keys, private redis-servers.
 */
export class Scope {
  readonly counts = noCounts();
  /** Checks that are not one of the six counts (a 413 not answered…); any makes the run fail. */
  readonly failures: string[] = [];
  readonly secretsFound: string[] = [];
  /** Where the time went (printed with BENCH_DEBUG=1). */
  readonly phases: string[] = [];
  private phaseStart = Date.now();
  private readonly worlds: World[] = [];
  private readonly cleanups: Array<() => Promise<unknown>> = [];
  private closing = false;

  /** After close() began (a timeout, an interrupt), a fault still running can start nothing more. */
  private open(): void {
    if (this.closing) throw new Error("the fault's scope is closed");
  }

  async world(options: WorldOptions = {}): Promise<World> {
    this.open();
    const world = await createWorld({ token: TOKEN, ...options });
    this.worlds.push(world);
    this.cleanups.push(() => destroyWorld(world));
    return world;
  }

  /** A redis-server of the fault's own on a free port (FLUSHDB there touches nobody else). */
  async redisServer(): Promise<TestRedisServer> {
    this.open();
    const server = new TestRedisServer();
    this.cleanups.push(() => server.kill());
    await server.start();
    return server;
  }

  /** The bot (src/main.ts) or the workers (src/worker.ts) of a world, named for the report; not started yet. */
  process(world: World, name: string, env: Record<string, string> = {}, options: Omit<BotProcessOptions, "env"> = {}): BotProcess {
    this.open();
    const child = worldProcess(world, env, options);
    names.set(child, name);
    return child;
  }

  phase(name: string): void {
    const now = Date.now();
    this.phases.push(`${name} ${((now - this.phaseStart) / 1000).toFixed(1)} s`);
    this.phaseStart = now;
  }

  fail(reason: string): void {
    this.failures.push(reason);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.phase("(the fault)");
    for (const world of this.worlds) {
      try {
        const found = await withTimeout(secretsIn(world), 20_000, "the scan for the token");
        this.counts.secretsInLogs += found.count;
        this.secretsFound.push(...found.where);
      } catch (error) {
        this.fail(`could not scan for the token: ${String(error)}`);
      }
    }
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      await withTimeout(cleanup(), 30_000, "cleanup").catch((error: unknown) => this.fail(`cleanup: ${String(error)}`));
    }
    this.phase("scan and cleanup");
  }
}

const names = new WeakMap<BotProcess, string>();

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ------------------------------------------------------------------------------ the token

const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

/**
 * How often the token's secret part (the whole token, URL-encoded or not, contains it) appears
 * in the output of the world's processes (stdout and stderr, across restarts), in its outbox
 * rows (lastError and every other column) and in the values under its Redis prefix.
 */
export async function secretsIn(world: World): Promise<{ count: number; where: string[] }> {
  const where: string[] = [];
  let count = 0;
  const look = (name: string, text: string) => {
    const n = occurrences(text, SECRET_PART);
    if (n === 0) return;
    count += n;
    const at = text.indexOf(SECRET_PART);
    where.push(`${name} (${n}×): …${text.slice(Math.max(0, at - 160), at + 60).replace(/\s+/g, " ")}…`);
  };
  for (const child of world.processes) look(`output of ${names.get(child) ?? "a process"}`, child.transcript(Number.MAX_SAFE_INTEGER));
  const rows = await world.db.$queryRaw<Array<{ row: string }>>`SELECT row_to_json(o)::text AS row FROM "OutboxMessage" o`;
  look("the outbox table", rows.map((r) => r.row).join("\n"));
  look("Redis", await redisText(world.redisUrl, world.prefix));
  return { count, where };
}

/** Every value under a Redis prefix (job data, failure reasons, stack traces), as text. */
async function redisText(url: string, prefix: string): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined);
  const parts: string[] = [];
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      for (const key of keys) {
        parts.push(key);
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

// ------------------------------------------------------------------------------ people

export const buttonsOf = (call: FakeCall): InlineKeyboardButton.CallbackButton[] =>
  ((call.params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard?.flat() ?? []).filter(
    (b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b,
  );

export interface ReplyMatch {
  text?: string;
  contains?: string;
  button?: string;
}

export type Step = { send: string; expect: ReplyMatch } | { press: string; expect: ReplyMatch };

/** One person in a private chat with the bot; each step waits for the bot's answer. */
export class Person {
  private mark = 0;
  constructor(
    readonly fake: FakeBotApi,
    readonly user: FakeUser,
  ) {}

  get id(): number {
    return this.user.id;
  }

  send(text: string): this {
    this.mark = this.fake.calls.length;
    this.fake.userMessage(this.user, text);
    return this;
  }

  press(data: string): this {
    this.mark = this.fake.calls.length;
    this.fake.userCallback(this.user, data);
    return this;
  }

  /** The bot's messages to this person since `since` (an index into the fake's calls). */
  messagesSince(since: number): FakeCall[] {
    return this.fake.calls
      .slice(since)
      .filter((call) => (call.method === "sendMessage" || call.method === "editMessageText") && call.response.ok && String(call.params.chat_id) === String(this.id));
  }

  async expect(match: ReplyMatch, timeoutMs = REPLY_TIMEOUT_MS): Promise<FakeCall | undefined> {
    const since = this.mark;
    return this.fake
      .waitFor((call) => {
        if (call.method !== "sendMessage" || String(call.params.chat_id) !== String(this.id) || !call.response.ok) return false;
        if (this.fake.calls.indexOf(call) < since) return false;
        const text = String(call.params.text ?? "");
        if (match.text !== undefined && text !== match.text) return false;
        if (match.contains !== undefined && !text.includes(match.contains)) return false;
        if (match.button !== undefined && !buttonsOf(call).some((b) => b.callback_data === match.button)) return false;
        return true;
      }, timeoutMs)
      .catch(() => undefined);
  }

  /**
   * Walks the steps; stops at the first one not answered as expected. A step the bot did not
   * answer at all is an unanswered update; one answered otherwise (a lost draft answered with
   * the fallback) is not, the caller counts what it costs.
   */
  async walk(steps: Step[], counts: Counts): Promise<{ ok: boolean; failedAt?: string }> {
    for (const step of steps) {
      if ("send" in step) this.send(step.send);
      else this.press(step.press);
      const since = this.mark;
      const answer = await this.expect(step.expect);
      if (answer) continue;
      const said = this.messagesSince(since);
      if (said.length === 0) counts.unansweredUpdates += 1;
      const what = "send" in step ? `"${step.send.slice(0, 20)}"` : step.press;
      const got = said.length === 0 ? "no answer" : `answered "${String(said[said.length - 1]?.params.text ?? "").slice(0, 60)}"`;
      return { ok: false, failedAt: `${what}: ${got}` };
    }
    return { ok: true };
  }
}

/** The report flow up to the description (a draft mid-report), and on to the review. */
export const TO_DESCRIPTION: Step[] = [
  { send: "/report", expect: { text: en("report-ask-category") } },
  { press: "rp:cat:tax", expect: { text: en("report-ask-agency") } },
  { press: "rp:ag:none", expect: { text: en("report-ask-irreversible") } },
  { press: "rp:irr:week", expect: { button: "rp:amt:skip" } },
  { press: "rp:amt:skip", expect: { text: en("report-ask-description", { min: 20, max: 2000 }) } },
];
export const DESCRIPTION_TO_REVIEW: Step[] = [
  { send: DESCRIPTION, expect: { button: "rp:att:done" } },
  { press: "rp:att:done", expect: { button: "rp:submit", contains: DESCRIPTION } },
];

/** Producers, each representing a unit of the working group, with English as their language. */
export async function addProducers(world: World, count: number, firstId: number, groupCode = "KRM"): Promise<Person[]> {
  const group = await world.db.workingGroup.findUniqueOrThrow({ where: { code: groupCode } });
  const people: Person[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = firstId + index;
    await world.db.user.create({
      data: {
        telegramId: String(id),
        firstName: `Producer${index}`,
        language: "en",
        phone: "09121112233",
        representations: {
          create: {
            unit: {
              create: {
                name: `Kerman Tile ${id}`,
                legalId: legalEntityIdFrom(`16${String(id).padStart(8, "0")}`),
                county: "کرمان",
                sector: "INDUSTRY",
                activityStatus: "ACTIVE",
                employees: 30,
                workingGroupId: group.id,
              },
            },
          },
        },
      },
    });
    people.push(new Person(world.fake, { id, first_name: `Producer${index}`, language_code: "en" }));
  }
  return people;
}

/**
 * A secretariat member of the working group, so every new case queues a notice (an outbox
 * row) the workers must deliver exactly once. (Not its group chat: the sender keeps a group
 * to Telegram's 20 messages a minute, which would only make the bench wait.)
 */
export async function addSecretariat(db: Db, groupCode: string, memberTelegramId: string): Promise<void> {
  const group = await db.workingGroup.findUniqueOrThrow({ where: { code: groupCode } });
  const member = await db.user.create({ data: { telegramId: memberTelegramId, firstName: "Dabir", language: "en" } });
  await db.membership.create({ data: { userId: member.id, workingGroupId: group.id, role: "SECRETARIAT" } });
}

/** The code-telling messages a producer got since `since`, for the case of that code. */
export function codeMessages(person: Person, since: number, trackingCode: string): FakeCall[] {
  return person.messagesSince(since).filter((call) => call.method === "sendMessage" && String(call.params.text).includes(`Tracking code: ${trackingCode}`));
}

/**
 * A producer who submitted one draft: lost when no case was made or they were never told its
 * code; doubled for every case beyond one; a code told twice is a notice doubled.
 */
export async function accountSubmission(world: World, person: Person, since: number, counts: Counts): Promise<string> {
  const cases = await world.db.case.findMany({ where: { reporter: { telegramId: String(person.id) } }, select: { trackingCode: true } });
  const told = cases.length > 0 ? codeMessages(person, since, (cases[0] as { trackingCode: string }).trackingCode).length : 0;
  if (cases.length === 0 || told === 0) counts.reportsLost += 1;
  counts.reportsDoubled += Math.max(0, cases.length - 1);
  counts.noticesDoubled += Math.max(0, told - 1);
  return `${cases.length} case${cases.length === 1 ? "" : "s"}, told ${told}×`;
}

// ------------------------------------------------------------------------------ the outbox

/**
 * The secretariat's notice of each new case: a case with no outbox row for the member that
 * names its code is a notice lost (rows queued but not delivered are accountOutbox's).
 */
export async function accountCaseAlerts(world: World, memberChat: string, counts: Counts): Promise<number> {
  const cases = await world.db.case.findMany({ select: { trackingCode: true } });
  const rows = await world.db.outboxMessage.findMany({ where: { chatId: memberChat }, select: { payload: true } });
  const texts = rows.map((row) => String((row.payload as Payload).params?.text ?? ""));
  const missing = cases.filter((item) => !texts.some((text) => text.includes(item.trackingCode))).length;
  counts.noticesLost += missing;
  return missing;
}

const OPEN_STATUSES = ["PENDING", "QUEUED"] as const;

/** Waits until no outbox row is PENDING or QUEUED; false when the time is up. */
export function outboxSettled(world: World, timeoutMs: number): Promise<boolean> {
  return waitUntil(async () => (await world.db.outboxMessage.count({ where: { status: { in: [...OPEN_STATUSES] } } })) === 0, timeoutMs, 200);
}

type Payload = { method?: string; params?: { text?: string; caption?: string } };
const deliveryKey = (chatId: unknown, method: unknown, params: { text?: unknown; caption?: unknown } | undefined) =>
  `${String(chatId)}\u0000${String(method)}\u0000${String(params?.text ?? params?.caption ?? "")}`;

/**
 * Every outbox row against what reached the fake Bot API: rows are grouped by chat, method
 * and text; a group of k rows delivered d times loses k − d (d < k) or doubles d − k (d > k).
 * Only chats the outbox addresses are looked at (the bot's direct replies go elsewhere).
 */
export async function accountOutbox(world: World, counts: Counts): Promise<{ rows: number; sent: number; lost: number; doubled: number; statuses: string }> {
  const rows = await world.db.outboxMessage.findMany({ select: { chatId: true, status: true, payload: true } });
  const expected = new Map<string, number>();
  for (const row of rows) {
    const payload = row.payload as Payload;
    const key = deliveryKey(row.chatId, payload.method, payload.params);
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const chats = new Set(rows.map((row) => row.chatId));
  const delivered = new Map<string, number>();
  for (const call of world.fake.sentMessages()) {
    if (!chats.has(String(call.params.chat_id))) continue;
    const key = deliveryKey(call.params.chat_id, call.method, call.params as { text?: unknown; caption?: unknown });
    delivered.set(key, (delivered.get(key) ?? 0) + 1);
  }
  let lost = 0;
  let doubled = 0;
  for (const key of new Set([...expected.keys(), ...delivered.keys()])) {
    const k = expected.get(key) ?? 0;
    const d = delivered.get(key) ?? 0;
    lost += Math.max(0, k - d);
    doubled += Math.max(0, d - k);
  }
  counts.noticesLost += lost;
  counts.noticesDoubled += doubled;
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  const statuses = [...byStatus].map(([status, n]) => `${n} ${status}`).join(", ") || "none";
  return { rows: rows.length, sent: byStatus.get("SENT") ?? 0, lost, doubled, statuses };
}

export const logsWith = (child: BotProcess, msg: string) => child.logs().filter((line) => line.msg === msg);
