import { button } from "./define";

/** A held meeting's resolutions (per agenda item), its minutes, and the ledger. */
export const items = button("mtg:res", { meetingId: "id" });
export const minutes = button("mtg:min", { meetingId: "id" });
export const minutesConfirm = button("mtg:minok", { meetingId: "id" });

/** The ledger page: a filter (index into LEDGER_FILTERS) and a page. */
export const ledger = button("res:list", { filter: ["0", "1", "2", "3", "4"], page: "digits" });

/** The record-resolution flow: item → text → type → [agency → official] → [deadline] → review. */
export const item = button("res:item", { itemId: "id" });
export const back = button("res:back");
export const type = button("res:type", { type: ["DECISION", "TASK", "INFORMATION"] });
export const agency = button("res:ag", { agencyId: "id" });
export const agencyNone = button("res:ag:none");
/** A page of the agency list (and the whole list again after a search). */
export const agencyPage = button("res:agp", { page: "int" });
export const official = button("res:off", { officialId: "id" });
export const officialNone = button("res:off:none");
export const deadlineNone = button("res:dl:none");
export const save = button("res:save");

/** The agency's objection (its officials, inside the window): reasons → review → send. */
export const object = button("res:obj", { resolutionId: "id" });
export const objectionBack = button("res:ob:back");
export const objectionSend = button("res:ob:send");

/** The decision on an objection (secretariat or chair): the screen, confirm, amend (text → save). */
export const decide = button("res:dec", { resolutionId: "id" });
export const uphold = button("res:dec:ok", { resolutionId: "id" });
export const amend = button("res:dec:am", { resolutionId: "id" });
export const amendBack = button("res:am:back");
export const amendSave = button("res:am:save");
