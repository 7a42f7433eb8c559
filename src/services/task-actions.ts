/**
 * What officials and the secretariat do with a task. Each action, in one transaction: locks
 * the task row, re-checks the actor's memberships in the database, asks the task state machine
 * (taskTransition), writes the change and a timeline event (with taskId) and queues the notices
 * the other people need (outbox). After the commit the reminders follow the new state.
 */
import { z } from "zod";
import type { Deps } from "../deps";
import type { Tx } from "../db";
import type { TaskStatus } from "../generated/prisma/enums";
import { transition, type CaseStatus } from "../domain/case-lifecycle";
import { endOfJalaliDay, formatJalaliDate, formatJalaliYMD, type JalaliDate } from "../domain/jalali";
import { taskTransition, type TaskAction, type TaskRole } from "../domain/task-lifecycle";
import { fullName, normalizeInput, normalizeText } from "../domain/text";
import { type Locale, localName } from "../i18n";
import { syncTaskRemindersSafely } from "../jobs/reminders";
import { DraftAttachmentSchema, type DraftAttachment } from "./cases";
import { moveCaseStatus } from "./case-status";
import { notify, recipientOf, secretariatOf, type NoticeButton } from "./notifications";
import { dueDateOf, OPEN_TASK_STATUSES, producerOfCase, taskTitleBesideCode, taskActorFor, taskAssignees, type TaskActor } from "./tasks";
import { appendEvent } from "./timeline";

export type TaskActionDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "queues" | "redis" | "policies" | "logger">;

export type TaskActionFailure =
  | "not_found"
  | "forbidden"
  | "illegal_transition"
  | "invalid_input"
  | "extension_pending"
  | "already_decided"
  | "not_an_official";

export class TaskActionError extends Error {
  override name = "TaskActionError";
  constructor(readonly reason: TaskActionFailure) {
    super(reason);
  }
}

export const TEXT_MIN = 3;
export const TEXT_MAX = 2000;
/** A refusal must say why in writing (seed 003: a bank that refuses gives its reasons). */
export const REFUSAL_MIN = 10;
export const LETTER_NUMBER_MAX = 60;
export const REPORT_ATTACHMENT_LIMIT = 10;

const textSchema = (min: number) => z.string().transform(normalizeText).pipe(z.string().min(min).max(TEXT_MAX));

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

