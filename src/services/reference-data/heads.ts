/**
 * An agency's head: the official (Membership role OFFICIAL of that agency) whose membership has
 * isAgencyHead — the person overdue tasks escalate to and digests summarise for. An admin sets
 * it from the bot; the agency then has that one head (any other head membership of the agency
 * is cleared in the same transaction), on the audit trail, and the changed people's cached
 * roles are forgotten.
 */
import { z } from "zod";
import type { Deps } from "../../deps";
import { refusal } from "../../domain/refusal";
import { fullName } from "../../domain/text";
import { recordAudit } from "../audit";
import { forgetUsers } from "../user-cache";
import type { SessionUser } from "../users";
import { adminRow } from "./entities";

/** The agency's active officials (heads first), for the admin's picker. */
export async function agencyOfficials(deps: Pick<Deps, "db">, actor: SessionUser, agencyId: number) {
  const agency = await adminRow(deps.db, actor, "agency", agencyId);
  const officials = await deps.db.membership.findMany({
    where: { agencyId: agency.id, role: "OFFICIAL", revokedAt: null },
    orderBy: [{ isAgencyHead: "desc" }, { id: "asc" }],
    take: 50,
    select: { id: true, userId: true, isAgencyHead: true, user: { select: { firstName: true, lastName: true, username: true } } },
  });
  return { agency, officials };
}

const input = z.object({ agencyId: z.number().int().positive(), membershipId: z.number().int().positive() });

/** Makes this official the agency's head. `changed` false when they already were its only head. */
export async function setAgencyHead(
  deps: Pick<Deps, "db" | "sql" | "now" | "redis" | "logger">,
  actor: SessionUser,
  raw: { agencyId: number; membershipId: number },
): Promise<{ changed: boolean; head: { firstName: string; lastName: string | null } }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw refusal("admin", "invalid-input");
  const { agencyId, membershipId } = parsed.data;
  const result = await deps.db.$transaction(async (tx) => {
    const agency = await adminRow(tx, actor, "agency", agencyId);
    const chosen = await tx.membership.findFirst({
      where: { id: membershipId, agencyId: agency.id, role: "OFFICIAL", revokedAt: null },
      select: { id: true, userId: true, user: { select: { firstName: true, lastName: true } } },
    });
    // Not an active official of this agency (revoked meanwhile, or a forged id).
    if (!chosen) throw refusal("admin", "not-a-member");
    const heads = await tx.membership.findMany({
      where: { agencyId: agency.id, role: "OFFICIAL", revokedAt: null, isAgencyHead: true },
      select: { id: true, userId: true, user: { select: { firstName: true, lastName: true } } },
    });
    if (heads.length === 1 && heads[0]?.id === chosen.id) return { changed: false, head: chosen.user, touched: [] as number[] };
    await tx.membership.updateMany({ where: { agencyId: agency.id, isAgencyHead: true, id: { not: chosen.id } }, data: { isAgencyHead: false } });
    await tx.membership.update({ where: { id: chosen.id }, data: { isAgencyHead: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      workingGroupId: agency.workingGroupId,
      entityType: "agency",
      entityId: agency.id,
      action: "head_set",
      before: { nameFa: agency.nameFa, nameEn: agency.nameEn, heads: heads.map((head) => ({ userId: head.userId, membershipId: head.id, name: fullName(head.user) })) },
      after: { nameFa: agency.nameFa, nameEn: agency.nameEn, heads: [{ userId: chosen.userId, membershipId: chosen.id, name: fullName(chosen.user) }] },
      at: deps.now(),
    });
    return { changed: true, head: chosen.user, touched: [chosen.userId, ...heads.map((head) => head.userId)] };
  });
  // The new head's menu (and the old head's) change from their next update.
  if (result.changed) await forgetUsers(deps, result.touched);
  return { changed: result.changed, head: result.head };
}
