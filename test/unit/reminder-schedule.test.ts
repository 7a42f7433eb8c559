import { describe, it, expect } from "vitest";
import { formatJalaliDate, jalaliToInstant, type JalaliDate } from "../../src/domain/jalali";
import {
  DEFAULT_REMINDER_POLICY,
  ReminderPolicySchema,
  computeReminderSchedule,
  upcomingReminders,
  type ReminderMoment,
  type ReminderPolicy,
} from "../../src/domain/reminder-schedule";
import { WorkingCalendarSchema } from "../../src/domain/working-calendar";

// Azar 1405: 13 Fri, 14 Sat, 15 Sun, 16 Mon, 17 Tue (holiday), 18 Wed, 19 Thu (off), 20 Fri,
// 21 Sat, 22 Sun, 23 Mon, 24 Tue, 25 Wed, 26 Thu (off), 27 Fri, 28 Sat, 29 Sun, 30 Mon; 1 Dey Tue (holiday).
const azar = (day: number): JalaliDate => ({ year: 1405, month: 9, day });

const calendar = WorkingCalendarSchema.parse({
  quietStart: "21:00",
  quietEnd: "08:00",
  weekendDays: [5],
  thursdayOff: true,
  holidays: ["1405/09/17", "1405/10/01"],
});

const policy = (overrides: Partial<ReminderPolicy> = {}): ReminderPolicy =>
  ReminderPolicySchema.parse({ ...overrides });

/** "key @ Jalali date and Tehran time", the readable form the assertions compare. */
const readable = (schedule: ReminderMoment[]): string[] =>
  schedule.map((m) => `${m.key} @ ${formatJalaliDate(m.at, "en", { weekday: true, time: true })}`);

describe("ReminderPolicySchema", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_REMINDER_POLICY).toEqual({
      sendAt: "09:00",
      beforeDueWorkingDays: [3, 1],
      onDueDay: true,
      overdueEveryWorkingDays: 2,
      maxOverdueReminders: 10,
      escalation: [
        { afterWorkingDays: 1, to: "agency_head" },
        { afterWorkingDays: 3, to: "secretariat_chair" },
      ],
    });
  });

  it.each([
    { sendAt: "9:00" },
    { beforeDueWorkingDays: [0] },
    { overdueEveryWorkingDays: 0 },
    { maxOverdueReminders: -1 },
    { escalation: [{ afterWorkingDays: 1, to: "minister" }] },
    { escalation: [{ afterWorkingDays: 1, to: "agency_head" }, { afterWorkingDays: 2, to: "agency_head" }] },
  ])("rejects %j", (input) => {
    expect(ReminderPolicySchema.safeParse(input).success).toBe(false);
  });
});