interface LockedTask {
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

interface ActionContext {
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

function roleFor(actor: TaskActor, side: "agency" | "secretariat"): TaskRole | null {
  if (side === "secretariat") return actor.secretariat ? "secretariat" : null;
  if (actor.agencyHead) return "agency_head";
  return actor.official ? "official" : null;
}

/**
 * Runs an action on a task: lock, authorise, check the transition, run `body`, commit, then
 * flush the outbox and re-sync the task's reminders.
 */
async function runTaskAction<T>(
  deps: TaskActionDeps,
  input: { taskId: number; userId: number; action: TaskAction; side: "agency" | "secretariat" },
  body: (ctx: ActionContext) => Promise<T>,
): Promise<T> {
  const result = await deps.db.$transaction(async (tx) => {
    const task = await lockTask(tx, input.taskId);
    if (!task) throw new TaskActionError("not_found");
    const actor = await taskActorFor(tx, input.userId, task);
    const role = roleFor(actor, input.side);
    if (!role) throw new TaskActionError("forbidden");
    const allowed = taskTransition(task.status, input.action, role);
    if (!allowed.ok) throw new TaskActionError(allowed.reason);
    return body({ tx, task, actor, to: allowed.to, now: deps.now() });
  });
  deps.flushOutbox();
  await syncTaskRemindersSafely(deps, input.taskId);
  return result;
}

/** Arguments every task notice has (code, title, agency), plus locale-dependent extras. */
function noticeArgs(task: LockedTask, extra: (locale: Locale) => Record<string, string | number> = () => ({})) {
  const title = taskTitleBesideCode(task.title, task.case.trackingCode);
  return (locale: Locale) => ({ code: task.case.trackingCode, title, agency: localName(task.agency, locale), ...extra(locale) });
}

const openTaskButton = (taskId: number): NoticeButton => ({ labelKey: "task-button-open", callback: `t:o:${taskId}` });
const openCaseButton = (caseId: number): NoticeButton => ({ labelKey: "button-open-case", callback: `q:open:${caseId}` });

/**
 * Officials who act on an unassigned task take it (later reminders go to them): the fields to
 * add to the action's own update.
 */
function claimIfUnassigned(ctx: ActionContext): { officialId?: number } {
  if (ctx.task.officialId !== null || !ctx.actor.official) return {};
  ctx.task.officialId = ctx.actor.userId;
  return { officialId: ctx.actor.userId };
}

/**
 * The agency started working: an assigned case moves to in_progress (case state machine). The
 * case row is not locked here (the task's is): if the secretariat moved the case meanwhile
 * (e.g. onto an agenda), its status stands.
 */
async function startCaseProgress(ctx: ActionContext): Promise<void> {
  const moved = transition(ctx.task.case.status, "start_progress", { role: "official" });
  if (moved.ok) await moveCaseStatus(ctx.tx, ctx.task.caseId, ctx.task.case.status, moved.to);
}

async function saveAttachments(ctx: ActionContext, eventId: number, files: DraftAttachment[]): Promise<void> {
  if (files.length === 0) return;
  await ctx.tx.attachment.createMany({
    data: files.map((file) => ({ ...file, caseId: ctx.task.caseId, eventId, uploadedById: ctx.actor.userId })),
  });
}

const attachmentsSchema = z.array(DraftAttachmentSchema).max(REPORT_ATTACHMENT_LIMIT);

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new TaskActionError("invalid_input");
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// The agency's actions

export async function acknowledgeTask(deps: TaskActionDeps, userId: number, taskId: number): Promise<void> {
  await runTaskAction(deps, { taskId, userId, action: "acknowledge", side: "agency" }, async (ctx) => {
    await ctx.tx.task.update({ where: { id: taskId }, data: { status: ctx.to, acknowledgedAt: ctx.now, ...claimIfUnassigned(ctx) } });
    await startCaseProgress(ctx);
    const event = await appendEvent(ctx.tx, { caseId: ctx.task.caseId, actorId: userId, type: "task_acknowledged", taskId });
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], {
      key: "task-notice-producer-acknowledged",
      args: noticeArgs(ctx.task),
      dedupeKey: `task:${taskId}:ev:${event.id}`,
    });
  });
}

export interface ProgressInput {
  text: string;
  attachments?: DraftAttachment[];
}

export async function reportProgress(deps: TaskActionDeps, userId: number, taskId: number, input: ProgressInput): Promise<void> {
  const text = parse(textSchema(TEXT_MIN), input.text);
  const files = parse(attachmentsSchema, input.attachments ?? []);
  await runTaskAction(deps, { taskId, userId, action: "progress", side: "agency" }, async (ctx) => {
    await ctx.tx.task.update({ where: { id: taskId }, data: { status: ctx.to, ...claimIfUnassigned(ctx) } });
    await startCaseProgress(ctx);
    const event = await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_progress",
      taskId,
      data: { text, files: files.length },
    });
    await saveAttachments(ctx, event.id, files);
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], {
      key: "task-notice-producer-progress",
      args: noticeArgs(ctx.task, () => ({ text, files: files.length })),
      dedupeKey: `task:${taskId}:ev:${event.id}`,
    });
  });
}

export interface CompletionInput {
  letterNumber?: string | null;
  text: string;
  attachments?: DraftAttachment[];
}

