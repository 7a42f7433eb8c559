import { button } from "./define";

/**
 * The officials' task screens and actions, and the secretariat's decisions on a task. The task
 * card itself (t:o) and the list page (t:l) are in shared.ts: notices and the digest pack them.
 * Every id is re-checked by the services against the user's memberships.
 */
export const documents = button("t:docs", { taskId: "id" });

/** The agency's actions on a task (officials; reassigning is for agency heads). */
export const acknowledge = button("t:ack", { taskId: "id" });
export const progress = button("t:prg", { taskId: "id" });
export const complete = button("t:done", { taskId: "id" });
export const requestExtension = button("t:ext", { taskId: "id" });
export const refuse = button("t:ref", { taskId: "id" });
export const reassign = button("t:ra", { taskId: "id" });
export const reassignTo = button("t:ras", { taskId: "id", officialId: "id" });

/** The secretariat's decisions: a reported completion, an extension request. */
export const confirm = button("t:cf", { taskId: "id" });
export const sendBack = button("t:sb", { taskId: "id" });
export const approveExtension = button("t:xa", { extensionId: "id" });
export const refuseExtension = button("t:xr", { extensionId: "id" });

/** The task prompts (progress, completion, extension, refusal, send back). */
export const flowBack = button("t:f:back");
export const flowSkip = button("t:f:skip");
export const flowSend = button("t:f:send");
/** A bank's loan decision in the completion prompt of a loan task: approved (an amount follows) or refused (reasons follow). */
export const flowLoan = button("t:f:loan", { decision: ["a", "r"] });
