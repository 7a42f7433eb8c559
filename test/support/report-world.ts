/**
 * A fixture quarter for the quarterly report (issue 12): Kerman's working group in spring 1405
 * (Q1, 1405/01/01–1405/03/31) and the winter before (Q4 1404), with Khuzestan's numbers
 * alongside that must never leak in. Cases, meetings and agenda items are written directly
 * (their own services have their own tests); the bank's loan decisions go through the task
 * services (completeTask with a loan), one of them in the test through the bot. Every expected
 * figure is listed in test/integration/report.test.ts with the rows that make it.
 */
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import type { CaseStatus, MeetingKind, MeetingStatus, TaskStatus } from "../../src/generated/prisma/enums";
import { completeTask } from "../../src/services/task-actions";
import type { TestEnv } from "./env";
import { legalEntityIdFrom } from "./identifiers";
import { seedTaskWorld, type TaskWorld } from "./task-fixtures";

/** A Tehran wall-clock time on a Jalali day. */
export const at = (date: string, time = "10:00"): Date => {
  const [year, month, day] = date.split("/").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return jalaliToInstant({ year, month, day }, { hour, minute });
};
export const due = (date: string): Date => {
  const [year, month, day] = date.split("/").map(Number) as [number, number, number];
  return endOfJalaliDay({ year, month, day });
};

export interface ReportWorld {
  krm: TaskWorld;
  khz: TaskWorld;
  socialSecurityId: number;
  units: { u1: number; u2: number; u3: number; u4: number; u5: number };
  cases: Record<string, number>;
  /** The bank's loan task on case B, acknowledged, for the bot to complete with an amount. */
  loanTaskB: number;
}

let sequence = 0;
let meetingNumber = 0;

