/**
 * Restart plans (issue 13 item 3; seed 002's 217 idle units "identified as restartable", seed
 * 004's "a written plan with a timeline for each idle unit"): a plan per idle or semi-active
 * unit, its milestones (what, which agency, by when). The plan is anchored on a case of the unit
 * (category idle_unit / restart_plan, filed on its behalf through submitCase, intakeChannel
 * "restart_plan") and every milestone is a task of that case made by the single assignment's
 * path (actInTransaction + referLockedCase: the agency's officials told, reminders and
 * escalations scheduled after the commit). A milestone's status is its task's.
 */
import type { Deps } from "../../deps";
import { compareJalali, endOfJalaliDay, todayInTehran, type JalaliDate } from "../../domain/jalali";
import { pageWindow } from "../../domain/pagination";
import { parseLegalEntityId } from "../../domain/identifiers";
import { normalizeText, truncate } from "../../domain/text";
import type { ActivityStatus } from "../../generated/prisma/enums";
import { Prisma } from "../../generated/prisma/client";
import { submitCase } from "../cases";
import { confirmSubmission } from "../submissions";
import { OPEN_TASK_STATUSES } from "../tasks";
import { actInTransaction, type TriageDeps } from "../triage/act";
import { officialsOfAgency, referLockedCase } from "../triage/assign";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { assertRestartActor, movesForward, restartRefusal } from "./progress";

export const MILESTONES_MAX = 10;
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const LEDGER_PAGE_SIZE = 5;
/** A plan's milestones may run up to two years ahead. */
const DUE_MAX_DAYS_AHEAD = 731;
const RESTARTABLE: ActivityStatus[] = ["IDLE", "SEMI_ACTIVE"];
/** The plan's case is described in the working groups' language, as producers write theirs. */
const CASE_LOCALE = "fa" as const;

