/**
 * Clocks that pause for the party that is waiting: the pure rules, with exact Tehran instants.
 * Calendar: Friday off, the shipped holidays (Tue 1405/10/01, birth of Imam Ali; Mon 1405/10/15…),
 * quiet hours 21:00–08:00. Azar 1405 has 30 days: Thu 09/26, Fri 09/27, Sat 09/28, Sun 09/29,
 * Mon 09/30, Tue 10/01 (holiday), Wed 10/02, Thu 10/03, Fri 10/04, Sat 10/05 … Sat 10/12,
 * Sun 10/13, Mon 10/14, Tue 10/15 (holiday), Wed 10/16.
 */
import { describe, expect, it } from "vitest";
import { canPause, netDurationMs, pausedWorkingDays, shiftedDueAt, totalPausedWorkingDays, type Pause } from "../../src/domain/clock-pause";
import { holidaysFor } from "../../src/domain/holidays";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import { caseWaitingOn, taskWaitingOn, type WaitingTask } from "../../src/domain/waiting-on";
import { WorkingCalendarSchema } from "../../src/domain/working-calendar";
import { planTaskReminders, wantsReminders } from "../../src/jobs/reminders";
import { loadPolicies } from "../../src/policies";
import { agencyResponseTimes, median } from "../../src/services/statistics";

const calendar = WorkingCalendarSchema.parse({ holidays: [...holidaysFor(1405), ...holidaysFor(1406)] });
const at = (y: number, m: number, d: number, hour = 0, minute = 0) => jalaliToInstant({ year: y, month: m, day: d }, { hour, minute });
const endOf = (y: number, m: number, d: number) => endOfJalaliDay({ year: y, month: m, day: d });
const iso = (date: Date) => date.toISOString();
const HOUR = 3_600_000;

describe("the working days a pause moves the clock", () => {
  it("over a Friday and a holiday: Thu 09/26 11:00 → Wed 10/02 10:15 is 4 working days (Sat, Sun, Mon, Wed)", () => {
    const pause: Pause = { waitingOn: "producer", startedAt: at(1405, 9, 26, 11), endedAt: at(1405, 10, 2, 10, 15) };
    expect(iso(pause.startedAt)).toBe("2026-12-17T07:30:00.000Z");
    expect(iso(pause.endedAt!)).toBe("2026-12-23T06:45:00.000Z");
    expect(pausedWorkingDays(pause, at(1405, 10, 20), calendar)).toBe(4);
    // The due date, end of Wed 10/02 → Thu 10/03, (Fri 10/04), Sat 10/05, Sun 10/06, Mon 10/07.
    expect(iso(shiftedDueAt(endOf(1405, 10, 2), 4, calendar))).toBe("2026-12-28T20:29:59.999Z");
    expect(iso(shiftedDueAt(endOf(1405, 10, 2), 4, calendar))).toBe(iso(endOf(1405, 10, 7)));
  });

  it("a shift that lands across the second holiday skips it: end of Sun 10/13 + 2 → end of Wed 10/16", () => {
    expect(iso(shiftedDueAt(endOf(1405, 10, 13), 2, calendar))).toBe(iso(endOf(1405, 10, 16)));
    expect(iso(shiftedDueAt(endOf(1405, 10, 13), 2, calendar))).toBe("2027-01-06T20:29:59.999Z");
  });

  it("counts the days whose start it passes: a pause begun on a day off, one over midnight, one ending on a holiday", () => {
    // Fri 09/27 15:00 → Sat 09/28 09:00: Saturday's start passed → 1.
    expect(pausedWorkingDays({ waitingOn: "producer", startedAt: at(1405, 9, 27, 15), endedAt: at(1405, 9, 28, 9) }, at(1405, 10, 1), calendar)).toBe(1);
    // Sun 09/29 23:50 → Mon 09/30 00:10: twenty minutes, but Monday's start passed → 1.
    expect(pausedWorkingDays({ waitingOn: "producer", startedAt: at(1405, 9, 29, 23, 50), endedAt: at(1405, 9, 30, 0, 10) }, at(1405, 10, 1), calendar)).toBe(1);
    // Mon 09/30 16:00 → Tue 10/01 (holiday) 12:00: no working day passed → 0.
    expect(pausedWorkingDays({ waitingOn: "producer", startedAt: at(1405, 9, 30, 16), endedAt: at(1405, 10, 1, 12) }, at(1405, 10, 2), calendar)).toBe(0);
    // Ended before it started (a clock skew): nothing.
    expect(pausedWorkingDays({ waitingOn: "producer", startedAt: at(1405, 9, 30, 16), endedAt: at(1405, 9, 30, 15) }, at(1405, 10, 2), calendar)).toBe(0);
  });

  it("a running pause counts up to now, across the Friday and the holiday", () => {
    const running: Pause = { waitingOn: "producer", startedAt: at(1405, 9, 26, 11), endedAt: null };
    expect(pausedWorkingDays(running, at(1405, 9, 27, 12), calendar)).toBe(0); // Friday
    expect(pausedWorkingDays(running, at(1405, 9, 29, 10), calendar)).toBe(2); // Sat, Sun
    expect(pausedWorkingDays(running, at(1405, 10, 1, 10), calendar)).toBe(3); // + Mon; the holiday not
    expect(pausedWorkingDays(running, at(1405, 10, 2, 10, 15), calendar)).toBe(4);
    const earlier: Pause = { waitingOn: "producer", startedAt: at(1405, 9, 20, 9), endedAt: at(1405, 9, 23, 9) };
    expect(totalPausedWorkingDays([earlier, running], at(1405, 10, 2, 10, 15), calendar)).toBe(7);
  });

  it("one wait at a time, and none on finished work", () => {
    expect(canPause({ finished: false, running: null })).toBe("ok");
    expect(canPause({ finished: false, running: { waitingOn: "producer", startedAt: at(1405, 9, 26), endedAt: null } })).toBe("already_waiting");
    expect(canPause({ finished: true, running: null })).toBe("finished");
  });
});

