/**
 * When officials may be disturbed: working days (no weekend, optional Thursday off, no
 * holidays) and outside quiet hours, all in Tehran time. Configuration, not code.
 */
import { z } from "zod";
import {
  addJalaliDays,
  epochDayToJalali,
  epochDayWeekday,
  instantToJalali,
  jalaliToEpochDay,
  jalaliToInstant,
  parseJalaliDate,
  todayInTehran,
  type JalaliDate,
  type TimeOfDay,
} from "./jalali";

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const THURSDAY = 4;
// Longer than any real run of holidays; stops a calendar with no working day from looping forever.
const MAX_SEARCH_DAYS = 366;

export const WorkingCalendarSchema = z.object({
  /** Quiet hours start, "HH:MM" Tehran. Quiet hours may wrap past midnight (21:00 → 08:00). */
  quietStart: z.string().regex(HH_MM, "expected HH:MM").default("21:00"),
  quietEnd: z.string().regex(HH_MM, "expected HH:MM").default("08:00"),
  /** JS weekday numbers (0 = Sunday … 5 = Friday, 6 = Saturday). */
  weekendDays: z.array(z.number().int().min(0).max(6)).default(() => [5]),
  thursdayOff: z.boolean().default(false),
  /** Jalali "YYYY/MM/DD"; the config layer merges NATIONAL_HOLIDAYS into this list. */
  holidays: z
    .array(z.string().refine((s) => parseJalaliDate(s) !== null, "expected a Jalali date YYYY/MM/DD"))
    .default(() => []),
});

export type WorkingCalendar = z.infer<typeof WorkingCalendarSchema>;

export const DEFAULT_WORKING_CALENDAR: Readonly<WorkingCalendar> = Object.freeze(WorkingCalendarSchema.parse({}));

function minutesOf(hhmm: string): number {
  const match = HH_MM.exec(hhmm);
  if (!match) throw new RangeError(`Bad time "${hhmm}", expected HH:MM`);
  return Number(match[1]) * 60 + Number(hhmm.slice(3));
}

function timeOf(minutes: number): TimeOfDay {
  return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

// Holidays as days since the epoch, so "1405/1/1" in a hand-built calendar still matches
// 1405/01/01, and a day is checked without converting it back to a Jalali date: counting the
// working days of a long pause steps through plain integers (bench/statistics.ts: the paused
// tasks of a year's /stats cost ~20 ms when every step was a Jalali conversion).
const holidayDaysCache = new WeakMap<readonly string[], ReadonlySet<number>>();

function holidayDays(cal: WorkingCalendar): ReadonlySet<number> {
  let days = holidayDaysCache.get(cal.holidays);
  if (days === undefined) {
    const set = new Set<number>();
    for (const text of cal.holidays) {
      const date = parseJalaliDate(text);
      if (date !== null) set.add(jalaliToEpochDay(date));
    }
    days = set;
    holidayDaysCache.set(cal.holidays, days);
  }
  return days;
}

/** Whether the day `epochDay` days after 1970-01-01 is a working day. */
function isWorkingEpochDay(epochDay: number, cal: WorkingCalendar): boolean {
  const weekday = epochDayWeekday(epochDay);
  if (cal.weekendDays.includes(weekday)) return false;
  if (cal.thursdayOff && weekday === THURSDAY) return false;
  return !holidayDays(cal).has(epochDay);
}

function isQuietMinute(minuteOfDay: number, cal: WorkingCalendar): boolean {
  const start = minutesOf(cal.quietStart);
  const end = minutesOf(cal.quietEnd);
  if (start === end) return false; // no quiet hours
  return start > end
    ? minuteOfDay >= start || minuteOfDay < end // wraps past midnight
    : minuteOfDay >= start && minuteOfDay < end;
}

export function isWorkingDay(d: JalaliDate, cal: WorkingCalendar): boolean {
  return isWorkingEpochDay(jalaliToEpochDay(d), cal);
}

export function isWorkingMoment(instant: Date, cal: WorkingCalendar): boolean {
  const t = instantToJalali(instant);
  return isWorkingDay(t, cal) && !isQuietMinute(t.hour * 60 + t.minute, cal);
}

/** Minutes of the day at which working time begins on a working day, ascending. */
function windowStarts(cal: WorkingCalendar): number[] {
  const end = minutesOf(cal.quietEnd);
  const midnightIsQuiet = isQuietMinute(0, cal);
  if (minutesOf(cal.quietStart) === end) return [0];
  return midnightIsQuiet ? [end] : [0, end];
}

/**
 * `instant` itself when it is a working moment; otherwise the start of the next working window
 * (normally quietEnd on the same or the next working day).
 */
export function nextWorkingMoment(instant: Date, cal: WorkingCalendar): Date {
  if (isWorkingMoment(instant, cal)) return instant;
  let day = todayInTehran(instant);
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++, day = addJalaliDays(day, 1)) {
    if (!isWorkingDay(day, cal)) continue;
    for (const minutes of windowStarts(cal)) {
      const candidate = jalaliToInstant(day, timeOf(minutes));
      if (candidate.getTime() >= instant.getTime()) return candidate;
    }
  }
  throw new RangeError("The working calendar has no working day within a year");
}

/**
 * The date `n` working days after `d` (before it when n is negative); `d` itself need not be a
 * working day. n = 0 returns `d`.
 */
export function addWorkingDays(d: JalaliDate, n: number, cal: WorkingCalendar): JalaliDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number`);
  if (n === 0) return d;
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = jalaliToEpochDay(d);
  let idle = 0;
  while (remaining > 0) {
    day += step;
    if (isWorkingEpochDay(day, cal)) {
      remaining -= 1;
      idle = 0;
    } else if (++idle > MAX_SEARCH_DAYS) {
      throw new RangeError("The working calendar has no working day within a year");
    }
  }
  return epochDayToJalali(day);
}

/**
 * Working days from a to b: the working days in (a, b] when b is later, minus the working days
 * in [b, a) when b is earlier. Inverse of addWorkingDays when both ends are working days.
 * Both must be real Jalali dates (a RangeError otherwise, as for every Jalali day count).
 */
export function workingDaysBetween(a: JalaliDate, b: JalaliDate, cal: WorkingCalendar): number {
  const from = jalaliToEpochDay(a);
  const to = jalaliToEpochDay(b);
  if (from === to) return 0;
  // b earlier: minus the working days in [b, a), i.e. in (b - 1, a - 1].
  const [low, high, sign] = from < to ? [from, to, 1] : [to - 1, from - 1, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) {
    if (isWorkingEpochDay(day, cal)) count += 1;
  }
  return sign * count;
}
