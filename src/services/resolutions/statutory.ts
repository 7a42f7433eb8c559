/**
 * The statutory clock of a resolution (the rules are src/domain/statutory.ts): the agency is
 * notified (ابلاغ) when the resolution is recorded and its task notice goes out (record.ts);
 * its objection window closes at the end of the window's last working day; the resolution
 * then binds (or when an objection is decided, objections.ts) and its task's reminder ladder
 * runs. The window's close is a timer per resolution, `objection-close-<id>`, scheduled after
 * the commit and re-planned from PostgreSQL at worker start and every hour, so a restart or a
 * Redis that lost its data loses none; `bindingAt` is set once, so it is announced once.
 */
import { shared } from "../../buttons";
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { formatJalaliDate, formatJalaliYMD, todayInTehran } from "../../domain/jalali";
import { objectionWindowEnd, resolutionPhase, type ResolutionClock, type ResolutionPhase } from "../../domain/statutory";
import { needsReminders } from "../../domain/task-lifecycle";
import { nextWorkingMoment } from "../../domain/working-calendar";
import type { ObjectionDecision, TaskStatus } from "../../generated/prisma/enums";
import type { Policies } from "../../policies";
import { notify, type Recipient } from "../notifications";
import { agencyOfficials, dueLabel, taskAssignees } from "../tasks";
import { appendEvent } from "../timeline";
import type { TimerData } from "../timers";

/** The row fields the statutory clock reads (reminder planning selects these too). */
export interface StatutoryFields {
  notifiedAt: Date | null;
  objectionDeadline: Date | null;
  objectedAt: Date | null;
  decidedAt: Date | null;
}

/** The clock fields the binding rules read, or null for a row without a resolution. */
export function bindingClockOf(row: StatutoryFields | null | undefined) {
  if (!row) return null;
  return { notifiedAt: row.notifiedAt, objectionWindowEndsAt: row.objectionDeadline, objectedAt: row.objectedAt, objectionDecidedAt: row.decidedAt };
}

interface ClockRow extends StatutoryFields {
  deadline: Date | null;
  task: { status: TaskStatus; dueAt: Date; completedAt: Date | null } | null;
}

/** A resolution's clock: implemented when its task is done; its deadline is the task's due date. */
export function resolutionClockOf(row: ClockRow): ResolutionClock {
  const done = row.task?.status === "done";
  return {
    ...(bindingClockOf(row) as NonNullable<ReturnType<typeof bindingClockOf>>),
    implementedAt: done ? (row.task?.completedAt ?? row.task?.dueAt ?? null) : null,
    deadlineAt: row.task?.dueAt ?? row.deadline,
  };
}

export function phaseOf(row: ClockRow, now: Date): ResolutionPhase {
  return resolutionPhase(resolutionClockOf(row), now);
}

/** What a resolution's row records when its agency is told of it now (record.ts). */
export function notificationOf(now: Date, policies: Pick<Policies, "calendar" | "statutory">): { notifiedAt: Date; objectionDeadline: Date } {
  return { notifiedAt: now, objectionDeadline: objectionWindowEnd(now, policies.calendar, policies.statutory) };
}

export const objectionCloseJobId = (resolutionId: number): string => `objection-close-${resolutionId}`;

/** The close is announced on the first working moment after the window's last instant. */
export function objectionCloseMoment(objectionDeadline: Date, policies: Pick<Policies, "calendar">): Date {
  return nextWorkingMoment(new Date(objectionDeadline.getTime() + 1), policies.calendar);
}

type TimerDeps = Pick<Deps, "scheduler" | "policies" | "logger">;

/** Schedules a resolution's window close after the commit that notified it. Never throws. */
export async function scheduleObjectionClose(deps: TimerDeps, resolution: { id: number; objectionDeadline: Date }): Promise<void> {
  try {
    const data: TimerData<"objection-window-close"> = { type: "objection-window-close", resolutionId: resolution.id };
    await deps.scheduler.at(data, objectionCloseJobId(resolution.id), objectionCloseMoment(resolution.objectionDeadline, deps.policies));
  } catch (error) {
    deps.logger.warn({ err: error, resolutionId: resolution.id }, "could not schedule the objection window's close; the reconciliation will");
  }
}

/** The heads of the group's governorate agency (its economic deputy), else its officials. */
export async function governorDeputiesOf(tx: Tx, workingGroupId: number): Promise<Recipient[]> {
  const agencies = await tx.agency.findMany({ where: { workingGroupId, kind: "GOVERNORATE", active: true }, select: { id: true }, orderBy: { id: "asc" } });
  const people = new Map<number, Recipient>();
  for (const agency of agencies) {
    const heads = await agencyOfficials(tx, agency.id, { headsOnly: true });
    for (const person of heads.length > 0 ? heads : await agencyOfficials(tx, agency.id)) people.set(person.userId, person);
  }
  return [...people.values()];
}

export type WindowCloseOutcome = "bound" | "early" | "skipped";

type CloseDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler" | "policies" | "logger">;

/**
 * The timer's work when a window has closed: a notified resolution nobody objected to becomes
 * binding (once: `bindingAt` is set only while empty), its timeline says so, the agency is
 * told its deadline now runs, and its task's reminders are planned again (the withheld ones
 * are past now; a missed escalation goes out at the next working moment). A timer that runs
 * early re-queues itself; one for a resolution objected to, bound already or unknown does
 * nothing (the decision binds an objected one).
 */
