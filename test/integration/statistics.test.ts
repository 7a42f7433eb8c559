/**
 * The statistics desk on a small fixed data set (Kerman's working group, with Khuzestan's
 * numbers alongside that must never leak in), the clock at Sunday 15 Azar 1405, 10:30 Tehran:
 * exact numbers from the service for this month, this season and this year; the chair reads
 * them in /stats (Persian digits) and gets the agency table as a CSV file; the secretariat
 * reads them in English; producers, officials, revoked members and another group's
 * secretariat (even with forged buttons) get nothing.
 */
import type { InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import type { CaseStatus, MeetingKind, MeetingStatus, ResolutionType, TaskStatus, Urgency } from "../../src/generated/prisma/enums";
import { groupStatistics, statisticsPeriod } from "../../src/services/statistics";
import { forgetUsers } from "../../src/services/user-cache";
import { buttonsOf, createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

// Sunday 15 Azar 1405, 10:30 in Tehran.
const NOW = new Date("2026-12-06T07:00:00Z");
const HOUR = 3_600_000;

let env: TestEnv;
let harness: TestBot;
let krm: TaskWorld;
let khz: TaskWorld;
let qom: TaskWorld;
let gasName: string;
let bankName: string;

/** A Tehran wall-clock time on a Jalali day of 1404/1405. */
const at = (date: string, time = "00:00"): Date => {
  const [year, month, day] = date.split("/").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return jalaliToInstant({ year, month, day }, { hour, minute });
};
/** A due date: the end of that Jalali day in Tehran (as createTask stores it). */
const due = (date: string): Date => {
  const [year, month, day] = date.split("/").map(Number) as [number, number, number];
  return endOfJalaliDay({ year, month, day });
};

let sequence = 0;

async function unit(world: TaskWorld, name: string, legalIdPrefix: string): Promise<number> {
  const row = await env.container.db.productionUnit.create({
    data: {
      workingGroupId: world.workingGroupId,
      name,
      legalId: legalEntityIdFrom(legalIdPrefix),
      county: "کرمان",
      sector: "INDUSTRY",
      activityStatus: "ACTIVE",
      employees: 20,
    },
  });
  return row.id;
}

interface CaseSpec {
  unitId: number;
  category: string;
  urgency: Urgency;
  status: CaseStatus;
  submittedAt: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  /** Hours after submission of the secretariat's first event. */
  firstActionAfterHours?: number;
}

/** A case with its "submitted" event by the reporter and, optionally, the secretariat's first action. */
async function caseOf(world: TaskWorld, spec: CaseSpec): Promise<number> {
  sequence += 1;
  const db = env.container.db;
  const code = (await db.workingGroup.findUniqueOrThrow({ where: { id: world.workingGroupId } })).code;
  const row = await db.case.create({
    data: {
      trackingCode: `${code}-1405-${String(90000 + sequence)}`,
      workingGroupId: world.workingGroupId,
      unitId: spec.unitId,
      reporterId: world.producer.id,
      category: spec.category,
      description: "A problem reported for the statistics test.",
      status: spec.status,
      urgency: spec.urgency,
      submittedAt: spec.submittedAt,
      createdAt: spec.submittedAt,
      resolvedAt: spec.resolvedAt ?? null,
      closedAt: spec.closedAt ?? null,
    },
  });
  await db.caseEvent.create({ data: { caseId: row.id, actorId: world.producer.id, type: "submitted", createdAt: spec.submittedAt } });
  if (spec.firstActionAfterHours !== undefined) {
    await db.caseEvent.create({
      data: {
        caseId: row.id,
        actorId: world.secretariat.id,
        type: "taken",
        createdAt: new Date(spec.submittedAt.getTime() + spec.firstActionAfterHours * HOUR),
      },
    });
  }
  return row.id;
}

interface TaskSpec {
  caseId: number;
  agencyId: number;
  createdAt: Date;
  dueAt: Date;
  status: TaskStatus;
  completedAt?: Date;
  refusalReason?: string;
  resolutionId?: number;
}

async function taskOf(world: TaskWorld, spec: TaskSpec): Promise<number> {
  const row = await env.container.db.task.create({
    data: {
      caseId: spec.caseId,
      workingGroupId: world.workingGroupId,
      agencyId: spec.agencyId,
      title: "Statistics test task",
      createdAt: spec.createdAt,
      dueAt: spec.dueAt,
      status: spec.status,
      completedAt: spec.completedAt ?? null,
      refusalReason: spec.refusalReason ?? null,
      resolutionId: spec.resolutionId ?? null,
      createdById: world.secretariat.id,
    },
  });
  return row.id;
}

let meetingNumber = 0;

async function meetingOf(world: TaskWorld, kind: MeetingKind, status: MeetingStatus, when: Date): Promise<number> {
  meetingNumber += 1;
  const row = await env.container.db.meeting.create({
    data: {
      workingGroupId: world.workingGroupId,
      kind,
      number: meetingNumber,
      jalaliYear: 1405,
      startsAt: when,
      place: "سالن جلسات استانداری",
      status,
      heldAt: status === "HELD" ? when : null,
      createdById: world.secretariat.id,
    },
  });
  return row.id;
}

async function resolutionOf(world: TaskWorld, meetingId: number, caseId: number, type: ResolutionType, createdAt: Date, agencyId?: number): Promise<number> {
  const db = env.container.db;
  const item = await db.agendaItem.upsert({
    where: { meetingId_caseId: { meetingId, caseId } },
    create: { meetingId, caseId, position: 1 },
    update: {},
  });
  const row = await db.resolution.create({
    data: { meetingId, agendaItemId: item.id, caseId, text: "مصوبه آزمایشی", type, agencyId: agencyId ?? null, createdById: world.secretariat.id, createdAt },
  });
  return row.id;
}

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(NOW), workingGroups: ["KRM", "KHZ", "QOM"] });
  harness = createTestBot(env.container);
  krm = await seedTaskWorld(env.container, { base: 8_600_000_000, group: "KRM", legalIdPrefix: "1460101234" });
  khz = await seedTaskWorld(env.container, { base: 8_600_000_100, group: "KHZ", legalIdPrefix: "1460201234" });
  const db = env.container.db;
  gasName = (await db.agency.findUniqueOrThrow({ where: { id: krm.gasAgencyId } })).nameFa;
  bankName = (await db.agency.findUniqueOrThrow({ where: { id: krm.bankAgencyId } })).nameFa;

  const unit1 = krm.unitId;
  const unit2 = await unit(krm, "Kerman Copper Wire", "1460101235");
  const unit3 = await unit(krm, "Rafsanjan Pistachio Packing", "1460101236");
  // A second representative of unit 1: a producer too, whose events are not the secretariat's.
  const partner = await db.user.create({ data: { telegramId: "8600000050", firstName: "Partner", language: "fa" } });
  await db.unitRepresentative.create({ data: { userId: partner.id, unitId: unit1 } });

  // Cases. This month (Azar): A, B, C. This season (Mehr–Azar) also D, E, F, J. This year also G.
  const A = await caseOf(krm, { unitId: unit1, category: "utility_cutoff", urgency: "critical", status: "in_progress", submittedAt: at("1405/09/02", "09:00"), firstActionAfterHours: 2 });
  // Before the secretariat acted on A: a system event (no actor), the reporter and the unit's partner wrote.
  await db.caseEvent.createMany({
    data: [
      { caseId: A, actorId: null, type: "task_escalated", createdAt: at("1405/09/02", "09:30") },
      { caseId: A, actorId: krm.producer.id, type: "info_answered", createdAt: at("1405/09/02", "10:00") },
      { caseId: A, actorId: partner.id, type: "info_answered", createdAt: at("1405/09/02", "10:30") },
    ],
  });
  const B = await caseOf(krm, { unitId: unit1, category: "bank", urgency: "high", status: "resolved", submittedAt: at("1405/09/03", "08:00"), firstActionAfterHours: 24, resolvedAt: at("1405/09/10", "08:00") });
  const C = await caseOf(krm, { unitId: unit2, category: "bank", urgency: "normal", status: "rejected", submittedAt: at("1405/09/05", "10:00"), firstActionAfterHours: 4 });
  // One minute before Azar in Tehran (the UTC date is already 21 November): Aban, so the season only.
  await caseOf(krm, { unitId: unit2, category: "tax", urgency: "normal", status: "submitted", submittedAt: at("1405/08/30", "23:59") });
  const E = await caseOf(krm, { unitId: unit1, category: "bank", urgency: "critical", status: "closed", submittedAt: at("1405/08/10", "09:00"), firstActionAfterHours: 6, resolvedAt: at("1405/08/20", "09:00"), closedAt: at("1405/08/25", "09:00") });
  await caseOf(krm, { unitId: unit1, category: "other", urgency: "normal", status: "duplicate", submittedAt: at("1405/07/01", "00:30"), firstActionAfterHours: 1 });
  // Reported in Aban, resolved in Azar: counts for this month's time to resolution.
  await caseOf(krm, { unitId: unit2, category: "permits", urgency: "normal", status: "resolved", submittedAt: at("1405/08/28", "09:00"), firstActionAfterHours: 0.5, resolvedAt: at("1405/09/04", "09:00") });
  await caseOf(krm, { unitId: unit3, category: "social_security", urgency: "normal", status: "closed", submittedAt: at("1405/04/10", "10:00"), firstActionAfterHours: 3, resolvedAt: at("1405/04/12", "10:00"), closedAt: at("1405/04/13", "10:00") });
  // Last year: never counted.
  await caseOf(krm, { unitId: unit1, category: "bank", urgency: "normal", status: "submitted", submittedAt: at("1404/12/25", "10:00"), firstActionAfterHours: 1 });

  // Meetings: two committees held in Azar (one with four resolutions), a working group in
  // Aban (three resolutions); a scheduled and a cancelled one do not count.
  const m1 = await meetingOf(krm, "COMMITTEE", "HELD", at("1405/09/08", "11:00"));
  const m2 = await meetingOf(krm, "WORKING_GROUP", "HELD", at("1405/08/15", "11:00"));
  await meetingOf(krm, "COMMITTEE", "SCHEDULED", at("1405/09/22", "09:00"));
  await meetingOf(krm, "WORKING_GROUP", "CANCELLED", at("1405/09/11", "09:00"));
  await meetingOf(krm, "COMMITTEE", "HELD", at("1405/09/12", "09:00"));
  const r1 = await resolutionOf(krm, m1, A, "TASK", at("1405/09/08", "12:00"), krm.gasAgencyId);
  const r2 = await resolutionOf(krm, m1, C, "TASK", at("1405/09/08", "12:00"), krm.bankAgencyId);
  const r3 = await resolutionOf(krm, m1, A, "TASK", at("1405/09/08", "12:00"), krm.gasAgencyId);
  await resolutionOf(krm, m1, C, "DECISION", at("1405/09/08", "12:00"));
  const r5 = await resolutionOf(krm, m2, E, "TASK", at("1405/08/15", "12:00"), krm.bankAgencyId);
  const r6 = await resolutionOf(krm, m2, E, "TASK", at("1405/08/15", "12:00"), krm.gasAgencyId);
  await resolutionOf(krm, m2, E, "INFORMATION", at("1405/08/15", "12:00"));

  // Tasks of the gas company.
  const gas = krm.gasAgencyId;
  const t1 = await taskOf(krm, { caseId: A, agencyId: gas, createdAt: at("1405/09/02", "12:00"), dueAt: due("1405/09/06"), status: "done", completedAt: at("1405/09/05", "10:00") });
  const t2 = await taskOf(krm, { caseId: A, agencyId: gas, createdAt: at("1405/09/02", "12:00"), dueAt: due("1405/09/04"), status: "done", completedAt: at("1405/09/07", "10:00") });
  await taskOf(krm, { caseId: A, agencyId: gas, createdAt: at("1405/09/08", "12:00"), dueAt: due("1405/09/10"), status: "acknowledged", resolutionId: r1 });
  const t4 = await taskOf(krm, { caseId: A, agencyId: gas, createdAt: at("1405/09/08", "12:00"), dueAt: due("1405/09/20"), status: "in_progress", resolutionId: r3 });
  const t9 = await taskOf(krm, { caseId: E, agencyId: gas, createdAt: at("1405/08/15", "12:00"), dueAt: due("1405/08/25"), status: "done", completedAt: at("1405/08/24", "10:00"), resolutionId: r6 });
  await taskOf(krm, { caseId: B, agencyId: gas, createdAt: at("1405/09/03", "12:00"), dueAt: due("1405/09/05"), status: "cancelled" });
  await taskOf(krm, { caseId: B, agencyId: gas, createdAt: at("1405/09/04", "12:00"), dueAt: due("1405/09/07"), status: "open" });
  // Tasks of the bank.
  const bank = krm.bankAgencyId;
  await taskOf(krm, { caseId: C, agencyId: bank, createdAt: at("1405/09/05", "12:00"), dueAt: due("1405/09/12"), status: "refused", completedAt: at("1405/09/06", "10:00"), refusalReason: "طرح فاقد توجیه اقتصادی است و وثیقه کافی ارائه نشده است." });
  await taskOf(krm, { caseId: C, agencyId: bank, createdAt: at("1405/09/08", "12:00"), dueAt: due("1405/09/09"), status: "open", resolutionId: r2 });
  await taskOf(krm, { caseId: B, agencyId: bank, createdAt: at("1405/09/03", "12:00"), dueAt: due("1405/09/12"), status: "done_pending_review", completedAt: at("1405/09/09", "10:00") });
  const t8 = await taskOf(krm, { caseId: E, agencyId: bank, createdAt: at("1405/08/15", "12:00"), dueAt: due("1405/08/30"), status: "open", resolutionId: r5 });

  await db.extensionRequest.createMany({
    data: [
      { taskId: t4, requestedById: krm.official.id, newDueAt: due("1405/09/25"), reason: "نیاز به بازدید", status: "PENDING", createdAt: at("1405/09/10", "10:00") },
      { taskId: t8, requestedById: krm.bankOfficial.id, newDueAt: due("1405/09/10"), reason: "نیاز به مصوبه کمیته اعتباری", status: "REFUSED", createdAt: at("1405/08/28", "10:00") },
      { taskId: t8, requestedById: krm.bankOfficial.id, newDueAt: due("1405/09/30"), reason: "نیاز به مصوبه کمیته اعتباری", status: "PENDING", createdAt: at("1405/09/14", "10:00") },
    ],
  });
  await db.rating.createMany({
    data: [
      { caseId: A, taskId: t1, userId: krm.producer.id, score: 5, createdAt: at("1405/09/06", "10:00") },
      { caseId: A, taskId: t2, userId: krm.producer.id, score: 2, createdAt: at("1405/09/08", "10:00") },
      { caseId: E, taskId: t9, userId: krm.producer.id, score: 4, createdAt: at("1405/08/26", "10:00") },
    ],
  });

  // Khuzestan in Azar: a case, an overdue resolution task of its gas company, a held
  // meeting and a rating. None of it may show up in Kerman's numbers.
  const x = await caseOf(khz, { unitId: khz.unitId, category: "bank", urgency: "critical", status: "assigned", submittedAt: at("1405/09/03", "09:00"), firstActionAfterHours: 1 });
  const xm = await meetingOf(khz, "WORKING_GROUP", "HELD", at("1405/09/04", "10:00"));
  const xr = await resolutionOf(khz, xm, x, "TASK", at("1405/09/04", "12:00"), khz.gasAgencyId);
  const xt = await taskOf(khz, { caseId: x, agencyId: khz.gasAgencyId, createdAt: at("1405/09/04", "12:00"), dueAt: due("1405/09/06"), status: "open", resolutionId: xr });
  await db.rating.create({ data: { caseId: x, taskId: xt, userId: khz.producer.id, score: 1, createdAt: at("1405/09/07", "10:00") } });

  // Qom: a task for every one of its agencies, each overdue by a different number of days, so
  // the report runs past one Telegram message.
  qom = await seedTaskWorld(env.container, { base: 8_600_000_200, group: "QOM", legalIdPrefix: "1460301234" });
  const q = await caseOf(qom, { unitId: qom.unitId, category: "bank", urgency: "high", status: "assigned", submittedAt: at("1405/09/01", "09:00") });
  const qomAgencies = await db.agency.findMany({ where: { workingGroupId: qom.workingGroupId }, orderBy: { id: "asc" } });
  for (const [index, agency] of qomAgencies.entries()) {
    await taskOf(qom, { caseId: q, agencyId: agency.id, createdAt: at("1405/09/01", "12:00"), dueAt: due(`1405/09/${String(index % 14 + 1).padStart(2, "0")}`), status: "open" });
  }
});
afterAll(async () => env.cleanup());

