/**
 * The statistics desk's pure aggregation (unit-tested in test/unit/statistics.test.ts): where a
 * task stands, per-agency performance worst first, durations, the category order, CSV encoding.
 */
import { CATEGORY_IDS } from "../../domain/categories";
import { netDurationMs, type Pause } from "../../domain/clock-pause";
import { daysBetweenTehranDates } from "../../domain/jalali";
import type { TaskStatus } from "../../generated/prisma/enums";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "../tasks";
import type { AgencyPerformance, AgencyResponseTime } from "./types";

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

type AgencyRow = Omit<AgencyPerformance, "nameFa" | "nameEn">;

/**
 * One agency's counts so far, before the rates: what agencyPerformance adds up task by task
 * and ./agencies.ts sums in SQL, so the two can be added together (tallyOf, addTask, addTally).
 */
export interface AgencyTally extends Omit<AgencyRow, "onTimeRate" | "averageDaysLate"> {
  /** Days late of the late completions and the overdue tasks: their sum and how many. */
  lateDaysTotal: number;
  lateDays: number;
}

export function tallyOf(agencyId: number): AgencyTally {
  return { agencyId, assigned: 0, done: 0, doneOnTime: 0, refused: 0, refusedWithReason: 0, open: 0, overdue: 0, cancelled: 0, extensionRequests: 0, lateDaysTotal: 0, lateDays: 0 };
}

/** Counts one task into its agency's tally. */
export function addTask(tally: AgencyTally, task: TaskFacts, now: Date): void {
  tally.assigned += 1;
  tally.extensionRequests += task.extensionRequests;
  const outcome = taskOutcome(task, now);
  tally[outcome] += 1;
  if (outcome === "refused" && task.hasRefusalReason) tally.refusedWithReason += 1;
  const late = (days: number) => {
    tally.lateDaysTotal += Math.max(0, days);
    tally.lateDays += 1;
  };
  if (outcome === "done") {
    const completedAt = task.completedAt ?? now;
    if (completedAt.getTime() <= task.dueAt.getTime()) tally.doneOnTime += 1;
    else late(daysBetweenTehranDates(task.dueAt, completedAt));
  }
  if (outcome === "overdue") late(daysBetweenTehranDates(task.dueAt, now));
}

/** Adds one tally of an agency to another of the same agency. */
export function addTally(into: AgencyTally, from: AgencyTally): void {
  for (const key of ["assigned", "done", "doneOnTime", "refused", "refusedWithReason", "open", "overdue", "cancelled", "extensionRequests", "lateDaysTotal", "lateDays"] as const) {
    into[key] += from[key];
  }
}

/** The agencies' rows from their tallies, with the rates, worst first. */
export function performanceRows(tallies: Iterable<AgencyTally>): AgencyRow[] {
  const rows = [...tallies].map(({ lateDaysTotal, lateDays, extensionRequests, ...counts }) => {
    const due = counts.done + counts.overdue;
    return {
      ...counts,
      onTimeRate: due > 0 ? counts.doneOnTime / due : null,
      averageDaysLate: lateDays > 0 ? lateDaysTotal / lateDays : null,
      extensionRequests,
    };
  });
  return rows.sort(worstFirst);
}

/** Per agency numbers of a set of tasks (names filled in by the caller), worst first. */
export function agencyPerformance(tasks: readonly TaskFacts[], now: Date): AgencyRow[] {
  const byAgency = new Map<number, AgencyTally>();
  for (const task of tasks) {
    let tally = byAgency.get(task.agencyId);
    if (!tally) byAgency.set(task.agencyId, (tally = tallyOf(task.agencyId)));
    addTask(tally, task, now);
  }
  return performanceRows(byAgency.values());
}

function worstFirst(a: AgencyRow, b: AgencyRow): number {
  return (
    b.overdue - a.overdue ||
    (a.onTimeRate ?? Number.POSITIVE_INFINITY) - (b.onTimeRate ?? Number.POSITIVE_INFINITY) ||
    (b.averageDaysLate ?? -1) - (a.averageDaysLate ?? -1) ||
    b.refused - a.refused ||
    a.agencyId - b.agencyId
  );
}

export interface ResponseFacts {
  agencyId: number;
  createdAt: Date;
  /** When the agency answered (reported it done or refused it); null: not yet. */
  completedAt: Date | null;
  pauses: readonly Pause[];
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Per agency, of its answered tasks: the median time from assignment to the answer, and the
 * same net of the time the task's clock was paused waiting on others (netDurationMs). Agencies
 * in the order of their first task; those without an answer yet are left out.
 */
export function agencyResponseTimes(tasks: readonly ResponseFacts[], now: Date): Array<Omit<AgencyResponseTime, "nameFa" | "nameEn">> {
  const byAgency = new Map<number, { gross: number[]; net: number[] }>();
  for (const task of tasks) {
    if (task.completedAt === null) continue;
    let entry = byAgency.get(task.agencyId);
    if (!entry) byAgency.set(task.agencyId, (entry = { gross: [], net: [] }));
    entry.gross.push(Math.max(0, task.completedAt.getTime() - task.createdAt.getTime()));
    entry.net.push(netDurationMs(task.createdAt, task.completedAt, task.pauses, now));
  }
  return [...byAgency].map(([agencyId, { gross, net }]) => ({
    agencyId,
    responded: gross.length,
    medianResponseMs: median(gross),
    medianNetResponseMs: median(net),
  }));
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
export function categoryRank(category: string): number {
  const index = (CATEGORY_IDS as readonly string[]).indexOf(category);
  return index < 0 ? CATEGORY_IDS.length : index;
}
