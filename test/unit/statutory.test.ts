/**
 * The statutory clock of a resolution with exact Tehran instants: the objection window on the
 * working calendar, when the resolution binds, which task reminders wait for it, and when the
 * window's close is announced. Calendar: the shipped holidays (1405/10/01 and 1405/10/15 fall
 * here), Friday off, quiet hours 21:00–08:00. 1405/10/02 is a Wednesday.
 */
import { describe, expect, it } from "vitest";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import { bindingStartsAt, checkObjection, objectionWindowEnd, reminderWithheld, resolutionPhase, StatutoryPolicySchema, type ResolutionClock } from "../../src/domain/statutory";
import { planTaskReminders } from "../../src/jobs/reminder-plan";
import { loadPolicies } from "../../src/policies";
import { objectionCloseMoment } from "../../src/services/resolutions/statutory";

const policies = loadPolicies({} as Parameters<typeof loadPolicies>[0]);
const calendar = policies.calendar;
const at = (y: number, m: number, d: number, hour = 0, minute = 0) => jalaliToInstant({ year: y, month: m, day: d }, { hour, minute });
const iso = (date: Date) => date.toISOString();

// Notified Wed 1405/10/02 10:00.
const notifiedAt = at(1405, 10, 2, 10);
const windowEnd = objectionWindowEnd(notifiedAt, calendar);

const clock = (over: Partial<ResolutionClock> = {}): ResolutionClock => ({
  notifiedAt,
  objectionWindowEndsAt: windowEnd,
  objectedAt: null,
  objectionDecidedAt: null,
  implementedAt: null,
  deadlineAt: endOfJalaliDay({ year: 1405, month: 10, day: 20 }),
  ...over,
});

describe("the objection window", () => {
  it("counts 15 working days over Fridays and the holiday of 1405/10/15", () => {
    // 03 (1) · Fri 04 · 05–10 (7) · Fri 11 · 12–14 (10) · holiday 15 · 16, 17 (12) · Fri 18 · 19, 20, 21 (15).
    expect(iso(windowEnd)).toBe(iso(endOfJalaliDay({ year: 1405, month: 10, day: 21 })));
    expect(iso(windowEnd)).toBe("2027-01-11T20:29:59.999Z");
  });

  it("follows the configured length", () => {
    const short = StatutoryPolicySchema.parse({ objectionWindowWorkingDays: 5 });
    // Thu 10/10 16:00: 12, 13, 14, (15 holiday), 16, 17 → end of Thu 1405/10/17.
    expect(iso(objectionWindowEnd(at(1405, 10, 10, 16), calendar, short))).toBe(iso(endOfJalaliDay({ year: 1405, month: 10, day: 17 })));
  });

  it("accepts an objection up to the window's last instant and refuses it one millisecond later", () => {
    const reasons = "The gas company's board has not approved the instalments yet.";
    expect(checkObjection(clock(), reasons, windowEnd)).toBe("ok");
    expect(checkObjection(clock(), reasons, new Date(windowEnd.getTime() + 1))).toBe("window_closed");
    expect(checkObjection(clock(), "x".repeat(19), at(1405, 10, 3))).toBe("reasons_too_short");
    expect(checkObjection(clock(), `  ${"x".repeat(19)}  `, at(1405, 10, 3))).toBe("reasons_too_short");
  });

  it("is announced closed on the next working morning", () => {
    // The window ends Mon 10/21 23:59:59.999; Tue 10/22 08:00 is the first working moment after.
    expect(iso(objectionCloseMoment(windowEnd, policies))).toBe(iso(at(1405, 10, 22, 8)));
    // A window ending on a Thursday is announced on Saturday (Friday off).
    const thursday = endOfJalaliDay({ year: 1405, month: 10, day: 17 });
    expect(iso(objectionCloseMoment(thursday, policies))).toBe(iso(at(1405, 10, 19, 8)));
  });
});

