/**
 * Resolutions of held meetings (record.ts), their minutes (minutes.ts) and the ledger
 * (ledger.ts). Refusals are the meetings' (`meetings-error-<reason>`).
 */
export * from "./ledger";
export * from "./minutes";
export * from "./record";
