import { button } from "./define";

/**
 * "Did it help?" after a score (the 1–5 buttons themselves are shared.rateTask, on the
 * task-confirmed notice): skip the comment, or reopen the case after a low score.
 */
export const skip = button("rt:skip");
export const reopen = button("rt:ro", { taskId: "id" });
