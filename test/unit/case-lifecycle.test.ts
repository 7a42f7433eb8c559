import { describe, it, expect } from "vitest";
import {
  ACTOR_ROLES,
  CASE_ACTIONS,
  CASE_STATUSES,
  allowedActions,
  isOpenStatus,
  isTerminalStatus,
  transition,
  type ActorRole,
  type CaseAction,
  type CaseStatus,
} from "../../src/domain/case-lifecycle";

type Row = readonly [CaseAction, CaseStatus, CaseStatus];

const NON_TERMINAL: CaseStatus[] = ["submitted", "needs_info", "assigned", "in_progress", "on_agenda", "resolved"];
const same = (action: CaseAction, statuses: CaseStatus[]): Row[] => statuses.map((s) => [action, s, s] as const);

/** Every allowed (action, from, to) of the secretariat, written out from DESIGN.md. */
const SECRETARIAT: Row[] = [
  ["take", "submitted", "submitted"],
  ["ask_info", "submitted", "needs_info"],
  ["ask_info", "assigned", "needs_info"],
  ["ask_info", "in_progress", "needs_info"],
  ["ask_info", "on_agenda", "needs_info"],
  ["assign", "submitted", "assigned"],
  ["assign", "needs_info", "assigned"],
  ["assign", "on_agenda", "assigned"],
  ["assign", "assigned", "assigned"],
  ["assign", "in_progress", "assigned"],
  ["put_on_agenda", "submitted", "on_agenda"],
  ["put_on_agenda", "needs_info", "on_agenda"],
  ["put_on_agenda", "assigned", "on_agenda"],
  ["put_on_agenda", "in_progress", "on_agenda"],
  ["remove_from_agenda", "on_agenda", "submitted"],
  ["record_resolution", "on_agenda", "assigned"],
  ["resolve", "submitted", "resolved"],
  ["resolve", "assigned", "resolved"],
  ["resolve", "in_progress", "resolved"],
  ["resolve", "on_agenda", "resolved"],
  ["close", "resolved", "closed"],
  ["reject", "submitted", "rejected"],
  ["reject", "needs_info", "rejected"],
  ["mark_duplicate", "submitted", "duplicate"],
  ["mark_duplicate", "needs_info", "duplicate"],
  ["reopen", "resolved", "submitted"],
  ["reopen", "closed", "submitted"],
  ["reopen", "rejected", "submitted"],
  ...same("change_category", NON_TERMINAL),
  ...same("add_note", NON_TERMINAL),
];

const ALLOWED: Record<ActorRole, Row[]> = {
  secretariat: SECRETARIAT,
  admin: SECRETARIAT,
  producer: [
    ["answer_info", "needs_info", "submitted"],
    ...same("add_info", NON_TERMINAL),
    ["reopen", "resolved", "submitted"],
    ["reopen", "closed", "submitted"],
  ],
  official: [["start_progress", "assigned", "in_progress"], ...same("add_note", NON_TERMINAL)],
  chair: same("add_note", NON_TERMINAL),
  system: [
    ["start_progress", "assigned", "in_progress"],
    ["resolve", "submitted", "resolved"],
    ["resolve", "assigned", "resolved"],
    ["resolve", "in_progress", "resolved"],
    ["resolve", "on_agenda", "resolved"],
  ],
};

const allowedRows = ACTOR_ROLES.flatMap((role) => ALLOWED[role].map(([action, from, to]) => [role, action, from, to] as const));

describe("transition: every allowed move", () => {
  it.each(allowedRows)("%s: %s from %s → %s", (role, action, from, to) => {
    expect(transition(from, action, { role, reopenWindowOpen: true })).toEqual({ ok: true, to });
  });
});

