/**
 * The periods of the quarterly report (issue 12): a Jalali month, quarter (season: three months
 * from Farvardin, Tir, Mehr, Dey), year or a custom range of days, in Asia/Tehran; the previous
 * period of the same length; a short code for callback data and storage keys; a typed custom
 * range ("۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱", "1405-01-01 - 1405-03-31"). Pure: `now` is an argument.
 */
import {
  addJalaliDays,
  compareJalali,
  daysInJalaliMonth,
  isValidJalaliDate,
  jalaliToEpochDay,
  jalaliToInstant,
  parseJalaliDate,
  todayInTehran,
  type JalaliDate,
} from "./jalali";
import { normalizeInput } from "./text";

/**
 * A period: the same shape as ReportPeriod in src/services/report/types.ts (declared here too so
 * the domain depends on nothing above it; the two are structurally one type).
 */
export interface ReportPeriod {
  kind: "month" | "quarter" | "year" | "custom";
  /** First instant, inclusive (00:00 Asia/Tehran of the first Jalali day). */
  start: Date;
  /** Last instant, exclusive (00:00 Asia/Tehran of the day after the last Jalali day). */
  end: Date;
  /** Jalali first and last day (inclusive), for labels: [year, month 1-12, day]. */
  firstDay: readonly [number, number, number];
  lastDay: readonly [number, number, number];
  /** Set for "quarter" (1-4) and "month" (1-12). */
  quarter?: number;
  month?: number;
}

/** A custom range may span at most this many days (two Jalali years and a bit). */
export const MAX_CUSTOM_DAYS = 800;

const tuple = (d: JalaliDate) => [d.year, d.month, d.day] as const;
const fromTuple = (t: readonly [number, number, number]): JalaliDate => ({ year: t[0], month: t[1], day: t[2] });

/** The month `month` (may run past 12 or below 1) of `year`, normalised. */
function monthOf(year: number, month: number): { year: number; month: number } {
  const index = year * 12 + (month - 1);
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function lastOfMonth(year: number, month: number): JalaliDate {
  return { year, month, day: daysInJalaliMonth(year, month) };
}

function build(kind: ReportPeriod["kind"], first: JalaliDate, last: JalaliDate, extra: { quarter?: number; month?: number } = {}): ReportPeriod {
  return {
    kind,
    start: jalaliToInstant(first),
    end: jalaliToInstant(addJalaliDays(last, 1)),
    firstDay: tuple(first),
    lastDay: tuple(last),
    ...extra,
  };
}

export function monthPeriod(year: number, month: number): ReportPeriod {
  const m = monthOf(year, month);
  return build("month", { year: m.year, month: m.month, day: 1 }, lastOfMonth(m.year, m.month), { month: m.month });
}

/** Quarter 1–4 of `year`; a quarter outside 1–4 rolls into the neighbouring years. */
export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const index = year * 4 + (quarter - 1);
  const y = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const firstMonth = (q - 1) * 3 + 1;
  return build("quarter", { year: y, month: firstMonth, day: 1 }, lastOfMonth(y, firstMonth + 2), { quarter: q });
}

export function yearPeriod(year: number): ReportPeriod {
  return build("year", { year, month: 1, day: 1 }, lastOfMonth(year, 12));
}

/** A custom range of whole days, first to last inclusive (null when backwards or too long). */
export function customPeriod(first: JalaliDate, last: JalaliDate): ReportPeriod | null {
  if (!isValidJalaliDate(first) || !isValidJalaliDate(last) || compareJalali(first, last) > 0) return null;
  if (periodDaysOf(first, last) > MAX_CUSTOM_DAYS) return null;
  return build("custom", first, last);
}

function periodDaysOf(first: JalaliDate, last: JalaliDate): number {
  return jalaliToEpochDay(last) - jalaliToEpochDay(first) + 1;
}

/** Days in the period. */
export function periodDays(period: ReportPeriod): number {
  return periodDaysOf(fromTuple(period.firstDay), fromTuple(period.lastDay));
}

export const quarterOfMonth = (month: number): number => Math.floor((month - 1) / 3) + 1;

/** The month, quarter or year that `now` is in (Tehran). */
export function currentPeriod(kind: "month" | "quarter" | "year", now: Date): ReportPeriod {
  const today = todayInTehran(now);
  if (kind === "month") return monthPeriod(today.year, today.month);
  if (kind === "quarter") return quarterPeriod(today.year, quarterOfMonth(today.month));
  return yearPeriod(today.year);
}

