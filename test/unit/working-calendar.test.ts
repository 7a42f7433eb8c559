import { describe, it, expect } from "vitest";
import { addJalaliDays, compareJalali, formatJalaliDate, formatJalaliYMD, jalaliToInstant, type JalaliDate } from "../../src/domain/jalali";
import {
  DEFAULT_WORKING_CALENDAR,
  WorkingCalendarSchema,
  addWorkingDays,
  isWorkingDay,
  isWorkingMoment,
  nextWorkingMoment,
  workingDaysBetween,
  type WorkingCalendar,
} from "../../src/domain/working-calendar";

// Azar 1405: 13 Fri, 14 Sat, 15 Sun, 16 Mon, 17 Tue, 18 Wed, 19 Thu, 20 Fri, 21 Sat …
const azar = (day: number): JalaliDate => ({ year: 1405, month: 9, day });
const at = (day: number, hour: number, minute = 0): Date => jalaliToInstant(azar(day), { hour, minute });
const show = (instant: Date): string => formatJalaliDate(instant, "en", { weekday: true, time: true });

const calendar: WorkingCalendar = WorkingCalendarSchema.parse({
  thursdayOff: true,
  holidays: ["1405/09/17", "1405/10/01"],
});

describe("WorkingCalendarSchema", () => {
  it("fills in the defaults", () => {
    expect(WorkingCalendarSchema.parse({})).toEqual({
      quietStart: "21:00",
      quietEnd: "08:00",
      weekendDays: [5],
      thursdayOff: false,
      holidays: [],
    });
    expect(DEFAULT_WORKING_CALENDAR.weekendDays).toEqual([5]);
  });

  it("does not share default arrays between parses", () => {
    const first = WorkingCalendarSchema.parse({});
    first.weekendDays.push(4);
    expect(WorkingCalendarSchema.parse({}).weekendDays).toEqual([5]);
  });

  it.each([
    { quietStart: "25:00" },
    { quietEnd: "8:00" },
    { weekendDays: [7] },
    { weekendDays: [1.5] },
    { holidays: ["1404/12/30"] },
    { holidays: ["15/09/1405"] },
  ])("rejects %j", (input) => {
    expect(WorkingCalendarSchema.safeParse(input).success).toBe(false);
  });
});

describe("isWorkingDay", () => {
  it.each([
    [13, false], // Friday
    [14, true],
    [17, false], // configured holiday
    [18, true],
    [19, false], // Thursday, configured off
    [20, false],
    [21, true],
  ])("Azar %d → %s", (day, expected) => {
    expect(isWorkingDay(azar(day), calendar)).toBe(expected);
  });

  it("treats Thursday as a working day unless configured off", () => {
    expect(isWorkingDay(azar(19), DEFAULT_WORKING_CALENDAR)).toBe(true);
  });

  it("matches holidays written without zero padding in a hand-built calendar", () => {
    const handBuilt: WorkingCalendar = { ...DEFAULT_WORKING_CALENDAR, holidays: ["1405/9/16"] };
    expect(isWorkingDay(azar(16), handBuilt)).toBe(false);
  });

  it("honours other weekend days", () => {
    const saturdayToo: WorkingCalendar = { ...DEFAULT_WORKING_CALENDAR, weekendDays: [5, 6] };
    expect(isWorkingDay(azar(14), saturdayToo)).toBe(false);
  });
});

describe("isWorkingMoment", () => {
  it("is true from quietEnd inclusive to quietStart exclusive on a working day", () => {
    expect(isWorkingMoment(at(14, 7, 59), calendar)).toBe(false);
    expect(isWorkingMoment(at(14, 8, 0), calendar)).toBe(true);
    expect(isWorkingMoment(at(14, 20, 59), calendar)).toBe(true);
    expect(isWorkingMoment(at(14, 21, 0), calendar)).toBe(false);
    expect(isWorkingMoment(at(13, 12, 0), calendar)).toBe(false); // Friday noon
  });
});

