import { Refusal } from "../domain/refusal";
import { queueCase } from "../buttons/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import { Prisma, utc } from "../db";
import type { Sql } from "../sql";
import { CATEGORY_IDS, isSubcategoryOf, type CategoryId } from "../domain/categories";
import { jalaliYearOf } from "../domain/jalali";
import { formatTrackingCode } from "../domain/tracking-code";
import { computeUrgency, type Urgency } from "../domain/urgency";
import { appendEvent, eventInsert } from "./timeline";
import { alertSecretariatOfNewCase, scheduleNewCaseTimers } from "./case-alerts";
import { syncCaseCountdown, type CountdownCase } from "./countdown/schedule";
import { CASE_STATUSES, isOpenStatus, transition } from "../domain/case-lifecycle";
import { lockCase } from "./case-status";
import { caseWaitSelect, resumeCaseClocks } from "./clock-pauses";
import { truncate } from "../domain/text";
import { notify, recipientOf, secretariatOf } from "./notifications";
import { pageWindow } from "../domain/pagination";
import { markSubmissionInFlight, recordUnconfirmed, unconfirmedInsert } from "./submissions";

export const ATTACHMENT_LIMIT = 10;

/** Statuses in which a case still waits for something to happen. */
export const OPEN_CASE_STATUSES = CASE_STATUSES.filter(isOpenStatus);
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 2000;

export const DraftAttachmentSchema = z.object({
  kind: z.enum(["PHOTO", "DOCUMENT"]),
  fileId: z.string().min(1).max(256),
  fileUniqueId: z.string().min(1).max(128),
  fileName: z.string().max(256).nullable(),
  mimeType: z.string().max(128).nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
});
export type DraftAttachment = z.infer<typeof DraftAttachmentSchema>;

/** A complete report as the wizard hands it over; validated again here (never trust the session). */
export const CaseDraftSchema = z
  .object({
    unitId: z.number().int().positive(),
    category: z.enum(CATEGORY_IDS),
    subcategory: z.string().max(40).nullable(),
    agencyId: z.number().int().positive().nullable(),
    /** ISO instant, or null when the producer does not know. */
    irreversibleAt: z.iso.datetime().nullable(),
    /** Rials as a decimal string (bigint does not survive JSON). */
    amountRials: z.string().regex(/^\d{1,20}$/).nullable(),
    description: z.string().trim().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX),
    attachments: z.array(DraftAttachmentSchema).max(ATTACHMENT_LIMIT),
  })
  .refine((draft) => draft.subcategory === null || isSubcategoryOf(draft.category, draft.subcategory), {
    path: ["subcategory"],
    message: "not a subcategory of the category",
  });
export type CaseDraft = z.infer<typeof CaseDraftSchema>;

/** A producer's action on a case that is not theirs (or not in that state): "not allowed". */
const notYours = (reason: "not_yours" | "not_open" | "not_represented" | "foreign_agency") => new Refusal(reason, "error-not-allowed");

interface SubmittingUnit {
  id: number;
  name: string;
  workingGroupId: number;
  workingGroup: { code: string; secretariatChatId: string | null };
  /** The case's number in its group's Jalali year; null when the draft's agency is not of the group. */
  sequence: number | null;
}

/**
 * What a submit needs before it writes, in one raw statement where the query builder made six:
 * - whether the draft's submission key already made a case (then nothing else is done: the
 *   answer is that case, whatever the unit or its agency would say of a new one now);
 * - the unit (null when `representedBy` does not represent it; null `representedBy`: assisted
 *   intake, checked by its caller), with what the submit needs of its group;
 * - the next number of the group's Jalali-year sequence, taken only when the draft's agency
 *   (if any) is of the unit's group. The upsert's row lock orders concurrent submits of one
 *   group; the numbers have no gaps within a year (a submit that rolls back gives its back).
 */
