/**
 * The agencies' part of the statistics: per agency, the tasks assigned in the period and where
 * they stand now (agencyPerformance's counts), and their response times gross and net of the
 * clock pauses (agencyResponseTimes). The rules are the pure functions of ./aggregation.ts; at
 * a year of a big working group (tens of thousands of tasks) loading every task into the
 * process cost most of a second, so PostgreSQL adds them up here, by the same rules:
 *
 * - a task's outcome is taskOutcome's (done, refused, cancelled by status; overdue when it is
 *   the agency's turn and past its due date; open while unfinished; else cancelled);
 * - days late are Tehran calendar days (daysBetweenTehranDates), from the due date to the
 *   completion, or to today for an overdue task;
 * - a written reason is one that is not blank as String.prototype.trim sees blank (BLANK);
 * - net response time is netDurationMs: the span minus its overlap with each pause (a running
 *   pause counting until now).
 *
 * A task whose clock is paused right now is judged by its due date as the pause has moved it so
 * far, which takes the working calendar (holidays are data): those few tasks are counted here in
 * the process with addTask, exactly as agencyPerformance does. test/integration/statistics-
 * sql.test.ts checks the SQL against the pure functions on generated tasks.
 */
import { Prisma } from "../../db";
import { pausedWorkingDays, shiftedDueAt, type Pause } from "../../domain/clock-pause";
import { TEHRAN_TZ } from "../../domain/jalali";
import type { WorkingCalendar } from "../../domain/working-calendar";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "../tasks";
import { addTask, performanceRows, tallyOf, type AgencyTally } from "./aggregation";
import type { StatisticsPeriod } from "./periods";
import { utc, type StatsDeps } from "./sql";
import type { AgencyPerformance, AgencyResponseTime } from "./types";

/**
 * The characters String.prototype.trim removes (ECMAScript's WhiteSpace and LineTerminator):
 * a refusal reason made of these only is no reason. A unit test compares it with trim itself.
 */
export const BLANK = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * The due date a task is judged by now: a running pause has already moved it by the working
 * days paused so far (the row moves when the pause ends; src/services/clock-pauses.ts).
 */
function dueAtNow(task: { dueAt: Date; clockPauses: readonly Pause[] }, now: Date, calendar: WorkingCalendar): Date {
  const running = task.clockPauses.find((pause) => pause.endedAt === null);
  return running ? shiftedDueAt(task.dueAt, pausedWorkingDays(running, now, calendar), calendar) : task.dueAt;
}

interface TallyRow extends AgencyTally {
  nameFa: string;
  nameEn: string;
  /** Tasks of the agency whose clock is paused now: counted in the process, not in the row. */
  running: number[];
}

