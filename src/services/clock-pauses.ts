/**
 * Clocks that pause for the party that is waiting (the rules: src/domain/clock-pause.ts).
 *
 * While a case waits on its producer (the secretariat asked for information), the clock of
 * every unfinished task on it stops: one ClockPause row per task, a timeline event, a word to
 * the agency, and no reminders (the reminder sync, the worker's reconciliation and the reminder
 * handler skip a task with a running pause). When the wait ends — the producer answers, or the
 * case leaves needs_info another way (referred, put on an agenda, rejected…) — each pause ends,
 * the task's due date moves by the working days paused (scheduleVersion bumps, so the old
 * schedule's reminder jobs are dropped and can never fire) and reminders resume.
 *
 * Nothing here needs a timer of its own: the pause is rows in PostgreSQL, the shift is computed
 * when it ends. Callers run these inside their transaction with the case row locked, and bring
 * the returned tasks' reminders in line after the commit (deps.scheduler.syncTaskReminders).
 */
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { shared } from "../buttons";
import { canPause, pausedWorkingDays, shiftedDueAt, type WaitingOn } from "../domain/clock-pause";
import { formatJalaliYMD } from "../domain/jalali";
import { isTaskOpen } from "../domain/task-lifecycle";
import { toPersianDigits } from "../domain/text";
import { notify, type Notice } from "./notifications";
import { lockCase } from "./case-status";
import { dueDateOf, dueLabel, RUNNING_PAUSE, runningPauseSelect, taskAssignees } from "./tasks";
import { appendEvent } from "./timeline";

/**
 * What a card reads of a case to say whom it waits on (src/domain/waiting-on.ts): its tasks with
 * their running pause, and the latest meeting (not cancelled) whose agenda it is on.
 */
export const caseWaitSelect = {
  tasks: {
    orderBy: { id: "asc" as const },
    select: { agencyId: true, status: true, agency: { select: { nameFa: true, nameEn: true } }, clockPauses: runningPauseSelect },
  },
  agendaItems: {
    where: { meeting: { status: { not: "CANCELLED" as const } } },
    orderBy: { meeting: { startsAt: "desc" as const } },
    take: 1,
    select: { meeting: { select: { id: true, startsAt: true } } },
  },
} as const;

export interface PauseInput {
  caseId: number;
  trackingCode: string;
  waitingOn: WaitingOn;
  /** Why: the timeline event type that started the wait (e.g. "info_requested"). */
  reason: string;
  actorId: number | null;
  now: Date;
}

const openTaskButton = (taskId: number) => [[{ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId }) }]];

const ymd = (dueAt: Date) => formatJalaliYMD(dueDateOf(dueAt));

/**
 * Pauses the clock of every unfinished task of the case that is not already waiting; returns
 * their ids. In the caller's transaction.
 */
export async function pauseCaseClocks(tx: Tx, deps: Pick<Deps, "t">, input: PauseInput): Promise<number[]> {
  const tasks = await tx.task.findMany({
    where: { caseId: input.caseId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, agencyId: true, officialId: true, clockPauses: { where: RUNNING_PAUSE, select: { waitingOn: true, startedAt: true, endedAt: true } } },
  });
  const paused: number[] = [];
  for (const task of tasks) {
    if (canPause({ finished: !isTaskOpen(task.status), running: task.clockPauses[0] ?? null }) !== "ok") continue;
    const pause = await tx.clockPause.create({
      data: { caseId: input.caseId, taskId: task.id, waitingOn: input.waitingOn, reason: input.reason, startedAt: input.now, createdById: input.actorId },
      select: { id: true },
    });
    await appendEvent(tx, {
      caseId: input.caseId,
      actorId: input.actorId,
      type: "clock_paused",
      taskId: task.id,
      internal: true,
      data: { waitingOn: input.waitingOn, reason: input.reason },
    });
    const notice: Notice = {
      key: "clock-notice-paused",
      args: (locale) => ({
        code: input.trackingCode,
        party: deps.t(locale, `clock-party-${input.waitingOn}`),
        reason: deps.t(locale, `clock-reason-${input.reason}`),
      }),
      dedupeKey: `task:${task.id}:pause:${pause.id}:start`,
      kind: "NOTICE",
      buttons: openTaskButton(task.id),
    };
    await notify(tx, deps, await taskAssignees(tx, task), notice);
    paused.push(task.id);
  }
  return paused;
}

