/** The agency's actions on a task: its officials, and its heads for reassigning. */
import { z } from "zod";
import { tasks as buttons } from "../../buttons";
import { formatJalaliDate, formatJalaliYMD, endOfJalaliDay, type JalaliDate } from "../../domain/jalali";
import { formatAmount } from "../../domain/money";
import { isLoanTask, REPORT_TOPICS } from "../../domain/report-topics";
import { fullName, normalizeInput } from "../../domain/text";
import type { DraftAttachment } from "../cases";
import { notify, recipientOf, secretariatOf } from "../notifications";
import { producerOfCase } from "../tasks";
import { appendEvent } from "../timeline";
import {
  attachmentsSchema,
  claimIfUnassigned,
  LETTER_NUMBER_MAX,
  noticeArgs,
  openCaseButton,
  openTaskButton,
  parse,
  REFUSAL_MIN,
  runTaskAction,
  saveAttachments,
  startCaseProgress,
  taskRefusal,
  textSchema,
  TEXT_MIN,
  type TaskActionDeps,
} from "./run";

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

/**
 * A bank's answer on a loan task (a bank's task on a financing case, isLoanTask), given with the
 * completion: the amount approved in rials, or refused with the written reasons.
 */
export type LoanInput = { decision: "approved"; amountRials: bigint } | { decision: "refused"; reasons: string };

export interface CompletionInput {
  letterNumber?: string | null;
  text: string;
  attachments?: DraftAttachment[];
  /** Only for a loan task; omitted: no decision recorded. */
  loan?: LoanInput | null;
}

/** The largest amount a loan decision records (10^18 rials; a bigint column holds 9.2 × 10^18). */
export const LOAN_AMOUNT_MAX = 10n ** 18n;

function loanFields(input: LoanInput | null | undefined) {
  if (!input) return { loanDecision: null, loanAmountRials: null, loanRefusalReasons: null };
  if (input.decision === "approved") {
    if (input.amountRials <= 0n || input.amountRials > LOAN_AMOUNT_MAX) throw taskRefusal("invalid_input");
    return { loanDecision: "approved" as const, loanAmountRials: input.amountRials, loanRefusalReasons: null };
  }
  return { loanDecision: "refused" as const, loanAmountRials: null, loanRefusalReasons: parse(textSchema(REFUSAL_MIN), input.reasons) };
}

/** The loan line of the completion notice, in the reader's language. */
function loanLine(deps: TaskActionDeps, locale: "fa" | "en", loan: ReturnType<typeof loanFields>): string {
  if (loan.loanDecision === "approved") return "\n" + deps.t(locale, "report-loan-notice-approved", { amount: formatAmount(loan.loanAmountRials, locale) });
  if (loan.loanDecision === "refused") return "\n" + deps.t(locale, "report-loan-notice-refused", { reasons: loan.loanRefusalReasons });
  return "";
}

/** The agency reports the task done; the secretariat confirms or sends it back. */
export async function completeTask(deps: TaskActionDeps, userId: number, taskId: number, input: CompletionInput): Promise<void> {
  const text = parse(textSchema(TEXT_MIN), input.text);
  // A letter number is looked up later: its digits are stored Latin, whatever was typed.
  const letter = input.letterNumber ? parse(z.string().transform(normalizeInput).pipe(z.string().min(1).max(LETTER_NUMBER_MAX)), input.letterNumber) : null;
  const files = parse(attachmentsSchema, input.attachments ?? []);
  const loan = loanFields(input.loan);
  await runTaskAction(deps, { taskId, userId, action: "complete", side: "agency" }, async (ctx) => {
    if (loan.loanDecision !== null) {
      const facts = await ctx.tx.task.findUnique({ where: { id: taskId }, select: { agency: { select: { kind: true } }, case: { select: { category: true, subcategory: true } } } });
      if (!facts || !isLoanTask(REPORT_TOPICS, facts.agency.kind, facts.case.category, facts.case.subcategory)) throw taskRefusal("invalid_input");
    }
    await ctx.tx.task.update({
      where: { id: taskId },
      data: { status: ctx.to, completionNote: text, letterNumber: letter, completedAt: ctx.now, ...loan, ...claimIfUnassigned(ctx) },
    });
    const event = await appendEvent(ctx.tx, {
      caseId: ctx.task.caseId,
      actorId: userId,
      type: "task_completed",
      taskId,
      data: { text, letter: letter ?? "-", files: files.length, ...(loan.loanDecision ? { loan: loan.loanDecision, amount: loan.loanAmountRials?.toString() ?? "-" } : {}) },
    });
    await saveAttachments(ctx, event.id, files);
    const dedupeKey = `task:${taskId}:ev:${event.id}`;
    const args = noticeArgs(ctx.task, (locale) => ({ text: text + loanLine(deps, locale, loan), letter: letter ?? deps.t(locale, "task-letter-none"), files: files.length }));
    await notify(ctx.tx, deps, await secretariatOf(ctx.tx, ctx.task.workingGroupId), {
      key: "task-notice-secretariat-completed",
      args,
      dedupeKey,
      buttons: [
        [
          { labelKey: "task-button-confirm", callback: buttons.confirm.pack({ taskId }) },
          { labelKey: "task-button-send-back", callback: buttons.sendBack.pack({ taskId }) },
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
      throw taskRefusal("invalid_input");
    }
    const pending = await ctx.tx.extensionRequest.count({ where: { taskId, status: "PENDING" } });
    if (pending > 0) throw taskRefusal("extension_pending");
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
          { labelKey: "task-button-approve", callback: buttons.approveExtension.pack({ extensionId: extension.id }) },
          { labelKey: "task-button-refuse-extension", callback: buttons.refuseExtension.pack({ extensionId: extension.id }) },
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
    if (!ctx.actor.agencyHead) throw taskRefusal("forbidden");
    const target = await ctx.tx.membership.findFirst({
      where: { userId: officialId, agencyId: ctx.task.agencyId, workingGroupId: ctx.task.workingGroupId, role: "OFFICIAL", revokedAt: null },
      select: { user: { select: { id: true, telegramId: true, language: true, firstName: true, lastName: true } } },
    });
    if (!target) throw taskRefusal("not_an_official");
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
