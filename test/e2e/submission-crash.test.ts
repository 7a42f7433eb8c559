// Issue 9, item 2, through the real process: a burst of producers submit at once and the bot
// is SIGKILLed between the case commits and the replies. The fault is a preload module
// (test/support/faults/hold-after-case-commit.mjs) that freezes every transaction that stored a
// case right after its COMMIT — before the session is written and before the reply with the
// code — so the kill lands exactly there. After the restart: no case is doubled, each
// producer is told their code on their next message, and the submit button is no longer active.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { InlineKeyboardButton } from "grammy/types";
import { createDb, type Db } from "../../src/db";
import { createI18n, translatorFor } from "../../src/i18n";
import { seedReferenceData } from "../../src/seed/reference-data";
import { BotProcess } from "../support/bot-process";
import { clearRedisPrefix, createTestDatabase, dropTestDatabase, REDIS_URL, TEST_BOT_TOKEN } from "../support/env";
import { FakeBotApi, type FakeCall, type FakeUser } from "../support/fake-bot-api";
import { legalEntityIdFrom } from "../support/identifiers";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
const REPLY_TIMEOUT_MS = 15_000;
const HOLD_FAULT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../support/faults/hold-after-case-commit.mjs");
const PRODUCERS = 5;
const DESCRIPTION = "The tax office froze our account over a disputed 1403 assessment; salaries are due this week.";

interface World {
  fake: FakeBotApi;
  bots: BotProcess[];
  db: Db;
  databaseUrl: string;
  prefix: string;
}
const worlds: World[] = [];

afterEach(async () => {
  for (const world of worlds.splice(0)) {
    for (const bot of world.bots) await bot.kill();
    await world.fake.stop();
    await world.db.$disconnect();
    await clearRedisPrefix(world.prefix);
    await dropTestDatabase(world.databaseUrl);
  }
});

const buttonsOf = (call: FakeCall): InlineKeyboardButton.CallbackButton[] =>
  ((call.params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard?.flat() ?? []).filter(
    (b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b,
  );

/** One producer in a private chat; every step waits for the bot's answer. */
class Person {
  private mark = 0;
  constructor(
    private readonly fake: FakeBotApi,
    readonly user: FakeUser,
  ) {}
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
  async expect(match: { text?: string; contains?: string; button?: string }): Promise<FakeCall> {
    const since = this.mark;
    return this.fake.waitFor((call) => {
      if (call.method !== "sendMessage" || call.params.chat_id !== this.user.id || this.fake.calls.indexOf(call) < since) return false;
      const text = String(call.params.text ?? "");
      if (match.text !== undefined && text !== match.text) return false;
      if (match.contains !== undefined && !text.includes(match.contains)) return false;
      if (match.button !== undefined && !buttonsOf(call).some((b) => b.callback_data === match.button)) return false;
      return true;
    }, REPLY_TIMEOUT_MS);
  }
}

async function addProducers(fake: FakeBotApi, db: Db, count: number): Promise<Person[]> {
  const group = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  const people: FakeUser[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = 320_001 + index;
    await db.user.create({
      data: {
        telegramId: String(id),
        firstName: `Producer${index}`,
        language: "en",
        phone: "09121112233",
        representations: {
          create: {
            unit: {
              create: {
                name: `Kerman Tile ${index}`,
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
    people.push({ id, first_name: `Producer${index}`, language_code: "en" });
  }
  return people.map((user) => new Person(fake, user));
}

async function toReview(person: Person): Promise<void> {
  await person.send("/report").expect({ text: en("report-ask-category") });
  await person.press("rp:cat:tax").expect({ text: en("report-ask-agency") });
  await person.press("rp:ag:none").expect({ text: en("report-ask-irreversible") });
  await person.press("rp:irr:week").expect({ button: "rp:amt:skip" });
  await person.press("rp:amt:skip").expect({ text: en("report-ask-description", { min: 20, max: 2000 }) });
  await person.send(DESCRIPTION).expect({ button: "rp:att:done" });
  await person.press("rp:att:done").expect({ button: "rp:submit", contains: DESCRIPTION });
}

describe("a burst of submits, and the bot killed between the case commits and the replies", () => {
  it("doubles no case, and tells each producer their code when they come back", async () => {
    const fake = new FakeBotApi({ token: TEST_BOT_TOKEN });
    const apiRoot = await fake.start();
    const databaseUrl = await createTestDatabase();
    const prefix = `tashil-e2e-${randomBytes(4).toString("hex")}`;
    const env = { NODE_ENV: "test", BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix };
    const frozen = new BotProcess({ env: { ...env, NODE_OPTIONS: `--import=${HOLD_FAULT}` } });
    const world: World = { fake, bots: [frozen], db: createDb(databaseUrl), databaseUrl, prefix };
    worlds.push(world);
    const { db } = world;
    await seedReferenceData(db, ["KRM"]);
    await frozen.start();
    const producers = await addProducers(fake, db, PRODUCERS);
    await Promise.all(producers.map(toReview));

    // The burst: everyone presses "Send" at once; every case commits, then the process freezes.
    const beforeSubmit = fake.calls.length;
    for (const person of producers) person.press("rp:submit");
    await expect
      .poll(() => frozen.logs().filter((line) => line.msg === "fault: holding after a case commit").length, { timeout: 20_000 })
      .toBe(PRODUCERS);
    expect(await db.case.count()).toBe(PRODUCERS);
    expect(fake.calls.slice(beforeSubmit).filter((call) => String(call.params.text ?? "").includes("Tracking code"))).toEqual([]);
    await frozen.kill();

    // Counted from before the restart: the new process may answer a re-delivered "Send" (never
    // confirmed to the platform, src/polling.ts) while it starts, before any producer is back.
    const afterRestart = fake.calls.length;
    const restarted = new BotProcess({ env });
    world.bots.push(restarted);
    await restarted.start();
    for (const person of producers) {
      const stored = await db.case.findFirstOrThrow({ where: { reporter: { telegramId: String(person.user.id) } } });
      await person.send("hello").expect({ text: en("fallback-hint") });
      // Told the code (before the answer to "hello"), whether by the "unconfirmed" check or by a
      // re-delivered press of "Send" answered with the case it had already made.
      const told = fake.calls
        .slice(afterRestart)
        .filter((call) => call.method === "sendMessage" && call.params.chat_id === person.user.id)
        .filter((call) => String(call.params.text).includes(`Tracking code: ${stored.trackingCode}`));
      expect(told).toHaveLength(1);
      // The old "Send" button: no longer active, and nothing is stored again.
      const pressedAt = fake.calls.length;
      person.press("rp:submit");
      const answer = await fake.waitFor(
        (call) => call.method === "answerCallbackQuery" && fake.calls.indexOf(call) >= pressedAt && call.params.text !== undefined,
        REPLY_TIMEOUT_MS,
      );
      expect(answer.params.text).toBe(en("fallback-button-inactive"));
    }
    expect(await db.case.count()).toBe(PRODUCERS);
    const perReporter = await db.case.groupBy({ by: ["reporterId"], _count: true });
    expect(perReporter.map((row) => row._count)).toEqual(Array(PRODUCERS).fill(1));
    // Once told, never told again.
    const mark = fake.calls.length;
    await producers[0]!.send("/start").expect({ text: en("start-welcome-back", { name: "Producer0" }) });
    expect(fake.calls.slice(mark).some((call) => String(call.params.text ?? "").includes("Tracking code"))).toBe(false);
  }, 180_000);
});
