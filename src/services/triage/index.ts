/**
 * The secretariat's actions on a case. Each re-checks, inside its transaction, that the actor
 * works the case's working group, asks the case state machine whether the action is allowed
 * from the current status, appends a timeline event and writes the notices (producer,
 * officials); the outbox is flushed after the commit (act.ts). Refusals: `triage-error-<reason>`.
 */
export { REJECT_REASONS, isRejectReason, type RejectReason } from "../../domain/reject-reasons";
export {
  DUE_MAX_DAYS_AHEAD,
  NOTE_MAX,
  OUTCOME_MAX,
  OUTCOME_MIN,
  QUESTION_MAX,
  QUESTION_MIN,
  REASON_TEXT_MAX,
  REASON_TEXT_MIN,
  RESPONSIBLE_MAX,
  RESPONSIBLE_MIN,
  triageRefusal,
  type TriageDeps,
  type TriageRefusalReason,
  type TriageResult,
} from "./act";
export * from "./assign";
export * from "./closing";
export * from "./lookups";
export * from "./needs-info";
export * from "./recording";
