/**
 * Task reminders and escalations as BullMQ delayed jobs on the timers queue.
 *
 * PostgreSQL is the truth (task status, due date, scheduleVersion, escalationLevel); the jobs
 * are derived from it and can always be rebuilt:
 * - job ids are deterministic (`task-<id>-v<version>-<key>`), so adding a job twice is a no-op;
 * - a due-date change bumps scheduleVersion, so the old schedule's jobs never collide with the
 *   new one and a stale job that still fires does nothing;
 * - the handler writes its notices with a dedupe key (`task:<id>:v<version>:<key>`), so a
 *   re-run never sends twice;
 * - syncTaskReminders (after every commit that creates a task or changes its due date or
 *   status) removes the replaced version's jobs, or all of them once the task is finished, by
 *   their computed ids, and adds the missing future ones;
 * - reconcileReminders (worker start, then every 10 minutes) adds every open task's missing
 *   future jobs and removes any pending reminder job its task no longer wants, read from the
 *   job ids themselves: a lost sync or a Redis that lost its data heals by itself.
 */
import type { Deps } from "../deps";
import type { Prisma, Tx } from "../db";
import { todayInTehran } from "../domain/jalali";
import {
  computeReminderSchedule,
  type EscalationTarget,
  type ReminderMoment,
  type ReminderPolicy,
} from "../domain/reminder-schedule";
import { needsReminders } from "../domain/task-lifecycle";
import { fullName, localizeDigits } from "../domain/text";
import { isWorkingMoment, nextWorkingMoment, workingDaysBetween } from "../domain/working-calendar";
import { type Locale, localName } from "../i18n";
import type { TaskStatus } from "../generated/prisma/enums";
import type { Policies } from "../policies";
import { enqueueOutbound } from "../services/outbox";
import { notify, renderNotice, secretariatOf, type Notice, type Recipient } from "../services/notifications";
import { agencyOfficials, chairsOf, dueDateOf, dueLabel, REMINDED_TASK_STATUSES, taskAssignees, taskTitleBesideCode } from "../services/tasks";
import { appendEvent } from "../services/timeline";
import { addTimer, type TimerJobData } from "./queues";

export type ReminderDeps = Pick<Deps, "db" | "queues" | "policies" | "now" | "logger">;
type HandlerDeps = ReminderDeps & Pick<Deps, "t" | "flushOutbox">;

type TaskReminderJob = Extract<TimerJobData, { type: "task-reminder" }>;

const JOB_NAME = "task-reminder";
const RECONCILE_BATCH = 200;
/** How often the worker rebuilds every open task's reminder jobs from PostgreSQL. */
export const RECONCILE_EVERY_MS = 10 * 60_000;
export const RECONCILE_SCHEDULER_ID = "reminders-reconcile";

// ---------------------------------------------------------------------------------------------
// Pure planning

/** BullMQ refuses ':' in custom job ids; keys like "before:-3" become "before_-3". */
export function reminderJobId(taskId: number, scheduleVersion: number, key: string): string {
  return `task-${taskId}-v${scheduleVersion}-${jobIdKey(key)}`;
}

const jobIdKey = (key: string): string => key.replace(/[^A-Za-z0-9_-]/g, "_");

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
}

export interface PlannedReminder {
  jobId: string;
  key: string;
  at: Date;
  data: TaskReminderJob;
}

export function scheduleOf(task: Pick<ReminderTask, "dueAt">, policies: Policies): ReminderMoment[] {
  return computeReminderSchedule({ dueDate: dueDateOf(task.dueAt), policy: policies.reminders, calendar: policies.calendar });
}

/**
 * The jobs a task should have from now on: every moment of its schedule still in the future,
 * plus any escalation whose moment has passed without the task reaching that level (its job
 * was lost with Redis data, or the task came back to the agency): that one goes out at the
 * next working moment. Nothing for a task that does not need reminders.
 */
