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
import { pausedWorkingDays, shiftedDueAt, type Pause, type WaitingOn } from "../../domain/clock-pause";
import { TEHRAN_TZ } from "../../domain/jalali";
import type { WorkingCalendar } from "../../domain/working-calendar";
import type { TaskStatus } from "../../generated/prisma/enums";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "../tasks";
import { addTask, performanceRows, tallyOf, type AgencyTally } from "./aggregation";
import type { StatisticsPeriod } from "./periods";
import { utc, within, type StatsDeps } from "./sql";
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
function dueAtNow(task: PausedTask, now: Date, calendar: WorkingCalendar): Date {
  if (task.waitingOn === null || task.startedAt === null) return task.dueAt;
  const running: Pause = { waitingOn: task.waitingOn, startedAt: task.startedAt, endedAt: null };
  return shiftedDueAt(task.dueAt, pausedWorkingDays(running, now, calendar), calendar);
}

/**
 * A task whose clock was paused when the tally was read, with its running pause: none (nulls)
 * if the pause ended in between, and then its due date has already moved.
 */
interface PausedTask {
  agencyId: number;
  status: TaskStatus;
  dueAt: Date;
  completedAt: Date | null;
  refusalReason: string | null;
  waitingOn: WaitingOn | null;
  startedAt: Date | null;
  extensions: number;
}

interface TallyRow extends AgencyTally {
  nameFa: string;
  nameEn: string;
  /** Tasks of the agency whose clock is paused now: counted in the process, not in the row. */
  running: number[];
}

interface ResponseRow {
  agencyId: number;
  /** Response times, over the answered tasks (all of them, paused or not). */
  responded: number;
  firstAnswered: number;
  medianResponseMs: number;
  medianNetResponseMs: number;
}

