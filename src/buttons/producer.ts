import { button } from "./define";

export const SECTORS = ["INDUSTRY", "MINING", "AGRICULTURE", "SERVICES"] as const;
export const ACTIVITY_STATUSES = ["ACTIVE", "SEMI_ACTIVE", "IDLE"] as const;

/** Registration of a unit. */
export const registerBack = button("reg:back");
export const registerLicenceSkip = button("reg:licence:skip");
export const registerGroupPage = button("reg:wgp", { page: "int" });
export const registerGroup = button("reg:wg", { groupId: "id" });
export const registerCounty = button("reg:county", { countyId: "id" });
export const registerEstate = button("reg:est", { estateId: "id" });
export const registerEstateNone = button("reg:noest");
export const registerSector = button("reg:sector", { sector: SECTORS });
export const registerActivity = button("reg:act", { status: ACTIVITY_STATUSES });
export const registerSave = button("reg:save");

/** The report wizard. */
export const IRREVERSIBLE_ANSWERS = ["happened", "3d", "week", "month", "date", "unknown"] as const;
export const EDITABLE_REPORT_STEPS = ["category", "agency", "irreversible", "amount", "description", "attachments"] as const;
export const reportBack = button("rp:back");
export const reportUnit = button("rp:unit", { unitId: "id" });
export const reportCategory = button("rp:cat", { category: "word" });
export const reportSubcategory = button("rp:sub", { subcategory: "word" });
export const reportAgency = button("rp:ag", { agency: { pattern: "[1-9]\\d{0,8}|none" } });
export const reportIrreversible = button("rp:irr", { answer: IRREVERSIBLE_ANSWERS });
export const reportAmountUnit = button("rp:amtunit", { unit: ["rial", "toman"] });
export const reportAmountSkip = button("rp:amt:skip");
export const reportAttachmentsDone = button("rp:att:done");
export const reportEdit = button("rp:edit", { step: EDITABLE_REPORT_STEPS });
export const reportSubmit = button("rp:submit");

/** /language. */
export const languageSet = button("lang:set", { locale: ["fa", "en"] });

/** A finished case of the producer's: rate it as a whole (1–5), or reopen it with a reason. */
export const caseRate = button("cr", { caseId: "id", score: ["1", "2", "3", "4", "5"] });
export const caseReopen = button("cro", { caseId: "id" });
