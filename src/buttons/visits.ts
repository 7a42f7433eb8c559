import { button } from "./define";

/** Field visits (/visit, /visits) and restart plans (/restart): the secretariat's collective work. */
export const start = button("vi:new");
export const back = button("vi:back");
export const group = button("vi:wg", { groupId: "id" });
export const groupPage = button("vi:wgp", { section: ["p", "f"], page: "int" });
export const unit = button("vi:u", { unitId: "id" });
export const today = button("vi:today");
export const category = button("vi:cat", { category: "word" });
export const subcategory = button("vi:sub", { subcategory: "word" });
export const more = button("vi:more");
export const done = button("vi:done");
export const confirm = button("vi:go");
/** The visit list of a group, a page. */
export const list = button("vi:ls", { groupId: "id", page: "int" });
