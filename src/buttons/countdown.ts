import { button } from "./define";

/**
 * The countdown to the irreversible date. The producer's answer on the date names the date it
 * was asked about (ms since the epoch): an answer to a question made stale by a postponement
 * is refused, not applied to the new date.
 */
export const dateAnswer = button("cd:a", { caseId: "id", dateMs: "digits", answer: ["happened", "averted", "postponed"] });
/** Quick picks of the postpone flow: the new date this many days after today. */
export const postponeBy = button("cd:pp", { days: ["7", "14", "30"] });
