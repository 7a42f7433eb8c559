/**
 * The secretariat's actions on a case. Each function re-checks that the actor works the case's
 * working group, asks the case state machine (transition) whether the action is allowed from
 * the current status, appends a timeline event, and writes the notices (producer, officials)
 * in the same transaction; the outbox is flushed after the commit.
 */
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { transition, type CaseAction, type CaseStatus } from "../domain/case-lifecycle";
import { CATEGORY_IDS, isSubcategoryOf, type CategoryId } from "../domain/categories";
import {
  compareJalali,
  endOfJalaliDay,
  formatJalaliDate,
  formatJalaliYMD,
  parseJalaliDate,
  todayInTehran,
  type JalaliDate,
} from "../domain/jalali";
import { needsReminders, taskTransition, type TaskStatus } from "../domain/task-lifecycle";
import { fullName, normalizeText, toPersianDigits, truncate } from "../domain/text";
import { parseTrackingCode, formatTrackingCode } from "../domain/tracking-code";
import { computeUrgency, URGENCIES, type Urgency } from "../domain/urgency";
import { nextWorkingMoment } from "../domain/working-calendar";
import { type Locale, localName } from "../i18n";
import { triageRole } from "./authz";
import { lockCase } from "./case-status";
import { notify, recipientOf, type Notice, type NoticeButton, type Recipient } from "./notifications";
import { createTask, taskAssignees } from "./tasks";
import { addTimer } from "../jobs/queues";
import { syncTaskRemindersSafely } from "../jobs/reminders";
import { appendEvent } from "./timeline";
import type { SessionUser } from "./users";

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

export const REJECT_REASONS = [
  "not_in_remit",
  "not_production_obstacle",
  "insufficient_info",
  "already_resolved",
  "judicial",
  "other",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export function isRejectReason(value: string): value is RejectReason {
  return (REJECT_REASONS as readonly string[]).includes(value);
}

export type TriageErrorCode =
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
  | "duplicate_self";

export class TriageError extends Error {
  override name = "TriageError";
  constructor(readonly code: TriageErrorCode) {
    super(code);
  }
}

type TriageDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "queues" | "config" | "policies" | "logger">;

/** The callback the producer's "Answer" button carries (the cases feature's add-info flow). */
export const answerCallback = (caseId: number) => `cases:addinfo:${caseId}`;

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

interface LockedCase {
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

interface ActionContext {
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
 * checks the actor's scope and the transition, runs `body`, commits, flushes the outbox.
 */
async function act<T extends object>(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  action: CaseAction,
  body: (ctx: ActionContext) => Promise<T>,
): Promise<TriageResult & T> {
  const touchedTasks: number[] = [];
  const result = await deps.db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const row = (await tx.case.findUnique({ where: { id: caseId }, select: caseSelect })) as LockedCase | null;
    if (!row) throw new TriageError("not_found");
    const role = triageRole(actor, row.workingGroupId);
    if (!role) throw new TriageError("forbidden");
    const move = transition(row.status, action, { role });
    if (!move.ok) throw new TriageError(move.reason);
    const extra = await body({ tx, row, to: move.to, now: deps.now(), touchedTasks });
    if (move.to !== row.status) await tx.case.update({ where: { id: row.id }, data: { status: move.to } });
    return { caseId: row.id, trackingCode: row.trackingCode, status: move.to, ...extra };
  });
  deps.flushOutbox();
  for (const taskId of touchedTasks) await syncTaskRemindersSafely(deps, taskId);
  return result;
}

function cleanText(input: string, min: number, max: number): string {
  const text = normalizeText(input);
  if (text.length < min || text.length > max) throw new TriageError("invalid_text");
  return text;
}

/** Tells the reporter, in the reporter's language, with the tracking code. */
async function tellProducer(
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

const dueLabel = (dueAt: Date, locale: Locale) => formatJalaliDate(dueAt, locale, { weekday: true, monthName: true });

// ---------------------------------------------------------------------------------------------
// Take, ask, answer

/** The actor takes the case (ownership); the producer hears it is being reviewed. */
export async function takeCase(deps: TriageDeps, actor: SessionUser, caseId: number): Promise<TriageResult> {
  return act(deps, actor, caseId, "take", async ({ tx, row }) => {
    await tx.case.update({ where: { id: row.id }, data: { takenById: actor.id } });
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "taken" });
    await tellProducer(tx, deps, row, event.id, "triage-notice-taken");
    return {};
  });
}

