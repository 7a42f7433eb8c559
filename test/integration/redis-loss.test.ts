// Issue 9, item 4: losing Redis loses no draft, and nobody is left unanswered. The fault is a
// real FLUSHDB: this file's Redis is a database of its own (index 13 of the local Redis), so
// flushing it touches no other test. Then the last handler: stale buttons and stray text.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n";
import { createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, REDIS_URL, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { clearRedisPrefix } from "../support/redis-keys";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
const DESCRIPTION = "The tax office froze our account over a disputed 1403 assessment; salaries are due.";
const FLUSHED_REDIS = (() => {
  const url = new URL(REDIS_URL);
  url.pathname = "/13";
  return url.toString();
})();

let env: TestEnv;
let harness: TestBot;

beforeAll(async () => {
  env = await createTestEnv({
    clock: new TestClock(new Date("2026-11-23T07:00:00Z")),
    workingGroups: ["KRM"],
    config: { REDIS_URL: FLUSHED_REDIS },
  });
  harness = createTestBot(env.container);
});
afterAll(async () => {
  await env.cleanup();
  await clearRedisPrefix(env.config.REDIS_PREFIX, FLUSHED_REDIS);
});

async function producer(telegramId: number): Promise<TestUser> {
  const group = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  await env.container.db.user.create({
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
              legalId: legalEntityIdFrom(`15${String(telegramId).padStart(8, "0")}`),
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
  return harness.user(telegramId, { languageCode: "en" });
}

/** FLUSHDB of the project's Redis (its own database index here). */
async function flushRedis(): Promise<void> {
  const redis = new Redis(FLUSHED_REDIS);
  try {
    await redis.flushdb();
    expect(await redis.dbsize()).toBe(0);
  } finally {
    redis.disconnect();
  }
}

describe("a FLUSHDB while producers are mid-report", () => {
  it("loses no draft: each producer continues where they were, and one who was idle is answered", async () => {
    const describing = await producer(8101);
    const atAmount = await producer(8102);
    const idle = await producer(8103);
    await describing.send("/report");
    await describing.tap("Tax");
    await describing.tap("don't know");
    await describing.tap("Within a week");
    await describing.tap("Skip");
    expect(describing.lastText()).toBe(en("report-ask-description", { min: 20, max: 2000 }));
    await atAmount.send("/report");
    await atAmount.tap("Banking");
    await atAmount.tap("rescheduling");
    await atAmount.tap("Bank Mellat");
    await atAmount.tap("Within a month");
    expect(atAmount.lastText()).toContain("Type the amount");
    await idle.send("/start");

    await flushRedis();

    // The producer types the description they were asked for: it is taken, the next question comes.
    await describing.send(DESCRIPTION);
    expect(describing.lastText()).toContain("0 of 10 attachments received");
    // The other one answers the amount question with the button.
    await atAmount.tap("Skip");
    expect(atAmount.lastText()).toBe(en("report-ask-description", { min: 20, max: 2000 }));
    // Someone who was in no flow types: the hint and the menu, not silence.
    const mark = idle.mark();
    await idle.send("hello?");
    expect(idle.textsSince(mark)).toEqual([en("fallback-hint"), en("menu-title")]);

    // The restored draft submits with everything entered before the flush.
    await describing.tap("No attachments");
    expect(describing.lastText()).toContain("Draft report");
    await describing.press("rp:submit");
    expect(describing.lastText()).toMatch(/Tracking code: KRM-1405-\d{5}/);
    const stored = await env.container.db.case.findFirstOrThrow({ where: { reporter: { telegramId: "8101" } } });
    expect(stored).toMatchObject({ category: "tax", urgency: "high", description: DESCRIPTION });

    // A finished flow is not brought back by the next flush.
    await flushRedis();
    const after = describing.mark();
    await describing.send("thanks");
    expect(describing.textsSince(after)).toEqual([en("fallback-hint"), en("menu-title")]);
    // The draft of the one still reporting survives a second flush too.
    await atAmount.send(DESCRIPTION);
    expect(atAmount.lastText()).toContain("0 of 10 attachments received");
  });
});

describe("the last handler", () => {
  it("answers a button of a finished flow with 'no longer active', and in a flow asks its question again", async () => {
    const user = await producer(8201);
    await user.send("/report");
    await user.tap("Tax");
    await user.send("/cancel");
    const before = harness.telegram.calls.length;
    const mark = user.mark();
    await user.press("rp:submit");
    const answers = harness.telegram.calls.slice(before).filter((call) => call.method === "answerCallbackQuery");
    expect(answers.map((call) => call.payload.text)).toEqual([en("fallback-button-inactive")]);
    expect(user.textsSince(mark)).toEqual([]);

    // In another flow, a button of a finished one: the toast, then the current question again.
    await user.send("/report");
    await user.tap("Tax");
    const inFlow = user.mark();
    const start = harness.telegram.calls.length;
    await user.press("reg:save");
    expect(harness.telegram.calls.slice(start).find((call) => call.method === "answerCallbackQuery")?.payload.text).toBe(en("fallback-button-inactive"));
    expect(user.textsSince(inFlow)).toEqual([en("report-ask-agency")]);
    await user.send("/cancel");
  });

  it("answers plain text (and an unknown command) outside any flow with a hint and the main menu", async () => {
    const user = await producer(8301);
    let mark = user.mark();
    await user.send("where is my case?");
    expect(user.textsSince(mark)).toEqual([en("fallback-hint"), en("menu-title")]);
    expect(user.buttonData("My cases")).toBe("cases:list:0");
    mark = user.mark();
    await user.send("/nonsense");
    expect(user.textsSince(mark)).toEqual([en("fallback-hint"), en("menu-title")]);
  });
});
