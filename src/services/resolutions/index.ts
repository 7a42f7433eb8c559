/**
 * Resolutions of held meetings (record.ts), their minutes (minutes.ts), the ledger
 * (ledger.ts), their statutory clock (statutory.ts: notification, objection window, binding)
 * and the agency's objection with its decision (objections.ts). Refusals are the meetings'
 * (`meetings-error-<reason>`) and the objections' (`objection-error-<reason>`).
 */
export * from "./ledger";
export * from "./minutes";
export * from "./objections";
export * from "./record";
export * from "./statutory";
