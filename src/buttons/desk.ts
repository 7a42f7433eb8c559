import { CATEGORY_IDS } from "../domain/categories";
import { REJECT_REASONS } from "../domain/reject-reasons";
import { URGENCIES } from "../domain/urgency";
import { button } from "./define";

/**
 * The secretariat's desk: the queue (list pages, filters, the files of a case) and the triage
 * actions on a case card with their short flows. The card itself (q:open, also on every alert)
 * is shared.queueCase.
 */

/**
 * A queue view as "wg.page.status.category.agency[.county]" (statuses and categories by index, "-" for
 * no filter, "*" for any status), encoded and decoded by encodeQueueView / decodeQueueView (src/services/queue.ts).
 */
const QUEUE_VIEW = { pattern: "[1-9]\\d{0,8}\\.\\d{1,9}\\.(?:\\d{1,2}|-|\\*)\\.(?:\\d{1,2}|-)\\.(?:[1-9]\\d{0,8}|-)(?:\\.[1-9]\\d{0,8})?" };

export const queueHome = button("q:home");
export const queueList = button("q:l", { view: QUEUE_VIEW });
/** The group picker's tab (provinces / free zones) and page. */
export const queueGroups = button("q:g", { section: ["p", "f"], page: "int" });
export const filterStatus = button("q:fs", { view: QUEUE_VIEW });
export const filterCategory = button("q:fc", { view: QUEUE_VIEW });
export const filterAgency = button("q:fa", { view: QUEUE_VIEW });
export const filterCounty = button("q:fk", { view: QUEUE_VIEW });
export const caseFiles = button("q:att", { caseId: "id" });

/** The case card's triage actions: "take" acts at once, the others start a short flow. */
export const take = button("tr:take", { caseId: "id" });
export const askInfo = button("tr:ask", { caseId: "id" });
export const assign = button("tr:asg", { caseId: "id" });
export const duplicate = button("tr:dup", { caseId: "id" });
export const reject = button("tr:rej", { caseId: "id" });
export const category = button("tr:cat", { caseId: "id" });
export const urgency = button("tr:urg", { caseId: "id" });
export const note = button("tr:note", { caseId: "id" });
export const resolve = button("tr:res", { caseId: "id" });
export const close = button("tr:cls", { caseId: "id" });
export const reopen = button("tr:reo", { caseId: "id" });

/** Inside a triage flow. */
export const flowBack = button("tr:back");
export const pickAgency = button("tr:ag", { agencyId: "id" });
/** A page of the agency list (and the whole list again after a search). */
export const agencyPage = button("tr:ap", { page: "int" });
/** One official of the agency, or "0": the agency as a whole. */
export const pickOfficial = button("tr:of", { officialId: { pattern: "0|[1-9]\\d{0,8}" } });
export const pickRejectReason = button("tr:rr", { reason: REJECT_REASONS });
export const pickCategory = button("tr:c", { category: CATEGORY_IDS });
/** A subcategory of the chosen category, or "-": none. */
export const pickSubcategory = button("tr:s", { subcategory: "word" });
export const pickUrgency = button("tr:u", { urgency: URGENCIES });
export const flowConfirm = button("tr:ok");
