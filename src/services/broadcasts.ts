/**
 * Broadcasts (اطلاع‌رسانی همگانی): a notice from the secretariat to an audience of its working
 * group. Confirming one writes one outbox row per recipient in a single transaction (kind
 * BROADCAST, the lowest priority, dedupe key `broadcast:<id>:<userId>`), so the delivery
 * pipeline sends each exactly once, under Telegram's rate limits, behind every notice and
 * reminder, and a restart resumes where it stopped. Progress is read from the rows' statuses.
 */
import { refusal } from "../domain/refusal";
import { broadcastCancel } from "../buttons/broadcasts";
import { z } from "zod";
import type { Deps } from "../deps";
import type { Prisma, Tx } from "../db";
import { fullName, localizeDigits, normalizeText, truncate } from "../domain/text";
import { ActivityStatus, AgencyKind, Sector, type BroadcastStatus, type DeliveryStatus } from "../generated/prisma/enums";
import { type Locale, localName, type Translator } from "../i18n";
import { isLocale } from "../i18n";
import { requireSecretariat } from "./meetings";
import { notify, recipientOf } from "./notifications";
import type { OutboundPayload } from "./outbox";
import { PRIORITY } from "./outbox";

/** Room is left for the header in the recipient's language (Telegram: 4096 / 1024 with media). */
export const BROADCAST_TEXT_MAX = 3800;
export const BROADCAST_CAPTION_MAX = 850;
export const BROADCAST_TEXT_MIN = 5;

export const BroadcastAudienceSchema = z
  .discriminatedUnion("kind", [
    /** Members of the working group (secretariat, chair, officials) and every unit representative. */
    z.object({ kind: z.literal("everyone") }),
    z.object({ kind: z.literal("officials"), agencyKinds: z.array(z.enum(AgencyKind)).min(1).max(30) }),
    /** Representatives of the working group's production units. */
    z.object({ kind: z.literal("producers") }),
    z.object({ kind: z.literal("meeting"), meetingId: z.number().int().positive() }),
    z.object({ kind: z.literal("units"), sector: z.enum(Sector).nullable(), activityStatus: z.enum(ActivityStatus).nullable() }),
    /** Representatives of the units of one county of the working group (seeded list, active). */
    z.object({ kind: z.literal("county"), countyId: z.number().int().positive() }),
  ])
  .superRefine((audience, ctx) => {
    if (audience.kind === "units" && audience.sector === null && audience.activityStatus === null) {
      ctx.addIssue({ code: "custom", path: ["sector"], message: "choose a sector or an activity status" });
    }
  });
export type BroadcastAudience = z.infer<typeof BroadcastAudienceSchema>;

export type BroadcastErrorReason = "forbidden" | "not_found" | "invalid_input" | "not_draft" | "not_sending" | "empty_audience";

/** A refusal of this service: message `broadcasts-error-<reason>`. */
const refused = (reason: BroadcastErrorReason) => refusal("broadcasts-error", reason);

/** Re-checks the actor's role in the transaction; meetings.ts's check, with this module's error. */
async function requireBroadcaster(tx: Pick<Tx, "membership">, userId: number, workingGroupId: number): Promise<void> {
  try {
    await requireSecretariat(tx, userId, workingGroupId);
  } catch {
    throw refused("forbidden");
  }
}

const userSelect = { id: true, telegramId: true, language: true, firstName: true, lastName: true } as const;
type AudienceUser = { id: number; telegramId: string; language: string; firstName: string; lastName: string | null };

