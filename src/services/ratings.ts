/**
 * "Did it help?": after the secretariat confirms a task done, the producer rates it 1–5 with
 * an optional comment; a case that ends resolved is rated as a whole the same way. A low rating is passed to the secretariat and, while the case is
 * resolved or closed and within REOPEN_WINDOW_DAYS, lets the producer reopen the case.
 */
import { z } from "zod";
import { shared } from "../buttons";
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { transition, type CaseStatus } from "../domain/case-lifecycle";
import { refusal } from "../domain/refusal";
import { normalizeText } from "../domain/text";
import { producerCaseScope } from "./cases";
import { lockCase } from "./case-status";
import { notify, secretariatOf } from "./notifications";
import { appendEvent } from "./timeline";
import { localName } from "../i18n";

export type RatingDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "config">;

export const LOW_RATING_MAX = 2;
export const COMMENT_MAX = 1000;
export const REOPEN_REASON_MIN = 5;

/** Why a rating is refused: the Refusal's reason, its message `rating-error-<reason>`. */
export type RatingFailure = "not_found" | "forbidden" | "invalid_input" | "cannot_reopen";

const ratingRefusal = (reason: RatingFailure) => refusal("rating-error", reason);

export const isLowRating = (score: number): boolean => score <= LOW_RATING_MAX;

const DAY_MS = 86_400_000;

/** Whether a producer may still reopen: the case was resolved or closed within the window. */
export function reopenWindowOpen(
  theCase: { resolvedAt: Date | null; closedAt: Date | null },
  now: Date,
  windowDays: number,
): boolean {
  const finishedAt = theCase.closedAt ?? theCase.resolvedAt;
  if (!finishedAt) return false;
  return now.getTime() - finishedAt.getTime() <= windowDays * DAY_MS;
}

function canProducerReopen(theCase: { status: CaseStatus; resolvedAt: Date | null; closedAt: Date | null }, deps: RatingDeps): boolean {
  const windowOpen = reopenWindowOpen(theCase, deps.now(), deps.config.REOPEN_WINDOW_DAYS);
  return transition(theCase.status, "reopen", { role: "producer", reopenWindowOpen: windowOpen }).ok;
}

const caseSelect = { id: true, trackingCode: true, status: true, resolvedAt: true, closedAt: true, workingGroupId: true } as const;

/** The done task the producer may rate (a representative of the case's unit), or an error. */
async function ratableTask(tx: Tx, userId: number, taskId: number) {
  const task = await tx.task.findUnique({
    where: { id: taskId },
    select: { id: true, status: true, agency: { select: { nameFa: true, nameEn: true } }, case: { select: caseSelect } },
  });
  if (!task) throw ratingRefusal("not_found");
  const mine = await tx.case.count({ where: { id: task.case.id, ...producerCaseScope(userId) } });
  if (mine === 0) throw ratingRefusal("forbidden");
  if (task.status !== "done") throw ratingRefusal("forbidden");
  return task;
}

export interface RatingResult {
  ratingId: number;
  low: boolean;
  /** A low rating on a case the producer may reopen now. */
  canReopen: boolean;
}

/** Stores (or changes) the producer's score for a task; a low score alerts the secretariat. */
export async function rateTask(deps: RatingDeps, userId: number, taskId: number, score: number): Promise<RatingResult> {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw ratingRefusal("invalid_input");
  const result = await deps.db.$transaction(async (tx) => {
    const task = await ratableTask(tx, userId, taskId);
    const caseId = task.case.id;
    const existing = await tx.rating.findFirst({ where: { caseId, taskId, userId }, select: { id: true, score: true } });
    if (existing?.score === score) {
      return { ratingId: existing.id, low: isLowRating(score), canReopen: isLowRating(score) && canProducerReopen(task.case, deps) };
    }
    const rating = existing
      ? await tx.rating.update({ where: { id: existing.id }, data: { score }, select: { id: true } })
      : await tx.rating.create({ data: { caseId, taskId, userId, score }, select: { id: true } });
    const event = await appendEvent(tx, { caseId, actorId: userId, type: "task_rated", taskId, data: { score } });
    if (isLowRating(score)) {
      await notify(tx, deps, await secretariatOf(tx, task.case.workingGroupId), {
        key: "rating-notice-secretariat-low",
        args: (locale) => ({ code: task.case.trackingCode, score, agency: localName(task.agency, locale) }),
        dedupeKey: `rating:${rating.id}:ev:${event.id}`,
        buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId }) }]],
      });
    }
    return { ratingId: rating.id, low: isLowRating(score), canReopen: isLowRating(score) && canProducerReopen(task.case, deps) };
  });
  deps.flushOutbox();
  return result;
}

