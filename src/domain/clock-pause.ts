/**
 * Clocks that pause for the party that is waiting. A task's clock runs against its agency; while
 * the case waits on someone else (the producer asked for information, another agency's task, a
 * meeting it is on the agenda of), the agency's clock stops and its due date moves by the
 * working days paused. Pure rules: the pauses are rows, the clock is injected.
 *
 * A pause's working days are the working days whose start it passes: from the day the pause
 * began (exclusive) to the day it ended (inclusive). A pause that begins and ends on one day
 * moves nothing; one from Thursday 10:00 to Saturday 10:00 over a Friday moves the due date by
 * one working day (Saturday); a pause over a holiday does not count the holiday.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "./working-calendar";
import { endOfJalaliDay, instantToJalali, todayInTehran, jalaliToInstant } from "./jalali";

export const WAITING_ON = ["producer", "agency", "meeting"] as const;
export type WaitingOn = (typeof WAITING_ON)[number];

export interface Pause {
  waitingOn: WaitingOn;
  startedAt: Date;
  /** Null while the pause runs. */
  endedAt: Date | null;
}

/** Working days a pause has moved the clock (a running pause counts up to `now`). */
export function pausedWorkingDays(pause: Pause, now: Date, calendar: WorkingCalendar): number {
  const end = pause.endedAt ?? now;
  if (end.getTime() <= pause.startedAt.getTime()) return 0;
  return Math.max(0, workingDaysBetween(todayInTehran(pause.startedAt), todayInTehran(end), calendar));
}

/** Total working days paused over every pause (they never overlap: one wait at a time). */
export function totalPausedWorkingDays(pauses: readonly Pause[], now: Date, calendar: WorkingCalendar): number {
  return pauses.reduce((sum, pause) => sum + pausedWorkingDays(pause, now, calendar), 0);
}

/**
 * The due date after the pauses: the original due day moved by the paused working days, at the
 * same time of day (a due date at the end of a day stays at the end of its new day).
 */
export function shiftedDueAt(originalDueAt: Date, pausedDays: number, calendar: WorkingCalendar): Date {
  if (pausedDays <= 0) return originalDueAt;
  const original = instantToJalali(originalDueAt);
  const day = addWorkingDays({ year: original.year, month: original.month, day: original.day }, pausedDays, calendar);
  if (originalDueAt.getTime() === endOfJalaliDay(original).getTime()) return endOfJalaliDay(day);
  return jalaliToInstant(day, { hour: original.hour, minute: original.minute });
}

/** Whether a pause may start now: one wait at a time, and never on a finished case or task. */
export function canPause(input: { finished: boolean; running: Pause | null }): "ok" | "finished" | "already_waiting" {
  if (input.finished) return "finished";
  if (input.running) return "already_waiting";
  return "ok";
}

/**
 * An agency's response time net of time spent waiting on others, in milliseconds: from
 * `from` to `to`, minus the overlap of every pause with that span.
 */
export function netDurationMs(from: Date, to: Date, pauses: readonly Pause[], now: Date): number {
  const span = Math.max(0, to.getTime() - from.getTime());
  let waited = 0;
  for (const pause of pauses) {
    const start = Math.max(from.getTime(), pause.startedAt.getTime());
    const end = Math.min(to.getTime(), (pause.endedAt ?? now).getTime());
    if (end > start) waited += end - start;
  }
  return Math.max(0, span - waited);
}