describe("computeReminderSchedule", () => {
  it("due on a working day: exact Tehran send times around Friday, Thursday off and holidays", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(21),
      policy: policy({ maxOverdueReminders: 3 }),
      calendar,
    });
    expect(readable(schedule)).toEqual([
      "before:-3 @ Sunday 1405/09/15 09:00", // 18, 16, 15 (17 is a holiday)
      "before:-1 @ Wednesday 1405/09/18 09:00",
      "due:0 @ Saturday 1405/09/21 09:00",
      "esc:agency_head @ Sunday 1405/09/22 09:00",
      "overdue:2 @ Monday 1405/09/23 09:00",
      "esc:secretariat_chair @ Tuesday 1405/09/24 09:00",
      "overdue:4 @ Wednesday 1405/09/25 09:00",
      "overdue:6 @ Sunday 1405/09/29 09:00", // 26 Thursday off, 27 Friday
    ]);
    expect(schedule.map((m) => [m.kind, m.offsetWorkingDays, m.escalateTo])).toEqual([
      ["before_due", -3, undefined],
      ["before_due", -1, undefined],
      ["due", 0, undefined],
      ["escalation", 1, "agency_head"],
      ["overdue", 2, undefined],
      ["escalation", 3, "secretariat_chair"],
      ["overdue", 4, undefined],
      ["overdue", 6, undefined],
    ]);
  });

  it("a sendAt inside quiet hours moves to quietEnd on the same working day", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(21),
      policy: policy({ sendAt: "07:00", maxOverdueReminders: 1, escalation: [] }),
      calendar,
    });
    expect(readable(schedule)).toEqual([
      "before:-3 @ Sunday 1405/09/15 08:00",
      "before:-1 @ Wednesday 1405/09/18 08:00",
      "due:0 @ Saturday 1405/09/21 08:00",
      "overdue:2 @ Monday 1405/09/23 08:00",
    ]);
  });

  it("a late sendAt moves to the next working morning, skipping days off", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(18),
      policy: policy({ sendAt: "22:00", beforeDueWorkingDays: [1], maxOverdueReminders: 0, escalation: [] }),
      calendar,
    });
    expect(readable(schedule)).toEqual([
      "before:-1 @ Wednesday 1405/09/18 08:00", // Monday 16 at 22:00 → Tuesday is a holiday
      "due:0 @ Saturday 1405/09/21 08:00",
    ]);
  });

  it("due on a day off: the due reminder goes out at sendAt on the next working day, overdue counts from there", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(19), // Thursday, configured off
      policy: policy({ maxOverdueReminders: 2 }),
      calendar,
    });
    expect(readable(schedule)).toEqual([
      "before:-3 @ Sunday 1405/09/15 09:00", // counted from the Thursday itself: 18, 16, 15
      "before:-1 @ Wednesday 1405/09/18 09:00",
      "due:0 @ Saturday 1405/09/21 09:00",
      "esc:agency_head @ Sunday 1405/09/22 09:00",
      "overdue:2 @ Monday 1405/09/23 09:00",
      "esc:secretariat_chair @ Tuesday 1405/09/24 09:00",
      "overdue:4 @ Wednesday 1405/09/25 09:00",
    ]);
  });

  it("skips a national holiday in the overdue run", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(29),
      policy: policy({ beforeDueWorkingDays: [], onDueDay: false, overdueEveryWorkingDays: 1, maxOverdueReminders: 2, escalation: [] }),
      calendar,
    });
    expect(readable(schedule)).toEqual([
      "overdue:1 @ Monday 1405/09/30 09:00",
      "overdue:2 @ Wednesday 1405/10/02 09:00", // 1 Dey is a holiday
    ]);
  });

  it("uses the default policy's ten overdue reminders with unique, stable keys", () => {
    const input = { dueDate: azar(21), policy: DEFAULT_REMINDER_POLICY, calendar };
    const schedule = computeReminderSchedule(input);
    expect(schedule.filter((m) => m.kind === "overdue")).toHaveLength(10);
    expect(schedule).toHaveLength(2 + 1 + 10 + 2);
    const keys = schedule.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(computeReminderSchedule(input)).toEqual(schedule);
    expect(keys.filter((k) => k.startsWith("overdue:"))).toEqual(
      Array.from({ length: 10 }, (_, i) => `overdue:${2 * (i + 1)}`),
    );
    // Sorted by time.
    const times = schedule.map((m) => m.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("keeps the first of repeated before-due entries", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(21),
      policy: { ...DEFAULT_REMINDER_POLICY, beforeDueWorkingDays: [1, 1], onDueDay: false, maxOverdueReminders: 0, escalation: [] },
      calendar,
    });
    expect(readable(schedule)).toEqual(["before:-1 @ Wednesday 1405/09/18 09:00"]);
  });

  it("never schedules outside working moments", () => {
    for (let day = 10; day <= 30; day++) {
      for (const sendAt of ["00:00", "07:59", "08:00", "20:59", "21:00", "23:59"]) {
        const schedule = computeReminderSchedule({ dueDate: azar(day), policy: policy({ sendAt }), calendar });
        for (const moment of schedule) {
          const text = formatJalaliDate(moment.at, "en", { weekday: true, time: true });
          expect(text).not.toMatch(/Friday|Thursday|1405\/09\/17|1405\/10\/01/);
          const hhmm = text.slice(-5);
          expect(hhmm >= "08:00" && hhmm < "21:00", text).toBe(true);
        }
      }
    }
  });
});

describe("upcomingReminders", () => {
  it("keeps only moments strictly after now", () => {
    const schedule = computeReminderSchedule({
      dueDate: azar(21),
      policy: policy({ maxOverdueReminders: 1, escalation: [] }),
      calendar,
    });
    const dueMoment = jalaliToInstant(azar(21), { hour: 9, minute: 0 });
    expect(upcomingReminders(schedule, dueMoment).map((m) => m.key)).toEqual(["overdue:2"]);
    expect(upcomingReminders(schedule, new Date(dueMoment.getTime() - 1)).map((m) => m.key)).toEqual([
      "due:0",
      "overdue:2",
    ]);
  });
});
