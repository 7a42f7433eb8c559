/**
 * Restart plans for idle units (issue 13, item 3; seeds 002 and 004), through the bot: the
 * secretariat makes a plan of three milestones for an idle unit — three tasks for their
 * agencies by the single assignment's path (officials told, reminders) — the agency reports the
 * milestone that moves the unit done and the secretariat confirms it: the unit becomes
 * semi-active (timeline and audit); the secretariat marks it active from the ledger; the ledger
 * shows progress and an overdue milestone; /stats counts one unit restarted. Another group's
 * secretariat, a producer and forged callback data change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restart as B, shared, tasks as T } from "../../src/buttons";
import { completeTask } from "../../src/services/task-actions";
import { createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { noticesTo, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let clock: TestClock;
let harness: TestBot;
let world: TaskWorld;
let idleUnitId: number;
const OTHER_SECRETARIAT = 9691;
const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));
const allText = (chatId: number) => harness.telegram.screen(chatId).map(textOf).join("\n");

beforeAll(async () => {
  clock = new TestClock(new Date("2026-11-22T07:00:00Z")); // 1 Azar 1405
  env = await createTestEnv({ clock, workingGroups: ["KRM", "KHZ"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 9680, group: "KRM", legalIdPrefix: "1612345678" });
  const { db } = env.container;
  const idle = await db.productionUnit.create({
    data: {
      workingGroupId: world.workingGroupId,
      name: "Bam Idle Cannery",
      legalId: legalEntityIdFrom("1612345679"),
      county: "بم",
      sector: "INDUSTRY",
      activityStatus: "IDLE",
      employees: 0,
      representatives: { create: { userId: world.producer.id } },
    },
  });
  idleUnitId = idle.id;
  const khz = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  const other = await db.user.create({ data: { telegramId: String(OTHER_SECRETARIAT), firstName: "Dabir2", language: "fa" } });
  await db.membership.create({ data: { userId: other.id, workingGroupId: khz, role: "SECRETARIAT" } });
});
afterAll(async () => env.cleanup());

async function milestone(clerk: ReturnType<TestBot["user"]>, title: string, agency: RegExp, due: string, moves: string | RegExp) {
  await clerk.send(title);
  await clerk.tap(agency);
  await clerk.send(due);
  await clerk.tap(moves);
}

describe("restart plans", () => {
  it("a plan of three milestones: three tasks; the milestone that moves the unit moves it; the ledger; the restarted count", async () => {
    const { db } = env.container;
    const chat = world.secretariat.telegramId;
    const clerk = harness.user(chat, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/restart");
    // An active unit is not offered; the idle one is.
    await clerk.send("Kerman Tile");
    expect(allText(chat)).toContain("No idle or semi-active unit");
    await clerk.send("cannery");
    await clerk.tap(/Bam Idle Cannery \(Idle\)/);
    expect(lastText(chat)).toContain("Milestone 1 of the plan for Bam Idle Cannery");
    await milestone(clerk, "Reschedule the overdue loan", /Bank/, "1405/09/10", /it becomes Active/);
    expect(lastText(chat)).toContain("One milestone in the plan.");
    // Back to the question and answered again: the milestone is replaced, not added twice.
    await clerk.press(B.back.pack());
    await clerk.tap("No");
    expect(lastText(chat)).toContain("One milestone in the plan.");
    await clerk.tap("➕ Another milestone");
    await milestone(clerk, "Reconnect the gas supply", /Gas/, "۱۴۰۵/۰۹/۲۰", /it becomes Semi-active/);
    await clerk.tap("➕ Another milestone");
    await milestone(clerk, "Pay the working capital loan", /Bank/, "1405/10/15", /it becomes Active/);
    await clerk.tap("✅ Review");
    const review = lastText(chat);
    expect(review).toContain("The restart plan for Bam Idle Cannery (now Idle)");
    expect(review).toContain("2. Reconnect the gas supply");
    expect(review).toContain("→ the unit becomes Semi-active");
    const confirm = clerk.buttonData(/Make the plan and its 3 tasks/);
    await clerk.press(confirm);
    expect(lastText(chat)).toContain("The restart plan for Bam Idle Cannery is made");
    await clerk.press(confirm); // a second tap makes nothing more

    const plan = await db.restartPlan.findFirstOrThrow({ include: { milestones: { orderBy: { position: "asc" }, include: { task: true } }, case: true } });
    expect(plan).toMatchObject({ unitId: idleUnitId, startedFrom: "IDLE", restartedAt: null });
    expect(plan.case).toMatchObject({ category: "idle_unit", subcategory: "restart_plan", intakeChannel: "restart_plan", status: "assigned" });
    expect(plan.milestones.map((m) => [m.title, m.task.agencyId, m.task.title, m.movesTo])).toEqual([
      ["Reschedule the overdue loan", world.bankAgencyId, "Reschedule the overdue loan", null],
      ["Reconnect the gas supply", world.gasAgencyId, "Reconnect the gas supply", "SEMI_ACTIVE"],
      ["Pay the working capital loan", world.bankAgencyId, "Pay the working capital loan", "ACTIVE"],
    ]);
    expect(await db.task.count({ where: { caseId: plan.caseId } })).toBe(3);
    // Each milestone's task has its reminders scheduled, as any task.
    const jobs = await env.container.queues.timers.getJobs(["delayed", "waiting"]);
    for (const m of plan.milestones) expect(jobs.some((job) => job.data.type === "task-reminder" && job.data.taskId === m.task.id)).toBe(true);
    // The gas company's officials were told of their task, once each.
    const gasTask = plan.milestones[1]!.task;
    expect((await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${gasTask.id}:assigned`))).toHaveLength(1);
    // The unit's representative follows the plan's case and is told of each milestone's referral, in Persian.
    expect(plan.case.reporterId).toBe(world.producer.id);
    const toProducer = (await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.dedupeKey.startsWith(`case:${plan.caseId}:event:`));
    expect(toProducer).toHaveLength(3);
    expect(toProducer[1]!.text).toContain(plan.case.trackingCode);

    await clerk.send("/restarts");
    expect(lastText(chat)).toContain("🏭 Bam Idle Cannery (Idle) — 0/3 milestones done");

    // The gas company reports its milestone done; the secretariat confirms it: the unit moves.
    await completeTask(env.container, world.official.id, gasTask.id, { text: "Gas reconnected on 15 Azar." });
    await clerk.press(T.confirm.pack({ taskId: gasTask.id }));
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id: idleUnitId } })).activityStatus).toBe("SEMI_ACTIVE");
    const events = await db.caseEvent.findMany({ where: { caseId: plan.caseId, type: "unit_activity_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ from: "IDLE", to: "SEMI_ACTIVE" });
    expect(await db.auditEntry.count({ where: { entityType: "production_unit", entityId: idleUnitId, action: "activity_changed" } })).toBe(1);

    // Past the first milestone's day: the ledger shows it overdue, and 1/3 done.
    clock.set(new Date("2026-12-05T07:00:00Z")); // 14 Azar 1405
    await clerk.send("/restarts");
    const ledger = lastText(chat);
    expect(ledger).toContain("🏭 Bam Idle Cannery (Semi-active) — 1/3 milestones done");
    expect(ledger).toContain("⏰ overdue: Reschedule the overdue loan");
    expect(ledger).not.toContain("⏰ overdue: Pay the working capital loan");

    // The secretariat marks it active: the unit has restarted, and /stats counts it.
    await clerk.tap(/Bam Idle Cannery: mark Active/);
    expect(allText(chat)).toContain("Bam Idle Cannery is now Active.");
    const restarted = await db.restartPlan.findUniqueOrThrow({ where: { id: plan.id }, include: { unit: true } });
    expect(restarted.unit.activityStatus).toBe("ACTIVE");
    expect(restarted.restartedAt).not.toBeNull();
    await clerk.send("/stats");
    expect(allText(chat)).toContain("Units restarted under a plan in this period: 1");
    // The timeline reads the moves (the plan's case card).
    expect(await db.caseEvent.count({ where: { caseId: plan.caseId, type: "unit_activity_changed" } })).toBe(2);
    await clerk.press(shared.queueCase.pack({ caseId: plan.caseId }));
    const card = allText(chat);
    expect(card).toContain("The restart plan of Bam Idle Cannery, made by Dabir");
    expect(card).toContain("Dabir made the unit's restart plan (3 milestones).");
    expect(card).toContain("Dabir recorded the unit as Semi-active (was Idle).");
    expect(card).toContain("Dabir recorded the unit as Active (was Semi-active).");

    // In Persian: another secretariat member reads the ledger and the plan's timeline.
    const farsi = await db.user.create({ data: { telegramId: "9693", firstName: "Dabir3", language: "fa" } });
    await db.membership.create({ data: { userId: farsi.id, workingGroupId: world.workingGroupId, role: "SECRETARIAT" } });
    const member = harness.user(9693, { firstName: "Dabir3", languageCode: "fa" });
    await member.send("/restarts");
    expect(lastText(9693)).toContain("🏭 Bam Idle Cannery (فعال) — ۱ از ۳ گام انجام شده");
    expect(lastText(9693)).toContain("⏰ عقب‌افتاده: Reschedule the overdue loan");
  });

  it("another group's secretariat, a producer and forged data change nothing", async () => {
    const { db } = env.container;
    const plan = await db.restartPlan.findFirstOrThrow();
    await db.productionUnit.update({ where: { id: idleUnitId }, data: { activityStatus: "IDLE" } });
    const other = harness.user(OTHER_SECRETARIAT, { firstName: "Dabir2", languageCode: "fa" });
    await other.press(B.mark.pack({ planId: plan.id, to: "A" }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("از آنِ این کارگروه نیست");
    await other.press(B.ledger.pack({ groupId: world.workingGroupId, page: 0 }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("فقط دبیرخانهٔ کارگروه");
    expect(allText(OTHER_SECRETARIAT)).not.toContain("Bam Idle Cannery");
    await other.send("/restart");
    await other.press(B.unit.pack({ unitId: idleUnitId }));
    expect(allText(OTHER_SECRETARIAT)).toContain("از آنِ این کارگروه نیست");
    await other.send("/cancel");
    const producer = harness.user(world.producer.telegramId, { firstName: "Reza", languageCode: "fa" });
    await producer.press(B.mark.pack({ planId: plan.id, to: "S" }));
    await producer.send("/restarts");
    expect(allText(world.producer.telegramId)).not.toContain("Bam Idle Cannery");
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id: idleUnitId } })).activityStatus).toBe("IDLE");
    expect(await db.restartPlan.count()).toBe(1);
    // The secretariat cannot move a unit backwards or to where it is.
    const clerk = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await db.productionUnit.update({ where: { id: idleUnitId }, data: { activityStatus: "ACTIVE" } });
    await clerk.press(B.mark.pack({ planId: plan.id, to: "S" }));
    expect(lastText(world.secretariat.telegramId)).toContain("already at that status or beyond");
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id: idleUnitId } })).activityStatus).toBe("ACTIVE");
  });
});