describe("when the resolution binds", () => {
  it("binds at the window's end, or at the decision on an objection; waits while one is pending", () => {
    expect(bindingStartsAt(clock({ notifiedAt: null, objectionWindowEndsAt: null }))).toBeNull();
    expect(bindingStartsAt(clock())).toEqual(windowEnd);
    expect(bindingStartsAt(clock({ objectedAt: at(1405, 10, 5, 11) }))).toBe("pending");
    expect(bindingStartsAt(clock({ objectedAt: at(1405, 10, 5, 11), objectionDecidedAt: at(1405, 10, 7, 12) }))).toEqual(at(1405, 10, 7, 12));
    // Decided after the window had ended: it binds from the decision.
    expect(bindingStartsAt(clock({ objectedAt: at(1405, 10, 21, 20), objectionDecidedAt: at(1405, 10, 23, 9) }))).toEqual(at(1405, 10, 23, 9));
  });

  it("shows the phases over time", () => {
    expect(resolutionPhase(clock(), at(1405, 10, 21, 23, 59))).toBe("objection_open");
    // The deadline (end of 10/20) passed inside the window: overdue only once it binds.
    expect(resolutionPhase(clock(), at(1405, 10, 22, 0, 1))).toBe("overdue");
    expect(resolutionPhase(clock({ deadlineAt: endOfJalaliDay({ year: 1405, month: 11, day: 10 }) }), at(1405, 10, 22, 0, 1))).toBe("binding");
    expect(resolutionPhase(clock({ objectedAt: at(1405, 10, 5, 11) }), at(1405, 11, 30))).toBe("objected");
  });
});

describe("task reminders of a resolution", () => {
  it("withhold every moment up to the binding; nothing waits once it binds", () => {
    const before = at(1405, 10, 19, 9);
    expect(reminderWithheld(clock(), before, at(1405, 10, 10))).toBe(true);
    expect(reminderWithheld(clock(), at(1405, 10, 22, 9), at(1405, 10, 10))).toBe(false);
    expect(reminderWithheld(clock(), before, at(1405, 10, 22, 8))).toBe(false);
    expect(reminderWithheld(clock({ objectedAt: at(1405, 10, 5) }), at(1405, 11, 5, 9), at(1405, 11, 5, 9))).toBe(true);
    const decided = clock({ objectedAt: at(1405, 10, 5), objectionDecidedAt: at(1405, 10, 7, 12) });
    expect(reminderWithheld(decided, at(1405, 10, 7, 9), at(1405, 10, 7, 11))).toBe(true);
    expect(reminderWithheld(decided, at(1405, 10, 16, 9), at(1405, 10, 7, 13))).toBe(false);
    expect(reminderWithheld(clock({ notifiedAt: null, objectionWindowEndsAt: null }), before, at(1405, 10, 10))).toBe(false);
  });

  // Due Sun 1405/10/20, inside the window (it ends with Mon 10/21).
  const task = { id: 7, status: "open" as const, dueAt: endOfJalaliDay({ year: 1405, month: 10, day: 20 }), scheduleVersion: 1, escalationLevel: 0 };
  const resolution = { notifiedAt, objectionDeadline: windowEnd, objectedAt: null, decidedAt: null };
  const keysAt = (planned: ReturnType<typeof planTaskReminders>) => planned.map((p) => `${p.key}@${iso(p.at)}`);

  it("plans only the moments after the window while it is open", () => {
    const planned = planTaskReminders({ ...task, resolution }, policies, at(1405, 10, 2, 10));
    expect(planned[0]?.key).toBe("overdue:2");
    expect(keysAt(planned).slice(0, 2)).toEqual([`overdue:2@${iso(at(1405, 10, 22, 9))}`, `esc:secretariat_chair@${iso(at(1405, 10, 23, 9))}`]);
    expect(planned.map((p) => p.key)).not.toContain("before:-3");
    expect(planned.map((p) => p.key)).not.toContain("esc:agency_head");
    // The same task without a resolution has its whole ladder.
    expect(planTaskReminders(task, policies, at(1405, 10, 2, 10)).map((p) => p.key).slice(0, 4)).toEqual(["before:-3", "before:-1", "due:0", "esc:agency_head"]);
  });

  it("once bound, sends the escalation missed inside the window at the next working moment", () => {
    const planned = planTaskReminders({ ...task, resolution }, policies, at(1405, 10, 22, 8));
    expect(keysAt(planned).slice(0, 2)).toEqual([`esc:agency_head@${iso(at(1405, 10, 22, 8))}`, `overdue:2@${iso(at(1405, 10, 22, 9))}`]);
    expect(planned.map((p) => p.key)).not.toContain("due:0");
  });

  it("plans nothing while an objection waits for its decision", () => {
    expect(planTaskReminders({ ...task, resolution: { ...resolution, objectedAt: at(1405, 10, 5, 11) } }, policies, at(1405, 10, 25, 9))).toEqual([]);
  });
});
