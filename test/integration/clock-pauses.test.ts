/**
 * Clocks that pause for the party that is waiting, through the bot, on real PostgreSQL and Redis
 * with the injected clock. A gas company's task is due Wednesday 2 Dey 1405; on Thursday 26 Azar
 * at 11:00 the secretariat asks the producer for information (the agency's clock pauses, its
 * reminders stop); the producer answers on Wednesday 2 Dey at 10:15, after a Friday (27 Azar)
 * and a holiday (Tue 1 Dey, birth of Imam Ali): 4 working days paused (Sat 28, Sun 29, Mon 30,
 * Wed 2), so the due date moves to Monday 7 Dey (Thu 3, Sat 5, Sun 6, Mon 7).
 *
 * Reminder policy: 2 and 1 working days before, on the day, then every working day overdue (at
 * most twice); escalations after 1 (agency head) and 2 (secretariat and chair) working days
 * overdue; at 09:00 Tehran (05:30 UTC).
 */
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimerJobData } from "../../src/jobs/queues";
import { writeMorningDigest } from "../../src/jobs/digest";
import { fireTaskReminder, reconcileReminders, reminderJobId } from "../../src/jobs/reminders";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import { groupStatistics, statisticsPeriod } from "../../src/services/statistics";
import { completeTask } from "../../src/services/task-actions";
import { assignCase } from "../../src/services/triage";
import { createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

const POLICY = {
  sendAt: "09:00", beforeDueWorkingDays: [2, 1], onDueDay: true, overdueEveryWorkingDays: 1, maxOverdueReminders: 2,
  escalation: [{ afterWorkingDays: 1, to: "agency_head" }, { afterWorkingDays: 2, to: "secretariat_chair" }],
};
/** A Tehran wall-clock instant. */
const at = (month: number, day: number, hour = 0, minute = 0) => jalaliToInstant({ year: 1405, month, day }, { hour, minute });
const endOf = (month: number, day: number) => endOfJalaliDay({ year: 1405, month, day });
const HOUR = 3_600_000;

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;
let gas: { nameFa: string; nameEn: string };
let caseId: number;
let trackingCode: string;
let taskId: number;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(at(9, 25, 10)), config: { REMINDER_POLICY: JSON.stringify(POLICY) }, workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7600, group: "KRM", legalIdPrefix: "1038028476" });
  gas = await env.container.db.agency.findUniqueOrThrow({ where: { id: world.gasAgencyId }, select: { nameFa: true, nameEn: true } });
});
afterAll(async () => env.cleanup());

const official = () => harness.user(world.official.telegramId, { languageCode: "fa", firstName: "Rahimi" });
const desk = () => harness.user(world.secretariat.telegramId, { languageCode: "en", firstName: "Dabir" });
const producer = () => harness.user(world.producer.telegramId, { languageCode: "fa", firstName: "Reza" });

const PENDING = ["delayed", "wait", "prioritized", "paused"] as const;