/** Everyone the audience stands for in the working group, each once (one query), by user id. */
export async function resolveAudience(tx: Pick<Tx, "user">, workingGroupId: number, audience: BroadcastAudience): Promise<AudienceUser[]> {
  const memberOf = (where: Prisma.MembershipWhereInput): Prisma.UserWhereInput => ({
    memberships: { some: { workingGroupId, revokedAt: null, ...where } },
  });
  const representativeOf = (unit: Prisma.ProductionUnitWhereInput): Prisma.UserWhereInput => ({
    representations: { some: { unit: { workingGroupId, ...unit } } },
  });
  let where: Prisma.UserWhereInput;
  switch (audience.kind) {
    case "everyone":
      where = { OR: [memberOf({}), representativeOf({})] };
      break;
    case "officials":
      where = memberOf({ role: "OFFICIAL", agency: { kind: { in: audience.agencyKinds } } });
      break;
    case "producers":
      where = representativeOf({});
      break;
    case "meeting":
      where = { meetingInvites: { some: { meetingId: audience.meetingId, meeting: { workingGroupId } } } };
      break;
    case "units":
      where = representativeOf({
        ...(audience.sector ? { sector: audience.sector } : {}),
        ...(audience.activityStatus ? { activityStatus: audience.activityStatus } : {}),
      });
      break;
    case "county":
      where = representativeOf({ countyId: audience.countyId });
      break;
  }
  return tx.user.findMany({ where, select: userSelect, orderBy: { id: "asc" } });
}

/** The recipients of an audience, without the author (who follows the progress message instead). */
async function recipientsFor(tx: Pick<Tx, "user">, workingGroupId: number, audience: BroadcastAudience, authorId: number) {
  return (await resolveAudience(tx, workingGroupId, audience)).filter((user) => user.id !== authorId);
}

export interface BroadcastDraftInput {
  workingGroupId: number;
  text: string;
  photoFileId?: string | null;
  documentFileId?: string | null;
  audience: unknown;
}

export function validateBroadcastText(text: string, withMedia: boolean): "short" | "long" | null {
  const normalized = normalizeText(text);
  if (normalized.length < BROADCAST_TEXT_MIN) return "short";
  if (normalized.length > (withMedia ? BROADCAST_CAPTION_MAX : BROADCAST_TEXT_MAX)) return "long";
  return null;
}

/** Stores a draft (nothing is sent) and counts its recipients, for the preview. */
export async function createBroadcastDraft(deps: Pick<Deps, "db">, actorId: number, input: BroadcastDraftInput): Promise<{ id: number; total: number }> {
  const audience = BroadcastAudienceSchema.safeParse(input.audience);
  if (!audience.success) throw refused("invalid_input");
  const withMedia = Boolean(input.photoFileId || input.documentFileId);
  if (validateBroadcastText(input.text, withMedia) !== null || (input.photoFileId && input.documentFileId)) throw refused("invalid_input");
  return deps.db.$transaction(async (tx) => {
    await requireBroadcaster(tx, actorId, input.workingGroupId);
    if (audience.data.kind === "meeting") {
      const meeting = await tx.meeting.findFirst({ where: { id: audience.data.meetingId, workingGroupId: input.workingGroupId } });
      if (!meeting) throw refused("invalid_input");
    }
    if (audience.data.kind === "county") {
      // Never trusted: the county must be one of this group's, and still in use.
      const county = await tx.county.findFirst({ where: { id: audience.data.countyId, workingGroupId: input.workingGroupId, active: true } });
      if (!county) throw refused("invalid_input");
    }
    const total = (await recipientsFor(tx, input.workingGroupId, audience.data, actorId)).length;
    const draft = await tx.broadcast.create({
      data: {
        workingGroupId: input.workingGroupId,
        createdById: actorId,
        text: normalizeText(input.text),
        photoFileId: input.photoFileId ?? null,
        documentFileId: input.documentFileId ?? null,
        audience: audience.data,
        total,
      },
      select: { id: true, total: true },
    });
    return draft;
  });
}

