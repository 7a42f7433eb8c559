import { describe, it, expect } from "vitest";
import {
  TASK_ACTIONS,
  TASK_ROLES,
  TASK_STATUSES,
  allowedTaskActions,
  isTaskOpen,
  needsReminders,
  taskTransition,
  type TaskAction,
  type TaskRole,
  type TaskStatus,
} from "../../src/domain/task-lifecycle";

type Row = readonly [TaskAction, TaskStatus, TaskStatus];
const WORKING: TaskStatus[] = ["open", "acknowledged", "in_progress"];
const UNFINISHED: TaskStatus[] = [...WORKING, "done_pending_review"];

const OFFICIAL: Row[] = [
  ["acknowledge", "open", "acknowledged"],
  ...WORKING.map((s) => ["progress", s, "in_progress"] as const),
  ...WORKING.map((s) => ["complete", s, "done_pending_review"] as const),
  ...WORKING.map((s) => ["request_extension", s, s] as const),
  ...WORKING.map((s) => ["refuse", s, "refused"] as const),
];

const ALLOWED: Record<TaskRole, Row[]> = {
  official: OFFICIAL,
  agency_head: [...OFFICIAL, ...WORKING.map((s) => ["reassign", s, s] as const)],
  secretariat: [
    ["confirm", "done_pending_review", "done"],
    ["send_back", "done_pending_review", "in_progress"],
    ...UNFINISHED.map((s) => ["change_due", s, s] as const),
    ...UNFINISHED.map((s) => ["cancel", s, "cancelled"] as const),
    ...UNFINISHED.map((s) => ["reassign", s, s] as const),
  ],
  system: UNFINISHED.map((s) => ["cancel", s, "cancelled"] as const),
};

const allowedRows = TASK_ROLES.flatMap((role) => ALLOWED[role].map(([action, from, to]) => [role, action, from, to] as const));

describe("taskTransition", () => {
  it.each(allowedRows)("%s: %s from %s → %s", (role, action, from, to) => {
    expect(taskTransition(from, action, role)).toEqual({ ok: true, to });
  });

  it("refuses everything else with the right reason", () => {
    for (const role of TASK_ROLES) {
      const roleActions = new Set(ALLOWED[role].map(([action]) => action));
      for (const action of TASK_ACTIONS) {
        for (const from of TASK_STATUSES) {
          if (ALLOWED[role].some(([a, f]) => a === action && f === from)) continue;
          expect(taskTransition(from, action, role), `${role} ${action} ${from}`).toEqual({
            ok: false,
            reason: roleActions.has(action) ? "illegal_transition" : "forbidden",
          });
        }
      }
    }
  });

  it.each([
    ["official", "confirm", "done_pending_review", "forbidden"],
    ["official", "reassign", "open", "forbidden"],
    ["official", "complete", "done", "illegal_transition"],
    ["official", "acknowledge", "in_progress", "illegal_transition"],
    ["agency_head", "cancel", "open", "forbidden"],
    ["secretariat", "complete", "in_progress", "forbidden"],
    ["secretariat", "confirm", "in_progress", "illegal_transition"],
    ["secretariat", "cancel", "done", "illegal_transition"],
    ["secretariat", "change_due", "refused", "illegal_transition"],
    ["system", "confirm", "done_pending_review", "forbidden"],
  ] as const)("%s: %s from %s → %s", (role, action, from, reason) => {
    expect(taskTransition(from, action, role)).toEqual({ ok: false, reason });
  });
});

describe("allowedTaskActions", () => {
  it("lists what an official can do on a fresh task", () => {
    expect(allowedTaskActions("open", "official")).toEqual([
      "acknowledge", "progress", "complete", "request_extension", "refuse",
    ]);
  });

  it("lists the secretariat's review options", () => {
    expect(allowedTaskActions("done_pending_review", "secretariat")).toEqual([
      "confirm", "send_back", "reassign", "cancel", "change_due",
    ]);
  });

  it("offers nothing on finished tasks", () => {
    for (const role of TASK_ROLES) {
      for (const status of ["done", "refused", "cancelled"] as const) expect(allowedTaskActions(status, role)).toEqual([]);
    }
  });
});

describe("open tasks and reminders", () => {
  it("a task waiting for review is unfinished but gets no reminders", () => {
    expect(TASK_STATUSES.filter(isTaskOpen)).toEqual(["open", "acknowledged", "in_progress", "done_pending_review"]);
    expect(TASK_STATUSES.filter(needsReminders)).toEqual(["open", "acknowledged", "in_progress"]);
  });
});