export async function closeObjectionWindow(deps: CloseDeps, data: TimerData<"objection-window-close">): Promise<WindowCloseOutcome> {
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Resolution" WHERE id = ${data.resolutionId} FOR UPDATE`;
    const row = await tx.resolution.findUnique({
      where: { id: data.resolutionId },
      select: {
        id: true,
        caseId: true,
        text: true,
        amendedText: true,
        notifiedAt: true,
        objectionDeadline: true,
        objectedAt: true,
        bindingAt: true,
        case: { select: { trackingCode: true } },
        task: { select: { id: true, status: true, dueAt: true, agencyId: true, officialId: true } },
      },
    });
    if (!row || !row.notifiedAt || !row.objectionDeadline || row.objectedAt || row.bindingAt) return { outcome: "skipped" as const };
    if (now.getTime() <= row.objectionDeadline.getTime()) return { outcome: "early" as const, deadline: row.objectionDeadline };
    await tx.resolution.update({ where: { id: row.id }, data: { bindingAt: row.objectionDeadline } });
    const task = row.task;
    await appendEvent(tx, {
      caseId: row.caseId,
      actorId: null,
      type: "resolution_binding",
      taskId: task?.id ?? null,
      data: { resolutionId: row.id, closed: formatJalaliYMD(todayInTehran(row.objectionDeadline)) },
    });
    if (task && needsReminders(task.status)) {
      const deadline = row.objectionDeadline;
      await notify(tx, deps, await taskAssignees(tx, task), {
        key: "statutory-binding-notice",
        args: (locale) => ({
          code: row.case.trackingCode,
          closed: formatJalaliDate(deadline, locale, { monthName: true, weekday: true }),
          due: dueLabel(deps.t, locale, task.dueAt, now),
        }),
        dedupeKey: `resolution:${row.id}:binding`,
        kind: "NOTICE",
        buttons: [[{ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId: task.id }) }]],
      });
    }
    return { outcome: "bound" as const, taskId: task?.id ?? null };
  });
  if (result.outcome === "early") {
    const at = objectionCloseMoment(result.deadline, deps.policies);
    await deps.scheduler.at(data, `${objectionCloseJobId(data.resolutionId)}-at-${at.getTime()}`, at);
    return "early";
  }
  if (result.outcome === "bound") {
    deps.flushOutbox();
    if (result.taskId !== null) await deps.scheduler.syncTaskReminders(result.taskId);
  }
  return result.outcome;
}

const RECONCILE_PAGE = 500;

/**
 * Every notified resolution whose window has not been closed (nobody objected, not bound yet)
 * gets its close timer again; an existing job id is kept, a past moment runs at once.
 */
export async function reconcileObjectionWindows(deps: Pick<Deps, "db" | "scheduler" | "policies">): Promise<{ resolutions: number }> {
  let cursor = 0;
  let count = 0;
  for (;;) {
    const rows = await deps.db.resolution.findMany({
      where: { id: { gt: cursor }, notifiedAt: { not: null }, objectionDeadline: { not: null }, objectedAt: null, bindingAt: null },
      select: { id: true, objectionDeadline: true },
      orderBy: { id: "asc" },
      take: RECONCILE_PAGE,
    });
    for (const row of rows) {
      const deadline = row.objectionDeadline as Date;
      await deps.scheduler.at({ type: "objection-window-close", resolutionId: row.id }, objectionCloseJobId(row.id), objectionCloseMoment(deadline, deps.policies));
    }
    count += rows.length;
    if (rows.length < RECONCILE_PAGE) return { resolutions: count };
    cursor = rows[rows.length - 1]!.id;
  }
}

// ---------------------------------------------------------------------------------------------
// What the task card and the ledger show

export interface ResolutionStatutory {
  resolutionId: number;
  phase: ResolutionPhase;
  notifiedAt: Date;
  objectionDeadline: Date;
  objectedAt: Date | null;
  objectionReasons: string | null;
  decision: ObjectionDecision | null;
  decidedAt: Date | null;
  amendedText: string | null;
  bindingAt: Date | null;
  /** The reader is an official of the agency and may object now (the window is open). */
  canObject: boolean;
  /** The reader decides on the pending objection (secretariat or chair of the group). */
  canDecide: boolean;
}

/** The statutory state of the resolution behind a task, for a reader of its card (else null). */
export async function taskStatutory(deps: Pick<Deps, "db" | "now">, userId: number, taskId: number): Promise<ResolutionStatutory | null> {
  const row = await deps.db.resolution.findFirst({
    where: { task: { id: taskId }, notifiedAt: { not: null } },
    select: {
      id: true,
      deadline: true,
      notifiedAt: true,
      objectionDeadline: true,
      objectedAt: true,
      objectionReasons: true,
      objectionDecision: true,
      decidedAt: true,
      amendedText: true,
      bindingAt: true,
      agencyId: true,
      meeting: { select: { workingGroupId: true } },
      task: { select: { status: true, dueAt: true, completedAt: true } },
    },
  });
  if (!row || !row.notifiedAt || !row.objectionDeadline) return null;
  const now = deps.now();
  const phase = phaseOf(row, now);
  const memberships = await deps.db.membership.findMany({
    where: { userId, revokedAt: null, OR: [{ workingGroupId: row.meeting.workingGroupId }, { role: "ADMIN", workingGroupId: null }] },
    select: { role: true, agencyId: true },
  });
  const official = memberships.some((m) => m.role === "OFFICIAL" && m.agencyId === row.agencyId);
  const decider = memberships.some((m) => m.role !== "OFFICIAL");
  return {
    resolutionId: row.id,
    phase,
    notifiedAt: row.notifiedAt,
    objectionDeadline: row.objectionDeadline,
    objectedAt: row.objectedAt,
    objectionReasons: row.objectionReasons,
    decision: row.objectionDecision,
    decidedAt: row.decidedAt,
    amendedText: row.amendedText,
    bindingAt: row.bindingAt,
    canObject: official && phase === "objection_open",
    canDecide: decider && phase === "objected",
  };
}
