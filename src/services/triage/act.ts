/**
 * The frame every secretariat action on a case runs in: lock the case row, re-check that the
 * actor works the case's working group, ask the case state machine (transition) whether the
 * action is allowed from the current status, run the action's body, commit, flush the outbox
 * and bring the reminders of the tasks it touched in line. Refusals are `triage-error-<reason>`.
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { transition, type CaseAction, type CaseStatus } from "../../domain/case-lifecycle";
import { formatJalaliDate } from "../../domain/jalali";
import { refusal, type Refusal } from "../../domain/refusal";
import { normalizeText } from "../../domain/text";
import type { Urgency } from "../../domain/urgency";
import type { Locale } from "../../i18n";
import { triageRole } from "../authz";
import { lockCase } from "../case-status";
import { resumeCaseClocks } from "../clock-pauses";
import { notify, recipientOf, type Notice, type NoticeButton } from "../notifications";
import type { SessionUser } from "../users";

export const QUESTION_MIN = 5;
export const QUESTION_MAX = 1000;
export const NOTE_MAX = 2000;
export const OUTCOME_MIN = 5;
export const OUTCOME_MAX = 1000;
export const RESPONSIBLE_MIN = 2;
export const RESPONSIBLE_MAX = 200;
export const REASON_TEXT_MIN = 5;
export const REASON_TEXT_MAX = 500;
/** A due date further away than this is almost certainly a typo (wrong year). */
export const DUE_MAX_DAYS_AHEAD = 366;

export type TriageRefusalReason =
  | "not_found"
  | "forbidden"
  | "illegal_transition"
  | "invalid_text"
  | "invalid_date"
  | "past_date"
  | "far_date"
  | "invalid_agency"
  | "invalid_official"
  | "invalid_category"
  | "invalid_urgency"
  | "invalid_reason"
  | "duplicate_not_found"
  | "duplicate_self"
  /** The case is finished: nobody is waited on any more, no clock can be paused. */
  | "case_finished";

/** A refused triage action; the bot shows `triage-error-<reason>`. */
export const triageRefusal = (reason: TriageRefusalReason, args?: Record<string, string | number>): Refusal =>
  refusal("triage-error", reason, args);

export type TriageDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler" | "config" | "policies" | "logger">;

const caseSelect = {
  id: true,
  trackingCode: true,
  workingGroupId: true,
  status: true,
  category: true,
  subcategory: true,
  urgency: true,
  urgencyOverridden: true,
  irreversibleAt: true,
  description: true,
  unit: { select: { name: true } },
  reporter: { select: { id: true, telegramId: true, language: true } },
} as const;

export interface LockedCase {
  id: number;
  trackingCode: string;
  workingGroupId: number;
  status: CaseStatus;
  category: string;
  subcategory: string | null;
  urgency: Urgency;
  urgencyOverridden: boolean;
  irreversibleAt: Date | null;
  description: string;
  unit: { name: string };
  reporter: { id: number; telegramId: string; language: string };
}

export interface ActionContext {
  tx: Tx;
  row: LockedCase;
  /** The status the action leads to (the current one for actions that only record). */
  to: CaseStatus;
  now: Date;
  /** Tasks whose status changed: their reminder jobs are brought in line after the commit. */
  touchedTasks: number[];
}

export interface TriageResult {
  caseId: number;
  trackingCode: string;
  status: CaseStatus;
}

/**
 * Runs one action: locks the case row (two secretariat members acting at once are serialised),
 * checks the actor's scope, `guard` (a refusal of its own before the state machine's), and the
 * transition, runs `body`, commits, flushes the outbox. A case that stops waiting on its
 * producer resumes its agencies' clocks (src/services/clock-pauses.ts).
 */
export async function act<T extends object>(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  action: CaseAction,
  body: (ctx: ActionContext) => Promise<T>,
  guard?: (row: LockedCase) => void,
): Promise<TriageResult & T> {
  const touchedTasks: number[] = [];
  const result = await deps.db.$transaction(async (tx) => actInTransaction(tx, deps, actor, caseId, action, body, touchedTasks, guard));
  deps.flushOutbox();
  // After the commit; never throws (the worker's reconciliation catches up on a failure).
  for (const taskId of new Set(touchedTasks)) await deps.scheduler.syncTaskReminders(taskId);
  return result;
}

/**
 * One action inside the caller's transaction (act's body, and a batch's per case): every
 * refusal (not found, another group, the state machine's) is thrown before anything is
 * written, so a batch may skip the case and go on. The caller commits, flushes the outbox and
 * syncs the reminders of `touchedTasks`.
 */
export async function actInTransaction<T extends object>(
  tx: Tx,
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  action: CaseAction,
  body: (ctx: ActionContext) => Promise<T>,
  touchedTasks: number[],
  guard?: (row: LockedCase) => void,
): Promise<TriageResult & T> {
  await lockCase(tx, caseId);
  const row = (await tx.case.findUnique({ where: { id: caseId }, select: caseSelect })) as LockedCase | null;
  if (!row) throw triageRefusal("not_found");
  const role = triageRole(actor, row.workingGroupId);
  if (!role) throw triageRefusal("forbidden");
  guard?.(row);
  const move = transition(row.status, action, { role });
  if (!move.ok) throw triageRefusal(move.reason);
  const now = deps.now();
  const extra = await body({ tx, row, to: move.to, now, touchedTasks });
  if (row.status === "needs_info" && move.to !== "needs_info") {
    const input = { caseId: row.id, trackingCode: row.trackingCode, waitingOn: "producer" as const, actorId: actor.id, now };
    touchedTasks.push(...(await resumeCaseClocks(tx, deps, input)));
  }
  if (move.to !== row.status) await tx.case.update({ where: { id: row.id }, data: { status: move.to } });
  return { caseId: row.id, trackingCode: row.trackingCode, status: move.to, ...extra };
}

export function cleanText(input: string, min: number, max: number): string {
  const text = normalizeText(input);
  if (text.length < min || text.length > max) throw triageRefusal("invalid_text");
  return text;
}

/** Tells the reporter, in the reporter's language, with the tracking code. */
export async function tellProducer(
  tx: Tx,
  deps: Pick<Deps, "t">,
  row: LockedCase,
  eventId: number,
  key: string,
  args: (locale: Locale) => Record<string, string | number> = () => ({}),
  buttons?: NoticeButton[][],
): Promise<void> {
  const notice: Notice = {
    key,
    args: (locale) => ({ code: row.trackingCode, ...args(locale) }),
    dedupeKey: `case:${row.id}:event:${eventId}`,
    kind: "NOTICE",
    ...(buttons ? { buttons } : {}),
  };
  await notify(tx, deps, [recipientOf(row.reporter)], notice);
}

export const dueLabel = (dueAt: Date, locale: Locale) => formatJalaliDate(dueAt, locale, { weekday: true, monthName: true });
