/**
 * Invitations: how staff (secretariat, officials, chairs, admins) get their role. A single-use,
 * expiring deep link t.me/<bot>?start=inv_<code>; only sha256(code) is stored, so a database
 * leak yields no usable link.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Deps } from "../deps";
import type { Role } from "../generated/prisma/enums";
import {
  canRevokeMembership,
  invitableRoles,
  inScope,
  managedGroups,
  scopeWhere,
  type GroupScope,
} from "./authz";
import { fullName } from "../domain/text";
import { notify, recipientOf } from "./notifications";
import type { SessionUser } from "./users";
import { forgetUsers } from "./user-cache";
import { recordAudit } from "./audit";
import { localName } from "../i18n";
import { Refusal } from "../domain/refusal";
export { workingGroupNames } from "./working-groups";

export const INVITATION_PAYLOAD_PREFIX = "inv_";
/** 24 random bytes → 32 url-safe characters (the deep-link payload allows [A-Za-z0-9_-], ≤ 64). */
const CODE_BYTES = 24;
const CODE_PATTERN = /^[A-Za-z0-9_-]{24,60}$/;

export function generateInvitationCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

export function hashInvitationCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export function isWellFormedInvitationCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

export function invitationLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${INVITATION_PAYLOAD_PREFIX}${code}`;
}

type InvitationRefusal = "forbidden" | "invalid_agency" | "agency_required" | "invalid_county" | "not_found";

/** Every refusal of this service reads "not allowed" to the user; `.reason` says which rule. */
const refused = (reason: InvitationRefusal) => new Refusal(reason, reason === "not_found" ? "error-not-found" : "error-not-allowed");

export interface NewInvitation {
  role: Role;
  workingGroupId: number;
  agencyId?: number | null;
  isAgencyHead?: boolean;
  /** COUNTY_DESK: one of the group's active counties. */
  countyId?: number | null;
}

type InvitationDeps = Pick<Deps, "db" | "now" | "config">;

/** Creates an invitation; returns the code (shown once, never stored) and its expiry. */
export async function createInvitation(
  deps: InvitationDeps,
  actor: SessionUser,
  input: NewInvitation,
): Promise<{ id: number; code: string; expiresAt: Date }> {
  if (!invitableRoles(actor, input.workingGroupId).includes(input.role)) throw refused("forbidden");
  let agencyId: number | null = null;
  let isAgencyHead = false;
  if (input.role === "OFFICIAL") {
    if (!input.agencyId) throw refused("agency_required");
    const agency = await deps.db.agency.findFirst({
      where: { id: input.agencyId, workingGroupId: input.workingGroupId, active: true },
      select: { id: true },
    });
    if (!agency) throw refused("invalid_agency");
    agencyId = agency.id;
    isAgencyHead = input.isAgencyHead === true;
  }
  let countyId: number | null = null;
  if (input.role === "COUNTY_DESK") {
    if (!input.countyId || !(await isInvitableCounty(deps, input.workingGroupId, input.countyId))) throw refused("invalid_county");
    countyId = input.countyId;
  }
  const code = generateInvitationCode();
  const expiresAt = new Date(deps.now().getTime() + deps.config.INVITATION_TTL_HOURS * 3_600_000);
  const row = await deps.db.invitation.create({
    data: {
      codeHash: hashInvitationCode(code),
      role: input.role,
      workingGroupId: input.workingGroupId,
      agencyId,
      isAgencyHead,
      countyId,
      createdById: actor.id,
      createdAt: deps.now(),
      expiresAt,
    },
    select: { id: true },
  });
  return { id: row.id, code, expiresAt };
}

export type RedeemResult =
  | {
      ok: true;
      membership: { id: number; role: Role; workingGroupId: number; agencyId: number | null; isAgencyHead: boolean; countyId: number | null };
      workingGroup: { nameFa: string; nameEn: string };
      agency: { nameFa: string; nameEn: string } | null;
      /** A county desk's county. */
      county: { nameFa: string; nameEn: string } | null;
      /** The user already held exactly this role: nothing new was granted. */
      alreadyMember: boolean;
    }
  | { ok: false; reason: "invalid" | "expired" | "used" | "revoked" };

/**
 * Grants the invitation's membership to the user, once. The claim is one conditional UPDATE
 * (unused, unrevoked, unexpired), so two people racing for the same link cannot both win.
 */
export async function redeemInvitation(
  deps: Pick<Deps, "db" | "sql" | "now" | "t" | "flushOutbox" | "redis" | "logger">,
  userId: number,
  code: string,
): Promise<RedeemResult> {
  if (!isWellFormedInvitationCode(code)) return { ok: false, reason: "invalid" };
  const codeHash = hashInvitationCode(code);
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx): Promise<RedeemResult> => {
    const invitation = await tx.invitation.findUnique({
      where: { codeHash },
      include: {
        workingGroup: { select: { nameFa: true, nameEn: true } },
        agency: { select: { nameFa: true, nameEn: true } },
        county: { select: { nameFa: true, nameEn: true } },
        createdBy: { select: { id: true, telegramId: true, language: true } },
      },
    });
    if (!invitation) return { ok: false, reason: "invalid" };
    if (invitation.revokedAt) return { ok: false, reason: "revoked" };
    if (invitation.usedAt) return { ok: false, reason: "used" };
    if (invitation.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: userId },
    });
    if (claimed.count !== 1) return { ok: false, reason: "used" };

    const same = {
      userId,
      role: invitation.role,
      workingGroupId: invitation.workingGroupId,
      agencyId: invitation.agencyId,
      countyId: invitation.countyId,
      revokedAt: null,
    };
    const existing = await tx.membership.findFirst({ where: same, select: { id: true, isAgencyHead: true } });
    let membershipId: number;
    const joining = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { firstName: true, lastName: true } });
    const granted = {
      userId,
      name: fullName(joining),
      role: invitation.role,
      agencyId: invitation.agencyId,
      isAgencyHead: invitation.isAgencyHead,
      ...(invitation.countyId === null ? {} : { countyId: invitation.countyId }),
      invitationId: invitation.id,
      invitedById: invitation.createdById,
    };
    if (existing) {
      membershipId = existing.id;
      if (invitation.isAgencyHead && !existing.isAgencyHead) {
        await tx.membership.update({ where: { id: existing.id }, data: { isAgencyHead: true } });
        await recordAudit(tx, {
          actorId: userId,
          workingGroupId: invitation.workingGroupId,
          entityType: "membership",
          entityId: existing.id,
          action: "invitation_accepted",
          before: { role: invitation.role, agencyId: invitation.agencyId, isAgencyHead: false },
          after: granted,
          at: now,
        });
      }
    } else {
      const created = await tx.membership.create({
        data: {
          userId,
          role: invitation.role,
          workingGroupId: invitation.workingGroupId,
          agencyId: invitation.agencyId,
          isAgencyHead: invitation.isAgencyHead,
          countyId: invitation.countyId,
          createdAt: now,
        },
        select: { id: true },
      });
      membershipId = created.id;
      // The trail of roles: who joined, as what, on whose invitation.
      await recordAudit(tx, {
        actorId: userId,
        workingGroupId: invitation.workingGroupId,
        entityType: "membership",
        entityId: created.id,
        action: "invitation_accepted",
        after: granted,
        at: now,
      });
    }
    const user = joining;
    // The inviter learns the link was used (and by whom): a stolen link would not go unnoticed.
    await notify(tx, deps, [recipientOf(invitation.createdBy)], {
      key: "invitations-notice-accepted",
      args: (locale) => ({
        name: fullName(user),
        role: deps.t(locale, `invitations-role-${invitation.role}`),
        group: localName(invitation.workingGroup, locale),
      }),
      dedupeKey: `invitation:${invitation.id}:accepted`,
    });
    return {
      ok: true,
      membership: {
        id: membershipId,
        role: invitation.role,
        workingGroupId: invitation.workingGroupId,
        agencyId: invitation.agencyId,
        isAgencyHead: invitation.isAgencyHead || (existing?.isAgencyHead ?? false),
        countyId: invitation.countyId,
      },
      workingGroup: invitation.workingGroup,
      agency: invitation.agency,
      county: invitation.county,
      alreadyMember: existing !== null,
    };
  });
  if (result.ok) {
    // The new role counts from the user's very next update (and from this one: see redeem.ts).
    await forgetUsers(deps, [userId]);
    deps.flushOutbox();
  }
  return result;
}

/** Invitations that can still be used, in the groups the user manages. */
export async function listOpenInvitations(deps: Pick<Deps, "db" | "now">, actor: SessionUser) {
  const scope = managedGroups(actor);
  return deps.db.invitation.findMany({
    where: { ...scopeWhere(scope), usedAt: null, revokedAt: null, expiresAt: { gt: deps.now() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      role: true,
      workingGroupId: true,
      isAgencyHead: true,
      expiresAt: true,
      workingGroup: { select: { code: true, nameFa: true, nameEn: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      county: { select: { nameFa: true, nameEn: true } },
      createdBy: { select: { firstName: true, lastName: true } },
    },
  });
}

export async function revokeInvitation(deps: Pick<Deps, "db" | "now">, actor: SessionUser, invitationId: number): Promise<boolean> {
  const invitation = await deps.db.invitation.findUnique({ where: { id: invitationId }, select: { workingGroupId: true, role: true } });
  if (!invitation || !invitableRoles(actor, invitation.workingGroupId).includes(invitation.role)) {
    throw refused("forbidden");
  }
  const revoked = await deps.db.invitation.updateMany({
    where: { id: invitationId, usedAt: null, revokedAt: null },
    data: { revokedAt: deps.now() },
  });
  return revoked.count === 1;
}

/** Active members of one working group (the user must manage it). */
export async function listMembers(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number) {
  if (!inScope(managedGroups(actor), workingGroupId)) throw refused("forbidden");
  return deps.db.membership.findMany({
    where: { workingGroupId, revokedAt: null },
    orderBy: [{ role: "asc" }, { agencyId: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      userId: true,
      workingGroupId: true,
      agencyId: true,
      isAgencyHead: true,
      user: { select: { firstName: true, lastName: true, username: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      county: { select: { nameFa: true, nameEn: true } },
    },
  });
}

/** Revokes a membership; false when it was already revoked. */
export async function revokeMembership(deps: Pick<Deps, "db" | "sql" | "now" | "redis" | "logger">, actor: SessionUser, membershipId: number): Promise<boolean> {
  const membership = await deps.db.membership.findUnique({
    where: { id: membershipId },
    select: { userId: true, role: true, workingGroupId: true, agencyId: true, user: { select: { firstName: true, lastName: true } } },
  });
  if (!membership || !canRevokeMembership(actor, membership)) throw refused("forbidden");
  const member = { userId: membership.userId, name: fullName(membership.user), role: membership.role, agencyId: membership.agencyId };
  const now = deps.now();
  const revoked = await deps.db.$transaction(async (tx) => {
    const done = await tx.membership.updateMany({ where: { id: membershipId, revokedAt: null }, data: { revokedAt: now } });
    if (done.count === 1) {
      await recordAudit(tx, {
        actorId: actor.id,
        workingGroupId: membership.workingGroupId,
        entityType: "membership",
        entityId: membershipId,
        action: "revoked",
        before: { ...member, revokedAt: null },
        after: { ...member, revokedAt: now.toISOString() },
        at: now,
      });
    }
    return done;
  });
  // Refused from the member's very next update on, not when their cached roles expire.
  if (revoked.count === 1) await forgetUsers(deps, [membership.userId]);
  return revoked.count === 1;
}

/** Working groups the user manages (for pickers), in code order. */
export async function managedWorkingGroups(deps: Pick<Deps, "db">, actor: SessionUser, scope: GroupScope = managedGroups(actor)) {
  if (!scope.all && scope.ids.length === 0) return [];
  return deps.db.workingGroup.findMany({
    where: scope.all ? {} : { id: { in: scope.ids } },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: { id: true, code: true, kind: true, nameFa: true, nameEn: true },
  });
}

/** Active agencies of a group an official may be invited to, in id order. */
export async function invitableAgencies(deps: Pick<Deps, "db">, workingGroupId: number) {
  return deps.db.agency.findMany({
    where: { workingGroupId, active: true },
    orderBy: { id: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

/** Whether the agency is an active agency of the group (a button's id is never trusted). */
export async function isInvitableAgency(deps: Pick<Deps, "db">, workingGroupId: number, agencyId: number): Promise<boolean> {
  return (await deps.db.agency.count({ where: { id: agencyId, workingGroupId, active: true } })) === 1;
}

/** Whether the county is an active county of the group (a button's id is never trusted). */
export async function isInvitableCounty(deps: Pick<Deps, "db">, workingGroupId: number, countyId: number): Promise<boolean> {
  return (await deps.db.county.count({ where: { id: countyId, workingGroupId, active: true } })) === 1;
}

/** The names an invitation's summary shows. */
export async function invitationNames(deps: Pick<Deps, "db">, input: { workingGroupId: number; agencyId?: number | null; countyId?: number | null }) {
  const [group, agency, county] = await Promise.all([
    deps.db.workingGroup.findUnique({ where: { id: input.workingGroupId }, select: { nameFa: true, nameEn: true } }),
    input.agencyId ? deps.db.agency.findUnique({ where: { id: input.agencyId }, select: { nameFa: true, nameEn: true } }) : null,
    input.countyId ? deps.db.county.findFirst({ where: { id: input.countyId, workingGroupId: input.workingGroupId }, select: { nameFa: true, nameEn: true } }) : null,
  ]);
  return { group, agency, county };
}

/** An active membership the actor may revoke, with what the confirmation shows; else null. */
export async function revocableMembership(deps: Pick<Deps, "db">, actor: SessionUser, membershipId: number) {
  const member = await deps.db.membership.findUnique({
    where: { id: membershipId },
    select: {
      id: true,
      userId: true,
      role: true,
      workingGroupId: true,
      isAgencyHead: true,
      revokedAt: true,
      user: { select: { firstName: true, lastName: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      county: { select: { nameFa: true, nameEn: true } },
    },
  });
  return member && member.revokedAt === null && canRevokeMembership(actor, member) ? member : null;
}
