import { describe, expect, it } from "vitest";
import {
  agencyPerformance,
  durationParts,
  periodKindFromCode,
  periodLength,
  statisticsPeriod,
  statusBucket,
  taskOutcome,
  toCsv,
  type TaskFacts,
} from "../../src/services/statistics";

// Sunday 15 Azar 1405, 10:30 in Tehran.
const NOW = new Date("2026-12-06T07:00:00Z");

describe("statisticsPeriod: Jalali month, season and year in Tehran", () => {
  it("this month, this season (Mehr–Azar) and this year of 15 Azar 1405", () => {
    const month = statisticsPeriod("month", NOW);
    expect(month).toMatchObject({ kind: "month", year: 1405, month: 9, season: null, firstDay: { year: 1405, month: 9, day: 1 }, lastDay: { year: 1405, month: 9, day: 30 } });
    expect(month.from.toISOString()).toBe("2026-11-21T20:30:00.000Z"); // 1 Azar 00:00 Tehran
    expect(month.to.toISOString()).toBe("2026-12-21T20:30:00.000Z"); // 1 Dey 00:00 Tehran
    const season = statisticsPeriod("season", NOW);
    expect(season).toMatchObject({ season: 3, firstDay: { month: 7, day: 1 }, lastDay: { month: 9, day: 30 } });
    expect(season.from.toISOString()).toBe("2026-09-22T20:30:00.000Z");
    expect(periodLength(season)).toBe(90);
    const year = statisticsPeriod("year", NOW);
    expect(year.from.toISOString()).toBe("2026-03-20T20:30:00.000Z"); // 1 Farvardin 1405
    expect(year.to.toISOString()).toBe("2027-03-20T20:30:00.000Z"); // 1 Farvardin 1406
    expect(periodLength(year)).toBe(365);
  });

  it("the day is Tehran's, not UTC's: 23:59 on 30 Aban is still Aban", () => {
    const lastMinuteOfAban = new Date("2026-11-21T20:29:00Z"); // UTC date is already the 21st
    expect(statisticsPeriod("month", lastMinuteOfAban)).toMatchObject({ month: 8 });
    expect(statisticsPeriod("month", new Date("2026-11-21T20:30:00Z"))).toMatchObject({ month: 9 });
  });

  it("the last season runs to the end of Esfand, 30 days in a leap year, and crosses into the next Gregorian year", () => {
    const winter = statisticsPeriod("season", new Date("2025-03-19T08:00:00Z")); // 29 Esfand 1403
    expect(winter).toMatchObject({ year: 1403, season: 4, firstDay: { year: 1403, month: 10, day: 1 }, lastDay: { year: 1403, month: 12, day: 30 } });
    expect(winter.to.toISOString()).toBe("2025-03-20T20:30:00.000Z"); // 1 Farvardin 1404
    const normal = statisticsPeriod("month", new Date("2027-03-19T08:00:00Z")); // Esfand 1405
    expect(normal.lastDay).toEqual({ year: 1405, month: 12, day: 29 });
  });

  it("uses the zone's history: Tir 1400 started at 00:00 +04:30 (summer time, until 1401)", () => {
    const tir = statisticsPeriod("month", new Date("2021-07-01T08:00:00Z"));
    expect(tir).toMatchObject({ year: 1400, month: 4 });
    expect(tir.from.toISOString()).toBe("2021-06-21T19:30:00.000Z");
  });

  it("period codes from callback data", () => {
    expect(periodKindFromCode("m")).toBe("month");
    expect(periodKindFromCode("s")).toBe("season");
    expect(periodKindFromCode("y")).toBe("year");
    expect(periodKindFromCode("x")).toBeNull();
    expect(periodKindFromCode(undefined)).toBeNull();
  });
});

describe("case status buckets", () => {
  it("every working status is open; the four ends are their own", () => {
    expect(["submitted", "needs_info", "assigned", "in_progress", "on_agenda"].map(statusBucket)).toEqual(Array(5).fill("open"));
    expect(["resolved", "closed", "rejected", "duplicate"].map(statusBucket)).toEqual(["resolved", "closed", "rejected", "duplicate"]);
  });
});

const day = (iso: string) => new Date(iso);
// Due dates are stored as the end of a Tehran day.
const endOf = (isoDate: string) => new Date(new Date(`${isoDate}T23:59:59.999+03:30`).getTime());

describe("taskOutcome", () => {
  it("overdue only while it is the agency's turn and the due date has passed", () => {
    const past = endOf("2026-12-01");
    const future = endOf("2026-12-20");
    expect(taskOutcome({ status: "open", dueAt: past }, NOW)).toBe("overdue");
    expect(taskOutcome({ status: "acknowledged", dueAt: past }, NOW)).toBe("overdue");
    expect(taskOutcome({ status: "in_progress", dueAt: past }, NOW)).toBe("overdue");
    expect(taskOutcome({ status: "in_progress", dueAt: future }, NOW)).toBe("open");
    // Reported done, waiting for the secretariat's review: the agency is not late.
    expect(taskOutcome({ status: "done_pending_review", dueAt: past }, NOW)).toBe("open");
    expect(taskOutcome({ status: "done", dueAt: past }, NOW)).toBe("done");
    expect(taskOutcome({ status: "refused", dueAt: past }, NOW)).toBe("refused");
    expect(taskOutcome({ status: "cancelled", dueAt: past }, NOW)).toBe("cancelled");
  });
});

