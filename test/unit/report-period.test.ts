import { describe, expect, it } from "vitest";
import {
  currentPeriod,
  customPeriod,
  monthPeriod,
  nextPeriod,
  parseCustomRange,
  periodCode,
  periodDays,
  periodFromCode,
  previousPeriod,
  quarterPeriod,
  twelveMonthsEnding,
  yearPeriod,
} from "../../src/domain/report-period";
import { jalaliToInstant } from "../../src/domain/jalali";

const j = (year: number, month: number, day: number) => ({ year, month, day });

describe("report periods", () => {
  it("a quarter runs from 00:00 Tehran of its first day to 00:00 of the day after its last", () => {
    const q1 = quarterPeriod(1405, 1);
    expect(q1.firstDay).toEqual([1405, 1, 1]);
    expect(q1.lastDay).toEqual([1405, 3, 31]);
    expect(q1.start.toISOString()).toBe("2026-03-20T20:30:00.000Z");
    expect(q1.end).toEqual(jalaliToInstant(j(1405, 4, 1)));
    expect(q1.quarter).toBe(1);
    expect(periodDays(q1)).toBe(93);
    const q4 = quarterPeriod(1403, 4); // 1403 is a leap year: Esfand has 30 days
    expect(q4.lastDay).toEqual([1403, 12, 30]);
    expect(quarterPeriod(1404, 4).lastDay).toEqual([1404, 12, 29]);
  });

  it("months and years, including Esfand in leap and common years", () => {
    expect(monthPeriod(1405, 7).lastDay).toEqual([1405, 7, 30]);
    expect(monthPeriod(1403, 12).lastDay).toEqual([1403, 12, 30]);
    expect(monthPeriod(1405, 0).firstDay).toEqual([1404, 12, 1]);
    expect(yearPeriod(1405).lastDay).toEqual([1405, 12, 29]);
    expect(periodDays(yearPeriod(1403))).toBe(366);
  });

  it("the current period from an instant in Tehran (the evening of 1405/03/31 UTC is already Tir)", () => {
    const lateEvening = new Date("2026-06-21T20:45:00Z"); // 00:15 1405/04/01 Tehran
    expect(currentPeriod("quarter", lateEvening).quarter).toBe(2);
    expect(currentPeriod("month", lateEvening).month).toBe(4);
    expect(currentPeriod("year", lateEvening).firstDay).toEqual([1405, 1, 1]);
    expect(currentPeriod("quarter", new Date("2026-06-21T20:15:00Z")).quarter).toBe(1);
  });

  it("the previous period of the same length", () => {
    expect(previousPeriod(quarterPeriod(1405, 1))).toEqual(quarterPeriod(1404, 4));
    expect(previousPeriod(monthPeriod(1405, 1))).toEqual(monthPeriod(1404, 12));
    expect(previousPeriod(yearPeriod(1405))).toEqual(yearPeriod(1404));
    const custom = customPeriod(j(1405, 2, 10), j(1405, 2, 19))!;
    const before = previousPeriod(custom);
    expect(before.firstDay).toEqual([1405, 1, 31]);
    expect(before.lastDay).toEqual([1405, 2, 9]);
    expect(periodDays(before)).toBe(10);
    expect(before.end).toEqual(custom.start);
    expect(nextPeriod(quarterPeriod(1404, 4))).toEqual(quarterPeriod(1405, 1));
  });

  it("twelve months ending with the period's last", () => {
    const months = twelveMonthsEnding(quarterPeriod(1405, 1));
    expect(months).toHaveLength(12);
    expect(months[0]!.firstDay).toEqual([1404, 4, 1]);
    expect(months[11]!.firstDay).toEqual([1405, 3, 1]);
    for (let i = 1; i < 12; i++) expect(months[i]!.start).toEqual(months[i - 1]!.end);
  });

  it("codes round-trip and malformed codes are refused", () => {
    for (const p of [monthPeriod(1405, 3), quarterPeriod(1405, 4), yearPeriod(1399), customPeriod(j(1405, 1, 1), j(1405, 3, 31))!]) {
      expect(periodFromCode(periodCode(p))).toEqual(p);
    }
    expect(periodCode(quarterPeriod(1405, 1))).toBe("q14051");
    expect(periodCode(monthPeriod(1405, 3))).toBe("m140503");
    expect(periodCode(customPeriod(j(1405, 1, 1), j(1405, 3, 31))!)).toBe("c1405010114050331");
    for (const bad of ["q14055", "m140513", "m140500", "y2026", "c1405033114050101", "c1405013214050331", "x", ""]) {
      expect(periodFromCode(bad)).toBeNull();
    }
  });

  it("a typed custom range in Persian, Arabic or Latin digits", () => {
    const expected = customPeriod(j(1405, 1, 1), j(1405, 3, 31));
    for (const text of ["۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱", "1405-01-01 - 1405-03-31", "١٤٠٥/١/١ الی ١٤٠٥/٣/٣١", "1405/1/1 to 1405/3/31", " ۱۴۰۵.۰۱.۰۱ – ۱۴۰۵.۰۳.۳۱ "]) {
      expect(parseCustomRange(text)).toEqual({ period: expected });
    }
    expect(parseCustomRange("1405/03/31 تا 1405/01/01")).toEqual({ problem: "backwards" });
    expect(parseCustomRange("1400/01/01 تا 1405/01/01")).toEqual({ problem: "too_long" });
    expect(parseCustomRange("1405/13/01 تا 1405/12/01")).toEqual({ problem: "format" });
    expect(parseCustomRange("last quarter")).toEqual({ problem: "format" });
  });
});
