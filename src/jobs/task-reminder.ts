/**
 * Firing a task reminder (the timers-queue handler, src/jobs/timers.ts): the reminder to the
 * agency, or an escalation to its head, the secretariat and the chair. See reminders.ts.
 */
import type { Deps } from "../deps";
import type { Prisma, Tx } from "../db";
import { shared } from "../buttons";
import { formatJalaliDate, todayInTehran } from "../domain/jalali";
import type { ReminderMoment } from "../domain/reminder-schedule";
import { reminderWithheld } from "../domain/statutory";
import { fullName } from "../domain/text";
import { isWorkingMoment, nextWorkingMoment, workingDaysBetween } from "../domain/working-calendar";
import { type Locale, localName } from "../i18n";
import { enqueueOutbound } from "../services/outbox";
import { notify, renderNotice, secretariatOf, type Notice, type Recipient } from "../services/notifications";
import { bindingClockOf, governorDeputiesOf } from "../services/resolutions";
import { agencyOfficials, chairsOf, dueDateOf, dueLabel, taskAssignees, taskTitleBesideCode } from "../services/tasks";
import { appendEvent } from "../services/timeline";
import { addTimer } from "./queues";
import {
  escalationLevelOf,
  reminderDedupeKey,
  reminderJobId,
  reminderTaskSelect,
  scheduleOf,
  wantsReminders,
  type ReminderDeps,
  type TaskReminderJob,
} from "./reminder-plan";

type HandlerDeps = ReminderDeps & Pick<Deps, "t" | "flushOutbox">;

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
 * that no longer needs reminders or whose clock is paused (a job that was already running when
 * the pause began), or a key the current policy does not have → nothing.
 * Otherwise writes the notice(s) with a dedupe key, so running it twice sends once. Fired
 * outside working hours (the worker was down), it moves itself to the next working moment.
 */
export async function fireTaskReminder(data: TaskReminderJob, deps: HandlerDeps): Promise<ReminderOutcome> {
  const now = deps.now();
  const outcome = await deps.db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: data.taskId }, select: handlerTaskSelect });
    if (!task || task.scheduleVersion !== data.scheduleVersion || !wantsReminders(task)) return "skipped";
    const moment = scheduleOf(task, deps.policies).find((m) => m.key === data.key);
    if (!moment) return "skipped";
    // A resolution that does not bind yet (its window is open, an objection waits): not yet.
    const statutory = bindingClockOf(task.resolution);
    if (statutory && reminderWithheld(statutory, moment.at, now)) return "skipped";
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
    at: formatJalaliDate(task.dueAt, locale, { weekday: true, time: true }),
    days: overdueWorkingDays,
    official: task.official
      ? fullName(task.official)
      : deps.t(locale, "task-unassigned"),
  });
  const openTask = [[{ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId: task.id }) }]];
  const openCase = [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: task.caseId }) }]];

  // A cut-off hold request speaks in hours: its deadline is an instant in office hours.
  const hold = task.kind === "CUTOFF_HOLD";
  if (moment.kind !== "escalation" || moment.escalateTo === undefined) {
    const key = hold ? "task-hold-reminder" : moment.kind === "before_due" ? "task-reminder-before" : moment.kind === "due" ? "task-reminder-due" : "task-reminder-overdue";
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
    await notify(tx, deps, heads, { key: hold ? "task-hold-escalation-head" : "task-escalation-agency-head", args, dedupeKey, kind: "ESCALATION", buttons: openTask });
    return;
  }
  // The secretariat and the chair (also the agency-head rung when the agency has no head).
  const notice: Notice = { key: hold ? "task-hold-escalation-secretariat" : "task-escalation-secretariat", args, dedupeKey, kind: "ESCALATION", buttons: openCase };
  const recipients: Recipient[] = [...(await secretariatOf(tx, task.workingGroupId))];
  if (moment.escalateTo === "secretariat_chair") {
    // A resolution's task ends at the chair and, when STATUTORY_POLICY says so, the governor's deputy.
    const deputies = task.resolution && deps.policies.statutory.escalateToGovernorDeputy ? await governorDeputiesOf(tx, task.workingGroupId) : [];
    for (const person of [...(await chairsOf(tx, task.workingGroupId)), ...deputies]) {
      if (!recipients.some((r) => r.userId === person.userId)) recipients.push(person);
    }
  }
  await notify(tx, deps, recipients, notice);
  if (task.workingGroup.secretariatChatId) {
    await enqueueOutbound(tx, renderNotice(deps, task.workingGroup.secretariatChatId, "fa", null, notice));
  }
}
