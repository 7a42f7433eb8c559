/**
 * A unit's representatives (issue 13, item 6): a unit may have several (a manager, a finance
 * officer…). The unit's working group's secretariat (and admins) add one by invitation — a
 * single-use, expiring deep link rep_<code>, only its sha256 stored — and remove one; a
 * representative may leave. A unit keeps at least one representative, and the cases a
 * departing one reported move to the longest-standing one left, so the producer side of every
 * case still has someone told. Whoever stops representing a unit loses its cases at once: the
 * case scope is the UnitRepresentative row (producerCaseScope), and the user cache is
 * invalidated after the commit (forgetUsers). Every change is on the audit trail.
 */
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { refusal } from "../domain/refusal";
import { fullName } from "../domain/text";
import { recordAudit } from "./audit";
import { inScope, secretariatGroups } from "./authz";
import { generateInvitationCode, hashInvitationCode, isWellFormedInvitationCode } from "./invitations";
import { notify, recipientOf, secretariatOf } from "./notifications";
import { appendEvent } from "./timeline";
import { forgetUsers } from "./user-cache";
import { recheckSubmissions } from "./submissions";
import type { SessionUser } from "./users";

export const REPRESENTATIVE_PAYLOAD_PREFIX = "rep_";

export function representativeLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${REPRESENTATIVE_PAYLOAD_PREFIX}${code}`;
}

type Reason = "forbidden" | "not_found" | "last" | "not_representative";
/** The bot shows `reps-error-<reason>`. */
const repRefusal = (reason: Reason) => refusal("reps-error", reason);

type RepDeps = Pick<Deps, "db" | "sql" | "now" | "config" | "t" | "flushOutbox" | "redis" | "logger">;

/**
 * Who may add and remove a unit's representatives: the secretariat and admins of its working
 * group. (A county desk of the unit's county joins here when that role exists.)
 */
export function canManageRepresentatives(actor: SessionUser, unit: { workingGroupId: number }): boolean {
  return inScope(secretariatGroups(actor), unit.workingGroupId);
}

async function managedUnit(deps: Pick<Deps, "db">, actor: SessionUser, unitId: number) {
  const unit = await deps.db.productionUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true, workingGroupId: true } });
  // Another group's unit reads as missing: a forger learns nothing.
  if (!unit || !canManageRepresentatives(actor, unit)) throw repRefusal("not_found");
  return unit;
}

/** The unit of a case, for the case card's button (the case's group is checked as the unit's). */
export async function unitOfCase(deps: Pick<Deps, "db">, actor: SessionUser, caseId: number): Promise<number> {
  const row = await deps.db.case.findUnique({ where: { id: caseId }, select: { unitId: true, workingGroupId: true } });
  if (!row || !canManageRepresentatives(actor, row)) throw repRefusal("not_found");
  return row.unitId;
}

/** The unit's representatives (oldest first) and its open invitations, for the secretariat. */
export async function unitRepresentatives(deps: Pick<Deps, "db" | "now">, actor: SessionUser, unitId: number) {
  const unit = await managedUnit(deps, actor, unitId);
  const [representatives, openInvitations] = await Promise.all([
    deps.db.unitRepresentative.findMany({
      where: { unitId },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      select: { createdAt: true, user: { select: { id: true, firstName: true, lastName: true, username: true } } },
    }),
    deps.db.unitInvitation.count({ where: { unitId, usedAt: null, revokedAt: null, expiresAt: { gt: deps.now() } } }),
  ]);
  return { unit, representatives: representatives.map((r) => ({ ...r.user, since: r.createdAt })), openInvitations };
}

/** A new invitation to represent the unit; the code is returned once and never stored. */
export async function inviteRepresentative(deps: Pick<Deps, "db" | "now" | "config">, actor: SessionUser, unitId: number) {
  const unit = await managedUnit(deps, actor, unitId);
  const code = generateInvitationCode();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.INVITATION_TTL_HOURS * 3_600_000);
  await deps.db.unitInvitation.create({ data: { codeHash: hashInvitationCode(code), unitId: unit.id, createdById: actor.id, createdAt: now, expiresAt } });
  return { unit, code, expiresAt };
}

export type RepresentativeRedeem =
  | { ok: true; unit: { id: number; name: string; workingGroupId: number }; already: boolean; linkedCase: string | null }
  | { ok: false; reason: "invalid" | "expired" | "used" | "revoked" };

/** Makes the user a representative of the invitation's unit, once (a conditional claim, as staff invitations). */
export async function redeemRepresentativeInvitation(deps: RepDeps, user: SessionUser, code: string): Promise<RepresentativeRedeem> {
  if (!isWellFormedInvitationCode(code)) return { ok: false, reason: "invalid" };
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx): Promise<RepresentativeRedeem> => {
    const invitation = await tx.unitInvitation.findUnique({
      where: { codeHash: hashInvitationCode(code) },
      select: {
        id: true,
        usedAt: true,
        revokedAt: true,
        expiresAt: true,
        caseId: true,
        unit: { select: { id: true, name: true, workingGroupId: true } },
      },
    });
    if (!invitation) return { ok: false, reason: "invalid" };
    if (invitation.revokedAt) return { ok: false, reason: "revoked" };
    if (invitation.usedAt) return { ok: false, reason: "used" };
    if (invitation.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    const claimed = await tx.unitInvitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: user.id },
    });
    if (claimed.count !== 1) return { ok: false, reason: "used" };
    const { unit } = invitation;
    const created = await tx.unitRepresentative.createMany({ data: [{ userId: user.id, unitId: unit.id, createdAt: now }], skipDuplicates: true });
    if (created.count === 1) {
      await recordAudit(tx, {
        actorId: user.id,
        workingGroupId: unit.workingGroupId,
        entityType: "unit_representative",
        entityId: unit.id,
        action: "added",
        after: { unitId: unit.id, unit: unit.name, userId: user.id, name: fullName(user) },
        at: now,
      });
      await notify(tx, deps, await secretariatOf(tx, unit.workingGroupId), {
        key: "reps-notice-joined",
        args: { unit: unit.name, name: fullName(user) },
        dedupeKey: `unit:${unit.id}:rep-joined:${user.id}:${invitation.id}`,
      });
    }
    const linked = invitation.caseId ? await linkProducer(tx, invitation.caseId, unit.id, user.id) : null;
    return { ok: true, unit, already: created.count === 0, linkedCase: linked };
  });
  if (result.ok) {
    await forgetUsers(deps, [user.id]);
    deps.flushOutbox();
  }
  return result;
}

/**
 * Assisted intake: the producer who opened the invitation becomes the reporter of the case filed
 * on their behalf, while it is still the filer's (a timeline event says so). Its tracking code.
 */
async function linkProducer(tx: Tx, caseId: number, unitId: number, userId: number): Promise<string | null> {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: { unitId: true, reporterId: true, filedById: true, trackingCode: true, fieldVisitId: true } });
  if (!row || row.unitId !== unitId || row.filedById === null || row.reporterId !== row.filedById) return null;
  // A field visit's invitation (src/services/visits.ts) links every case of the visit still the filer's.
  const siblings = row.fieldVisitId
    ? await tx.case.findMany({ where: { fieldVisitId: row.fieldVisitId, unitId, filedById: row.filedById, reporterId: row.filedById }, select: { id: true } })
    : [{ id: caseId }];
  for (const sibling of siblings) {
    await tx.case.update({ where: { id: sibling.id }, data: { reporterId: userId } });
    await appendEvent(tx, { caseId: sibling.id, actorId: userId, type: "producer_linked", data: {} });
  }
  return row.trackingCode;
}

/**
 * Ends one representation in the caller's transaction, with the unit row locked (two removals
 * at once cannot leave it with none): refuses the last one, moves the departing one's cases
 * (as reporter) to the longest-standing representative left. Returns that successor.
 */
async function endRepresentation(tx: Tx, unitId: number, userId: number): Promise<{ successorId: number; movedCases: number }> {
  await tx.$queryRaw`SELECT id FROM "ProductionUnit" WHERE id = ${unitId} FOR UPDATE`;
  const representatives = await tx.unitRepresentative.findMany({ where: { unitId }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }], select: { userId: true } });
  if (!representatives.some((r) => r.userId === userId)) throw repRefusal("not_representative");
  const successor = representatives.find((r) => r.userId !== userId);
  if (!successor) throw repRefusal("last");
  await tx.unitRepresentative.delete({ where: { userId_unitId: { userId, unitId } } });
  const moved = await tx.case.updateMany({ where: { unitId, reporterId: userId }, data: { reporterId: successor.userId } });
  // A submission whose code the departing one was not yet shown is the successor's to see.
  await tx.unconfirmedSubmission.updateMany({ where: { reporterId: userId, case: { unitId } }, data: { reporterId: successor.userId } });
  return { successorId: successor.userId, movedCases: moved.count };
}

async function personOf(tx: Tx, userId: number) {
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, telegramId: true, language: true, firstName: true, lastName: true } });
}

/** The secretariat removes a representative: they are told, and lose the unit's cases at once. */
export async function removeRepresentative(deps: RepDeps, actor: SessionUser, unitId: number, userId: number) {
  const unit = await managedUnit(deps, actor, unitId);
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx) => {
    const ended = await endRepresentation(tx, unit.id, userId);
    const removed = await personOf(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      workingGroupId: unit.workingGroupId,
      entityType: "unit_representative",
      entityId: unit.id,
      action: "removed",
      before: { unitId: unit.id, unit: unit.name, userId, name: fullName(removed) },
      at: now,
    });
    const stamp = now.getTime();
    await notify(tx, deps, [recipientOf(removed)], { key: "reps-notice-removed", args: { unit: unit.name }, dedupeKey: `unit:${unit.id}:rep-removed:${userId}:${stamp}` });
    if (ended.movedCases > 0) {
      await notify(tx, deps, [recipientOf(await personOf(tx, ended.successorId))], {
        key: "reps-notice-cases-moved",
        args: { unit: unit.name, count: ended.movedCases },
        dedupeKey: `unit:${unit.id}:rep-moved:${userId}:${stamp}`,
      });
    }
    return { ...ended, name: fullName(removed) };
  });
  await forgetUsers(deps, [userId, result.successorId]);
  // The departing one's untold submission codes are the successor's now (endRepresentation).
  await recheckSubmissions(deps, result.successorId);
  deps.flushOutbox();
  return { unit, ...result };
}

/** A representative leaves a unit (not the last one): the secretariat is told. */
export async function leaveUnit(deps: RepDeps, user: SessionUser, unitId: number) {
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx) => {
    const unit = await tx.productionUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true, workingGroupId: true } });
    if (!unit) throw repRefusal("not_representative");
    const ended = await endRepresentation(tx, unit.id, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      workingGroupId: unit.workingGroupId,
      entityType: "unit_representative",
      entityId: unit.id,
      action: "left",
      before: { unitId: unit.id, unit: unit.name, userId: user.id, name: fullName(user) },
      at: now,
    });
    const stamp = now.getTime();
    await notify(tx, deps, await secretariatOf(tx, unit.workingGroupId), {
      key: "reps-notice-left",
      args: { unit: unit.name, name: fullName(user) },
      dedupeKey: `unit:${unit.id}:rep-left:${user.id}:${stamp}`,
    });
    if (ended.movedCases > 0) {
      await notify(tx, deps, [recipientOf(await personOf(tx, ended.successorId))], {
        key: "reps-notice-cases-moved",
        args: { unit: unit.name, count: ended.movedCases },
        dedupeKey: `unit:${unit.id}:rep-moved:${user.id}:${stamp}`,
      });
    }
    return { unit, ...ended };
  });
  await forgetUsers(deps, [user.id, result.successorId]);
  await recheckSubmissions(deps, result.successorId);
  deps.flushOutbox();
  return result;
}

/** The units the user represents, each with how many representatives it has. */
export async function myUnits(deps: Pick<Deps, "db">, user: SessionUser) {
  const rows = await deps.db.productionUnit.findMany({
    where: { representatives: { some: { userId: user.id } } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, _count: { select: { representatives: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, representatives: row._count.representatives }));
}