const persian = (text: string) => text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);

describe("groupStatistics: exact numbers", () => {
  it("this month (Azar 1405)", async () => {
    const stats = await groupStatistics(env.container, krm.workingGroupId, statisticsPeriod("month", NOW));
    expect(stats.period).toMatchObject({ kind: "month", year: 1405, month: 9 });
    expect(stats.cases).toEqual({
      reported: 3,
      byStatus: { open: 1, resolved: 1, closed: 0, rejected: 1, duplicate: 0 },
      byCategory: [
        { category: "bank", count: 2 },
        { category: "utility_cutoff", count: 1 },
      ],
      critical: 1,
      units: 2,
      // 2 h (A: the system, the reporter and the unit's partner do not count), 24 h (B), 4 h (C).
      medianFirstActionMs: 4 * HOUR,
      // Resolved in Azar: B after 168 h and J (reported in Aban) after 144 h.
      medianResolutionMs: 156 * HOUR,
    });
    expect(stats.meetings).toEqual({
      held: { COMMITTEE: 2, WORKING_GROUP: 0 },
      resolutions: { total: 4, byType: { TASK: 3, DECISION: 1, INFORMATION: 0 }, tasks: { open: 1, done: 0, overdue: 2 } },
    });
    expect(stats.agencies).toEqual([
      {
        agencyId: krm.gasAgencyId,
        nameFa: gasName,
        nameEn: expect.any(String),
        assigned: 6,
        done: 2,
        doneOnTime: 1,
        refused: 0,
        refusedWithReason: 0,
        open: 1,
        overdue: 2,
        cancelled: 1,
        onTimeRate: 0.25,
        averageDaysLate: 16 / 3, // 3 (done late), 5 and 8 (overdue now)
        extensionRequests: 1,
      },
      {
        agencyId: krm.bankAgencyId,
        nameFa: bankName,
        nameEn: expect.any(String),
        assigned: 3,
        done: 0,
        doneOnTime: 0,
        refused: 1,
        refusedWithReason: 1,
        open: 1, // reported done, awaiting the secretariat's review
        overdue: 1,
        cancelled: 0,
        onTimeRate: 0,
        averageDaysLate: 6,
        extensionRequests: 0,
      },
    ]);
    expect(stats.overdueResolutions).toEqual([
      { agencyId: krm.bankAgencyId, nameFa: bankName, nameEn: expect.any(String), count: 2, oldestDaysOverdue: 15 },
      { agencyId: krm.gasAgencyId, nameFa: gasName, nameEn: expect.any(String), count: 1, oldestDaysOverdue: 5 },
    ]);
    expect(stats.ratings).toEqual({ count: 2, average: 3.5 });
  });

  it("this season (Mehr–Azar 1405): the quarterly report; the bank is now the worst", async () => {
    const stats = await groupStatistics(env.container, krm.workingGroupId, statisticsPeriod("season", NOW));
    expect(stats.cases).toEqual({
      reported: 7,
      byStatus: { open: 2, resolved: 2, closed: 1, rejected: 1, duplicate: 1 },
      byCategory: [
        { category: "bank", count: 3 },
        // Ties in the taxonomy's order, "other" last.
        { category: "utility_cutoff", count: 1 },
        { category: "tax", count: 1 },
        { category: "permits", count: 1 },
        { category: "other", count: 1 },
      ],
      critical: 2,
      units: 2,
      medianFirstActionMs: 3 * HOUR, // 0.5, 1, 2, 4, 6, 24 h
      medianResolutionMs: 168 * HOUR, // 144, 168, 240 h
    });
    expect(stats.meetings).toEqual({
      held: { COMMITTEE: 2, WORKING_GROUP: 1 },
      resolutions: { total: 7, byType: { TASK: 5, DECISION: 1, INFORMATION: 1 }, tasks: { open: 1, done: 1, overdue: 3 } },
    });
    expect(stats.agencies.map((a) => [a.agencyId, a.assigned, a.done, a.doneOnTime, a.refused, a.open, a.overdue, a.onTimeRate, a.averageDaysLate, a.extensionRequests])).toEqual([
      [krm.bankAgencyId, 4, 0, 0, 1, 1, 2, 0, 10.5, 2],
      [krm.gasAgencyId, 7, 3, 2, 0, 1, 2, 0.4, 16 / 3, 1],
    ]);
    expect(stats.ratings.count).toBe(3);
    expect(stats.ratings.average).toBeCloseTo(11 / 3, 10);
  });

  it("this year (1405)", async () => {
    const stats = await groupStatistics(env.container, krm.workingGroupId, statisticsPeriod("year", NOW));
    expect(stats.cases).toMatchObject({
      reported: 8,
      byStatus: { open: 2, resolved: 2, closed: 2, rejected: 1, duplicate: 1 },
      critical: 2,
      units: 3,
      medianFirstActionMs: 3 * HOUR, // 0.5, 1, 2, 3, 4, 6, 24 h
      medianResolutionMs: 156 * HOUR, // 48, 144, 168, 240 h
    });
  });

  it("another group's numbers are its own", async () => {
    const stats = await groupStatistics(env.container, khz.workingGroupId, statisticsPeriod("month", NOW));
    expect(stats.cases).toMatchObject({ reported: 1, critical: 1, units: 1, medianFirstActionMs: HOUR });
    expect(stats.meetings.held).toEqual({ COMMITTEE: 0, WORKING_GROUP: 1 });
    expect(stats.agencies.map((a) => [a.agencyId, a.overdue])).toEqual([[khz.gasAgencyId, 1]]);
    expect(stats.ratings).toEqual({ count: 1, average: 1 });
  });
});