export interface ResumeInput {
  caseId: number;
  trackingCode: string;
  /** Only the pauses that wait on this party end. */
  waitingOn: WaitingOn;
  actorId: number | null;
  now: Date;
}

/**
 * Ends the case's running pauses that wait on `waitingOn`: each unfinished task's due date
 * moves by the working days paused (shiftedDueAt; scheduleVersion bumps when it moves), with a
 * timeline event and a word to the agency. Returns the ids of every task whose pause ended.
 */
export async function resumeCaseClocks(tx: Tx, deps: Pick<Deps, "t" | "policies">, input: ResumeInput): Promise<number[]> {
  const pauses = await tx.clockPause.findMany({
    where: { caseId: input.caseId, waitingOn: input.waitingOn, ...RUNNING_PAUSE },
    orderBy: { id: "asc" },
    select: { id: true, startedAt: true, task: { select: { id: true, status: true, dueAt: true, agencyId: true, officialId: true } } },
  });
  const calendar = deps.policies.calendar;
  const resumed: number[] = [];
  for (const pause of pauses) {
    const { task } = pause;
    const days = pausedWorkingDays({ waitingOn: input.waitingOn, startedAt: pause.startedAt, endedAt: input.now }, input.now, calendar);
    await tx.clockPause.update({ where: { id: pause.id }, data: { endedAt: input.now, pausedWorkingDays: days } });
    resumed.push(task.id);
    // Finished meanwhile (done, refused, cancelled with the case): no due date to move.
    if (!isTaskOpen(task.status)) continue;
    const dueAt = shiftedDueAt(task.dueAt, days, calendar);
    if (dueAt.getTime() !== task.dueAt.getTime()) {
      await tx.task.update({ where: { id: task.id }, data: { dueAt, scheduleVersion: { increment: 1 } } });
    }
    await appendEvent(tx, {
      caseId: input.caseId,
      actorId: input.actorId,
      type: "clock_resumed",
      taskId: task.id,
      internal: true,
      data: {
        waitingOn: input.waitingOn,
        days,
        previous: ymd(task.dueAt),
        previousFa: toPersianDigits(ymd(task.dueAt)),
        due: ymd(dueAt),
        dueFa: toPersianDigits(ymd(dueAt)),
      },
    });
    const notice: Notice = {
      key: days > 0 ? "clock-notice-resumed-moved" : "clock-notice-resumed",
      args: (locale) => ({
        code: input.trackingCode,
        party: deps.t(locale, `clock-party-${input.waitingOn}`),
        days,
        due: dueLabel(deps.t, locale, dueAt, input.now),
      }),
      dedupeKey: `task:${task.id}:pause:${pause.id}:end`,
      kind: "NOTICE",
      buttons: openTaskButton(task.id),
    };
    await notify(tx, deps, await taskAssignees(tx, task), notice);
  }
  return resumed;
}

/**
 * The worker's safety net (run with the reminder reconciliation): a pause for the producer
 * whose case no longer waits on the producer (a path that changed the status without ending
 * it) ends now. Returns the ids of the tasks it resumed; their reminders are planned by the
 * reconciliation that follows.
 */
export async function endStrayPauses(deps: Pick<Deps, "db" | "t" | "policies" | "now" | "logger" | "flushOutbox">): Promise<number[]> {
  const stray = await deps.db.clockPause.findMany({
    where: { waitingOn: "producer", ...RUNNING_PAUSE, case: { status: { not: "needs_info" } } },
    distinct: ["caseId"],
    select: { caseId: true },
  });
  const resumed: number[] = [];
  for (const { caseId } of stray) {
    const ids = await deps.db.$transaction(async (tx) => {
      await lockCase(tx, caseId);
      const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { trackingCode: true, status: true } });
      if (row.status === "needs_info") return []; // it waits on the producer again: the pause stands
      return resumeCaseClocks(tx, deps, { caseId, trackingCode: row.trackingCode, waitingOn: "producer", actorId: null, now: deps.now() });
    });
    if (ids.length > 0) deps.logger.warn({ caseId, tasks: ids }, "ended clock pauses whose case no longer waits on the producer");
    resumed.push(...ids);
  }
  if (resumed.length > 0) deps.flushOutbox();
  return resumed;
}
