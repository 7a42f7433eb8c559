import type { Deps } from "../deps";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { TaskStatus } from "../generated/prisma/enums";
import {
  daysBetweenTehranDates,
  endOfJalaliDay,
  formatJalaliDate,
  formatJalaliYMD,
  todayInTehran,
  type JalaliDate,
} from "../domain/jalali";
import { isTaskOpen, needsReminders, TASK_STATUSES } from "../domain/task-lifecycle";
import { fullName, localizeDigits, truncate } from "../domain/text";
import type { Locale, Translator } from "../i18n";
import { recipientOf, type Recipient } from "./notifications";
import { appendEvent } from "./timeline";
import { pageWindow } from "../domain/pagination";

export interface NewTask {
  caseId: number;
  agencyId: number;
  officialId?: number | null;
  /** The due date is a Jalali calendar day; the task is due by the end of it (Tehran). */
  dueDate: JalaliDate;
  title: string;
  createdById: number;
  resolutionId?: number | null;
}

/** Not finished: the agency works on it or the secretariat still has to review it. */
export const OPEN_TASK_STATUSES: TaskStatus[] = TASK_STATUSES.filter(isTaskOpen);
/** The agency's turn: reminders and escalations apply. */
export const REMINDED_TASK_STATUSES: TaskStatus[] = TASK_STATUSES.filter(needsReminders);

/**
 * Creates a task for an agency (from a triage assignment or a resolution) with its timeline
 * event, in the caller's transaction. After the commit the caller schedules its reminders
 * (syncTaskReminders in src/jobs/reminders.ts).
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
          days: localizeDigits(String(state.days), locale),
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

// ---------------------------------------------------------------------------------------------
// Who may act on a task (always read from the database, never from callback data or the session)

export interface TaskActor {
  userId: number;
  /** An active OFFICIAL of the task's agency in the task's working group. */
  official: boolean;
  agencyHead: boolean;
  /** SECRETARIAT (or ADMIN) of the task's working group. */
  secretariat: boolean;
}

export async function taskActorFor(
  tx: Tx,
  userId: number,
  task: { workingGroupId: number; agencyId: number },
): Promise<TaskActor> {
  const memberships = await tx.membership.findMany({
    where: {
      userId,
      revokedAt: null,
      OR: [
        { role: "OFFICIAL", agencyId: task.agencyId, workingGroupId: task.workingGroupId },
        { role: { in: ["SECRETARIAT", "ADMIN"] }, workingGroupId: task.workingGroupId },
        { role: "ADMIN", workingGroupId: null },
      ],
    },
    select: { role: true, isAgencyHead: true },
  });
  const officials = memberships.filter((m) => m.role === "OFFICIAL");
  return {
    userId,
    official: officials.length > 0,
    agencyHead: officials.some((m) => m.isAgencyHead),
    secretariat: memberships.some((m) => m.role !== "OFFICIAL"),
  };
}

/** The (working group, agency) pairs a user is an active official of. */
export async function officialAgenciesOf(db: Tx, userId: number): Promise<Array<{ agencyId: number; workingGroupId: number; isAgencyHead: boolean }>> {
  const rows = await db.membership.findMany({
    where: { userId, role: "OFFICIAL", revokedAt: null, agencyId: { not: null }, workingGroupId: { not: null } },
    select: { agencyId: true, workingGroupId: true, isAgencyHead: true },
  });
  return rows.flatMap((m) =>
    m.agencyId === null || m.workingGroupId === null ? [] : [{ agencyId: m.agencyId, workingGroupId: m.workingGroupId, isAgencyHead: m.isAgencyHead }],
  );
}

// ---------------------------------------------------------------------------------------------
// Recipients

const userSelect = { id: true, telegramId: true, language: true } as const;

function uniqueRecipients(users: Array<{ id: number; telegramId: string; language: string }>, exceptUserId?: number): Recipient[] {
  const map = new Map<number, Recipient>();
  for (const user of users) if (user.id !== exceptUserId) map.set(user.id, recipientOf(user));
  return [...map.values()];
}

