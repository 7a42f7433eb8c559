import { describe, it, expect } from "vitest";
import {
  addJalaliDays,
  compareJalali,
  daysBetweenTehranDates,
  daysInJalaliMonth,
  endOfJalaliDay,
  endOfTehranDay,
  epochDayToJalali,
  formatJalaliDate,
  formatJalaliYMD,
  instantToJalali,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliToEpochDay,
  jalaliToInstant,
  jalaliWeekday,
  jalaliYearOf,
  parseJalaliDate,
  parseTimeOfDay,
  startOfJalaliDay,
  startOfTehranDay,
  tehranOffsetMs,
  todayInTehran,
  TEHRAN_TZ,
} from "../../src/domain/jalali";

const utc = (iso: string): Date => new Date(iso);

describe("known dates", () => {
  it("Saturday 10 Khordad 1404 is 2025-05-31 (both directions)", () => {
    const meeting = jalaliToInstant({ year: 1404, month: 3, day: 10 }, { hour: 9, minute: 30 });
    expect(meeting.toISOString()).toBe("2025-05-31T06:00:00.000Z");
    expect(instantToJalali(utc("2025-05-31T06:00:00Z"))).toEqual({
      year: 1404, month: 3, day: 10, hour: 9, minute: 30, weekday: 6,
    });
    expect(jalaliWeekday({ year: 1404, month: 3, day: 10 })).toBe(6);
  });

  it("1 Farvardin 1404 is 2025-03-21, a Friday", () => {
    expect(jalaliToInstant({ year: 1404, month: 1, day: 1 }).toISOString()).toBe("2025-03-20T20:30:00.000Z");
    expect(todayInTehran(utc("2025-03-21T12:00:00Z"))).toEqual({ year: 1404, month: 1, day: 1 });
    expect(instantToJalali(utc("2025-03-21T12:00:00Z")).weekday).toBe(5);
  });

  it("1403 is a leap year: 30 Esfand 1403 exists and is 2025-03-20; 30 Esfand 1404 does not", () => {
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1404)).toBe(false);
    expect(isValidJalaliDate({ year: 1403, month: 12, day: 30 })).toBe(true);
    expect(isValidJalaliDate({ year: 1404, month: 12, day: 30 })).toBe(false);
    expect(todayInTehran(utc("2025-03-20T12:00:00Z"))).toEqual({ year: 1403, month: 12, day: 30 });
    expect(addJalaliDays({ year: 1403, month: 12, day: 29 }, 1)).toEqual({ year: 1403, month: 12, day: 30 });
    expect(addJalaliDays({ year: 1404, month: 12, day: 29 }, 1)).toEqual({ year: 1405, month: 1, day: 1 });
  });
});

describe("isValidJalaliDate", () => {
  it.each([
    [{ year: 1405, month: 6, day: 31 }, true],
    [{ year: 1405, month: 7, day: 31 }, false],
    [{ year: 1405, month: 11, day: 30 }, true],
    [{ year: 1405, month: 12, day: 29 }, true],
    [{ year: 1405, month: 13, day: 1 }, false],
    [{ year: 1405, month: 0, day: 1 }, false],
    [{ year: 1405, month: 1, day: 0 }, false],
    [{ year: 1405, month: 1.5, day: 1 }, false],
    [{ year: Number.NaN, month: 1, day: 1 }, false],
  ])("%j → %s", (d, expected) => {
    expect(isValidJalaliDate(d)).toBe(expected);
  });

  it("gives month lengths 31 / 30 / 29-30", () => {
    expect([1, 6, 7, 11, 12].map((m) => daysInJalaliMonth(1404, m))).toEqual([31, 31, 30, 30, 29]);
    expect(daysInJalaliMonth(1403, 12)).toBe(30);
  });
});

