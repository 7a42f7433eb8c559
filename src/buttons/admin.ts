import { button } from "./define";

/**
 * The admin area (/admin): reference data of a working group — agencies, counties, industrial
 * estates — and the audit trail. Entities are written short on the wire: ag (agency), co
 * (county), es (industrial estate). Every id is re-checked by the service against the admin's
 * working groups.
 */
export const ENTITY_CODES = ["ag", "co", "es"] as const;
export type EntityCode = (typeof ENTITY_CODES)[number];

/** The admin's working groups: a tab (provinces / free zones) and page; one group's home. */
export const adminHome = button("adm:home");
export const adminGroupPage = button("adm:wgp", { section: ["p", "f"], page: "int" });
export const adminGroup = button("adm:wg", { groupId: "id" });
/** A page of a group's agencies, counties or estates; one row's card. */
export const adminList = button("adm:ls", { groupId: "id", entity: ENTITY_CODES, page: "int" });
export const adminItem = button("adm:it", { entity: ENTITY_CODES, id: "id" });
/** Start adding a row to a group; start renaming a row. */
export const adminAdd = button("adm:add", { groupId: "id", entity: ENTITY_CODES });
export const adminRename = button("adm:rn", { entity: ENTITY_CODES, id: "id" });
/** Deactivate (0) or reactivate (1): the wanted state, so a second press changes nothing. */
export const adminSetActive = button("adm:act", { entity: ENTITY_CODES, id: "id", active: ["0", "1"] });
/** An agency's officials to choose its head from; the choice. */
export const adminHeads = button("adm:hd", { agencyId: "id" });
export const adminSetHead = button("adm:hds", { agencyId: "id", membershipId: "id" });
/** A page of a group's audit trail, newest first. */
export const adminAudit = button("adm:au", { groupId: "id", page: "int" });
/** A page of the entries of no working group (global admin roles), for global admins. */
export const adminAuditGlobal = button("adm:aug", { page: "int" });

/** The add / rename flow: back, the agency's kind, keep a name as it is, save. */
export const adminFlowBack = button("adm:f:back");
export const adminFlowKind = button("adm:f:kind", { kind: "word" });
export const adminFlowKeep = button("adm:f:keep");
export const adminFlowSave = button("adm:f:save");
