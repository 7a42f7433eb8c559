import { button } from "./define";

/** Roles an invitation can grant (the invite flow's first question). */
export const INVITABLE_ROLES = ["SECRETARIAT", "OFFICIAL", "CHAIR", "COUNTY_DESK", "ADMIN"] as const;

/** The invite flow: start, back, the role, the group, the agency, head or not, confirm. */
export const inviteStart = button("iv:new");
export const inviteBack = button("iv:back");
export const inviteRole = button("iv:role", { role: INVITABLE_ROLES });
export const inviteGroup = button("iv:wg", { groupId: "id" });
export const inviteAgency = button("iv:ag", { agencyId: "id" });
/** A county desk's county (one of the group's active counties; re-checked by the service). */
export const inviteCounty = button("iv:cty", { countyId: "id" });
/** The invite flow's lists: a tab and page of the groups, a page of the agencies (each also forgets a search). */
export const inviteGroupPage = button("iv:wgp", { section: ["p", "f"], page: "int" });
export const inviteAgencyPage = button("iv:agp", { page: "int" });
export const inviteHead = button("iv:head", { head: ["0", "1"] });
export const inviteConfirm = button("iv:ok");

/** /members: the group picker or a page of a group's members; revoke and its confirmation. */
export const membersHome = button("mb:home");
export const membersPage = button("mb:wg", { groupId: "id", page: "int" });
export const memberRevoke = button("mb:rv", { membershipId: "id" });
export const memberRevokeConfirm = button("mb:rvy", { membershipId: "id" });

/** /invitations: the open invitations and revoking one. */
export const openInvitations = button("ivl:home");
export const invitationRevoke = button("ivl:rv", { invitationId: "id" });
