// Reliability item 4, the limiter's rules on the real Redis with a small limit (3 per second):
// one notice per window, other users untouched, button presses told by an alert, and a counter
// left without an expiry (what the plugin's own two-command store can leave) healing itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, type TestEnv } from "../support/env";

let env: TestEnv;
let harness: TestBot;
beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"], config: { RATE_LIMIT_UPDATES: "3", RATE_LIMIT_WINDOW_MS: "1000" } });
  harness = createTestBot(env.container);
});
afterAll(async () => env.cleanup());

const en = (key: string) => env.container.t("en", key);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the inbound limit", () => {
  it("answers the first updates of a window, tells the user once, drops the rest, and forgets after the window", async () => {
    const fast = harness.user(9101, { languageCode: "en" });
    const other = harness.user(9102, { languageCode: "en" });
    const mark = fast.mark();
    for (let i = 0; i < 8; i += 1) await fast.send("/help");
    await other.send("/help");
    expect(fast.textsSince(mark)).toEqual([en("help-text"), en("help-text"), en("help-text"), en("error-rate-limited")]);
    expect(other.lastText()).toBe(en("help-text"));

    await sleep(1_100);
    const after = fast.mark();
    await fast.send("/help");
    expect(fast.textsSince(after)).toEqual([en("help-text")]);
  });

  it("tells a user pressing buttons too fast with an alert on the press", async () => {
    const presser = harness.user(9103, { languageCode: "fa" });
    await presser.send("/help");
    harness.telegram.clear();
    for (let i = 0; i < 5; i += 1) await presser.press("x:stale");
    const alerts = harness.telegram.calls.filter((call) => call.method === "answerCallbackQuery" && call.payload.show_alert === true);
    expect(alerts.map((call) => call.payload.text)).toEqual([env.container.t("fa", "error-rate-limited")]);
  });

  it("gives a counter left without an expiry one, so nobody is silenced for good", async () => {
    const stuck = harness.user(9104, { languageCode: "en" });
    await env.container.redis.set("ratelimit:user:9104", "500");
    const mark = stuck.mark();
    await stuck.send("/help");
    expect(stuck.textsSince(mark)).toEqual([]);
    expect(await env.container.redis.pttl("ratelimit:user:9104")).toBeGreaterThan(0);
    await sleep(1_100);
    await stuck.send("/help");
    expect(stuck.textsSince(mark)).toEqual([en("help-text")]);
  });
});