/** The agency reports the task done; the secretariat confirms or sends it back. */
export async function completeTask(deps: TaskActionDeps, userId: number, taskId: number, input: CompletionInput): Promise<void> {
  const text = parse(textSchema(TEXT_MIN), input.text);
  // A letter number is looked up later: its digits are stored Latin, whatever was typed.
  const letter = input.letterNumber ? parse(z.string().transform(normalizeInput).pipe(z.string().min(1).max(LETTER_NUMBER_MAX)), input.letterNumber) : null;
  const files = parse(attachmentsSchema, input.attachments ?? []);
  await runTaskAction(deps, { taskId, userId, action: "complete", side: "agency" }, async (ctx) => {
    await ctx.tx.task.update({
      where: { id: taskId },
      data: { status: ctx.to, completionNote: text, letterNumber: letter, completedAt: ctx.now, ...claimIfUnassigned(ctx) },
    });
    const event = await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_completed",
      taskId,
      data: { text, letter: letter ?? "-", files: files.length },
    });
    await saveAttachments(ctx, event.id, files);
    const dedupeKey = `task:${taskId}:ev:${event.id}`;
    const args = noticeArgs(ctx.task, (locale) => ({ text, letter: letter ?? deps.t(locale, "task-letter-none"), files: files.length }));
    await notify(ctx.tx, deps, await secretariatOf(ctx.tx, ctx.task.workingGroupId), {
      key: "task-notice-secretariat-completed",
      args,
      dedupeKey,
      buttons: [
        [
          { labelKey: "task-button-confirm", callback: `t:cf:${taskId}` },
          { labelKey: "task-button-send-back", callback: `t:sb:${taskId}` },
        ],
        [openTaskButton(taskId)],
      ],
    });
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], {
      key: "task-notice-producer-completed",
      args,
      dedupeKey,
    });
  });
}

export interface ExtensionInput {
  newDueDate: JalaliDate;
  reason: string;
}

/** Asks the secretariat for a later due date; at most one request waits at a time. */
export async function requestExtension(deps: TaskActionDeps, userId: number, taskId: number, input: ExtensionInput): Promise<{ extensionId: number }> {
  const reason = parse(textSchema(TEXT_MIN), input.reason);
  const newDueAt = endOfJalaliDay(input.newDueDate);
  return runTaskAction(deps, { taskId, userId, action: "request_extension", side: "agency" }, async (ctx) => {
    if (newDueAt.getTime() <= ctx.task.dueAt.getTime() || newDueAt.getTime() <= ctx.now.getTime()) {
      throw new TaskActionError("invalid_input");
    }
    const pending = await ctx.tx.extensionRequest.count({ where: { taskId, status: "PENDING" } });
    if (pending > 0) throw new TaskActionError("extension_pending");
    const claim = claimIfUnassigned(ctx);
    if (claim.officialId !== undefined) await ctx.tx.task.update({ where: { id: taskId }, data: claim });
    const extension = await ctx.tx.extensionRequest.create({
      data: { taskId, requestedById: userId, newDueAt, reason },
      select: { id: true },
    });
    await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_extension_requested",
      taskId,
      internal: true,
      data: { due: formatJalaliYMD(input.newDueDate), reason },
    });
    await notify(ctx.tx, deps, await secretariatOf(ctx.tx, ctx.task.workingGroupId), {
      key: "task-notice-secretariat-extension",
      args: noticeArgs(ctx.task, (locale) => ({
        current: formatJalaliDate(ctx.task.dueAt, locale, { monthName: true }),
        requested: formatJalaliDate(newDueAt, locale, { monthName: true }),
        reason,
      })),
      dedupeKey: `extension:${extension.id}:requested`,
      buttons: [
        [
          { labelKey: "task-button-approve", callback: `t:xa:${extension.id}` },
          { labelKey: "task-button-refuse-extension", callback: `t:xr:${extension.id}` },
        ],
        [openTaskButton(taskId)],
      ],
    });
    return { extensionId: extension.id };
  });
}

/** The agency refuses the task; the written reasons go to the secretariat and the producer. */
export async function refuseTask(deps: TaskActionDeps, userId: number, taskId: number, input: { reason: string }): Promise<void> {
  const reason = parse(textSchema(REFUSAL_MIN), input.reason);
  await runTaskAction(deps, { taskId, userId, action: "refuse", side: "agency" }, async (ctx) => {
    await ctx.tx.task.update({
      where: { id: taskId },
      data: { status: ctx.to, refusalReason: reason, completedAt: ctx.now, ...claimIfUnassigned(ctx) },
    });
    const event = await appendEvent(ctx.tx, { caseId: ctx.task.caseId, actorId: userId, type: "task_refused", taskId, data: { reason } });
    const args = noticeArgs(ctx.task, () => ({ reason }));
    const dedupeKey = `task:${taskId}:ev:${event.id}`;
    await notify(ctx.tx, deps, await secretariatOf(ctx.tx, ctx.task.workingGroupId), {
      key: "task-notice-secretariat-refused",
      args,
      dedupeKey,
      kind: "ALERT",
      buttons: [[openCaseButton(ctx.task.caseId)]],
    });
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], { key: "task-notice-producer-refused", args, dedupeKey });
  });
}

