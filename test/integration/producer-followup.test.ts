/**
 * The promise of the "resolved" notice is kept (issue 16, item 1): a case resolved directly by
 * the secretariat (no task) is rated "did it help?" from the notice or the card, and reopened
 * from the card within REOPEN_WINDOW_DAYS (14) with a reason; after the window it is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCase } from "../../src/services/triage";
import { buttonsOf, createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

const NOW = new Date("2026-12-02T07:00:00Z");
const DAY = 86_400_000;

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(NOW), workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7800, group: "KRM", legalIdPrefix: "1038028478" });
});
afterAll(async () => env.cleanup());

async function resolvedCase(description: string): Promise<{ caseId: number; trackingCode: string }> {
  const reported = await reportCase(env.container, world, { category: "bank", subcategory: "overdue_loan", agencyId: world.bankAgencyId, description });
  await resolveCase(env.container, await sessionUserOf(env.container, world.secretariat), reported.caseId, {
    outcome: "The bank agreed to reschedule (امهال) the instalments after the secretariat's letter.",
  });
  return reported;
}

const caseRow = (caseId: number) => env.container.db.case.findUniqueOrThrow({ where: { id: caseId } });

describe("a case resolved directly", () => {
  let caseId: number;

  it("tells the producer with the rating and reopen buttons the message promises", async () => {
    ({ caseId } = await resolvedCase("The bank refuses to reschedule the overdue loan although the circular allows it."));
    const notice = (await noticesTo(env.container, world.producer.telegramId)).at(-1)!;
    expect(notice.text).toContain("حل‌شده اعلام شد");
    expect(notice.callbacks).toEqual([1, 2, 3, 4, 5].map((score) => `cr:${caseId}:${score}`).concat(`cro:${caseId}`));
  });

  it("is rated from the notice; a low score reaches the secretariat and offers the reopen", async () => {
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(`cr:${caseId}:2`);
    const rating = await env.container.db.rating.findFirstOrThrow({ where: { caseId } });
    expect(rating).toMatchObject({ taskId: null, userId: world.producer.id, score: 2 });
    expect(producer.lastText()).toContain("۲ از ۵");
    expect(buttonsOf(producer.screen().at(-1)).map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([`cro:${caseId}`]);
    const desk = (await noticesTo(env.container, world.secretariat.telegramId)).at(-1)!;
    expect(desk.text).toContain("rated the outcome 2 of 5");
    // Again, the same score: nothing more.
    await producer.press(`cr:${caseId}:2`);
    expect(await env.container.db.rating.count({ where: { caseId } })).toBe(1);
    expect((await noticesTo(env.container, world.secretariat.telegramId)).filter((n) => n.text.includes("rated the outcome")).length).toBe(1);
  });

  it("the card offers the reopen; a reason is asked and the case goes back to the queue", async () => {
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(`cases:view:${caseId}`);
    const callbacks = buttonsOf(producer.screen().at(-1)).map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(callbacks).toContain(`cro:${caseId}`);
    // Already rated: the scores are not offered again.
    expect(callbacks.some((c) => c?.startsWith("cr:"))).toBe(false);

    await producer.tap("بازگشایی");
    expect(producer.lastText()).toContain("چرا پرونده باید بازگشایی شود؟");
    await producer.send("بد");
    expect(producer.lastText()).toContain("چرا پرونده باید بازگشایی شود؟");
    expect((await caseRow(caseId)).status).toBe("resolved");
    await producer.send("The bank has not applied the rescheduling; the default notice came again today.");
    expect(producer.lastText()).toContain("بازگشایی شد");
    const row = await caseRow(caseId);
    expect(row.status).toBe("submitted");
    expect(row.resolvedAt).toBeNull();
    const alert = (await noticesTo(env.container, world.secretariat.telegramId)).at(-1)!;
    expect(alert.kind).toBe("ALERT");
    expect(alert.callbacks).toEqual([`q:open:${caseId}`]);
  });
});

describe("after the reopen window", () => {
  it("offers the rating but no reopen, and refuses a reopen from an old notice", async () => {
    env.clock.set(NOW);
    const { caseId } = await resolvedCase("The bank demanded a new guarantee (ضمانت‌نامه) for the export loan.");
    env.clock.set(new Date(NOW.getTime() + 15 * DAY));
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(`cases:view:${caseId}`);
    const callbacks = buttonsOf(producer.screen().at(-1)).map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(callbacks).toContain(`cr:${caseId}:5`);
    expect(callbacks).not.toContain(`cro:${caseId}`);
    await producer.press(`cro:${caseId}`);
    expect(producer.lastText()).toContain("نمی‌توان");
    expect((await caseRow(caseId)).status).toBe("resolved");
  });

  it("refuses a stranger's rating", async () => {
    const { caseId } = await resolvedCase("Tax office froze the account over a disputed assessment.");
    const stranger = harness.user(world.bankOfficial.telegramId);
    await stranger.press(`cr:${caseId}:1`);
    expect(await env.container.db.rating.count({ where: { caseId } })).toBe(0);
    expect(stranger.lastText()).not.toBe("");
  });
});
