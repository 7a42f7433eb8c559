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
 *
 * The planning (pure) is reminder-plan.ts, keeping the queue in step reminder-sync.ts, the
 * handler that fires one task-reminder.ts; this file is what the rest of the code imports.
 */
export {
  escalationLevelOf,
  parseReminderJobId,
  planTaskReminders,
  reminderDedupeKey,
  reminderJobId,
  scheduleOf,
  wantsReminders,
  type PlannedReminder,
  type ReminderDeps,
  type ReminderTask,
} from "./reminder-plan";
export {
  handleRemindersReconcile,
  reconcileReminders,
  RECONCILE_EVERY_MS,
  RECONCILE_SCHEDULER_ID,
  startReminderReconciler,
  syncTaskReminders,
  syncTaskRemindersSafely,
  type ReconcileDeps,
} from "./reminder-sync";
export { fireTaskReminder, handleTaskReminder, type ReminderOutcome } from "./task-reminder";
