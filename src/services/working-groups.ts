/** Working groups as pickers and headings show them. */
import type { Deps } from "../deps";
import { secretariatGroups } from "./authz";
import type { SessionUser } from "./users";

/** The groups the user serves as secretariat (every group for a global admin), in id order. */
export async function secretariatWorkingGroups(deps: Pick<Deps, "db">, user: SessionUser) {
  const scope = secretariatGroups(user);
  if (!scope.all && scope.ids.length === 0) return [];
  return deps.db.workingGroup.findMany({
    where: scope.all ? {} : { id: { in: scope.ids } },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, nameFa: true, nameEn: true },
  });
}

/** One group's names, or null. */
export async function workingGroupNames(deps: Pick<Deps, "db">, workingGroupId: number) {
  return deps.db.workingGroup.findUnique({ where: { id: workingGroupId }, select: { id: true, nameFa: true, nameEn: true } });
}
