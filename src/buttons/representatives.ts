import { button } from "./define";

/** The secretariat: a unit's representatives, from the case card or by the unit. */
export const ofCase = button("rep:c", { caseId: "id" });
export const unit = button("rep:u", { unitId: "id" });
export const invite = button("rep:inv", { unitId: "id" });
/** Remove: asks first; the second button does it. */
export const remove = button("rep:rm", { unitId: "id", userId: "id" });
export const removeYes = button("rep:rmy", { unitId: "id", userId: "id" });
/** The representative: their units, and leaving one (asks first). */
export const mine = button("rep:my");
export const leave = button("rep:lv", { unitId: "id" });
export const leaveYes = button("rep:lvy", { unitId: "id" });
