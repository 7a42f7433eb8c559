/**
 * The countdown, the pauses and the statutory windows, with exact Tehran instants. Calendar:
 * Friday off, Thursday off where said, the shipped holidays (Tue 1405/10/01, the birth of Imam
 * Ali, falls in most cases below), quiet hours 21:00–08:00. 1405/09/11 is Wednesday 2 Dec 2026.
 */
import { describe, expect, it } from "vitest";
import { dateCheckMoment, checkNewDate, nextUrgencyStep, timeLeft, urgencyFromCountdown, moreUrgent } from "../../src/domain/countdown";
import { pausedWorkingDays, shiftedDueAt, netDurationMs, canPause, totalPausedWorkingDays } from "../../src/domain/clock-pause";
import { checkObjection, objectionWindowEnd, resolutionPhase, type ResolutionClock } from "../../src/domain/statutory";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import { holidaysFor } from "../../src/domain/holidays";
import { WorkingCalendarSchema } from "../../src/domain/working-calendar";

const calendar = WorkingCalendarSchema.parse({ holidays: [...holidaysFor(1405), ...holidaysFor(1406)] });
const thursdayOff = { ...calendar, thursdayOff: true };
/** A Tehran wall-clock instant from a Jalali date and time. */
const at = (y: number, m: number, d: number, hour = 0, minute = 0) => jalaliToInstant({ year: y, month: m, day: d }, { hour, minute });
const iso = (date: Date) => date.toISOString();

describe("time left to the irreversible date", () => {
  it("counts calendar and working days (Friday and a holiday do not count)", () => {
    // Wed 1405/09/25 10:00 → end of Wed 1405/10/02: Thu 26, Fri 27 (off), Sat 28, Sun 29, Mon 30,
    // Tue 10/01 (holiday: birth of Imam Ali), Wed 10/02 → 5 working days, 7 calendar days.
    const left = timeLeft(endOfJalaliDay({ year: 1405, month: 10, day: 2 }), at(1405, 9, 25, 10), calendar);
    expect(left).toEqual({ calendarDays: 7, workingDays: 5, overdue: false });
    expect(timeLeft(endOfJalaliDay({ year: 1405, month: 10, day: 2 }), at(1405, 9, 25, 10), thursdayOff).workingDays).toBe(4);
  });

  it("goes negative once the date has passed", () => {
    const left = timeLeft(at(1405, 9, 10, 12), at(1405, 9, 12, 9), calendar);
    expect(left.overdue).toBe(true);
    expect(left.calendarDays).toBe(-2);
    expect(left.workingDays).toBe(-2);
  });
});

describe("urgency that rises by itself", () => {
  const irreversibleAt = endOfJalaliDay({ year: 1405, month: 10, day: 20 });

  it("follows the thresholds 30 / 7 / 3 calendar days; a cut-off is critical from the start", () => {
    expect(urgencyFromCountdown({ category: "bank_financing" as never, irreversibleAt, now: at(1405, 9, 1) })).toBe("low");
    expect(urgencyFromCountdown({ category: "bank_financing" as never, irreversibleAt, now: at(1405, 9, 20) })).toBe("normal");
    expect(urgencyFromCountdown({ category: "bank_financing" as never, irreversibleAt, now: at(1405, 10, 13) })).toBe("high");
    expect(urgencyFromCountdown({ category: "bank_financing" as never, irreversibleAt, now: at(1405, 10, 17) })).toBe("critical");
    expect(urgencyFromCountdown({ category: "utility_cutoff", irreversibleAt, now: at(1405, 9, 1) })).toBe("critical");
    expect(urgencyFromCountdown({ category: "bank_financing" as never, irreversibleAt: null, now: at(1405, 9, 1) })).toBe("normal");
  });

  it("names the next step: the start of the Tehran day the days left reach a threshold", () => {
    const base = { category: "bank_financing" as never, irreversibleAt };
    expect(nextUrgencyStep({ ...base, now: at(1405, 9, 1), current: "low" })).toEqual({ at: at(1405, 9, 20), urgency: "normal" });
    expect(nextUrgencyStep({ ...base, now: at(1405, 9, 20), current: "normal" })).toEqual({ at: at(1405, 10, 13), urgency: "high" });
    expect(nextUrgencyStep({ ...base, now: at(1405, 10, 13), current: "high" })).toEqual({ at: at(1405, 10, 17), urgency: "critical" });
    expect(nextUrgencyStep({ ...base, now: at(1405, 10, 17), current: "critical" })).toBeNull();
    expect(nextUrgencyStep({ category: "utility_cutoff", irreversibleAt, now: at(1405, 9, 1), current: "critical" })).toBeNull();
    expect(iso(nextUrgencyStep({ ...base, now: at(1405, 9, 1), current: "low" })!.at)).toBe("2026-12-10T20:30:00.000Z");
  });

  it("never lowers an urgency set by hand", () => {
    expect(moreUrgent("critical", "low")).toBe("critical");
    expect(moreUrgent("normal", "high")).toBe("high");
  });
});