/**
 * The previous period of the same length: the month, quarter or year before; for a custom range
 * the same number of days ending the day before it starts.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const [year] = period.firstDay;
  if (period.kind === "month") return monthPeriod(year, (period.month ?? period.firstDay[1]) - 1);
  if (period.kind === "quarter") return quarterPeriod(year, (period.quarter ?? quarterOfMonth(period.firstDay[1])) - 1);
  if (period.kind === "year") return yearPeriod(year - 1);
  const first = fromTuple(period.firstDay);
  const last = addJalaliDays(first, -1);
  return build("custom", addJalaliDays(first, -periodDays(period)), last);
}

/** The period after (months, quarters and years only; a custom range: the same length after). */
export function nextPeriod(period: ReportPeriod): ReportPeriod {
  const [year] = period.firstDay;
  if (period.kind === "month") return monthPeriod(year, (period.month ?? period.firstDay[1]) + 1);
  if (period.kind === "quarter") return quarterPeriod(year, (period.quarter ?? quarterOfMonth(period.firstDay[1])) + 1);
  if (period.kind === "year") return yearPeriod(year + 1);
  const first = addJalaliDays(fromTuple(period.lastDay), 1);
  return build("custom", first, addJalaliDays(first, periodDays(period) - 1));
}

/** The twelve Jalali months ending with the month of the period's last day, oldest first. */
export function twelveMonthsEnding(period: ReportPeriod): ReportPeriod[] {
  const [year, month] = period.lastDay;
  return Array.from({ length: 12 }, (_, i) => monthPeriod(year, month - 11 + i));
}

// ---------------------------------------------------------------------------------------------
// Codes: "m140503" (month), "q14051" (quarter), "y1405" (year), "c1405010114050331" (custom).

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const ymd = (t: readonly [number, number, number]) => `${pad(t[0], 4)}${pad(t[1], 2)}${pad(t[2], 2)}`;

/** A period's code: for callback data (≤ 17 characters) and the report's delivery key. */
export function periodCode(period: ReportPeriod): string {
  const [year] = period.firstDay;
  if (period.kind === "month") return `m${pad(year, 4)}${pad(period.month ?? period.firstDay[1], 2)}`;
  if (period.kind === "quarter") return `q${pad(year, 4)}${period.quarter ?? quarterOfMonth(period.firstDay[1])}`;
  if (period.kind === "year") return `y${pad(year, 4)}`;
  return `c${ymd(period.firstDay)}${ymd(period.lastDay)}`;
}

/** The regular expression of a code (for src/buttons/report.ts). */
export const PERIOD_CODE_PATTERN = "m\\d{6}|q\\d{4}[1-4]|y\\d{4}|c\\d{16}";

const YEAR_MIN = 1300;
const YEAR_MAX = 1499;
const inYears = (year: number) => year >= YEAR_MIN && year <= YEAR_MAX;

/** The period of a code; null for anything malformed or out of range. */
export function periodFromCode(code: string): ReportPeriod | null {
  let match = /^m(\d{4})(\d{2})$/.exec(code);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return inYears(year) && month >= 1 && month <= 12 ? monthPeriod(year, month) : null;
  }
  match = /^q(\d{4})([1-4])$/.exec(code);
  if (match) return inYears(Number(match[1])) ? quarterPeriod(Number(match[1]), Number(match[2])) : null;
  match = /^y(\d{4})$/.exec(code);
  if (match) return inYears(Number(match[1])) ? yearPeriod(Number(match[1])) : null;
  match = /^c(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})(\d{2})$/.exec(code);
  if (match) {
    const [a, b, c, d, e, f] = match.slice(1).map(Number) as [number, number, number, number, number, number];
    if (!inYears(a) || !inYears(d)) return null;
    return customPeriod({ year: a, month: b, day: c }, { year: d, month: e, day: f });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A typed custom range.

export type RangeProblem = "format" | "backwards" | "too_long";

/**
 * Two Jalali dates separated by "تا", "الی", "to", "until", a dash or an en dash, any digits:
 * "۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱", "1405-01-01 - 1405-03-31", "1405/1/1 to 1405/3/31".
 */
export function parseCustomRange(input: string): { period: ReportPeriod } | { problem: RangeProblem } {
  const text = normalizeInput(input);
  const match = /^(\d{4}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{1,2})\s*(?:تا|الی|الى|to|until|[-–—])\s*(\d{4}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{1,2})$/i.exec(text);
  if (!match) return { problem: "format" };
  const first = parseJalaliDate((match[1] ?? "").replace(/\s+/g, ""));
  const last = parseJalaliDate((match[2] ?? "").replace(/\s+/g, ""));
  if (!first || !last) return { problem: "format" };
  if (compareJalali(first, last) > 0) return { problem: "backwards" };
  const period = customPeriod(first, last);
  return period ? { period } : { problem: "too_long" };
}

/** Whether the period has begun by `now` (a future period has nothing to report). */
export function hasBegun(period: ReportPeriod, now: Date): boolean {
  return period.start.getTime() <= now.getTime();
}

/** Whether the period is over by `now`. */
export function hasEnded(period: ReportPeriod, now: Date): boolean {
  return period.end.getTime() <= now.getTime();
}
