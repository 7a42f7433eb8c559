import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAgendaItem, cancelMeeting, createMeeting, removeAgendaItem } from "../../src/services/meetings";
import { createTask } from "../../src/services/tasks";
import { createTestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM", "QOM"], clock: new TestClock(new Date("2026-11-22T06:00:00Z")) });
  world = await seedTaskWorld(env.container, { base: 8_400_000_000, group: "KRM", legalIdPrefix: "1410401234" });
});
afterAll(async () => env.cleanup());

const statusOf = async (caseId: number) => (await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status;

async function meeting(day: number) {
  return createMeeting(env.container, world.secretariat.id, {
    workingGroupId: world.workingGroupId,
    kind: "COMMITTEE",
    date: { year: 1405, month: 9, day },
    time: { hour: 9, minute: 0 },
    place: "Hall",
  });
}

describe("a case taken off an agenda before a decision", () => {
  it("goes back to the queue, or to the agency while its task runs, unless another meeting still has it", async () => {
    const waiting = await reportCase(env.container, world, { category: "bank", subcategory: "guarantee", agencyId: world.bankAgencyId, description: "The bank wants a new guarantee before rescheduling." });
    const referred = await reportCase(env.container, world, { category: "bank", subcategory: "overdue_loan", agencyId: world.bankAgencyId, description: "Arrears after the power cuts; the bank is threatening legal action." });
    await env.container.db.$transaction(async (tx) => {
      await createTask(tx, { caseId: referred.caseId, agencyId: world.bankAgencyId, dueDate: { year: 1405, month: 9, day: 20 }, title: "Reschedule", createdById: world.secretariat.id });
      await tx.case.update({ where: { id: referred.caseId }, data: { status: "assigned" } });
    });

    const first = await meeting(9);
    const second = await meeting(16);
    const waitingItem = await addAgendaItem(env.container, world.secretariat.id, first.id, { caseId: waiting.caseId });
    const referredItem = await addAgendaItem(env.container, world.secretariat.id, first.id, { caseId: referred.caseId });
    await addAgendaItem(env.container, world.secretariat.id, second.id, { caseId: referred.caseId });
    expect([await statusOf(waiting.caseId), await statusOf(referred.caseId)]).toEqual(["on_agenda", "on_agenda"]);

    await removeAgendaItem(env.container, world.secretariat.id, waitingItem.itemId);
    expect(await statusOf(waiting.caseId)).toBe("submitted");

    // Still on the second meeting's agenda: stays on_agenda.
    await removeAgendaItem(env.container, world.secretariat.id, referredItem.itemId);
    expect(await statusOf(referred.caseId)).toBe("on_agenda");

    // That meeting is cancelled: back to the agency, whose task is still open.
    await cancelMeeting(env.container, world.secretariat.id, second.id);
    expect(await statusOf(referred.caseId)).toBe("assigned");
  });
});

describe("the producer told a case would be heard at a meeting", () => {
  it("is told when it is taken off the agenda, or the meeting is cancelled; both are on the timeline", async () => {
    const removed = await reportCase(env.container, world, { category: "bank", subcategory: "guarantee", agencyId: world.bankAgencyId, description: "The guarantee the bank asks for is twice the loan." });
    const cancelled = await reportCase(env.container, world, { category: "bank", subcategory: "rescheduling", agencyId: world.bankAgencyId, description: "Rescheduling refused without a written reason." });
    const hall = await meeting(10);
    const removedItem = await addAgendaItem(env.container, world.secretariat.id, hall.id, { caseId: removed.caseId });
    await addAgendaItem(env.container, world.secretariat.id, hall.id, { caseId: cancelled.caseId });
    const told = async (code: string) => (await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.text.includes(code)).map((n) => n.text);
    const timeline = async (caseId: number) => (await env.container.db.caseEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } })).map((e) => e.type);

    await removeAgendaItem(env.container, world.secretariat.id, removedItem.itemId);
    expect((await told(removed.trackingCode)).at(-1)).toContain("از دستور");
    expect((await timeline(removed.caseId)).at(-1)).toBe("agenda_removed");

    // No invitation went out yet: the producer still hears of the cancellation.
    await cancelMeeting(env.container, world.secretariat.id, hall.id);
    expect((await noticesTo(env.container, world.producer.telegramId)).at(-1)?.text).toContain("لغو شد");
    expect(await statusOf(cancelled.caseId)).toBe("submitted");
    expect((await timeline(cancelled.caseId)).at(-1)).toBe("agenda_removed");
  });
});

describe("putting a case on an agenda from its card", () => {
  it("lists the group's upcoming meetings and adds the case; another group's secretariat cannot", async () => {
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "working_capital", agencyId: world.bankAgencyId, description: "Working capital facility stuck at the provincial branch for months." });
    const upcoming = await meeting(23);
    const harness = createTestBot(env.container);
    const secretariat = harness.user(Number(world.secretariat.telegramId), { languageCode: "en" });
    await secretariat.press(`q:open:${item.caseId}`);
    await secretariat.tap("Put on a meeting agenda");
    expect(secretariat.lastText()).toContain(`Which meeting should hear case ${item.trackingCode}`);
    await secretariat.press(`mtg:add:${upcoming.id}:${item.caseId}`);
    expect(await statusOf(item.caseId)).toBe("on_agenda");

    const qom = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "QOM" } });
    await env.container.db.user.create({ data: { telegramId: "8499", firstName: "Other", language: "en", memberships: { create: { role: "SECRETARIAT", workingGroupId: qom.id } } } });
    const outsider = harness.user(8499, { languageCode: "en" });
    await outsider.press(`mtg:pick:${item.caseId}`);
    expect(outsider.lastText()).toContain("not found");
  });
});
