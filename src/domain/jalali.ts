/**
 * Solar Hijri (Jalali) dates in Asia/Tehran.
 *
 * Calendar arithmetic (Jalali ↔ Gregorian) goes through date-fns-jalali; wall-clock ↔ instant
 * conversion goes through Intl with the Asia/Tehran zone, so historical DST (until 1401) is
 * handled by the tz database rather than a hard-coded +03:30. Intl's "persian" calendar and
 * date-fns-jalali agree on every day of 1300–1499.
 */
import {
  getDate as getJalaliDayOfMonth,
  getMonth as getJalaliMonthIndex,
  getYear as getJalaliYear,
  isLeapYear as isJalaliLeapYearOf,
  newDate as newJalaliLocalDate,
} from "date-fns-jalali";
import { normalizeInput, toPersianDigits } from "./text";

export const TEHRAN_TZ = "Asia/Tehran";

export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;
// The range date-fns-jalali's algorithm is defined for.
const MIN_YEAR = 1;
const MAX_YEAR = 3177;

export const PERSIAN_MONTH_NAMES = [
  "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
  "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
] as const;

export const ENGLISH_MONTH_NAMES = [
  "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
  "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
] as const;

/** Indexed by JS getDay(): 0 = Sunday … 6 = Saturday. */
export const PERSIAN_WEEKDAY_NAMES = [
  "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه",
] as const;

export const ENGLISH_WEEKDAY_NAMES = [
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
] as const;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic. date-fns-jalali reads the local-time fields of a Date, so a local Date at
// noon serves purely as a carrier of a Gregorian calendar day (noon exists in every zone, DST or
// not); the process time zone never leaks into a result.

export function isJalaliLeapYear(year: number): boolean {
  return isJalaliLeapYearOf(newJalaliLocalDate(year, 0, 1, 12));
}

export function daysInJalaliMonth(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
}

export function isValidJalaliDate(d: JalaliDate): boolean {
  const { year, month, day } = d;
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInJalaliMonth(year, month);
}

function assertValidDate(d: JalaliDate): void {
  if (!isValidJalaliDate(d)) throw new RangeError(`Invalid Jalali date ${JSON.stringify(d)}`);
}

/** Days since 1970-01-01 (Gregorian) of a Jalali date: a plain number to compare and subtract. */
export function jalaliToEpochDay(d: JalaliDate): number {
  assertValidDate(d);
  const carrier = newJalaliLocalDate(d.year, d.month - 1, d.day, 12);
  return Date.UTC(carrier.getFullYear(), carrier.getMonth(), carrier.getDate()) / DAY_MS;
}

export function epochDayToJalali(epochDay: number): JalaliDate {
  const utc = new Date(epochDay * DAY_MS);
  const carrier = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 12);
  // new Date(y, …) maps years 0–99 to 1900+; irrelevant for Jalali years ≥ 1 (Gregorian ≥ 622).
  return {
    year: getJalaliYear(carrier),
    month: getJalaliMonthIndex(carrier) + 1,
    day: getJalaliDayOfMonth(carrier),
  };
}

/** JS getDay() numbering of the day `epochDay` days after 1970-01-01: 0 = Sunday … 6 = Saturday. */
export function epochDayWeekday(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** JS getDay() numbering of a Jalali date: 0 = Sunday … 5 = Friday, 6 = Saturday. */
export function jalaliWeekday(d: JalaliDate): number {
  return epochDayWeekday(jalaliToEpochDay(d));
}

export function addJalaliDays(d: JalaliDate, days: number): JalaliDate {
  if (!Number.isInteger(days)) throw new RangeError(`addJalaliDays: ${days} is not a whole number`);
  return epochDayToJalali(jalaliToEpochDay(d) + days);
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return Math.sign(a.year - b.year || a.month - b.month || a.day - b.day);
}

// ---------------------------------------------------------------------------------------------
// Time zone.

const tehranWallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: TEHRAN_TZ,
  calendar: "gregory",
  numberingSystem: "latn",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock as Intl reads it from the time-zone data (a few microseconds a call). */
function intlWallClockOf(instant: Date): WallClock {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of tehranWallClock.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  if (
    year === undefined || month === undefined || day === undefined ||
    hour === undefined || minute === undefined || second === undefined
  ) {
    throw new Error("Intl did not return a full Tehran wall clock");
  }
  return { year, month, day, hour, minute, second };
}

function intlOffsetMs(instant: Date): number {
  const w = intlWallClockOf(instant);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return wallAsUtc - wholeSecond;
}

/**
 * Tehran's offset per half hour of UTC, read from Intl once. Every change of Tehran's offset
 * since 1946 (the DST years, at local midnight: 20:30 or 19:30 UTC) falls on a half-hour
 * boundary of UTC, so within one half hour the offset is one value. The working calendar asks
 * for the wall clock many times per timer it plans (every reminder, re-alert and countdown
 * step); formatToParts was most of that. Earlier instants (local mean time, +03:25:44) ask Intl.
 */
const HALF_HOUR_MS = 30 * 60_000;
const CACHED_SINCE_MS = Date.UTC(1946, 0, 1);
const offsets = new Map<number, number>();

/** Tehran's UTC offset in milliseconds at an instant (e.g. 12_600_000 for +03:30). */
export function tehranOffsetMs(instant: Date): number {
  const ms = instant.getTime();
  if (!(ms >= CACHED_SINCE_MS)) return intlOffsetMs(instant);
  const slot = Math.floor(ms / HALF_HOUR_MS);
  let offset = offsets.get(slot);
  if (offset === undefined) {
    offset = intlOffsetMs(new Date(slot * HALF_HOUR_MS));
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(slot, offset);
  }
  return offset;
}

function tehranWallClockOf(instant: Date): WallClock {
  const ms = instant.getTime();
  if (!(ms >= CACHED_SINCE_MS)) return intlWallClockOf(instant);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + tehranOffsetMs(instant));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

function assertValidTime(t: TimeOfDay): void {
  const ok =
    Number.isInteger(t.hour) && Number.isInteger(t.minute) &&
    t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
  if (!ok) throw new RangeError(`Invalid time of day ${JSON.stringify(t)}`);
}

/**
 * The instant at which the Tehran wall clock shows `time` on Jalali date `d`.
 * A time skipped by a historical DST jump resolves to the instant after the jump; a time that
 * happened twice (DST end) resolves to the earlier one.
 */
export function jalaliToInstant(d: JalaliDate, time: TimeOfDay = { hour: 0, minute: 0 }): Date {
  assertValidTime(time);
  const wallAsUtc = jalaliToEpochDay(d) * DAY_MS + (time.hour * 60 + time.minute) * 60_000;
  // Offsets a day either side cover both sides of any transition near this wall time.
  const offsetBefore = tehranOffsetMs(new Date(wallAsUtc - DAY_MS));
  const offsetAfter = tehranOffsetMs(new Date(wallAsUtc + DAY_MS));
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset)
    .filter((t) => t + tehranOffsetMs(new Date(t)) === wallAsUtc);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wallAsUtc - offsetBefore); // in a gap: lands just after the jump
}

