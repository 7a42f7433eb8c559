/**
 * The closing paths of a case — duplicate, reject, resolve, close — and reopening. Closing a
 * case cancels the agency work still running on it (its officials are told).
 */
import { producer } from "../../buttons";
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { isRejectReason, type RejectReason } from "../../domain/reject-reasons";
import { needsReminders, taskTransition, type TaskStatus } from "../../domain/task-lifecycle";
import { formatTrackingCode, parseTrackingCode } from "../../domain/tracking-code";
import { triageRole } from "../authz";
import { notify } from "../notifications";
import { taskAssignees } from "../tasks";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import {
  act,
  cleanText,
  OUTCOME_MAX,
  OUTCOME_MIN,
  REASON_TEXT_MAX,
  REASON_TEXT_MIN,
  RESPONSIBLE_MAX,
  RESPONSIBLE_MIN,
  tellProducer,
  triageRefusal,
  type LockedCase,
  type TriageDeps,
  type TriageResult,
} from "./act";

/** Cancels the agency work still running on a case that no longer needs it; officials are told. */
async function cancelRunningTasks(tx: Tx, deps: Pick<Deps, "t">, row: LockedCase, actorId: number, touched: number[]): Promise<number> {
  const tasks = await tx.task.findMany({
    where: { caseId: row.id },
    select: { id: true, status: true, agencyId: true, officialId: true },
  });
  let cancelled = 0;
  for (const task of tasks) {
    const status = task.status as TaskStatus;
    if (!needsReminders(status)) continue;
    const move = taskTransition(status, "cancel", "system");
    if (!move.ok) continue;
    await tx.task.update({ where: { id: task.id }, data: { status: move.to } });
    touched.push(task.id);
    await appendEvent(tx, { caseId: row.id, actorId, type: "task_cancelled", taskId: task.id, internal: true });
    await notify(tx, deps, await taskAssignees(tx, task), {
      key: "triage-notice-task-cancelled",
      args: { code: row.trackingCode },
      dedupeKey: `task:${task.id}:cancelled`,
      kind: "NOTICE",
    });
    cancelled += 1;
  }
  return cancelled;
}

/** Finds the original by tracking code, in the same working group as the duplicate. */
async function findOriginal(db: Tx | Deps["db"], duplicate: { id: number; workingGroupId: number }, code: string) {
  const parsed = parseTrackingCode(code);
  if (!parsed) throw triageRefusal("duplicate_not_found");
  let trackingCode: string;
  try {
    trackingCode = formatTrackingCode(parsed.workingGroupCode, parsed.jalaliYear, parsed.sequence);
  } catch {
    throw triageRefusal("duplicate_not_found");
  }
  const original = await db.case.findFirst({
    where: { trackingCode, workingGroupId: duplicate.workingGroupId },
    select: { id: true, trackingCode: true, status: true, duplicateOf: { select: { id: true, trackingCode: true } } },
  });
  if (!original) throw triageRefusal("duplicate_not_found");
  // A duplicate of a duplicate points at the first case, so chains never form.
  const root = original.status === "duplicate" && original.duplicateOf ? original.duplicateOf : original;
  if (root.id === duplicate.id) throw triageRefusal("duplicate_self");
  return root;
}

/** Checks a typed tracking code before the confirmation (the action checks it again). */
export async function previewDuplicate(deps: Pick<Deps, "db">, actor: SessionUser, caseId: number, code: string): Promise<string> {
  const row = await deps.db.case.findUnique({ where: { id: caseId }, select: { id: true, workingGroupId: true } });
  if (!row || !triageRole(actor, row.workingGroupId)) throw triageRefusal("not_found");
  return (await findOriginal(deps.db, row, code)).trackingCode;
}

/** Marks the case as a duplicate of another of the same working group (by tracking code). */
export async function markDuplicate(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: { originalCode: string },
): Promise<TriageResult & { originalCode: string }> {
  return act(deps, actor, caseId, "mark_duplicate", async ({ tx, row, now, touchedTasks }) => {
    const original = await findOriginal(tx, row, input.originalCode);
    await tx.case.update({ where: { id: row.id }, data: { duplicateOfId: original.id, closedAt: now } });
    await cancelRunningTasks(tx, deps, row, actor.id, touchedTasks);
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "marked_duplicate", data: { original: original.trackingCode } });
    await tellProducer(tx, deps, row, event.id, "triage-notice-duplicate", () => ({ original: original.trackingCode }));
    return { originalCode: original.trackingCode };
  });
}