export async function seedReportWorld(env: TestEnv): Promise<ReportWorld> {
  const db = env.container.db;
  const krm = await seedTaskWorld(env.container, { base: 8_700_000_000, group: "KRM", legalIdPrefix: "1470101234" });
  const khz = await seedTaskWorld(env.container, { base: 8_700_000_100, group: "KHZ", legalIdPrefix: "1470201234" });
  const socialSecurityId = (await db.agency.findFirstOrThrow({ where: { workingGroupId: krm.workingGroupId, kind: "SOCIAL_SECURITY" }, orderBy: { id: "asc" } })).id;

  const unit = async (name: string, prefix: string) =>
    (await db.productionUnit.create({
      data: { workingGroupId: krm.workingGroupId, name, legalId: legalEntityIdFrom(prefix), county: "کرمان", sector: "INDUSTRY", activityStatus: "ACTIVE", employees: 30 },
    })).id;
  const units = { u1: krm.unitId, u2: await unit("Copper Wire", "1470101235"), u3: await unit("Pistachio Packing", "1470101236"), u4: await unit("Brick Kiln", "1470101237"), u5: await unit("Textile Mill", "1470101238") };

  const caseOf = async (
    world: TaskWorld,
    unitId: number,
    category: string,
    subcategory: string | null,
    submittedAt: Date,
    extra: { status?: CaseStatus; resolvedAt?: Date; irreversibleAt?: Date; irreversibleOutcome?: string } = {},
  ) => {
    sequence += 1;
    const code = (await db.workingGroup.findUniqueOrThrow({ where: { id: world.workingGroupId } })).code;
    return (await db.case.create({
      data: {
        trackingCode: `${code}-1405-${String(70000 + sequence)}`,
        workingGroupId: world.workingGroupId,
        unitId,
        reporterId: world.producer.id,
        category,
        subcategory,
        description: "A problem for the quarterly report test.",
        status: extra.status ?? (extra.resolvedAt ? "resolved" : "assigned"),
        urgency: "normal",
        submittedAt,
        createdAt: submittedAt,
        resolvedAt: extra.resolvedAt ?? null,
        irreversibleAt: extra.irreversibleAt ?? null,
        irreversibleOutcome: extra.irreversibleOutcome ?? null,
      },
    })).id;
  };
  const { u1, u2, u3, u4, u5 } = units;
  const cases = {
    // Spring 1405 (Q1).
    A: await caseOf(krm, u1, "bank", "overdue_loan", at("1405/01/10"), { resolvedAt: at("1405/02/01"), irreversibleAt: at("1405/02/15") }),
    B: await caseOf(krm, u2, "bank", "working_capital", at("1405/01/15")),
    C: await caseOf(krm, u3, "social_security", "insurance_debt", at("1405/02/05"), { resolvedAt: at("1405/03/10"), irreversibleAt: at("1405/03/01") }),
    D: await caseOf(krm, u1, "permits", "environment", at("1405/02/20")),
    // 23:30 on the quarter's last day in Tehran (already 1405/04/01 in no zone): still Q1.
    E: await caseOf(krm, u4, "tax", null, at("1405/03/31", "23:30")),
    F: await caseOf(krm, u2, "bank", "guarantee", at("1405/03/05")),
    G: await caseOf(krm, u5, "other", null, at("1405/03/20")),
    // Lost: the cut-off happened at its date, never resolved.
    L: await caseOf(krm, u3, "utility_cutoff", "gas", at("1405/03/01"), { irreversibleAt: at("1405/03/15"), irreversibleOutcome: "happened" }),
    // Winter 1404 (Q4) and before.
    P1: await caseOf(krm, u1, "bank", "loan_refused", at("1404/10/10"), { resolvedAt: at("1404/11/01"), irreversibleAt: at("1404/11/20") }),
    P2: await caseOf(krm, u2, "other", null, at("1404/12/29", "23:00")),
    P3: await caseOf(krm, u3, "tax", null, at("1404/09/10")),
    // Summer 1405 (Q2): never in Q1's figures.
    N1: await caseOf(krm, u4, "bank", "working_capital", at("1405/04/02")),
  };

  const meeting = async (world: TaskWorld, kind: MeetingKind, status: MeetingStatus, when: Date, agenda: number[]) => {
    meetingNumber += 1;
    const m = await db.meeting.create({
      data: { workingGroupId: world.workingGroupId, kind, number: meetingNumber, jalaliYear: 1405, startsAt: when, place: "استانداری", status, heldAt: status === "HELD" ? when : null, createdById: world.secretariat.id },
    });
    const items: number[] = [];
    for (const [position, caseId] of agenda.entries()) items.push((await db.agendaItem.create({ data: { meetingId: m.id, caseId, position } })).id);
    return { id: m.id, items };
  };
  const M1 = await meeting(krm, "WORKING_GROUP", "HELD", at("1405/02/10"), [cases.A, cases.B, cases.C]);
  const M2 = await meeting(krm, "COMMITTEE", "HELD", at("1405/03/01"), [cases.D, cases.F]);
  await meeting(krm, "COMMITTEE", "HELD", at("1405/03/20"), [cases.E]);
  // Not held: G's unit (u5) is never heard.
  await meeting(krm, "COMMITTEE", "SCHEDULED", at("1405/03/25"), [cases.G]);
  await meeting(krm, "WORKING_GROUP", "CANCELLED", at("1405/03/26"), [cases.G]);
  const M6 = await meeting(krm, "COMMITTEE", "HELD", at("1404/11/05"), [cases.P1]);
  await meeting(krm, "COMMITTEE", "HELD", at("1405/04/05"), [cases.N1]);

  const resolution = async (m: { id: number; items: number[] }, index: number, caseId: number, agencyId: number | null, createdAt: Date) =>
    (await db.resolution.create({
      data: { meetingId: m.id, agendaItemId: m.items[index] as number, caseId, text: "مصوبه", type: agencyId ? "TASK" : "DECISION", agencyId, createdById: krm.secretariat.id, createdAt },
    })).id;
  const r1 = await resolution(M1, 0, cases.A, krm.bankAgencyId, at("1405/02/10", "12:00"));
  const r2 = await resolution(M1, 2, cases.C, socialSecurityId, at("1405/02/10", "12:00"));
  const r3 = await resolution(M2, 1, cases.F, krm.bankAgencyId, at("1405/03/01", "12:00"));
  await resolution(M6, 0, cases.P1, krm.bankAgencyId, at("1404/11/05", "12:00"));

  const task = async (caseId: number, agencyId: number, createdAt: Date, dueAt: Date, status: TaskStatus, extra: { completedAt?: Date; refusalReason?: string; resolutionId?: number; officialId?: number } = {}) =>
    (await db.task.create({
      data: {
        caseId,
        workingGroupId: krm.workingGroupId,
        agencyId,
        title: "Report test task",
        createdAt,
        dueAt,
        status,
        completedAt: extra.completedAt ?? null,
        refusalReason: extra.refusalReason ?? null,
        resolutionId: extra.resolutionId ?? null,
        officialId: extra.officialId ?? null,
        createdById: krm.secretariat.id,
      },
    })).id;
  const gas = krm.gasAgencyId;
  const bank = krm.bankAgencyId;
  const ss = socialSecurityId;
  // Gas: on time (48 h), late (96 h), overdue, open, refused without a written reason (24 h).
  await task(cases.L, gas, at("1405/03/02"), due("1405/03/05"), "done", { completedAt: at("1405/03/04") });
  await task(cases.L, gas, at("1405/03/02"), due("1405/03/03"), "done", { completedAt: at("1405/03/06") });
  await task(cases.D, gas, at("1405/03/10"), due("1405/03/20"), "open");
  const g4 = await task(cases.D, gas, at("1405/03/10"), due("1405/05/01"), "in_progress");
  await task(cases.G, gas, at("1405/03/21"), due("1405/03/28"), "refused", { completedAt: at("1405/03/22"), refusalReason: "   " });
  await db.extensionRequest.create({ data: { taskId: g4, requestedById: krm.official.id, newDueAt: due("1405/05/10"), reason: "بازدید میدانی", createdAt: at("1405/03/25") } });
  // Social security: on time (120 h, resolution r2), overdue, refused with reasons (24 h).
  await task(cases.C, ss, at("1405/02/10", "12:00"), due("1405/02/25"), "done", { completedAt: at("1405/02/15", "12:00"), resolutionId: r2 });
  await task(cases.E, ss, at("1405/03/31", "20:00"), due("1405/04/10"), "open");
  await task(cases.A, ss, at("1405/01/12"), due("1405/01/20"), "refused", { completedAt: at("1405/01/13"), refusalReason: "بدهی بیمه‌ای قبلاً تقسیط شده و خارج از اختیار اداره است." });
  // Bank: the loan task on B (completed in the test through the bot, with an amount), a loan
  // refused with reasons on F, the resolution task on A (not a loan: overdue_loan is a debt),
  // the resolution task on F (a loan task, overdue), and last winter's loan on P1.
  const loanTaskB = await task(cases.B, bank, at("1405/01/20"), due("1405/02/20"), "acknowledged", { officialId: krm.bankOfficial.id });
  const b2 = await task(cases.F, bank, at("1405/03/02"), due("1405/03/10"), "acknowledged", { officialId: krm.bankOfficial.id });
  await task(cases.A, bank, at("1405/02/10", "12:00"), due("1405/02/20"), "done", { completedAt: at("1405/02/15", "12:00"), resolutionId: r1 });
  await task(cases.F, bank, at("1405/03/01", "12:00"), due("1405/03/15"), "open", { resolutionId: r3 });
  const b5 = await task(cases.P1, bank, at("1404/11/05", "12:00"), due("1404/11/25"), "acknowledged", { officialId: krm.bankOfficial.id });

  const now = env.clock.now();
  env.clock.set(at("1405/03/05"));
  await completeTask(env.container, krm.bankOfficial.id, b2, {
    text: "درخواست ضمانت‌نامه بررسی شد.",
    loan: { decision: "refused", reasons: "وثیقهٔ کافی ارائه نشده و طرح توجیه اقتصادی ندارد." },
  });
  env.clock.set(at("1404/11/20"));
  await completeTask(env.container, krm.bankOfficial.id, b5, { text: "تسهیلات پرداخت شد.", loan: { decision: "approved", amountRials: 20_000_000_000n } });
  env.clock.set(now);

  // Khuzestan in spring 1405: a held meeting with a case, a task, a loan. Never in Kerman's figures.
  const x = await caseOf(khz, khz.unitId, "bank", "working_capital", at("1405/02/02"), { resolvedAt: at("1405/02/20"), irreversibleAt: at("1405/03/01") });
  await meeting(khz, "WORKING_GROUP", "HELD", at("1405/02/03"), [x]);
  await db.task.create({
    data: { caseId: x, workingGroupId: khz.workingGroupId, agencyId: khz.bankAgencyId, title: "KHZ", createdAt: at("1405/02/03"), dueAt: due("1405/02/10"), status: "done", completedAt: at("1405/02/05"), loanDecision: "approved", loanAmountRials: 999_000_000_000n, createdById: khz.secretariat.id },
  });

  return { krm, khz, socialSecurityId, units, cases, loanTaskB };
}
