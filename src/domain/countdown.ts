/**
 * The countdown to the irreversible date (seed 000: act *before* a problem becomes
 * irreversible), as pure rules over the injected clock and the working calendar:
 *
 * - time left, in calendar days and in working days (Fridays, the configured Thursday and the
 *   holidays do not count), or how long ago the date passed;
 * - urgency from configured thresholds (calendar days, e.g. 30 / 7 / 3), a utility cut-off
 *   critical from the start;
 * - the instant the urgency will next rise (the start of the Tehran day on which the days left
 *   fall to a threshold), for the per-case timer job;
 * - the instant the producer is asked whether it happened: the date's working morning, or the
 *   next working morning when the date falls on a day off.
 */
import { z } from "zod";
import type { CategoryId } from "./categories";
import { addJalaliDays, daysBetweenTehranDates, jalaliToInstant, startOfJalaliDay, todayInTehran } from "./jalali";
import type { Urgency } from "./urgency";
import { nextWorkingMoment, workingDaysBetween, type WorkingCalendar } from "./working-calendar";

export const CountdownPolicySchema = z
  .object({
    /** Days left (Tehran calendar days) at or below which a case is critical / high / normal. */
    criticalWithinDays: z.number().int().min(0).max(365).default(3),
    highWithinDays: z.number().int().min(0).max(365).default(7),
    normalWithinDays: z.number().int().min(0).max(3650).default(30),
    /** How far ahead a new irreversible date may be set (a typo like 1450 is refused). */
    horizonDays: z.number().int().min(1).max(3650).default(730),
  })
  .refine((p) => p.criticalWithinDays <= p.highWithinDays && p.highWithinDays <= p.normalWithinDays, {
    message: "thresholds must satisfy criticalWithinDays ≤ highWithinDays ≤ normalWithinDays",
  });

export type CountdownPolicy = z.infer<typeof CountdownPolicySchema>;
export const DEFAULT_COUNTDOWN_POLICY: Readonly<CountdownPolicy> = Object.freeze(CountdownPolicySchema.parse({}));

export interface TimeLeft {
  /** Tehran calendar days from today to the date's day (0 = today, negative = passed). */
  calendarDays: number;
  /** Working days after today up to and including the date's day (negative once passed). */
  workingDays: number;
  /** The date's instant has passed. */
  overdue: boolean;
}

export function timeLeft(irreversibleAt: Date, now: Date, calendar: WorkingCalendar): TimeLeft {
  const today = todayInTehran(now);
  const day = todayInTehran(irreversibleAt);
  return {
    calendarDays: daysBetweenTehranDates(now, irreversibleAt),
    workingDays: workingDaysBetween(today, day, calendar),
    overdue: irreversibleAt.getTime() <= now.getTime(),
  };
}

/** Urgency by the days left; a cut-off warning is critical from the start; no date → normal. */
export function urgencyFromCountdown(input: {
  category: CategoryId;
  irreversibleAt: Date | null;
  now: Date;
  policy?: CountdownPolicy;
}): Urgency {
  const policy = input.policy ?? DEFAULT_COUNTDOWN_POLICY;
  if (input.category === "utility_cutoff") return "critical";
  if (input.irreversibleAt === null) return "normal";
  if (input.irreversibleAt.getTime() <= input.now.getTime()) return "critical";
  const days = daysBetweenTehranDates(input.now, input.irreversibleAt);
  if (days <= policy.criticalWithinDays) return "critical";
  if (days <= policy.highWithinDays) return "high";
  if (days <= policy.normalWithinDays) return "normal";
  return "low";
}

const RANK: Record<Urgency, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The more urgent of two (urgency set by hand is never lowered by the countdown). */
export function moreUrgent(a: Urgency, b: Urgency): Urgency {
  return RANK[a] <= RANK[b] ? a : b;
}

export interface UrgencyStep {
  /** The start of the Tehran day on which the case reaches `urgency`. */
  at: Date;
  urgency: Urgency;
}

/**
 * The next time the countdown raises the urgency above `current` (null when nothing is left to
 * rise to: already critical, no date, or a cut-off). Deterministic, so a job id can name it.
 */
export function nextUrgencyStep(input: {
  category: CategoryId;
  irreversibleAt: Date | null;
  now: Date;
  current: Urgency;
  policy?: CountdownPolicy;
}): UrgencyStep | null {
  const policy = input.policy ?? DEFAULT_COUNTDOWN_POLICY;
  if (input.category === "utility_cutoff" || input.irreversibleAt === null || input.current === "critical") return null;
  const day = todayInTehran(input.irreversibleAt);
  const steps: Array<[Urgency, number]> = [
    ["normal", policy.normalWithinDays],
    ["high", policy.highWithinDays],
    ["critical", policy.criticalWithinDays],
  ];
  for (const [urgency, within] of steps) {
    if (RANK[urgency] >= RANK[input.current]) continue;
    const at = startOfJalaliDay(addJalaliDays(day, -within));
    if (at.getTime() > input.now.getTime()) return { at, urgency };
  }
  // Every threshold day has begun: the date itself (its instant) makes it critical.
  return input.irreversibleAt.getTime() > input.now.getTime() ? { at: input.irreversibleAt, urgency: "critical" } : null;
}

/**
 * When the producer is asked "did it happen?": the working morning of the date (the start of
 * its working window), or the next working morning when the date is a day off. Never before the
 * date's own instant has come, if that is later in its day than the morning.
 */
export function dateCheckMoment(irreversibleAt: Date, calendar: WorkingCalendar): Date {
  const day = todayInTehran(irreversibleAt);
  const [hour, minute] = calendar.quietEnd.split(":").map(Number) as [number, number];
  const morning = jalaliToInstant(day, { hour, minute });
  return nextWorkingMoment(morning, calendar);
}

/** Whether a new irreversible date may be set: not in the past, not beyond the horizon. */
export function checkNewDate(date: Date, now: Date, policy: CountdownPolicy = DEFAULT_COUNTDOWN_POLICY): "ok" | "past" | "beyond_horizon" {
  if (date.getTime() <= now.getTime()) return "past";
  if (daysBetweenTehranDates(now, date) > policy.horizonDays) return "beyond_horizon";
  return "ok";
}