describe("/stats in the bot", () => {
  it("the chair reads this month's report in Persian", async () => {
    const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
    const before = chair.mark();
    await chair.send("/stats");
    const calls = chair.screen().slice(before);
    const text = calls.map(textOf).join("\n");
    expect(calls.every((call) => textOf(call).length <= 4096)).toBe(true);
    expect(text).toContain("📊 آمار کارگروه تسهیل و رفع موانع تولید کرمان");
    expect(text).toContain("دوره: آذر ۱۴۰۵ (از ۱ آذر ۱۴۰۵ تا ۳۰ آذر ۱۴۰۵)");
    expect(text).toContain("تا ۱۵ آذر ۱۴۰۵ ساعت ۱۰:۳۰");
    expect(text).toContain("پرونده‌های ثبت‌شده: ۳ (فوری: ۱)");
    expect(text).toContain("وضعیت کنونی: باز ۱ · حل‌شده ۱ · مختومه ۰ · ردشده ۱ · تکراری ۰");
    expect(text).toContain("• مسائل بانکی: ۲ مورد");
    expect(text).toContain("• اخطاریه قطع (برق، گاز، آب، مخابرات): ۱ مورد");
    expect(text).toContain("واحدهای تولیدی که در این دوره مشکل ثبت کردند: ۲");
    expect(text).toContain("نخستین اقدام دبیرخانه: ۴ ساعت");
    expect(text).toContain("تا حل پرونده: ۶٫۵ روز");
    expect(text).toContain("جلسات برگزارشده: کمیته تخصصی ۲ · کارگروه ۰");
    expect(text).toContain("مصوبات ثبت‌شده: ۴ (اقدام ۳ · تصمیم ۱ · اطلاع ۰)");
    expect(text).toContain("اقدامات مصوبات: باز ۱ · انجام‌شده ۰ · معوق ۲");
    // Agencies, worst first.
    expect(text).toContain(`🔴 ۱. ${gasName}\nارجاع ۶ · انجام ۲ · رد ۰ · باز ۱ · معوق ۲\nانجام در مهلت ۲۵٪ · میانگین دیرکرد ۵٫۳ روز · درخواست تمدید مهلت ۱`);
    expect(text).toContain(`🔴 ۲. ${bankName}\nارجاع ۳ · انجام ۰ · رد ۱ · باز ۱ · معوق ۱\nانجام در مهلت ۰٪ · میانگین دیرکرد ۶ روز · درخواست تمدید مهلت ۰`);
    expect(text).not.toContain("بدون دلیل مکتوب"); // the bank's refusal came with its reasons
    // The chair's question: overdue resolutions by agency.
    expect(text).toContain(`• ${bankName}: ۲ مصوبه معوق؛ قدیمی‌ترین ۱۵ روز دیرکرد\n• ${gasName}: ۱ مصوبه معوق؛ قدیمی‌ترین ۵ روز دیرکرد`);
    expect(text).toContain("میانگین امتیاز: ۳٫۵ از ۵ (۲ امتیاز)");
    // Persian digits only.
    expect(text).not.toMatch(/[0-9]/);
    expect(text).not.toContain("خوزستان");
    // Period buttons (the current one marked), the file and the quarterly report; one group, so no group picker.
    const buttons = buttonsOf(calls.at(-1)).map((b) => ("callback_data" in b ? [b.text, b.callback_data] : [b.text]));
    expect(buttons).toEqual([
      ["• این ماه", `st:r:${krm.workingGroupId}:m`],
      ["سه‌ماهه جاری", `st:r:${krm.workingGroupId}:s`],
      ["امسال", `st:r:${krm.workingGroupId}:y`],
      ["📄 دریافت جدول دستگاه‌ها به صورت فایل", `st:f:${krm.workingGroupId}:m`],
      ["📑 گزارش فصلی", `qr:p:${krm.workingGroupId}:main:0`],
    ]);
  });

  it("the chair switches to this season: the quarterly numbers, the bank first", async () => {
    const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
    await chair.tap("سه‌ماهه جاری");
    const text = chair.lastText();
    expect(text).toContain("دوره: سه‌ماهه سوم سال ۱۴۰۵ (پاییز) (از ۱ مهر ۱۴۰۵ تا ۳۰ آذر ۱۴۰۵)");
    expect(text).toContain("پرونده‌های ثبت‌شده: ۷ (فوری: ۲)");
    expect(text).toContain("جلسات برگزارشده: کمیته تخصصی ۲ · کارگروه ۱");
    expect(text).toContain(`🔴 ۱. ${bankName}\nارجاع ۴ · انجام ۰ · رد ۱ · باز ۱ · معوق ۲\nانجام در مهلت ۰٪ · میانگین دیرکرد ۱۰٫۵ روز · درخواست تمدید مهلت ۲`);
    expect(text).toContain(`🔴 ۲. ${gasName}\nارجاع ۷ · انجام ۳ · رد ۰ · باز ۱ · معوق ۲\nانجام در مهلت ۴۰٪`);
    expect(text).toContain("میانگین امتیاز: ۳٫۷ از ۵ (۳ امتیاز)");
    expect(buttonsOf(chair.screen().at(-1)).map((b) => b.text)).toContain("• سه‌ماهه جاری");
  });

  it("the chair gets the agency table as a UTF-8 CSV document", async () => {
    const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
    await chair.send("/stats");
    const before = chair.mark();
    await chair.tap("📄");
    const sent = chair.screen().slice(before);
    expect(sent.map((call) => call.method)).toEqual(["sendDocument"]);
    const call = sent[0]!;
    expect(String(call.payload.chat_id)).toBe(String(krm.chair.telegramId));
    expect(call.payload.caption).toBe(`عملکرد دستگاه‌های اجرایی — کرمان — آذر ${persian("1405")}`);
    const file = call.payload.document as InputFile;
    expect(file.filename).toBe("stats-KRM-1405-09.csv");
    const bytes = Buffer.from((await file.toRaw()) as Uint8Array);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(rows).toEqual([
      "دستگاه اجرایی,اقدامات ارجاع‌شده,انجام‌شده,انجام‌شده در مهلت,ردشده,ردشده با دلیل مکتوب,باز,معوق,لغوشده,درصد انجام در مهلت,میانگین روزهای دیرکرد,درخواست‌های تمدید مهلت",
      `${gasName},6,2,1,0,0,1,2,1,25,5.3,1`,
      `${bankName},3,0,0,1,1,1,1,0,0,6,0`,
    ]);
  });

  it("the secretariat reads it in English, with Latin digits", async () => {
    const desk = harness.user(krm.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await desk.send("/stats");
    await desk.tap("This year");
    const text = desk.lastText();
    expect(text).toContain("Period: Year 1405 (1 Farvardin 1405 to 29 Esfand 1405)");
    expect(text).toContain("Cases reported: 8 (critical: 2)");
    expect(text).toContain("Production units that reported a problem in this period: 3");
    expect(text).toContain("Median time from report to the secretariat's first action: 3 hours");
    expect(text).toContain("Median time from report to resolution: 6.5 days");
    expect(text).not.toMatch(/[۰-۹]/);
  });

  it("the main menu offers statistics to the chair only among these people", async () => {
    const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
    await chair.send("/start");
    expect(chair.buttonData("آمار و عملکرد")).toBe("st:home");
    const official = harness.user(krm.official.telegramId, { firstName: "Rahimi" });
    await official.send("/start");
    expect(() => official.buttonData("آمار و عملکرد")).toThrow();
  });
});

describe("screens edit in place", () => {
  it("a period button edits the report it is on; the file is a new message", async () => {
    const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
    await chair.send("/stats");
    const before = chair.mark();
    await chair.tap("امسال");
    await chair.tap("این ماه");
    const calls = chair.screen().slice(before);
    expect(calls.map((call) => call.method)).toEqual(["editMessageText", "editMessageText"]);
    expect(textOf(calls[0])).toContain("دوره: سال ۱۴۰۵");
    expect(buttonsOf(calls[1]).map((b) => b.text)).toContain("• این ماه");
    const file = chair.mark();
    await chair.tap("📄");
    expect(chair.screen().slice(file).map((call) => call.method)).toEqual(["sendDocument"]);
  });

  it("the main menu's entry opens the report in the menu's message", async () => {
    const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
    await chair.send("/start");
    const before = chair.mark();
    await chair.tap("آمار و عملکرد");
    const calls = chair.screen().slice(before);
    expect(calls.map((call) => call.method)).toEqual(["editMessageText"]);
    expect(textOf(calls[0])).toContain("📊 آمار کارگروه تسهیل و رفع موانع تولید کرمان");
  });

  it("an admin's group list and the report open in one message, back and forth", async () => {
    const db = env.container.db;
    const admin = await db.user.create({ data: { telegramId: "8600000091", firstName: "Modir", language: "fa" } });
    await db.membership.create({ data: { userId: admin.id, role: "ADMIN" } });
    try {
      const user = harness.user(8_600_000_091, { firstName: "Modir" });
      await user.send("/stats");
      const before = user.mark();
      await user.tap("کرمان");
      await user.tap("« کارگروه‌ها");
      const calls = user.screen().slice(before);
      expect(calls.map((call) => call.method)).toEqual(["editMessageText", "editMessageText"]);
      expect(textOf(calls[0])).toContain("📊 آمار کارگروه تسهیل و رفع موانع تولید کرمان");
      expect(textOf(calls[1])).toBe("آمار کدام کارگروه؟");
    } finally {
      await db.membership.deleteMany({ where: { userId: admin.id } });
    }
  });
});

describe("a long report", () => {
  it("is split under Telegram's limit, every agency listed once, the buttons under the last part", async () => {
    const agencies = await env.container.db.agency.findMany({ where: { workingGroupId: qom.workingGroupId } });
    expect(agencies.length).toBeGreaterThan(20);
    const chair = harness.user(qom.chair.telegramId, { firstName: "Raees" });
    const before = chair.mark();
    await chair.send("/stats");
    const calls = chair.screen().slice(before);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every((call) => call.method === "sendMessage" && textOf(call).length <= 4096)).toBe(true);
    expect(calls.map((call) => buttonsOf(call).length > 0)).toEqual([...Array(calls.length - 1).fill(false), true]);
    const text = calls.map(textOf).join("\n");
    for (const agency of agencies) expect(text.split(`. ${agency.nameFa}\n`)).toHaveLength(2);
    // Worst first: the agencies overdue 14 days (due 1 Azar) lead.
    const first = agencies.find((a) => text.includes(`🔴 ۱. ${a.nameFa}\n`));
    expect(first).toBeDefined();
    expect(text).toContain(`🔴 ۱. ${first?.nameFa}\nارجاع ۱ · انجام ۰ · رد ۰ · باز ۰ · معوق ۱\nانجام در مهلت ۰٪ · میانگین دیرکرد ۱۴ روز`);
  });
});

