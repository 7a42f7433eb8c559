// The foundation's "done when": the real process (`src/main.ts`, as `npm start` runs it)
// against the fake Bot API over HTTP, with real PostgreSQL and Redis. A new producer goes from
// /start through registration and a report to a submitted case, the secretariat is alerted
// through the outbox and the workers, and /cases lists the case. Then: the bot is killed in the
// middle of the report wizard, started again, and the draft is still there and submits.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { InlineKeyboardButton } from "grammy/types";
import { Redis } from "ioredis";
import { createDb, type Db } from "../../src/db";
import { createI18n, translatorFor } from "../../src/i18n";
import { seedReferenceData } from "../../src/seed/reference-data";
import { BotProcess } from "../support/bot-process";
import { clearRedisPrefix, createTestDatabase, dropTestDatabase, REDIS_URL, TEST_BOT_TOKEN } from "../support/env";
import { FakeBotApi, type FakeCall, type FakeUser } from "../support/fake-bot-api";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
const REPLY_TIMEOUT_MS = 15_000;
/** A whole journey through a real process: dozens of round trips, one or two starts. */
const JOURNEY_TIMEOUT_MS = 120_000;

interface World {
  fake: FakeBotApi;
  bot: BotProcess;
  db: Db;
  databaseUrl: string;
  prefix: string;
}
const worlds: World[] = [];

afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.bot.kill();
    await world.fake.stop();
    await world.db.$disconnect();
    await clearRedisPrefix(world.prefix);
    await dropTestDatabase(world.databaseUrl);
  }
});

/**
 * A fresh database and Redis prefix, the fake Bot API, and the bot started as `npm start` does
 * (`--migrate`: deploy + seed), or with the reference data seeded directly (faster).
 */
async function startWorld(options: { asNpmStart: boolean }): Promise<World> {
  const fake = new FakeBotApi({ token: TEST_BOT_TOKEN });
  const apiRoot = await fake.start();
  const databaseUrl = await createTestDatabase();
  const prefix = `tashil-e2e-${randomBytes(4).toString("hex")}`;
  const bot = new BotProcess({
    env: { NODE_ENV: "test", BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix },
  });
  const world = { fake, bot, db: createDb(databaseUrl), databaseUrl, prefix };
  worlds.push(world);
  if (options.asNpmStart) {
    await bot.start(["--migrate"]);
  } else {
    await seedReferenceData(world.db, ["KRM"]);
    await bot.start();
  }
  return world;
}

function buttonsOf(call: FakeCall): InlineKeyboardButton.CallbackButton[] {
  const markup = call.params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return (markup?.inline_keyboard?.flat() ?? []).filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b);
}

/** One person in a private chat with the bot; every step waits for the bot's answer. */
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

  shareContact(phone: string): this {
    this.mark = this.fake.calls.length;
    this.fake.userContact(this.user, phone);
    return this;
  }

  press(data: string): this {
    this.mark = this.fake.calls.length;
    this.fake.userCallback(this.user, data);
    return this;
  }

  /** Waits for a message to this chat, sent after the last action, that matches. */
  async expect(match: { text?: string; contains?: string; button?: RegExp | string }): Promise<FakeCall> {
    const since = this.mark;
    return this.fake.waitFor((call) => {
      if (call.method !== "sendMessage" || call.params.chat_id !== this.user.id) return false;
      if (this.fake.calls.indexOf(call) < since) return false;
      const text = String(call.params.text ?? "");
      if (match.text !== undefined && text !== match.text) return false;
      if (match.contains !== undefined && !text.includes(match.contains)) return false;
      if (match.button !== undefined && !buttonsOf(call).some((b) => matches(b, match.button!))) return false;
      return true;
    }, REPLY_TIMEOUT_MS);
  }

  /** The callback data of a button (by label or data) on a message. */
  button(call: FakeCall, which: RegExp | string): string {
    const found = buttonsOf(call).find((b) => matches(b, which));
    if (!found) throw new Error(`no button ${String(which)} on "${String(call.params.text)}": ${JSON.stringify(buttonsOf(call))}`);
    return found.callback_data;
  }
}

function matches(button: InlineKeyboardButton.CallbackButton, which: RegExp | string): boolean {
  return typeof which === "string" ? button.text === which || button.callback_data === which : which.test(button.callback_data);
}

const DESCRIPTION =
  "The distribution company has served a cut-off warning for our main feeder over arrears of the last two months; the rolling line stops without power.";

/** /start → registration of a unit in Kerman; returns when the unit is saved. */
async function register(person: Person, legalId: string): Promise<void> {
  const welcome = await person.send("/start").expect({ text: en("start-welcome", { name: person.user.first_name ?? "" }) });
  await person.press(person.button(welcome, "unit:new")).expect({ text: en("register-ask-phone") });
  await person.shareContact("+98 912 345 6789").expect({ text: en("register-phone-saved") });
  await person.expect({ text: en("register-ask-name") });
  // Persian digits are accepted everywhere.
  await person.send("Kerman Steel Rolling Co.").expect({ text: en("register-ask-legal-id") });
  await person.send(legalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d)).expect({ text: en("register-ask-licence") });
  let groups = await person.press("reg:licence:skip").expect({ text: en("register-ask-working-group") });
  // The working groups are paged; turn pages until Kerman shows.
  for (let page = 0; !buttonsOf(groups).some((b) => b.text === "Kerman"); page += 1) {
    if (page > 10) throw new Error("Kerman is not among the working groups");
    groups = await person.press(person.button(groups, en("button-next"))).expect({ text: en("register-ask-working-group") });
  }
  const counties = await person.press(person.button(groups, "Kerman")).expect({ text: en("register-ask-county-choose") });
  await person.press(person.button(counties, "Kerman")).expect({ text: en("register-ask-sector") });
  await person.press("reg:sector:INDUSTRY").expect({ text: en("register-ask-activity") });
  await person.press("reg:act:ACTIVE").expect({ text: en("register-ask-employees") });
  await person.send("۱۲۰").expect({ button: "reg:save", contains: "Kerman Steel Rolling Co." });
  await person.press("reg:save").expect({ text: en("register-done", { name: "Kerman Steel Rolling Co." }) });
}

