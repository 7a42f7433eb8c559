import { button } from "./define";

/**
 * The cut-off fast track on the secretariat's case card: ask the utility to hold the cut-off,
 * or propose a joint meeting with it. Each asks for a confirmation first (both reach others).
 */
export const hold = button("ft:hold", { caseId: "id" });
export const holdConfirm = button("ft:holdok", { caseId: "id" });
export const meeting = button("ft:meet", { caseId: "id" });
export const meetingConfirm = button("ft:meetok", { caseId: "id" });
