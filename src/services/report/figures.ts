/**
 * The report's counts, each for the period and the previous one in one statement (aggregates in
 * PostgreSQL, no per-case loop). What each counts is in ./index.ts.
 */
import { Prisma } from "../../db";
import type { Deps } from "../../deps";
import { twelveMonthsEnding, type ReportPeriod } from "../../domain/report-period";
import type { Topics } from "../../domain/report-topics";
import type { MonthRow } from "./types";
import { bothPeriods, inCurrent, loanTaskSql, topicSql, utc, type Periods } from "./sql";

type Db = Pick<Deps, "db">;
export interface Pair {
  cur: number;
  prev: number;
}
interface KeyedPair extends Pair {
  key: string;
}
const pair = (cur: Prisma.Sql, prev: Prisma.Sql) => Prisma.sql`count(*) FILTER (WHERE ${cur})::int AS cur, count(*) FILTER (WHERE ${prev})::int AS prev`;

/** Meetings held (status HELD, heldAt in the period), by kind. */
export function meetingsHeld(deps: Db, workingGroupId: number, p: Periods) {
  const at = Prisma.sql`m."heldAt"`;
  return deps.db.$queryRaw<KeyedPair[]>`
    SELECT m.kind::text AS key, ${pair(inCurrent(at, p), Prisma.sql`NOT ${inCurrent(at, p)}`)}
    FROM "Meeting" m
    WHERE m."workingGroupId" = ${workingGroupId} AND m.status = 'HELD' AND ${bothPeriods(at, p)}
    GROUP BY m.kind
  `;
}

/**
 * The agenda items of the meetings held in the period: distinct units heard (key "units") and the
 * items per topic (key "topic:<key>").
 */
export function agendaHeard(deps: Db, workingGroupId: number, p: Periods, topics: Topics) {
  return deps.db.$queryRaw<KeyedPair[]>`
    WITH h AS MATERIALIZED (
      SELECT ${inCurrent(Prisma.sql`m."heldAt"`, p)} AS cur, c."unitId", ${topicSql(topics)} AS topic
      FROM "Meeting" m
      JOIN "AgendaItem" ai ON ai."meetingId" = m.id
      JOIN "Case" c ON c.id = ai."caseId"
      WHERE m."workingGroupId" = ${workingGroupId} AND m.status = 'HELD' AND ${bothPeriods(Prisma.sql`m."heldAt"`, p)}
    )
    SELECT 'units' AS key, count(DISTINCT "unitId") FILTER (WHERE cur)::int AS cur, count(DISTINCT "unitId") FILTER (WHERE NOT cur)::int AS prev FROM h
    UNION ALL
    SELECT 'topic:' || topic, count(*) FILTER (WHERE cur)::int, count(*) FILTER (WHERE NOT cur)::int FROM h GROUP BY topic
  `;
}

/** Resolutions recorded (createdAt) in meetings of the group. */
export async function resolutionsRecorded(deps: Db, workingGroupId: number, p: Periods): Promise<Pair> {
  const at = Prisma.sql`r."createdAt"`;
  const [row] = await deps.db.$queryRaw<Pair[]>`
    SELECT ${pair(inCurrent(at, p), Prisma.sql`NOT ${inCurrent(at, p)}`)}
    FROM "Resolution" r JOIN "Meeting" m ON m.id = r."meetingId"
    WHERE m."workingGroupId" = ${workingGroupId} AND ${bothPeriods(at, p)}
  `;
  return row ?? { cur: 0, prev: 0 };
}

/** Cases reported (submittedAt), per topic. */
export function casesReportedByTopic(deps: Db, workingGroupId: number, p: Periods, topics: Topics) {
  const at = Prisma.sql`c."submittedAt"`;
  return deps.db.$queryRaw<KeyedPair[]>`
    SELECT ${topicSql(topics)} AS key, ${pair(inCurrent(at, p), Prisma.sql`NOT ${inCurrent(at, p)}`)}
    FROM "Case" c
    WHERE c."workingGroupId" = ${workingGroupId} AND ${bothPeriods(at, p)}
    GROUP BY 1
  `;
}

export interface ResolvedRow {
  resolvedCur: number;
  resolvedPrev: number;
  beforeCur: number;
  beforePrev: number;
  afterCur: number;
  afterPrev: number;
}

/**
 * Cases resolved (resolvedAt) in the period; of those with an irreversible date, resolved on or
 * before it (saved before) or after it; and the cases whose irreversible date came in the period
 * that the producer reported lost ("happened") and that are not resolved: after, too.
 */
export async function casesResolved(deps: Db, workingGroupId: number, p: Periods): Promise<ResolvedRow> {
  const at = Prisma.sql`c."resolvedAt"`;
  const cur = inCurrent(at, p);
  const due = Prisma.sql`c."irreversibleAt"`;
  const [resolved, lost] = await Promise.all([
    deps.db.$queryRaw<ResolvedRow[]>`
      SELECT
        count(*) FILTER (WHERE ${cur})::int AS "resolvedCur",
        count(*) FILTER (WHERE NOT ${cur})::int AS "resolvedPrev",
        count(*) FILTER (WHERE ${cur} AND c."resolvedAt" <= ${due})::int AS "beforeCur",
        count(*) FILTER (WHERE NOT ${cur} AND c."resolvedAt" <= ${due})::int AS "beforePrev",
        count(*) FILTER (WHERE ${cur} AND c."resolvedAt" > ${due})::int AS "afterCur",
        count(*) FILTER (WHERE NOT ${cur} AND c."resolvedAt" > ${due})::int AS "afterPrev"
      FROM "Case" c
      WHERE c."workingGroupId" = ${workingGroupId} AND ${bothPeriods(at, p)}
    `,
    deps.db.$queryRaw<Pair[]>`
      SELECT ${pair(inCurrent(due, p), Prisma.sql`NOT ${inCurrent(due, p)}`)}
      FROM "Case" c
      WHERE c."workingGroupId" = ${workingGroupId} AND ${bothPeriods(due, p)}
        AND c."irreversibleOutcome" = 'happened' AND c."resolvedAt" IS NULL
    `,
  ]);
  const row = resolved[0] ?? { resolvedCur: 0, resolvedPrev: 0, beforeCur: 0, beforePrev: 0, afterCur: 0, afterPrev: 0 };
  return { ...row, afterCur: row.afterCur + (lost[0]?.cur ?? 0), afterPrev: row.afterPrev + (lost[0]?.prev ?? 0) };
}

