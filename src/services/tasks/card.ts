import type { Deps } from "../../deps";
import { Refusal, refusal } from "../../domain/refusal";
import { allowedTaskActions, type TaskAction, type TaskRole } from "../../domain/task-lifecycle";
import type { Prisma } from "../../generated/prisma/client";
import type { TaskStatus } from "../../generated/prisma/enums";
import { pageWindow } from "../../domain/pagination";
import { fullName } from "../../domain/text";
import { OPEN_TASK_STATUSES, RUNNING_PAUSE, sortTasksForOfficial } from "./core";
import { officialAgenciesOf, taskActorFor, taskRoleFor, type TaskActor } from "./people";

/**
 * What the task screens read: the official's list, the task card (officials of the agency and
 * its secretariat), its documents, and whom an agency head may hand the task to. The services
 * return data; src/bot/presenters/tasks.ts turns it into text.
 */

export interface TaskListItem {
  id: number;
  title: string;
  status: TaskStatus;
  dueAt: Date;
  officialId: number | null;
  trackingCode: string;
  agencyId: number;
  /** Its clock is paused: the case waits on someone else (src/services/clock-pauses.ts). */
  paused: boolean;
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
      clockPauses: { where: RUNNING_PAUSE, select: { id: true }, take: 1 },
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
    paused: row.clockPauses.length > 0,
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
  kind: true,
  refusalReason: true,
  completionNote: true,
  letterNumber: true,
  agency: { select: { nameFa: true, nameEn: true, kind: true } },
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
  clockPauses: {
    orderBy: { id: "asc" as const },
    select: { waitingOn: true, reason: true, startedAt: true, endedAt: true, pausedWorkingDays: true },
  },
} as const satisfies Prisma.TaskSelect;

type TaskCardRow = Prisma.TaskGetPayload<{ select: typeof cardSelect }>;

export interface TaskCard {
  task: Omit<TaskCardRow, "case" | "extensions" | "clockPauses">;
  case: Omit<TaskCardRow["case"], "reporter">;
  /** The unit's representative: only for officials of the assigned agency. */
  contact: { name: string; phone: string | null } | null;
  documentCount: number;
  events: Array<{ type: string; data: unknown; internal: boolean; createdAt: Date; actor: { firstName: string } | null }>;
  pendingExtension: TaskCardRow["extensions"][number] | null;
  /** Every clock pause of the task, oldest first (the running one has no endedAt). */
  pauses: TaskCardRow["clockPauses"];
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
  const { extensions, clockPauses, case: _case, ...task } = row;
  return {
    task,
    case: theCase,
    contact: actor.official
      ? { name: fullName(reporter), phone: reporter.phone }
      : null,
    documentCount,
    events,
    pendingExtension: extensions[0] ?? null,
    pauses: clockPauses,
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

const notFound = () => new Refusal("not-found", "error-not-found");

/**
 * The card when the user may take `action` on the task now, on that side of it (the first
 * check of a prompt, before anything is typed; the action itself checks again).
 */
export async function taskCardForAction(
  deps: Pick<Deps, "db">,
  userId: number,
  taskId: number,
  action: TaskAction,
  side: "agency" | "secretariat",
): Promise<TaskCard> {
  const card = await loadTaskCard(deps, userId, taskId);
  if (!card) throw notFound();
  const role = taskRoleFor(card.actor, side);
  if (!role || !allowedTaskActions(card.task.status, role).includes(action)) throw refusal("task-error", "illegal_transition");
  return card;
}

/** The role the card is shown for: the agency's (its head first), else the secretariat's. */
export function cardRole(card: Pick<TaskCard, "actor">): TaskRole | null {
  return taskRoleFor(card.actor, "agency") ?? taskRoleFor(card.actor, "secretariat");
}

/** The documents of a task card, for a user who may see the card (else a not-found refusal). */
export async function taskDocuments(deps: Pick<Deps, "db">, userId: number, taskId: number, limit = 30) {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { id: true, caseId: true, workingGroupId: true, agencyId: true } });
  if (!task) throw notFound();
  const actor = await taskActorFor(deps.db, userId, task);
  if (!actor.official && !actor.secretariat) throw notFound();
  return deps.db.attachment.findMany({
    where: taskDocumentsWhere(task),
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, kind: true, fileId: true, fileName: true },
  });
}

/**
 * Other active officials of the task's agency, for an agency head choosing whom to reassign
 * to; anyone else is refused.
 */
export async function reassignCandidates(deps: Pick<Deps, "db">, userId: number, taskId: number) {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { workingGroupId: true, agencyId: true, officialId: true } });
  if (!task) throw refusal("task-error", "forbidden");
  const actor = await taskActorFor(deps.db, userId, task);
  if (!actor.agencyHead) throw refusal("task-error", "forbidden");
  const rows = await deps.db.membership.findMany({
    where: { agencyId: task.agencyId, workingGroupId: task.workingGroupId, role: "OFFICIAL", revokedAt: null },
    select: { user: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: { id: "asc" },
  });
  const unique = new Map(rows.map((r) => [r.user.id, r.user]));
  if (task.officialId !== null) unique.delete(task.officialId);
  return [...unique.values()];
}