/** From the report button to the attachments step: an electricity cut-off warning. */
async function reportUpToAttachments(person: Person): Promise<void> {
  const categories = await person.press("report:new").expect({ text: en("report-ask-category") });
  const subcategories = await person.press(person.button(categories, "rp:cat:utility_cutoff")).expect({ text: en("report-ask-subcategory") });
  const agencies = await person.press(person.button(subcategories, "rp:sub:electricity")).expect({ text: en("report-ask-agency") });
  await person.press(person.button(agencies, "Kerman Power Distribution Company")).expect({ text: en("report-ask-irreversible-cutoff") });
  await person.press("rp:irr:3d").expect({ button: "rp:amt:skip" });
  await person.send("۵۰۰ میلیون").expect({ text: en("report-ask-description", { min: 20, max: 2000 }) });
  await person.send(DESCRIPTION).expect({ button: "rp:att:done" });
}

async function submit(person: Person): Promise<string> {
  await person.press("rp:att:done").expect({ button: "rp:submit", contains: DESCRIPTION });
  const confirmation = await person.press("rp:submit").expect({ contains: "Tracking code:" });
  const code = /Tracking code: (\S+)/.exec(String(confirmation.params.text))?.[1];
  if (!code) throw new Error(`no tracking code in ${String(confirmation.params.text)}`);
  expect(confirmation.params.text).toBe(en("report-submitted-critical", { code }));
  return code;
}

/** The step of the user's flow as stored in the Redis session (src/bot/index.ts: session:<id>). */
async function draftStep(prefix: string, userId: number): Promise<string | undefined> {
  const redis = new Redis(REDIS_URL);
  try {
    const raw = await redis.get(`${prefix}:session:${userId}`);
    return raw ? (JSON.parse(raw) as { flow?: { step?: string } }).flow?.step : undefined;
  } finally {
    redis.disconnect();
  }
}

async function addSecretariat(db: Db, telegramId: number): Promise<void> {
  const group = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  await db.user.create({
    data: { telegramId: String(telegramId), firstName: "Secretariat", language: "en", memberships: { create: { role: "SECRETARIAT", workingGroupId: group.id } } },
  });
}

describe("a producer's first case, through the real process", () => {
  it("goes from /start through registration and a report to a submitted case, alerts the secretariat, and lists it in /cases", async () => {
    const { fake, db } = await startWorld({ asNpmStart: true });
    const secretariatChat = 900_001;
    await addSecretariat(db, secretariatChat);
    const producer = new Person(fake, { id: 310_001, first_name: "Reza", language_code: "en" });

    await register(producer, "10380284790");
    await reportUpToAttachments(producer);
    const code = await submit(producer);

    const saved = await db.case.findUniqueOrThrow({ where: { trackingCode: code }, include: { unit: true, agency: true } });
    expect(saved).toMatchObject({ status: "submitted", category: "utility_cutoff", subcategory: "electricity", description: DESCRIPTION });
    expect(saved.unit.legalId).toBe("10380284790");
    expect(saved.agency?.nameEn).toBe("Kerman Power Distribution Company");
    expect(saved.amountRials).toBe(5_000_000_000n);
    expect(code).toMatch(/^KRM-\d{4}-\d{5}$/);

    // The alert went through the outbox, the relay, BullMQ and the sender to the Bot API.
    await fake.waitFor((call) => call.method === "sendMessage" && call.params.chat_id === secretariatChat && String(call.params.text).includes(code), REPLY_TIMEOUT_MS);

    const list = await producer.send("/cases").expect({ contains: en("cases-title", { total: 1, page: 1, pages: 1 }) });
    expect(buttonsOf(list).some((b) => b.text.includes(code))).toBe(true);
  }, JOURNEY_TIMEOUT_MS);

  it("keeps the draft when the bot is killed mid-report, and submits it after a restart", async () => {
    const world = await startWorld({ asNpmStart: false });
    const { fake, bot, db } = world;
    const producer = new Person(fake, { id: 310_002, first_name: "Mina", language_code: "en" });
    await register(producer, "14001234562");
    await reportUpToAttachments(producer);
    // grammY saves the session after the handler's reply; wait until the draft with the last
    // answer is in Redis, so the kill lands mid-wizard rather than inside that one update.
    await expect.poll(() => draftStep(world.prefix, producer.user.id), { timeout: 10_000 }).toBe("attachments");

    const before = bot.pid;
    await bot.kill(); // a crash: no shutdown hooks, nothing flushed on the way out
    await bot.start();
    expect(bot.pid).not.toBe(before);
    expect(bot.starts).toBe(2);

    // Coming back, the user is told the work is kept and asked the same question again.
    await producer.send("/start").expect({ text: en("start-flow-in-progress") });
    await producer.expect({ button: "rp:att:done" });
    const code = await submit(producer);
    const saved = await db.case.findUniqueOrThrow({ where: { trackingCode: code } });
    expect(saved).toMatchObject({ status: "submitted", description: DESCRIPTION, subcategory: "electricity" });
    expect(await db.case.count()).toBe(1);
  }, JOURNEY_TIMEOUT_MS);
});
