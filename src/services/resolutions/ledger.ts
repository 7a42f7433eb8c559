/**
 * The ledger: a working group's resolutions with their follow-up status, read from their tasks,
 * and their statutory phase (notified, objection window open or closed, objected, binding,
 * implemented, overdue: statutory.ts).
 */
import type { Deps } from "../../deps";
import { pageWindow } from "../../domain/pagination";
import type { TaskStatus } from "../../generated/prisma/enums";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "../tasks";
import { phaseOf } from "./statutory";


export type ResolutionStatus = "recorded" | "open" | "overdue" | "done" | "refused" | "cancelled";
export type LedgerFilter = "all" | "open" | "overdue" | "done" | "objected";
/** The ledger's filters; a filter button carries its index here. */
export const LEDGER_FILTERS: readonly LedgerFilter[] = ["all", "open", "overdue", "done", "objected"];

/** A resolution's follow-up status: from its task; decisions and information are just recorded. */
export function resolutionStatus(task: { status: TaskStatus; dueAt: Date } | null, now: Date): ResolutionStatus {
  if (!task) return "recorded";
  if (task.status === "done") return "done";
  if (task.status === "refused") return "refused";
  if (task.status === "cancelled") return "cancelled";
  if (REMINDED_TASK_STATUSES.includes(task.status) && task.dueAt.getTime() < now.getTime()) return "overdue";
  return "open";
}

function ledgerWhere(workingGroupIds: number[] | "all", filter: LedgerFilter, now: Date) {
  const base = workingGroupIds === "all" ? {} : { meeting: { workingGroupId: { in: workingGroupIds } } };
  switch (filter) {
    case "open":
      return { ...base, task: { OR: [{ status: { in: OPEN_TASK_STATUSES }, dueAt: { gte: now } }, { status: "done_pending_review" as const }] } };
    case "overdue":
      return { ...base, task: { status: { in: REMINDED_TASK_STATUSES }, dueAt: { lt: now } } };
    case "done":
      return { ...base, task: { status: "done" as const } };
    case "objected":
      // An objection waiting for the secretariat's or chair's decision.
      return { ...base, objectedAt: { not: null }, decidedAt: null };
    default:
      return base;
  }
}

/** One page of a working group's resolutions, newest first, with their status. */
export async function listResolutions(
  deps: Pick<Deps, "db" | "now">,
  /** The groups, or "all" (a global admin). */
  workingGroupIds: number[] | "all",
  filter: LedgerFilter,
  page: number,
  pageSize: number,
) {
  const now = deps.now();
  const where = ledgerWhere(workingGroupIds, filter, now);
  const total = await deps.db.resolution.count({ where });
  const { page: current, pages, offset } = pageWindow(total, pageSize, page);
  const rows = await deps.db.resolution.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: offset,
    take: pageSize,
    select: {
      id: true,
      text: true,
      type: true,
      deadline: true,
      case: { select: { trackingCode: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      meeting: { select: { kind: true, number: true, jalaliYear: true } },
      amendedText: true,
      notifiedAt: true,
      objectionDeadline: true,
      objectedAt: true,
      objectionDecision: true,
      decidedAt: true,
      task: { select: { id: true, status: true, dueAt: true, completedAt: true } },
    },
  });
  const items = rows.map((row) => ({ ...row, status: resolutionStatus(row.task, now), phase: phaseOf(row, now) }));
  return { total, page: current, pages, items };
}
