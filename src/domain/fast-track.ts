/**
 * The cut-off fast track (seed 000: a unit with a utility cut-off warning tells the secretariat
 * "at once", and a joint meeting with the utility stops the cut-off). A hold request to the
 * utility is due in *office hours* — the hours an agency actually answers (08:00–15:00 Tehran
 * on working days by default) — not in days: "4 working hours" asked at 13:00 on a Wednesday
 * is due at 10:00 on Saturday when Thursday is off. Pure rules; the clock is injected.
 */
import { z } from "zod";
import { addJalaliDays, jalaliToInstant, todayInTehran, type JalaliDate } from "./jalali";
import type { ReminderMoment } from "./reminder-schedule";
import { isWorkingDay, type WorkingCalendar } from "./working-calendar";

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const HOUR_MS = 3_600_000;
// Longer than any run of days off; a calendar with no working day fails loudly.
const MAX_SEARCH_DAYS = 366;

export const FastTrackPolicySchema = z
  .object({
    /** The agencies' office hours on working days, Tehran ("HH:MM"). */
    officeStart: z.string().regex(HH_MM, "expected HH:MM").default("08:00"),
    officeEnd: z.string().regex(HH_MM, "expected HH:MM").default("15:00"),
    /** The utility must answer a hold request within this many office hours. */
    holdDeadlineOfficeHours: z.number().int().min(1).max(48).default(4),
    /** Remind the utility's officials every this many office hours until the deadline. */
    holdRemindEveryOfficeHours: z.number().int().min(1).max(24).default(1),
    /** At the deadline the agency's head is told; this many office hours later the chair. */
    holdChairAfterOfficeHours: z.number().int().min(0).max(48).default(2),
    /** The joint meeting is proposed for the next office day at this hour (Tehran). */
    jointMeetingAt: z.string().regex(HH_MM, "expected HH:MM").default("10:00"),
  })
  .refine((p) => p.officeStart < p.officeEnd, { message: "officeStart must be before officeEnd" });

export type FastTrackPolicy = z.infer<typeof FastTrackPolicySchema>;
export const DEFAULT_FAST_TRACK_POLICY: Readonly<FastTrackPolicy> = Object.freeze(FastTrackPolicySchema.parse({}));

const timeOf = (hhmm: string) => ({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) });

/** The office window of a day, or null on a day off. */
function officeWindow(day: JalaliDate, calendar: WorkingCalendar, policy: FastTrackPolicy): { start: Date; end: Date } | null {
  if (!isWorkingDay(day, calendar)) return null;
  return { start: jalaliToInstant(day, timeOf(policy.officeStart)), end: jalaliToInstant(day, timeOf(policy.officeEnd)) };
}

/** `hours` office hours after `from` (an instant outside office hours starts at the next opening). */
export function addOfficeHours(from: Date, hours: number, calendar: WorkingCalendar, policy: FastTrackPolicy = DEFAULT_FAST_TRACK_POLICY): Date {
  let remaining = hours * HOUR_MS;
  let t = from.getTime();
  let day = todayInTehran(from);
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++, day = addJalaliDays(day, 1)) {
    const window = officeWindow(day, calendar, policy);
    if (!window || window.end.getTime() <= t) continue;
    const start = Math.max(t, window.start.getTime());
    const available = window.end.getTime() - start;
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
    t = window.end.getTime();
  }
  throw new RangeError("The working calendar has no office day within a year");
}

/** The next office opening at or after `from` (the instant itself inside office hours). */
export function nextOfficeMoment(from: Date, calendar: WorkingCalendar, policy: FastTrackPolicy = DEFAULT_FAST_TRACK_POLICY): Date {
  let day = todayInTehran(from);
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++, day = addJalaliDays(day, 1)) {
    const window = officeWindow(day, calendar, policy);
    if (!window || window.end.getTime() <= from.getTime()) continue;
    return new Date(Math.max(from.getTime(), window.start.getTime()));
  }
  throw new RangeError("The working calendar has no office day within a year");
}

/**
 * The hold request's reminders and escalations, as the task reminder machinery reads them:
 * a reminder every `holdRemindEveryOfficeHours` office hours from the request until the
 * deadline (keys "hold:1", "hold:2", …), the agency head at the deadline ("esc:agency_head"),
 * the secretariat and the chair `holdChairAfterOfficeHours` later ("esc:secretariat_chair").
 */
export function holdSchedule(input: { requestedAt: Date; dueAt: Date; calendar: WorkingCalendar; policy?: FastTrackPolicy }): ReminderMoment[] {
  const policy = input.policy ?? DEFAULT_FAST_TRACK_POLICY;
  const moments: ReminderMoment[] = [];
  for (let n = 1; ; n++) {
    const at = addOfficeHours(input.requestedAt, n * policy.holdRemindEveryOfficeHours, input.calendar, policy);
    if (at.getTime() >= input.dueAt.getTime()) break;
    moments.push({ at, kind: "before_due", offsetWorkingDays: 0, key: `hold:${n}` });
  }
  moments.push({ at: input.dueAt, kind: "escalation", offsetWorkingDays: 0, escalateTo: "agency_head", key: "esc:agency_head" });
  moments.push({
    at: addOfficeHours(input.dueAt, policy.holdChairAfterOfficeHours, input.calendar, policy),
    kind: "escalation",
    offsetWorkingDays: 0,
    escalateTo: "secretariat_chair",
    key: "esc:secretariat_chair",
  });
  return moments;
}

/** When the joint meeting is proposed: the next office day (after today) at jointMeetingAt. */
export function jointMeetingMoment(now: Date, calendar: WorkingCalendar, policy: FastTrackPolicy = DEFAULT_FAST_TRACK_POLICY): Date {
  let day = addJalaliDays(todayInTehran(now), 1);
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++, day = addJalaliDays(day, 1)) {
    if (isWorkingDay(day, calendar)) return jalaliToInstant(day, timeOf(policy.jointMeetingAt));
  }
  throw new RangeError("The working calendar has no office day within a year");
}
