/**
 * Task reminders, the pure part: which reminder jobs a task should have (ids, keys, moments)
 * from its row and the policy. Keeping the queue in step is reminder-sync.ts; firing one is
 * task-reminder.ts; the design is described in reminders.ts.
 */
import type { Deps } from "../deps";
import {
  computeReminderSchedule,
  type EscalationTarget,
  type ReminderMoment,
  type ReminderPolicy,
} from "../domain/reminder-schedule";
import { needsReminders } from "../domain/task-lifecycle";
import { nextWorkingMoment } from "../domain/working-calendar";
import type { TaskKind, TaskStatus } from "../generated/prisma/enums";
import { holdSchedule } from "../domain/fast-track";
import { reminderWithheld } from "../domain/statutory";
import type { Policies } from "../policies";
import { bindingClockOf, type StatutoryFields } from "../services/resolutions";
import { dueDateOf, RUNNING_PAUSE } from "../services/tasks";
import type { TimerJobData } from "./queues";

export type ReminderDeps = Pick<Deps, "db" | "queues" | "policies" | "now" | "logger">;

export type TaskReminderJob = Extract<TimerJobData, { type: "task-reminder" }>;

/** BullMQ refuses ':' in custom job ids; keys like "before:-3" become "before_-3". */
export function reminderJobId(taskId: number, scheduleVersion: number, key: string): string {
  return `task-${taskId}-v${scheduleVersion}-${jobIdKey(key)}`;
}

export const jobIdKey = (key: string): string => key.replace(/[^A-Za-z0-9_-]/g, "_");

export function reminderDedupeKey(taskId: number, scheduleVersion: number, key: string): string {
  return `task:${taskId}:v${scheduleVersion}:${key}`;
}

/** 1 for the first rung of the escalation ladder (the earliest), 2 for the next… */
export function escalationLevelOf(policy: ReminderPolicy, target: EscalationTarget): number {
  const ladder = [...policy.escalation].sort((a, b) => a.afterWorkingDays - b.afterWorkingDays);
  return ladder.findIndex((rung) => rung.to === target) + 1;
}

export interface ReminderTask {
  id: number;
  status: TaskStatus;
  dueAt: Date;
  scheduleVersion: number;
  escalationLevel: number;
  /** A cut-off hold request is reminded in office hours from its creation (fast-track.ts). */
  kind?: TaskKind;
  createdAt?: Date;
  /** The resolution the task implements (its statutory clock holds the ladder back), if any. */
  resolution?: StatutoryFields | null;
  /** The task's running clock pause, if any (src/services/clock-pauses.ts): no reminders then. */
  clockPauses?: ReadonlyArray<{ startedAt: Date }>;
}

/**
 * Whether the task should have reminder jobs now: the agency's turn (needsReminders) and its
 * clock not paused for someone else. A paused task's jobs are removed; they come back, on the
 * moved due date, when the pause ends.
 */
export function wantsReminders(task: Pick<ReminderTask, "status" | "clockPauses">): boolean {
  return needsReminders(task.status) && (task.clockPauses?.length ?? 0) === 0;
}

export interface PlannedReminder {
  jobId: string;
  key: string;
  at: Date;
  data: TaskReminderJob;
}

export function scheduleOf(task: Pick<ReminderTask, "dueAt" | "kind" | "createdAt">, policies: Policies): ReminderMoment[] {
  if (task.kind === "CUTOFF_HOLD" && task.createdAt) {
    return holdSchedule({ requestedAt: task.createdAt, dueAt: task.dueAt, calendar: policies.calendar, policy: policies.fastTrack });
  }
  return computeReminderSchedule({ dueDate: dueDateOf(task.dueAt), policy: policies.reminders, calendar: policies.calendar });
}

/**
 * The jobs a task should have from now on: every moment of its schedule still in the future,
 * plus any escalation whose moment has passed without the task reaching that level (its job
 * was lost with Redis data, or the task came back to the agency): that one goes out at the
 * next working moment. Nothing for a task that does not need reminders or whose clock is paused.
 * A resolution's task gets nothing before the resolution binds (objection window open, objection pending).
 */
export function planTaskReminders(task: ReminderTask, policies: Policies, now: Date): PlannedReminder[] {
  if (!wantsReminders(task)) return [];
  const planned: PlannedReminder[] = [];
  const statutory = bindingClockOf(task.resolution);
  for (const moment of scheduleOf(task, policies)) {
    if (statutory && reminderWithheld(statutory, moment.at, now)) continue;
    let at = moment.at;
    if (at.getTime() <= now.getTime()) {
      const missedEscalation =
        moment.escalateTo !== undefined && escalationLevelOf(policies.reminders, moment.escalateTo) > task.escalationLevel;
      if (!missedEscalation) continue;
      at = nextWorkingMoment(now, policies.calendar);
    }
    planned.push({
      jobId: reminderJobId(task.id, task.scheduleVersion, moment.key),
      key: moment.key,
      at,
      data: { type: "task-reminder", taskId: task.id, scheduleVersion: task.scheduleVersion, key: moment.key },
    });
  }
  return planned;
}

/** The row fields the planning reads (with the running clock pause, if any). */
export const reminderTaskSelect = {
  id: true,
  status: true,
  dueAt: true,
  scheduleVersion: true,
  escalationLevel: true,
  kind: true,
  createdAt: true,
  resolution: { select: { notifiedAt: true, objectionDeadline: true, objectedAt: true, decidedAt: true } },
  clockPauses: { where: RUNNING_PAUSE, select: { startedAt: true }, take: 1 },
} as const;

const JOB_ID_PATTERN = /^task-(\d+)-v(\d+)-(.+)$/;
/** A reminder fired outside working hours re-queues itself as `<job id>-at-<ms>`. */
const DEFERRED_SUFFIX = /-at-\d+$/;

/** The task, version and (sanitised) key of a reminder job id; null for other jobs. */
export function parseReminderJobId(jobId: string): { taskId: number; scheduleVersion: number; key: string } | null {
  const match = JOB_ID_PATTERN.exec(jobId);
  if (!match) return null;
  return { taskId: Number(match[1]), scheduleVersion: Number(match[2]), key: (match[3] ?? "").replace(DEFERRED_SUFFIX, "") };
}
