// Issue 9, item 2: a submission is never doubled, and the producer always learns the code.
// Faults injected in-process (real PostgreSQL and Redis): the crash that leaves the draft in
// the session after the commit (the session is put back as it was before the submit), two
// bot processes submitting one draft at once, the reply with the code failing on the network.
// The SIGKILL of the real process is in test/e2e/submission-crash.test.ts.
import { randomUUID } from "node:crypto";
import { HttpError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { createContainer, type Container } from "../../src/container";
import { submitCase } from "../../src/services/cases";
import { leaveUnit } from "../../src/services/representatives";
import { loadUser } from "../../src/services/users";
import { createI18n, translatorFor } from "../../src/i18n";
import { buttonsOf, createTestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
const DESCRIPTION = "The tax office froze our account over a disputed 1403 assessment; salaries are due.";

let env: TestEnv;
const extra: Container[] = [];
const unitOf = new Map<number, number>();

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-23T07:00:00Z")), workingGroups: ["KRM"] });
});
afterAll(async () => {
  await Promise.all(extra.map((container) => container.close()));
  await env.cleanup();
});

/** A producer with one unit in Kerman (telegram id → user id). */
async function producer(telegramId: number): Promise<number> {
  const group = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  const user = await env.container.db.user.create({
    data: {
      telegramId: String(telegramId),
      firstName: `Producer${telegramId}`,
      language: "en",
      phone: "09121112233",
      representations: {
        create: {
          unit: {
            create: {
              name: `Tile Co. ${telegramId}`,
              legalId: legalEntityIdFrom(`14${String(telegramId).padStart(8, "0")}`),
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
    include: { representations: true },
  });
  unitOf.set(user.id, user.representations[0]!.unitId);
  return user.id;
}

/** Another bot process on the same PostgreSQL and Redis. */
function otherProcess(): Container {
  const { config } = env;
  const container = createContainer(
    parseConfig({
      NODE_ENV: "test",
      BOT_TOKEN: config.BOT_TOKEN,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      LOG_LEVEL: "silent",
    }),
    { now: env.clock.now },
  );
  extra.push(container);
  return container;
}

async function toReview(user: TestUser): Promise<void> {
  await user.send("/report");
  await user.tap("Tax");
  await user.tap("don't know");
  await user.tap("Within a week");
  await user.tap("Skip");
  await user.send(DESCRIPTION);
  await user.tap("No attachments");
  expect(user.lastText()).toContain("Draft report");
}

const codeIn = (text: string) => /Tracking code: (\S+)/.exec(text)?.[1];

describe("a submission is never doubled", () => {
  it("the same draft submitted again after a crash left it in the session gives the same case and code", async () => {
    const userId = await producer(7101);
    const harness = createTestBot(env.container);
    const user = harness.user(7101, { languageCode: "en" });
    await toReview(user);
    // The crash between the commit and the session write: the session as it was before.
    const before = await env.container.redis.get("session:7101");
    await user.press("rp:submit");
    const first = codeIn(user.lastText());
    expect(first).toMatch(/^KRM-1405-\d{5}$/);
    await env.container.redis.set("session:7101", before!);

    const restarted = createTestBot(otherProcess()).user(7101, { languageCode: "en" });
    await restarted.press("rp:submit");
    expect(codeIn(restarted.textsSince(0).join("\n"))).toBe(first);
    expect(await env.container.db.case.count({ where: { reporterId: userId } })).toBe(1);
  });

  it("two processes submitting one draft at the same moment make one case, and both answer its code", async () => {
    const userId = await producer(7102);
    const harness = createTestBot(env.container);
    await toReview(harness.user(7102, { languageCode: "en" }));
    const a = createTestBot(otherProcess()).user(7102, { languageCode: "en" });
    const b = createTestBot(otherProcess()).user(7102, { languageCode: "en" });
    await Promise.all([a.press("rp:submit"), b.press("rp:submit")]);
    const codes = [codeIn(a.textsSince(0).join("\n")), codeIn(b.textsSince(0).join("\n"))];
    expect(codes[0]).toMatch(/^KRM-1405-\d{5}$/);
    expect(codes[1]).toBe(codes[0]);
    expect(await env.container.db.case.count({ where: { reporterId: userId } })).toBe(1);
  });

  it("a burst of concurrent submits of one submission key stores one case (the unique key decides the race)", async () => {
    const userId = await producer(7103);
    const submissionKey = randomUUID();
    const draft = {
      unitId: unitOf.get(userId),
      category: "tax",
      subcategory: null,
      agencyId: null,
      irreversibleAt: null,
      amountRials: null,
      description: DESCRIPTION,
      attachments: [],
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => submitCase(index % 2 ? env.container : otherProcess(), userId, draft, { submissionKey })),
    );
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(new Set(results.map((r) => r.trackingCode)).size).toBe(1);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await env.container.db.case.count({ where: { reporterId: userId } })).toBe(1);
    // The losers of the race rolled back: the sequence has no gap.
    const next = await submitCase(env.container, userId, draft, { submissionKey: randomUUID() });
    expect(Number(next.trackingCode.slice(-5))).toBe(Number(results[0]!.trackingCode.slice(-5)) + 1);
  });
});

describe("a submit that is refused leaves nothing behind", () => {
  it("an agency of another working group is refused, and the group's numbering has no gap", async () => {
    const userId = await producer(7110);
    const other = await env.container.db.workingGroup.create({ data: { code: "ZZR", kind: "PROVINCE", nameFa: "کارگروه آزمون", nameEn: "Test group" } });
    const foreign = await env.container.db.agency.create({ data: { workingGroupId: other.id, kind: "TAX", nameFa: "اداره مالیات آزمون", nameEn: "Test tax office" } });
    const draft = { unitId: unitOf.get(userId), category: "tax", subcategory: null, agencyId: null, irreversibleAt: null, amountRials: null, description: DESCRIPTION, attachments: [] };
    const before = await submitCase(env.container, userId, draft, { submissionKey: randomUUID() });
    await expect(submitCase(env.container, userId, { ...draft, agencyId: foreign.id }, { submissionKey: randomUUID() })).rejects.toMatchObject({ reason: "foreign_agency" });
    // Another user's unit is refused too.
    const stranger = await producer(7111);
    await expect(submitCase(env.container, stranger, draft, { submissionKey: randomUUID() })).rejects.toMatchObject({ reason: "not_represented" });
    const after = await submitCase(env.container, userId, draft, { submissionKey: randomUUID() });
    expect(Number(after.trackingCode.slice(-5))).toBe(Number(before.trackingCode.slice(-5)) + 1);
    expect(await env.container.db.unconfirmedSubmission.count({ where: { reporterId: { in: [userId, stranger] } } })).toBe(2);
  });
});

describe("a key that already made a case", () => {
  it("is answered with that case even when the unit or its agency would refuse a new one now", async () => {
    const userId = await producer(7112);
    const submissionKey = randomUUID();
    const draft = { unitId: unitOf.get(userId), category: "tax", subcategory: null, agencyId: null, irreversibleAt: null, amountRials: null, description: DESCRIPTION, attachments: [] };
    const first = await submitCase(env.container, userId, draft, { submissionKey });
    // The producer no longer represents the unit (removed in between): the second press of
    // the same draft still learns its code rather than "not allowed".
    await env.container.db.unitRepresentative.deleteMany({ where: { userId } });
    const again = await submitCase(env.container, userId, draft, { submissionKey });
    expect(again).toMatchObject({ caseId: first.caseId, trackingCode: first.trackingCode, repeated: true });
    // Someone else's key is still not theirs.
    const stranger = await producer(7113);
    await expect(submitCase(env.container, stranger, draft, { submissionKey })).rejects.toMatchObject({ reason: "not_yours" });
    expect(await env.container.db.case.count({ where: { submissionKey } })).toBe(1);
  });
});

describe("a departing representative's untold code", () => {
  it("is told to the successor on their next update, even if their check had come back clear", async () => {
    const leaving = await producer(7114);
    const unitId = unitOf.get(leaving)!;
    const successor = await env.container.db.user.create({ data: { telegramId: "7115", firstName: "Successor", language: "en", phone: "09121112234" } });
    await env.container.db.unitRepresentative.create({ data: { unitId, userId: successor.id } });
    const harness = createTestBot(env.container);
    const next = harness.user(7115, { languageCode: "en" });
    await next.send("/help"); // their check: nothing waits for them ("clear" is set)
    expect(next.lastText()).not.toContain("could not tell you");
    // The leaving one's submission whose code they were never shown (no confirmation).
    const draft = { unitId, category: "tax", subcategory: null, agencyId: null, irreversibleAt: null, amountRials: null, description: DESCRIPTION, attachments: [] };
    const untold = await submitCase(env.container, leaving, draft, { submissionKey: randomUUID() });
    await leaveUnit(env.container, await loadUser(env.container.db, { id: 7114, is_bot: false, first_name: "Producer7114" }, { adminTelegramIds: [], defaultLocale: "en" }), unitId);
    const mark = next.mark();
    await next.send("/help");
    expect(next.textsSince(mark)[0]).toBe(en("report-submitted-earlier", { code: untold.trackingCode }));
  });
});

describe("the producer always learns the code", () => {
  it("when the reply with the code is lost, the next message (and only that one) tells it first", async () => {
    const userId = await producer(7104);
    const harness = createTestBot(env.container);
    let networkDown = false;
    // The network to the Bot API fails for this chat after the case was committed.
    harness.bot.api.config.use(async (prev, method, payload, signal) => {
      if (networkDown && (payload as { chat_id?: unknown }).chat_id === 7104) {
        throw new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"));
      }
      return prev(method, payload, signal);
    });
    const user = harness.user(7104, { languageCode: "en" });
    await toReview(user);
    const seen = user.mark();
    let armed = true;
    harness.bot.api.config.use(async (prev, method, payload, signal) => {
      if (armed && method === "sendMessage" && String((payload as { text?: unknown }).text).includes("Tracking code")) {
        armed = false;
        networkDown = true;
      }
      return prev(method, payload, signal);
    });
    await user.press("rp:submit");
    expect(user.textsSince(seen).join("\n")).not.toContain("Tracking code");
    const stored = await env.container.db.case.findFirstOrThrow({ where: { reporterId: userId } });
    networkDown = false;

    const back = user.mark();
    await user.send("hello");
    const texts = user.textsSince(back);
    expect(texts[0]).toBe(en("report-submitted-earlier", { code: stored.trackingCode }));
    // Then the message itself is answered (outside a flow: the hint and the menu).
    expect(texts.slice(1)).toEqual([en("fallback-hint"), en("menu-title")]);

    const again = user.mark();
    await user.send("/cases");
    expect(user.textsSince(again).join("\n")).not.toContain(en("report-submitted-earlier", { code: stored.trackingCode }));
    expect(buttonsOf(user.screen().at(-1)).some((button) => button.text.includes(stored.trackingCode))).toBe(true);
    expect(await env.container.db.case.count({ where: { reporterId: userId } })).toBe(1);
  });

  it("a producer who presses a button (or /start) after the lost reply is told too; most updates run no SQL", async () => {
    const userId = await producer(7105);
    const harness = createTestBot(env.container);
    const user = harness.user(7105, { languageCode: "en" });
    await toReview(user);
    // The lost reply: the commit happened, the session says the flow ended, nothing was shown.
    const lost = harness.bot.api.config;
    let drop = true;
    lost.use(async (prev, method, payload, signal) => {
      if (drop && method === "sendMessage" && String((payload as { text?: unknown }).text).includes("Tracking code")) {
        throw new HttpError("Network request for 'sendMessage' failed!", new Error("ETIMEDOUT"));
      }
      return prev(method, payload, signal);
    });
    await user.press("rp:submit");
    drop = false;
    const stored = await env.container.db.case.findFirstOrThrow({ where: { reporterId: userId } });

    const mark = user.mark();
    await user.press("menu");
    expect(user.textsSince(mark)[0]).toBe(en("report-submitted-earlier", { code: stored.trackingCode }));
    expect(user.textsSince(mark)[1]).toBe(en("menu-title"));

    const later = user.mark();
    await user.send("/start");
    expect(user.textsSince(later).join("\n")).not.toContain(stored.trackingCode);
    // A minute on (the in-flight marker of the submission expired), the check finds nothing
    // left and Redis remembers that: the next updates of this producer ask no SQL.
    await env.container.redis.del(`submission:pending:${userId}`);
    await user.send("/cases");
    expect(await env.container.redis.get(`submission:clear:${userId}`)).toBe("1");
  });
});