describe("time zone conversion", () => {
  it("Tehran midnight today is 20:30 UTC the day before", () => {
    const midnight = jalaliToInstant({ year: 1405, month: 9, day: 15 });
    expect(midnight.toISOString()).toBe("2026-12-05T20:30:00.000Z");
    expect(instantToJalali(midnight)).toMatchObject({ year: 1405, month: 9, day: 15, hour: 0, minute: 0 });
    // One millisecond earlier is still the previous Tehran day.
    expect(todayInTehran(new Date(midnight.getTime() - 1))).toEqual({ year: 1405, month: 9, day: 14 });
  });

  it("uses the historical DST offset (+04:30) from the tz database, not a fixed +03:30", () => {
    expect(jalaliToInstant({ year: 1400, month: 4, day: 1 }).toISOString()).toBe("2021-06-21T19:30:00.000Z");
    expect(tehranOffsetMs(utc("2021-06-21T19:30:00Z"))).toBe(4.5 * 3_600_000);
    expect(tehranOffsetMs(utc("2025-06-21T19:30:00Z"))).toBe(3.5 * 3_600_000);
  });

  it("a wall time skipped by the 1401 DST jump resolves to the instant after the jump", () => {
    // 2 Farvardin 1401 (2022-03-22): clocks went from 00:00 straight to 01:00.
    const start = startOfJalaliDay({ year: 1401, month: 1, day: 2 });
    expect(start.toISOString()).toBe("2022-03-21T20:30:00.000Z");
    expect(instantToJalali(start)).toMatchObject({ day: 2, hour: 1, minute: 0 });
    expect(endOfJalaliDay({ year: 1401, month: 1, day: 1 }).toISOString()).toBe("2022-03-21T20:29:59.999Z");
  });

  it("a wall time repeated at the end of DST resolves to the earlier instant", () => {
    // 30 Shahrivar 1401 (2022-09-21): 23:00–24:00 happened twice.
    expect(jalaliToInstant({ year: 1401, month: 6, day: 30 }, { hour: 23, minute: 30 }).toISOString()).toBe(
      "2022-09-21T19:00:00.000Z",
    );
  });

  it("rejects invalid dates and times instead of rolling them over", () => {
    expect(() => jalaliToInstant({ year: 1404, month: 12, day: 30 })).toThrow(RangeError);
    expect(() => jalaliToInstant({ year: 1404, month: 1, day: 1 }, { hour: 24, minute: 0 })).toThrow(RangeError);
  });

  it("start and end of the Tehran day bracket an instant", () => {
    const instant = utc("2025-05-31T22:00:00Z"); // 01:30 on 11 Khordad in Tehran
    expect(startOfTehranDay(instant).toISOString()).toBe("2025-05-31T20:30:00.000Z");
    expect(endOfTehranDay(instant).toISOString()).toBe("2025-06-01T20:29:59.999Z");
    expect(instantToJalali(endOfTehranDay(instant))).toMatchObject({ day: 11, hour: 23, minute: 59 });
  });

  it("jalaliYearOf follows the Tehran date at the new-year boundary", () => {
    expect(jalaliYearOf(utc("2025-03-20T20:29:59Z"))).toBe(1403);
    expect(jalaliYearOf(utc("2025-03-20T20:30:00Z"))).toBe(1404);
  });

  it("exports the zone name", () => {
    expect(TEHRAN_TZ).toBe("Asia/Tehran");
  });
});