/** The Bot API call a recipient gets: the header in their language, then the notice. */
export function broadcastPayload(
  t: Translator,
  locale: Locale,
  broadcast: { text: string; photoFileId: string | null; documentFileId: string | null },
  groupName: string,
): OutboundPayload {
  const text = `${t(locale, "broadcasts-header", { group: groupName })}\n\n${broadcast.text}`;
  if (broadcast.photoFileId) return { method: "sendPhoto", params: { photo: broadcast.photoFileId, caption: text } };
  if (broadcast.documentFileId) return { method: "sendDocument", params: { document: broadcast.documentFileId, caption: text } };
  return { method: "sendMessage", params: { text } };
}

/**
 * Writes one BROADCAST outbox row per recipient in a single statement. The rows are exactly
 * what enqueueOutbound would write (dedupe key, kind, chat, user, broadcast, priority,
 * payload; the rest by default); one INSERT … SELECT FROM unnest() takes ~50 ms for 2,000
 * rows where createMany takes over a second, and the broadcast's clock starts at confirm.
 */
async function insertBroadcastRows(
  tx: Tx,
  broadcastId: number,
  recipients: ReadonlyArray<{ id: number; telegramId: string; language: string }>,
  payloadFor: (locale: Locale) => OutboundPayload,
): Promise<number> {
  const locales: Locale[] = [];
  const localeIndex = (language: string) => {
    const locale: Locale = isLocale(language) ? language : "fa";
    if (!locales.includes(locale)) locales.push(locale);
    return locales.indexOf(locale) + 1; // PostgreSQL arrays count from 1
  };
  const indexes = recipients.map((r) => localeIndex(r.language));
  const payloads = locales.map((locale) => JSON.stringify(payloadFor(locale)));
  return tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("dedupeKey", "kind", "chatId", "userId", "broadcastId", "priority", "payload")
    SELECT 'broadcast:' || ${broadcastId}::int || ':' || u, 'BROADCAST'::"OutboxKind", c, u, ${broadcastId}::int, ${PRIORITY.broadcast}::int, (${payloads}::jsonb[])[p]
    FROM unnest(${recipients.map((r) => r.id)}::int[], ${recipients.map((r) => r.telegramId)}::text[], ${indexes}::int[]) AS t(u, c, p)
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * Confirms a draft: in ONE transaction the recipients are resolved again, one outbox row per
 * recipient is written and the broadcast becomes SENDING with the progress message recorded.
 * A second confirmation (a double tap) finds it no longer a draft and changes nothing.
 * The caller starts the progress timer after the commit (startBroadcastProgress).
 */
export async function startBroadcast(
  deps: Pick<Deps, "db" | "t" | "now" | "flushOutbox">,
  actorId: number,
  broadcastId: number,
  progress: { chatId: string; messageId: number } | null,
): Promise<{ total: number }> {
  const result = await deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Broadcast" WHERE id = ${broadcastId} FOR UPDATE`;
    if (rows.length === 0) throw refused("not_found");
    const broadcast = await tx.broadcast.findUniqueOrThrow({ where: { id: broadcastId }, include: { workingGroup: { select: { nameFa: true, nameEn: true } } } });
    await requireBroadcaster(tx, actorId, broadcast.workingGroupId);
    if (broadcast.status !== "DRAFT") throw refused("not_draft");
    const audience = BroadcastAudienceSchema.parse(broadcast.audience);
    const recipients = await recipientsFor(tx, broadcast.workingGroupId, audience, broadcast.createdById);
    if (recipients.length === 0) throw refused("empty_audience");
    const groupName = (locale: Locale) => localName(broadcast.workingGroup, locale);
    await insertBroadcastRows(tx, broadcast.id, recipients, (locale) => broadcastPayload(deps.t, locale, broadcast, groupName(locale)));
    await tx.broadcast.update({
      where: { id: broadcast.id },
      data: {
        status: "SENDING",
        total: recipients.length,
        startedAt: deps.now(),
        progressChatId: progress?.chatId ?? null,
        progressMessageId: progress?.messageId ?? null,
      },
    });
    return { total: recipients.length };
  });
  deps.flushOutbox();
  return result;
}