export function instantToJalali(instant: Date): JalaliDate & TimeOfDay & { weekday: number } {
  const w = tehranWallClockOf(instant);
  const epochDay = Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
  return {
    ...epochDayToJalali(epochDay),
    hour: w.hour,
    minute: w.minute,
    weekday: new Date(epochDay * DAY_MS).getUTCDay(),
  };
}

export function todayInTehran(now: Date): JalaliDate {
  const { year, month, day } = instantToJalali(now);
  return { year, month, day };
}

export function jalaliYearOf(instant: Date): number {
  return instantToJalali(instant).year;
}

/** 00:00 Tehran time of a Jalali date. */
export function startOfJalaliDay(d: JalaliDate): Date {
  return jalaliToInstant(d);
}

/** 23:59:59.999 Tehran time of a Jalali date. */
export function endOfJalaliDay(d: JalaliDate): Date {
  return new Date(jalaliToInstant(addJalaliDays(d, 1)).getTime() - 1);
}

export function startOfTehranDay(instant: Date): Date {
  return startOfJalaliDay(todayInTehran(instant));
}

export function endOfTehranDay(instant: Date): Date {
  return endOfJalaliDay(todayInTehran(instant));
}

/** Calendar days from the Tehran date of `from` to the Tehran date of `to` (to − from). */
export function daysBetweenTehranDates(from: Date, to: Date): number {
  return jalaliToEpochDay(todayInTehran(to)) - jalaliToEpochDay(todayInTehran(from));
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting.

/**
 * A Jalali date typed in year/month/day order with "/", "-" or "." (the same one twice), any
 * digits: "۱۴۰۵/۰۹/۱۵", "1405-9-15", "۱۴۰۵.۹.۱۵". The year must be 1300–1499.
 */
export function parseJalaliDate(input: string): JalaliDate | null {
  const match = /^(\d{4}) ?([/\-.]) ?(\d{1,2}) ?\2 ?(\d{1,2})$/.exec(normalizeInput(input));
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) };
  if (date.year < 1300 || date.year > 1499) return null;
  return isValidJalaliDate(date) ? date : null;
}

/** "14:30", "۱۴:۳۰", "9:05", "14" (→ 14:00). Minutes need two digits, so "9:5" is refused. */
export function parseTimeOfDay(input: string): TimeOfDay | null {
  const match = /^(\d{1,2})(?: ?[:.] ?(\d{2}))?$/.exec(normalizeInput(input));
  if (!match) return null;
  const time = { hour: Number(match[1]), minute: match[2] === undefined ? 0 : Number(match[2]) };
  return time.hour <= 23 && time.minute <= 59 ? time : null;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "1405/09/15": Latin digits, zero-padded; for storage keys and configuration. */
export function formatJalaliYMD(d: JalaliDate): string {
  return `${String(d.year).padStart(4, "0")}/${pad2(d.month)}/${pad2(d.day)}`;
}

/** "09:30" */
export function formatTimeOfDay(t: TimeOfDay): string {
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}

/**
 * A Tehran date for people. fa: "۱۴۰۴/۰۳/۱۰", monthName "۱۰ خرداد ۱۴۰۴", weekday
 * "شنبه ۱۰ خرداد ۱۴۰۴", time " ساعت ۰۹:۳۰". en: "1404/03/10", "10 Khordad 1404",
 * "Saturday 10 Khordad 1404", " 09:30".
 */
export function formatJalaliDate(
  instant: Date,
  locale: "fa" | "en",
  opts: { weekday?: boolean; time?: boolean; monthName?: boolean } = {},
): string {
  const j = instantToJalali(instant);
  const fa = locale === "fa";
  const monthIndex = j.month - 1;
  let text = opts.monthName
    ? `${j.day} ${(fa ? PERSIAN_MONTH_NAMES : ENGLISH_MONTH_NAMES)[monthIndex]} ${j.year}`
    : formatJalaliYMD(j);
  if (opts.weekday) text = `${(fa ? PERSIAN_WEEKDAY_NAMES : ENGLISH_WEEKDAY_NAMES)[j.weekday]} ${text}`;
  if (opts.time) text += fa ? ` ساعت ${formatTimeOfDay(j)}` : ` ${formatTimeOfDay(j)}`;
  return fa ? toPersianDigits(text) : text;
}