/** Active officials of an agency (only its heads when asked), optionally without one user. */
export async function agencyOfficials(
  tx: Tx,
  agencyId: number,
  options: { headsOnly?: boolean; exceptUserId?: number } = {},
): Promise<Recipient[]> {
  const rows = await tx.membership.findMany({
    where: { agencyId, role: "OFFICIAL", revokedAt: null, ...(options.headsOnly ? { isAgencyHead: true } : {}) },
    select: { user: { select: userSelect } },
    orderBy: { id: "asc" },
  });
  return uniqueRecipients(rows.map((r) => r.user), options.exceptUserId);
}

/**
 * Whom a task concerns on the agency's side: its official while they are still an active
 * official of the agency, otherwise every official of the agency.
 */
export async function taskAssignees(
  tx: Tx,
  task: { agencyId: number; officialId: number | null },
  exceptUserId?: number,
): Promise<Recipient[]> {
  if (task.officialId !== null) {
    const membership = await tx.membership.findFirst({
      where: { userId: task.officialId, agencyId: task.agencyId, role: "OFFICIAL", revokedAt: null },
      select: { user: { select: userSelect } },
    });
    if (membership) return uniqueRecipients([membership.user], exceptUserId);
  }
  return agencyOfficials(tx, task.agencyId, exceptUserId === undefined ? {} : { exceptUserId });
}

export async function chairsOf(tx: Tx, workingGroupId: number): Promise<Recipient[]> {
  const rows = await tx.membership.findMany({
    where: { workingGroupId, role: "CHAIR", revokedAt: null },
    select: { user: { select: userSelect } },
  });
  return uniqueRecipients(rows.map((r) => r.user));
}

/** The producer who reported the case. */
export async function producerOfCase(tx: Tx, caseId: number): Promise<Recipient> {
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { reporter: { select: userSelect } } });
  return recipientOf(row.reporter);
}

// ---------------------------------------------------------------------------------------------
// The official's list and the task card

export interface TaskListItem {
  id: number;
  title: string;
  status: TaskStatus;
  dueAt: Date;
  officialId: number | null;
  trackingCode: string;
  agencyId: number;
}

/**
 * The open tasks of every agency the user is an official of (in that agency's working group),
 * in the official's order, one page of them.
 */
export async function listOfficialTasks(
  deps: Pick<Deps, "db" | "now">,
  userId: number,
  page: number,
  pageSize: number,
): Promise<{ total: number; page: number; pages: number; items: TaskListItem[] }> {
  const agencies = await officialAgenciesOf(deps.db, userId);
  if (agencies.length === 0) return { total: 0, page: 0, pages: 1, items: [] };
  const rows = await deps.db.task.findMany({
    where: {
      status: { in: OPEN_TASK_STATUSES },
      OR: agencies.map((a) => ({ agencyId: a.agencyId, workingGroupId: a.workingGroupId })),
    },
    select: {
      id: true,
      title: true,
      status: true,
      dueAt: true,
      officialId: true,
      agencyId: true,
      case: { select: { trackingCode: true } },
    },
  });
  const sorted = sortTasksForOfficial(rows, userId, deps.now());
  const { page: current, pages, offset } = pageWindow(sorted.length, pageSize, page);
  const items = sorted.slice(offset, offset + pageSize).map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    dueAt: row.dueAt,
    officialId: row.officialId,
    agencyId: row.agencyId,
    trackingCode: row.case.trackingCode,
  }));
  return { total: sorted.length, page: current, pages, items };
}

