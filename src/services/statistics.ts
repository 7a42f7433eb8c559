/**
 * The statistics desk: a working group's numbers for a Jalali period (this month, this season
 * — the quarterly report of the seeds — or this year), as plain data. Rendering (message, CSV
 * labels) belongs to src/bot/features/statistics.ts.
 *
 * What each number counts:
 * - Cases: reported (submitted) in the period; status, category and urgency as they are now.
 *   Median time to the first action: from submission to the first timeline event by someone
 *   other than the unit's people (system events have no actor and do not count). Median time
 *   to resolution: cases resolved in the period (their resolvedAt), from submission.
 * - Meetings: held in the period (heldAt), by kind. Resolutions: recorded in the period, by
 *   type, and where their tasks stand now.
 * - Agencies: the tasks assigned in the period, each in exactly one of done / refused / open /
 *   overdue / cancelled as it stands now. Overdue: the agency's turn (open, acknowledged, in
 *   progress) and past its due date; a task reported done and awaiting review counts as open.
 *   On time: confirmed done with the completion reported by the due date. On-time rate: on time
 *   ÷ (done + overdue) — the tasks that have had to be finished by now. Days late: Tehran
 *   calendar days past the due date, of late completions and of overdue tasks (until today).
 * - Overdue resolutions by agency: a snapshot (every period), the chair's first question.
 * - Ratings: given in the period by producers, average and count.
 */
import type { Deps } from "../deps";
import { Prisma } from "../db";
import { CATEGORY_IDS } from "../domain/categories";
import {
  addJalaliDays,
  daysBetweenTehranDates,
  jalaliToEpochDay,
  jalaliToInstant,
  todayInTehran,
  type JalaliDate,
} from "../domain/jalali";
import type { MeetingKind, ResolutionType, TaskStatus } from "../generated/prisma/enums";
import { inScope, queueGroups } from "./authz";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "./tasks";
import type { SessionUser } from "./users";

type WithMemberships = Pick<SessionUser, "memberships">;

// ---------------------------------------------------------------------------------------------
// Who may read the numbers: the group's chair, secretariat and admins (the same people who may
// read its queue). Always from the memberships loaded for the update, never from callback data.

export function statisticsGroups(user: WithMemberships) {
  return queueGroups(user);
}

export function canReadStatistics(user: WithMemberships, workingGroupId: number): boolean {
  return inScope(statisticsGroups(user), workingGroupId);
}

export class StatisticsAccessError extends Error {
  override name = "StatisticsAccessError";
}

