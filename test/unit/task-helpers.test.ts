import { describe, expect, it } from "vitest";
import { digestCronPattern, endOfJalaliWeek } from "../../src/jobs/digest";
import { escalationLevelOf, parseReminderJobId, planTaskReminders, reminderJobId, type ReminderTask } from "../../src/jobs/reminders";
import { endOfJalaliDay, formatJalaliYMD } from "../../src/domain/jalali";
import { ReminderPolicySchema } from "../../src/domain/reminder-schedule";
import { WorkingCalendarSchema } from "../../src/domain/working-calendar";
import type { Policies } from "../../src/policies";
import { CountdownPolicySchema } from "../../src/domain/countdown";
import { StatutoryPolicySchema } from "../../src/domain/statutory";
import { FastTrackPolicySchema } from "../../src/domain/fast-track";
import { isLowRating, reopenWindowOpen } from "../../src/services/ratings";
import { dueState, sortTasksForOfficial, taskTitleBesideCode } from "../../src/services/tasks";

// Azar 1405: Sunday 1, Monday 2 … Wednesday 4, Thursday 5, Friday 6, Saturday 7. 09:00 Tehran = 05:30 UTC.
const azar = (day: number) => ({ year: 1405, month: 9, day });
const tehran = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 21 + day, hh - 3, mm - 30));

const policies: Policies = {
  calendar: WorkingCalendarSchema.parse({}),
  reminders: ReminderPolicySchema.parse({
    beforeDueWorkingDays: [1],
    maxOverdueReminders: 1,
    overdueEveryWorkingDays: 1,
    escalation: [
      { afterWorkingDays: 2, to: "secretariat_chair" },
      { afterWorkingDays: 1, to: "agency_head" },
    ],
  }),
  countdown: CountdownPolicySchema.parse({}),
  statutory: StatutoryPolicySchema.parse({}),
  fastTrack: FastTrackPolicySchema.parse({}),
  holidayYears: {},
};

const task = (overrides: Partial<ReminderTask> = {}): ReminderTask => ({
  id: 42,
  status: "open",
  dueAt: endOfJalaliDay(azar(4)),
  scheduleVersion: 3,
  escalationLevel: 0,
  ...overrides,
});

describe("reminder job ids", () => {
  it("are deterministic, BullMQ-safe (no ':') and parse back", () => {
    expect(reminderJobId(42, 3, "before:-3")).toBe("task-42-v3-before_-3");
    expect(reminderJobId(42, 3, "esc:agency_head")).toBe("task-42-v3-esc_agency_head");
    expect(reminderJobId(42, 3, "due:0")).not.toContain(":");
    expect(parseReminderJobId("task-42-v3-before_-3")).toEqual({ taskId: 42, scheduleVersion: 3, key: "before_-3" });
    // A reminder deferred out of quiet hours belongs to the same key.
    expect(parseReminderJobId("task-42-v3-overdue_2-at-1764309600000")).toEqual({ taskId: 42, scheduleVersion: 3, key: "overdue_2" });
    expect(parseReminderJobId("outbox-17")).toBeNull();
    expect(parseReminderJobId("needs-info-4-9")).toBeNull();
  });
});

describe("escalationLevelOf", () => {
  it("numbers the ladder by how late each rung comes, whatever the configured order", () => {
    expect(escalationLevelOf(policies.reminders, "agency_head")).toBe(1);
    expect(escalationLevelOf(policies.reminders, "secretariat_chair")).toBe(2);
  });
});

describe("planTaskReminders", () => {
  const keys = (planned: ReturnType<typeof planTaskReminders>) => planned.map((p) => `${p.key} @ ${p.at.toISOString()}`);

  it("plans every future moment, with the job data the handler needs", () => {
    const planned = planTaskReminders(task(), policies, tehran(1, 10, 30));
    expect(keys(planned)).toEqual([
      `before:-1 @ ${tehran(3, 9).toISOString()}`,
      `due:0 @ ${tehran(4, 9).toISOString()}`,
      `overdue:1 @ ${tehran(5, 9).toISOString()}`,
      `esc:agency_head @ ${tehran(5, 9).toISOString()}`,
      `esc:secretariat_chair @ ${tehran(7, 9).toISOString()}`,
    ]);
    expect(planned[0]?.jobId).toBe("task-42-v3-before_-1");
    expect(planned[0]?.data).toEqual({ type: "task-reminder", taskId: 42, scheduleVersion: 3, key: "before:-1" });
  });

  it("plans nothing for a task that is not the agency's turn", () => {
    for (const status of ["done_pending_review", "done", "refused", "cancelled"] as const) {
      expect(planTaskReminders(task({ status }), policies, tehran(1, 10))).toEqual([]);
    }
  });

  it("drops past reminders but catches up a missed escalation at the next working moment", () => {
    // Thursday 5 Azar 22:00: the head's rung (09:00) passed; quiet hours until Saturday 08:00 (Friday off).
    const late = planTaskReminders(task(), policies, tehran(5, 22));
    expect(keys(late)).toEqual([
      `esc:agency_head @ ${tehran(7, 8).toISOString()}`,
      `esc:secretariat_chair @ ${tehran(7, 9).toISOString()}`,
    ]);
    // Already escalated to the head: nothing to catch up.
    expect(keys(planTaskReminders(task({ escalationLevel: 1 }), policies, tehran(5, 22)))).toEqual([
      `esc:secretariat_chair @ ${tehran(7, 9).toISOString()}`,
    ]);
  });
});

