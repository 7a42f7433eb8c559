/**
 * The secretariat's desk as screens: the queue list, its filters and the case card edit the
 * message they were opened from; a triage flow asks in new messages; an alert's button in the
 * group chat opens the card in private; the chair reads but cannot act; a finished flow's
 * buttons do nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let harness: TestBot;
const GROUP_CHAT = -1009876543210;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"], clock: new TestClock(new Date("2026-11-22T06:00:00Z")) });
  world = await seedTaskWorld(env.container, { base: 8_700_000_000, group: "KRM", legalIdPrefix: "1410701234" });
  harness = createTestBot(env.container);
});
afterAll(async () => env.cleanup());

const statusOf = async (caseId: number) => (await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status;

describe("the queue and the case card", () => {
  it("page, filter and card edit the /queue message; the triage flow asks in new messages", async () => {
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "guarantee", agencyId: world.bankAgencyId, description: "The bank wants a new guarantee before rescheduling." });
    const dabir = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await dabir.send("/queue");
    const list = dabir.screen().at(-1);
    expect(list?.method).toBe("sendMessage");

    const mark = dabir.mark();
    await dabir.tap("Status ▾");
    await dabir.tap("New");
    await dabir.tap(item.trackingCode);
    const card = dabir.screen().at(-1);
    expect(dabir.screen().slice(mark).map((c) => c.method)).toEqual(["editMessageText", "editMessageText", "editMessageText"]);
    expect(card?.payload.text).toContain(item.trackingCode);
    await dabir.tap("« Queue");
    expect(dabir.screen().at(-1)?.method).toBe("editMessageText");
    expect(dabir.lastText()).toContain("Queue of");

    // A flow's question is a new message under the card.
    await dabir.tap(item.trackingCode);
    await dabir.tap("Internal note");
    expect(dabir.screen().at(-1)?.method).toBe("sendMessage");
    expect(dabir.lastText()).toContain("internal note");
    await dabir.send("The manager called: a guarantee from the provincial fund is on its way.");
    await dabir.tap("Confirm");
    expect(dabir.lastText()).toContain("The note was added");
    // The confirmed flow's buttons are only acknowledged.
    const before = dabir.mark();
    await dabir.press("tr:ok");
    expect(dabir.mark()).toBe(before);
    const toast = harness.telegram.calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
    expect(String(toast?.payload.text)).toContain("not found");
    expect(await env.container.db.caseEvent.count({ where: { caseId: item.caseId, type: "note" } })).toBe(1);
  });

  it("an alert's open button in the group chat opens the card in the member's private chat", async () => {
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "overdue_loan", agencyId: world.bankAgencyId, description: "Arrears after the power cuts; the bank threatens legal action." });
    await harness.bot.handleUpdate({
      update_id: 990_001,
      callback_query: {
        id: "group-open",
        from: { id: world.secretariat.telegramId, is_bot: false, first_name: "Dabir", language_code: "en" },
        chat_instance: "group",
        data: `q:open:${item.caseId}`,
        message: { message_id: 5, date: 0, chat: { id: GROUP_CHAT, type: "supergroup", title: "Dabirkhaneh" }, text: "New case" } as never,
      },
    });
    const answer = harness.telegram.calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
    expect(answer?.payload.url).toBe(`https://t.me/tashil_test_bot?start=case_${item.caseId}`);
    expect(harness.telegram.screen(GROUP_CHAT)).toEqual([]);

    const dabir = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await dabir.send(`/start case_${item.caseId}`);
    expect(dabir.lastText()).toContain(item.trackingCode);
    expect(dabir.lastText()).toContain("Mobile");
  });

  it("the chair reads the queue and the card but every triage button is refused", async () => {
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "rescheduling", agencyId: world.bankAgencyId, description: "Rescheduling refused without a written reason." });
    const chair = harness.user(world.chair.telegramId, { languageCode: "fa" });
    await chair.send("/queue");
    expect(chair.buttonData(item.trackingCode)).toBe(`q:open:${item.caseId}`);
    await chair.tap(item.trackingCode);
    expect(chair.screen().at(-1)?.method).toBe("editMessageText");
    expect(chair.lastText()).toContain(item.trackingCode);
    const mark = chair.mark();
    for (const data of [`tr:take:${item.caseId}`, `tr:rej:${item.caseId}`, `tr:res:${item.caseId}`]) await chair.press(data);
    expect(chair.textsSince(mark)).toHaveLength(3);
    expect(await statusOf(item.caseId)).toBe("submitted");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: item.caseId } })).takenById).toBeNull();
  });
});
