/**
 * What the admin area reads: the working groups the user administers, a group's agencies,
 * counties or industrial estates (inactive ones too, marked), and one row with its heads.
 */
import type { Deps } from "../../deps";
import { refusal } from "../../domain/refusal";
import { adminGroups, isEmptyScope } from "../authz";
import type { SessionUser } from "../users";
import { adminRow, assertAdminOf, rowsOf, type ReferenceEntity } from "./entities";

export { REFERENCE_ENTITIES, type ReferenceEntity, type ReferenceRow } from "./entities";

/** The groups the user administers (every group for a global admin), with their kind for the picker. */
export async function administeredGroups(deps: Pick<Deps, "db">, actor: SessionUser) {
  const scope = adminGroups(actor);
  if (isEmptyScope(scope)) return [];
  return deps.db.workingGroup.findMany({
    where: scope.all ? {} : { id: { in: scope.ids } },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, nameFa: true, nameEn: true },
  });
}

/** A group's rows of one kind, active first (admins of the group only). */
export async function referenceRows(deps: Pick<Deps, "db">, actor: SessionUser, entity: ReferenceEntity, workingGroupId: number) {
  assertAdminOf(actor, workingGroupId);
  const group = await deps.db.workingGroup.findUnique({ where: { id: workingGroupId }, select: { id: true, nameFa: true, nameEn: true } });
  if (!group) throw refusal("admin", "not-found");
  return { group, rows: await rowsOf(deps.db, entity, workingGroupId) };
}

/** One row as its card shows it: names, state, and for an agency its heads. */
export async function referenceCard(deps: Pick<Deps, "db">, actor: SessionUser, entity: ReferenceEntity, id: number) {
  const row = await adminRow(deps.db, actor, entity, id);
  const heads =
    entity === "agency"
      ? await deps.db.membership.findMany({
          where: { agencyId: row.id, role: "OFFICIAL", revokedAt: null, isAgencyHead: true },
          orderBy: { id: "asc" },
          select: { user: { select: { firstName: true, lastName: true } } },
        })
      : [];
  return { row, heads: heads.map((head) => head.user) };
}