describe("at the date, ask", () => {
  it("asks on the date's working morning, or the next working morning after a day off", () => {
    // Thu 1405/09/26 (a working day here) → 08:00 that day; with Thursday off → Sat 09/28 08:00.
    expect(iso(dateCheckMoment(endOfJalaliDay({ year: 1405, month: 9, day: 26 }), calendar))).toBe(iso(at(1405, 9, 26, 8)));
    expect(iso(dateCheckMoment(endOfJalaliDay({ year: 1405, month: 9, day: 26 }), thursdayOff))).toBe(iso(at(1405, 9, 28, 8)));
    // Fri 1405/09/27 → Sat 1405/09/28 08:00.
    expect(iso(dateCheckMoment(at(1405, 9, 27, 12), calendar))).toBe(iso(at(1405, 9, 28, 8)));
    // Tue 1405/10/01 is a holiday → Wed 1405/10/02 08:00 (04:30 UTC).
    expect(iso(dateCheckMoment(at(1405, 10, 1, 9), calendar))).toBe("2026-12-23T04:30:00.000Z");
  });

  it("refuses a new date in the past or beyond the horizon", () => {
    const now = at(1405, 9, 11, 10);
    expect(checkNewDate(at(1405, 9, 10), now)).toBe("past");
    expect(checkNewDate(at(1410, 1, 1), now)).toBe("beyond_horizon");
    expect(checkNewDate(at(1405, 10, 1), now)).toBe("ok");
  });
});

describe("clocks that pause for the party that is waiting", () => {
  it("a pause over a Friday and a holiday moves the due date by the working days it passed", () => {
    // Thu 1405/09/26 11:00 → Wed 1405/10/02 09:00 passes Fri 27 (off), Sat 28, Sun 29, Mon 30,
    // Tue 10/01 (holiday), Wed 10/02 → 4 working days.
    const pause = { waitingOn: "producer" as const, startedAt: at(1405, 9, 26, 11), endedAt: at(1405, 10, 2, 9) };
    expect(pausedWorkingDays(pause, at(1405, 10, 5), calendar)).toBe(4);
    // Due at the end of Wed 1405/10/02 → + 4 working days: Thu 03, (Fri 04 off), Sat 05, Sun 06, Mon 07.
    const due = endOfJalaliDay({ year: 1405, month: 10, day: 2 });
    expect(iso(shiftedDueAt(due, 4, calendar))).toBe(iso(endOfJalaliDay({ year: 1405, month: 10, day: 7 })));
    // With Thursday off too: Sat 05, Sun 06, Mon 07, Tue 08.
    expect(iso(shiftedDueAt(due, 4, thursdayOff))).toBe(iso(endOfJalaliDay({ year: 1405, month: 10, day: 8 })));
  });

  it("a pause within one day moves nothing; a running pause counts up to now", () => {
    expect(pausedWorkingDays({ waitingOn: "agency", startedAt: at(1405, 9, 26, 9), endedAt: at(1405, 9, 26, 17) }, at(1405, 9, 27), calendar)).toBe(0);
    const running = { waitingOn: "meeting" as const, startedAt: at(1405, 9, 26, 9), endedAt: null };
    expect(pausedWorkingDays(running, at(1405, 9, 29, 10), calendar)).toBe(2); // Thu 27, Sat 29
    expect(totalPausedWorkingDays([running, { waitingOn: "producer", startedAt: at(1405, 9, 20), endedAt: at(1405, 9, 22) }], at(1405, 9, 29, 10), calendar)).toBe(4);
  });

  it("keeps a due time of day that is not the end of the day", () => {
    // Thu 09/26 14:30 + 1 working day → Sat 09/28 14:30 (Friday skipped).
    expect(iso(shiftedDueAt(at(1405, 9, 26, 14, 30), 1, calendar))).toBe(iso(at(1405, 9, 28, 14, 30)));
    expect(shiftedDueAt(at(1405, 9, 26, 14, 30), 0, calendar)).toEqual(at(1405, 9, 26, 14, 30));
  });

  it("response time net of waiting, and one wait at a time on open work only", () => {
    const from = at(1405, 9, 20, 8);
    const to = at(1405, 9, 20, 18);
    expect(netDurationMs(from, to, [{ waitingOn: "producer", startedAt: at(1405, 9, 20, 10), endedAt: at(1405, 9, 20, 14) }], to)).toBe(6 * 3600_000);
    expect(canPause({ finished: true, running: null })).toBe("finished");
    expect(canPause({ finished: false, running: { waitingOn: "producer", startedAt: from, endedAt: null } })).toBe("already_waiting");
    expect(canPause({ finished: false, running: null })).toBe("ok");
  });
});

