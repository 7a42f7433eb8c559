import { PERIOD_CODE_PATTERN } from "../domain/report-period";
import { button } from "./define";

/**
 * The quarterly report (/quarterly, and the button under /stats): the group picker, the period
 * picker (its months page), the typed range, the report for a period and its files. A period
 * travels as its code (src/domain/report-period.ts: q14051, m140503, y1405, c1405010114050331);
 * every press re-checks the reader's role in that group (src/services/report).
 */
const period = { pattern: PERIOD_CODE_PATTERN } as const;

export const home = button("qr:home");
/** The group picker's tab (provinces / free zones) and page. */
export const groups = button("qr:g", { section: ["p", "f"], page: "int" });
/** The period picker of a group: the main page, or the months of a Jalali year. */
export const periods = button("qr:p", { workingGroupId: "id", view: ["main", "months"], year: "int" });
/** Asks for a typed Jalali range. */
export const custom = button("qr:c", { workingGroupId: "id" });
export const show = button("qr:s", { workingGroupId: "id", period });
/** The report's files: charts (photos), the workbook, the document, the paragraph. */
export const file = button("qr:f", { workingGroupId: "id", period, what: ["charts", "xlsx", "doc", "text"] });
/** The typed range's back button. */
export const flowBack = button("qr:back");
