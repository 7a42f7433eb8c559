/**
 * The scorecards: per agency (the statistics desk's agency counts, src/services/statistics/
 * agencies.ts, reused as they are, plus the resolutions assigned to it and implemented) and per
 * bank (its loan tasks). Both over the period only: the tasks and resolutions assigned in it, as
 * they stand now.
 */
import { Prisma } from "../../db";
import type { ReportPeriod } from "../../domain/report-period";
import type { Topics } from "../../domain/report-topics";
import { agencyStatistics } from "../statistics/agencies";
import type { StatisticsPeriod } from "../statistics/periods";
import type { StatsDeps } from "../statistics/sql";
import { BLANK, loanTaskSql, utc } from "./sql";
import type { AgencyScore, BankScore } from "./types";

/**
 * The statistics desk's period of the same instants (its agency query reads only `from` and
 * `to`; a custom range is not one of its kinds, so it is labelled by its first month).
 */
function asStatisticsPeriod(period: ReportPeriod): StatisticsPeriod {
  const [year, month] = period.firstDay;
  const ymd = (t: readonly [number, number, number]) => ({ year: t[0], month: t[1], day: t[2] });
  return {
    kind: period.kind === "quarter" ? "season" : period.kind === "year" ? "year" : "month",
    year,
    month: period.kind === "month" || period.kind === "custom" ? month : null,
    season: period.kind === "quarter" ? (period.quarter ?? null) : null,
    firstDay: ymd(period.firstDay),
    lastDay: ymd(period.lastDay),
    from: period.start,
    to: period.end,
  };
}

const HOUR_MS = 3_600_000;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function agencyScores(deps: StatsDeps, workingGroupId: number, period: ReportPeriod): Promise<AgencyScore[]> {
  const now = deps.now();
  const [{ agencies, response }, resolutions, kinds] = await Promise.all([
    agencyStatistics(deps, workingGroupId, asStatisticsPeriod(period), now),
    deps.db.$queryRaw<Array<{ agencyId: number; assigned: number; implemented: number }>>`
      SELECT r."agencyId", count(*)::int AS assigned, count(*) FILTER (WHERE t.status = 'done')::int AS implemented
      FROM "Resolution" r
      JOIN "Meeting" m ON m.id = r."meetingId"
      LEFT JOIN "Task" t ON t."resolutionId" = r.id
      WHERE m."workingGroupId" = ${workingGroupId} AND r."agencyId" IS NOT NULL
        AND r."createdAt" >= ${utc(period.start)} AND r."createdAt" < ${utc(period.end)}
      GROUP BY r."agencyId"
    `,
    deps.db.agency.findMany({ where: { workingGroupId }, select: { id: true, kind: true, nameFa: true, nameEn: true } }),
  ]);
  const agency = new Map(kinds.map((a) => [a.id, a]));
  const medians = new Map(response.map((r) => [r.agencyId, r.medianResponseMs]));
  const resolved = new Map(resolutions.map((r) => [r.agencyId, r]));
  const ids = [...new Set([...agencies.map((a) => a.agencyId), ...resolutions.map((r) => r.agencyId)])];
  const performance = new Map(agencies.map((a) => [a.agencyId, a]));
  const scores = ids.map((agencyId): AgencyScore => {
    const a = performance.get(agencyId);
    const r = resolved.get(agencyId);
    const named = agency.get(agencyId);
    const doneOnTime = a?.doneOnTime ?? 0;
    const doneLate = (a?.done ?? 0) - doneOnTime;
    const overdue = a?.overdue ?? 0;
    const ms = medians.get(agencyId);
    return {
      agencyId,
      nameFa: named?.nameFa ?? a?.nameFa ?? "",
      nameEn: named?.nameEn ?? a?.nameEn ?? "",
      kind: named?.kind ?? "OTHER",
      tasksAssigned: a?.assigned ?? 0,
      doneOnTime,
      doneLate,
      // Reported done and awaiting review counts as open, as in the statistics desk.
      open: (a?.open ?? 0) + overdue,
      overdue,
      refusedWithReasons: a?.refusedWithReason ?? 0,
      refusedWithoutReasons: (a?.refused ?? 0) - (a?.refusedWithReason ?? 0),
      extensionsAsked: a?.extensionRequests ?? 0,
      medianResponseHours: ms === null || ms === undefined ? null : Math.round((ms / HOUR_MS) * 10) / 10,
      resolutionsAssigned: r?.assigned ?? 0,
      resolutionsImplemented: r?.implemented ?? 0,
      onTimeShare: share(doneOnTime, doneOnTime + doneLate + overdue),
      implementedShare: share(r?.implemented ?? 0, r?.assigned ?? 0),
    };
  });
  // Worst first: the lowest on-time share (nothing due yet last), then the most overdue.
  return scores.sort((x, y) => (x.onTimeShare ?? 2) - (y.onTimeShare ?? 2) || y.overdue - x.overdue || x.agencyId - y.agencyId);
}

/**
 * Per bank, its loan tasks (a bank's tasks on financing cases) assigned in the period, as they
 * stand now: approved (reported done with an amount), refused (a decision of "refused", or the
 * task refused), with written reasons, and pending (neither, not cancelled).
 */
export async function bankScores(deps: Pick<StatsDeps, "db">, workingGroupId: number, period: ReportPeriod, topics: Topics): Promise<BankScore[]> {
  const reported = Prisma.sql`t.status IN ('done_pending_review', 'done')`;
  // coalesce: a task without a decision (NULL) is neither, so NOT … holds for it.
  const approved = Prisma.sql`coalesce(t."loanDecision" = 'approved' AND ${reported}, false)`;
  const refused = Prisma.sql`coalesce((t."loanDecision" = 'refused' AND ${reported}) OR t.status = 'refused', false)`;
  const reasons = Prisma.sql`coalesce(CASE WHEN t.status = 'refused' THEN t."refusalReason" ELSE t."loanRefusalReasons" END, '') !~ ${`^[${BLANK}]*$`}`;
  const rows = await deps.db.$queryRaw<Array<Omit<BankScore, "amountApprovedRials"> & { amount: string }>>`
    SELECT t."agencyId", a."nameFa", a."nameEn",
      count(*)::int AS "loanRequests",
      count(*) FILTER (WHERE ${approved})::int AS approved,
      coalesce(sum(t."loanAmountRials") FILTER (WHERE ${approved}), 0)::text AS amount,
      count(*) FILTER (WHERE ${refused})::int AS refused,
      count(*) FILTER (WHERE ${refused} AND ${reasons})::int AS "refusedWithReasons",
      count(*) FILTER (WHERE NOT ${approved} AND NOT ${refused} AND t.status <> 'cancelled')::int AS pending
    FROM "Task" t JOIN "Agency" a ON a.id = t."agencyId" JOIN "Case" c ON c.id = t."caseId"
    WHERE t."workingGroupId" = ${workingGroupId} AND t."createdAt" >= ${utc(period.start)} AND t."createdAt" < ${utc(period.end)}
      AND ${loanTaskSql(topics)}
    GROUP BY t."agencyId", a.id
    ORDER BY sum(t."loanAmountRials") FILTER (WHERE ${approved}) DESC NULLS LAST, t."agencyId"
  `;
  return rows.map(({ amount, ...row }) => ({ ...row, amountApprovedRials: amount }));
}
