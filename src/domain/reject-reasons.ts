/** Why the secretariat may reject a case (each has a Fluent label `triage-reject-reason-<reason>`). */
export const REJECT_REASONS = [
  "not_in_remit",
  "not_production_obstacle",
  "insufficient_info",
  "already_resolved",
  "judicial",
  "other",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export function isRejectReason(value: string): value is RejectReason {
  return (REJECT_REASONS as readonly string[]).includes(value);
}

/** "Not within the remit" names who is responsible; "other" says why: both ask for a text. */
export const rejectReasonNeedsText = (reason: RejectReason): boolean => reason === "not_in_remit" || reason === "other";
