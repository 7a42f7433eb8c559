/**
 * What a newcomer to a role should do first. An administrator's first job is the secretariat
 * of each working group they administer: until it is invited, no case has anyone to work it.
 */
import type { Deps } from "../deps";
import { adminGroups, isEmptyScope } from "./authz";
import type { SessionUser } from "./users";

/** How many of the user's administered working groups have no secretariat member yet (0 when not an admin). */
export async function groupsWithoutSecretariat(deps: Pick<Deps, "db">, user: SessionUser): Promise<number> {
  const scope = adminGroups(user);
  if (isEmptyScope(scope)) return 0;
  return deps.db.workingGroup.count({
    where: { ...(scope.all ? {} : { id: { in: scope.ids } }), memberships: { none: { role: "SECRETARIAT", revokedAt: null } } },
  });
}
