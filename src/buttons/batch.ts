import { button } from "./define";

const UUID = { pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" } as const;
const WORD = { pattern: "[a-z_]{1,30}" } as const;

/** The batch referral flow (/refer): start, back, the group and its list's pages. */
export const start = button("rb:new");
/** From the queue's list: its category and status filters carried over (the queue's view). */
export const fromQueue = button("rb:q", { view: { pattern: "[0-9.*-]{1,40}" } });
export const back = button("rb:back");
export const group = button("rb:wg", { groupId: "id" });
export const groupPage = button("rb:wgp", { section: ["p", "f"], page: "int" });
/** The filters screen: open one filter's choices, or go on to the agency. */
export const filter = button("rb:f", { kind: ["c", "s", "y", "e", "t"] });
export const filtersDone = button("rb:f:ok");
/** A filter's choice: an index (category, subcategory, status) or an id (county, estate); 0 = any. */
export const choose = button("rb:ch", { kind: ["c", "s", "y", "e", "t"], value: "int" });
export const agency = button("rb:ag", { agencyId: "id" });
/** A deadline this many working days ahead. */
export const dueIn = button("rb:due", { days: "id" });
/** Confirm the preview whose key this is (a second tap finds the batch made by the first). */
export const confirm = button("rb:go", { key: UUID });
export const edit = button("rb:edit", { step: WORD });