async function submitting(
  tx: Sql,
  draft: { unitId: number; agencyId: number | null },
  options: { representedBy: number | null; jalaliYear: number; submissionKey: string | null },
): Promise<{ keyUsed: boolean; unit: SubmittingUnit | null }> {
  const { representedBy, jalaliYear, submissionKey } = options;
  const [row] = await tx.rows<{ keyUsed: boolean; id: number | null; name: string; workingGroupId: number; code: string; secretariatChatId: string | null; sequence: number | null }>`
    WITH used AS (
      SELECT 1 FROM "Case" WHERE "submissionKey" = ${submissionKey}::uuid
    ), unit AS (
      SELECT p.id, p.name, p."workingGroupId", w.code, w."secretariatChatId",
             (${draft.agencyId}::int IS NULL OR EXISTS (SELECT 1 FROM "Agency" a WHERE a.id = ${draft.agencyId}::int AND a."workingGroupId" = p."workingGroupId")) AS "agencyOfGroup"
      FROM "ProductionUnit" p JOIN "WorkingGroup" w ON w.id = p."workingGroupId"
      WHERE p.id = ${draft.unitId}
        AND (${representedBy}::int IS NULL OR EXISTS (SELECT 1 FROM "UnitRepresentative" r WHERE r."unitId" = p.id AND r."userId" = ${representedBy}::int))
    ), sequence AS (
      INSERT INTO "CaseSequence" ("workingGroupId", "jalaliYear", "lastValue")
      SELECT "workingGroupId", ${jalaliYear}, 1 FROM unit WHERE "agencyOfGroup" AND NOT EXISTS (SELECT 1 FROM used)
      ON CONFLICT ("workingGroupId", "jalaliYear") DO UPDATE SET "lastValue" = "CaseSequence"."lastValue" + 1
      RETURNING "lastValue"
    )
    SELECT EXISTS (SELECT 1 FROM used) AS "keyUsed", unit.id, unit.name, unit."workingGroupId", unit.code, unit."secretariatChatId",
           (SELECT "lastValue" FROM sequence) AS sequence
    FROM (SELECT 1) AS one LEFT JOIN unit ON true`;
  if (!row) throw new Error("the submit's first statement answered no row");
  const { keyUsed, id, name, workingGroupId, code, secretariatChatId, sequence } = row;
  return { keyUsed, unit: id === null ? null : { id, name, workingGroupId, workingGroup: { code, secretariatChatId }, sequence } };
}

export interface SubmittedCase {
  caseId: number;
  trackingCode: string;
  urgency: Urgency;
  workingGroupId: number;
  /** True when the draft's submission key had already made this case (nothing new was stored). */
  repeated: boolean;
}

export interface SubmitOptions {
  /**
   * The draft's submission key (a UUID given when the draft was created). The same key never
   * makes two cases: a second submit, even a concurrent one, returns the first case. A keyed
   * case also stays "unconfirmed" until confirmSubmission (src/services/submissions.ts).
   */
  submissionKey?: string;
  /**
   * Assisted intake (src/services/intake.ts): `userId` is a secretariat member filing for a
   * producer who came in person or wrote a letter. The unit need not be theirs: the caller has
   * checked that the unit is of a group they work; the case records it was filed on behalf.
   */
  onBehalf?: { channel: "in_person" | "letter" | "visit" | "restart_plan"; producerName: string; fieldVisitId?: number };
}

const SubmissionKeySchema = z.uuid();

/** The case a submission key already made, waiting again for its confirmation. */
async function caseOfSubmission(deps: Pick<Deps, "sql">, userId: number, submissionKey: string): Promise<SubmittedCase | null> {
  // Raw, on the SQL port: asked when a submit finds its key used.
  const [existing] = await deps.sql.rows<{ id: number; trackingCode: string; urgency: Urgency; workingGroupId: number; reporterId: number }>`
    SELECT id, "trackingCode", urgency::text AS urgency, "workingGroupId", "reporterId" FROM "Case" WHERE "submissionKey" = ${submissionKey}::uuid`;
  if (!existing) return null;
  if (existing.reporterId !== userId) throw notYours("not_yours");
  // Whoever submits again has not seen (or lost) the code: it is told again, and confirmed then.
  await recordUnconfirmed(deps.sql, existing.id, userId);
  return { caseId: existing.id, trackingCode: existing.trackingCode, urgency: existing.urgency, workingGroupId: existing.workingGroupId, repeated: true };
}