/**
 * Distinct units with a task assigned (createdAt) to an agency: per agency (key the agency id)
 * and over all agencies (key "all").
 */
export function unitsIntroduced(deps: Db, workingGroupId: number, p: Periods) {
  const at = Prisma.sql`t."createdAt"`;
  return deps.db.$queryRaw<Array<KeyedPair & { nameFa: string | null; nameEn: string | null }>>`
    WITH u AS MATERIALIZED (
      SELECT t."agencyId", c."unitId", ${inCurrent(at, p)} AS cur
      FROM "Task" t JOIN "Case" c ON c.id = t."caseId"
      WHERE t."workingGroupId" = ${workingGroupId} AND ${bothPeriods(at, p)}
    )
    SELECT coalesce(u."agencyId"::text, 'all') AS key, min(a."nameFa") AS "nameFa", min(a."nameEn") AS "nameEn",
      count(DISTINCT u."unitId") FILTER (WHERE u.cur)::int AS cur,
      count(DISTINCT u."unitId") FILTER (WHERE NOT u.cur)::int AS prev
    FROM u LEFT JOIN "Agency" a ON a.id = u."agencyId"
    GROUP BY GROUPING SETS ((u."agencyId"), ())
  `;
}

export interface FinancingRow {
  amountCur: string;
  amountPrev: string;
  unitsCur: number;
  unitsPrev: number;
  refusedCur: number;
  refusedPrev: number;
}

/**
 * Loan decisions given in the period (the task's completedAt): approved amounts (reported done
 * with an amount, awaiting review or confirmed) and the units financed; refusals (a decision of
 * "refused", or the loan task refused outright).
 */
export async function financing(deps: Db, workingGroupId: number, p: Periods, topics: Topics): Promise<FinancingRow> {
  const at = Prisma.sql`t."completedAt"`;
  const cur = inCurrent(at, p);
  const approved = Prisma.sql`t."loanDecision" = 'approved' AND t.status IN ('done_pending_review', 'done')`;
  const refused = Prisma.sql`((t."loanDecision" = 'refused' AND t.status IN ('done_pending_review', 'done')) OR t.status = 'refused')`;
  const [row] = await deps.db.$queryRaw<FinancingRow[]>`
    SELECT
      coalesce(sum(t."loanAmountRials") FILTER (WHERE ${cur} AND ${approved}), 0)::text AS "amountCur",
      coalesce(sum(t."loanAmountRials") FILTER (WHERE NOT ${cur} AND ${approved}), 0)::text AS "amountPrev",
      count(DISTINCT c."unitId") FILTER (WHERE ${cur} AND ${approved})::int AS "unitsCur",
      count(DISTINCT c."unitId") FILTER (WHERE NOT ${cur} AND ${approved})::int AS "unitsPrev",
      count(*) FILTER (WHERE ${cur} AND ${refused})::int AS "refusedCur",
      count(*) FILTER (WHERE NOT ${cur} AND ${refused})::int AS "refusedPrev"
    FROM "Task" t JOIN "Agency" a ON a.id = t."agencyId" JOIN "Case" c ON c.id = t."caseId"
    WHERE t."workingGroupId" = ${workingGroupId} AND ${bothPeriods(at, p)} AND ${loanTaskSql(topics)}
  `;
  return row ?? { amountCur: "0", amountPrev: "0", unitsCur: 0, unitsPrev: 0, refusedCur: 0, refusedPrev: 0 };
}

/** Per Jalali month of the twelve ending with the period's: cases reported, resolved, resolutions recorded. */
export async function byMonth(deps: Db, workingGroupId: number, period: ReportPeriod): Promise<MonthRow[]> {
  const months = twelveMonthsEnding(period);
  const values = Prisma.join(months.map((m, i) => Prisma.sql`(${i}::int, ${utc(m.start)}, ${utc(m.end)})`));
  const rows = await deps.db.$queryRaw<Array<{ i: number; reported: number; resolved: number; resolutions: number }>>`
    SELECT m.i,
      (SELECT count(*) FROM "Case" c WHERE c."workingGroupId" = ${workingGroupId} AND c."submittedAt" >= m.f AND c."submittedAt" < m.t)::int AS reported,
      (SELECT count(*) FROM "Case" c WHERE c."workingGroupId" = ${workingGroupId} AND c."resolvedAt" >= m.f AND c."resolvedAt" < m.t)::int AS resolved,
      (SELECT count(*) FROM "Resolution" r JOIN "Meeting" g ON g.id = r."meetingId"
        WHERE g."workingGroupId" = ${workingGroupId} AND r."createdAt" >= m.f AND r."createdAt" < m.t)::int AS resolutions
    FROM (VALUES ${values}) AS m(i, f, t)
    ORDER BY m.i
  `;
  return rows.map((row) => {
    const m = months[row.i] as ReportPeriod;
    return { jalaliYear: m.firstDay[0], jalaliMonth: m.firstDay[1], casesReported: row.reported, casesResolved: row.resolved, resolutionsRecorded: row.resolutions };
  });
}