export const needsInfoReminderJobId = (caseId: number, eventId: number) => `needs-info-${caseId}-${eventId}`;

/** Asks the producer a question; the case waits in needs_info until the answer comes. */
export async function requestInformation(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: { question: string },
): Promise<TriageResult & { eventId: number }> {
  const question = cleanText(input.question, QUESTION_MIN, QUESTION_MAX);
  const result = await act(deps, actor, caseId, "ask_info", async ({ tx, row }) => {
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "info_requested", data: { question } });
    await tellProducer(tx, deps, row, event.id, "triage-notice-info-requested", () => ({ question }), [
      [{ labelKey: "triage-button-answer", callback: answerCallback(row.id) }],
    ]);
    return { eventId: event.id };
  });
  await scheduleNeedsInfoReminder(deps, caseId, result.eventId).catch((error: unknown) => {
    deps.logger.warn({ err: error, caseId }, "could not schedule the needs-info reminder");
  });
  return result;
}

/** When the producer is reminded of an unanswered question: N days on, at a working moment. */
export function needsInfoReminderAt(askedAt: Date, days: number, calendar: Parameters<typeof nextWorkingMoment>[1]): Date {
  return nextWorkingMoment(new Date(askedAt.getTime() + days * 24 * 3_600_000), calendar);
}

export async function scheduleNeedsInfoReminder(
  deps: Pick<Deps, "queues" | "config" | "policies" | "now">,
  caseId: number,
  eventId: number,
): Promise<Date> {
  const now = deps.now();
  const at = needsInfoReminderAt(now, deps.config.NEEDS_INFO_REMINDER_DAYS, deps.policies.calendar);
  await addTimer(deps.queues, { type: "needs-info-reminder", caseId, eventId }, needsInfoReminderJobId(caseId, eventId), at, now);
  return at;
}

/**
 * Timer job "needs-info-reminder": reminds the producer of the question `eventId` if the case
 * still waits for its answer (and no newer question replaced it). Safe to run twice.
 */
export async function handleNeedsInfoReminder(
  data: { caseId: number; eventId: number },
  deps: Pick<Deps, "db" | "t" | "flushOutbox">,
): Promise<void> {
  const sent = await deps.db.$transaction(async (tx) => {
    const row = await tx.case.findUnique({
      where: { id: data.caseId },
      select: { id: true, status: true, trackingCode: true, reporter: { select: { id: true, telegramId: true, language: true } } },
    });
    if (!row || row.status !== "needs_info") return false;
    const latest = await tx.caseEvent.findFirst({
      where: { caseId: row.id, type: "info_requested" },
      orderBy: { id: "desc" },
      select: { id: true, data: true },
    });
    if (!latest || latest.id !== data.eventId) return false;
    const question = (latest.data as { question?: unknown }).question;
    await notify(tx, deps, [recipientOf(row.reporter)], {
      key: "triage-notice-info-reminder",
      args: { code: row.trackingCode, question: typeof question === "string" ? question : "" },
      dedupeKey: `case:${row.id}:info-reminder:${data.eventId}`,
      kind: "REMINDER",
      buttons: [[{ labelKey: "triage-button-answer", callback: answerCallback(row.id) }]],
    });
    return true;
  });
  if (sent) deps.flushOutbox();
}

// ---------------------------------------------------------------------------------------------
// Assign

/** Active officials of an agency (OFFICIAL memberships). */
export async function officialsOfAgency(tx: Tx | Deps["db"], agencyId: number) {
  const memberships = await tx.membership.findMany({
    where: { agencyId, role: "OFFICIAL", revokedAt: null },
    orderBy: { id: "asc" },
    select: { isAgencyHead: true, user: { select: { id: true, telegramId: true, language: true, firstName: true, lastName: true } } },
  });
  const unique = new Map(memberships.map((m) => [m.user.id, { ...m.user, isAgencyHead: m.isAgencyHead }]));
  return [...unique.values()];
}