/** Per agency, the tasks assigned in the period whose clock runs, added up. */
function tallies(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date) {
  const tehranDay = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${TEHRAN_TZ})::date`;
  const nowSql = utc(now);
  return deps.db.$queryRaw<TallyRow[]>`
    SELECT
      t."agencyId", a."nameFa", a."nameEn",
      count(*) FILTER (WHERE NOT t.running)::int AS assigned,
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'done')::int AS done,
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'done' AND t.finished <= t."dueAt")::int AS "doneOnTime",
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'refused')::int AS refused,
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'refused' AND t."refusalReason" !~ ${`^[${BLANK}]*$`})::int AS "refusedWithReason",
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'open')::int AS open,
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'overdue')::int AS overdue,
      count(*) FILTER (WHERE NOT t.running AND t.outcome = 'cancelled')::int AS cancelled,
      coalesce(sum(t.extensions) FILTER (WHERE NOT t.running), 0)::int AS "extensionRequests",
      coalesce(sum(greatest(0, t."lateUntil" - ${tehranDay(Prisma.sql`t."dueAt"`)})) FILTER (WHERE NOT t.running), 0)::int AS "lateDaysTotal",
      count(t."lateUntil") FILTER (WHERE NOT t.running)::int AS "lateDays",
      coalesce(array_agg(t.id ORDER BY t.id) FILTER (WHERE t.running), '{}') AS running
    FROM (
      SELECT t.*,
        CASE
          WHEN t.outcome = 'done' AND t.finished > t."dueAt" THEN ${tehranDay(Prisma.sql`t.finished`)}
          WHEN t.outcome = 'overdue' THEN ${tehranDay(nowSql)}
        END AS "lateUntil"
      FROM (
        SELECT t.id, t."agencyId", t."dueAt", t."refusalReason", coalesce(t."completedAt", ${nowSql}) AS finished,
          CASE
            WHEN t.status IN ('done', 'refused', 'cancelled') THEN t.status::text
            WHEN t.status::text = ANY(${REMINDED_TASK_STATUSES}::text[]) AND t."dueAt" < ${nowSql} THEN 'overdue'
            WHEN t.status::text = ANY(${OPEN_TASK_STATUSES}::text[]) THEN 'open'
            ELSE 'cancelled'
          END AS outcome,
          EXISTS (SELECT 1 FROM "ClockPause" p WHERE p."taskId" = t.id AND p."endedAt" IS NULL) AS running,
          (SELECT count(*) FROM "ExtensionRequest" x WHERE x."taskId" = t.id) AS extensions
        FROM "Task" t
        WHERE t."workingGroupId" = ${workingGroupId} AND t."createdAt" >= ${utc(period.from)} AND t."createdAt" < ${utc(period.to)}
      ) t
    ) t
    JOIN "Agency" a ON a.id = t."agencyId"
    GROUP BY t."agencyId", a."nameFa", a."nameEn"
  `;
}

/**
 * Per agency, of its answered tasks assigned in the period: the median time to the answer and
 * the same net of the pauses; agencies in the order of their first answered task.
 */
function responseTimes(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date) {
  const ms = (interval: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${interval}) * 1000)`;
  return deps.db.$queryRaw<AgencyResponseTime[]>`
    SELECT r."agencyId", a."nameFa", a."nameEn", count(*)::int AS responded,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY r.gross::float8) AS "medianResponseMs",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, r.gross - r.waited)::float8) AS "medianNetResponseMs"
    FROM (
      SELECT t.id, t."agencyId",
        greatest(0, ${ms(Prisma.sql`t."completedAt" - t."createdAt"`)}) AS gross,
        coalesce((
          SELECT sum(greatest(0, ${ms(Prisma.sql`least(t."completedAt", coalesce(p."endedAt", ${utc(now)})) - greatest(t."createdAt", p."startedAt")`)}))
          FROM "ClockPause" p WHERE p."taskId" = t.id
        ), 0) AS waited
      FROM "Task" t
      WHERE t."workingGroupId" = ${workingGroupId} AND t."createdAt" >= ${utc(period.from)} AND t."createdAt" < ${utc(period.to)}
        AND t."completedAt" IS NOT NULL
    ) r
    JOIN "Agency" a ON a.id = r."agencyId"
    GROUP BY r."agencyId", a."nameFa", a."nameEn"
    ORDER BY min(r.id)
  `;
}

export async function agencyStatistics(
  deps: StatsDeps,
  workingGroupId: number,
  period: StatisticsPeriod,
  now: Date,
): Promise<{ agencies: AgencyPerformance[]; response: AgencyResponseTime[] }> {
  const [rows, response] = await Promise.all([tallies(deps, workingGroupId, period, now), responseTimes(deps, workingGroupId, period, now)]);
  const byAgency = new Map<number, AgencyTally>();
  const names = new Map<number, { nameFa: string; nameEn: string }>();
  const runningIds: number[] = [];
  for (const { nameFa, nameEn, running, ...tally } of rows) {
    names.set(tally.agencyId, { nameFa, nameEn });
    runningIds.push(...running);
    if (tally.assigned > 0) byAgency.set(tally.agencyId, tally);
  }
  if (runningIds.length > 0) {
    const paused = await deps.db.task.findMany({
      where: { id: { in: runningIds } },
      select: {
        agencyId: true,
        status: true,
        dueAt: true,
        completedAt: true,
        refusalReason: true,
        clockPauses: { where: { endedAt: null }, select: { waitingOn: true, startedAt: true, endedAt: true } },
        _count: { select: { extensions: true } },
      },
    });
    for (const task of paused) {
      let tally = byAgency.get(task.agencyId);
      if (!tally) byAgency.set(task.agencyId, (tally = tallyOf(task.agencyId)));
      const facts = {
        agencyId: task.agencyId,
        status: task.status,
        dueAt: dueAtNow(task, now, deps.policies.calendar),
        completedAt: task.completedAt,
        hasRefusalReason: (task.refusalReason ?? "").trim() !== "",
        extensionRequests: task._count.extensions,
      };
      addTask(tally, facts, now);
    }
  }
  for (const row of response) names.set(row.agencyId, { nameFa: row.nameFa, nameEn: row.nameEn });
  const named = <T extends { agencyId: number }>(row: T) => ({ ...row, nameFa: names.get(row.agencyId)?.nameFa ?? "", nameEn: names.get(row.agencyId)?.nameEn ?? "" });
  return {
    agencies: performanceRows(byAgency.values()).map(named),
    response: response.map(({ agencyId, responded, medianResponseMs, medianNetResponseMs }) => named({ agencyId, responded, medianResponseMs, medianNetResponseMs })),
  };
}