export interface RejectInput {
  reason: RejectReason;
  /** not_in_remit: who is responsible instead (free text); other: the reason itself. */
  text?: string | null;
}

/** Rejects the case with a reason; "not within the remit" names who is responsible instead. */
export async function rejectCase(deps: TriageDeps, actor: SessionUser, caseId: number, input: RejectInput): Promise<TriageResult> {
  if (!isRejectReason(input.reason)) throw triageRefusal("invalid_reason");
  let text = "";
  if (input.reason === "not_in_remit") text = cleanText(input.text ?? "", RESPONSIBLE_MIN, RESPONSIBLE_MAX);
  else if (input.reason === "other") text = cleanText(input.text ?? "", REASON_TEXT_MIN, REASON_TEXT_MAX);
  else if (input.text) text = cleanText(input.text, 0, REASON_TEXT_MAX);
  return act(deps, actor, caseId, "reject", async ({ tx, row, now, touchedTasks }) => {
    await tx.case.update({ where: { id: row.id }, data: { closedAt: now } });
    await cancelRunningTasks(tx, deps, row, actor.id, touchedTasks);
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "rejected", data: { reason: input.reason, text } });
    await tellProducer(tx, deps, row, event.id, input.reason === "not_in_remit" ? "triage-notice-rejected-remit" : "triage-notice-rejected", (locale) => ({
      reason: deps.t(locale, `triage-reject-reason-${input.reason}`),
      text,
    }));
    return {};
  });
}

/** Closes the case as resolved with its outcome; the producer is told (and may reopen). */
export async function resolveCase(deps: TriageDeps, actor: SessionUser, caseId: number, input: { outcome: string }): Promise<TriageResult> {
  const outcome = cleanText(input.outcome, OUTCOME_MIN, OUTCOME_MAX);
  return act(deps, actor, caseId, "resolve", async ({ tx, row, now, touchedTasks }) => {
    await tx.case.update({ where: { id: row.id }, data: { outcome, resolvedAt: now } });
    await cancelRunningTasks(tx, deps, row, actor.id, touchedTasks);
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "resolved", data: { outcome } });
    // The notice keeps its promise: "did it help?" and the reopen it mentions, one tap away.
    const scores = (["1", "2", "3", "4", "5"] as const).map((score) => ({ labelKey: `rating-score-${score}`, callback: producer.caseRate.pack({ caseId: row.id, score }) }));
    await tellProducer(
      tx,
      deps,
      row,
      event.id,
      "triage-notice-resolved",
      () => ({ outcome, days: deps.config.REOPEN_WINDOW_DAYS }),
      [scores, [{ labelKey: "cases-reopen", callback: producer.caseReopen.pack({ caseId: row.id }) }]],
    );
    return {};
  });
}

/** Archives a resolved case. */
export async function closeCase(deps: TriageDeps, actor: SessionUser, caseId: number): Promise<TriageResult> {
  return act(deps, actor, caseId, "close", async ({ tx, row, now }) => {
    await tx.case.update({ where: { id: row.id }, data: { closedAt: now } });
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "closed" });
    await tellProducer(tx, deps, row, event.id, "triage-notice-closed");
    return {};
  });
}

/** Back to the queue (resolved, closed or rejected → submitted). */
export async function reopenCase(deps: TriageDeps, actor: SessionUser, caseId: number, input: { reason?: string | null } = {}): Promise<TriageResult> {
  const reason = input.reason ? cleanText(input.reason, 0, REASON_TEXT_MAX) : "";
  return act(deps, actor, caseId, "reopen", async ({ tx, row }) => {
    await tx.case.update({ where: { id: row.id }, data: { resolvedAt: null, closedAt: null, outcome: null } });
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "reopened", data: { reason } });
    await tellProducer(tx, deps, row, event.id, "triage-notice-reopened");
    return {};
  });
}