const cardSelect = {
  id: true,
  caseId: true,
  workingGroupId: true,
  agencyId: true,
  officialId: true,
  title: true,
  status: true,
  dueAt: true,
  refusalReason: true,
  completionNote: true,
  letterNumber: true,
  agency: { select: { nameFa: true, nameEn: true } },
  official: { select: { id: true, firstName: true, lastName: true } },
  case: {
    select: {
      id: true,
      trackingCode: true,
      status: true,
      urgency: true,
      category: true,
      subcategory: true,
      irreversibleAt: true,
      amountRials: true,
      description: true,
      submittedAt: true,
      unit: { select: { name: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      reporter: { select: { firstName: true, lastName: true, phone: true } },
    },
  },
  extensions: {
    where: { status: "PENDING" as const },
    select: { id: true, newDueAt: true, reason: true },
    orderBy: { id: "desc" as const },
    take: 1,
  },
} as const satisfies Prisma.TaskSelect;

type TaskCardRow = Prisma.TaskGetPayload<{ select: typeof cardSelect }>;

export interface TaskCard {
  task: Omit<TaskCardRow, "case" | "extensions">;
  case: Omit<TaskCardRow["case"], "reporter">;
  /** The unit's representative: only for officials of the assigned agency. */
  contact: { name: string; phone: string | null } | null;
  documentCount: number;
  events: Array<{ type: string; data: unknown; internal: boolean; createdAt: Date; actor: { firstName: string } | null }>;
  pendingExtension: TaskCardRow["extensions"][number] | null;
  actor: TaskActor;
}

/** The task card for a user who may see it (officials of the agency, its secretariat), else null. */
export async function loadTaskCard(deps: Pick<Deps, "db">, userId: number, taskId: number): Promise<TaskCard | null> {
  const row = await deps.db.task.findUnique({ where: { id: taskId }, select: cardSelect });
  if (!row) return null;
  const actor = await taskActorFor(deps.db, userId, row);
  if (!actor.official && !actor.secretariat) return null;
  const [events, documentCount] = await Promise.all([
    deps.db.caseEvent.findMany({
      where: { taskId: row.id },
      orderBy: { id: "asc" },
      select: { type: true, data: true, internal: true, createdAt: true, actor: { select: { firstName: true } } },
    }),
    deps.db.attachment.count({ where: taskDocumentsWhere(row) }),
  ]);
  const { reporter, ...theCase } = row.case;
  const { extensions, case: _case, ...task } = row;
  return {
    task,
    case: theCase,
    contact: actor.official
      ? { name: fullName(reporter), phone: reporter.phone }
      : null,
    documentCount,
    events,
    pendingExtension: extensions[0] ?? null,
    actor,
  };
}

/** The case's own documents and this task's reports (not other agencies' task reports). */
function taskDocumentsWhere(task: { id: number; caseId: number }) {
  return {
    caseId: task.caseId,
    OR: [{ eventId: null }, { event: { taskId: null } }, { event: { taskId: task.id } }],
  };
}

/** The documents of a task card, for a user who may see the card. */
export async function taskDocuments(deps: Pick<Deps, "db">, userId: number, taskId: number, limit = 30) {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { id: true, caseId: true, workingGroupId: true, agencyId: true } });
  if (!task) return null;
  const actor = await taskActorFor(deps.db, userId, task);
  if (!actor.official && !actor.secretariat) return null;
  return deps.db.attachment.findMany({
    where: taskDocumentsWhere(task),
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, kind: true, fileId: true, fileName: true },
  });
}

/** Other active officials of the task's agency, for an agency head choosing whom to reassign to. */
export async function reassignCandidates(deps: Pick<Deps, "db">, userId: number, taskId: number) {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { workingGroupId: true, agencyId: true, officialId: true } });
  if (!task) return null;
  const actor = await taskActorFor(deps.db, userId, task);
  if (!actor.agencyHead) return null;
  const rows = await deps.db.membership.findMany({
    where: { agencyId: task.agencyId, workingGroupId: task.workingGroupId, role: "OFFICIAL", revokedAt: null },
    select: { user: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: { id: "asc" },
  });
  const unique = new Map(rows.map((r) => [r.user.id, r.user]));
  if (task.officialId !== null) unique.delete(task.officialId);
  return [...unique.values()];
}
