/**
 * Statutory timers on a resolution (مصوبه): the notification (ابلاغ) to the agency opens an
 * objection window (by default 15 working days on the working calendar); the agency may object
 * once, with written reasons, inside it, and the secretariat or chair confirms or amends; when
 * the window closes (or the objection is decided) the resolution is binding and its
 * implementation deadline runs. Pure rules over the injected clock.
 */
import { z } from "zod";
import { endOfJalaliDay, todayInTehran } from "./jalali";
import { addWorkingDays, type WorkingCalendar } from "./working-calendar";

export const StatutoryPolicySchema = z.object({
  /** Working days after notification in which the agency may object. */
  objectionWindowWorkingDays: z.number().int().min(1).max(90).default(15),
  /** An objection must give its reasons in at least this many characters. */
  objectionReasonMin: z.number().int().min(1).max(500).default(20),
  /** Escalate an overdue resolution past the chair to the governor's deputy. */
  escalateToGovernorDeputy: z.boolean().default(false),
});

export type StatutoryPolicy = z.infer<typeof StatutoryPolicySchema>;
export const DEFAULT_STATUTORY_POLICY: Readonly<StatutoryPolicy> = Object.freeze(StatutoryPolicySchema.parse({}));

/** The last instant an objection is accepted: the end of the window's last working day. */
export function objectionWindowEnd(notifiedAt: Date, calendar: WorkingCalendar, policy: StatutoryPolicy = DEFAULT_STATUTORY_POLICY): Date {
  return endOfJalaliDay(addWorkingDays(todayInTehran(notifiedAt), policy.objectionWindowWorkingDays, calendar));
}

export const RESOLUTION_PHASES = ["not_notified", "objection_open", "objected", "binding", "implemented", "overdue"] as const;
export type ResolutionPhase = (typeof RESOLUTION_PHASES)[number];

export interface ResolutionClock {
  notifiedAt: Date | null;
  objectionWindowEndsAt: Date | null;
  objectedAt: Date | null;
  /** When the secretariat or chair confirmed or amended after an objection. */
  objectionDecidedAt: Date | null;
  implementedAt: Date | null;
  /** The implementation deadline (the task's due date). */
  deadlineAt: Date | null;
}

/** Where a resolution stands now (the ledger's column). */
export function resolutionPhase(clock: ResolutionClock, now: Date): ResolutionPhase {
  if (clock.implementedAt) return "implemented";
  if (!clock.notifiedAt) return "not_notified";
  if (clock.objectedAt && !clock.objectionDecidedAt) return "objected";
  const windowOpen = !clock.objectedAt && clock.objectionWindowEndsAt !== null && now.getTime() <= clock.objectionWindowEndsAt.getTime();
  if (windowOpen) return "objection_open";
  if (clock.deadlineAt && now.getTime() > clock.deadlineAt.getTime()) return "overdue";
  return "binding";
}

export type ObjectionCheck = "ok" | "not_notified" | "window_closed" | "already_objected" | "implemented" | "reasons_too_short";

/** Whether the agency may object now with these reasons. */
export function checkObjection(clock: ResolutionClock, reasons: string, now: Date, policy: StatutoryPolicy = DEFAULT_STATUTORY_POLICY): ObjectionCheck {
  if (clock.implementedAt) return "implemented";
  if (!clock.notifiedAt || !clock.objectionWindowEndsAt) return "not_notified";
  if (clock.objectedAt) return "already_objected";
  if (now.getTime() > clock.objectionWindowEndsAt.getTime()) return "window_closed";
  if (reasons.trim().length < policy.objectionReasonMin) return "reasons_too_short";
  return "ok";
}

/** Whether the resolution binds the agency now (its deadline runs and escalation applies). */
export function isBinding(clock: ResolutionClock, now: Date): boolean {
  const phase = resolutionPhase(clock, now);
  return phase === "binding" || phase === "overdue";
}

type BindingClock = Pick<ResolutionClock, "notifiedAt" | "objectionWindowEndsAt" | "objectedAt" | "objectionDecidedAt">;

/**
 * When the resolution starts to bind the agency (its implementation deadline runs from then):
 * the end of the objection window, or the decision on an objection; "pending" while an
 * objection waits for its decision; null when no agency was notified of it (no statutory
 * clock: its task runs as any other task does).
 */
export function bindingStartsAt(clock: BindingClock): Date | "pending" | null {
  if (!clock.notifiedAt || !clock.objectionWindowEndsAt) return null;
  if (clock.objectedAt) return clock.objectionDecidedAt ?? "pending";
  return clock.objectionWindowEndsAt;
}

/**
 * Whether a task reminder (or escalation) planned for `at` waits, seen at `now`: everything
 * waits while an objection is pending; before the resolution binds, every moment up to the
 * binding waits (the ladder starts when the deadline runs). Once it binds nothing waits: the
 * reminder plan treats the withheld moments as past (a missed escalation then goes out at the
 * next working moment, a missed reminder is dropped).
 */
export function reminderWithheld(clock: BindingClock, at: Date, now: Date): boolean {
  const start = bindingStartsAt(clock);
  if (start === null) return false;
  if (start === "pending") return true;
  return now.getTime() <= start.getTime() && at.getTime() <= start.getTime();
}