/** A report's files, with the event that brought them. */
async function insertAttachments(tx: Sql, files: DraftAttachment[], owner: { caseId: number; eventId: number; uploadedById: number }, at: Date): Promise<void> {
  const rows = files.map((file) => Prisma.sql`(${owner.caseId}, ${owner.eventId}, ${owner.uploadedById}, ${file.kind}::"AttachmentKind", ${file.fileId}, ${file.fileUniqueId},
    ${file.fileName}, ${file.mimeType}, ${file.sizeBytes}::int, ${utc(at)})`);
  await tx.run`
    INSERT INTO "Attachment" ("caseId", "eventId", "uploadedById", kind, "fileId", "fileUniqueId", "fileName", "mimeType", "sizeBytes", "createdAt")
    VALUES ${Prisma.join(rows)}`;
}

/** The draft's submission key already made a case: earlier, or in a concurrent submit that committed first. */
class KeyUsed extends Error {
  override name = "KeyUsed";
}

/**
 * Stores a report: the case, its tracking code, its first timeline event, its attachments and
 * the secretariat's alerts, in one transaction. Nothing is half-saved. With a submission key,
 * submitting the same draft again returns the case it made (see SubmitOptions).
 */
export async function submitCase(
  deps: Pick<Deps, "db" | "sql" | "redis" | "t" | "now" | "flushOutbox" | "scheduler" | "config" | "policies" | "logger">,
  userId: number,
  input: unknown,
  options: SubmitOptions = {},
): Promise<SubmittedCase> {
  const draft = CaseDraftSchema.parse(input);
  const submissionKey = options.submissionKey === undefined ? null : SubmissionKeySchema.parse(options.submissionKey);
  if (submissionKey) await markSubmissionInFlight(deps, userId);
  const now = deps.now();
  const irreversibleAt = draft.irreversibleAt ? new Date(draft.irreversibleAt) : null;
  const urgency = computeUrgency({ category: draft.category as CategoryId, irreversibleAt, now });
  let submitted: SubmittedCase;
  let countdown: CountdownCase;
  try {
    // On the SQL port (src/sql.ts): every statement of the submit is raw, and an interactive
    // transaction through Prisma cost five times pg's CPU.
    ({ submitted, countdown } = await deps.sql.transaction(async (tx) => {
      const jalaliYear = jalaliYearOf(now);
      // A key that made a case is answered with it (the catch), whatever the unit says now.
      const { keyUsed, unit } = await submitting(tx, draft, { representedBy: options.onBehalf ? null : userId, jalaliYear, submissionKey });
      if (keyUsed) throw new KeyUsed();
      if (!unit) throw notYours("not_represented");
      if (unit.sequence === null) throw notYours("foreign_agency");
      const trackingCode = formatTrackingCode(unit.workingGroup.code, jalaliYear, unit.sequence);
      const onBehalf = options.onBehalf;
      const written = new Date();
      const eventData = { urgency, attachments: draft.attachments.length, ...(onBehalf ? { onBehalf: onBehalf.channel } : {}) };
      // One statement for the case, its "unconfirmed" row (a keyed submit) and its first
      // timeline event (the rows recordUnconfirmed and appendEvent write, stamped with the
      // case's own time). A concurrent submit of the same draft that committed first owns the
      // submission key: ours inserts nothing (ON CONFLICT: the CTEs that follow read no row) and
      // rolls back; the caller answers with that case (below).
      const rows = await tx.rows<CountdownCase & { eventId: number }>`
        WITH created AS (
          INSERT INTO "Case" ("trackingCode", "workingGroupId", "unitId", "reporterId", category, subcategory, "agencyId", "irreversibleAt",
                              "amountRials", description, urgency, "submittedAt", "submissionKey", "filedById", "intakeChannel", "onBehalfName",
                              "fieldVisitId", "createdAt", "updatedAt")
          VALUES (${trackingCode}, ${unit.workingGroupId}, ${unit.id}, ${userId}, ${draft.category}, ${draft.subcategory}, ${draft.agencyId}::int,
                  ${utc(irreversibleAt)}, ${draft.amountRials === null ? null : String(draft.amountRials)}::bigint,
                  ${draft.description}, ${urgency}::"Urgency", ${utc(now)}, ${submissionKey}::uuid,
                  ${onBehalf ? userId : null}::int, ${onBehalf?.channel ?? null}, ${onBehalf?.producerName ?? null}, ${onBehalf?.fieldVisitId ?? null}::int,
                  ${utc(written)}, ${utc(written)})
          ON CONFLICT ("submissionKey") DO NOTHING
          RETURNING id, status::text AS status, category, urgency::text AS urgency, "irreversibleAt", "irreversibleOutcome", "submissionKey"
        ), unconfirmed AS (
          ${unconfirmedInsert(Prisma.sql`id`, userId, written, Prisma.sql`FROM created WHERE "submissionKey" IS NOT NULL`)}
        ), event AS (
          ${eventInsert({ caseId: Prisma.sql`id`, actorId: userId, type: "submitted", data: eventData }, written, Prisma.sql`FROM created`)}
        )
        SELECT created.id, created.status, created.category, created.urgency, created."irreversibleAt", created."irreversibleOutcome", event.id AS "eventId"
        FROM created, event`;
      const row = rows[0];
      if (!row) throw new KeyUsed();
      const { eventId, ...created } = row;
      if (draft.attachments.length > 0) await insertAttachments(tx, draft.attachments, { caseId: created.id, eventId, uploadedById: userId }, written);
      await alertSecretariatOfNewCase(tx, deps, { ...created, trackingCode, workingGroupId: unit.workingGroupId, unit, workingGroup: unit.workingGroup });
      const submitted: SubmittedCase = { caseId: created.id, trackingCode, urgency, workingGroupId: unit.workingGroupId, repeated: false };
      return { submitted, countdown: created };
    }));
  } catch (error) {
    // The key already made a case (found first, or met by our insert when a concurrent submit
    // of the same draft committed first; our transaction, its sequence number included, rolled
    // back): that case is the answer, as a second submit always gets.
    const existing = submissionKey && error instanceof KeyUsed ? await caseOfSubmission(deps, userId, submissionKey) : null;
    if (existing) return existing;
    throw error;
  }
  deps.flushOutbox();
  // The case is safe in PostgreSQL; a re-alert that cannot be scheduled must not undo that.
  await scheduleNewCaseTimers(deps, submitted).catch((error: unknown) => {
    deps.logger.warn({ err: error, caseId: submitted.caseId }, "could not schedule the new case's timers");
  });
  // The countdown to its irreversible date (never throws; reconciled at worker start).
  if (irreversibleAt) await syncCaseCountdown(deps, submitted.caseId, countdown);
  return submitted;
}

