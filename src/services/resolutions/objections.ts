/**
 * The agency's objection to a resolution and the decision on it. Inside its window (see
 * statutory.ts) an official of the agency may object once, with written reasons; the
 * secretariat and the chair are told and one of them confirms the resolution as recorded or
 * amends its text (the agency, and on an amendment the producer, are told). While the
 * objection waits the task's reminders wait; the decision makes the resolution binding.
 * Refusals are `objection-error-<reason>`: nothing is written when one is thrown.
 */
import { z } from "zod";
import { resolutions as buttons, shared } from "../../buttons";
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { formatJalaliDate, formatJalaliYMD, todayInTehran } from "../../domain/jalali";
import { refusal, type Refusal } from "../../domain/refusal";
import { checkObjection } from "../../domain/statutory";
import { normalizeText, truncate } from "../../domain/text";
import { type Locale, localName } from "../../i18n";
import { chairsOf, notify, recipientOf, secretariatOf, type Recipient } from "../notifications";
import { taskAssignees } from "../tasks";
import { appendEvent } from "../timeline";
import { RESOLUTION_TEXT_MAX, RESOLUTION_TEXT_MIN } from "./record";
import { resolutionClockOf } from "./statutory";

export const OBJECTION_REASONS_MAX = 2000;

export type ObjectionRefusalReason =
  | "not_found"
  | "forbidden"
  | "not_notified"
  | "window_closed"
  | "already_objected"
  | "implemented"
  | "reasons_too_short"
  | "reasons_too_long"
  | "no_objection"
  | "already_decided"
  | "invalid_text";

const objectionRefusal = (reason: ObjectionRefusalReason, args?: Record<string, string | number>): Refusal => refusal("objection-error", reason, args);

type ObjectionDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler" | "policies">;

const resolutionSelect = {
  id: true,
  caseId: true,
  text: true,
  amendedText: true,
  deadline: true,
  agencyId: true,
  notifiedAt: true,
  objectionDeadline: true,
  objectedAt: true,
  objectionReasons: true,
  objectionDecision: true,
  decidedAt: true,
  meeting: { select: { workingGroupId: true } },
  agency: { select: { nameFa: true, nameEn: true } },
  objectedBy: { select: { firstName: true, lastName: true } },
  case: { select: { trackingCode: true, reporter: { select: { id: true, telegramId: true, language: true } }, unit: { select: { name: true } } } },
  task: { select: { id: true, status: true, dueAt: true, completedAt: true, agencyId: true, officialId: true } },
} as const;

async function loadResolution(tx: Tx, resolutionId: number, lock: boolean) {
  if (lock) await tx.$queryRaw`SELECT id FROM "Resolution" WHERE id = ${resolutionId} FOR UPDATE`;
  const row = await tx.resolution.findUnique({ where: { id: resolutionId }, select: resolutionSelect });
  if (!row) throw objectionRefusal("not_found");
  return row;
}
type ResolutionRow = Awaited<ReturnType<typeof loadResolution>>;

/** What the objection prompt and the decision screen show. */
export interface ObjectionView {
  resolutionId: number;
  taskId: number | null;
  trackingCode: string;
  unit: string;
  text: string;
  agency: { nameFa: string; nameEn: string } | null;
  objectionDeadline: Date | null;
  objectedAt: Date | null;
  objectionReasons: string | null;
  objectedBy: { firstName: string; lastName: string | null } | null;
  reasonsMin: number;
}

function viewOf(row: ResolutionRow, reasonsMin: number): ObjectionView {
  return {
    resolutionId: row.id,
    taskId: row.task?.id ?? null,
    trackingCode: row.case.trackingCode,
    unit: row.case.unit.name,
    text: row.amendedText ?? row.text,
    agency: row.agency,
    objectionDeadline: row.objectionDeadline,
    objectedAt: row.objectedAt,
    objectionReasons: row.objectionReasons,
    objectedBy: row.objectedBy,
    reasonsMin,
  };
}

