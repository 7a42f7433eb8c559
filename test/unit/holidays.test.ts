import { describe, it, expect } from "vitest";
import { NATIONAL_HOLIDAYS, holidaysFor } from "../../src/domain/holidays";
import { addJalaliDays, formatJalaliYMD, jalaliToEpochDay, parseJalaliDate } from "../../src/domain/jalali";
import { loadPolicies, warnAboutMissingHolidays } from "../../src/policies";

const SOLAR = ["01/01", "01/02", "01/03", "01/04", "01/12", "01/13", "03/14", "03/15", "11/22", "12/29"];
// [Hijri month, day]; 0 = last day of Safar (29 or 30).
const LUNAR: ReadonlyArray<readonly [number, number]> = [
  [1, 9], [1, 10], [2, 20], [2, 28], [2, 0], [3, 8], [3, 17], [6, 3], [7, 13], [7, 27], [8, 15], [9, 21],
  [10, 1], [10, 2], [10, 25], [12, 10], [12, 18],
];

const umalqura = new Intl.DateTimeFormat("en-US-u-ca-islamic-umalqura", {
  timeZone: "UTC", month: "numeric", day: "numeric",
});
function hijriMonthDay(epochDay: number): [number, number] {
  const parts = umalqura.formatToParts(new Date(epochDay * 86_400_000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return [get("month"), get("day")];
}

/** The holidays of a Jalali year recomputed from scratch, to catch a mistyped literal. */
function expectedHolidays(year: number): string[] {
  const result = new Set(SOLAR.map((md) => `${year}/${md}`));
  for (let day = { year, month: 1, day: 1 }; day.year === year; day = addJalaliDays(day, 1)) {
    const epochDay = jalaliToEpochDay(day);
    const [month, dayOfMonth] = hijriMonthDay(epochDay);
    const lastOfSafar = month === 2 && hijriMonthDay(epochDay + 1)[0] === 3;
    if (LUNAR.some(([m, d]) => m === month && (d === dayOfMonth || (d === 0 && lastOfSafar)))) {
      result.add(formatJalaliYMD(day));
    }
  }
  return [...result].sort();
}

describe("NATIONAL_HOLIDAYS", () => {
  it.each([1405, 1406])("%d matches the solar list plus the umalqura lunar dates", (year) => {
    expect([...(NATIONAL_HOLIDAYS[year] ?? [])]).toEqual(expectedHolidays(year));
  });

  it.each([1405, 1406])("%d is sorted, unique, canonical and inside its year", (year) => {
    const list = NATIONAL_HOLIDAYS[year] ?? [];
    expect(list.length).toBeGreaterThanOrEqual(24);
    expect(new Set(list).size).toBe(list.length);
    expect([...list].sort()).toEqual(list);
    for (const text of list) {
      const date = parseJalaliDate(text);
      expect(date?.year).toBe(year);
      expect(date && formatJalaliYMD(date)).toBe(text);
    }
  });

  it("includes well-known dates", () => {
    expect(NATIONAL_HOLIDAYS[1405]).toEqual(expect.arrayContaining(["1405/01/01", "1405/11/22", "1405/12/29"]));
    expect(NATIONAL_HOLIDAYS[1405]).toContain("1405/04/04"); // Ashura 1448 (umalqura)
    expect(NATIONAL_HOLIDAYS[1405]).toContain("1405/10/01"); // 13 Rajab 1448
    expect(NATIONAL_HOLIDAYS[1406]).toContain("1406/02/26"); // Eid al-Adha 1448
  });
});

describe("holidaysFor", () => {
  it("returns a copy for a listed year and nothing for other years", () => {
    const list = holidaysFor(1405);
    list.push("1405/09/09");
    expect(holidaysFor(1405)).not.toContain("1405/09/09");
    expect(holidaysFor(1399)).toEqual([]);
  });
});

describe("the start-up warning about missing holiday years", () => {
  const policies = loadPolicies({ WORKING_CALENDAR: undefined, REMINDER_POLICY: undefined });
  const warnings = (now: Date) => {
    const lines: Array<{ year: unknown; text: string }> = [];
    const years = warnAboutMissingHolidays({
      policies,
      now: () => now,
      logger: { warn: ((object: { jalaliYear: number }, text: string) => lines.push({ year: object.jalaliYear, text })) as never },
    });
    return { years, lines };
  };

  it("says nothing while the shipped data covers this year and the next (1405, 1406)", () => {
    expect(warnings(new Date("2026-12-03T08:00:00Z"))).toEqual({ years: [], lines: [] });
  });

  it("warns once per missing year, naming where to add it", () => {
    // 1406/06/01 (23 Aug 2027): the next year, 1407, has no data.
    const { years, lines } = warnings(new Date("2027-08-23T08:00:00Z"));
    expect(years).toEqual([1407]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toContain("no holidays for 1407");
    expect(lines[0]!.text).toContain("HOLIDAYS_FILE");
    // 1408: neither year.
    expect(warnings(new Date("2029-06-01T08:00:00Z")).years).toEqual([1408, 1409]);
  });
});