const tehranDay = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${TEHRAN_TZ})::date`;
// Whole milliseconds (the columns hold milliseconds) as float8: date_part, not extract, whose
// numeric arithmetic cost a fifth of the statement; round() undoes float8's last-digit error.
const ms = (interval: Prisma.Sql) => Prisma.sql`round(date_part('epoch', ${interval}) * 1000)`;
const inPeriod = (workingGroupId: number, period: StatisticsPeriod) =>
  Prisma.sql`t."workingGroupId" = ${workingGroupId} AND ${within(Prisma.sql`t."createdAt"`, period)}`;

/**
 * The tasks assigned in the period, per agency: the counts of those whose clock runs, and the
 * ids of those paused now. Plain counts and sums, so one hash aggregate (no sort).
 */
function tallyRows(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date) {
  const at = utc(now);
  const running = Prisma.sql`NOT f.running`;
  return deps.sql.rows<TallyRow>`
    WITH t AS MATERIALIZED (
      SELECT t.id, t."agencyId", t."dueAt",
        t."refusalReason" !~ ${`^[${BLANK}]*$`} AS "hasReason",
        coalesce(t."completedAt", ${at}) AS finished,
        CASE
          WHEN t.status IN ('done', 'refused', 'cancelled') THEN t.status::text
          WHEN t.status::text = ANY(${REMINDED_TASK_STATUSES}::text[]) AND t."dueAt" < ${at} THEN 'overdue'
          WHEN t.status::text = ANY(${OPEN_TASK_STATUSES}::text[]) THEN 'open'
          ELSE 'cancelled'
        END AS outcome,
        EXISTS (SELECT 1 FROM "ClockPause" p WHERE p."taskId" = t.id AND p."endedAt" IS NULL) AS running
      FROM "Task" t
      WHERE ${inPeriod(workingGroupId, period)}
    ), extensions AS (
      SELECT x."taskId", count(*) AS requests
      FROM "ExtensionRequest" x JOIN t ON t.id = x."taskId"
      GROUP BY x."taskId"
    ), f AS (
      SELECT t.id, t."agencyId", t.outcome, t.running, t."hasReason",
        t.outcome = 'done' AND t.finished <= t."dueAt" AS "onTime",
        coalesce(e.requests, 0) AS requests,
        CASE
          WHEN t.outcome = 'done' AND t.finished > t."dueAt" THEN ${tehranDay(Prisma.sql`t.finished`)} - ${tehranDay(Prisma.sql`t."dueAt"`)}
          WHEN t.outcome = 'overdue' THEN ${tehranDay(at)} - ${tehranDay(Prisma.sql`t."dueAt"`)}
        END AS "daysLate"
      FROM t
      LEFT JOIN extensions e ON e."taskId" = t.id
    ), g AS (
      SELECT
        f."agencyId",
        count(*) FILTER (WHERE ${running})::int AS assigned,
        count(*) FILTER (WHERE ${running} AND f.outcome = 'done')::int AS done,
        count(*) FILTER (WHERE ${running} AND f."onTime")::int AS "doneOnTime",
        count(*) FILTER (WHERE ${running} AND f.outcome = 'refused')::int AS refused,
        count(*) FILTER (WHERE ${running} AND f.outcome = 'refused' AND f."hasReason")::int AS "refusedWithReason",
        count(*) FILTER (WHERE ${running} AND f.outcome = 'open')::int AS open,
        count(*) FILTER (WHERE ${running} AND f.outcome = 'overdue')::int AS overdue,
        count(*) FILTER (WHERE ${running} AND f.outcome = 'cancelled')::int AS cancelled,
        coalesce(sum(f.requests) FILTER (WHERE ${running}), 0)::int AS "extensionRequests",
        coalesce(sum(greatest(0, f."daysLate")) FILTER (WHERE ${running}), 0)::int AS "lateDaysTotal",
        count(f."daysLate") FILTER (WHERE ${running})::int AS "lateDays",
        coalesce(array_agg(f.id) FILTER (WHERE f.running), '{}') AS running
      FROM f
      GROUP BY f."agencyId"
    )
    SELECT g.*, a."nameFa", a."nameEn"
    FROM g
    JOIN "Agency" a ON a.id = g."agencyId"
  `;
}

/**
 * The answered tasks assigned in the period, per agency: how many, the first, and the medians
 * of their response time gross and net of the clock's pauses.
 */
function responseRows(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date) {
  const at = utc(now);
  return deps.sql.rows<ResponseRow>`
    WITH t AS MATERIALIZED (
      SELECT t.id, t."agencyId", t."createdAt", t."completedAt"
      FROM "Task" t
      WHERE ${inPeriod(workingGroupId, period)} AND t."completedAt" IS NOT NULL
    ), waits AS (
      SELECT p."taskId", sum(greatest(0, ${ms(Prisma.sql`least(t."completedAt", coalesce(p."endedAt", ${at})) - greatest(t."createdAt", p."startedAt")`)})) AS waited
      FROM "ClockPause" p JOIN t ON t.id = p."taskId"
      GROUP BY p."taskId"
    ), f AS (
      SELECT t.id, t."agencyId", greatest(0, ${ms(Prisma.sql`t."completedAt" - t."createdAt"`)}) AS gross, coalesce(w.waited, 0) AS waited
      FROM t
      LEFT JOIN waits w ON w."taskId" = t.id
    )
    SELECT f."agencyId",
      count(*)::int AS responded,
      min(f.id) AS "firstAnswered",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY f.gross) AS "medianResponseMs",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, f.gross - f.waited)) AS "medianNetResponseMs"
    FROM f
    GROUP BY f."agencyId"
  `;
}

export async function agencyStatistics(
  deps: StatsDeps,
  workingGroupId: number,
  period: StatisticsPeriod,
  now: Date,
): Promise<{ agencies: AgencyPerformance[]; response: AgencyResponseTime[] }> {
  // Side by side on two connections: the counts (a hash aggregate) and the medians (a sort per agency).
  const [rows, responses] = await Promise.all([tallyRows(deps, workingGroupId, period, now), responseRows(deps, workingGroupId, period, now)]);
  const byAgency = new Map<number, AgencyTally>();
  const names = new Map<number, { nameFa: string; nameEn: string }>();
  const runningIds: number[] = [];
  for (const { nameFa, nameEn, running, ...tally } of rows) {
    names.set(tally.agencyId, { nameFa, nameEn });
    runningIds.push(...running);
    if (tally.assigned > 0) byAgency.set(tally.agencyId, tally);
  }
  if (runningIds.length > 0) {
    // The paused tasks with their running pause (at most one: ClockPause_taskId_running_key; a
    // LEFT JOIN, as the pause may have ended since the tally's statement: the task still counts).
    const paused = await deps.sql.rows<PausedTask>`
      SELECT t."agencyId", t.status::text AS status, t."dueAt", t."completedAt", t."refusalReason",
        p."waitingOn"::text AS "waitingOn", p."startedAt",
        (SELECT count(*) FROM "ExtensionRequest" x WHERE x."taskId" = t.id)::int AS extensions
      FROM "Task" t
      LEFT JOIN "ClockPause" p ON p."taskId" = t.id AND p."endedAt" IS NULL
      WHERE t.id = ANY(${runningIds}::int[])
    `;
    for (const task of paused) {
      let tally = byAgency.get(task.agencyId);
      if (!tally) byAgency.set(task.agencyId, (tally = tallyOf(task.agencyId)));
      const facts = {
        agencyId: task.agencyId,
        status: task.status,
        dueAt: dueAtNow(task, now, deps.policies.calendar),
        completedAt: task.completedAt,
        hasRefusalReason: (task.refusalReason ?? "").trim() !== "",
        extensionRequests: task.extensions,
      };
      addTask(tally, facts, now);
    }
  }
  const named = <T extends { agencyId: number }>(row: T) => ({ ...row, nameFa: names.get(row.agencyId)?.nameFa ?? "", nameEn: names.get(row.agencyId)?.nameEn ?? "" });
  // In the order of each agency's first answered task, as agencyResponseTimes lists them.
  const response = responses
    .sort((a, b) => a.firstAnswered - b.firstAnswered)
    .map(({ agencyId, responded, medianResponseMs, medianNetResponseMs }) => named({ agencyId, responded, medianResponseMs, medianNetResponseMs }));
  return {
    agencies: performanceRows(byAgency.values()).map(named),
    response,
  };
}