/** Drops a draft the author decided not to send. */
export async function discardBroadcastDraft(deps: Pick<Deps, "db" | "now">, actorId: number, broadcastId: number): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const broadcast = await tx.broadcast.findUnique({ where: { id: broadcastId }, select: { workingGroupId: true, status: true } });
    if (!broadcast) throw refused("not_found");
    await requireBroadcaster(tx, actorId, broadcast.workingGroupId);
    if (broadcast.status !== "DRAFT") throw refused("not_draft");
    await tx.broadcast.update({ where: { id: broadcastId }, data: { status: "CANCELLED", finishedAt: deps.now() } });
  });
}

/**
 * Stops a broadcast: every row not yet handed to Telegram becomes CANCELLED (the sender skips
 * those). A message already on its way when the button was pressed may still arrive.
 * Returns the cancelled rows' ids so the caller can drop their queued jobs early.
 */
export async function cancelBroadcast(deps: Pick<Deps, "db" | "now">, actorId: number, broadcastId: number): Promise<{ cancelledIds: number[] }> {
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Broadcast" WHERE id = ${broadcastId} FOR UPDATE`;
    if (rows.length === 0) throw refused("not_found");
    const broadcast = await tx.broadcast.findUniqueOrThrow({ where: { id: broadcastId }, select: { workingGroupId: true, status: true } });
    await requireBroadcaster(tx, actorId, broadcast.workingGroupId);
    if (broadcast.status !== "SENDING") throw refused("not_sending");
    // RETURNING: exactly the rows this statement cancelled (a row the sender finishes meanwhile is not one).
    const cancelled = await tx.$queryRaw<Array<{ id: number }>>`
      UPDATE "OutboxMessage" SET status = 'CANCELLED'::"DeliveryStatus"
      WHERE "broadcastId" = ${broadcastId} AND status IN ('PENDING'::"DeliveryStatus", 'QUEUED'::"DeliveryStatus")
      RETURNING id`;
    const cancelledIds = cancelled.map((row) => row.id);
    await tx.outboxMessage.updateMany({ where: { id: { in: cancelledIds } }, data: { finishedAt: deps.now() } });
    await tx.broadcast.update({ where: { id: broadcastId }, data: { status: "CANCELLED", finishedAt: deps.now() } });
    return { cancelledIds };
  });
}

export interface BroadcastCounts {
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  cancelled: number;
  /** Not yet final: PENDING or QUEUED. */
  remaining: number;
}

/** Progress from the outbox rows' statuses (one grouped query). */
export async function broadcastCounts(db: Pick<Tx, "outboxMessage">, broadcastId: number): Promise<BroadcastCounts> {
  const groups = await db.outboxMessage.groupBy({ by: ["status"], where: { broadcastId }, _count: { _all: true } });
  const of = (status: DeliveryStatus) => groups.find((g) => g.status === status)?._count._all ?? 0;
  const counts = { sent: of("SENT"), failed: of("FAILED"), blocked: of("BLOCKED"), cancelled: of("CANCELLED"), remaining: of("PENDING") + of("QUEUED") };
  return { ...counts, total: counts.sent + counts.failed + counts.blocked + counts.cancelled + counts.remaining };
}

export function progressText(t: Translator, locale: Locale, broadcast: { id: number; status: BroadcastStatus }, counts: BroadcastCounts): string {
  const n = (value: number) => localizeDigits(String(value), locale);
  return t(locale, "broadcasts-progress", {
    id: n(broadcast.id),
    state: t(locale, `broadcasts-state-${broadcast.status}`),
    sent: n(counts.sent),
    failed: n(counts.failed),
    blocked: n(counts.blocked),
    cancelled: n(counts.cancelled),
    remaining: n(counts.remaining),
    total: n(counts.total),
  });
}

const REPORT_LIST_MAX = 40;

