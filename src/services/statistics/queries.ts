/**
 * The statistics desk's queries: a working group's cases, meetings, agencies, overdue
 * resolutions and ratings for a period, each part in one or two queries, run side by side.
 * What each number counts is in ./index.ts.
 */
import { daysBetweenTehranDates } from "../../domain/jalali";
import type { CaseStatus, MeetingKind, ResolutionType, TaskStatus } from "../../generated/prisma/enums";
import type { Urgency } from "../../domain/urgency";
import { REMINDED_TASK_STATUSES } from "../tasks";
import { agencyStatistics } from "./agencies";
import { categoryRank, taskOutcome } from "./aggregation";
import { Prisma } from "../../db";
import { utc, within, type StatsDeps } from "./sql";
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
  const [groups, [timing]] = await Promise.all([
    // Raw on the SQL port, like the statement beside it: the query builder's groupBy cost more
    // CPU in the process (compiling it) than PostgreSQL's index-only scan.
    deps.sql.rows<{ status: CaseStatus; category: string; urgency: Urgency; count: number }>`
      SELECT c.status::text AS status, c.category, c.urgency::text AS urgency, count(*)::int AS count
      FROM "Case" c
      WHERE c."workingGroupId" = ${workingGroupId} AND ${within(Prisma.sql`c."submittedAt"`, period)}
      GROUP BY 1, 2, 3
    `,
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
           WHERE r."workingGroupId" = ${workingGroupId} AND ${within(Prisma.sql`r."resolvedAt"`, period)}
        )::float8 AS "resolutionSeconds"
      FROM "Case" c
      WHERE c."workingGroupId" = ${workingGroupId} AND ${within(Prisma.sql`c."submittedAt"`, period)}
    `,
  ]);
  const byStatus = Object.fromEntries(CASE_STATUS_BUCKETS.map((bucket) => [bucket, 0])) as Record<CaseStatusBucket, number>;
  const byCategory = new Map<string, number>();
  let reported = 0;
  let critical = 0;
  for (const group of groups) {
    const count = group.count;
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
        AND ${within(Prisma.sql`c."irreversibleAt"`, { from: period.from, to: until })}
    ) dated
  `;
  const due = row?.due ?? 0;
  const saved = row?.saved ?? 0;
  const lost = row?.lost ?? 0;
  return { due, saved, lost, unknown: due - saved - lost, reportedAfterDate: row?.late ?? 0 };
}

export async function meetingStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date): Promise<MeetingStatistics> {
  // Raw on the SQL port: through the query builder these two (a groupBy, and the resolutions
  // with their tasks, which it loads as a second query and joins in the process) cost ~20 ms of
  // the process's CPU for a year's few hundred resolutions, more than all of /stats' SQL.
  const [held, resolutions] = await Promise.all([
    deps.sql.rows<{ kind: MeetingKind; count: number }>`
      SELECT m.kind::text AS kind, count(*)::int AS count
      FROM "Meeting" m
      WHERE m."workingGroupId" = ${workingGroupId} AND m.status = 'HELD' AND ${within(Prisma.sql`m."heldAt"`, period)}
      GROUP BY m.kind
    `,
    // A resolution has at most one task (Task_resolutionId_key).
    deps.sql.rows<{ type: ResolutionType; taskStatus: TaskStatus | null; taskDueAt: Date | null }>`
      SELECT r.type::text AS type, t.status::text AS "taskStatus", t."dueAt" AS "taskDueAt"
      FROM "Resolution" r
      JOIN "Meeting" m ON m.id = r."meetingId"
      LEFT JOIN "Task" t ON t."resolutionId" = r.id
      WHERE m."workingGroupId" = ${workingGroupId} AND ${within(Prisma.sql`r."createdAt"`, period)}
    `,
  ]);
  const heldByKind: Record<MeetingKind, number> = { COMMITTEE: 0, WORKING_GROUP: 0 };
  for (const row of held) heldByKind[row.kind] = row.count;
  const byType: Record<ResolutionType, number> = { DECISION: 0, TASK: 0, INFORMATION: 0 };
  const tasks: TaskOutcomeCounts = { open: 0, done: 0, overdue: 0 };
  for (const resolution of resolutions) {
    byType[resolution.type] += 1;
    if (resolution.taskStatus === null || resolution.taskDueAt === null) continue;
    const outcome = taskOutcome({ status: resolution.taskStatus, dueAt: resolution.taskDueAt }, now);
    if (outcome === "open" || outcome === "done" || outcome === "overdue") tasks[outcome] += 1;
  }
  return { held: heldByKind, resolutions: { total: resolutions.length, byType, tasks } };
}

export async function overdueResolutions(deps: StatsDeps, workingGroupId: number, now: Date): Promise<OverdueResolutions[]> {
  // Raw on the SQL port (see meetingStatistics): the groupBy and the agencies' names in one.
  const groups = await deps.sql.rows<{ agencyId: number; nameFa: string; nameEn: string; count: number; oldestDueAt: Date }>`
    SELECT t."agencyId", a."nameFa", a."nameEn", count(*)::int AS count, min(t."dueAt") AS "oldestDueAt"
    FROM "Task" t
    JOIN "Agency" a ON a.id = t."agencyId"
    WHERE t."workingGroupId" = ${workingGroupId} AND t."resolutionId" IS NOT NULL
      AND t.status::text = ANY(${REMINDED_TASK_STATUSES}::text[]) AND t."dueAt" < ${utc(now)}
    GROUP BY t."agencyId", a.id
  `;
  return groups
    .map((group) => ({
      agencyId: group.agencyId,
      nameFa: group.nameFa,
      nameEn: group.nameEn,
      count: group.count,
      oldestDaysOverdue: Math.max(0, daysBetweenTehranDates(group.oldestDueAt, now)),
    }))
    .sort((a, b) => b.count - a.count || b.oldestDaysOverdue - a.oldestDaysOverdue || a.agencyId - b.agencyId);
}

export async function ratingStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod) {
  // Raw on the SQL port (see caseStatistics); the cases' side is Case_workingGroupId_id_idx.
  const [row] = await deps.sql.rows<{ count: number; average: number | null }>`
    SELECT count(*)::int AS count, avg(r.score)::float8 AS average
    FROM "Rating" r JOIN "Case" c ON c.id = r."caseId"
    WHERE c."workingGroupId" = ${workingGroupId} AND ${within(Prisma.sql`r."createdAt"`, period)}
  `;
  return { count: row?.count ?? 0, average: row?.average ?? null };
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

