/**
 * A batch referral: the cases chosen (select.ts) referred to one agency in one act. In ONE
 * transaction: the batch row (its requestKey unique, so confirming the same preview twice —
 * a double tap, a retry — finds the first batch instead of referring again), per case the very
 * path of a single assignment (actInTransaction + referLockedCase: the case locked, its group
 * and status re-checked, a task, the timeline event, the producer told in their language), and
 * for the agency ONE letter (an XLSX document listing the units) and ONE summary message per
 * official instead of a notice per case. A case that cannot be referred (finished, another
 * group, gone) is skipped and listed. After the commit: the outbox is flushed and every task's
 * reminders are scheduled, as after a single assignment.
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { shared } from "../../buttons";
import { endOfJalaliDay, formatJalaliDate, type JalaliDate } from "../../domain/jalali";
import { isRefusal, Refusal } from "../../domain/refusal";
import { isWorkingDay } from "../../domain/working-calendar";
import { normalizeText, truncate } from "../../domain/text";
import type { Prisma } from "../../generated/prisma/client";
import { localName, type Locale } from "../../i18n";
import { recordAudit } from "../audit";
import { notify, recipientOf } from "../notifications";
import { enqueueOutbound, type InlineDocument } from "../outbox";
import { actInTransaction, type TriageDeps } from "../triage/act";
import { officialsOfAgency, parseDueDate, referLockedCase } from "../triage/assign";
import { triageRefusal } from "../triage/act";
import type { SessionUser } from "../users";
import { letterData, letterDocument } from "./letter";
import { assertBatchActor, batchRefusal, BATCH_MAX_CASES, checkFilter, openTaskOf, type ReferralFilter } from "./select";

export const REQUEST_MIN = 5;
export const REQUEST_MAX = 1500;
/** A hundred cases take a few seconds in one transaction on a busy machine; 500 (the cap) more. */
const BATCH_TRANSACTION_TIMEOUT_MS = 120_000;

export interface BatchInput {
  /** A UUID drawn when the preview was shown. */
  requestKey: string;
  workingGroupId: number;
  filter: ReferralFilter;
  /** The cases the preview showed; each is re-checked. */
  caseIds: number[];
  agencyId: number;
  request: string;
  dueDate: string | JalaliDate;
}

export type SkipReason = "not_in_group" | "finished" | "already_referred" | "not_referable";

export interface BatchResult {
  batchId: number;
  /** False: this preview was confirmed before; nothing new was done. */
  created: boolean;
  agency: { nameFa: string; nameEn: string };
  dueAt: Date;
  referred: Array<{ caseId: number; trackingCode: string; taskId: number }>;
  units: number;
  skipped: Array<{ caseId: number; trackingCode: string | null; reason: SkipReason }>;
  /** How many officials got the letter (0: the agency has none in the bot yet). */
  officials: number;
}

export type BatchDeps = TriageDeps;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function cleanRequest(input: string): string {
  const text = normalizeText(input);
  if (text.length < REQUEST_MIN || text.length > REQUEST_MAX) throw batchRefusal("invalid_text", { min: REQUEST_MIN, max: REQUEST_MAX });
  return text;
}

/** The deadline: a Jalali day from today to a year ahead, and a working day (the group's calendar). */
export function parseBatchDeadline(deps: Pick<Deps, "now" | "policies">, input: string | JalaliDate): JalaliDate {
  const date = parseDueDate(input, deps.now());
  if (!isWorkingDay(date, deps.policies.calendar)) throw batchRefusal("holiday");
  return date;
}

class AlreadyConfirmed extends Error {}

