/**
 * A restart plan's unit moving idle → semi-active → active (never back: a relapse is a new
 * registration of its status by the admin, not this plan's business): when the task of a
 * milestone marked as the one that moves it is confirmed done (confirmTask calls
 * moveOnMilestoneDone in its own transaction), or when the secretariat marks it. Each move is
 * a timeline event on the plan's case and an audit entry; reaching ACTIVE stamps the plan's
 * restartedAt, which the statistics count.
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import type { ActivityStatus } from "../../generated/prisma/enums";
import { refusal } from "../../domain/refusal";
import { recordAudit } from "../audit";
import { inScope, secretariatGroups } from "../authz";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";

const RANK: Record<ActivityStatus, number> = { IDLE: 0, SEMI_ACTIVE: 1, ACTIVE: 2 };

/** Whether the unit may move from `from` to `to` under a plan (forward only). */
export const movesForward = (from: ActivityStatus, to: ActivityStatus): boolean => RANK[to] > RANK[from];

type Reason = "forbidden" | "not_found" | "not_idle" | "has_plan" | "invalid_title" | "invalid_agency" | "invalid_date" | "invalid_move" | "no_milestones";
/** The bot shows `restart-error-<reason>`. */
export const restartRefusal = (reason: Reason) => refusal("restart-error", reason);

export function assertRestartActor(actor: SessionUser, workingGroupId: number): void {
  if (!inScope(secretariatGroups(actor), workingGroupId)) throw restartRefusal("forbidden");
}

interface PlanRow {
  id: number;
  caseId: number;
  workingGroupId: number;
  unit: { id: number; name: string; activityStatus: ActivityStatus };
}

/** Moves the plan's unit to `to` (forward only; false when it is there already or beyond). */
async function moveUnit(tx: Tx, deps: Pick<Deps, "t">, plan: PlanRow, to: ActivityStatus, actorId: number, now: Date, milestoneId: number | null): Promise<boolean> {
  // The unit's row is locked: a milestone confirmed while the secretariat marks it moves it once.
  const [locked] = await tx.$queryRaw<Array<{ activityStatus: ActivityStatus }>>`SELECT "activityStatus" FROM "ProductionUnit" WHERE id = ${plan.unit.id} FOR UPDATE`;
  const from = locked?.activityStatus ?? plan.unit.activityStatus;
  if (!movesForward(from, to)) return false;
  // Display-ready in both languages: the timeline renders events without further lookups.
  const label = (locale: "fa" | "en", status: ActivityStatus) => deps.t(locale, `activity-${status}`);
  await tx.productionUnit.update({ where: { id: plan.unit.id }, data: { activityStatus: to } });
  if (to === "ACTIVE") await tx.restartPlan.update({ where: { id: plan.id }, data: { restartedAt: now } });
  await appendEvent(tx, {
    caseId: plan.caseId,
    actorId,
    type: "unit_activity_changed",
    data: {
      from,
      to,
      fromFa: label("fa", from),
      fromEn: label("en", from),
      toFa: label("fa", to),
      toEn: label("en", to),
      ...(milestoneId ? { milestoneId } : {}),
    },
  });
  await recordAudit(tx, {
    actorId,
    workingGroupId: plan.workingGroupId,
    entityType: "production_unit",
    entityId: plan.unit.id,
    action: "activity_changed",
    before: { unit: plan.unit.name, status: from },
    after: { unit: plan.unit.name, status: to, planId: plan.id, ...(milestoneId ? { milestoneId } : {}) },
    at: now,
  });
  return true;
}

const planSelect = { id: true, caseId: true, workingGroupId: true, unit: { select: { id: true, name: true, activityStatus: true } } } as const;

/** In confirmTask's transaction: a milestone that moves the unit moved it. */
export async function moveOnMilestoneDone(tx: Tx, deps: Pick<Deps, "t">, taskId: number, actorId: number, now: Date): Promise<void> {
  const milestone = await tx.restartMilestone.findUnique({ where: { taskId }, select: { id: true, movesTo: true, plan: { select: planSelect } } });
  if (!milestone?.movesTo) return;
  await moveUnit(tx, deps, milestone.plan, milestone.movesTo, actorId, now, milestone.id);
}

/** The secretariat's "mark semi-active / active" on a plan (its group re-checked). */
export async function markPlanUnit(deps: Pick<Deps, "db" | "t" | "now">, actor: SessionUser, planId: number, to: ActivityStatus): Promise<{ moved: boolean; unit: string }> {
  const plan = await deps.db.restartPlan.findUnique({ where: { id: planId }, select: planSelect });
  // Another group's plan reads as missing.
  if (!plan || !inScope(secretariatGroups(actor), plan.workingGroupId)) throw restartRefusal("not_found");
  if (to === "IDLE") throw restartRefusal("invalid_move");
  const moved = await deps.db.$transaction((tx) => moveUnit(tx, deps, plan, to, actor.id, deps.now(), null));
  if (!moved) throw restartRefusal("invalid_move");
  return { moved, unit: plan.unit.name };
}

/** Units restarted (became ACTIVE under a plan) in [from, to), for the statistics. */
export async function restartedUnits(deps: Pick<Deps, "db">, workingGroupId: number, period: { from: Date; to: Date }): Promise<number> {
  return deps.db.restartPlan.count({ where: { workingGroupId, restartedAt: { gte: period.from, lt: period.to } } });
}