/** The actor is an active official of the resolution's agency in its working group. */
async function requireAgencyOfficial(tx: Tx, userId: number, row: ResolutionRow): Promise<void> {
  const membership = row.agencyId
    ? await tx.membership.findFirst({ where: { userId, role: "OFFICIAL", agencyId: row.agencyId, workingGroupId: row.meeting.workingGroupId, revokedAt: null } })
    : null;
  if (!membership) throw objectionRefusal("forbidden");
}

/** The actor is the secretariat (or an admin) or the chair of the resolution's working group. */
async function requireDecider(tx: Tx, userId: number, workingGroupId: number): Promise<void> {
  const membership = await tx.membership.findFirst({
    where: {
      userId,
      revokedAt: null,
      OR: [{ role: { in: ["SECRETARIAT", "ADMIN", "CHAIR"] }, workingGroupId }, { role: "ADMIN", workingGroupId: null }],
    },
  });
  if (!membership) throw objectionRefusal("forbidden");
}

/** Refuses an objection the rules do not allow now (the reasons are checked when given). */
function checkNow(deps: Pick<Deps, "policies">, row: ResolutionRow, reasons: string | null, now: Date): void {
  const min = deps.policies.statutory.objectionReasonMin;
  const verdict = checkObjection(resolutionClockOf(row), reasons ?? "x".repeat(min), now, deps.policies.statutory);
  if (verdict === "ok") {
    if (reasons !== null && reasons.length > OBJECTION_REASONS_MAX) throw objectionRefusal("reasons_too_long", { max: OBJECTION_REASONS_MAX });
    return;
  }
  // The bot shows the date in the reader's digits (src/bot/features/objections/answers.ts).
  const closed = row.objectionDeadline ? formatJalaliYMD(todayInTehran(row.objectionDeadline)) : "-";
  throw objectionRefusal(verdict, { min, closed });
}

/** Opens the objection prompt: the official may object to this resolution now (else a refusal). */
export async function objectionPrompt(deps: Pick<Deps, "db" | "now" | "policies">, userId: number, resolutionId: number): Promise<ObjectionView> {
  const row = await loadResolution(deps.db, resolutionId, false);
  await requireAgencyOfficial(deps.db, userId, row);
  checkNow(deps, row, null, deps.now());
  return viewOf(row, deps.policies.statutory.objectionReasonMin);
}

/**
 * Files the agency's one objection with its written reasons: the task's reminders stop (its
 * schedule version moves on, so the jobs already queued do nothing), the timeline records it,
 * and the secretariat and the chair are asked to decide.
 */
export async function fileObjection(deps: ObjectionDeps, userId: number, resolutionId: number, input: string): Promise<ObjectionView> {
  const reasons = normalizeText(input);
  const now = deps.now();
  const view = await deps.db.$transaction(async (tx) => {
    const row = await loadResolution(tx, resolutionId, true);
    await requireAgencyOfficial(tx, userId, row);
    checkNow(deps, row, reasons, now);
    await tx.resolution.update({ where: { id: row.id }, data: { objectedAt: now, objectionReasons: reasons, objectedById: userId } });
    if (row.task) await tx.task.update({ where: { id: row.task.id }, data: { scheduleVersion: { increment: 1 } } });
    await appendEvent(tx, {
      caseId: row.caseId,
      actorId: userId,
      type: "resolution_objected",
      taskId: row.task?.id ?? null,
      internal: true,
      data: { resolutionId: row.id, reasons: truncate(reasons, 300) },
    });
    const deciders = await decidersOf(tx, row.meeting.workingGroupId);
    await notify(tx, deps, deciders, {
      key: "objection-filed-notice",
      args: (locale) => ({
        code: row.case.trackingCode,
        unit: row.case.unit.name,
        agency: row.agency ? localName(row.agency, locale) : "-",
        text: row.amendedText ?? row.text,
        reasons,
      }),
      dedupeKey: `resolution:${row.id}:objection`,
      kind: "ALERT",
      buttons: [[{ labelKey: "objection-button-decide", callback: buttons.decide.pack({ resolutionId: row.id }) }]],
    });
    return { ...viewOf(row, deps.policies.statutory.objectionReasonMin), objectedAt: now, objectionReasons: reasons };
  });
  deps.flushOutbox();
  if (view.taskId !== null) await deps.scheduler.syncTaskReminders(view.taskId);
  return view;
}

