import { button } from "./define";

/** Restart plans for idle units (/restart, /restarts). */
export const start = button("rs:new");
export const back = button("rs:back");
export const group = button("rs:wg", { groupId: "id" });
export const groupPage = button("rs:wgp", { section: ["p", "f"], page: "int" });
export const unit = button("rs:u", { unitId: "id" });
export const agency = button("rs:ag", { agencyId: "id" });
/** Whether the milestone moves the unit: N no, S to semi-active, A to active. */
export const moves = button("rs:mv", { to: ["N", "S", "A"] });
export const more = button("rs:more");
export const done = button("rs:done");
export const confirm = button("rs:go");
/** The ledger of a group, a page. */
export const ledger = button("rs:ls", { groupId: "id", page: "int" });
/** The secretariat marks a plan's unit semi-active (S) or active (A). */
export const mark = button("rs:mk", { planId: "id", to: ["S", "A"] });
