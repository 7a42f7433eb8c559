/** The secretariat's decisions on a task: a reported completion, an extension request. */
import { shared } from "../../buttons";
import { formatJalaliDate, formatJalaliYMD } from "../../domain/jalali";
import { notify, recipientOf, secretariatOf } from "../notifications";
import { moveOnMilestoneDone } from "../restart-plans/progress";
import { dueDateOf, OPEN_TASK_STATUSES, producerOfCase, taskAssignees } from "../tasks";
import { appendEvent } from "../timeline";
import { noticeArgs, openCaseButton, openTaskButton, parse, runTaskAction, taskRefusal, textSchema, TEXT_MIN, type TaskActionDeps } from "./run";

const RATING_SCORES = ["1", "2", "3", "4", "5"] as const;

/**
 * Confirms a reported completion: the task is done; the agency is told, the producer is asked
 * whether it helped. When no other task of the case is open, the rest of the secretariat is
 * told the case can be resolved (resolving is the secretariat's own step).
 */
export async function confirmTask(deps: TaskActionDeps, userId: number, taskId: number): Promise<{ caseHasOpenTasks: boolean }> {
  return runTaskAction(deps, { taskId, userId, action: "confirm", side: "secretariat" }, async (ctx) => {
    await ctx.tx.task.update({ where: { id: taskId }, data: { status: ctx.to } });
    const event = await appendEvent(ctx.tx, { caseId: ctx.task.caseId, actorId: userId, type: "task_confirmed", taskId });
    // A restart plan's milestone that moves its unit (idle → semi-active → active) moves it now.
    await moveOnMilestoneDone(ctx.tx, deps, taskId, userId, ctx.now);
    const dedupeKey = `task:${taskId}:ev:${event.id}`;
    const args = noticeArgs(ctx.task);
    await notify(ctx.tx, deps, await taskAssignees(ctx.tx, ctx.task), { key: "task-notice-official-confirmed", args, dedupeKey });
    await notify(ctx.tx, deps, [await producerOfCase(ctx.tx, ctx.task.caseId)], {
      key: "task-notice-producer-confirmed",
      args,
      dedupeKey,
      buttons: [RATING_SCORES.map((score) => ({ labelKey: `rating-score-${score}`, callback: shared.rateTask.pack({ taskId, score }) }))],
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
  if (!extension) throw taskRefusal("not_found");
  const taskId = extension.taskId;
  await runTaskAction(deps, { taskId, userId, action: "change_due", side: "secretariat" }, async (ctx) => {
    const request = await ctx.tx.extensionRequest.findUniqueOrThrow({
      where: { id: extensionId },
      select: { status: true, newDueAt: true, reason: true, requestedBy: { select: { id: true, telegramId: true, language: true } } },
    });
    if (request.status !== "PENDING") throw taskRefusal("already_decided");
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
