/**
 * The statistics desk's queries: a working group's cases, meetings, agencies, overdue
 * resolutions and ratings for a period, each part in one or two queries, run side by side.
 * What each number counts is in ./index.ts.
 */
import { daysBetweenTehranDates } from "../../domain/jalali";
import type { MeetingKind, ResolutionType } from "../../generated/prisma/enums";
import { REMINDED_TASK_STATUSES } from "../tasks";
import { agencyStatistics } from "./agencies";
import { categoryRank, taskOutcome } from "./aggregation";
import { utc, type StatsDeps } from "./sql";
import type { StatisticsPeriod } from "./periods";
import {
  CASE_STATUS_BUCKETS,
  statusBucket,
  type CaseStatistics,
  type CaseStatusBucket,
  type GroupStatistics,
  type IrreversibleOutcomes,
  type MeetingStatistics,
  type OverdueResolutions,
  type TaskOutcomeCounts,
} from "./types";

export type { StatsDeps } from "./sql";

export async function caseStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod): Promise<CaseStatistics> {
  const range = { gte: period.from, lt: period.to };
  const [groups, [timing]] = await Promise.all([
    deps.db.case.groupBy({
      by: ["status", "category", "urgency"],
      where: { workingGroupId, submittedAt: range },
      _count: { _all: true },
    }),
    // One pass for what groupBy cannot do: distinct units and the two medians. The first action
    // is the case's firstActionAt, kept by triggers as events are appended (see the migration
    // 20261203100000_statistics_indexes for the rule); each period is an index-only range
    // (20261208100000_statistics_covering_indexes). date_part, not extract: float8, not numeric.
    deps.sql.rows<{ units: number; firstActionSeconds: number | null; resolutionSeconds: number | null }>`
      SELECT
        count(DISTINCT c."unitId")::int AS units,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', c."firstActionAt" - c."submittedAt"))
           FILTER (WHERE c."firstActionAt" IS NOT NULL))::float8 AS "firstActionSeconds",
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', r."resolvedAt" - r."submittedAt"))
           FROM "Case" r
           WHERE r."workingGroupId" = ${workingGroupId} AND r."resolvedAt" >= ${utc(period.from)} AND r."resolvedAt" < ${utc(period.to)}
        )::float8 AS "resolutionSeconds"
      FROM "Case" c
      WHERE c."workingGroupId" = ${workingGroupId} AND c."submittedAt" >= ${utc(period.from)} AND c."submittedAt" < ${utc(period.to)}
    `,
  ]);
  const byStatus = Object.fromEntries(CASE_STATUS_BUCKETS.map((bucket) => [bucket, 0])) as Record<CaseStatusBucket, number>;
  const byCategory = new Map<string, number>();
  let reported = 0;
  let critical = 0;
  for (const group of groups) {
    const count = group._count._all;
    reported += count;
    byStatus[statusBucket(group.status)] += count;
    byCategory.set(group.category, (byCategory.get(group.category) ?? 0) + count);
    if (group.urgency === "critical") critical += count;
  }
  const seconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 1000));
  return {
    reported,
    byStatus,
    byCategory: [...byCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || categoryRank(a.category) - categoryRank(b.category)),
    critical,
    units: timing?.units ?? 0,
    medianFirstActionMs: seconds(timing?.firstActionSeconds),
    medianResolutionMs: seconds(timing?.resolutionSeconds),
  };
}

/** One pass over the cases whose irreversible date fell in the period and has passed. */
export async function irreversibleOutcomes(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod): Promise<IrreversibleOutcomes> {
  const until = new Date(Math.min(period.to.getTime(), deps.now().getTime()));
  const [row] = await deps.sql.rows<{ due: number; saved: number; lost: number; late: number }>`
    SELECT
      count(*) FILTER (WHERE NOT late)::int AS due,
      count(*) FILTER (WHERE NOT late AND ("irreversibleOutcome" = 'averted'
        OR ("irreversibleOutcome" IS NULL AND "resolvedAt" IS NOT NULL AND "resolvedAt" <= "irreversibleAt")))::int AS saved,
      count(*) FILTER (WHERE NOT late AND "irreversibleOutcome" = 'happened')::int AS lost,
      count(*) FILTER (WHERE late)::int AS late
    FROM (
      SELECT c."irreversibleOutcome", c."resolvedAt", c."irreversibleAt", c."irreversibleAt" <= c."submittedAt" AS late
      FROM "Case" c
      WHERE c."workingGroupId" = ${workingGroupId} AND c.status NOT IN ('rejected', 'duplicate')
        AND c."irreversibleAt" >= ${utc(period.from)} AND c."irreversibleAt" < ${utc(until)}
    ) dated
  `;
  const due = row?.due ?? 0;
  const saved = row?.saved ?? 0;
  const lost = row?.lost ?? 0;
  return { due, saved, lost, unknown: due - saved - lost, reportedAfterDate: row?.late ?? 0 };
}

