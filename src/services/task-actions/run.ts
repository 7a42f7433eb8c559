/**
 * What officials and the secretariat do with a task (agency.ts, secretariat.ts) runs through
 * here. Each action, in one transaction: locks the task row, re-checks the actor's memberships
 * in the database, asks the task state machine (taskTransition), writes the change and a
 * timeline event (with taskId) and queues the notices the other people need (outbox). After
 * the commit the reminders follow the new state (deps.scheduler).
 */
import { z } from "zod";
import { shared } from "../../buttons";
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import type { TaskStatus } from "../../generated/prisma/enums";
import { transition, type CaseStatus } from "../../domain/case-lifecycle";
import { refusal } from "../../domain/refusal";
import { taskTransition, type TaskAction } from "../../domain/task-lifecycle";
import { normalizeText } from "../../domain/text";
import { type Locale, localName } from "../../i18n";
import { DraftAttachmentSchema, type DraftAttachment } from "../cases";
import { moveCaseStatus } from "../case-status";
import type { NoticeButton } from "../notifications";
import { taskActorFor, taskRoleFor, taskTitleBesideCode, type TaskActor } from "../tasks";

export type TaskActionDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler">;

/** Why an action is refused: the Refusal's reason, its message `task-error-<reason>`. */
export type TaskActionFailure =
  | "not_found"
  | "forbidden"
  | "illegal_transition"
  | "invalid_input"
  | "extension_pending"
  | "already_decided"
  | "not_an_official";

export const taskRefusal = (reason: TaskActionFailure) => refusal("task-error", reason);

export const TEXT_MIN = 3;
export const TEXT_MAX = 2000;
/** A refusal must say why in writing (seed 003: a bank that refuses gives its reasons). */
export const REFUSAL_MIN = 10;
export const LETTER_NUMBER_MAX = 60;
export const REPORT_ATTACHMENT_LIMIT = 10;

export const textSchema = (min: number) => z.string().transform(normalizeText).pipe(z.string().min(min).max(TEXT_MAX));

const taskSelect = {
  id: true,
  caseId: true,
  workingGroupId: true,
  agencyId: true,
  officialId: true,
  title: true,
  status: true,
  dueAt: true,
  scheduleVersion: true,
  agency: { select: { nameFa: true, nameEn: true } },
  case: { select: { id: true, trackingCode: true, status: true } },
} as const;

export interface LockedTask {
  id: number;
  caseId: number;
  workingGroupId: number;
  agencyId: number;
  officialId: number | null;
  title: string;
  status: TaskStatus;
  dueAt: Date;
  scheduleVersion: number;
  agency: { nameFa: string; nameEn: string };
  case: { id: number; trackingCode: string; status: CaseStatus };
}

export interface ActionContext {
  tx: Tx;
  task: LockedTask;
  actor: TaskActor;
  /** The status the state machine allows for this action. */
  to: TaskStatus;
  now: Date;
}

/** Serialises actions on one task: concurrent presses wait, then see the new status. */
async function lockTask(tx: Tx, taskId: number): Promise<LockedTask | null> {
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
  return tx.task.findUnique({ where: { id: taskId }, select: taskSelect });
}

/**
 * Runs an action on a task: lock, authorise, check the transition, run `body`, commit, then
 * flush the outbox and re-sync the task's reminders.
 */
export async function runTaskAction<T>(
  deps: TaskActionDeps,
  input: { taskId: number; userId: number; action: TaskAction; side: "agency" | "secretariat" },
  body: (ctx: ActionContext) => Promise<T>,
): Promise<T> {
  const result = await deps.db.$transaction(async (tx) => {
    const task = await lockTask(tx, input.taskId);
    if (!task) throw taskRefusal("not_found");
    const actor = await taskActorFor(tx, input.userId, task);
    const role = taskRoleFor(actor, input.side);
    if (!role) throw taskRefusal("forbidden");
    const allowed = taskTransition(task.status, input.action, role);
    if (!allowed.ok) throw taskRefusal(allowed.reason);
    return body({ tx, task, actor, to: allowed.to, now: deps.now() });
  });
  deps.flushOutbox();
  // Never throws: a failure is logged and the worker's reconciliation catches up.
  await deps.scheduler.syncTaskReminders(input.taskId);
  return result;
}

/** Arguments every task notice has (code, title, agency), plus locale-dependent extras. */
export function noticeArgs(task: LockedTask, extra: (locale: Locale) => Record<string, string | number> = () => ({})) {
  const title = taskTitleBesideCode(task.title, task.case.trackingCode);
  return (locale: Locale) => ({ code: task.case.trackingCode, title, agency: localName(task.agency, locale), ...extra(locale) });
}

export const openTaskButton = (taskId: number): NoticeButton => ({ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId }) });
export const openCaseButton = (caseId: number): NoticeButton => ({ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId }) });

/**
 * Officials who act on an unassigned task take it (later reminders go to them): the fields to
 * add to the action's own update.
 */
export function claimIfUnassigned(ctx: ActionContext): { officialId?: number } {
  if (ctx.task.officialId !== null || !ctx.actor.official) return {};
  ctx.task.officialId = ctx.actor.userId;
  return { officialId: ctx.actor.userId };
}

/**
 * The agency started working: an assigned case moves to in_progress (case state machine). The
 * case row is not locked here (the task's is): if the secretariat moved the case meanwhile
 * (e.g. onto an agenda), its status stands.
 */
export async function startCaseProgress(ctx: ActionContext): Promise<void> {
  const moved = transition(ctx.task.case.status, "start_progress", { role: "official" });
  if (moved.ok) await moveCaseStatus(ctx.tx, ctx.task.caseId, ctx.task.case.status, moved.to);
}

export async function saveAttachments(ctx: ActionContext, eventId: number, files: DraftAttachment[]): Promise<void> {
  if (files.length === 0) return;
  await ctx.tx.attachment.createMany({
    data: files.map((file) => ({ ...file, caseId: ctx.task.caseId, eventId, uploadedById: ctx.actor.userId })),
  });
}

export const attachmentsSchema = z.array(DraftAttachmentSchema).max(REPORT_ATTACHMENT_LIMIT);

export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw taskRefusal("invalid_input");
  return parsed.data;
}