describe("response time net of waiting on others", () => {
  const created = at(1405, 9, 25, 10);
  const answered = at(1405, 10, 5, 10);
  const pause: Pause = { waitingOn: "producer", startedAt: at(1405, 9, 26, 11), endedAt: at(1405, 10, 2, 10, 15) };

  it("subtracts the overlap of every pause, a running one up to now", () => {
    expect(answered.getTime() - created.getTime()).toBe(240 * HOUR);
    expect(netDurationMs(created, answered, [pause], answered)).toBe(240 * HOUR - (143 * HOUR + 15 * 60_000));
    // A pause running since before the span began counts from the span's start.
    expect(netDurationMs(at(1405, 9, 27), at(1405, 9, 28), [{ ...pause, endedAt: null }], at(1405, 9, 28))).toBe(0);
  });

  it("per agency: the medians of the answered tasks, gross and net", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const rows = agencyResponseTimes(
      [
        { agencyId: 7, createdAt: created, completedAt: answered, pauses: [pause] },
        { agencyId: 7, createdAt: created, completedAt: at(1405, 9, 26, 10), pauses: [] },
        { agencyId: 7, createdAt: created, completedAt: null, pauses: [] }, // not answered yet
        { agencyId: 9, createdAt: created, completedAt: null, pauses: [pause] },
      ],
      answered,
    );
    expect(rows).toEqual([
      { agencyId: 7, responded: 2, medianResponseMs: (240 + 24) / 2 * HOUR, medianNetResponseMs: (96.75 + 24) / 2 * HOUR },
    ]);
  });
});

describe("who is waiting on whom", () => {
  const task = (over: Partial<WaitingTask> = {}): WaitingTask => ({ agencyId: 3, status: "open", runningPause: null, ...over });

  it("a task waits on its agency, on the party its clock is paused for, or on the secretariat's review", () => {
    expect(taskWaitingOn(task())).toEqual({ kind: "agency", agencyId: 3 });
    expect(taskWaitingOn(task({ runningPause: { waitingOn: "producer" } }))).toEqual({ kind: "producer" });
    expect(taskWaitingOn(task({ status: "done_pending_review" }))).toEqual({ kind: "secretariat" });
    expect(taskWaitingOn(task({ status: "done" }))).toBeNull();
    expect(taskWaitingOn(task({ status: "cancelled", runningPause: { waitingOn: "producer" } }))).toBeNull();
  });

  it("a case: the producer, the meeting, the secretariat, its agencies — each once; nobody once finished", () => {
    const paused = task({ runningPause: { waitingOn: "producer" } });
    expect(caseWaitingOn({ status: "needs_info", tasks: [paused, task({ agencyId: 4, runningPause: { waitingOn: "producer" } })], meetingId: null })).toEqual([{ kind: "producer" }]);
    expect(caseWaitingOn({ status: "submitted", tasks: [], meetingId: null })).toEqual([{ kind: "secretariat" }]);
    expect(caseWaitingOn({ status: "submitted", tasks: [task(), task({ agencyId: 4 })], meetingId: null })).toEqual([
      { kind: "secretariat" },
      { kind: "agency", agencyId: 3 },
      { kind: "agency", agencyId: 4 },
    ]);
    expect(caseWaitingOn({ status: "assigned", tasks: [task(), task()], meetingId: null })).toEqual([{ kind: "agency", agencyId: 3 }]);
    expect(caseWaitingOn({ status: "assigned", tasks: [task({ status: "done" })], meetingId: null })).toEqual([{ kind: "secretariat" }]);
    expect(caseWaitingOn({ status: "on_agenda", tasks: [task()], meetingId: 12 })).toEqual([
      { kind: "meeting", meetingId: 12 },
      { kind: "agency", agencyId: 3 },
    ]);
    for (const status of ["resolved", "closed", "rejected", "duplicate"] as const) {
      expect(caseWaitingOn({ status, tasks: [task()], meetingId: null })).toEqual([]);
    }
  });
});

describe("reminders of a paused task", () => {
  const policies = loadPolicies({
    WORKING_CALENDAR: JSON.stringify({ holidays: calendar.holidays }),
    REMINDER_POLICY: JSON.stringify({ sendAt: "09:00", beforeDueWorkingDays: [1], onDueDay: true, overdueEveryWorkingDays: 1, maxOverdueReminders: 1, escalation: [] }),
  });
  const row = { id: 5, status: "open" as const, dueAt: endOf(1405, 10, 2), scheduleVersion: 1, escalationLevel: 0 };

  it("stop while the clock is paused and come back when it runs", () => {
    const now = at(1405, 9, 26, 12);
    expect(wantsReminders(row)).toBe(true);
    expect(planTaskReminders({ ...row, clockPauses: [] }, policies, now).map((p) => p.jobId)).toEqual(["task-5-v1-before_-1", "task-5-v1-due_0", "task-5-v1-overdue_1"]);
    expect(wantsReminders({ ...row, clockPauses: [{ startedAt: at(1405, 9, 26, 11) }] })).toBe(false);
    expect(planTaskReminders({ ...row, clockPauses: [{ startedAt: at(1405, 9, 26, 11) }] }, policies, now)).toEqual([]);
  });
});