/** The working groups whose statistics the user may read, for the picker. */
export async function statisticsWorkingGroups(deps: Pick<Deps, "db">, user: WithMemberships) {
  const scope = statisticsGroups(user);
  if (!scope.all && scope.ids.length === 0) return [];
  return deps.db.workingGroup.findMany({
    where: scope.all ? {} : { id: { in: scope.ids } },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameFa: true, nameEn: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Periods

export const PERIOD_KINDS = ["month", "season", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One letter per period for callback data. */
export const PERIOD_CODES: Record<PeriodKind, string> = { month: "m", season: "s", year: "y" };

export function periodKindFromCode(code: string | undefined): PeriodKind | null {
  return PERIOD_KINDS.find((kind) => PERIOD_CODES[kind] === code) ?? null;
}

export interface StatisticsPeriod {
  kind: PeriodKind;
  /** The Jalali year; for a month also its number (1–12); for a season its number (1–4). */
  year: number;
  month: number | null;
  season: number | null;
  firstDay: JalaliDate;
  lastDay: JalaliDate;
  /** [from, to): 00:00 Tehran of the first day to 00:00 Tehran of the day after the last. */
  from: Date;
  to: Date;
}

function firstOfMonth(year: number, month: number): JalaliDate {
  // month may run past 12: the next year's months.
  const extraYears = Math.floor((month - 1) / 12);
  return { year: year + extraYears, month: month - extraYears * 12, day: 1 };
}

/** The Jalali month, season (three months from Farvardin, Tir, Mehr, Dey) or year that `now` is in, in Tehran. */
export function statisticsPeriod(kind: PeriodKind, now: Date): StatisticsPeriod {
  const today = todayInTehran(now);
  const season = Math.floor((today.month - 1) / 3) + 1;
  const firstMonth = kind === "month" ? today.month : kind === "season" ? (season - 1) * 3 + 1 : 1;
  const months = kind === "month" ? 1 : kind === "season" ? 3 : 12;
  const firstDay = firstOfMonth(today.year, firstMonth);
  const next = firstOfMonth(today.year, firstMonth + months);
  return {
    kind,
    year: today.year,
    month: kind === "month" ? today.month : null,
    season: kind === "season" ? season : null,
    firstDay,
    lastDay: addJalaliDays(next, -1),
    from: jalaliToInstant(firstDay),
    to: jalaliToInstant(next),
  };
}

/** Days in the period (for a sanity line and tests). */
export function periodLength(period: StatisticsPeriod): number {
  return jalaliToEpochDay(period.lastDay) - jalaliToEpochDay(period.firstDay) + 1;
}

// ---------------------------------------------------------------------------------------------
// The result

export const CASE_STATUS_BUCKETS = ["open", "resolved", "closed", "rejected", "duplicate"] as const;
export type CaseStatusBucket = (typeof CASE_STATUS_BUCKETS)[number];

export function statusBucket(status: string): CaseStatusBucket {
  return status === "resolved" || status === "closed" || status === "rejected" || status === "duplicate" ? status : "open";
}

export interface CaseStatistics {
  reported: number;
  byStatus: Record<CaseStatusBucket, number>;
  /** Most frequent first (ties in the taxonomy's order, so "other" comes last). */
  byCategory: Array<{ category: string; count: number }>;
  critical: number;
  /** Distinct production units among the cases reported. */
  units: number;
  /** Milliseconds; null when no case qualifies. */
  medianFirstActionMs: number | null;
  medianResolutionMs: number | null;
}

export interface TaskOutcomeCounts {
  open: number;
  done: number;
  overdue: number;
}

export interface MeetingStatistics {
  held: Record<MeetingKind, number>;
  resolutions: {
    total: number;
    byType: Record<ResolutionType, number>;
    /** Where the tasks of these resolutions stand now (resolutions without a task not counted). */
    tasks: TaskOutcomeCounts;
  };
}

export interface AgencyPerformance {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  assigned: number;
  done: number;
  doneOnTime: number;
  refused: number;
  /** Refusals that came with a written reason (the Qom governor's demand of the banks). */
  refusedWithReason: number;
  open: number;
  overdue: number;
  cancelled: number;
  /** 0–1; null when nothing has had to be finished yet. */
  onTimeRate: number | null;
  averageDaysLate: number | null;
  extensionRequests: number;
}

export interface OverdueResolutions {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  count: number;
  /** Days past the oldest due date (Tehran calendar days). */
  oldestDaysOverdue: number;
}

export interface GroupStatistics {
  workingGroupId: number;
  period: StatisticsPeriod;
  generatedAt: Date;
  cases: CaseStatistics;
  meetings: MeetingStatistics;
  /** Worst first: most overdue, then lowest on-time rate, then most days late. */
  agencies: AgencyPerformance[];
  /** Now, whatever the period: most overdue first. */
  overdueResolutions: OverdueResolutions[];
  ratings: { count: number; average: number | null };
}

// ---------------------------------------------------------------------------------------------
// Pure aggregation (unit-tested)

const REMINDED = new Set<string>(REMINDED_TASK_STATUSES);
const UNFINISHED = new Set<string>(OPEN_TASK_STATUSES);

export type TaskOutcome = "done" | "refused" | "open" | "overdue" | "cancelled";

/** Where a task stands now: exactly one outcome. */
export function taskOutcome(task: { status: TaskStatus | string; dueAt: Date }, now: Date): TaskOutcome {
  if (task.status === "done") return "done";
  if (task.status === "refused") return "refused";
  if (task.status === "cancelled") return "cancelled";
  if (REMINDED.has(task.status) && task.dueAt.getTime() < now.getTime()) return "overdue";
  return UNFINISHED.has(task.status) ? "open" : "cancelled";
}

export interface TaskFacts {
  agencyId: number;
  status: TaskStatus | string;
  dueAt: Date;
  completedAt: Date | null;
  hasRefusalReason: boolean;
  extensionRequests: number;
}

/** Per agency numbers of a set of tasks (names filled in by the caller), worst first. */
export function agencyPerformance(tasks: readonly TaskFacts[], now: Date): Array<Omit<AgencyPerformance, "nameFa" | "nameEn">> {
  const byAgency = new Map<number, { row: Omit<AgencyPerformance, "nameFa" | "nameEn">; lateDays: number[] }>();
  for (const task of tasks) {
    let entry = byAgency.get(task.agencyId);
    if (!entry) {
      entry = {
        row: {
          agencyId: task.agencyId,
          assigned: 0,
          done: 0,
          doneOnTime: 0,
          refused: 0,
          refusedWithReason: 0,
          open: 0,
          overdue: 0,
          cancelled: 0,
          onTimeRate: null,
          averageDaysLate: null,
          extensionRequests: 0,
        },
        lateDays: [],
      };
      byAgency.set(task.agencyId, entry);
    }
    const { row } = entry;
    row.assigned += 1;
    row.extensionRequests += task.extensionRequests;
    const outcome = taskOutcome(task, now);
    row[outcome] += 1;
    if (outcome === "refused" && task.hasRefusalReason) row.refusedWithReason += 1;
    if (outcome === "done") {
      const completedAt = task.completedAt ?? now;
      if (completedAt.getTime() <= task.dueAt.getTime()) row.doneOnTime += 1;
      else entry.lateDays.push(Math.max(0, daysBetweenTehranDates(task.dueAt, completedAt)));
    }
    if (outcome === "overdue") entry.lateDays.push(Math.max(0, daysBetweenTehranDates(task.dueAt, now)));
  }
  const rows = [...byAgency.values()].map(({ row, lateDays }) => {
    const due = row.done + row.overdue;
    return {
      ...row,
      onTimeRate: due > 0 ? row.doneOnTime / due : null,
      averageDaysLate: lateDays.length > 0 ? lateDays.reduce((a, b) => a + b, 0) / lateDays.length : null,
    };
  });
  return rows.sort(worstFirst);
}

function worstFirst(a: Omit<AgencyPerformance, "nameFa" | "nameEn">, b: Omit<AgencyPerformance, "nameFa" | "nameEn">): number {
  return (
    b.overdue - a.overdue ||
    (a.onTimeRate ?? Number.POSITIVE_INFINITY) - (b.onTimeRate ?? Number.POSITIVE_INFINITY) ||
    (b.averageDaysLate ?? -1) - (a.averageDaysLate ?? -1) ||
    b.refused - a.refused ||
    a.agencyId - b.agencyId
  );
}

/** A duration for people: minutes under an hour, hours under two days, else days. */
export function durationParts(ms: number): { unit: "minutes" | "hours" | "days"; value: number } {
  const minutes = ms / 60_000;
  if (minutes < 60) return { unit: "minutes", value: Math.round(minutes) };
  const hours = minutes / 60;
  if (hours < 48) return { unit: "hours", value: Math.round(hours * 10) / 10 };
  return { unit: "days", value: Math.round((hours / 24) * 10) / 10 };
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark (spreadsheet programs then read Persian right)
 * and CRLF line ends. Text cells that a spreadsheet would take for a formula get a leading
 * apostrophe.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Buffer {
  const cell = (value: string | number | null): string => {
    if (value === null) return "";
    if (typeof value === "number") return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]);
}

/** A category's place in the taxonomy; unknown ones after every known one. */
function categoryRank(category: string): number {
  const index = (CATEGORY_IDS as readonly string[]).indexOf(category);
  return index < 0 ? CATEGORY_IDS.length : index;
}

// ---------------------------------------------------------------------------------------------
// Queries

/** timestamp(3) columns hold UTC wall time; a raw comparison must say so explicitly. */
const utc = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

type StatsDeps = Pick<Deps, "db" | "now">;

async function caseStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod): Promise<CaseStatistics> {
  const range = { gte: period.from, lt: period.to };
  const [groups, [timing]] = await Promise.all([
    deps.db.case.groupBy({
      by: ["status", "category", "urgency"],
      where: { workingGroupId, submittedAt: range },
      _count: { _all: true },
    }),
    // One pass for what groupBy cannot do: distinct units and the two medians. The first
    // action is looked up per reported case through the (caseId, createdAt) index.
    deps.db.$queryRaw<Array<{ units: number; firstActionSeconds: number | null; resolutionSeconds: number | null }>>`
      WITH reported AS (
        SELECT c.id, c."unitId", c."reporterId", c."submittedAt"
        FROM "Case" c
        WHERE c."workingGroupId" = ${workingGroupId} AND c."submittedAt" >= ${utc(period.from)} AND c."submittedAt" < ${utc(period.to)}
      ), first_action AS (
        SELECT (
          SELECT min(e."createdAt") FROM "CaseEvent" e
          WHERE e."caseId" = r.id AND e."actorId" IS NOT NULL AND e."actorId" <> r."reporterId"
            AND NOT EXISTS (SELECT 1 FROM "UnitRepresentative" u WHERE u."userId" = e."actorId" AND u."unitId" = r."unitId")
        ) - r."submittedAt" AS wait
        FROM reported r
      )
      SELECT
        (SELECT count(DISTINCT "unitId") FROM reported)::int AS units,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM wait)) FROM first_action WHERE wait IS NOT NULL)::float8 AS "firstActionSeconds",
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c."resolvedAt" - c."submittedAt"))
           FROM "Case" c
           WHERE c."workingGroupId" = ${workingGroupId} AND c."resolvedAt" >= ${utc(period.from)} AND c."resolvedAt" < ${utc(period.to)}
        )::float8 AS "resolutionSeconds"
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

async function meetingStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date): Promise<MeetingStatistics> {
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

async function agencyStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod, now: Date): Promise<AgencyPerformance[]> {
  const tasks = await deps.db.task.findMany({
    where: { workingGroupId, createdAt: { gte: period.from, lt: period.to } },
    select: { id: true, agencyId: true, status: true, dueAt: true, completedAt: true, refusalReason: true },
  });
  if (tasks.length === 0) return [];
  const [extensions, agencies] = await Promise.all([
    deps.db.extensionRequest.groupBy({ by: ["taskId"], where: { taskId: { in: tasks.map((t) => t.id) } }, _count: { _all: true } }),
    deps.db.agency.findMany({ where: { id: { in: [...new Set(tasks.map((t) => t.agencyId))] } }, select: { id: true, nameFa: true, nameEn: true } }),
  ]);
  const extensionsOf = new Map(extensions.map((row) => [row.taskId, row._count._all]));
  const names = new Map(agencies.map((a) => [a.id, a]));
  const rows = agencyPerformance(
    tasks.map((task) => ({
      agencyId: task.agencyId,
      status: task.status,
      dueAt: task.dueAt,
      completedAt: task.completedAt,
      hasRefusalReason: (task.refusalReason ?? "").trim() !== "",
      extensionRequests: extensionsOf.get(task.id) ?? 0,
    })),
    now,
  );
  return rows.map((row) => ({ ...row, nameFa: names.get(row.agencyId)?.nameFa ?? "", nameEn: names.get(row.agencyId)?.nameEn ?? "" }));
}

async function overdueResolutions(deps: StatsDeps, workingGroupId: number, now: Date): Promise<OverdueResolutions[]> {
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

async function ratingStatistics(deps: StatsDeps, workingGroupId: number, period: StatisticsPeriod) {
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
  const [cases, meetings, agencies, overdue, ratings] = await Promise.all([
    caseStatistics(deps, workingGroupId, period),
    meetingStatistics(deps, workingGroupId, period, now),
    agencyStatistics(deps, workingGroupId, period, now),
    overdueResolutions(deps, workingGroupId, now),
    ratingStatistics(deps, workingGroupId, period),
  ]);
  return { workingGroupId, period, generatedAt: now, cases, meetings, agencies, overdueResolutions: overdue, ratings };
}

/** The statistics for a user allowed to read them (else StatisticsAccessError), with the group's names. */
export async function readGroupStatistics(deps: StatsDeps, user: WithMemberships, workingGroupId: number, kind: PeriodKind) {
  if (!canReadStatistics(user, workingGroupId)) throw new StatisticsAccessError("not a working group of the user");
  const group = await deps.db.workingGroup.findUnique({ where: { id: workingGroupId }, select: { id: true, code: true, nameFa: true, nameEn: true } });
  if (!group) throw new StatisticsAccessError("no such working group");
  const statistics = await groupStatistics(deps, workingGroupId, statisticsPeriod(kind, deps.now()));
  return { group, statistics };
}