/** The group's idle or semi-active units a typed national id or part of a name finds. */
export async function restartableUnits(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, typed: string) {
  assertRestartActor(actor, workingGroupId);
  const text = normalizeText(typed);
  const legal = parseLegalEntityId(text);
  const where = legal.ok ? { legalId: legal.value } : { name: { contains: text, mode: "insensitive" as const } };
  if (!legal.ok && text.length < 2) return [];
  return deps.db.productionUnit.findMany({
    where: { ...where, workingGroupId, activityStatus: { in: RESTARTABLE }, restartPlan: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 8,
    select: { id: true, name: true, activityStatus: true },
  });
}

/** A unit of a button, if it is still one of the group's restartable units without a plan. */
export async function restartableUnit(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, unitId: number) {
  assertRestartActor(actor, workingGroupId);
  const unit = await deps.db.productionUnit.findFirst({
    where: { id: unitId, workingGroupId, activityStatus: { in: RESTARTABLE }, restartPlan: null },
    select: { id: true, name: true, activityStatus: true },
  });
  if (!unit) throw restartRefusal("not_found");
  return unit;
}

/** The group's active agencies, for the milestone's agency buttons. */
export async function planAgencies(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number) {
  assertRestartActor(actor, workingGroupId);
  return deps.db.agency.findMany({ where: { workingGroupId, active: true }, orderBy: { id: "asc" }, select: { id: true, nameFa: true, nameEn: true } });
}

export function cleanMilestoneTitle(input: string): string {
  const text = normalizeText(input);
  if (text.length < TITLE_MIN || text.length > TITLE_MAX) throw restartRefusal("invalid_title");
  return text;
}

export function checkMilestoneDue(date: JalaliDate | null, now: Date): JalaliDate {
  if (!date || compareJalali(date, todayInTehran(now)) < 0) throw restartRefusal("invalid_date");
  if (endOfJalaliDay(date).getTime() - now.getTime() > DUE_MAX_DAYS_AHEAD * 24 * 3_600_000) throw restartRefusal("invalid_date");
  return date;
}

export interface MilestoneInput {
  title: string;
  agencyId: number;
  dueDate: JalaliDate;
  /** When its task is confirmed done the unit moves here (null: it does not move it). */
  movesTo: ActivityStatus | null;
}

export interface PlanInput {
  workingGroupId: number;
  unitId: number;
  milestones: MilestoneInput[];
  /** The review's key: confirming twice makes one plan (and one case). */
  requestKey: string;
}

export type PlanDeps = TriageDeps & Parameters<typeof submitCase>[0];

/** Makes the plan: its case, one task per milestone, in one transaction after the case. */
export async function createRestartPlan(deps: PlanDeps, actor: SessionUser, input: PlanInput) {
  assertRestartActor(actor, input.workingGroupId);
  const done = await deps.db.restartPlan.findUnique({ where: { requestKey: input.requestKey }, select: { id: true, createdById: true, caseId: true } });
  if (done) {
    if (done.createdById !== actor.id) throw restartRefusal("forbidden");
    return { planId: done.id, caseId: done.caseId, repeated: true };
  }
  const unit = await deps.db.productionUnit.findFirst({ where: { id: input.unitId, workingGroupId: input.workingGroupId }, select: { id: true, name: true, activityStatus: true, restartPlan: { select: { id: true } } } });
  if (!unit) throw restartRefusal("not_found");
  if (unit.restartPlan) throw restartRefusal("has_plan");
  if (!RESTARTABLE.includes(unit.activityStatus)) throw restartRefusal("not_idle");
  if (input.milestones.length === 0 || input.milestones.length > MILESTONES_MAX) throw restartRefusal("no_milestones");
  const now = deps.now();
  const milestones = input.milestones.map((m) => ({
    ...m,
    title: cleanMilestoneTitle(m.title),
    dueDate: checkMilestoneDue(m.dueDate, now),
    movesTo: m.movesTo && movesForward(unit.activityStatus, m.movesTo) ? m.movesTo : m.movesTo ? invalidMove() : null,
  }));
  const agencies = await deps.db.agency.findMany({ where: { workingGroupId: input.workingGroupId, active: true, id: { in: milestones.map((m) => m.agencyId) } }, select: { id: true, nameFa: true, nameEn: true } });
  if (milestones.some((m) => !agencies.some((a) => a.id === m.agencyId))) throw restartRefusal("invalid_agency");
  const description = truncate(`${deps.t(CASE_LOCALE, "restart-case-description", { unit: unit.name })} ${milestones.map((m, i) => `${i + 1}. ${m.title}`).join(" ")}`, 2000);
  const submitted = await submitCase(
    deps,
    actor.id,
    { unitId: unit.id, category: "idle_unit", subcategory: "restart_plan", agencyId: null, irreversibleAt: null, amountRials: null, description, attachments: [] },
    { submissionKey: input.requestKey, onBehalf: { channel: "restart_plan", producerName: truncate(unit.name, 120) } },
  );
  await confirmSubmission(deps, submitted.caseId);
  const touchedTasks: number[] = [];
  let planId: number;
  try {
    planId = await deps.db.$transaction(async (tx) => {
      const plan = await tx.restartPlan.create({
        data: { requestKey: input.requestKey, workingGroupId: input.workingGroupId, unitId: unit.id, caseId: submitted.caseId, startedFrom: unit.activityStatus, createdById: actor.id, createdAt: now },
        select: { id: true },
      });
      // The unit's longest-standing representative follows the plan: each milestone's referral is told to them.
      const representative = await tx.unitRepresentative.findFirst({ where: { unitId: unit.id }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }], select: { userId: true } });
      if (representative) {
        await tx.case.update({ where: { id: submitted.caseId }, data: { reporterId: representative.userId } });
        await appendEvent(tx, { caseId: submitted.caseId, actorId: actor.id, type: "producer_linked", data: { planId: plan.id } });
      }
      for (const [position, m] of milestones.entries()) {
        const agency = agencies.find((a) => a.id === m.agencyId)!;
        const officials = await officialsOfAgency(tx, agency.id);
        const made = await actInTransaction(tx, deps, actor, submitted.caseId, "assign", ({ tx: inner, row }) =>
          referLockedCase(inner, deps, actor, row, { agency, official: null, officials, dueDate: m.dueDate, title: m.title, notifyOfficials: true }),
        touchedTasks);
        touchedTasks.push(made.taskId);
        await tx.restartMilestone.create({ data: { planId: plan.id, position, title: m.title, agencyId: agency.id, dueAt: endOfJalaliDay(m.dueDate), taskId: made.taskId, movesTo: m.movesTo } });
      }
      await appendEvent(tx, { caseId: submitted.caseId, actorId: actor.id, type: "restart_plan_created", data: { planId: plan.id, milestones: milestones.length } });
      return plan.id;
    });
  } catch (error) {
    // Another unit's plan raced this one to the unit: the unit has a plan.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw restartRefusal("has_plan");
    throw error;
  }
  deps.flushOutbox();
  for (const taskId of new Set(touchedTasks)) await deps.scheduler.syncTaskReminders(taskId);
  return { planId, caseId: submitted.caseId, repeated: false };
}

function invalidMove(): never {
  throw restartRefusal("invalid_move");
}

/** The ledger: the group's plans, least progressed first, each with its overdue milestones. */
export async function restartLedger(deps: Pick<Deps, "db" | "now">, actor: SessionUser, workingGroupId: number, page: number) {
  assertRestartActor(actor, workingGroupId);
  const now = deps.now();
  const plans = await deps.db.restartPlan.findMany({
    where: { workingGroupId },
    select: {
      id: true,
      caseId: true,
      restartedAt: true,
      unit: { select: { name: true, activityStatus: true } },
      case: { select: { trackingCode: true } },
      milestones: { orderBy: { position: "asc" }, select: { id: true, title: true, dueAt: true, movesTo: true, agency: { select: { nameFa: true, nameEn: true } }, task: { select: { status: true } } } },
    },
  });
  const rows = plans.map((plan) => {
    const done = plan.milestones.filter((m) => m.task.status === "done").length;
    const overdue = plan.milestones.filter((m) => (OPEN_TASK_STATUSES as string[]).includes(m.task.status) && m.task.status !== "done_pending_review" && m.dueAt.getTime() < now.getTime());
    return { ...plan, done, total: plan.milestones.length, overdue };
  });
  rows.sort((a, b) => a.done / Math.max(1, a.total) - b.done / Math.max(1, b.total) || b.overdue.length - a.overdue.length || a.id - b.id);
  const window = pageWindow(rows.length, LEDGER_PAGE_SIZE, page);
  return { ...window, total: rows.length, plans: rows.slice(window.offset, window.offset + LEDGER_PAGE_SIZE) };
}
