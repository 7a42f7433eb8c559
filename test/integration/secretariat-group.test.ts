import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, type TestEnv } from "../support/env";

let env: TestEnv;
let harness: TestBot;
const GROUP_CHAT = -1001234567890;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM", "QOM"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  const krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  await db.user.create({ data: { telegramId: "7100", firstName: "Dabir", language: "en", memberships: { create: { role: "SECRETARIAT", workingGroupId: krm.id } } } });
  await db.user.create({ data: { telegramId: "7101", firstName: "Stranger", language: "en" } });
});
afterAll(async () => env.cleanup());

let updateId = 900_000;
async function groupCommand(fromId: number, text: string) {
  await harness.bot.handleUpdate({
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: GROUP_CHAT, type: "supergroup", title: "Dabirkhaneh" },
      from: { id: fromId, is_bot: false, first_name: "x", language_code: "en" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.length }],
    },
  });
  return textOf(harness.telegram.screen(GROUP_CHAT).at(-1));
}

describe("the secretariat group chat", () => {
  it("only a secretariat member links it, and only to their own working group", async () => {
    expect(await groupCommand(7101, "/linkgroup")).toContain("Only a secretariat member");
    expect((await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).secretariatChatId).toBeNull();

    expect(await groupCommand(7100, "/linkgroup")).toContain("Kerman");
    expect((await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).secretariatChatId).toBe(String(GROUP_CHAT));
    expect((await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "QOM" } })).secretariatChatId).toBeNull();

    expect(await groupCommand(7101, "/unlinkgroup")).toContain("Only a secretariat member");
    expect(await groupCommand(7100, "/unlinkgroup")).toContain("no longer linked");
    expect((await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).secretariatChatId).toBeNull();
  });
});

describe("/help", () => {
  it("adds the staff commands of the roles the user holds", async () => {
    const dabir = harness.user(7100, { languageCode: "en" });
    await dabir.send("/help");
    expect(dabir.lastText()).toContain("/queue");
    const stranger = harness.user(7101, { languageCode: "en" });
    await stranger.send("/help");
    expect(stranger.lastText()).toContain("/report");
    expect(stranger.lastText()).not.toContain("/queue");
  });
});