async function decidersOf(tx: Tx, workingGroupId: number): Promise<Recipient[]> {
  const people = new Map<number, Recipient>();
  for (const person of [...(await secretariatOf(tx, workingGroupId)), ...(await chairsOf(tx, workingGroupId))]) people.set(person.userId, person);
  return [...people.values()];
}

function requirePending(row: ResolutionRow): void {
  if (!row.objectedAt) throw objectionRefusal("no_objection");
  if (row.decidedAt) throw objectionRefusal("already_decided");
}

/** Opens the decision screen: the actor decides on this pending objection (else a refusal). */
export async function objectionForDecision(deps: Pick<Deps, "db" | "policies">, userId: number, resolutionId: number): Promise<ObjectionView> {
  const row = await loadResolution(deps.db, resolutionId, false);
  await requireDecider(deps.db, userId, row.meeting.workingGroupId);
  requirePending(row);
  return viewOf(row, deps.policies.statutory.objectionReasonMin);
}

export type ObjectionVerdict = { decision: "confirmed" } | { decision: "amended"; text: string };

const amendedTextSchema = z.string().transform(normalizeText).pipe(z.string().min(RESOLUTION_TEXT_MIN).max(RESOLUTION_TEXT_MAX));

/**
 * The secretariat's or chair's decision: confirmed as recorded, or amended (the new text
 * replaces the old, on the task too). Either way the resolution binds from now, the agency is
 * told (the producer too when the text changed) and the task's reminders run again.
 */
export async function decideObjection(deps: ObjectionDeps, userId: number, resolutionId: number, verdict: ObjectionVerdict): Promise<ObjectionView> {
  const now = deps.now();
  let amended: string | null = null;
  if (verdict.decision === "amended") {
    const parsed = amendedTextSchema.safeParse(verdict.text);
    if (!parsed.success) throw objectionRefusal("invalid_text", { min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX });
    amended = parsed.data;
  }
  const view = await deps.db.$transaction(async (tx) => {
    const row = await loadResolution(tx, resolutionId, true);
    await requireDecider(tx, userId, row.meeting.workingGroupId);
    requirePending(row);
    await tx.resolution.update({
      where: { id: row.id },
      data: { objectionDecision: verdict.decision, decidedAt: now, decidedById: userId, bindingAt: now, ...(amended ? { amendedText: amended } : {}) },
    });
    const task = row.task;
    if (task && amended) await tx.task.update({ where: { id: task.id }, data: { title: truncate(amended, 200) } });
    await appendEvent(tx, {
      caseId: row.caseId,
      actorId: userId,
      type: amended ? "resolution_amended" : "resolution_objection_confirmed",
      taskId: task?.id ?? null,
      internal: !amended,
      data: { resolutionId: row.id, ...(amended ? { text: truncate(amended, 300) } : {}) },
    });
    const text = amended ?? row.amendedText ?? row.text;
    const args = (locale: Locale) => ({
      code: row.case.trackingCode,
      text,
      due: task ? formatJalaliDate(task.dueAt, locale, { monthName: true }) : "-",
    });
    const openTask = task ? [[{ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId: task.id }) }]] : undefined;
    if (task) {
      await notify(tx, deps, await taskAssignees(tx, task), {
        key: amended ? "objection-amended-notice" : "objection-confirmed-notice",
        args,
        dedupeKey: `resolution:${row.id}:decision`,
        kind: "NOTICE",
        ...(openTask ? { buttons: openTask } : {}),
      });
    }
    if (amended) {
      await notify(tx, deps, [recipientOf(row.case.reporter)], {
        key: "objection-amended-producer",
        args,
        dedupeKey: `resolution:${row.id}:amended:producer`,
        kind: "NOTICE",
      });
    }
    return { ...viewOf(row, deps.policies.statutory.objectionReasonMin), text };
  });
  deps.flushOutbox();
  if (view.taskId !== null) await deps.scheduler.syncTaskReminders(view.taskId);
  return view;
}