/** A typed due date: a Jalali date from today up to a year ahead (Tehran). */
export function parseDueDate(input: string | JalaliDate, now: Date): JalaliDate {
  const date = typeof input === "string" ? parseJalaliDate(input) : input;
  if (!date) throw new TriageError("invalid_date");
  const today = todayInTehran(now);
  if (compareJalali(date, today) < 0) throw new TriageError("past_date");
  if (endOfJalaliDay(date).getTime() - now.getTime() > DUE_MAX_DAYS_AHEAD * 24 * 3_600_000) throw new TriageError("far_date");
  return date;
}

export interface AssignInput {
  agencyId: number;
  /** One official of the agency; null: the agency as a whole (all its officials are told). */
  officialId?: number | null;
  /** Jalali, typed ("1405/09/15", any digits) or parsed. */
  dueDate: string | JalaliDate;
  /** Defaults to the case's tracking code and the start of its description. */
  title?: string;
}

/** The officials' "open task" button (the tasks feature's callback). */
const openTaskButton = (taskId: number): NoticeButton => ({ labelKey: "task-button-open", callback: `t:o:${taskId}` });

/** Assigns the case to an agency (optionally one official) with a due date: a task is created. */
export async function assignCase(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: AssignInput,
): Promise<TriageResult & { taskId: number }> {
  const dueDate = parseDueDate(input.dueDate, deps.now());
  const result = await act(deps, actor, caseId, "assign", async ({ tx, row }) => {
    const agency = await tx.agency.findFirst({
      where: { id: input.agencyId, workingGroupId: row.workingGroupId, active: true },
      select: { id: true, nameFa: true, nameEn: true },
    });
    if (!agency) throw new TriageError("invalid_agency");
    const officials = await officialsOfAgency(tx, agency.id);
    const chosen = input.officialId ? officials.find((o) => o.id === input.officialId) : undefined;
    if (input.officialId && !chosen) throw new TriageError("invalid_official");
    const title = input.title ? truncate(normalizeText(input.title), 200) : `${row.trackingCode} — ${truncate(row.description, 120)}`;
    const task = await createTask(tx, {
      caseId: row.id,
      agencyId: agency.id,
      officialId: chosen?.id ?? null,
      dueDate,
      title,
      createdById: actor.id,
    });
    await tx.case.update({ where: { id: row.id }, data: { agencyId: agency.id, takenById: actor.id } });
    const dueAt = endOfJalaliDay(dueDate);
    const officialName = chosen ? fullName(chosen) : "";
    const event = await appendEvent(tx, {
      caseId: row.id,
      actorId: actor.id,
      type: "assigned",
      taskId: task.id,
      // Display-ready in both languages: the timeline renders events without further lookups.
      data: {
        agencyId: agency.id,
        officialId: chosen?.id ?? null,
        toFa: officialName ? `${agency.nameFa} (${officialName})` : agency.nameFa,
        toEn: officialName ? `${agency.nameEn} (${officialName})` : agency.nameEn,
        due: formatJalaliYMD(dueDate),
        dueFa: toPersianDigits(formatJalaliYMD(dueDate)),
      },
    });
    const recipients: Recipient[] = (chosen ? [chosen] : officials).map(recipientOf);
    await notify(tx, deps, recipients, {
      key: "triage-notice-task-assigned",
      args: (locale) => ({
        code: row.trackingCode,
        unit: row.unit.name,
        agency: localName(agency, locale),
        category: deps.t(locale, `category-${row.category}`),
        due: dueLabel(dueAt, locale),
        description: truncate(row.description, 600),
      }),
      dedupeKey: `task:${task.id}:assigned`,
      kind: "NOTICE",
      buttons: [[openTaskButton(task.id)]],
    });
    await tellProducer(tx, deps, row, event.id, "triage-notice-assigned", (locale) => ({
      agency: localName(agency, locale),
      due: dueLabel(dueAt, locale),
    }));
    return { taskId: task.id };
  });
  await syncTaskRemindersSafely(deps, result.taskId);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Closing paths: duplicate, reject, resolve, close; reopen

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
  if (!parsed) throw new TriageError("duplicate_not_found");
  let trackingCode: string;
  try {
    trackingCode = formatTrackingCode(parsed.workingGroupCode, parsed.jalaliYear, parsed.sequence);
  } catch {
    throw new TriageError("duplicate_not_found");
  }
  const original = await db.case.findFirst({
    where: { trackingCode, workingGroupId: duplicate.workingGroupId },
    select: { id: true, trackingCode: true, status: true, duplicateOf: { select: { id: true, trackingCode: true } } },
  });
  if (!original) throw new TriageError("duplicate_not_found");
  // A duplicate of a duplicate points at the first case, so chains never form.
  const root = original.status === "duplicate" && original.duplicateOf ? original.duplicateOf : original;
  if (root.id === duplicate.id) throw new TriageError("duplicate_self");
  return root;
}

