/**
 * Who may do what, as plain functions over the user's memberships (loaded from the database
 * for every update, never taken from callback data). Producers are implicit: whoever
 * represents a unit (UnitRepresentative) — see producerCaseScope in cases.ts.
 *
 * Roles per working group: SECRETARIAT, OFFICIAL (of one agency, optionally its head), CHAIR,
 * ADMIN, COUNTY_DESK (the county office of one county of the group: its county's cases only). An ADMIN membership with workingGroupId null covers every working group.
 */
import type { Role } from "../generated/prisma/enums";
import type { MembershipView, SessionUser } from "./users";

type WithMemberships = Pick<SessionUser, "memberships">;

/** A set of working groups: every group (global admins) or a list of ids. */
export type GroupScope = { all: true } | ListedGroups;
export type ListedGroups = { all: false; ids: number[] };

export const ALL_GROUPS: GroupScope = { all: true };

export function groupScope(ids: Iterable<number>): ListedGroups {
  return { all: false, ids: [...new Set(ids)].sort((a, b) => a - b) };
}

export function inScope(scope: GroupScope, workingGroupId: number): boolean {
  return scope.all || scope.ids.includes(workingGroupId);
}

export function isEmptyScope(scope: GroupScope): boolean {
  return !scope.all && scope.ids.length === 0;
}

/** A Prisma `where` fragment restricting rows with a workingGroupId to the scope. */
export function scopeWhere(scope: GroupScope): { workingGroupId?: { in: number[] } } {
  return scope.all ? {} : { workingGroupId: { in: scope.ids } };
}

function rolesIn(user: WithMemberships, role: Role): MembershipView[] {
  return user.memberships.filter((m) => m.role === role);
}

export function isAdmin(user: WithMemberships): boolean {
  return rolesIn(user, "ADMIN").length > 0;
}

/** ADMIN over every working group (no workingGroupId). */
export function isGlobalAdmin(user: WithMemberships): boolean {
  return rolesIn(user, "ADMIN").some((m) => m.workingGroupId === null);
}

export function adminGroups(user: WithMemberships): GroupScope {
  if (isGlobalAdmin(user)) return ALL_GROUPS;
  return groupScope(rolesIn(user, "ADMIN").flatMap((m) => (m.workingGroupId === null ? [] : [m.workingGroupId])));
}

export function isAdminOf(user: WithMemberships, workingGroupId: number): boolean {
  return inScope(adminGroups(user), workingGroupId);
}

function groupsWithRole(user: WithMemberships, role: Role): number[] {
  return rolesIn(user, role).flatMap((m) => (m.workingGroupId === null ? [] : [m.workingGroupId]));
}

/** The working groups whose cases the user works as secretariat: SECRETARIAT or ADMIN there. */
export function secretariatGroups(user: WithMemberships): GroupScope {
  if (isGlobalAdmin(user)) return ALL_GROUPS;
  return groupScope([...groupsWithRole(user, "SECRETARIAT"), ...groupsWithRole(user, "ADMIN")]);
}

export function chairGroups(user: WithMemberships): GroupScope {
  return groupScope(groupsWithRole(user, "CHAIR"));
}

/** The groups whose queue the user may read: secretariat and admins (working), chairs (read-only). */
export function queueGroups(user: WithMemberships): GroupScope {
  const secretariat = secretariatGroups(user);
  if (secretariat.all) return secretariat;
  return groupScope([...secretariat.ids, ...groupsWithRole(user, "CHAIR")]);
}

/** Triage (every action on a case) belongs to the group's secretariat and admins. */
export function canWorkCase(user: WithMemberships, workingGroupId: number): boolean {
  return inScope(secretariatGroups(user), workingGroupId);
}

/** Reading a case card: those who work it, and the group's chair. */
export function canViewCase(user: WithMemberships, workingGroupId: number): boolean {
  return inScope(queueGroups(user), workingGroupId);
}

/** Phone numbers of producers are shown to the secretariat (and admins) only. */
export function canSeeReporterPhone(user: WithMemberships, workingGroupId: number): boolean {
  return canWorkCase(user, workingGroupId);
}

/** The case_lifecycle actor role for triage: "admin" or "secretariat" (null: neither). */
export function triageRole(user: WithMemberships, workingGroupId: number): "admin" | "secretariat" | null {
  if (isAdminOf(user, workingGroupId)) return "admin";
  if (groupsWithRole(user, "SECRETARIAT").includes(workingGroupId)) return "secretariat";
  return null;
}

/** The agencies the user represents (OFFICIAL memberships). */
export function officialAgencies(user: WithMemberships): number[] {
  return [...new Set(rolesIn(user, "OFFICIAL").flatMap((m) => (m.agencyId === null ? [] : [m.agencyId])))];
}

export function isAgencyHead(user: WithMemberships, agencyId: number): boolean {
  return rolesIn(user, "OFFICIAL").some((m) => m.agencyId === agencyId && m.isAgencyHead);
}

/** A county desk's post: the county of a working group it serves. */
export interface CountyPost {
  workingGroupId: number;
  countyId: number;
}

/** Every county the user serves as a county desk. */
export function countyDeskPosts(user: WithMemberships): CountyPost[] {
  return rolesIn(user, "COUNTY_DESK").flatMap((m) =>
    m.workingGroupId === null || m.countyId === null || m.countyId === undefined ? [] : [{ workingGroupId: m.workingGroupId, countyId: m.countyId }],
  );
}

export function isCountyDesk(user: WithMemberships): boolean {
  return countyDeskPosts(user).length > 0;
}

/** The counties of this group the user serves as a county desk (empty: none). */
export function countyDeskCounties(user: WithMemberships, workingGroupId: number): number[] {
  return [...new Set(countyDeskPosts(user).filter((p) => p.workingGroupId === workingGroupId).map((p) => p.countyId))];
}

/** A county desk of county C in group G. */
export function isCountyDeskOf(user: WithMemberships, workingGroupId: number, countyId: number | null): boolean {
  return countyId !== null && countyDeskCounties(user, workingGroupId).includes(countyId);
}

/** The groups where the user is a county desk. */
export function countyDeskGroups(user: WithMemberships): ListedGroups {
  return groupScope(countyDeskPosts(user).map((p) => p.workingGroupId));
}

/**
 * The roles the user may invite people to in a working group. Admins of the group invite
 * every role but ADMIN; ADMIN invitations only come from global admins. Only admins create
 * SECRETARIAT and CHAIR; a secretariat member invites officials and county desks of their own group.
 */
export function invitableRoles(user: WithMemberships, workingGroupId: number): Role[] {
  if (isGlobalAdmin(user)) return ["SECRETARIAT", "OFFICIAL", "CHAIR", "COUNTY_DESK", "ADMIN"];
  if (isAdminOf(user, workingGroupId)) return ["SECRETARIAT", "OFFICIAL", "CHAIR", "COUNTY_DESK"];
  if (groupsWithRole(user, "SECRETARIAT").includes(workingGroupId)) return ["OFFICIAL", "COUNTY_DESK"];
  return [];
}

/** Working groups the user can invite to or manage members of (admins: theirs; secretariat: own). */
export function managedGroups(user: WithMemberships): GroupScope {
  return secretariatGroups(user);
}

/** Whether the user may revoke a membership with this role in this group (never their own). */
export function canRevokeMembership(
  user: Pick<SessionUser, "id" | "memberships">,
  target: { userId: number; role: Role; workingGroupId: number | null },
): boolean {
  if (target.userId === user.id) return false;
  if (target.workingGroupId === null) return isGlobalAdmin(user);
  return invitableRoles(user, target.workingGroupId).includes(target.role);
}