export function planTaskReminders(task: ReminderTask, policies: Policies, now: Date): PlannedReminder[] {
  if (!needsReminders(task.status)) return [];
  const planned: PlannedReminder[] = [];
  for (const moment of scheduleOf(task, policies)) {
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

// ---------------------------------------------------------------------------------------------
// Keeping the queue in step with PostgreSQL

const reminderTaskSelect = { id: true, status: true, dueAt: true, scheduleVersion: true, escalationLevel: true } as const;

/** Pending states: a job in one of these has not run yet (an active one cannot be removed). */
const PENDING_STATES = ["delayed", "wait", "prioritized", "paused"] as const;
const JOB_ID_PATTERN = /^task-(\d+)-v(\d+)-(.+)$/;
/** A reminder fired outside working hours re-queues itself as `<job id>-at-<ms>`. */
const DEFERRED_SUFFIX = /-at-\d+$/;

/** The task, version and (sanitised) key of a reminder job id; null for other jobs. */
export function parseReminderJobId(jobId: string): { taskId: number; scheduleVersion: number; key: string } | null {
  const match = JOB_ID_PATTERN.exec(jobId);
  if (!match) return null;
  return { taskId: Number(match[1]), scheduleVersion: Number(match[2]), key: (match[3] ?? "").replace(DEFERRED_SUFFIX, "") };
}

async function addReminderJobs(deps: ReminderDeps, planned: PlannedReminder[]): Promise<void> {
  if (planned.length === 0) return;
  const now = deps.now().getTime();
  await deps.queues.timers.addBulk(
    planned.map((p) => ({
      name: JOB_NAME,
      data: p.data,
      // Relative to the injected clock; an existing id (pending or already run) is left alone.
      opts: { jobId: p.jobId, delay: Math.max(0, p.at.getTime() - now) },
    })),
  );
}

async function removeJobs(deps: ReminderDeps, jobIds: Iterable<string>): Promise<number> {
  let removed = 0;
  // 0 when the job is gone already or running right now; a running stale job does nothing.
  for (const jobId of jobIds) removed += await deps.queues.timers.remove(jobId);
  return removed;
}

/**
 * Brings one task's jobs in line with its row: removes the jobs of the schedule version it
 * replaced (and its own once the task no longer needs reminders), adds the missing future
 * ones. Call after every commit that creates a task or changes its due date or status.
 * Anything older that a failed sync left behind is removed by reconcileReminders.
 */
export async function syncTaskReminders(deps: ReminderDeps, taskId: number): Promise<{ scheduled: number; removed: number }> {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: reminderTaskSelect });
  if (!task) return { scheduled: 0, removed: 0 };
  const keys = scheduleOf(task, deps.policies).map((m) => m.key);
  const obsolete: string[] = [];
  if (task.scheduleVersion > 1) obsolete.push(...keys.map((key) => reminderJobId(task.id, task.scheduleVersion - 1, key)));
  if (!needsReminders(task.status)) obsolete.push(...keys.map((key) => reminderJobId(task.id, task.scheduleVersion, key)));
  const removed = await removeJobs(deps, obsolete);
  const planned = planTaskReminders(task, deps.policies, deps.now());
  await addReminderJobs(deps, planned);
  return { scheduled: planned.length, removed };
}

/** syncTaskReminders that never fails the caller: the reconciler heals what a failure leaves. */
export async function syncTaskRemindersSafely(deps: ReminderDeps, taskId: number): Promise<void> {
  try {
    await syncTaskReminders(deps, taskId);
  } catch (error) {
    deps.logger.warn({ err: error, taskId }, "could not sync task reminders; the reconciler will");
  }
}

/**
 * Makes the timers queue match PostgreSQL: every task that needs reminders gets its missing
 * future jobs; every pending reminder job that its task no longer wants (finished task, older
 * schedule version, a key the policy dropped) is removed. Idempotent; runs at worker start and
 * every RECONCILE_EVERY_MS, so a lost sync or a Redis that lost its data heals by itself.
 */