describe("agencyPerformance", () => {
  const task = (agencyId: number, over: Partial<TaskFacts>): TaskFacts => ({
    agencyId,
    status: "open",
    dueAt: endOf("2026-12-20"),
    completedAt: null,
    hasRefusalReason: false,
    extensionRequests: 0,
    ...over,
  });

  it("counts each task once, rates on-time against done + overdue, averages Tehran days late, worst first", () => {
    const rows = agencyPerformance(
      [
        // Agency 1: one on time, one 3 days late, one overdue 5 days, one open, one cancelled.
        task(1, { status: "done", dueAt: endOf("2026-11-26"), completedAt: day("2026-11-26T06:30:00Z") }),
        task(1, { status: "done", dueAt: endOf("2026-11-24"), completedAt: day("2026-11-27T06:30:00Z") }),
        task(1, { status: "acknowledged", dueAt: endOf("2026-12-01"), extensionRequests: 2 }),
        task(1, { status: "in_progress" }),
        task(1, { status: "cancelled", dueAt: endOf("2026-11-25") }),
        // Agency 2: two overdue (2 and 4 days), one refused without reasons, one with.
        task(2, { status: "open", dueAt: endOf("2026-12-04") }),
        task(2, { status: "open", dueAt: endOf("2026-12-02") }),
        task(2, { status: "refused", hasRefusalReason: true, completedAt: day("2026-11-30T06:00:00Z") }),
        task(2, { status: "refused", hasRefusalReason: false, completedAt: day("2026-11-30T06:00:00Z") }),
        // Agency 3: nothing due yet.
        task(3, { status: "open" }),
      ],
      NOW,
    );
    expect(rows.map((r) => r.agencyId)).toEqual([2, 1, 3]);
    expect(rows[0]).toEqual({
      agencyId: 2,
      assigned: 4,
      done: 0,
      doneOnTime: 0,
      refused: 2,
      refusedWithReason: 1,
      open: 0,
      overdue: 2,
      cancelled: 0,
      onTimeRate: 0,
      averageDaysLate: 3,
      extensionRequests: 0,
    });
    expect(rows[1]).toEqual({
      agencyId: 1,
      assigned: 5,
      done: 2,
      doneOnTime: 1,
      refused: 0,
      refusedWithReason: 0,
      open: 1,
      overdue: 1,
      cancelled: 1,
      onTimeRate: 1 / 3,
      averageDaysLate: 4, // (3 + 5) / 2
      extensionRequests: 2,
    });
    expect(rows[2]).toMatchObject({ assigned: 1, open: 1, onTimeRate: null, averageDaysLate: null });
  });

  it("completing late the next morning is one day late; on the due day itself is on time", () => {
    const [row] = agencyPerformance(
      [
        task(1, { status: "done", dueAt: endOf("2026-12-01"), completedAt: day("2026-12-01T20:00:00Z") }), // 23:30 Tehran
        task(1, { status: "done", dueAt: endOf("2026-12-01"), completedAt: day("2026-12-01T20:31:00Z") }), // 00:01 next day
      ],
      NOW,
    );
    expect(row).toMatchObject({ done: 2, doneOnTime: 1, onTimeRate: 0.5, averageDaysLate: 1 });
  });

  it("ties on overdue go to the lower on-time rate", () => {
    const rows = agencyPerformance(
      [
        task(1, { status: "open", dueAt: endOf("2026-12-01") }),
        task(1, { status: "done", dueAt: endOf("2026-12-01"), completedAt: day("2026-11-30T06:00:00Z") }),
        task(2, { status: "open", dueAt: endOf("2026-12-03") }),
      ],
      NOW,
    );
    expect(rows.map((r) => [r.agencyId, r.onTimeRate])).toEqual([
      [2, 0],
      [1, 0.5],
    ]);
  });
});

describe("durationParts", () => {
  it("minutes under an hour, hours under two days, days beyond", () => {
    expect(durationParts(45 * 60_000)).toEqual({ unit: "minutes", value: 45 });
    expect(durationParts(4 * 3_600_000)).toEqual({ unit: "hours", value: 4 });
    expect(durationParts(3.5 * 3_600_000)).toEqual({ unit: "hours", value: 3.5 });
    expect(durationParts(47 * 3_600_000)).toEqual({ unit: "hours", value: 47 });
    expect(durationParts(204 * 3_600_000)).toEqual({ unit: "days", value: 8.5 });
  });
});

describe("toCsv", () => {
  it("UTF-8 with a byte order mark, CRLF, quoting and no formulas", () => {
    const csv = toCsv([
      ["دستگاه", "n"],
      ["بانک ملی — مدیریت شعب کرمان", 3],
      ['Say "hi", then go', null],
      ["=HYPERLINK(1)", 0.5],
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString("utf8")).toBe(
      'دستگاه,n\r\nبانک ملی — مدیریت شعب کرمان,3\r\n"Say ""hi"", then go",\r\n\'=HYPERLINK(1),0.5\r\n',
    );
  });
});