/** Checks a typed tracking code before the confirmation (the action checks it again). */
export async function previewDuplicate(deps: Pick<Deps, "db">, actor: SessionUser, caseId: number, code: string): Promise<string> {
  const row = await deps.db.case.findUnique({ where: { id: caseId }, select: { id: true, workingGroupId: true } });
  if (!row || !triageRole(actor, row.workingGroupId)) throw new TriageError("not_found");
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
  if (!isRejectReason(input.reason)) throw new TriageError("invalid_reason");
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
    await tellProducer(tx, deps, row, event.id, "triage-notice-resolved", () => ({
      outcome,
      days: deps.config.REOPEN_WINDOW_DAYS,
    }));
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

// ---------------------------------------------------------------------------------------------
// Recording: category, priority, internal note

/** Re-files the case; urgency follows the new category unless the secretariat fixed it. */
export async function changeCategory(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: { category: string; subcategory?: string | null },
): Promise<TriageResult & { urgency: Urgency }> {
  if (!(CATEGORY_IDS as readonly string[]).includes(input.category)) throw new TriageError("invalid_category");
  const category = input.category as CategoryId;
  const subcategory = input.subcategory ?? null;
  if (subcategory !== null && !isSubcategoryOf(category, subcategory)) throw new TriageError("invalid_category");
  return act(deps, actor, caseId, "change_category", async ({ tx, row, now }) => {
    const urgency = row.urgencyOverridden ? row.urgency : computeUrgency({ category, irreversibleAt: row.irreversibleAt, now });
    await tx.case.update({ where: { id: row.id }, data: { category, subcategory, urgency } });
    const label = (locale: Locale) =>
      subcategory ? `${deps.t(locale, `category-${category}`)} — ${deps.t(locale, `subcategory-${subcategory}`)}` : deps.t(locale, `category-${category}`);
    const event = await appendEvent(tx, {
      caseId: row.id,
      actorId: actor.id,
      type: "category_changed",
      data: { category, subcategory, categoryFa: label("fa"), categoryEn: label("en") },
    });
    await tellProducer(tx, deps, row, event.id, "triage-notice-category", (locale) => ({ category: label(locale) }));
    return { urgency };
  });
}

/** Overrides the computed urgency (internal: the producer is not told). */
export async function changeUrgency(deps: TriageDeps, actor: SessionUser, caseId: number, input: { urgency: string }): Promise<TriageResult> {
  const urgency = URGENCIES.find((u) => u === input.urgency);
  if (!urgency) throw new TriageError("invalid_urgency");
  return act(deps, actor, caseId, "change_category", async ({ tx, row }) => {
    await tx.case.update({ where: { id: row.id }, data: { urgency, urgencyOverridden: true } });
    await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "urgency_changed", internal: true, data: { urgency, previous: row.urgency } });
    return {};
  });
}

/** An internal note on the timeline: never shown to the producer. */
export async function addInternalNote(deps: TriageDeps, actor: SessionUser, caseId: number, input: { text: string }): Promise<TriageResult> {
  const text = cleanText(input.text, 1, NOTE_MAX);
  return act(deps, actor, caseId, "add_note", async ({ tx, row }) => {
    await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "note", internal: true, data: { text } });
    return {};
  });
}