/**
 * Marks a SENDING broadcast DONE once no row is left to send and, exactly once (for DONE or
 * CANCELLED), queues the final report to its author: the counts and who could not be reached
 * and why. Returns the broadcast's status afterwards.
 */
export async function finishBroadcastIfDone(deps: Pick<Deps, "db" | "t" | "now" | "flushOutbox">, broadcastId: number): Promise<{ status: BroadcastStatus; counts: BroadcastCounts } | null> {
  const outcome = await deps.db.$transaction(async (tx) => {
    const broadcast = await tx.broadcast.findUnique({
      where: { id: broadcastId },
      select: { id: true, status: true, createdBy: { select: { id: true, telegramId: true, language: true } } },
    });
    if (!broadcast) return null;
    const counts = await broadcastCounts(tx, broadcastId);
    let status = broadcast.status;
    if (status === "SENDING" && counts.remaining === 0) {
      const done = await tx.broadcast.updateMany({ where: { id: broadcastId, status: "SENDING" }, data: { status: "DONE", finishedAt: deps.now() } });
      if (done.count === 1) status = "DONE";
    }
    if ((status === "DONE" || status === "CANCELLED") && counts.remaining === 0) {
      const unreached = await tx.outboxMessage.findMany({
        where: { broadcastId, status: { in: ["FAILED", "BLOCKED"] } },
        orderBy: { id: "asc" },
        take: REPORT_LIST_MAX,
        select: { status: true, lastError: true, user: { select: { firstName: true, lastName: true } }, chatId: true },
      });
      const more = counts.failed + counts.blocked - unreached.length;
      const written = await notify(tx, deps, [recipientOf(broadcast.createdBy)], {
        key: unreached.length === 0 ? "broadcasts-report-all-reached" : "broadcasts-report",
        args: (locale) => ({
          id: localizeDigits(String(broadcastId), locale),
          summary: progressText(deps.t, locale, { id: broadcastId, status }, counts),
          list: [
            ...unreached.map((row) =>
              deps.t(locale, row.status === "BLOCKED" ? "broadcasts-unreached-blocked" : "broadcasts-unreached-failed", {
                name: row.user ? fullName(row.user) : row.chatId,
                error: truncate(row.lastError ?? "-", 80),
              }),
            ),
            ...(more > 0 ? [deps.t(locale, "broadcasts-unreached-more", { count: localizeDigits(String(more), locale) })] : []),
          ].join("\n"),
        }),
        dedupeKey: `broadcast:${broadcastId}:report`,
        kind: "NOTICE",
      });
      return { status, counts, written };
    }
    return { status, counts, written: 0 };
  });
  if (!outcome) return null;
  if (outcome.written > 0) deps.flushOutbox();
  return { status: outcome.status, counts: outcome.counts };
}

/** The live progress message's one button. */
export function progressCancelKeyboard(label: string, broadcastId: number): { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } {
  return { inline_keyboard: [[{ text: label, callback_data: broadcastCancel.pack({ broadcastId }) }]] };
}

/** Agency kinds with an active agency in the group (the officials audience's choices). */
export async function activeAgencyKinds(deps: Pick<Deps, "db">, workingGroupId: number) {
  const rows = await deps.db.agency.findMany({ where: { workingGroupId, active: true }, distinct: ["kind"], orderBy: { kind: "asc" }, select: { kind: true } });
  return rows.map((row) => row.kind);
}

/** Recent meetings with invitees (the meeting audience's choices). */
export async function broadcastableMeetings(deps: Pick<Deps, "db">, workingGroupId: number) {
  return deps.db.meeting.findMany({
    where: { workingGroupId, status: { in: ["SCHEDULED", "HELD"] }, invitees: { some: {} } },
    orderBy: { startsAt: "desc" },
    take: 8,
    select: { id: true, kind: true, number: true, jalaliYear: true },
  });
}

/** The names of the broadcast's working group (its signature line). */
export { workingGroupNames as workingGroupOf } from "./working-groups";