describe("dueState", () => {
  it("counts Tehran calendar days to the due day", () => {
    const dueAt = endOfJalaliDay(azar(4));
    expect(dueState(dueAt, tehran(1, 23, 59))).toEqual({ kind: "left", days: 3 });
    expect(dueState(dueAt, tehran(4, 0, 1))).toEqual({ kind: "today" });
    expect(dueState(dueAt, tehran(4, 23, 59))).toEqual({ kind: "today" });
    expect(dueState(dueAt, tehran(5, 0, 0))).toEqual({ kind: "overdue", days: 1 });
  });
});

describe("sortTasksForOfficial", () => {
  it("own first, then overdue, then by due date, then id", () => {
    const now = tehran(5, 10);
    const t = (id: number, officialId: number | null, day: number) => ({ id, officialId, dueAt: endOfJalaliDay(azar(day)) });
    const sorted = sortTasksForOfficial([t(1, null, 9), t(2, 7, 12), t(3, 8, 2), t(4, null, 6), t(5, 7, 3), t(6, null, 6)], 7, now);
    expect(sorted.map((x) => x.id)).toEqual([5, 2, 3, 4, 6, 1]);
  });
});

describe("taskTitleBesideCode", () => {
  it("drops the tracking code the assign action puts in front of its default title", () => {
    expect(taskTitleBesideCode("KRM-1405-00012 — قطع گاز", "KRM-1405-00012")).toBe("قطع گاز");
    expect(taskTitleBesideCode("Stop the cut-off", "KRM-1405-00012")).toBe("Stop the cut-off");
    expect(taskTitleBesideCode("KRM-1405-00012", "KRM-1405-00012")).toBe("KRM-1405-00012");
    expect(taskTitleBesideCode("KRM-1405-00012 - a very long title indeed", "KRM-1405-00012", 8)).toBe("a very…");
  });
});

describe("morning digest timing", () => {
  it("goes out when quiet hours end (08:00 by default), or at 08:00 without quiet hours", () => {
    expect(digestCronPattern({ quietStart: "21:00", quietEnd: "08:00" })).toBe("0 8 * * *");
    expect(digestCronPattern({ quietStart: "22:00", quietEnd: "07:30" })).toBe("30 7 * * *");
    expect(digestCronPattern({ quietStart: "00:00", quietEnd: "00:00" })).toBe("0 8 * * *");
  });

  it("the Jalali week ends on Friday", () => {
    expect(formatJalaliYMD(endOfJalaliWeek(azar(1)))).toBe("1405/09/06"); // Sunday → Friday
    expect(formatJalaliYMD(endOfJalaliWeek(azar(6)))).toBe("1405/09/06"); // Friday itself
    expect(formatJalaliYMD(endOfJalaliWeek(azar(7)))).toBe("1405/09/13"); // Saturday starts a week
  });
});

describe("ratings", () => {
  it("a rating of 2 or less is low", () => {
    expect([1, 2, 3, 4, 5].map(isLowRating)).toEqual([true, true, false, false, false]);
  });

  it("the producer's reopen window counts from closing, else resolving", () => {
    const resolvedAt = new Date("2026-11-01T10:00:00Z");
    expect(reopenWindowOpen({ resolvedAt, closedAt: null }, new Date("2026-11-15T10:00:00Z"), 14)).toBe(true);
    expect(reopenWindowOpen({ resolvedAt, closedAt: null }, new Date("2026-11-15T10:00:01Z"), 14)).toBe(false);
    expect(reopenWindowOpen({ resolvedAt, closedAt: new Date("2026-11-10T10:00:00Z") }, new Date("2026-11-20T10:00:00Z"), 14)).toBe(true);
    expect(reopenWindowOpen({ resolvedAt: null, closedAt: null }, new Date(), 14)).toBe(false);
  });
});