describe("who may not read the numbers", () => {
  const NOT_ALLOWED = "شما اجازه این کار را ندارید.";

  it("a producer and an agency's official get 'not allowed', by command and by forged button", async () => {
    for (const person of [krm.producer, krm.official, krm.head]) {
      const user = harness.user(person.telegramId, { firstName: person.firstName });
      const before = user.mark();
      await user.send("/stats");
      await user.press(`st:r:${krm.workingGroupId}:m`);
      await user.press(`st:f:${krm.workingGroupId}:m`);
      const calls = user.screen().slice(before);
      expect(calls.map(textOf)).toEqual([expect.stringContaining(NOT_ALLOWED), NOT_ALLOWED, NOT_ALLOWED]);
      expect(calls.map((c) => c.method)).not.toContain("sendDocument");
    }
  });

  it("another working group's secretariat sees its own group only, even with forged callback data", async () => {
    const other = harness.user(khz.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await other.send("/stats");
    expect(other.lastText()).toContain("Khuzestan");
    expect(other.lastText()).toContain("Cases reported: 1 (critical: 1)");
    const before = other.mark();
    for (const period of ["m", "s", "y"]) await other.press(`st:r:${krm.workingGroupId}:${period}`);
    await other.press(`st:f:${krm.workingGroupId}:s`);
    const calls = other.screen().slice(before);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendMessage", "sendMessage", "sendMessage"]);
    expect(calls.map(textOf)).toEqual(Array(4).fill("You are not allowed to do that."));
    // Garbage and unknown groups are ignored or refused, never answered with numbers.
    await other.press("st:r:999999:m");
    expect(other.lastText()).toBe("You are not allowed to do that.");
    const quiet = other.mark();
    await other.press(`st:r:${krm.workingGroupId}:q`);
    await other.press("st:r:0:m");
    expect(other.screen().slice(quiet)).toEqual([]);
  });

  it("the role is read on every press: a revoked chair is refused", async () => {
    const db = env.container.db;
    const membership = await db.membership.findFirstOrThrow({ where: { userId: krm.chair.id, role: "CHAIR" } });
    await db.membership.update({ where: { id: membership.id }, data: { revokedAt: NOW } });
    // A write behind the services' back: announced to the user cache as the services do.
    await forgetUsers(env.container, [krm.chair.id]);
    try {
      const chair = harness.user(krm.chair.telegramId, { firstName: "Raees" });
      await chair.press(`st:r:${krm.workingGroupId}:m`);
      expect(chair.lastText()).toBe(NOT_ALLOWED);
    } finally {
      await db.membership.update({ where: { id: membership.id }, data: { revokedAt: null } });
      await forgetUsers(env.container, [krm.chair.id]);
    }
  });

  it("a global admin picks a working group first", async () => {
    const db = env.container.db;
    const admin = await db.user.create({ data: { telegramId: "8600000090", firstName: "Modir", language: "fa" } });
    await db.membership.create({ data: { userId: admin.id, role: "ADMIN" } });
    const user = harness.user(8_600_000_090, { firstName: "Modir" });
    await user.send("/stats");
    expect(user.lastText()).toBe("آمار کدام کارگروه؟");
    await user.tap("خوزستان");
    expect(user.lastText()).toContain("📊 آمار کارگروه تسهیل و رفع موانع تولید خوزستان");
    expect(buttonsOf(user.screen().at(-1)).map((b) => b.text)).toContain("« کارگروه‌ها");
  });
});
