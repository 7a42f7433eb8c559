import { button } from "./define";

/** Clusters (the queue's 🧩 screen): proposals and confirmed clusters of a working group. */
export const home = button("cl:h", { groupId: "id" });
/** Confirm the current proposal holding this case (the server recomputes it; never the set). */
export const confirm = button("cl:ok", { groupId: "id", caseId: "id" });
/** Build a cluster by hand (title, then tracking codes). */
export const build = button("cl:new", { groupId: "id" });
export const card = button("cl:c", { clusterId: "id" });
/** The card's case list for removing one, and the removal. */
export const members = button("cl:mm", { clusterId: "id" });
export const remove = button("cl:rm", { clusterId: "id", caseId: "id" });
export const rename = button("cl:rn", { clusterId: "id" });
export const close = button("cl:x", { clusterId: "id" });
/** Assign the whole cluster to an agency at once (a batch referral). */
export const assign = button("cl:as", { clusterId: "id" });
export const agency = button("cl:ag", { agencyId: "id" });
export const dueIn = button("cl:due", { days: "id" });
/** The meetings to put it on (scheduled) or to resolve it in (held). */
export const agenda = button("cl:ma", { clusterId: "id" });
export const toMeeting = button("cl:mp", { clusterId: "id", meetingId: "id" });
export const resolve = button("cl:rs", { clusterId: "id" });
export const resolveIn = button("cl:rz", { clusterId: "id", meetingId: "id" });
export const back = button("cl:back");
