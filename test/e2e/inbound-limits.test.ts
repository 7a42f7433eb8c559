// Reliability item 4, through the real bot process (long polling, the production defaults of
// RATE_LIMIT_UPDATES / RATE_LIMIT_WINDOW_MS): one user floods the bot with 200 updates in two
// seconds while another talks to it normally. The flooder gets one polite notice and far fewer
// answers; the other user gets every answer, promptly.
import { afterEach, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config";
import { createI18n, translatorFor } from "../../src/i18n";
import { createWorld, destroyWorld, worldProcess, type World } from "../support/e2e-world";
import type { FakeCall } from "../support/fake-bot-api";

const t = translatorFor(createI18n("fa"));
const HELP = t("en", "help-text");
const NOTICE = t("en", "error-rate-limited");
const DEFAULTS = ConfigSchema.parse({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaa", DATABASE_URL: "postgresql://x@y/z" });

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await destroyWorld(world);
});

const flooder = { id: 620_001, first_name: "Bot-like", language_code: "en" };
const person = { id: 620_002, first_name: "Sara", language_code: "en" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const textsTo = (world: World, chatId: number, text: string): FakeCall[] =>
  world.fake.sentMessages(chatId).filter((call) => call.params.text === text);

describe("a user flooding the bot", () => {
  it("gets one notice and far fewer answers, and nobody else is slowed", { timeout: 90_000 }, async () => {
    // 30 updates in 3 s: a flood of 2 s stays within one window.
    expect([DEFAULTS.RATE_LIMIT_UPDATES, DEFAULTS.RATE_LIMIT_WINDOW_MS]).toEqual([30, 3_000]);
    const world = await createWorld();
    worlds.push(world);
    // "" = unset: the process runs with the defaults.
    const bot = worldProcess(world, { RATE_LIMIT_UPDATES: "", RATE_LIMIT_WINDOW_MS: "" });
    await bot.start();

    const flood = (async () => {
      for (let i = 0; i < 200; i += 1) {
        world.fake.userMessage(flooder, "/help");
        await sleep(10);
      }
    })();
    // Meanwhile the other user sends a message every 200 ms and times each answer.
    const latencies: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const before = textsTo(world, person.id, HELP).length;
      const sentAt = Date.now();
      world.fake.userMessage(person, "/help");
      const answer = await world.fake.waitFor((call) => call.params.chat_id === person.id && textsTo(world, person.id, HELP).length > before, 10_000);
      latencies.push(answer.at - sentAt);
      await sleep(Math.max(0, 200 - (Date.now() - sentAt)));
    }
    await flood;
    // Let everything the bot still had in hand go out.
    await sleep(2_000);

    const answered = textsTo(world, flooder.id, HELP).length;
    const notices = textsTo(world, flooder.id, NOTICE).length;
    const summary = `flooder: ${answered} answers, ${notices} notices; other user's latencies: ${latencies.join(", ")} ms`;
    expect(notices, summary).toBe(1);
    expect(answered, summary).toBeLessThanOrEqual(DEFAULTS.RATE_LIMIT_UPDATES);
    expect(answered, summary).toBeGreaterThan(0);
    expect(textsTo(world, person.id, HELP), summary).toHaveLength(10);
    expect(Math.max(...latencies), summary).toBeLessThan(2_000);
    expect(bot.logs().filter((line) => line.msg === "inbound limit reached: dropping the user's updates for the window")).toHaveLength(1);

    // After the window, the flooder is a normal user again.
    await sleep(DEFAULTS.RATE_LIMIT_WINDOW_MS);
    world.fake.userMessage(flooder, "/help");
    await expect.poll(() => textsTo(world, flooder.id, HELP).length, { timeout: 10_000 }).toBe(answered + 1);
  });
});