export async function referBatch(deps: BatchDeps, actor: SessionUser, input: BatchInput): Promise<BatchResult> {
  assertBatchActor(actor, input.workingGroupId);
  if (!UUID.test(input.requestKey)) throw batchRefusal("invalid_filter");
  const earlier = await deps.db.referralBatch.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } });
  if (earlier) return batchSummary(deps, actor, earlier.id);
  const filter = checkFilter(input.filter);
  const request = cleanRequest(input.request);
  const dueDate = parseBatchDeadline(deps, input.dueDate);
  const caseIds = [...new Set(input.caseIds)].filter((id) => Number.isSafeInteger(id) && id > 0).sort((a, b) => a - b);
  if (caseIds.length === 0) throw batchRefusal("empty");
  if (caseIds.length > BATCH_MAX_CASES) throw batchRefusal("too_many", { max: BATCH_MAX_CASES });
  const touchedTasks: number[] = [];
  let batchId: number;
  try {
    batchId = await deps.db.$transaction(
      async (tx) => {
        const agency = await tx.agency.findFirst({
          where: { id: input.agencyId, workingGroupId: input.workingGroupId, active: true },
          select: { id: true, nameFa: true, nameEn: true },
        });
        if (!agency) throw batchRefusal("invalid_agency");
        const now = deps.now();
        const batch = await tx.referralBatch
          .create({
            data: {
              requestKey: input.requestKey,
              workingGroupId: input.workingGroupId,
              agencyId: agency.id,
              createdById: actor.id,
              request,
              dueAt: endOfJalaliDay(dueDate),
              filter: filter as Prisma.InputJsonObject,
              createdAt: now,
            },
            select: { id: true },
          })
          .catch((error: unknown) => {
            // The same preview confirmed by a concurrent tap: its transaction committed first.
            if ((error as { code?: string }).code === "P2002") throw new AlreadyConfirmed();
            throw error;
          });
        const officials = await officialsOfAgency(tx, agency.id);
        const known = await tx.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, workingGroupId: true, trackingCode: true } });
        const byId = new Map(known.map((row) => [row.id, row]));
        const skipped: BatchResult["skipped"] = [];
        const referred: number[] = [];
        for (const caseId of caseIds) {
          const row = byId.get(caseId);
          // Another group's case (forged, or a stale id) is not even named back.
          if (!row || row.workingGroupId !== input.workingGroupId) {
            skipped.push({ caseId, trackingCode: null, reason: "not_in_group" });
            continue;
          }
          try {
            await actInTransaction(
              tx,
              deps,
              actor,
              caseId,
              "assign",
              async ({ tx: inner, row: locked, touchedTasks: touched }) => {
                // Under the lock, before anything is written: the agency already has it open.
                if ((await inner.task.count({ where: { caseId: locked.id, ...openTaskOf(agency.id) } })) > 0) throw new Refusal("already_referred", "batch-error-empty");
                const made = await referLockedCase(inner, deps, actor, locked, { agency, official: null, officials, dueDate, notifyOfficials: false, referralBatchId: batch.id });
                touched.push(made.taskId);
                return made;
              },
              touchedTasks,
              // Re-read under the lock: the case cannot have moved group, but say so if it did.
              (locked) => {
                if (locked.workingGroupId !== input.workingGroupId) throw triageRefusal("forbidden");
              },
            );
            referred.push(caseId);
          } catch (error) {
            if (!isRefusal(error)) throw error;
            const reason: SkipReason = error.reason === "illegal_transition" ? "finished" : error.reason === "already_referred" ? "already_referred" : "not_referable";
            skipped.push({ caseId, trackingCode: row.trackingCode, reason });
          }
        }
        if (referred.length === 0) throw batchRefusal("empty");
        await tx.referralBatch.update({ where: { id: batch.id }, data: { skipped: skipped as unknown as Prisma.InputJsonArray } });
        await sendLetter(tx, deps, batch.id, officials.map(recipientOf));
        await recordAudit(tx, {
          actorId: actor.id,
          workingGroupId: input.workingGroupId,
          entityType: "referral_batch",
          entityId: batch.id,
          action: "created",
          after: { agencyId: agency.id, nameFa: agency.nameFa, nameEn: agency.nameEn, cases: referred.length, skipped: skipped.length },
          at: now,
        });
        return batch.id;
      },
      { timeout: BATCH_TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (!(error instanceof AlreadyConfirmed)) throw error;
    const found = await deps.db.referralBatch.findUniqueOrThrow({ where: { requestKey: input.requestKey }, select: { id: true } });
    return batchSummary(deps, actor, found.id);
  }
  deps.flushOutbox();
  // After the commit, as after a single assignment; never throws (the worker reconciles).
  for (const taskId of new Set(touchedTasks)) await deps.scheduler.syncTaskReminders(taskId);
  return { ...(await batchSummary(deps, actor, batchId)), created: true };
}

