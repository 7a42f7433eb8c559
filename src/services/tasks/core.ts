/**
 * Tasks: what they are (creation, open statuses) and how their due dates read. Who may act on
 * a task and whom it concerns is people.ts; the official's list and the card are card.ts.
 */
import type { Tx } from "../../db";
import type { TaskStatus } from "../../generated/prisma/enums";
import {
  daysBetweenTehranDates,
  endOfJalaliDay,
  formatJalaliDate,
  formatJalaliYMD,
  todayInTehran,
  type JalaliDate,
} from "../../domain/jalali";
import { isTaskOpen, needsReminders, TASK_STATUSES } from "../../domain/task-lifecycle";
import { truncate } from "../../domain/text";
import type { Locale, Translator } from "../../i18n";
import { appendEvent } from "../timeline";

export interface NewTask {
  caseId: number;
  agencyId: number;
  officialId?: number | null;
  /** The due date is a Jalali calendar day; the task is due by the end of it (Tehran). */
  dueDate: JalaliDate;
  title: string;
  createdById: number;
  resolutionId?: number | null;
  /** The batch referral the task is part of (src/services/referrals/). */
  referralBatchId?: number | null;
}

/** Not finished: the agency works on it or the secretariat still has to review it. */
export const OPEN_TASK_STATUSES: TaskStatus[] = TASK_STATUSES.filter(isTaskOpen);
/** The agency's turn: reminders and escalations apply. */
export const REMINDED_TASK_STATUSES: TaskStatus[] = TASK_STATUSES.filter(needsReminders);

/** Prisma filter of a task's clock pause that runs now (src/services/clock-pauses.ts; at most one). */
export const RUNNING_PAUSE = { endedAt: null } as const;

/** Select of a task's running pause (an array of at most one), for the readers of a task. */
export const runningPauseSelect = {
  where: RUNNING_PAUSE,
  select: { waitingOn: true, reason: true, startedAt: true },
  take: 1,
} as const;

/**
 * Creates a task for an agency (from a triage assignment or a resolution) with its timeline
 * event, in the caller's transaction. After the commit the caller schedules its reminders
 * (deps.scheduler.syncTaskReminders).
 */
export async function createTask(tx: Tx, input: NewTask): Promise<{ id: number; workingGroupId: number }> {
  const theCase = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { workingGroupId: true } });
  const agency = await tx.agency.findFirst({ where: { id: input.agencyId, workingGroupId: theCase.workingGroupId } });
  if (!agency) throw new Error("agency is not in the case's working group");
  const task = await tx.task.create({
    data: {
      caseId: input.caseId,
      workingGroupId: theCase.workingGroupId,
      agencyId: input.agencyId,
      officialId: input.officialId ?? null,
      resolutionId: input.resolutionId ?? null,
      referralBatchId: input.referralBatchId ?? null,
      title: input.title,
      dueAt: endOfJalaliDay(input.dueDate),
      createdById: input.createdById,
    },
    select: { id: true, workingGroupId: true },
  });
  await appendEvent(tx, {
    caseId: input.caseId,
    actorId: input.createdById,
    type: "task_created",
    taskId: task.id,
    data: { agencyId: input.agencyId, due: formatJalaliYMD(input.dueDate), officialId: input.officialId ?? null },
  });
  return task;
}

/**
 * A task's title where the tracking code is shown next to it anyway: without a leading
 * "<code> — " (the assign action's default title starts so), at most `max` characters.
 */
export function taskTitleBesideCode(title: string, trackingCode: string, max = 120): string {
  const rest = title.startsWith(trackingCode) ? title.slice(trackingCode.length).replace(/^\s*[—–-]\s*/, "") : title;
  return truncate(rest || title, max);
}

// ---------------------------------------------------------------------------------------------
// Due dates

/** The Jalali day a task is due (dueAt is the end of that day in Tehran). */
export function dueDateOf(dueAt: Date): JalaliDate {
  return todayInTehran(dueAt);
}

export type DueState = { kind: "left"; days: number } | { kind: "today" } | { kind: "overdue"; days: number };

/** Calendar days left until the due day, "today" on it, or days overdue after it (Tehran). */
export function dueState(dueAt: Date, now: Date): DueState {
  const days = daysBetweenTehranDates(now, dueAt);
  if (days > 0) return { kind: "left", days };
  if (days === 0) return { kind: "today" };
  return { kind: "overdue", days: -days };
}

/** "۱۵ آذر ۱۴۰۵ (۳ روز مانده)" — the due date with how far away it is. */
export function dueLabel(t: Translator, locale: Locale, dueAt: Date, now: Date): string {
  const date = formatJalaliDate(dueAt, locale, { monthName: true, weekday: true });
  const state = dueState(dueAt, now);
  const relative =
    state.kind === "today"
      ? t(locale, "task-due-today")
      : t(locale, state.kind === "left" ? "task-due-days-left" : "task-due-days-overdue", {
          days: state.days,
        });
  return `${date} (${relative})`;
}

/**
 * An official's order: their own tasks first, then overdue before the rest, then by due
 * date (oldest first), then by id.
 */
export function sortTasksForOfficial<T extends { id: number; officialId: number | null; dueAt: Date }>(
  tasks: readonly T[],
  userId: number,
  now: Date,
): T[] {
  const rank = (task: T): [number, number, number, number] => [
    task.officialId === userId ? 0 : 1,
    task.dueAt.getTime() < now.getTime() ? 0 : 1,
    task.dueAt.getTime(),
    task.id,
  ];
  return [...tasks].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) {
      const diff = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
}