export async function reconcileReminders(deps: ReminderDeps): Promise<{ tasks: number; scheduled: number; removed: number }> {
  let tasks = 0;
  let scheduled = 0;
  const now = deps.now();
  for (let cursor = 0; ; ) {
    const batch = await deps.db.task.findMany({
      where: { status: { in: REMINDED_TASK_STATUSES }, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: RECONCILE_BATCH,
      select: reminderTaskSelect,
    });
    const planned = batch.flatMap((task) => planTaskReminders(task, deps.policies, now));
    await addReminderJobs(deps, planned);
    tasks += batch.length;
    scheduled += planned.length;
    const last = batch.at(-1);
    if (!last || batch.length < RECONCILE_BATCH) break;
    cursor = last.id;
  }

  const pending = (await deps.queues.timers.getRanges([...PENDING_STATES], 0, -1))
    .map((jobId) => ({ jobId, parsed: parseReminderJobId(jobId) }))
    .filter((entry): entry is { jobId: string; parsed: NonNullable<ReturnType<typeof parseReminderJobId>> } => entry.parsed !== null);
  // Per task: the version and sanitised keys it wants (null: no reminders any more).
  const wanted = new Map<number, { version: number; keys: Set<string> } | null>();
  const taskIds = [...new Set(pending.map((entry) => entry.parsed.taskId))];
  for (let i = 0; i < taskIds.length; i += RECONCILE_BATCH) {
    const rows = await deps.db.task.findMany({ where: { id: { in: taskIds.slice(i, i + RECONCILE_BATCH) } }, select: reminderTaskSelect });
    for (const row of rows) {
      wanted.set(
        row.id,
        needsReminders(row.status) ? { version: row.scheduleVersion, keys: new Set(scheduleOf(row, deps.policies).map((m) => jobIdKey(m.key))) } : null,
      );
    }
  }
  const stray = pending.filter(({ parsed }) => {
    const want = wanted.get(parsed.taskId);
    return !want || want.version !== parsed.scheduleVersion || !want.keys.has(parsed.key);
  });
  const removed = await removeJobs(deps, stray.map((entry) => entry.jobId));
  return { tasks, scheduled, removed };
}

/** Worker start hook: reconcile now, and every RECONCILE_EVERY_MS through a job scheduler. */
export async function startReminderReconciler(deps: ReminderDeps): Promise<void> {
  await deps.queues.timers.upsertJobScheduler(
    RECONCILE_SCHEDULER_ID,
    { every: RECONCILE_EVERY_MS },
    { name: RECONCILE_SCHEDULER_ID, data: { type: "reminders-reconcile" } },
  );
  const result = await reconcileReminders(deps);
  deps.logger.info(result, "task reminders reconciled");
}

export async function handleRemindersReconcile(_data: { type: "reminders-reconcile" }, deps: ReminderDeps): Promise<void> {
  const result = await reconcileReminders(deps);
  deps.logger.debug(result, "task reminders reconciled");
}

// ---------------------------------------------------------------------------------------------
// Firing a reminder

const handlerTaskSelect = {
  ...reminderTaskSelect,
  caseId: true,
  workingGroupId: true,
  agencyId: true,
  officialId: true,
  title: true,
  agency: { select: { nameFa: true, nameEn: true } },
  official: { select: { firstName: true, lastName: true } },
  case: { select: { trackingCode: true } },
  workingGroup: { select: { secretariatChatId: true } },
} as const;

export type ReminderOutcome = "sent" | "skipped" | "deferred";

/**
 * The timer handler of a task reminder. Re-reads the task: a stale schedule version, a task
 * that no longer needs reminders, or a key the current policy does not have → nothing.
 * Otherwise writes the notice(s) with a dedupe key, so running it twice sends once. Fired
 * outside working hours (the worker was down), it moves itself to the next working moment.
 */
export async function fireTaskReminder(data: TaskReminderJob, deps: HandlerDeps): Promise<ReminderOutcome> {
  const now = deps.now();
  const outcome = await deps.db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: data.taskId }, select: handlerTaskSelect });
    if (!task || task.scheduleVersion !== data.scheduleVersion || !needsReminders(task.status)) return "skipped";
    const moment = scheduleOf(task, deps.policies).find((m) => m.key === data.key);
    if (!moment) return "skipped";
    if (!isWorkingMoment(now, deps.policies.calendar)) return "deferred";
    await sendReminder(tx, deps, task, moment, now);
    return "sent";
  });
  if (outcome === "deferred") {
    const at = nextWorkingMoment(now, deps.policies.calendar);
    const jobId = `${reminderJobId(data.taskId, data.scheduleVersion, data.key)}-at-${at.getTime()}`;
    await addTimer(deps.queues, data, jobId, at, now);
  }
  if (outcome === "sent") deps.flushOutbox();
  return outcome;
}

