/**
 * Meeting reminders: the day before and two hours before, to every invitee who has not
 * declined. Delayed jobs on the timers queue with deterministic ids, so scheduling twice
 * (invitations sent again) adds nothing. The day-before reminder moves to the next working
 * moment of the working calendar; the two-hours one only out of quiet hours (the meeting
 * itself may be on any day). A reminder that would land at or after the meeting is dropped.
 */
import type { Deps } from "../deps";
import { agendaLines, agendaSeenBy, clockTime, expectedAttendees, meetingTitle, meetingWhen } from "../services/meetings";
import { notify } from "../services/notifications";
import { nextWorkingMoment, type WorkingCalendar } from "../domain/working-calendar";
import type { TimerData } from "../services/timers";

const HOUR_MS = 3_600_000;
export const MEETING_REMINDERS = ["day-before", "2h-before"] as const;
export type MeetingReminderName = (typeof MEETING_REMINDERS)[number];

export interface MeetingReminderMoment {
  name: MeetingReminderName;
  /** "<name>@<startsAt ms>": a rescheduled meeting gets new keys, so old jobs are ignored. */
  key: string;
  at: Date;
}

/** The moments to remind of a meeting starting at `startsAt`, skipping those already past. */
export function meetingReminderMoments(startsAt: Date, now: Date, calendar: WorkingCalendar): MeetingReminderMoment[] {
  const quietHoursOnly: WorkingCalendar = { ...calendar, weekendDays: [], thursdayOff: false, holidays: [] };
  const start = startsAt.getTime();
  const soon = nextWorkingMoment(new Date(start - 2 * HOUR_MS), quietHoursOnly);
  const dayBefore = nextWorkingMoment(new Date(start - 24 * HOUR_MS), calendar);
  const moments: MeetingReminderMoment[] = [];
  // Moved to the meeting's morning, the day-before reminder would only repeat the other one.
  if (dayBefore.getTime() < Math.min(start, soon.getTime()) - 2 * HOUR_MS) {
    moments.push({ name: "day-before", key: `day-before@${start}`, at: dayBefore });
  }
  if (soon.getTime() < start) moments.push({ name: "2h-before", key: `2h-before@${start}`, at: soon });
  return moments.filter((moment) => moment.at.getTime() > now.getTime());
}

export function meetingReminderJobId(meetingId: number, key: string): string {
  // BullMQ job ids may not contain ":".
  return `meeting-reminder-${meetingId}-${key.replace("@", "-")}`;
}

/** Queues the meeting's reminders (idempotent). Returns how many moments are ahead. */
export async function scheduleMeetingReminders(deps: Pick<Deps, "db" | "queues" | "policies" | "now">, meetingId: number): Promise<number> {
  const meeting = await deps.db.meeting.findUnique({ where: { id: meetingId }, select: { status: true, startsAt: true } });
  if (!meeting || meeting.status !== "SCHEDULED") return 0;
  const now = deps.now();
  const moments = meetingReminderMoments(meeting.startsAt, now, deps.policies.calendar);
  await deps.queues.timers.addBulk(
    moments.map((moment) => ({
      name: "meeting-reminder",
      data: { type: "meeting-reminder" as const, meetingId, key: moment.key },
      opts: { jobId: meetingReminderJobId(meetingId, moment.key), delay: Math.max(0, moment.at.getTime() - now.getTime()) },
    })),
  );
  return moments.length;
}

/** The timer handler: reminds those still expected, once per key, if the meeting is unchanged. */
export async function remindMeeting(data: TimerData<"meeting-reminder">, deps: Deps): Promise<void> {
  const meeting = await deps.db.meeting.findUnique({
    where: { id: data.meetingId },
    include: {
      agenda: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { position: true, slotStartsAt: true, case: { select: { trackingCode: true, unitId: true, unit: { select: { name: true } } } } },
      },
    },
  });
  if (!meeting || meeting.status !== "SCHEDULED") return;
  const [name, stamp] = data.key.split("@");
  if (Number(stamp) !== meeting.startsAt.getTime()) return; // scheduled for a time the meeting no longer has
  const written = await deps.db.$transaction(async (tx) => {
    let count = 0;
    // One notice each: a unit's representative reads only the agenda items of their units.
    for (const attendee of await expectedAttendees(tx, meeting.id)) {
      const agenda = agendaSeenBy(meeting.agenda, attendee.units);
      count += await notify(tx, deps, [attendee], {
        key: name === "day-before" ? "meetings-reminder-day-before" : "meetings-reminder-soon",
        args: (locale) => ({
          title: meetingTitle(deps.t, locale, meeting),
          when: meetingWhen(locale, meeting.startsAt),
          time: clockTime(locale, meeting.startsAt),
          place: meeting.place,
          agenda: agendaLines(deps.t, locale, agenda).join("\n"),
        }),
        dedupeKey: `meeting:${meeting.id}:reminder:${data.key}`,
        kind: "MEETING",
      });
    }
    return count;
  });
  if (written > 0) deps.flushOutbox();
}