/** Per official: the letter as a document, then one summary message with the way to their tasks. */
async function sendLetter(tx: Tx, deps: Pick<Deps, "t">, batchId: number, recipients: ReturnType<typeof recipientOf>[]): Promise<void> {
  if (recipients.length === 0) return;
  const data = await letterData(tx, batchId);
  const documents = new Map<Locale, InlineDocument>();
  for (const recipient of recipients) {
    let document = documents.get(recipient.language);
    if (!document) {
      document = await letterDocument(deps.t, recipient.language, data);
      documents.set(recipient.language, document);
    }
    const caption = deps.t(recipient.language, "batch-letter-caption", { number: batchId, agency: localName(data.agency, recipient.language) });
    await enqueueOutbound(tx, [
      {
        dedupeKey: `referral:${batchId}:letter:${recipient.telegramId}`,
        kind: "NOTICE",
        chatId: recipient.telegramId,
        userId: recipient.userId,
        payload: { method: "sendDocument", params: { document, caption: truncate(caption, 1000) } },
      },
    ]);
  }
  const units = new Set(data.rows.map((r) => r.legalId)).size;
  await notify(tx, deps, recipients, {
    key: "batch-notice-officials",
    args: (locale) => ({
      number: batchId,
      cases: data.rows.length,
      units,
      group: localName(data.group, locale),
      due: formatJalaliDate(data.dueAt, locale, { monthName: true, weekday: true }),
      request: truncate(data.request, 1500),
    }),
    dedupeKey: `referral:${batchId}:summary`,
    kind: "NOTICE",
    buttons: [[{ labelKey: "batch-button-my-tasks", callback: shared.taskList.pack({ page: 0 }) }]],
  });
}

/** A batch as its creator (or the group's secretariat) reads it back. */
export async function batchSummary(deps: Pick<Deps, "db">, actor: SessionUser, batchId: number): Promise<BatchResult> {
  const batch = await deps.db.referralBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      workingGroupId: true,
      dueAt: true,
      skipped: true,
      agency: { select: { id: true, nameFa: true, nameEn: true } },
      tasks: { orderBy: { id: "asc" }, select: { id: true, case: { select: { id: true, trackingCode: true, unitId: true } } } },
    },
  });
  if (!batch) throw batchRefusal("forbidden");
  assertBatchActor(actor, batch.workingGroupId);
  const officials = await deps.db.membership.count({ where: { agencyId: batch.agency.id, role: "OFFICIAL", revokedAt: null } });
  return {
    batchId: batch.id,
    created: false,
    agency: { nameFa: batch.agency.nameFa, nameEn: batch.agency.nameEn },
    dueAt: batch.dueAt,
    referred: batch.tasks.map((task) => ({ caseId: task.case.id, trackingCode: task.case.trackingCode, taskId: task.id })),
    units: new Set(batch.tasks.map((task) => task.case.unitId)).size,
    skipped: batch.skipped as BatchResult["skipped"],
    officials,
  };
}

/** The batch a preview's key made, if any (a second confirm after the flow ended). */
export async function batchByKey(deps: Pick<Deps, "db">, actor: SessionUser, requestKey: string): Promise<BatchResult | null> {
  if (!UUID.test(requestKey)) return null;
  const found = await deps.db.referralBatch.findUnique({ where: { requestKey }, select: { id: true } });
  return found ? batchSummary(deps, actor, found.id) : null;
}

/** The letter for the clerk's own copy (in the clerk's language). */
export async function batchLetterFor(deps: Pick<Deps, "db" | "t">, actor: SessionUser, batchId: number, locale: Locale): Promise<InlineDocument> {
  await batchSummary(deps, actor, batchId);
  return letterDocument(deps.t, locale, await letterData(deps.db, batchId));
}
