import { button } from "./define";

/**
 * The secretariat's meeting screens and the schedule-meeting flow. The case card's "put on a
 * meeting's agenda" (mtg:pick) and the invitees' RSVP (mtg:rsvp) are in shared.ts.
 */
export const list = button("mtg:list");
export const open = button("mtg:open", { meetingId: "id" });

/** The schedule-meeting flow: group → kind → date → time → place → [recurring] → review. */
export const create = button("mtg:new");
export const newBack = button("mtg:n:back");
export const newGroup = button("mtg:n:wg", { workingGroupId: "id" });
/** The group list's tab and page (and the whole list again after a search). */
export const newGroupPage = button("mtg:n:wgp", { section: ["p", "f"], page: "int" });
export const newKind = button("mtg:n:kind", { kind: ["COMMITTEE", "WORKING_GROUP"] });
/** A Jalali date as YYYYMMDD. */
export const newDate = button("mtg:n:date", { ymd: { pattern: "\\d{8}" } });
/** A time as HHMM. */
export const newTime = button("mtg:n:time", { hhmm: { pattern: "\\d{4}" } });
/** The place of an earlier meeting of the group. */
export const newPlace = button("mtg:n:place", { meetingId: "id" });
export const newRecurring = button("mtg:n:rec", { weekly: ["0", "1"] });
export const newSave = button("mtg:n:save");

/** The agenda. */
export const agenda = button("mtg:ag", { meetingId: "id" });
export const suggest = button("mtg:sug", { meetingId: "id" });
export const addCase = button("mtg:add", { meetingId: "id", caseId: "id" });
export const itemUp = button("mtg:up", { itemId: "id" });
export const itemDown = button("mtg:dn", { itemId: "id" });
export const itemRemove = button("mtg:rm", { itemId: "id" });
export const itemSlot = button("mtg:slot", { itemId: "id" });
export const slotClear = button("mtg:slot:clear");
export const byCode = button("mtg:code", { meetingId: "id" });

/** Invitations, held, cancelled. */
export const invite = button("mtg:inv", { meetingId: "id" });
export const held = button("mtg:held", { meetingId: "id" });
export const heldConfirm = button("mtg:heldok", { meetingId: "id" });
export const cancel = button("mtg:cancel", { meetingId: "id" });
export const cancelConfirm = button("mtg:cancelok", { meetingId: "id" });
