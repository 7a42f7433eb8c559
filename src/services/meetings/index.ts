/**
 * Meetings of a working group: scheduling (scheduling.ts), the agenda (agenda.ts), invitations
 * and answers (invitations.ts), who may manage them (access.ts) and how they are named in chat
 * and notices (titles.ts). Resolutions and minutes live in src/services/resolutions/.
 */
export * from "./access";
export * from "./agenda";
export * from "./invitations";
export * from "./scheduling";
export * from "./titles";