/** An agency head gives the task to another official of the same agency. */
export async function reassignTask(deps: TaskActionDeps, userId: number, taskId: number, officialId: number): Promise<void> {
  await runTaskAction(deps, { taskId, userId, action: "reassign", side: "agency" }, async (ctx) => {
    if (!ctx.actor.agencyHead) throw new TaskActionError("forbidden");
    const target = await ctx.tx.membership.findFirst({
      where: { userId: officialId, agencyId: ctx.task.agencyId, workingGroupId: ctx.task.workingGroupId, role: "OFFICIAL", revokedAt: null },
      select: { user: { select: { id: true, telegramId: true, language: true, firstName: true, lastName: true } } },
    });
    if (!target) throw new TaskActionError("not_an_official");
    const previous = ctx.task.officialId;
    if (previous === officialId) return;
    await ctx.tx.task.update({ where: { id: taskId }, data: { officialId } });
    const name = fullName(target.user);
    const event = await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_reassigned",
      taskId,
      internal: true,
      data: { official: name },
    });
    const dedupeKey = `task:${taskId}:ev:${event.id}`;
    const args = noticeArgs(ctx.task, (locale) => ({ due: formatJalaliDate(ctx.task.dueAt, locale, { monthName: true }), official: name }));
    if (officialId !== userId) {
      await notify(ctx.tx, deps, [recipientOf(target.user)], {
        key: "task-notice-official-assigned",
        args,
        dedupeKey,
        buttons: [[openTaskButton(taskId)]],
      });
    }
    if (previous !== null && previous !== userId) {
      const before = await ctx.tx.user.findUnique({ where: { id: previous }, select: { id: true, telegramId: true, language: true } });
      if (before) {
        await notify(ctx.tx, deps, [recipientOf(before)], {
          key: "task-notice-official-unassigned",
          args,
          dedupeKey,
        });
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The secretariat's decisions

/**
 * Confirms a reported completion: the task is done; the agency is told, the producer is asked
 * whether it helped. When no other task of the case is open, the rest of the secretariat is
 * told the case can be resolved (resolving is the secretariat's own step).
 */
export async function confirmTask(deps: TaskActionDeps, userId: number, taskId: number): Promise<{ caseHasOpenTasks: boolean }> {
  return runTaskAction(deps, { taskId, userId, action: "confirm", side: "secretariat" }, async (ctx) => {
    await ctx.tx.task.update({ where: { id: taskId }, data: { status: ctx.to } });
    const event = await appendEvent(ctx.tx, { caseId: ctx.task.caseId, actorId: userId, type: "task_confirmed", taskId });
    const dedupeKey = `task:${taskId}:ev:${event.id}`;
    const args = noticeArgs(ctx.task);
    await notify(ctx.tx, deps, await taskAssignees(ctx.tx, ctx.task), { key: "task-notice-official-confirmed", args, dedupeKey });
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], {
      key: "task-notice-producer-confirmed",
      args,
      dedupeKey,
      buttons: [[1, 2, 3, 4, 5].map((score) => ({ labelKey: `rating-score-${score}`, callback: `rt:${taskId}:${score}` }))],
    });
    const openTasks = await ctx.tx.task.count({ where: { caseId: ctx.task.caseId, status: { in: OPEN_TASK_STATUSES } } });
    if (openTasks === 0) {
      const others = (await secretariatOf(ctx.tx, ctx.task.workingGroupId)).filter((r) => r.userId !== userId);
      await notify(ctx.tx, deps, others, {
        key: "task-notice-secretariat-all-done",
        args,
        dedupeKey,
        buttons: [[openCaseButton(ctx.task.caseId)]],
      });
    }
    return { caseHasOpenTasks: openTasks > 0 };
  });
}

/** Sends a reported completion back to the agency with the secretariat's reason. */
export async function sendBackTask(deps: TaskActionDeps, userId: number, taskId: number, input: { reason: string }): Promise<void> {
  const reason = parse(textSchema(TEXT_MIN), input.reason);
  await runTaskAction(deps, { taskId, userId, action: "send_back", side: "secretariat" }, async (ctx) => {
    await ctx.tx.task.update({ where: { id: taskId }, data: { status: ctx.to, completedAt: null } });
    const event = await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_sent_back",
      taskId,
      internal: true,
      data: { reason },
    });
    await notify(ctx.tx, deps, await taskAssignees(ctx.tx, ctx.task), {
      key: "task-notice-official-sent-back",
      args: noticeArgs(ctx.task, () => ({ reason })),
      dedupeKey: `task:${taskId}:ev:${event.id}`,
      buttons: [[openTaskButton(taskId)]],
    });
  });
}