/** The cases a producer may see: those of the units they represent. */
export function producerCaseScope(userId: number) {
  return { unit: { representatives: { some: { userId } } } };
}

/** One page of a producer's cases (a page past the end shows the last one). */
export async function listProducerCases(deps: Pick<Deps, "db">, userId: number, page: number, pageSize: number) {
  const where = producerCaseScope(userId);
  const select = { id: true, trackingCode: true, status: true, urgency: true, category: true, submittedAt: true } as const;
  const [open, closed] = await Promise.all([
    // Open cases first, most urgent then newest; finished ones after, newest first.
    deps.db.case.findMany({ where: { ...where, status: { in: OPEN_CASE_STATUSES } }, orderBy: [{ urgency: "asc" }, { submittedAt: "desc" }], select }),
    deps.db.case.findMany({ where: { ...where, status: { notIn: OPEN_CASE_STATUSES } }, orderBy: [{ submittedAt: "desc" }], select }),
  ]);
  const all = [...open, ...closed];
  const { page: current, pages, offset } = pageWindow(all.length, pageSize, page);
  return { total: all.length, page: current, pages, items: all.slice(offset, offset + pageSize) };
}

export const ADD_INFO_MAX = 2000;

export interface ProducerAddition {
  text: string;
  attachment: DraftAttachment | null;
}