describe("transition: everything else is refused with the right reason", () => {
  it("checks every role × action × status against the table", () => {
    let refused = 0;
    for (const role of ACTOR_ROLES) {
      const rows = ALLOWED[role];
      const roleActions = new Set(rows.map(([action]) => action));
      for (const action of CASE_ACTIONS) {
        for (const from of CASE_STATUSES) {
          if (rows.some(([a, f]) => a === action && f === from)) continue;
          const expectedReason = roleActions.has(action) ? "illegal_transition" : "forbidden";
          expect(transition(from, action, { role, reopenWindowOpen: true }), `${role} ${action} ${from}`).toEqual({
            ok: false,
            reason: expectedReason,
          });
          refused += 1;
        }
      }
    }
    expect(refused).toBe(ACTOR_ROLES.length * CASE_ACTIONS.length * CASE_STATUSES.length - allowedRows.length);
  });

  it.each([
    ["secretariat", "take", "needs_info", "illegal_transition"],
    ["secretariat", "close", "submitted", "illegal_transition"],
    ["secretariat", "close", "needs_info", "illegal_transition"],
    ["secretariat", "reject", "assigned", "illegal_transition"],
    ["secretariat", "reopen", "duplicate", "illegal_transition"],
    ["secretariat", "add_note", "closed", "illegal_transition"],
    ["secretariat", "change_category", "rejected", "illegal_transition"],
    ["secretariat", "answer_info", "needs_info", "forbidden"],
    ["official", "resolve", "in_progress", "forbidden"],
    ["official", "assign", "submitted", "forbidden"],
    ["official", "start_progress", "on_agenda", "illegal_transition"],
    ["chair", "resolve", "assigned", "forbidden"],
    ["producer", "resolve", "submitted", "forbidden"],
    ["producer", "reopen", "rejected", "illegal_transition"],
    ["producer", "add_info", "duplicate", "illegal_transition"],
    ["system", "close", "resolved", "forbidden"],
  ] as const)("%s: %s from %s → %s", (role, action, from, reason) => {
    expect(transition(from, action, { role, reopenWindowOpen: true })).toEqual({ ok: false, reason });
  });
});

describe("producer reopen window", () => {
  it("is forbidden once the window has closed (or when not stated)", () => {
    expect(transition("resolved", "reopen", { role: "producer", reopenWindowOpen: false })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(transition("closed", "reopen", { role: "producer" })).toEqual({ ok: false, reason: "forbidden" });
  });

  it("does not bind the secretariat", () => {
    expect(transition("closed", "reopen", { role: "secretariat", reopenWindowOpen: false })).toEqual({
      ok: true,
      to: "submitted",
    });
  });
});

describe("allowedActions", () => {
  it("lists the secretariat's options on a new case", () => {
    expect(allowedActions("submitted", "secretariat")).toEqual([
      "take", "ask_info", "assign", "put_on_agenda", "resolve", "reject", "mark_duplicate", "change_category", "add_note",
    ]);
  });

  it("offers a producer reopen only while the window is open", () => {
    expect(allowedActions("resolved", "producer")).toEqual(["add_info"]);
    expect(allowedActions("resolved", "producer", { reopenWindowOpen: true })).toEqual(["reopen", "add_info"]);
    expect(allowedActions("closed", "producer", { reopenWindowOpen: true })).toEqual(["reopen"]);
  });

  it("offers no action on a duplicate to anyone", () => {
    for (const role of ACTOR_ROLES) expect(allowedActions("duplicate", role)).toEqual([]);
  });

  it("agrees with transition for every status and role", () => {
    for (const role of ACTOR_ROLES) {
      for (const status of CASE_STATUSES) {
        const expected = ALLOWED[role]
          .filter(([, from]) => from === status)
          .filter(([action]) => !(role === "producer" && action === "reopen"))
          .map(([action]) => action);
        expect(allowedActions(status, role)).toEqual(CASE_ACTIONS.filter((a) => expected.includes(a)));
      }
    }
  });
});

describe("status classes", () => {
  it("open means still in the works", () => {
    expect(CASE_STATUSES.filter(isOpenStatus)).toEqual(["submitted", "needs_info", "assigned", "in_progress", "on_agenda"]);
  });

  it("terminal statuses accept no further work", () => {
    expect(CASE_STATUSES.filter(isTerminalStatus)).toEqual(["closed", "rejected", "duplicate"]);
  });
});

describe("remove_from_agenda", () => {
  it("returns an agenda case to the queue, or to the agency while a task runs", () => {
    expect(transition("on_agenda", "remove_from_agenda", { role: "secretariat" })).toEqual({ ok: true, to: "submitted" });
    expect(transition("on_agenda", "remove_from_agenda", { role: "admin", hasOpenTasks: true })).toEqual({ ok: true, to: "assigned" });
  });

  it("is refused outside an agenda and to other roles", () => {
    expect(transition("assigned", "remove_from_agenda", { role: "secretariat" })).toEqual({ ok: false, reason: "illegal_transition" });
    expect(transition("on_agenda", "remove_from_agenda", { role: "official" })).toEqual({ ok: false, reason: "forbidden" });
    expect(transition("on_agenda", "remove_from_agenda", { role: "producer" })).toEqual({ ok: false, reason: "forbidden" });
  });
});