/**
 * Approves (the due date moves, the schedule version is bumped, escalation starts over) or
 * refuses an extension request. The requester is told either way; the producer is told the
 * new date.
 */
export async function decideExtension(
  deps: TaskActionDeps,
  userId: number,
  extensionId: number,
  approve: boolean,
): Promise<{ taskId: number }> {
  const extension = await deps.db.extensionRequest.findUnique({ where: { id: extensionId }, select: { taskId: true } });
  if (!extension) throw new TaskActionError("not_found");
  const taskId = extension.taskId;
  await runTaskAction(deps, { taskId, userId, action: "change_due", side: "secretariat" }, async (ctx) => {
    const request = await ctx.tx.extensionRequest.findUniqueOrThrow({
      where: { id: extensionId },
      select: { status: true, newDueAt: true, reason: true, requestedBy: { select: { id: true, telegramId: true, language: true } } },
    });
    if (request.status !== "PENDING") throw new TaskActionError("already_decided");
    await ctx.tx.extensionRequest.update({
      where: { id: extensionId },
      data: { status: approve ? "APPROVED" : "REFUSED", decidedById: userId, decidedAt: ctx.now },
    });
    const args = noticeArgs(ctx.task, (locale) => ({
      current: formatJalaliDate(ctx.task.dueAt, locale, { monthName: true }),
      requested: formatJalaliDate(request.newDueAt, locale, { monthName: true }),
      reason: request.reason,
    }));
    const requester = recipientOf(request.requestedBy);
    if (!approve) {
      await appendEvent(ctx.tx, {
        caseId: ctx.task.caseId,
        actorId: userId,
        type: "task_extension_refused",
        taskId,
        internal: true,
        data: { due: formatJalaliYMD(dueDateOf(request.newDueAt)) },
      });
      await notify(ctx.tx, deps, [requester], {
        key: "task-notice-official-extension-refused",
        args,
        dedupeKey: `extension:${extensionId}:decided`,
        buttons: [[openTaskButton(taskId)]],
      });
      return;
    }
    await ctx.tx.task.update({
      where: { id: taskId },
      data: { dueAt: request.newDueAt, scheduleVersion: { increment: 1 }, escalationLevel: 0 },
    });
    await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_extension_approved",
      taskId,
      data: { due: formatJalaliYMD(dueDateOf(request.newDueAt)), previous: formatJalaliYMD(dueDateOf(ctx.task.dueAt)) },
    });
    const dedupeKey = `extension:${extensionId}:decided`;
    const agencySide = await taskAssignees(ctx.tx, ctx.task);
    if (!agencySide.some((r) => r.userId === requester.userId)) agencySide.push(requester);
    await notify(ctx.tx, deps, agencySide, {
      key: "task-notice-official-extension-approved",
      args,
      dedupeKey,
      buttons: [[openTaskButton(taskId)]],
    });
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], {
      key: "task-notice-producer-extended",
      args,
      dedupeKey,
    });
  });
  return { taskId };
}
