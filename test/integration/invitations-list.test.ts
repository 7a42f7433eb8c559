import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TELEGRAM_MESSAGE_LIMIT } from "../../src/domain/text";
import { createInvitation } from "../../src/services/invitations";
import { buttonsOf, createTestBot, textOf } from "../support/bot-harness";
import { createTestEnv, type TestEnv } from "../support/env";
import { seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"] });
  world = await seedTaskWorld(env.container, { base: 8_700_000_000, group: "KRM", legalIdPrefix: "1410701234" });
});
afterAll(async () => env.cleanup());

describe("/invitations", () => {
  it("shows every open invitation even when they do not fit one message", async () => {
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    // The list shows up to 50: in Persian they take well over Telegram's 4096 characters.
    for (let i = 0; i < 50; i++) {
      await createInvitation(env.container, secretariat, { role: "OFFICIAL", workingGroupId: world.workingGroupId, agencyId: world.bankAgencyId, isAgencyHead: i % 2 === 0 });
    }
    await env.container.db.user.update({ where: { id: world.secretariat.id }, data: { language: "fa" } });
    const harness = createTestBot(env.container);
    const user = harness.user(world.secretariat.telegramId, { languageCode: "fa" });
    const mark = user.mark();
    await user.send("/invitations");

    const sent = user.screen().slice(mark);
    expect(sent.length).toBeGreaterThan(1);
    for (const call of sent) expect(textOf(call).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    const all = sent.map(textOf).join("\n");
    expect(all).toContain("۱. ");
    expect(all).toContain("۵۰. ");
    // The revoke buttons come once, under the last part.
    expect(sent.slice(0, -1).every((call) => buttonsOf(call).length === 0)).toBe(true);
    expect(buttonsOf(sent.at(-1))).toHaveLength(50);
  });
});