export async function meetingStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date): Promise<MeetingStatistics> {
  const range = { gte: period.from, lt: period.to };
  const [held, resolutions] = await Promise.all([
    deps.db.meeting.groupBy({
      by: ["kind"],
      where: { workingGroupId, status: "HELD", heldAt: range },
      _count: { _all: true },
    }),
    deps.db.resolution.findMany({
      where: { meeting: { workingGroupId }, createdAt: range },
      select: { type: true, task: { select: { status: true, dueAt: true } } },
    }),
  ]);
  const heldByKind: Record<MeetingKind, number> = { COMMITTEE: 0, WORKING_GROUP: 0 };
  for (const row of held) heldByKind[row.kind] = row._count._all;
  const byType: Record<ResolutionType, number> = { DECISION: 0, TASK: 0, INFORMATION: 0 };
  const tasks: TaskOutcomeCounts = { open: 0, done: 0, overdue: 0 };
  for (const resolution of resolutions) {
    byType[resolution.type] += 1;
    if (!resolution.task) continue;
    const outcome = taskOutcome(resolution.task, now);
    if (outcome === "open" || outcome === "done" || outcome === "overdue") tasks[outcome] += 1;
  }
  return { held: heldByKind, resolutions: { total: resolutions.length, byType, tasks } };
}

export async function overdueResolutions(deps: StatsDeps, workingGroupId: number, now: Date): Promise<OverdueResolutions[]> {
  const groups = await deps.db.task.groupBy({
    by: ["agencyId"],
    where: { workingGroupId, resolutionId: { not: null }, status: { in: REMINDED_TASK_STATUSES }, dueAt: { lt: now } },
    _count: { _all: true },
    _min: { dueAt: true },
  });
  if (groups.length === 0) return [];
  const agencies = await deps.db.agency.findMany({
    where: { id: { in: groups.map((g) => g.agencyId) } },
    select: { id: true, nameFa: true, nameEn: true },
  });
  const names = new Map(agencies.map((a) => [a.id, a]));
  return groups
    .map((group) => ({
      agencyId: group.agencyId,
      nameFa: names.get(group.agencyId)?.nameFa ?? "",
      nameEn: names.get(group.agencyId)?.nameEn ?? "",
      count: group._count._all,
      oldestDaysOverdue: group._min.dueAt ? Math.max(0, daysBetweenTehranDates(group._min.dueAt, now)) : 0,
    }))
    .sort((a, b) => b.count - a.count || b.oldestDaysOverdue - a.oldestDaysOverdue || a.agencyId - b.agencyId);
}

export async function ratingStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod) {
  const result = await deps.db.rating.aggregate({
    where: { case: { workingGroupId }, createdAt: { gte: period.from, lt: period.to } },
    _avg: { score: true },
    _count: { _all: true },
  });
  return { count: result._count._all, average: result._avg.score ?? null };
}

/**
 * A working group's statistics for a period. No access check here: callers check
 * canReadStatistics (readGroupStatistics does both).
 */
export async function groupStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod): Promise<GroupStatistics> {
  const now = deps.now();
  const [cases, irreversible, meetings, { agencies, response }, overdue, ratings] = await Promise.all([
    caseStatistics(deps, workingGroupId, period),
    irreversibleOutcomes(deps, workingGroupId, period),
    meetingStatistics(deps, workingGroupId, period, now),
    agencyStatistics(deps, workingGroupId, period, now),
    overdueResolutions(deps, workingGroupId, now),
    ratingStatistics(deps, workingGroupId, period),
  ]);
  return { workingGroupId, period, generatedAt: now, cases, irreversible, meetings, agencies, agencyResponse: response, overdueResolutions: overdue, ratings };
}