/** The timers-queue handler (src/jobs/timers.ts). */
export async function handleTaskReminder(data: TaskReminderJob, deps: HandlerDeps): Promise<void> {
  await fireTaskReminder(data, deps);
}

type HandlerTask = Prisma.TaskGetPayload<{ select: typeof handlerTaskSelect }>;

async function sendReminder(tx: Tx, deps: HandlerDeps, task: HandlerTask, moment: ReminderMoment, now: Date): Promise<void> {
  const dedupeKey = reminderDedupeKey(task.id, task.scheduleVersion, moment.key);
  const overdueWorkingDays = Math.max(
    0,
    workingDaysBetween(dueDateOf(task.dueAt), todayInTehran(now), deps.policies.calendar),
  );
  const args = (locale: Locale) => ({
    code: task.case.trackingCode,
    title: taskTitleBesideCode(task.title, task.case.trackingCode),
    agency: localName(task.agency, locale),
    due: dueLabel(deps.t, locale, task.dueAt, now),
    days: localizeDigits(String(overdueWorkingDays), locale),
    official: task.official
      ? fullName(task.official)
      : deps.t(locale, "task-unassigned"),
  });
  const openTask = [[{ labelKey: "task-button-open", callback: `t:o:${task.id}` }]];
  const openCase = [[{ labelKey: "button-open-case", callback: `q:open:${task.caseId}` }]];

  if (moment.kind !== "escalation" || moment.escalateTo === undefined) {
    const key = moment.kind === "before_due" ? "task-reminder-before" : moment.kind === "due" ? "task-reminder-due" : "task-reminder-overdue";
    await notify(tx, deps, await taskAssignees(tx, task), { key, args, dedupeKey, kind: "REMINDER", buttons: openTask });
    return;
  }

  const level = escalationLevelOf(deps.policies.reminders, moment.escalateTo);
  const bumped = await tx.task.updateMany({ where: { id: task.id, escalationLevel: { lt: level } }, data: { escalationLevel: level } });
  if (bumped.count > 0) {
    await appendEvent(tx, {
      caseId: task.caseId,
      actorId: null,
      type: "task_escalated",
      taskId: task.id,
      internal: true,
      data: { target: moment.escalateTo, level, days: overdueWorkingDays },
    });
  }
  const heads = moment.escalateTo === "agency_head" ? await agencyOfficials(tx, task.agencyId, { headsOnly: true }) : [];
  if (heads.length > 0) {
    await notify(tx, deps, heads, { key: "task-escalation-agency-head", args, dedupeKey, kind: "ESCALATION", buttons: openTask });
    return;
  }
  // The secretariat and the chair (also the agency-head rung when the agency has no head).
  const notice: Notice = { key: "task-escalation-secretariat", args, dedupeKey, kind: "ESCALATION", buttons: openCase };
  const recipients: Recipient[] = [...(await secretariatOf(tx, task.workingGroupId))];
  if (moment.escalateTo === "secretariat_chair") {
    for (const chair of await chairsOf(tx, task.workingGroupId)) {
      if (!recipients.some((r) => r.userId === chair.userId)) recipients.push(chair);
    }
  }
  await notify(tx, deps, recipients, notice);
  if (task.workingGroup.secretariatChatId) {
    await enqueueOutbound(tx, renderNotice(deps, task.workingGroup.secretariatChatId, "fa", null, notice));
  }
}
