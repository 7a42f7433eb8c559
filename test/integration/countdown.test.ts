/**
 * The countdown to the irreversible date (issue 11, items 1–2), on real PostgreSQL and Redis
 * with the injected clock. Seed 000: act *before* a problem "becomes irreversible".
 *
 * A bank case reported on Wed 11 Azar 1405 (2 Dec 2026), 10:30 Tehran, whose loan defaults at
 * the end of 15 Dey 1405 (Tue 5 Jan 2027, Mab'ath: a public holiday): 34 days left → "low".
 * Thresholds 30 / 7 / 3 days (the defaults):
 *   normal   from 15 Azar (Sun 6 Dec)  → 08:00 Tehran = 04:30Z
 *   high     from  8 Dey  (Tue 29 Dec) → 04:30Z
 *   critical from 12 Dey  (Sat 2 Jan)  → 04:30Z
 * The date itself is a holiday: the producer is asked the next working morning, 16 Dey
 * (Wed 6 Jan 2027) 08:00 Tehran.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "bullmq";
import { endOfJalaliDay } from "../../src/domain/jalali";
import { handleTimer } from "../../src/jobs/timers";
import type { TimerJobData } from "../../src/jobs/queues";
import { countdownStepJobId, dateCheckJobId, reconcileCountdowns } from "../../src/services/countdown";
import { submitCase } from "../../src/services/cases";
import { groupStatistics, statisticsPeriod } from "../../src/services/statistics";
import { addInternalNote, rejectCase, resolveCase } from "../../src/services/triage";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

const REPORTED = new Date("2026-12-02T07:00:00Z");
const DEFAULT_DATE = endOfJalaliDay({ year: 1405, month: 10, day: 15 });

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(REPORTED), workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7600, group: "KRM", legalIdPrefix: "1038028476" });
});
afterAll(async () => env.cleanup());

async function reportBankCase(irreversibleAt: Date | null, description = "The bank will declare our working-capital loan in default; the instalments were rescheduled (امهال) but not recorded."): Promise<number> {
  const submitted = await submitCase(env.container, world.producer.id, {
    unitId: world.unitId,
    category: "bank",
    subcategory: "overdue_loan",
    agencyId: world.bankAgencyId,
    irreversibleAt: irreversibleAt?.toISOString() ?? null,
    amountRials: null,
    description,
    attachments: [],
  });
  return submitted.caseId;
}

/** The case's pending countdown jobs: id → when due (by the injected clock at `addedAt`). */
async function countdownJobs(caseId: number): Promise<Record<string, string>> {
  const jobs = (await env.container.queues.timers.getJobs(["delayed", "wait", "prioritized"])) as Array<Job<TimerJobData>>;
  return Object.fromEntries(
    jobs
      .filter((job) => (job.data.type === "countdown-step" || job.data.type === "date-check") && job.data.caseId === caseId)
      .map((job) => [String(job.id), new Date(job.timestamp + job.delay).toISOString()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const caseRow = (caseId: number) => env.container.db.case.findUniqueOrThrow({ where: { id: caseId } });
const eventsOf = async (caseId: number) =>
  (await env.container.db.caseEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } })).map((e) => e.type);

/** Runs a timer job as the timers worker does (payload schema included). */
async function fire(data: TimerJobData, at: Date): Promise<void> {
  env.clock.set(at);
  await handleTimer(data, env.container);
}

describe("a live countdown to the irreversible date", () => {
  let caseId: number;
  const dateMs = DEFAULT_DATE.getTime();

  it("plans the first rise and the date check when the case is reported", async () => {
    // BullMQ delays count from the real clock; the job's timestamp + delay is the planned instant
    // only because the scheduler computes the delay from the injected clock: compare that way.
    caseId = await reportBankCase(DEFAULT_DATE);
    const row = await caseRow(caseId);
    expect(row.urgency).toBe("low");
    const jobs = await countdownJobs(caseId);
    expect(Object.keys(jobs)).toEqual([countdownStepJobId(caseId, dateMs, "normal"), dateCheckJobId(caseId, dateMs)].sort());
    // The delays were computed from the injected clock (REPORTED), not from the wall clock.
    const jobList = (await env.container.queues.timers.getJobs(["delayed"])) as Array<Job<TimerJobData>>;
    const delays = Object.fromEntries(jobList.filter((j) => "caseId" in j.data && j.data.caseId === caseId).map((j) => [String(j.id), new Date(REPORTED.getTime() + j.delay).toISOString()]));
    expect(delays).toEqual({
      [countdownStepJobId(caseId, dateMs, "normal")]: "2026-12-06T04:30:00.000Z",
      [dateCheckJobId(caseId, dateMs)]: "2027-01-06T04:30:00.000Z",
    });
  });

  it("raises the urgency on its own and warns the secretariat while nobody has acted", async () => {
    const before = (await noticesTo(env.container, world.secretariat.telegramId)).length;
    await fire({ type: "countdown-step", caseId, dateMs, urgency: "normal" }, new Date("2026-12-06T04:30:00Z"));
    expect((await caseRow(caseId)).urgency).toBe("normal");
    expect(await eventsOf(caseId)).toContain("urgency_raised");
    const warned = (await noticesTo(env.container, world.secretariat.telegramId)).slice(before);
    expect(warned).toHaveLength(1);
    // The secretariat member reads English: 30 days left, 24 of them working days (Fridays and
    // the holidays of 1 and 15 Dey do not count).
    expect(warned[0]!.text).toContain("nearing its irreversible date: 24 working days (30 days) left");
    expect(warned[0]!.text).toContain('urgency rose to "Normal"');
    expect(warned[0]!.callbacks).toEqual([`q:open:${caseId}`]);
    expect(warned[0]!.kind).toBe("ALERT");
    // The next threshold is planned, at the working morning of 8 Dey.
    expect(Object.keys(await countdownJobs(caseId))).toContain(countdownStepJobId(caseId, dateMs, "high"));

    // The same job again (a retry, a second worker): nothing more.
    await fire({ type: "countdown-step", caseId, dateMs, urgency: "normal" }, new Date("2026-12-06T04:31:00Z"));
    expect((await noticesTo(env.container, world.secretariat.telegramId)).length).toBe(before + 1);
    expect((await eventsOf(caseId)).filter((t) => t === "urgency_raised")).toHaveLength(1);
  });

  it("rises again but stays quiet once the secretariat has acted on the case", async () => {
    env.clock.set(new Date("2026-12-07T06:00:00Z"));
    await addInternalNote(env.container, await sessionUserOf(env.container, world.secretariat), caseId, { text: "Called the bank's branch manager; a letter follows." });
    const before = (await noticesTo(env.container, world.secretariat.telegramId)).length;
    await fire({ type: "countdown-step", caseId, dateMs, urgency: "high" }, new Date("2026-12-29T04:30:00Z"));
    expect((await caseRow(caseId)).urgency).toBe("high");
    expect((await noticesTo(env.container, world.secretariat.telegramId)).length).toBe(before);
    expect(Object.keys(await countdownJobs(caseId))).toContain(countdownStepJobId(caseId, dateMs, "critical"));
  });

  it("asks the producer at the date (the next working morning after a holiday), once", async () => {
    await fire({ type: "date-check", caseId, dateMs }, new Date("2027-01-06T04:30:00Z"));
    await fire({ type: "date-check", caseId, dateMs }, new Date("2027-01-06T04:35:00Z"));
    const asked = (await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.dedupeKey.startsWith(`case:${caseId}:datecheck:`));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain("آیا اتفاق افتاد؟");
    expect(asked[0]!.text).toContain("1405/10/15");
    expect(asked[0]!.callbacks).toEqual([`cd:a:${caseId}:${dateMs}:averted`, `cd:a:${caseId}:${dateMs}:happened`, `cd:a:${caseId}:${dateMs}:postponed`]);
    expect((await eventsOf(caseId)).filter((t) => t === "date_check_asked")).toHaveLength(1);
  });

  it("a postponement is checked, restarts the countdown and tells the secretariat", async () => {
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(`cd:a:${caseId}:${dateMs}:postponed`);
    expect(producer.lastText()).toContain("تاریخ جدید را به شمسی بنویسید");

    await producer.send("۱۴۰۵/۱۰/۰۱"); // in the past
    expect(producer.lastText()).toContain("تاریخ جدید را به شمسی بنویسید");
    expect(producer.textsSince(0).some((t) => t.includes("این تاریخ گذشته است"))).toBe(true);
    await producer.send("1409/01/01"); // beyond the two-year horizon
    expect(producer.textsSince(0).some((t) => t.includes("بیش از ۷۳۰ روز") || t.includes("بیش از 730 روز"))).toBe(true);
    expect((await caseRow(caseId)).irreversibleAt?.getTime()).toBe(dateMs);

    const before = (await noticesTo(env.container, world.secretariat.telegramId)).length;
    await producer.send("۱۴۰۵/۱۱/۱۰");
    expect(producer.lastText()).toContain("به 1405/11/10 تغییر کرد");
    const row = await caseRow(caseId);
    const newDate = endOfJalaliDay({ year: 1405, month: 11, day: 10 });
    expect(row.irreversibleAt?.toISOString()).toBe(newDate.toISOString());
    // 24 days from 16 Dey to 10 Bahman: the countdown starts over at "normal".
    expect(row.urgency).toBe("normal");
    expect(await eventsOf(caseId)).toContain("irreversible_postponed");
    const told = (await noticesTo(env.container, world.secretariat.telegramId)).slice(before);
    expect(told.map((n) => n.text)).toEqual([expect.stringContaining("moved the irreversible date from 1405/10/15 to 1405/11/10")]);
    const jobs = Object.keys(await countdownJobs(caseId));
    expect(jobs).toContain(countdownStepJobId(caseId, newDate.getTime(), "high"));
    expect(jobs).toContain(dateCheckJobId(caseId, newDate.getTime()));
  });

  it("jobs and buttons of the old date do nothing", async () => {
    const notices = (await noticesTo(env.container, world.producer.telegramId)).length;
    await fire({ type: "date-check", caseId, dateMs }, new Date("2027-01-07T04:30:00Z"));
    await fire({ type: "countdown-step", caseId, dateMs, urgency: "critical" }, new Date("2027-01-07T04:30:00Z"));
    expect((await noticesTo(env.container, world.producer.telegramId)).length).toBe(notices);
    expect((await caseRow(caseId)).urgency).toBe("normal");
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(`cd:a:${caseId}:${dateMs}:happened`);
    expect(producer.lastText()).toContain("پس از این پرسش تغییر کرده است");
    expect((await caseRow(caseId)).irreversibleOutcome).toBeNull();
  });

  it('"it happened" is recorded once, counted, and raised to the chair at once', async () => {
    const newMs = endOfJalaliDay({ year: 1405, month: 11, day: 10 }).getTime();
    // 10 Bahman is a Saturday, a working day: asked at its 08:00.
    await fire({ type: "date-check", caseId, dateMs: newMs }, new Date("2027-01-30T04:30:00Z"));
    const question = (await noticesTo(env.container, world.producer.telegramId)).at(-1)!;
    expect(question.callbacks).toContain(`cd:a:${caseId}:${newMs}:happened`);

    const stranger = harness.user(world.bankOfficial.telegramId);
    await stranger.press(`cd:a:${caseId}:${newMs}:averted`);
    expect(stranger.lastText()).toContain("پیدا نشد");

    const chairBefore = (await noticesTo(env.container, world.chair.telegramId)).length;
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(`cd:a:${caseId}:${newMs}:happened`);
    // The question's own message is edited to say what was answered.
    const last = harness.telegram.calls.at(-1)!;
    expect(last.method).toBe("editMessageText");
    expect(String(last.payload.text)).toContain("به رئیس کارگروه و دبیرخانه گزارش شد");
    const row = await caseRow(caseId);
    expect(row.irreversibleOutcome).toBe("happened");
    expect(row.urgency).toBe("critical");
    const chair = (await noticesTo(env.container, world.chair.telegramId)).slice(chairBefore);
    expect(chair).toHaveLength(1);
    expect(chair[0]!.text).toContain("غیرقابل‌بازگشت شد");
    expect(chair[0]!.kind).toBe("ESCALATION");

    await producer.press(`cd:a:${caseId}:${newMs}:averted`);
    expect(producer.lastText()).toContain("پیش‌تر پاسخ داده شده است");
    expect((await caseRow(caseId)).irreversibleOutcome).toBe("happened");
    // Answered: the countdown has stopped, nothing is planned again.
    expect(await reconcileCountdowns(env.container)).toMatchObject({ cases: 0 });
  });

  it("the statistics count the cases saved before their date and the cases lost", async () => {
    // A second case, due 20 Bahman, is averted; a third, due 25 Bahman, resolved before its date.
    env.clock.set(new Date("2027-02-01T06:00:00Z"));
    const averted = await reportBankCase(endOfJalaliDay({ year: 1405, month: 11, day: 20 }), "Social security will seize the account for the insurance debt (بخشودگی جرائم requested).");
    const resolved = await reportBankCase(endOfJalaliDay({ year: 1405, month: 11, day: 25 }), "The electricity company's cut-off warning for the second line; the bill was disputed.");
    const avertedMs = endOfJalaliDay({ year: 1405, month: 11, day: 20 }).getTime();
    env.clock.set(new Date("2027-02-09T04:30:00Z"));
    await harness.user(world.producer.telegramId).press(`cd:a:${averted}:${avertedMs}:averted`);
    expect((await caseRow(averted)).irreversibleOutcome).toBe("averted");
    await resolveCase(env.container, await sessionUserOf(env.container, world.secretariat), resolved, { outcome: "The disputed bill was settled by instalments." });

    env.clock.set(new Date("2027-02-19T08:00:00Z")); // 30 Bahman: every date of the month has passed
    const stats = await groupStatistics(env.container, world.workingGroupId, statisticsPeriod("month", env.clock.now()));
    expect(stats.irreversible).toEqual({ due: 3, saved: 2, lost: 1, unknown: 0, reportedAfterDate: 0 });
  });
});

describe("the countdown's timers survive Redis and end with the case", () => {
  it("reconciles lost timers from PostgreSQL and plans nothing for rejected cases or cases without a date", async () => {
    env.clock.set(REPORTED);
    const open = await reportBankCase(DEFAULT_DATE, "The bank refuses to renew the guarantee (ضمانت‌نامه) for our export order.");
    const rejected = await reportBankCase(DEFAULT_DATE, "The tax office froze the account over a disputed assessment.");
    const undated = await reportBankCase(null, "Raw material import permit stuck at customs for three weeks.");
    await rejectCase(env.container, await sessionUserOf(env.container, world.secretariat), rejected, { reason: "not_in_remit", text: "The tax office's own dispute board" });
    await env.container.queues.timers.obliterate({ force: true });
    expect(await countdownJobs(open)).toEqual({});

    const result = await reconcileCountdowns(env.container);
    expect(result).toEqual({ cases: 1, timers: 2 });
    expect(Object.keys(await countdownJobs(open))).toEqual([countdownStepJobId(open, DEFAULT_DATE.getTime(), "normal"), dateCheckJobId(open, DEFAULT_DATE.getTime())].sort());
    expect(await countdownJobs(rejected)).toEqual({});
    expect(await countdownJobs(undated)).toEqual({});
    // Again: the same ids, nothing doubled.
    await reconcileCountdowns(env.container);
    expect(Object.keys(await countdownJobs(open))).toHaveLength(2);

    // A job of a case closed meanwhile does nothing.
    await fire({ type: "countdown-step", caseId: rejected, dateMs: DEFAULT_DATE.getTime(), urgency: "normal" }, new Date("2026-12-06T04:30:00Z"));
    expect((await caseRow(rejected)).urgency).toBe("low");
  });
});