const commentSchema = z.string().transform(normalizeText).pipe(z.string().min(1).max(COMMENT_MAX));

/** The producer's optional comment on their rating; the secretariat reads it on a low rating. */
export async function commentOnRating(deps: RatingDeps, userId: number, taskId: number, comment: string): Promise<void> {
  const parsed = commentSchema.safeParse(comment);
  if (!parsed.success) throw ratingRefusal("invalid_input");
  const text = parsed.data;
  await deps.db.$transaction(async (tx) => {
    const task = await ratableTask(tx, userId, taskId);
    const rating = await tx.rating.findFirst({ where: { caseId: task.case.id, taskId, userId }, select: { id: true, score: true } });
    if (!rating) throw ratingRefusal("not_found");
    await tx.rating.update({ where: { id: rating.id }, data: { comment: text } });
    const event = await appendEvent(tx, {
      caseId: task.case.id,
      actorId: userId,
      type: "task_rating_comment",
      taskId,
      data: { score: rating.score, comment: text },
    });
    if (isLowRating(rating.score)) {
      await notify(tx, deps, await secretariatOf(tx, task.case.workingGroupId), {
        key: "rating-notice-secretariat-comment",
        args: { code: task.case.trackingCode, score: rating.score, comment: text },
        dedupeKey: `rating:${rating.id}:ev:${event.id}`,
        buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: task.case.id }) }]],
      });
    }
  });
  deps.flushOutbox();
}

/** Reopens a case of the producer's (locked by the caller), within the window, with a reason. */
async function reopenAsProducer(tx: Tx, deps: RatingDeps, userId: number, caseId: number, text: string): Promise<{ trackingCode: string }> {
  await lockCase(tx, caseId);
  const theCase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: caseSelect });
  const windowOpen = reopenWindowOpen(theCase, deps.now(), deps.config.REOPEN_WINDOW_DAYS);
  const moved = transition(theCase.status, "reopen", { role: "producer", reopenWindowOpen: windowOpen });
  if (!moved.ok) throw ratingRefusal("cannot_reopen");
  // As the secretariat's reopen (services/triage): back in the queue, the old outcome gone.
  await tx.case.update({ where: { id: theCase.id }, data: { status: moved.to, resolvedAt: null, closedAt: null, outcome: null } });
  const event = await appendEvent(tx, { caseId: theCase.id, actorId: userId, type: "reopened", data: { reason: text } });
  await notify(tx, deps, await secretariatOf(tx, theCase.workingGroupId), {
    key: "rating-notice-secretariat-reopened",
    args: { code: theCase.trackingCode, reason: text },
    dedupeKey: `case:${theCase.id}:ev:${event.id}`,
    kind: "ALERT",
    buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: theCase.id }) }]],
  });
  return { trackingCode: theCase.trackingCode };
}

function reopenReason(reason: string): string {
  const parsed = z.string().transform(normalizeText).pipe(z.string().min(REOPEN_REASON_MIN).max(COMMENT_MAX)).safeParse(reason);
  if (!parsed.success) throw ratingRefusal("invalid_input");
  return parsed.data;
}

/**
 * Reopens the case of a task the producer rated low ("reopen" of the case state machine, for
 * producers only within the reopen window), with the producer's reason; tells the secretariat.
 */
