/**
 * When to remind an agency about a task and when to escalate it, from its due date, the
 * reminder policy and the working calendar. Pure: the caller turns each moment into a queued
 * job (the key makes the job id deterministic) and drops moments already past.
 */
import { z } from "zod";
import { jalaliToInstant, parseTimeOfDay, type JalaliDate } from "./jalali";
import { addWorkingDays, isWorkingDay, nextWorkingMoment, type WorkingCalendar } from "./working-calendar";

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export const ESCALATION_TARGETS = ["agency_head", "secretariat_chair"] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export const ReminderPolicySchema = z
  .object({
    /** Tehran time of day reminders go out, "HH:MM". */
    sendAt: z.string().regex(HH_MM, "expected HH:MM").default("09:00"),
    /** Working days before the due date on which to remind. */
    beforeDueWorkingDays: z.array(z.number().int().min(1)).default(() => [3, 1]),
    onDueDay: z.boolean().default(true),
    overdueEveryWorkingDays: z.number().int().min(1).default(2),
    maxOverdueReminders: z.number().int().min(0).default(10),
    escalation: z
      .array(z.object({ afterWorkingDays: z.number().int().min(1), to: z.enum(ESCALATION_TARGETS) }))
      .default(() => [
        { afterWorkingDays: 1, to: "agency_head" as const },
        { afterWorkingDays: 3, to: "secretariat_chair" as const },
      ]),
  })
  .superRefine((policy, ctx) => {
    const targets = policy.escalation.map((e) => e.to);
    if (new Set(targets).size !== targets.length) {
      ctx.addIssue({ code: "custom", path: ["escalation"], message: "each escalation target may appear once" });
    }
  });

export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze(ReminderPolicySchema.parse({}));

export type ReminderKind = "before_due" | "due" | "overdue" | "escalation";

export interface ReminderMoment {
  at: Date;
  kind: ReminderKind;
  /** Working days relative to the due date; negative before it. */
  offsetWorkingDays: number;
  escalateTo?: EscalationTarget;
  /** Stable for the same input: "before:-3", "due:0", "overdue:2", "esc:agency_head". */
  key: string;
}

const KIND_ORDER: Readonly<Record<ReminderKind, number>> = { before_due: 0, due: 1, overdue: 2, escalation: 3 };

/**
 * The reminder and escalation moments of a task, sorted by time:
 * - before_due: n working days before the due date, at sendAt, for each n of the policy;
 * - due: on the due date at sendAt; when the due date is not a working day, at sendAt on the
 *   next working day (overdue and escalation offsets also count from that day, so "1 working
 *   day overdue" always means a whole working day has passed);
 * - overdue: every overdueEveryWorkingDays working days after that, at most maxOverdueReminders;
 * - escalation: afterWorkingDays working days after it, one per target.
 * Every moment is moved out of quiet hours and non-working days by nextWorkingMoment.
 */
export function computeReminderSchedule(input: {
  dueDate: JalaliDate;
  policy: ReminderPolicy;
  calendar: WorkingCalendar;
}): ReminderMoment[] {
  const { dueDate, policy, calendar } = input;
  const sendAt = parseTimeOfDay(policy.sendAt);
  if (sendAt === null) throw new RangeError(`Bad sendAt "${policy.sendAt}"`);
  const at = (day: JalaliDate): Date => nextWorkingMoment(jalaliToInstant(day, sendAt), calendar);
  const effectiveDue = isWorkingDay(dueDate, calendar) ? dueDate : addWorkingDays(dueDate, 1, calendar);

  const moments = new Map<string, ReminderMoment>();
  const add = (moment: ReminderMoment): void => {
    if (!moments.has(moment.key)) moments.set(moment.key, moment); // first wins on a repeated entry
  };

  for (const n of policy.beforeDueWorkingDays) {
    add({
      at: at(addWorkingDays(dueDate, -n, calendar)),
      kind: "before_due",
      offsetWorkingDays: -n,
      key: `before:${-n}`,
    });
  }
  if (policy.onDueDay) {
    add({ at: at(effectiveDue), kind: "due", offsetWorkingDays: 0, key: "due:0" });
  }
  for (let k = 1; k <= policy.maxOverdueReminders; k++) {
    const n = k * policy.overdueEveryWorkingDays;
    add({ at: at(addWorkingDays(effectiveDue, n, calendar)), kind: "overdue", offsetWorkingDays: n, key: `overdue:${n}` });
  }
  for (const { afterWorkingDays, to } of policy.escalation) {
    add({
      at: at(addWorkingDays(effectiveDue, afterWorkingDays, calendar)),
      kind: "escalation",
      offsetWorkingDays: afterWorkingDays,
      escalateTo: to,
      key: `esc:${to}`,
    });
  }

  return [...moments.values()].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.offsetWorkingDays - b.offsetWorkingDays ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** The moments strictly after `now`, in order. */
export function upcomingReminders(schedule: readonly ReminderMoment[], now: Date): ReminderMoment[] {
  return schedule.filter((moment) => moment.at.getTime() > now.getTime());
}
