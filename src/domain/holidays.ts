/**
 * Iran's official public holidays, per Jalali year, as data: `data/holidays.json` ships 1405 and
 * 1406; an operator adds a year (or corrects a lunar holiday once the official calendar is
 * announced — those follow moon sighting and may move a day) by editing that file or pointing
 * HOLIDAYS_FILE at their own copy, without a code change. WORKING_CALENDAR.holidays adds dates
 * on top. The bot warns at start-up when the current or next Jalali year has no data.
 */
import { z } from "zod";
import shipped from "../../data/holidays.json" with { type: "json" };
import { parseJalaliDate } from "./jalali";

const JalaliDateText = z.string().refine((s) => /^\d{4}\/\d{2}\/\d{2}$/.test(s) && parseJalaliDate(s) !== null, "expected a Jalali date YYYY/MM/DD");

export const HolidayFileSchema = z.object({
  years: z.record(
    z.string().regex(/^\d{4}$/, "expected a Jalali year"),
    z.array(z.object({ date: JalaliDateText, occasion: z.string().optional() })),
  ),
});

export type HolidayFile = z.infer<typeof HolidayFileSchema>;

/** Holidays per year from a parsed file; each date must belong to its year. */
export function holidaysByYear(file: HolidayFile): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const [year, entries] of Object.entries(file.years)) {
    const dates = entries.map((entry) => entry.date);
    const stray = dates.find((date) => !date.startsWith(`${year}/`));
    if (stray) throw new RangeError(`holiday ${stray} is listed under year ${year}`);
    out[Number(year)] = [...new Set(dates)].sort();
  }
  return out;
}

/** Parses a holiday file's JSON text; throws with the first problem named. */
export function parseHolidayFile(json: unknown): Record<number, string[]> {
  const parsed = HolidayFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return holidaysByYear(parsed.data);
}

/** The shipped holidays (data/holidays.json). */
export const NATIONAL_HOLIDAYS: Readonly<Record<number, readonly string[]>> = Object.freeze(parseHolidayFile(shipped));

/** The national holidays of a Jalali year (a fresh array; empty for years not listed). */
export function holidaysFor(year: number): string[] {
  return [...(NATIONAL_HOLIDAYS[year] ?? [])];
}

/** The years among `years` that have no holiday data (start-up warns about them). */
export function yearsWithoutHolidays(holidays: Readonly<Record<number, readonly string[]>>, years: readonly number[]): number[] {
  return years.filter((year) => (holidays[year]?.length ?? 0) === 0);
}
