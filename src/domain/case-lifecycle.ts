/**
 * The case state machine (DESIGN.md "A case and its life"). Every status change of a case and
 * every action on it is checked here, and only here.
 */

export const CASE_STATUSES = [
  "submitted",
  "needs_info",
  "assigned",
  "in_progress",
  "on_agenda",
  "resolved",
  "closed",
  "rejected",
  "duplicate",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  "take",
  "ask_info",
  "answer_info",
  "assign",
  "start_progress",
  "put_on_agenda",
  "remove_from_agenda",
  "record_resolution",
  "resolve",
  "close",
  "reject",
  "mark_duplicate",
  "reopen",
  "change_category",
  "add_note",
  "add_info",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ACTOR_ROLES = ["producer", "secretariat", "official", "chair", "admin", "system"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface CaseActor {
  role: ActorRole;
  /** Producer only: whether the reopen window after resolution/closing is still open. */
  reopenWindowOpen?: boolean;
  /** Whether the case has agency tasks still running (decides where it returns from an agenda). */
  hasOpenTasks?: boolean;
}

export type TransitionResult =
  | { ok: true; to: CaseStatus }
  | { ok: false; reason: "illegal_transition" | "forbidden" };

/** No further work happens on a case in these statuses (resolved can still be closed/reopened). */
export const TERMINAL_CASE_STATUSES: readonly CaseStatus[] = ["closed", "rejected", "duplicate"];
const CLOSED_FOR_WORK: readonly CaseStatus[] = ["resolved", ...TERMINAL_CASE_STATUSES];

export function isTerminalStatus(s: CaseStatus): boolean {
  return TERMINAL_CASE_STATUSES.includes(s);
}

/** Open = still waiting for something to happen: everything but resolved, closed, rejected, duplicate. */
export function isOpenStatus(s: CaseStatus): boolean {
  return !CLOSED_FOR_WORK.includes(s);
}

const NON_TERMINAL: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !isTerminalStatus(s));

interface Rule {
  from: readonly CaseStatus[];
  /** "same": the action records something but leaves the status. */
  to: CaseStatus | "same";
  /** The producer may reopen only while the reopen window is open. */
  needsReopenWindow?: boolean;
  /** Where the case goes instead of `to` while agency tasks are still running. */
  toWhileTasksOpen?: CaseStatus;
}

type RoleRules = Partial<Record<CaseAction, Rule>>;

const RESOLVE: Rule = { from: ["submitted", "assigned", "in_progress", "on_agenda"], to: "resolved" };

const SECRETARIAT_RULES: RoleRules = {
  take: { from: ["submitted"], to: "same" }, // ownership only
  ask_info: { from: ["submitted", "assigned", "in_progress", "on_agenda"], to: "needs_info" },
  assign: { from: ["submitted", "needs_info", "on_agenda", "assigned", "in_progress"], to: "assigned" },
  put_on_agenda: { from: ["submitted", "needs_info", "assigned", "in_progress"], to: "on_agenda" },
  // Taken off the agenda (or its meeting cancelled) before a decision: back to the queue, or
  // back to the agency if its task is still running.
  remove_from_agenda: { from: ["on_agenda"], to: "submitted", toWhileTasksOpen: "assigned" },
  record_resolution: { from: ["on_agenda"], to: "assigned" },
  resolve: RESOLVE,
  close: { from: ["resolved"], to: "closed" },
  reject: { from: ["submitted", "needs_info"], to: "rejected" },
  mark_duplicate: { from: ["submitted", "needs_info"], to: "duplicate" },
  reopen: { from: ["resolved", "closed", "rejected"], to: "submitted" },
  change_category: { from: NON_TERMINAL, to: "same" },
  add_note: { from: NON_TERMINAL, to: "same" },
};

const RULES: Readonly<Record<ActorRole, RoleRules>> = {
  secretariat: SECRETARIAT_RULES,
  admin: SECRETARIAT_RULES,
  producer: {
    answer_info: { from: ["needs_info"], to: "submitted" },
    add_info: { from: NON_TERMINAL, to: "same" },
    reopen: { from: ["resolved", "closed"], to: "submitted", needsReopenWindow: true },
  },
  // Officials finish tasks; resolving the case is the secretariat's call.
  official: {
    start_progress: { from: ["assigned"], to: "in_progress" },
    add_note: { from: NON_TERMINAL, to: "same" },
  },
  chair: {
    add_note: { from: NON_TERMINAL, to: "same" },
  },
  system: {
    start_progress: { from: ["assigned"], to: "in_progress" },
    resolve: RESOLVE,
  },
};

/**
 * Whether `actor` may do `action` on a case in status `from`, and the resulting status.
 * "forbidden": the role may never do this action (or the producer's reopen window is closed);
 * "illegal_transition": the role may do it, but not from this status.
 */
export function transition(from: CaseStatus, action: CaseAction, actor: CaseActor): TransitionResult {
  const rule = RULES[actor.role][action];
  if (rule === undefined) return { ok: false, reason: "forbidden" };
  if (!rule.from.includes(from)) return { ok: false, reason: "illegal_transition" };
  if (rule.needsReopenWindow && actor.reopenWindowOpen !== true) return { ok: false, reason: "forbidden" };
  if (rule.toWhileTasksOpen && actor.hasOpenTasks) return { ok: true, to: rule.toWhileTasksOpen };
  return { ok: true, to: rule.to === "same" ? from : rule.to };
}

/**
 * The actions `role` may take on a case in `status`, in CASE_ACTIONS order. A producer's
 * "reopen" is listed only when `opts.reopenWindowOpen` is true.
 */
export function allowedActions(
  status: CaseStatus,
  role: ActorRole,
  opts: { reopenWindowOpen?: boolean } = {},
): CaseAction[] {
  const actor: CaseActor = { role, reopenWindowOpen: opts.reopenWindowOpen === true };
  return CASE_ACTIONS.filter((action) => transition(status, action, actor).ok);
}