describe("day arithmetic", () => {
  it("adds days across months and years, both ways", () => {
    expect(addJalaliDays({ year: 1405, month: 6, day: 31 }, 1)).toEqual({ year: 1405, month: 7, day: 1 });
    expect(addJalaliDays({ year: 1405, month: 1, day: 1 }, -1)).toEqual({ year: 1404, month: 12, day: 29 });
    expect(addJalaliDays({ year: 1404, month: 1, day: 1 }, 365)).toEqual({ year: 1405, month: 1, day: 1 });
    expect(addJalaliDays({ year: 1405, month: 9, day: 15 }, 0)).toEqual({ year: 1405, month: 9, day: 15 });
  });

  it("round-trips epoch days over a long range", () => {
    const start = jalaliToEpochDay({ year: 1399, month: 1, day: 1 });
    for (let day = start; day < start + 3000; day += 7) {
      expect(jalaliToEpochDay(epochDayToJalali(day))).toBe(day);
    }
  });

  it("compares dates", () => {
    const a = { year: 1405, month: 2, day: 31 };
    expect(compareJalali(a, { year: 1405, month: 3, day: 1 })).toBeLessThan(0);
    expect(compareJalali({ year: 1406, month: 1, day: 1 }, a)).toBeGreaterThan(0);
    expect(compareJalali(a, { ...a })).toBe(0);
    const sorted = [{ year: 1405, month: 10, day: 2 }, { year: 1404, month: 12, day: 29 }, a].sort(compareJalali);
    expect(sorted.map(formatJalaliYMD)).toEqual(["1404/12/29", "1405/02/31", "1405/10/02"]);
  });

  it("counts calendar days between Tehran dates, not 24-hour periods", () => {
    // 23:59 and 00:01 the next Tehran day are one calendar day apart.
    expect(daysBetweenTehranDates(utc("2025-05-31T20:29:00Z"), utc("2025-05-31T20:31:00Z"))).toBe(1);
    expect(daysBetweenTehranDates(utc("2025-05-31T06:00:00Z"), utc("2025-05-31T19:00:00Z"))).toBe(0);
    expect(daysBetweenTehranDates(utc("2025-06-10T06:00:00Z"), utc("2025-05-31T06:00:00Z"))).toBe(-10);
  });
});

describe("parseJalaliDate", () => {
  it.each([
    ["۱۴۰۵/۰۹/۱۵", { year: 1405, month: 9, day: 15 }],
    ["1405/9/15", { year: 1405, month: 9, day: 15 }],
    ["1405-09-15", { year: 1405, month: 9, day: 15 }],
    ["۱۴۰۵.۹.۱۵", { year: 1405, month: 9, day: 15 }],
    ["١٤٠٥/٠٩/١٥", { year: 1405, month: 9, day: 15 }],
    [" 1405 / 9 / 15 ", { year: 1405, month: 9, day: 15 }],
    ["1403/12/30", { year: 1403, month: 12, day: 30 }],
  ])("%j", (input, expected) => {
    expect(parseJalaliDate(input)).toEqual(expected);
  });

  it.each([
    "15/9/1405", // D/M/Y order
    "05/09/15", // 2-digit year
    "1299/01/01",
    "1500/01/01",
    "1404/12/30", // not a leap year
    "1405/07/31",
    "1405/13/01",
    "1405/09-15", // mixed separators
    "1405/009/15",
    "1405915",
    "",
  ])("rejects %j", (input) => {
    expect(parseJalaliDate(input)).toBeNull();
  });
});

describe("parseTimeOfDay", () => {
  it.each([
    ["14:30", { hour: 14, minute: 30 }],
    ["۱۴:۳۰", { hour: 14, minute: 30 }],
    ["9:05", { hour: 9, minute: 5 }],
    ["14", { hour: 14, minute: 0 }],
    ["0:00", { hour: 0, minute: 0 }],
    ["23:59", { hour: 23, minute: 59 }],
  ])("%j", (input, expected) => {
    expect(parseTimeOfDay(input)).toEqual(expected);
  });

  it.each(["24:00", "12:60", "9:5", "123", "", "ab", "-1:00"])("rejects %j", (input) => {
    expect(parseTimeOfDay(input)).toBeNull();
  });
});

