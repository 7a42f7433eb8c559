import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { createContainer, type Container } from "../../src/container";
import { createTestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

let env: TestEnv;
const extra: Container[] = [];

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-23T07:00:00Z")), workingGroups: ["KRM"] });
  const group = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  await env.container.db.user.create({
    data: {
      telegramId: "6100",
      firstName: "Producer",
      language: "en",
      phone: "09121112233",
      representations: {
        create: {
          unit: {
            create: {
              name: "Kerman Tile Co.",
              legalId: legalEntityIdFrom("1411111111"),
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
});
afterAll(async () => {
  await Promise.all(extra.map((container) => container.close()));
  await env.cleanup();
});

/** Another process's view of the same PostgreSQL and Redis (a restarted bot). */
function restartedContainer(overrides: Record<string, string> = {}): Container {
  const container = createContainer(parseConfig({ ...process.env, ...configAsEnv(), ...overrides }), { now: env.clock.now });
  extra.push(container);
  return container;
}

function configAsEnv(): Record<string, string> {
  const { config } = env;
  return {
    NODE_ENV: "test",
    BOT_TOKEN: config.BOT_TOKEN,
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    REDIS_PREFIX: config.REDIS_PREFIX,
    LOG_LEVEL: "silent",
  };
}

describe("a draft report survives", () => {
  it("a restart of the bot mid-wizard, and a database outage at submit", async () => {
    const first = createTestBot(env.container).user(6100, { languageCode: "en" });
    await first.send("/report");
    await first.tap("Tax");
    await first.tap("don't know");
    await first.tap("Within a week");
    await first.tap("Skip");
    expect(first.lastText()).toContain("Describe the problem");

    // The bot process is replaced: a new container and bot on the same Redis and database.
    const restarted = createTestBot(restartedContainer()).user(6100, { languageCode: "en" });
    await restarted.send("/start");
    expect(restarted.lastText()).toContain("Describe the problem");
    await restarted.send("The tax office froze our account over a disputed 1403 assessment; salaries are due.");
    await restarted.tap("No attachments");
    expect(restarted.lastText()).toContain("Draft report");

    // PostgreSQL is unreachable: the user is told plainly; the draft stays in Redis.
    const down = createTestBot(restartedContainer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" })).user(6100, { languageCode: "en" });
    await down.tap("Send to the secretariat").catch(() => undefined);
    await down.press("rp:submit");
    expect(down.lastText()).toMatch(/temporarily unavailable/);
    expect(await env.container.db.case.count()).toBe(0);

    // Back up: the same draft submits.
    const back = createTestBot(restartedContainer()).user(6100, { languageCode: "en" });
    await back.press("rp:submit");
    expect(back.lastText()).toMatch(/Tracking code: KRM-1405-0000\d/);
    const stored = await env.container.db.case.findFirstOrThrow();
    expect(stored).toMatchObject({ category: "tax", urgency: "high", status: "submitted" });
    expect(stored.description).toContain("disputed 1403 assessment");
  });

  it("the answer is in Redis before the next question is on the screen", async () => {
    const harness = createTestBot(env.container);
    const seenInRedis: string[] = [];
    // Look at Redis at the moment each message leaves, as a crash right after it would.
    harness.bot.api.config.use(async (prev, method, payload, signal) => {
      const stored = await env.container.redis.get("session:6100");
      if (method === "sendMessage") seenInRedis.push(stored ?? "");
      return prev(method, payload, signal);
    });
    const producer = harness.user(6100, { languageCode: "en" });
    await producer.send("/report");
    await producer.tap("Social security");
    await producer.tap("Penalty forgiveness");
    expect(producer.lastText()).toContain("counterpart");
    expect(seenInRedis.at(-1)).toContain('"subcategory":"penalty_forgiveness"');
    expect(seenInRedis.at(-1)).toContain('"step":"agency"');
    await producer.send("/cancel");
  });

  it("Redis being unreachable is reported plainly", async () => {
    const noRedis = createTestBot(restartedContainer({ REDIS_URL: "redis://127.0.0.1:1" })).user(6100, { languageCode: "en" });
    await noRedis.send("/cases");
    expect(noRedis.lastText()).toMatch(/temporarily unavailable|try again/);
  });
});