describe("nextWorkingMoment", () => {
  it("returns a working moment unchanged", () => {
    const instant = at(14, 10, 17);
    expect(nextWorkingMoment(instant, calendar).getTime()).toBe(instant.getTime());
  });

  it.each([
    [at(14, 6, 30), "Saturday 1405/09/14 08:00"], // early morning: later the same day
    [at(14, 22, 0), "Sunday 1405/09/15 08:00"], // late evening: next morning
    [at(16, 21, 0), "Wednesday 1405/09/18 08:00"], // skips the holiday on Tuesday
    [at(18, 21, 30), "Saturday 1405/09/21 08:00"], // skips Thursday off and Friday
    [at(20, 12, 0), "Saturday 1405/09/21 08:00"], // Friday noon
    [at(30, 23, 0), "Wednesday 1405/10/02 08:00"], // skips the national holiday 1 Dey
  ])("%s → %s", (instant, expected) => {
    expect(show(nextWorkingMoment(instant, calendar))).toBe(expected);
  });

  it("handles quiet hours that do not wrap past midnight", () => {
    const lunch: WorkingCalendar = { ...calendar, quietStart: "12:00", quietEnd: "13:00" };
    expect(show(nextWorkingMoment(at(14, 12, 30), lunch))).toBe("Saturday 1405/09/14 13:00");
    expect(show(nextWorkingMoment(at(20, 15, 0), lunch))).toBe("Saturday 1405/09/21 00:00");
  });

  it("with no quiet hours the next working day starts at midnight", () => {
    const noQuiet: WorkingCalendar = { ...calendar, quietStart: "00:00", quietEnd: "00:00" };
    expect(isWorkingMoment(at(14, 3, 0), noQuiet)).toBe(true);
    expect(show(nextWorkingMoment(at(20, 15, 0), noQuiet))).toBe("Saturday 1405/09/21 00:00");
  });

  it("gives up on a calendar without any working day", () => {
    const never: WorkingCalendar = { ...calendar, weekendDays: [0, 1, 2, 3, 4, 5, 6] };
    expect(() => nextWorkingMoment(at(14, 10), never)).toThrow(RangeError);
    expect(() => addWorkingDays(azar(14), 1, never)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it.each([
    [14, 0, "1405/09/14"],
    [14, 1, "1405/09/15"],
    [15, 2, "1405/09/18"], // over the Tuesday holiday
    [18, 1, "1405/09/21"], // over Thursday off and Friday
    [19, 1, "1405/09/21"], // from a non-working day
    [30, 1, "1405/10/02"], // over 1 Dey
    [21, -1, "1405/09/18"],
    [21, -3, "1405/09/15"],
    [20, -1, "1405/09/18"],
  ])("Azar %d %+d → %s", (day, n, expected) => {
    expect(formatJalaliYMD(addWorkingDays(azar(day), n, calendar))).toBe(expected);
  });

  it("rejects fractional counts", () => {
    expect(() => addWorkingDays(azar(14), 1.5, calendar)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days in between, signed", () => {
    expect(workingDaysBetween(azar(14), azar(14), calendar)).toBe(0);
    expect(workingDaysBetween(azar(14), azar(21), calendar)).toBe(4); // 15, 16, 18, 21
    expect(workingDaysBetween(azar(21), azar(14), calendar)).toBe(-4);
    expect(workingDaysBetween(azar(18), azar(20), calendar)).toBe(0);
  });

  it("is the inverse of addWorkingDays between working days", () => {
    const days = Array.from({ length: 25 }, (_, i) => azar(i + 6)).filter((d) => isWorkingDay(d, calendar));
    for (const a of days) {
      for (const b of days) {
        expect(addWorkingDays(a, workingDaysBetween(a, b, calendar), calendar)).toEqual(b);
      }
    }
  });
});

describe("counting over long spans (days since the epoch, not Jalali steps)", () => {
  // The definitions, day by day through Jalali dates, as the functions first computed them.
  const byDays = {
    between(a: JalaliDate, b: JalaliDate, cal: WorkingCalendar): number {
      const order = compareJalali(a, b);
      if (order === 0) return 0;
      if (order > 0) return -byDays.between(addJalaliDays(b, -1), addJalaliDays(a, -1), cal);
      let count = 0;
      for (let day = addJalaliDays(a, 1); compareJalali(day, b) <= 0; day = addJalaliDays(day, 1)) if (isWorkingDay(day, cal)) count += 1;
      return count;
    },
    add(d: JalaliDate, n: number, cal: WorkingCalendar): JalaliDate {
      let day = d;
      for (let remaining = Math.abs(n); remaining > 0; ) {
        day = addJalaliDays(day, Math.sign(n));
        if (isWorkingDay(day, cal)) remaining -= 1;
      }
      return day;
    },
  };
  // Esfand of a leap year (1403 has 30 days in Esfand) into Farvardin, Nowruz holidays included.
  const nowruz = WorkingCalendarSchema.parse({ thursdayOff: true, holidays: ["1403/12/30", "1404/1/1", "1404/01/02", "1404/01/03", "1404/01/04", "1404/01/12", "1404/01/13"] });

  it("agrees with stepping through Jalali dates, both ways, across years", () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 300; i++) {
      const a = addJalaliDays({ year: 1403, month: 11, day: 1 }, random(200));
      const b = addJalaliDays(a, random(500) - 250);
      for (const cal of [nowruz, calendar, DEFAULT_WORKING_CALENDAR]) {
        expect(workingDaysBetween(a, b, cal)).toBe(byDays.between(a, b, cal));
        const n = random(120) - 60;
        expect(addWorkingDays(a, n, cal)).toEqual(byDays.add(a, n, cal));
      }
    }
  });

  it("reads holidays written without leading zeros", () => {
    expect(isWorkingDay({ year: 1404, month: 1, day: 2 }, nowruz)).toBe(false);
    expect(workingDaysBetween({ year: 1403, month: 12, day: 28 }, { year: 1404, month: 1, day: 15 }, nowruz)).toBe(byDays.between({ year: 1403, month: 12, day: 28 }, { year: 1404, month: 1, day: 15 }, nowruz));
  });
});
