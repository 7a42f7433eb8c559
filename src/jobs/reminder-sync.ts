/**
 * Keeping the timers queue in step with PostgreSQL: one task after a commit (sync), every open
 * task at worker start and every RECONCILE_EVERY_MS (reconcile). See reminders.ts.
 */
import type { Deps } from "../deps";
import { endStrayPauses } from "../services/clock-pauses";
import { REMINDED_TASK_STATUSES, RUNNING_PAUSE } from "../services/tasks";
import {
  jobIdKey,
  parseReminderJobId,
  planTaskReminders,
  reminderJobId,
  reminderTaskSelect,
  scheduleOf,
  wantsReminders,
  type PlannedReminder,
  type ReminderDeps,
} from "./reminder-plan";

/** The reconciliation also ends stray clock pauses, which may tell agencies of moved due dates. */
export type ReconcileDeps = ReminderDeps & Pick<Deps, "t" | "flushOutbox">;

const JOB_NAME = "task-reminder";
const RECONCILE_BATCH = 200;
/** How often the worker rebuilds every open task's reminder jobs from PostgreSQL. */
export const RECONCILE_EVERY_MS = 10 * 60_000;
export const RECONCILE_SCHEDULER_ID = "reminders-reconcile";

/** Pending states: a job in one of these has not run yet (an active one cannot be removed). */
const PENDING_STATES = ["delayed", "wait", "prioritized", "paused"] as const;

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
 * replaced (and its own once the task no longer needs reminders or its clock is paused), adds
 * the missing future ones. Call after every commit that creates a task or changes its due date,
 * its status or its clock (a pause starting or ending). Anything older that a failed sync left
 * behind is removed by reconcileReminders.
 */
export async function syncTaskReminders(deps: ReminderDeps, taskId: number): Promise<{ scheduled: number; removed: number }> {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: reminderTaskSelect });
  if (!task) return { scheduled: 0, removed: 0 };
  const keys = scheduleOf(task, deps.policies).map((m) => m.key);
  const obsolete: string[] = [];
  if (task.scheduleVersion > 1) obsolete.push(...keys.map((key) => reminderJobId(task.id, task.scheduleVersion - 1, key)));
  if (!wantsReminders(task)) obsolete.push(...keys.map((key) => reminderJobId(task.id, task.scheduleVersion, key)));
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
 * Makes the timers queue match PostgreSQL: every task that needs reminders (its clock not
 * paused) gets its missing future jobs; every pending reminder job that its task no longer
 * wants (finished or paused task, older schedule version, a key the policy dropped) is removed.
 * First, a clock pause whose case no longer waits on the producer ends (endStrayPauses).
 * Idempotent; runs at worker start and every RECONCILE_EVERY_MS, so a lost sync or a Redis that
 * lost its data heals by itself.
 */
export async function reconcileReminders(deps: ReconcileDeps): Promise<{ tasks: number; scheduled: number; removed: number }> {
  await endStrayPauses(deps);
  let tasks = 0;
  let scheduled = 0;
  const now = deps.now();
  for (let cursor = 0; ; ) {
    const batch = await deps.db.task.findMany({
      where: { status: { in: REMINDED_TASK_STATUSES }, clockPauses: { none: RUNNING_PAUSE }, id: { gt: cursor } },
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
        wantsReminders(row) ? { version: row.scheduleVersion, keys: new Set(scheduleOf(row, deps.policies).map((m) => jobIdKey(m.key))) } : null,
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
export async function startReminderReconciler(deps: ReconcileDeps): Promise<void> {
  await deps.queues.timers.upsertJobScheduler(
    RECONCILE_SCHEDULER_ID,
    { every: RECONCILE_EVERY_MS },
    { name: RECONCILE_SCHEDULER_ID, data: { type: "reminders-reconcile" } },
  );
  const result = await reconcileReminders(deps);
  deps.logger.info(result, "task reminders reconciled");
}

export async function handleRemindersReconcile(_data: { type: "reminders-reconcile" }, deps: ReconcileDeps): Promise<void> {
  const result = await reconcileReminders(deps);
  deps.logger.debug(result, "task reminders reconciled");
}
