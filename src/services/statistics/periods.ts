/**
 * Periods of the statistics desk: this Jalali month, this season (three months from Farvardin,
 * Tir, Mehr, Dey — the quarterly report of the seeds) or this year, in Tehran.
 */
import { addJalaliDays, jalaliToEpochDay, jalaliToInstant, todayInTehran, type JalaliDate } from "../../domain/jalali";

export const PERIOD_KINDS = ["month", "season", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One letter per period for callback data (src/buttons/statistics.ts carries these letters). */
export const PERIOD_CODES = { month: "m", season: "s", year: "y" } as const satisfies Record<PeriodKind, string>;
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
