import { button } from "./define";

export const AUDIENCE_KINDS = ["everyone", "officials", "producers", "meeting", "units", "county"] as const;
const ENUM_VALUE = { pattern: "[A-Z_]{1,40}" } as const;

/** The compose flow: start, back, the group, the audience and its refinements. */
export const broadcastStart = button("bc:new");
export const broadcastBack = button("bc:back");
export const broadcastGroup = button("bc:wg", { groupId: "id" });
/** The group list's tab and page (and the whole list again after a search). */
export const broadcastGroupPage = button("bc:wgp", { section: ["p", "f"], page: "int" });
export const broadcastAudience = button("bc:aud", { kind: AUDIENCE_KINDS });
export const broadcastAgencyKind = button("bc:ak", { kind: ENUM_VALUE });
export const broadcastAgencyKindsDone = button("bc:ak:done");
export const broadcastMeeting = button("bc:mtg", { meetingId: "id" });
export const broadcastSector = button("bc:sec", { sector: ENUM_VALUE });
export const broadcastActivity = button("bc:act", { status: ENUM_VALUE });
export const broadcastUnitsDone = button("bc:units:done");
export const broadcastCounty = button("bc:cty", { countyId: "id" });

/** The preview: send it, drop it (to change the audience, or altogether); the live cancel. */
export const broadcastSend = button("bc:go", { broadcastId: "id" });
export const broadcastDrop = button("bc:drop", { broadcastId: "id", then: ["aud", "x"] });
export const broadcastCancel = button("bc:cancel", { broadcastId: "id" });
