/** Batch referrals: many cases referred to one agency in one act, with one letter (batch.ts). */
export * from "./batch";
export * from "./select";
export { buildReferralLetter, letterFileName, LETTER_HEADER_ROWS, type LetterData, type LetterRow } from "./letter";