describe("formatting", () => {
  const meeting = utc("2025-05-31T06:00:00Z"); // Saturday 10 Khordad 1404, 09:30 Tehran

  it("formats for Persian readers", () => {
    expect(formatJalaliDate(meeting, "fa")).toBe("۱۴۰۴/۰۳/۱۰");
    expect(formatJalaliDate(meeting, "fa", { monthName: true })).toBe("۱۰ خرداد ۱۴۰۴");
    expect(formatJalaliDate(meeting, "fa", { monthName: true, weekday: true })).toBe("شنبه ۱۰ خرداد ۱۴۰۴");
    expect(formatJalaliDate(meeting, "fa", { monthName: true, weekday: true, time: true })).toBe(
      "شنبه ۱۰ خرداد ۱۴۰۴ ساعت ۰۹:۳۰",
    );
    expect(formatJalaliDate(meeting, "fa", { time: true })).toBe("۱۴۰۴/۰۳/۱۰ ساعت ۰۹:۳۰");
  });

  it("formats for English readers", () => {
    expect(formatJalaliDate(meeting, "en")).toBe("1404/03/10");
    expect(formatJalaliDate(meeting, "en", { monthName: true })).toBe("10 Khordad 1404");
    expect(formatJalaliDate(meeting, "en", { monthName: true, weekday: true })).toBe("Saturday 10 Khordad 1404");
    expect(formatJalaliDate(meeting, "en", { time: true })).toBe("1404/03/10 09:30");
  });

  it("uses the Tehran date, not the UTC date, late in the evening UTC", () => {
    // 2025-05-31T21:00Z is already 11 Khordad 00:30 in Tehran (a Sunday).
    expect(formatJalaliDate(utc("2025-05-31T21:00:00Z"), "en", { weekday: true, time: true })).toBe(
      "Sunday 1404/03/11 00:30",
    );
  });

  it("names every month", () => {
    const names = Array.from({ length: 12 }, (_, i) =>
      formatJalaliDate(jalaliToInstant({ year: 1405, month: i + 1, day: 1 }), "en", { monthName: true }),
    );
    expect(names).toEqual([
      "1 Farvardin 1405", "1 Ordibehesht 1405", "1 Khordad 1405", "1 Tir 1405", "1 Mordad 1405",
      "1 Shahrivar 1405", "1 Mehr 1405", "1 Aban 1405", "1 Azar 1405", "1 Dey 1405", "1 Bahman 1405",
      "1 Esfand 1405",
    ]);
    expect(formatJalaliDate(jalaliToInstant({ year: 1405, month: 12, day: 1 }), "fa", { monthName: true })).toBe(
      "۱ اسفند ۱۴۰۵",
    );
  });

  it("formatJalaliYMD pads with Latin digits", () => {
    expect(formatJalaliYMD({ year: 1405, month: 9, day: 5 })).toBe("1405/09/05");
  });
});

describe("Tehran's offset, remembered per half hour of UTC", () => {
  const intl = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tehran", hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const reference = (instant: Date) => {
    const f = Object.fromEntries(intl.formatToParts(instant).map((p) => [p.type, Number(p.value)])) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(instant.getTime() / 1000) * 1000;
  };

  it("agrees with the time-zone data at every DST change and at random instants from 1940 to 2040", () => {
    const instants: Date[] = [];
    // A second either side of every half hour around the DST changes (local midnights of
    // Farvardin 1 and Mehr 1, 1977–2022), where a wrong slot would show first.
    for (let year = 1977; year <= 2023; year++) {
      for (const [month, day] of [[2, 20], [2, 21], [2, 22], [8, 20], [8, 21], [8, 22]] as const) {
        for (let halfHour = 0; halfHour < 48; halfHour++) {
          const at = Date.UTC(year, month, day) + halfHour * 30 * 60_000;
          instants.push(new Date(at - 1000), new Date(at), new Date(at + 999));
        }
      }
    }
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 20_000; i++) instants.push(new Date(Date.UTC(1940, 0, 1) + random() * 100 * 365.25 * 86_400_000));
    const wrong = instants.filter((instant) => tehranOffsetMs(instant) !== reference(instant));
    expect(wrong.map((instant) => instant.toISOString()).slice(0, 5)).toEqual([]);
    // Both offsets of the DST years are met (the test would pass vacuously on one).
    // (+03:30 and +04:30, and +04:00 / +05:00 of 1977–1979.)
    expect([...new Set(instants.map(tehranOffsetMs))].sort()).toEqual([12_600_000, 14_400_000, 16_200_000, 18_000_000]);
  });
});
