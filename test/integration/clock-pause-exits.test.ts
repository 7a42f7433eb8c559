/**
 * Clocks that pause, the other ways in and out (the journey itself: clock-pauses.test.ts): a
 * question on a closed case is refused and changes nothing; a case referred on while it waits on
 * its producer resumes its agencies' clocks; a pause a path forgot to end is ended by the
 * worker's reconciliation. Real PostgreSQL and Redis, the injected clock; Fridays and the
 * shipped holidays off (Dey 1405: Fri 4, 11, 18, 25; holidays Tue 1 and Tue 15).
 */
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimerJobData } from "../../src/jobs/queues";
import { reconcileReminders } from "../../src/jobs/reminders";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import { isRefusal } from "../../src/domain/refusal";
import { assignCase, closeCase, requestInformation, resolveCase } from "../../src/services/triage";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

const at = (month: number, day: number, hour = 0, minute = 0) => jalaliToInstant({ year: 1405, month, day }, { hour, minute });
const endOf = (month: number, day: number) => endOfJalaliDay({ year: 1405, month, day });
const PENDING = ["delayed", "wait", "prioritized", "paused"] as const;

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(at(10, 6, 10)), workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7650, group: "KRM", legalIdPrefix: "1038028477" });
});
afterAll(async () => env.cleanup());

const desk = () => harness.user(world.secretariat.telegramId, { languageCode: "en", firstName: "Dabir" });
const pausesOf = (id: number) => env.container.db.clockPause.findMany({ where: { taskId: id }, orderBy: { id: "asc" } });

describe("bad input and other ways out of the wait", () => {
  it("a pause on a closed case is refused with a clear message, nothing changed", async () => {
    env.clock.set(at(10, 6, 10));
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    const closed = await reportCase(env.container, world, {
      category: "bank",
      subcategory: "guarantee",
      agencyId: world.bankAgencyId,
      description: "The bank asks for a guarantee the unit cannot give before the loan is renewed.",
    });
    const { taskId: bankTask } = await assignCase(env.container, secretariat, closed.caseId, { agencyId: world.bankAgencyId, dueDate: "1405/10/20" });
    await resolveCase(env.container, secretariat, closed.caseId, { outcome: "The bank accepted the unit's machinery as collateral." });
    await closeCase(env.container, secretariat, closed.caseId);
    const snapshot = async () => ({
      case: await env.container.db.case.findUniqueOrThrow({ where: { id: closed.caseId }, select: { status: true, updatedAt: true } }),
      events: await env.container.db.caseEvent.count({ where: { caseId: closed.caseId } }),
      pauses: await env.container.db.clockPause.count({ where: { caseId: closed.caseId } }),
      task: await env.container.db.task.findUniqueOrThrow({ where: { id: bankTask }, select: { status: true, dueAt: true, scheduleVersion: true } }),
      outbox: await env.container.db.outboxMessage.count(),
    });
    const before = await snapshot();
    expect(before.case.status).toBe("closed");

    // A stale "Ask the producer" button on an old card.
    const user = desk();
    await user.press(`tr:ask:${closed.caseId}`);
    expect(user.lastText()).toBe(
      `Case ${closed.trackingCode} is already finished: nobody is waited on any more, so no question can be asked and no clock paused. Nothing was changed.`,
    );
    // The service refuses the same way (a forged or raced request).
    const refused = await requestInformation(env.container, secretariat, closed.caseId, { question: "Is the collateral registered?" }).catch((error: unknown) => error);
    expect(isRefusal(refused) && refused.reason).toBe("case_finished");
    expect(await snapshot()).toEqual(before);
  });

  it("a case referred on while it waits resumes the clock; a pause a path forgot to end is ended by the reconciliation", async () => {
    env.clock.set(at(10, 6, 10));
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    const other = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "Gas pressure is cut every night although the contract says otherwise.",
    });
    const first = await assignCase(env.container, secretariat, other.caseId, { agencyId: world.gasAgencyId, dueDate: "1405/10/20" });
    const asked = await requestInformation(env.container, secretariat, other.caseId, { question: "Since which night exactly?" });
    expect(asked.pausedTasks).toEqual([first.taskId]);

    // Asked on Sun 6 Dey; on Sat 12 Dey the secretariat refers the case to the bank without
    // waiting for the answer: the gas clock resumes (Mon 7, Tue 8, Wed 9, Thu 10, Sat 12 → 5
    // working days; Fri 11 off).
    env.clock.set(at(10, 12, 9));
    await assignCase(env.container, secretariat, other.caseId, { agencyId: world.bankAgencyId, dueDate: "1405/10/25" });
    expect(await pausesOf(first.taskId)).toMatchObject([{ endedAt: at(10, 12, 9), pausedWorkingDays: 5 }]);
    // End of Sun 20 Dey + 5: Mon 21, Tue 22, Wed 23, Thu 24, Sat 26 (Fri 25 off).
    expect(await env.container.db.task.findUniqueOrThrow({ where: { id: first.taskId } })).toMatchObject({ dueAt: endOf(10, 26), scheduleVersion: 2 });

    // Asked again; then a status change that bypasses the services (another path, a repair).
    await requestInformation(env.container, secretariat, other.caseId, { question: "And the bank branch?" });
    const running = await env.container.db.clockPause.findMany({ where: { caseId: other.caseId, endedAt: null }, orderBy: { taskId: "asc" } });
    expect(running.map((p) => p.taskId)).toHaveLength(2);
    await env.container.db.case.update({ where: { id: other.caseId }, data: { status: "assigned" } });
    env.clock.set(at(10, 13, 9)); // Sunday: one working day later
    await reconcileReminders(env.container);
    const ended = await env.container.db.clockPause.findMany({ where: { id: { in: running.map((p) => p.id) } } });
    expect(ended.map((p) => [p.endedAt, p.pausedWorkingDays])).toEqual([
      [at(10, 13, 9), 1],
      [at(10, 13, 9), 1],
    ]);
    // End of Sat 26 Dey + 1 → end of Sun 27 Dey.
    expect(await env.container.db.task.findUniqueOrThrow({ where: { id: first.taskId } })).toMatchObject({ dueAt: endOf(10, 27), scheduleVersion: 3 });
    const jobs = (await env.container.queues.timers.getJobs([...PENDING])) as Array<Job<TimerJobData>>;
    expect(jobs.some((job) => job.data.type === "task-reminder" && job.data.taskId === first.taskId && job.data.scheduleVersion === 3)).toBe(true);
  });
});