export async function reopenAfterRating(deps: RatingDeps, userId: number, taskId: number, reason: string): Promise<{ trackingCode: string }> {
  const text = reopenReason(reason);
  const result = await deps.db.$transaction(async (tx) => {
    const task = await ratableTask(tx, userId, taskId);
    return reopenAsProducer(tx, deps, userId, task.case.id, text);
  });
  deps.flushOutbox();
  return result;
}

// ---------------------------------------------------------------------------------------------
// The case itself: every case that ends resolved can be rated and, within the window, reopened
// from the producer's card or the "resolved" notice (not only after a confirmed task).

/** A case of the producer's units, or a refusal. */
async function ownFinishedCase(tx: Tx, userId: number, caseId: number) {
  const theCase = await tx.case.findFirst({ where: { id: caseId, ...producerCaseScope(userId) }, select: caseSelect });
  if (!theCase) throw ratingRefusal("not_found");
  return theCase;
}

/** What the producer's card offers on a finished case: rate it (once), reopen it (in the window). */
export async function caseFollowUp(deps: Pick<RatingDeps, "db" | "now" | "config">, userId: number, caseId: number): Promise<{ canRate: boolean; canReopen: boolean; score: number | null }> {
  const theCase = await deps.db.case.findFirst({ where: { id: caseId, ...producerCaseScope(userId) }, select: caseSelect });
  if (!theCase || (theCase.status !== "resolved" && theCase.status !== "closed")) return { canRate: false, canReopen: false, score: null };
  const rating = await deps.db.rating.findFirst({ where: { caseId, taskId: null, userId }, select: { score: true } });
  return { canRate: true, canReopen: canProducerReopen(theCase, deps as RatingDeps), score: rating?.score ?? null };
}

/** "Did it help?" for the case as a whole (taskId null): stored or changed; low scores alert. */
export async function rateCase(deps: RatingDeps, userId: number, caseId: number, score: number): Promise<RatingResult & { trackingCode: string }> {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw ratingRefusal("invalid_input");
  const result = await deps.db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const theCase = await ownFinishedCase(tx, userId, caseId);
    if (theCase.status !== "resolved" && theCase.status !== "closed") throw ratingRefusal("forbidden");
    const existing = await tx.rating.findFirst({ where: { caseId, taskId: null, userId }, select: { id: true, score: true } });
    const canReopen = isLowRating(score) && canProducerReopen(theCase, deps);
    if (existing?.score === score) return { ratingId: existing.id, low: isLowRating(score), canReopen, trackingCode: theCase.trackingCode };
    const rating = existing
      ? await tx.rating.update({ where: { id: existing.id }, data: { score }, select: { id: true } })
      : await tx.rating.create({ data: { caseId, taskId: null, userId, score }, select: { id: true } });
    const event = await appendEvent(tx, { caseId, actorId: userId, type: "case_rated", data: { score } });
    if (isLowRating(score)) {
      await notify(tx, deps, await secretariatOf(tx, theCase.workingGroupId), {
        key: "rating-notice-secretariat-low-case",
        args: { code: theCase.trackingCode, score },
        dedupeKey: `rating:${rating.id}:ev:${event.id}`,
        buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId }) }]],
      });
    }
    return { ratingId: rating.id, low: isLowRating(score), canReopen, trackingCode: theCase.trackingCode };
  });
  deps.flushOutbox();
  return result;
}

/** The reopen the "resolved" notice promises: the producer's own case, in the window, with a reason. */
export async function reopenOwnCase(deps: RatingDeps, userId: number, caseId: number, reason: string): Promise<{ trackingCode: string }> {
  const text = reopenReason(reason);
  const result = await deps.db.$transaction(async (tx) => {
    await ownFinishedCase(tx, userId, caseId);
    return reopenAsProducer(tx, deps, userId, caseId, text);
  });
  deps.flushOutbox();
  return result;
}
