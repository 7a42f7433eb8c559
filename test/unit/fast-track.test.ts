/**
 * The cut-off fast track's office-hour rules, with exact instants. Office hours 08:00–15:00
 * Tehran (UTC+3:30) on working days. Azar 1405: Wed 11 = 2 Dec 2026, Thu 12, Fri 13 (off),
 * Sat 14; Dey 1405: 1 Dey (Tue 22 Dec) is a public holiday (birth of Imam Ali).
 */
import { describe, expect, it } from "vitest";
import { addOfficeHours, FastTrackPolicySchema, holdSchedule, jointMeetingMoment, nextOfficeMoment } from "../../src/domain/fast-track";
import { loadPolicies } from "../../src/policies";

const calendar = loadPolicies({ WORKING_CALENDAR: undefined, REMINDER_POLICY: undefined }).calendar;
const thursdayOff = { ...calendar, thursdayOff: true };
const tehran = (iso: string) => new Date(`${iso}+03:30`);

describe("office hours", () => {
  it("counts only office hours of working days", () => {
    // Wed 13:00 + 4 h: 2 h on Wednesday, 2 h on Thursday morning.
    expect(addOfficeHours(tehran("2026-12-02T13:00"), 4, calendar)).toEqual(tehran("2026-12-03T10:00"));
    // With Thursday off, Friday off too: Saturday 10:00.
    expect(addOfficeHours(tehran("2026-12-02T13:00"), 4, thursdayOff)).toEqual(tehran("2026-12-05T10:00"));
    // Asked at night: the clock starts at the next opening.
    expect(addOfficeHours(tehran("2026-12-05T20:00"), 4, calendar)).toEqual(tehran("2026-12-06T12:00"));
    // Over a holiday: Mon 30 Azar 14:00 + 4 h → 1 h Monday, 1 Dey (holiday) skipped, Wed 11:00.
    expect(addOfficeHours(tehran("2026-12-21T14:00"), 4, calendar)).toEqual(tehran("2026-12-23T11:00"));
    // Exactly the rest of a day ends at closing time.
    expect(addOfficeHours(tehran("2026-12-02T11:00"), 4, calendar)).toEqual(tehran("2026-12-02T15:00"));
  });

  it("finds the next opening", () => {
    expect(nextOfficeMoment(tehran("2026-12-02T09:15"), calendar)).toEqual(tehran("2026-12-02T09:15"));
    expect(nextOfficeMoment(tehran("2026-12-03T16:00"), calendar)).toEqual(tehran("2026-12-05T08:00"));
  });

  it("rejects office hours that end before they start", () => {
    expect(FastTrackPolicySchema.safeParse({ officeStart: "15:00", officeEnd: "08:00" }).success).toBe(false);
  });
});

describe("the hold request's schedule", () => {
  it("reminds every office hour until the deadline, then the agency head, then the chair", () => {
    const requestedAt = tehran("2026-12-02T13:00");
    const dueAt = addOfficeHours(requestedAt, 4, calendar);
    const moments = holdSchedule({ requestedAt, dueAt, calendar }).map((m) => [m.key, m.at.toISOString(), m.escalateTo ?? null]);
    expect(moments).toEqual([
      ["hold:1", tehran("2026-12-02T14:00").toISOString(), null],
      ["hold:2", tehran("2026-12-02T15:00").toISOString(), null],
      ["hold:3", tehran("2026-12-03T09:00").toISOString(), null],
      ["esc:agency_head", tehran("2026-12-03T10:00").toISOString(), "agency_head"],
      ["esc:secretariat_chair", tehran("2026-12-03T12:00").toISOString(), "secretariat_chair"],
    ]);
  });

  it("proposes the joint meeting for the next office day", () => {
    // Thursday afternoon → Saturday 10:00 (Friday off).
    expect(jointMeetingMoment(tehran("2026-12-03T14:00"), calendar)).toEqual(tehran("2026-12-05T10:00"));
    // Monday 30 Azar → Wednesday 2 Dey (1 Dey is a holiday).
    expect(jointMeetingMoment(tehran("2026-12-21T09:00"), calendar)).toEqual(tehran("2026-12-23T10:00"));
  });
});
