/**
 * The task state machine: work assigned to an agency (from triage or a meeting resolution).
 * Officials report; the secretariat confirms, sends back, re-dates or cancels.
 */

export const TASK_STATUSES = [
  "open",
  "acknowledged",
  "in_progress",
  "done_pending_review",
  "done",
  "refused",
  "cancelled",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  "acknowledge",
  "progress",
  "complete",
  "confirm",
  "send_back",
  "request_extension",
  "refuse",
  "reassign",
  "cancel",
  "change_due",
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_ROLES = ["official", "agency_head", "secretariat", "system"] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

export type TaskTransitionResult =
  | { ok: true; to: TaskStatus }
  | { ok: false; reason: "illegal_transition" | "forbidden" };

/** The agency is (or should be) working on it: reminders and escalations apply. */
const AGENCY_WORKING: readonly TaskStatus[] = ["open", "acknowledged", "in_progress"];
/** Not finished from the secretariat's point of view: also waiting for its review. */
const UNFINISHED: readonly TaskStatus[] = [...AGENCY_WORKING, "done_pending_review"];

/** Not yet finished: open, acknowledged, in_progress, and done_pending_review (awaits review). */
export function isTaskOpen(s: TaskStatus): boolean {
  return UNFINISHED.includes(s);
}

/** Reminders go out only while the ball is in the agency's court. */
export function needsReminders(s: TaskStatus): boolean {
  return AGENCY_WORKING.includes(s);
}

interface Rule {
  from: readonly TaskStatus[];
  to: TaskStatus | "same";
}
type RoleRules = Partial<Record<TaskAction, Rule>>;

const OFFICIAL_RULES: RoleRules = {
  acknowledge: { from: ["open"], to: "acknowledged" },
  progress: { from: AGENCY_WORKING, to: "in_progress" },
  complete: { from: AGENCY_WORKING, to: "done_pending_review" },
  request_extension: { from: AGENCY_WORKING, to: "same" },
  refuse: { from: AGENCY_WORKING, to: "refused" },
};

const RULES: Readonly<Record<TaskRole, RoleRules>> = {
  official: OFFICIAL_RULES,
  agency_head: {
    ...OFFICIAL_RULES,
    reassign: { from: AGENCY_WORKING, to: "same" }, // to another official of the same agency
  },
  secretariat: {
    confirm: { from: ["done_pending_review"], to: "done" },
    send_back: { from: ["done_pending_review"], to: "in_progress" },
    change_due: { from: UNFINISHED, to: "same" },
    cancel: { from: UNFINISHED, to: "cancelled" },
    reassign: { from: UNFINISHED, to: "same" },
  },
  // E.g. the case was resolved, rejected or merged: its unfinished tasks are cancelled.
  system: {
    cancel: { from: UNFINISHED, to: "cancelled" },
  },
};

export function taskTransition(from: TaskStatus, action: TaskAction, role: TaskRole): TaskTransitionResult {
  const rule = RULES[role][action];
  if (rule === undefined) return { ok: false, reason: "forbidden" };
  if (!rule.from.includes(from)) return { ok: false, reason: "illegal_transition" };
  return { ok: true, to: rule.to === "same" ? from : rule.to };
}

export function allowedTaskActions(status: TaskStatus, role: TaskRole): TaskAction[] {
  return TASK_ACTIONS.filter((action) => taskTransition(status, action, role).ok);
}