/** The task's pending reminder jobs, id → the instant they are due (by the injected clock when added). */
async function pendingJobs(addedAt: Date): Promise<Record<string, string>> {
  const jobs = (await env.container.queues.timers.getJobs([...PENDING])) as Array<Job<TimerJobData>>;
  const entries = jobs
    .filter((job) => job.data.type === "task-reminder" && job.data.taskId === taskId)
    .map((job) => [String(job.id), new Date(addedAt.getTime() + job.delay).toISOString()] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

function expectedJobs(version: number, moments: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(moments)
      .map(([key, instant]) => [reminderJobId(taskId, version, key), instant] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** 09:00 Tehran on a day of 1405, as the queue's instants are compared. */
const nine = (month: number, day: number) => at(month, day, 9).toISOString();
const schedule = (before2: string, before1: string, due: string, overdue1: string, overdue2: string) => ({
  "before:-2": before2,
  "before:-1": before1,
  "due:0": due,
  "overdue:1": overdue1,
  "esc:agency_head": overdue1,
  "overdue:2": overdue2,
  "esc:secretariat_chair": overdue2,
});
/** Due Wednesday 2 Dey: Sun 29 Azar, Mon 30 Azar, Wed 2, Thu 3, Sat 5 Dey (Fri 4 off; Tue 1 Dey a holiday). */
const DUE_ON_2_DEY = schedule(nine(9, 29), nine(9, 30), nine(10, 2), nine(10, 3), nine(10, 5));
/** Due Monday 7 Dey: Sat 5, Sun 6, Mon 7, Tue 8, Wed 9 Dey. */
const DUE_ON_7_DEY = schedule(nine(10, 5), nine(10, 6), nine(10, 7), nine(10, 8), nine(10, 9));

const reminder = (key: string, scheduleVersion: number) => ({ type: "task-reminder" as const, taskId, scheduleVersion, key });
const taskRow = () => env.container.db.task.findUniqueOrThrow({ where: { id: taskId } });
const pausesOf = (id: number) => env.container.db.clockPause.findMany({ where: { taskId: id }, orderBy: { id: "asc" } });

async function openTaskCard(user: TestUser): Promise<string> {
  await user.press(`t:o:${taskId}`);
  return user.lastText();
}

async function openProducerCard(): Promise<string> {
  const user = producer();
  await user.send("/cases");
  await user.tap(trackingCode);
  return user.lastText();
}

describe("a task's clock while its case waits on the producer", () => {
  it("the task is assigned due Wednesday 2 Dey with its reminders planned", async () => {
    ({ caseId, trackingCode } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "The gas company sent a cut-off warning for the kilns although an instalment plan was agreed.",
    }));
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    ({ taskId } = await assignCase(env.container, secretariat, caseId, { agencyId: world.gasAgencyId, officialId: world.official.id, dueDate: "1405/10/02" }));
    // The row's creation stamp comes from the database's clock; the statistics read it by ours.
    await env.container.db.task.update({ where: { id: taskId }, data: { createdAt: env.clock.now() } });
    expect((await taskRow()).dueAt).toEqual(endOf(10, 2));
    expect(nine(10, 5)).toBe("2026-12-26T05:30:00.000Z");
    expect(await pendingJobs(env.clock.now())).toEqual(expectedJobs(1, DUE_ON_2_DEY));
  });

  it("the secretariat asks the producer through the bot: the clock pauses and its reminders stop", async () => {
    env.clock.set(at(9, 26, 11));
    const user = desk();
    await user.press(`q:open:${caseId}`);
    await user.tap("Ask the producer");
    await user.send("Which instalment plan did the gas company agree to, and when?");
    await user.tap("Confirm");
    expect(user.lastText()).toBe(`The question was sent to the producer of case ${trackingCode}.`);

    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("needs_info");
    const [pause, ...more] = await pausesOf(taskId);
    expect(more).toEqual([]);
    expect(pause).toMatchObject({ caseId, waitingOn: "producer", reason: "info_requested", startedAt: at(9, 26, 11), endedAt: null, pausedWorkingDays: null, createdById: world.secretariat.id });
    expect(await taskRow()).toMatchObject({ dueAt: endOf(10, 2), scheduleVersion: 1 });
    expect(await pendingJobs(env.clock.now())).toEqual({});
    const event = await env.container.db.caseEvent.findFirstOrThrow({ where: { caseId, type: "clock_paused" } });
    expect(event).toMatchObject({ taskId, internal: true, data: { waitingOn: "producer", reason: "info_requested" } });
    const told = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:pause:`));
    expect(told.map((n) => n.text)).toEqual([
      `⏸ پرونده ${trackingCode}: دبیرخانه از تولیدکننده اطلاعات خواسته است. تا وقتی پرونده در انتظار تولیدکننده است، ساعت اقدام شما متوقف است: در این مدت یادآوری ارسال نمی‌شود و مهلت به اندازه روزهای کاری توقف جابه‌جا خواهد شد.`,
    ]);
  });

  it("while paused, every card says who waits on whom", async () => {
    env.clock.set(at(9, 29, 10)); // Sunday: Saturday and Sunday paused so far (Friday off)
    const card = await openTaskCard(official());
    expect(card).toContain("مهلت: چهارشنبه ۲ دی ۱۴۰۵");
    expect(card).toContain(
      "⏸ ساعت از ۲۶ آذر ۱۴۰۵ ساعت ۱۱:۰۰ متوقف است، در انتظار تولیدکننده (دبیرخانه از تولیدکننده اطلاعات خواسته است)؛ تا کنون ۲ روز کاری. با پایان انتظار، یادآوری‌ها از سر گرفته می‌شود و مهلت به اندازه روزهای کاری توقف جابه‌جا می‌شود.",
    );
    expect(card).toContain("⏳ در انتظار: تولیدکننده");
    expect(card).toContain("ساعت دستگاه اجرایی متوقف شد: در انتظار تولیدکننده.");
    const list = official();
    await list.send("/tasks");
    expect(list.buttonData(trackingCode)).toBe(`t:o:${taskId}`);
    expect(list.buttonData(/^⏸/)).toBe(`t:o:${taskId}`);

    const staff = desk();
    await staff.press(`q:open:${caseId}`);
    const staffCard = staff.lastText();
    expect(staffCard).toContain("Status: Waiting for the producer\n⏳ Waiting on: the producer\n");
    expect(staffCard).toContain("⏸ clock paused since 26 Azar 1405 11:00, waiting on the producer");

    expect(await openProducerCard()).toContain("وضعیت: منتظر اطلاعات شما\n⏳ در انتظار: شما (از شما اطلاعات خواسته شده است)\n");
  });

  it("a worker restart after Redis lost its data brings no reminder back, a stale job does nothing, the digest leaves it out", async () => {
    await env.container.queues.timers.obliterate({ force: true });
    await reconcileReminders(env.container);
    expect(await pendingJobs(env.clock.now())).toEqual({});
    expect((await pausesOf(taskId))[0]?.endedAt).toBeNull();
    // A job of the old schedule that was already running when the pause began.
    expect(await fireTaskReminder(reminder("before:-2", 1), env.container)).toBe("skipped");
    expect((await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:v1:`))).toEqual([]);
    // Due this week, but its clock is paused: no morning digest line either.
    expect(await writeMorningDigest({ type: "morning-digest" }, env.container)).toEqual({ sent: 0 });
  });

  it("the producer answers through the bot after a Friday and a holiday: the due date moves by exactly 4 working days", async () => {
    env.clock.set(at(10, 2, 10, 15));
    const user = producer();
    await user.press(`cases:addinfo:${caseId}`);
    await user.send("The plan of 20 Aban: six monthly instalments, the first one already paid.");
    expect(user.lastText()).toContain(trackingCode);

    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("submitted");
    expect(await pausesOf(taskId)).toMatchObject([{ startedAt: at(9, 26, 11), endedAt: at(10, 2, 10, 15), pausedWorkingDays: 4 }]);
    const task = await taskRow();
    expect(task.dueAt).toEqual(endOf(10, 7));
    expect(task.dueAt.toISOString()).toBe("2026-12-28T20:29:59.999Z");
    expect(task.scheduleVersion).toBe(2);
    // The old schedule's jobs are gone; the new one is planned on the moved date.
    expect(await pendingJobs(env.clock.now())).toEqual(expectedJobs(2, DUE_ON_7_DEY));
    const event = await env.container.db.caseEvent.findFirstOrThrow({ where: { caseId, type: "clock_resumed" } });
    expect(event).toMatchObject({ taskId, actorId: world.producer.id, internal: true });
    expect(event.data).toEqual({ waitingOn: "producer", days: 4, previous: "1405/10/02", previousFa: "۱۴۰۵/۱۰/۰۲", due: "1405/10/07", dueFa: "۱۴۰۵/۱۰/۰۷" });
    const told = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:pause:`));
    expect(told.at(-1)?.text).toBe(
      `▶️ پرونده ${trackingCode} دیگر در انتظار تولیدکننده نیست و ساعت اقدام شما دوباره به کار افتاد. مهلت ۴ روز کاری جابه‌جا شد: دوشنبه ۷ دی ۱۴۰۵ (۵ روز مانده)`,
    );
    expect(told.at(-1)?.callbacks).toEqual([`t:o:${taskId}`]);
  });

  it("after the wait: the task card shows the moved date and why, the cards whom the case waits on now", async () => {
    const card = await openTaskCard(official());
    expect(card).toContain("مهلت: دوشنبه ۷ دی ۱۴۰۵");
    expect(card).toContain("↪️ مهلت ۴ روز کاری جابه‌جا شد (انتظار برای تولیدکننده، از ۲۶ آذر ۱۴۰۵ ساعت ۱۱:۰۰ تا ۲ دی ۱۴۰۵ ساعت ۱۰:۱۵).");
    expect(card).toContain(`⏳ در انتظار: ${gas.nameFa}`);
    expect(card).not.toContain("⏸ ساعت از");
    expect(card).toContain("ساعت دستگاه اجرایی دوباره به کار افتاد (در انتظار تولیدکننده بود): مهلت ۴ روز کاری جابه‌جا شد، ۱۴۰۵/۱۰/۰۲ ← ۱۴۰۵/۱۰/۰۷.");

    const staff = desk();
    await staff.press(`q:open:${caseId}`);
    expect(staff.lastText()).toContain(`⏳ Waiting on: the working group's secretariat, ${gas.nameEn}\n`);
    expect(staff.lastText()).not.toContain("clock paused since");
    expect(staff.lastText()).toContain("The agency's clock resumed (it waited on the producer): due date moved by 4 working days, 1405/10/02 → 1405/10/07.");

    expect(await openProducerCard()).toContain(`⏳ در انتظار: دبیرخانه کارگروه، ${gas.nameFa}\n`);
  });

  it("reminders resume on the new schedule: a restart rebuilds it, a stale job does nothing, none fires twice", async () => {
    await env.container.queues.timers.obliterate({ force: true });
    await reconcileReminders(env.container);
    expect(await pendingJobs(env.clock.now())).toEqual(expectedJobs(2, DUE_ON_7_DEY));

    env.clock.set(new Date(DUE_ON_7_DEY["before:-2"]));
    expect(await fireTaskReminder(reminder("before:-2", 1), env.container)).toBe("skipped");
    expect(await fireTaskReminder(reminder("before:-2", 2), env.container)).toBe("sent");
    expect(await fireTaskReminder(reminder("before:-2", 2), env.container)).toBe("sent");
    const sent = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${taskId}:v`));
    expect(sent.map((n) => n.dedupeKey)).toEqual([`task:${taskId}:v2:before:-2:${world.official.telegramId}`]);
  });

  it("statistics count the agency's response time net of the wait", async () => {
    env.clock.set(at(10, 5, 10)); // ten days after the assignment, six of them (less 45 minutes) waiting on the producer
    await completeTask(env.container, world.official.id, taskId, { text: "The cut-off was withdrawn; the instalment plan stands." });
    const stats = await groupStatistics(env.container, world.workingGroupId, statisticsPeriod("year", env.clock.now()));
    expect(stats.agencyResponse).toEqual([
      { agencyId: world.gasAgencyId, nameFa: gas.nameFa, nameEn: gas.nameEn, responded: 1, medianResponseMs: 240 * HOUR, medianNetResponseMs: 96.75 * HOUR },
    ]);
    const chair = harness.user(world.chair.telegramId, { languageCode: "fa", firstName: "Raees" });
    await chair.send("/stats");
    await chair.tap("امسال");
    expect(chair.lastText()).toContain("زمان پاسخ‌گویی (میانه) ۱۰ روز · بدون زمان انتظار برای دیگران ۴ روز");
  });
});
