/**
 * Task reminders and escalations on real Redis (BullMQ) and PostgreSQL, with the injected clock.
 * Policy (configuration): remind 2 and 1 working days before, on the day, then every working
 * day while overdue (at most twice); escalate to the agency head after 1 working day overdue and
 * to the secretariat and the chair after 2; send at 09:00 Tehran; Fridays and holidays off.
 *
 * Azar 1405 (no public holiday): Sun 1, Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7 …
 * 09:00 Tehran = 05:30 UTC (no DST since 1401).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "bullmq";
import { startMorningDigest, DIGEST_SCHEDULER_ID } from "../../src/jobs/digest";
import type { TimerJobData } from "../../src/jobs/queues";
import {
  fireTaskReminder,
  reconcileReminders,
  reminderJobId,
  RECONCILE_SCHEDULER_ID,
  startReminderReconciler,
  syncTaskReminders,
} from "../../src/jobs/reminders";
import { startWorkers, type RunningWorkers } from "../../src/jobs/workers";
import { completeTask, confirmTask, decideExtension, requestExtension, sendBackTask } from "../../src/services/task-actions";
import { createTask } from "../../src/services/tasks";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

const POLICY = {
  sendAt: "09:00",
  beforeDueWorkingDays: [2, 1],
  onDueDay: true,
  overdueEveryWorkingDays: 1,
  maxOverdueReminders: 2,
  escalation: [
    { afterWorkingDays: 1, to: "agency_head" },
    { afterWorkingDays: 2, to: "secretariat_chair" },
  ],
};
/** Sunday 1 Azar 1405, 10:30 Tehran. */
const START = new Date("2026-11-22T07:00:00Z");
const azar = (day: number) => ({ year: 1405, month: 9, day });
/** 09:00 Tehran on a day of Azar 1405. */
const nineOn = (day: number) => new Date(Date.UTC(2026, 10, 21 + day, 5, 30));

let env: TestEnv;
let world: TaskWorld;
let caseId: number;
let trackingCode: string;

beforeAll(async () => {
  env = await createTestEnv({
    clock: new TestClock(START),
    config: { REMINDER_POLICY: JSON.stringify(POLICY) },
    workingGroups: ["KRM"],
  });
  world = await seedTaskWorld(env.container, { base: 7100, group: "KRM", legalIdPrefix: "1038028471" });
  ({ caseId, trackingCode } = await reportCase(env.container, world, {
    category: "utility_cutoff",
    subcategory: "gas",
    agencyId: world.gasAgencyId,
    description: "The gas company sent a cut-off warning for unpaid bills although an instalment plan was agreed.",
  }));
});
afterAll(async () => env.cleanup());
beforeEach(async () => {
  env.clock.set(START);
  await env.container.queues.timers.obliterate({ force: true });
});

/** A task due on `day` Azar, created and synced as the assign action does. */
async function newTask(day: number, officialId: number | null = world.official.id): Promise<number> {
  const task = await env.container.db.$transaction((tx) =>
    createTask(tx, { caseId, agencyId: world.gasAgencyId, officialId, dueDate: azar(day), title: "Stop the gas cut-off", createdById: world.secretariat.id }),
  );
  await syncTaskReminders(env.container, task.id);
  return task.id;
}

const PENDING = ["delayed", "wait", "prioritized", "paused"] as const;

