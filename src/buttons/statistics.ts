import { button } from "./define";

/** A period as one letter: this month, this season (the quarterly report), this year. */
export const PERIOD_LETTERS = ["m", "s", "y"] as const;

/** /stats: the group picker (or the one group's report), the report for a period, its CSV file. */
export const home = button("st:home");
/** The group picker's tab (provinces / free zones) and page. */
export const groups = button("st:g", { section: ["p", "f"], page: "int" });
export const report = button("st:r", { workingGroupId: "id", period: PERIOD_LETTERS });
export const file = button("st:f", { workingGroupId: "id", period: PERIOD_LETTERS });