/**
 * A producer adds information or a document to an open case of a unit they represent. When
 * the secretariat had asked a question (needs_info), this is the answer: the case returns to
 * the queue, whoever asked is told, and the agencies' clocks paused for the answer resume
 * (their due dates move by the working days paused; src/services/clock-pauses.ts).
 */
export async function addProducerInformation(
  deps: Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "policies" | "scheduler">,
  userId: number,
  caseId: number,
  addition: ProducerAddition,
): Promise<{ trackingCode: string; answeredRequest: boolean; resumedTasks: number[] }> {
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx) => {
    // The secretariat may be acting on the case right now: its change lands first, or ours does.
    await lockCase(tx, caseId);
    const item = await tx.case.findFirst({
      where: { id: caseId, ...producerCaseScope(userId) },
      select: { id: true, status: true, trackingCode: true, workingGroupId: true, takenById: true },
    });
    if (!item) throw notYours("not_yours");
    const answering = item.status === "needs_info";
    const action = answering ? "answer_info" : "add_info";
    const move = transition(item.status, action, { role: "producer" });
    if (!move.ok) throw notYours("not_open");
    const event = await appendEvent(tx, {
      caseId: item.id,
      actorId: userId,
      type: answering ? "info_answered" : "info_added",
      data: { text: addition.text, attachments: addition.attachment ? 1 : 0 },
    });
    if (addition.attachment) {
      await tx.attachment.create({ data: { ...addition.attachment, caseId: item.id, eventId: event.id, uploadedById: userId } });
    }
    if (move.to !== item.status) await tx.case.update({ where: { id: item.id }, data: { status: move.to } });
    const resumedTasks = answering
      ? await resumeCaseClocks(tx, deps, { caseId: item.id, trackingCode: item.trackingCode, waitingOn: "producer", actorId: userId, now })
      : [];
    const taker = item.takenById
      ? await tx.user.findUnique({ where: { id: item.takenById }, select: { id: true, telegramId: true, language: true } })
      : null;
    const recipients = taker ? [recipientOf(taker)] : await secretariatOf(tx, item.workingGroupId);
    await notify(tx, deps, recipients, {
      key: answering ? "notice-producer-answered" : "notice-producer-added-info",
      args: { code: item.trackingCode, text: truncate(addition.text || "📎", 500) },
      dedupeKey: `case:${item.id}:event:${event.id}`,
      kind: "ALERT",
      buttons: [[{ labelKey: "button-open-case", callback: queueCase.pack({ caseId: item.id }) }]],
    });
    return { trackingCode: item.trackingCode, answeredRequest: answering, resumedTasks };
  });
  deps.flushOutbox();
  // After the commit; never throws (the worker's reconciliation catches up on a failure).
  for (const taskId of result.resumedTasks) await deps.scheduler.syncTaskReminders(taskId);
  return result;
}

/** A case of a unit the user represents, with what its card shows (forged ids find nothing). */
export async function ownCase(deps: Pick<Deps, "db">, userId: number, caseId: number) {
  return deps.db.case.findFirst({
    where: { id: caseId, ...producerCaseScope(userId) },
    include: {
      unit: { select: { name: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      events: { orderBy: { id: "asc" }, include: { actor: { select: { firstName: true } } } },
      // Whom the case waits on (the agencies, their paused clocks, the meeting).
      ...caseWaitSelect,
    },
  });
}

/** The tracking code and status of a case of the user's (null when not theirs). */
export async function ownCaseStatus(deps: Pick<Deps, "db">, userId: number, caseId: number) {
  return deps.db.case.findFirst({ where: { id: caseId, ...producerCaseScope(userId) }, select: { trackingCode: true, status: true } });
}