describe("statutory timers on a resolution", () => {
  // Notified Sun 1405/09/22 10:00; Fridays 09/27 and 10/04 and the holiday 10/01 do not count.
  const notifiedAt = at(1405, 9, 22, 10);
  const windowEnd = objectionWindowEnd(notifiedAt, calendar);

  it("the objection window is 15 working days on the working calendar", () => {
    // 23, 24, 25, 26 (4) · 28, 29, 30 (7) · 10/02, 10/03 (9) · 10/05 … 10/10 (15) → end of Thu 1405/10/10.
    expect(iso(windowEnd)).toBe(iso(endOfJalaliDay({ year: 1405, month: 10, day: 10 })));
  });

  const clock = (over: Partial<ResolutionClock> = {}): ResolutionClock => ({
    notifiedAt,
    objectionWindowEndsAt: windowEnd,
    objectedAt: null,
    objectionDecidedAt: null,
    implementedAt: null,
    deadlineAt: endOfJalaliDay({ year: 1405, month: 11, day: 10 }),
    ...over,
  });

  it("moves through its phases", () => {
    expect(resolutionPhase(clock({ notifiedAt: null, objectionWindowEndsAt: null }), at(1405, 9, 23))).toBe("not_notified");
    expect(resolutionPhase(clock(), at(1405, 10, 10, 23))).toBe("objection_open");
    expect(resolutionPhase(clock(), at(1405, 10, 11, 0, 1))).toBe("binding");
    expect(resolutionPhase(clock({ objectedAt: at(1405, 10, 2) }), at(1405, 10, 3))).toBe("objected");
    expect(resolutionPhase(clock({ objectedAt: at(1405, 10, 2), objectionDecidedAt: at(1405, 10, 4) }), at(1405, 10, 4, 12))).toBe("binding");
    expect(resolutionPhase(clock(), at(1405, 11, 11))).toBe("overdue");
    expect(resolutionPhase(clock({ implementedAt: at(1405, 11, 1) }), at(1405, 11, 11))).toBe("implemented");
  });

  it("accepts one objection inside the window, with written reasons", () => {
    const reasons = "The bank's board has not approved the rescheduling yet.";
    expect(checkObjection(clock(), reasons, at(1405, 10, 10, 20))).toBe("ok");
    expect(checkObjection(clock(), reasons, at(1405, 10, 11, 9))).toBe("window_closed");
    expect(checkObjection(clock(), "no", at(1405, 10, 2))).toBe("reasons_too_short");
    expect(checkObjection(clock({ objectedAt: at(1405, 10, 2) }), reasons, at(1405, 10, 3))).toBe("already_objected");
    expect(checkObjection(clock({ notifiedAt: null, objectionWindowEndsAt: null }), reasons, at(1405, 10, 3))).toBe("not_notified");
  });
});
