/**
 * Clusters of cases (issue 13, item 1): proposed by the rule in src/domain/clusters.ts,
 * confirmed or built by hand (propose.ts), read and edited as one card (members.ts), and worked
 * as one — referred, put on an agenda, resolved collectively (act.ts). Refusals are
 * `clusters-error-<reason>` (access.ts).
 */
export * from "./access";
export * from "./act";
export * from "./members";
export * from "./propose";
