import { button } from "./define";

const ENUM_VALUE = { pattern: "[A-Z_]{1,40}" } as const;

/** Assisted intake (/intake): a case filed by the secretariat on a producer's behalf. */
export const start = button("in:new");
export const back = button("in:back");
export const group = button("in:wg", { groupId: "id" });
export const groupPage = button("in:wgp", { section: ["p", "f"], page: "int" });
export const county = button("in:cty", { countyId: "id" });
export const sector = button("in:sec", { sector: ENUM_VALUE });
export const activity = button("in:act", { status: ENUM_VALUE });
export const category = button("in:cat", { category: "word" });
export const channel = button("in:ch", { channel: ["in_person", "letter"] });
export const confirm = button("in:go");
