/**
 * Who may read the numbers: the group's chair, secretariat and admins (the same people who may
 * read its queue). Always from the memberships loaded for the update, never from callback data.
 */
import type { Deps } from "../../deps";
import { Refusal } from "../../domain/refusal";
import { inScope, queueGroups } from "../authz";
import type { SessionUser } from "../users";
import { statisticsPeriod, type PeriodKind } from "./periods";
import { groupStatistics, type StatsDeps } from "./queries";

type WithMemberships = Pick<SessionUser, "memberships">;

export function statisticsGroups(user: WithMemberships) {
  return queueGroups(user);
}

export function canReadStatistics(user: WithMemberships, workingGroupId: number): boolean {
  return inScope(statisticsGroups(user), workingGroupId);
}

/** Not a group of the reader's, or no such group: the same plain "not allowed" either way. */
export const statisticsRefusal = (reason: "forbidden" | "not-found"): Refusal => new Refusal(reason, "error-not-allowed");

/** The working groups whose statistics the user may read, for the picker. */
export async function statisticsWorkingGroups(deps: Pick<Deps, "db">, user: WithMemberships) {
  const scope = statisticsGroups(user);
  if (!scope.all && scope.ids.length === 0) return [];
  return deps.db.workingGroup.findMany({
    where: scope.all ? {} : { id: { in: scope.ids } },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: { id: true, code: true, kind: true, nameFa: true, nameEn: true },
  });
}

/** The statistics for a user allowed to read them (else a Refusal), with the group's names. */
export async function readGroupStatistics(deps: StatsDeps, user: WithMemberships, workingGroupId: number, kind: PeriodKind) {
  if (!canReadStatistics(user, workingGroupId)) throw statisticsRefusal("forbidden");
  // Side by side: a group that does not exist only costs queries that find nothing.
  const [group, statistics] = await Promise.all([
    deps.db.workingGroup.findUnique({ where: { id: workingGroupId }, select: { id: true, code: true, nameFa: true, nameEn: true } }),
    groupStatistics(deps, workingGroupId, statisticsPeriod(kind, deps.now())),
  ]);
  if (!group) throw statisticsRefusal("not-found");
  return { group, statistics };
}
