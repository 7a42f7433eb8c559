// What a triage flow holds between questions, and which case action each card button starts.
import { desk, type Button } from "../../../buttons";
import type { CaseAction } from "../../../domain/case-lifecycle";
import type { CategoryId } from "../../../domain/categories";
import type { RejectReason } from "../../../domain/reject-reasons";
import type { Urgency } from "../../../domain/urgency";
import type { PickState } from "../../presenters/picker";
import {
  NOTE_MAX,
  OUTCOME_MAX,
  OUTCOME_MIN,
  QUESTION_MAX,
  QUESTION_MIN,
  REASON_TEXT_MAX,
  REASON_TEXT_MIN,
  RESPONSIBLE_MAX,
  RESPONSIBLE_MIN,
} from "../../../services/triage";

/**
 * The card's flow buttons: the short code (kept in drafts and Fluent keys: triage-ask-<code>,
 * triage-confirm-<code>, triage-done-<code>), the case action it performs, its first step.
 */
export const FLOW_ACTIONS = [
  { code: "ask", button: desk.askInfo, action: "ask_info", first: "text" },
  { code: "asg", button: desk.assign, action: "assign", first: "agency" },
  { code: "dup", button: desk.duplicate, action: "mark_duplicate", first: "code" },
  { code: "rej", button: desk.reject, action: "reject", first: "reason" },
  { code: "cat", button: desk.category, action: "change_category", first: "category" },
  { code: "urg", button: desk.urgency, action: "change_category", first: "urgency" },
  { code: "note", button: desk.note, action: "add_note", first: "text" },
  { code: "res", button: desk.resolve, action: "resolve", first: "text" },
  { code: "cls", button: desk.close, action: "close", first: "confirm" },
  { code: "reo", button: desk.reopen, action: "reopen", first: "confirm" },
] as const satisfies ReadonlyArray<{ code: string; button: Button<{ caseId: "id" }>; action: CaseAction; first: string }>;

export type ActionCode = (typeof FLOW_ACTIONS)[number]["code"];

export interface TriageDraft extends PickState {
  caseId: number;
  /** The case's tracking code, for the questions. */
  code: string;
  action: ActionCode;
  text?: string;
  agencyId?: number;
  officialId?: number | null;
  /** Jalali YYYY/MM/DD. */
  due?: string;
  original?: string;
  reason?: RejectReason;
  category?: CategoryId;
  subcategory?: string | null;
  urgency?: Urgency;
}

/** Length limits of the typed answer at the "text" step of each action. */
export function textLimits(draft: TriageDraft): { min: number; max: number } {
  switch (draft.action) {
    case "ask":
      return { min: QUESTION_MIN, max: QUESTION_MAX };
    case "res":
      return { min: OUTCOME_MIN, max: OUTCOME_MAX };
    case "rej":
      return draft.reason === "not_in_remit" ? { min: RESPONSIBLE_MIN, max: RESPONSIBLE_MAX } : { min: REASON_TEXT_MIN, max: REASON_TEXT_MAX };
    default:
      return { min: 1, max: NOTE_MAX };
  }
}