/** The task's pending reminder jobs as id → the instant they are due (by the injected clock). */
async function pendingJobs(taskId: number, addedAt: Date = START): Promise<Record<string, string>> {
  const jobs = (await env.container.queues.timers.getJobs([...PENDING])) as Array<Job<TimerJobData>>;
  const entries = jobs
    .filter((job) => job.data.type === "task-reminder" && job.data.taskId === taskId)
    .map((job) => [String(job.id), new Date(addedAt.getTime() + job.delay).toISOString()] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

function expectedJobs(taskId: number, version: number, moments: Record<string, Date>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(moments)
      .map(([key, at]) => [reminderJobId(taskId, version, key), at.toISOString()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The full schedule of a task due Wednesday 4 Azar. */
const DUE_ON_4 = {
  "before:-2": nineOn(2),
  "before:-1": nineOn(3),
  "due:0": nineOn(4),
  "overdue:1": nineOn(5),
  "esc:agency_head": nineOn(5),
  "overdue:2": nineOn(7), // Friday 6 is off
  "esc:secretariat_chair": nineOn(7),
};

const data = (taskId: number, key: string, scheduleVersion = 1) => ({ type: "task-reminder" as const, taskId, scheduleVersion, key });

describe("task reminders", () => {
  it("schedules every moment of the policy with deterministic ids and the right delays", async () => {
    const taskId = await newTask(4);
    expect(reminderJobId(taskId, 1, "before:-2")).toBe(`task-${taskId}-v1-before_-2`);
    expect(await pendingJobs(taskId)).toEqual(expectedJobs(taskId, 1, DUE_ON_4));

    // Scheduling again (a second sync, the reconciler) adds nothing.
    await syncTaskReminders(env.container, taskId);
    await reconcileReminders(env.container);
    const jobs = (await env.container.queues.timers.getJobs([...PENDING])).filter((job) => job.data.type === "task-reminder" && job.data.taskId === taskId);
    expect(jobs).toHaveLength(7);
  });

  it("only schedules what is still ahead", async () => {
    env.clock.set(new Date("2026-11-24T06:00:00Z")); // Tuesday 3 Azar 09:30: the first two have passed
    const taskId = await newTask(4);
    const { "before:-2": _a, "before:-1": _b, ...ahead } = DUE_ON_4;
    expect(await pendingJobs(taskId, env.clock.now())).toEqual(expectedJobs(taskId, 1, ahead));
  });

  it("a fired reminder writes its notice once, even when the job runs twice", async () => {
    const taskId = await newTask(4);
    env.clock.set(nineOn(2));
    expect(await fireTaskReminder(data(taskId, "before:-2"), env.container)).toBe("sent");
    expect(await fireTaskReminder(data(taskId, "before:-2"), env.container)).toBe("sent");
    const notices = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:v1:before:-2:`));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.kind).toBe("REMINDER");
    expect(notices[0]?.text).toContain(trackingCode);
    expect(notices[0]?.text).toContain("یادآوری"); // the official reads Persian
    expect(notices[0]?.callbacks).toEqual([`t:o:${taskId}`]);
    // Nobody else was reminded.
    expect((await noticesTo(env.container, world.head.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:`))).toEqual([]);
  });

  it("the timers worker runs the job through the registered handler", async () => {
    const taskId = await newTask(4);
    env.clock.set(nineOn(4));
    const workers = await startWorkers(env.container, { deliveries: false, relay: false, hooks: [] });
    try {
      await (await env.container.queues.timers.getJob(reminderJobId(taskId, 1, "due:0")))?.promote();
      await vi.waitFor(
        async () => {
          const notices = await noticesTo(env.container, world.official.telegramId);
          expect(notices.some((n) => n.dedupeKey.startsWith(`task:${taskId}:v1:due:0:`))).toBe(true);
        },
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      await workers.close();
    }
  });

  it("a due-date change reschedules: the old version's jobs go, the new ones come; an old job that fires does nothing", async () => {
    const taskId = await newTask(4);
    const { extensionId } = await requestExtension(env.container, world.official.id, taskId, { newDueDate: azar(10), reason: "The meter must be replaced first." });
    await decideExtension(env.container, world.secretariat.id, extensionId, true);
    const task = await env.container.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.scheduleVersion).toBe(2);
    // Now due Tuesday 10 Azar.
    expect(await pendingJobs(taskId)).toEqual(
      expectedJobs(taskId, 2, {
        "before:-2": nineOn(8),
        "before:-1": nineOn(9),
        "due:0": nineOn(10),
        "overdue:1": nineOn(11),
        "esc:agency_head": nineOn(11),
        "overdue:2": nineOn(12),
        "esc:secretariat_chair": nineOn(12),
      }),
    );
    env.clock.set(nineOn(2));
    expect(await fireTaskReminder(data(taskId, "before:-2", 1), env.container)).toBe("skipped");
    expect((await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:v1:`))).toEqual([]);
  });

  it("completing a task cancels its reminders; sending it back brings the future ones back", async () => {
    const taskId = await newTask(4);
    await completeTask(env.container, world.official.id, taskId, { text: "The cut-off order was withdrawn.", letterNumber: "G-1405-88" });
    expect(await pendingJobs(taskId)).toEqual({});
    env.clock.set(new Date("2026-11-24T06:00:00Z")); // Tuesday 3 Azar 09:30
    expect(await fireTaskReminder(data(taskId, "before:-1"), env.container)).toBe("skipped");

    await sendBackTask(env.container, world.secretariat.id, taskId, { reason: "Attach the withdrawal letter." });
    const { "before:-2": _a, "before:-1": _b, ...ahead } = DUE_ON_4;
    expect(await pendingJobs(taskId, env.clock.now())).toEqual(expectedJobs(taskId, 1, ahead));

    await completeTask(env.container, world.official.id, taskId, { text: "Withdrawal letter attached." });
    await confirmTask(env.container, world.secretariat.id, taskId);
    expect(await pendingJobs(taskId)).toEqual({});
  });

  it("escalates in order: the agency head first, then the secretariat and the chair", async () => {
    const taskId = await newTask(4);
    const isEscalation = (n: { dedupeKey: string }) => n.dedupeKey.startsWith(`task:${taskId}:v1:esc:`);

    env.clock.set(nineOn(5));
    await fireTaskReminder(data(taskId, "esc:agency_head"), env.container);
    const toHead = (await noticesTo(env.container, world.head.telegramId)).filter(isEscalation);
    expect(toHead).toHaveLength(1);
    expect(toHead[0]?.kind).toBe("ESCALATION");
    expect(toHead[0]?.text).toContain(trackingCode);
    expect(toHead[0]?.text).toContain("Rahimi"); // the official in charge is named
    expect((await noticesTo(env.container, world.secretariat.telegramId)).filter(isEscalation)).toEqual([]);
    expect((await env.container.db.task.findUniqueOrThrow({ where: { id: taskId } })).escalationLevel).toBe(1);

    env.clock.set(nineOn(7));
    await fireTaskReminder(data(taskId, "esc:secretariat_chair"), env.container);
    await fireTaskReminder(data(taskId, "esc:secretariat_chair"), env.container); // a retry
    const toSecretariat = (await noticesTo(env.container, world.secretariat.telegramId)).filter(isEscalation);
    const toChair = (await noticesTo(env.container, world.chair.telegramId)).filter(isEscalation);
    expect(toSecretariat).toHaveLength(1);
    expect(toSecretariat[0]?.text).toMatch(/Escalation.*2 working days overdue/); // English reader
    expect(toSecretariat[0]?.callbacks).toEqual([`q:open:${caseId}`]);
    expect(toChair).toHaveLength(1);
    expect(toChair[0]?.text).toContain("ارجاع به مقام بالاتر");
    expect((await noticesTo(env.container, world.head.telegramId)).filter(isEscalation)).toHaveLength(1);
    expect((await env.container.db.task.findUniqueOrThrow({ where: { id: taskId } })).escalationLevel).toBe(2);
    const events = await env.container.db.caseEvent.findMany({ where: { taskId, type: "task_escalated" }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.data as { target: string }).target)).toEqual(["agency_head", "secretariat_chair"]);
  });

  it("a reminder that fires at night (the worker was down) moves to the next working morning", async () => {
    const taskId = await newTask(4);
    env.clock.set(new Date("2026-11-26T18:30:00Z")); // Thursday 5 Azar 22:00 Tehran
    expect(await fireTaskReminder(data(taskId, "overdue:1"), env.container)).toBe("deferred");
    expect((await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:`))).toEqual([]);
    const saturday8 = new Date("2026-11-28T04:30:00Z"); // Friday is off: Saturday 7 Azar 08:00
    const deferred = await env.container.queues.timers.getJob(`${reminderJobId(taskId, 1, "overdue:1")}-at-${saturday8.getTime()}`);
    expect(deferred?.delay).toBe(saturday8.getTime() - env.clock.now().getTime());
  });
});

describe("reconciliation", () => {
  it("rebuilds the exact job set after Redis lost the queue, without any duplicate", async () => {
    const open = await newTask(4);
    const finished = await newTask(4, null);
    await completeTask(env.container, world.official.id, finished, { text: "Done on site." });
    await confirmTask(env.container, world.secretariat.id, finished);
    // A job of a replaced schedule version is left behind (e.g. a sync that failed).
    await env.container.queues.timers.add("task-reminder", data(open, "due:0", 0), { jobId: reminderJobId(open, 0, "due:0"), delay: 1000 });

    env.clock.set(new Date("2026-11-23T06:00:00Z")); // Monday 2 Azar 09:30: before:-2 has gone out
    await env.container.queues.timers.obliterate({ force: true });
    const result = await reconcileReminders(env.container);
    const { "before:-2": _gone, ...ahead } = DUE_ON_4;
    expect(await pendingJobs(open, env.clock.now())).toEqual(expectedJobs(open, 1, ahead));
    expect(await pendingJobs(finished)).toEqual({});
    expect(result.tasks).toBeGreaterThanOrEqual(1);

    // Stray jobs (an old version, a finished task) are removed by the next run.
    await env.container.queues.timers.add("task-reminder", data(open, "due:0", 0), { jobId: reminderJobId(open, 0, "due:0"), delay: 1000 });
    await env.container.queues.timers.add("task-reminder", data(finished, "due:0"), { jobId: reminderJobId(finished, 1, "due:0"), delay: 1000 });
    await reconcileReminders(env.container);
    await reconcileReminders(env.container);
    expect(await pendingJobs(open, env.clock.now())).toEqual(expectedJobs(open, 1, ahead));
    expect(await pendingJobs(finished)).toEqual({});
  });

  it("re-sends an escalation whose job was lost, at the next working moment", async () => {
    const taskId = await newTask(4);
    env.clock.set(new Date("2026-11-26T07:00:00Z")); // Thursday 5 Azar 10:30: the head's rung has passed unsent
    await env.container.queues.timers.obliterate({ force: true });
    await reconcileReminders(env.container);
    const pending = await pendingJobs(taskId, env.clock.now());
    expect(pending[reminderJobId(taskId, 1, "esc:agency_head")]).toBe(env.clock.now().toISOString());
    expect(pending[reminderJobId(taskId, 1, "overdue:1")]).toBeUndefined(); // a plain reminder is not repeated late

    await fireTaskReminder(data(taskId, "esc:agency_head"), env.container);
    await env.container.queues.timers.obliterate({ force: true });
    await reconcileReminders(env.container);
    expect(Object.keys(await pendingJobs(taskId, env.clock.now()))).not.toContain(reminderJobId(taskId, 1, "esc:agency_head"));
  });

  it("a worker stopped and started again neither loses nor duplicates a reminder", async () => {
    const taskId = await newTask(4);
    const options = { deliveries: false, relay: false, hooks: [startReminderReconciler, startMorningDigest] };
    let workers: RunningWorkers = await startWorkers(env.container, options);
    env.clock.set(nineOn(2));
    await (await env.container.queues.timers.getJob(reminderJobId(taskId, 1, "before:-2")))?.promote();
    const sent = async () =>
      (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:v1:before:-2:`));
    await vi.waitFor(async () => expect(await sent()).toHaveLength(1), { timeout: 10_000, interval: 100 });
    await workers.close();

    workers = await startWorkers(env.container, options);
    try {
      const { "before:-2": _fired, ...ahead } = DUE_ON_4;
      expect(await pendingJobs(taskId)).toEqual(expectedJobs(taskId, 1, ahead));
      const schedulers = await env.container.queues.timers.getJobSchedulers();
      expect(schedulers.map((s) => s.key).sort()).toEqual([DIGEST_SCHEDULER_ID, RECONCILE_SCHEDULER_ID].sort());
      expect(await sent()).toHaveLength(1);
    } finally {
      await workers.close();
    }
  });
});
