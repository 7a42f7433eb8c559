/**
 * The countdown's timers for one case (issue 11): the next time its urgency rises and the
 * morning the producer is asked whether the irreversible date passed without harm. Both are
 * deterministic jobs named after the case, the date they were planned for and (for a rise) the
 * urgency they bring, so scheduling again, the worker's reconciliation or a retried action adds
 * nothing; a job left over from before a postponement names the old date and does nothing
 * when it runs (rise.ts, date-check.ts check the date before acting).
 */
import type { Deps } from "../../deps";
import { isOpenStatus, type CaseStatus } from "../../domain/case-lifecycle";
import type { CategoryId } from "../../domain/categories";
import { dateCheckMoment, nextUrgencyStep } from "../../domain/countdown";
import type { Urgency } from "../../domain/urgency";
import { nextWorkingMoment } from "../../domain/working-calendar";
import type { TimerData } from "../timers";

export const countdownStepJobId = (caseId: number, dateMs: number, urgency: Urgency) => `countdown-${caseId}-${dateMs}-${urgency}`;
export const dateCheckJobId = (caseId: number, dateMs: number) => `datecheck-${caseId}-${dateMs}`;

export const countdownCaseSelect = {
  id: true,
  status: true,
  category: true,
  urgency: true,
  irreversibleAt: true,
  irreversibleOutcome: true,
} as const;

export interface CountdownCase {
  id: number;
  status: string;
  category: string;
  urgency: Urgency;
  irreversibleAt: Date | null;
  irreversibleOutcome: string | null;
}

export interface PlannedTimer {
  data: TimerData<"countdown-step"> | TimerData<"date-check">;
  jobId: string;
  at: Date;
}

/** Whether the countdown still runs: an open case with a date nobody has answered for yet. */
export function countdownRuns(row: CountdownCase): row is CountdownCase & { irreversibleAt: Date } {
  return row.irreversibleAt !== null && row.irreversibleOutcome === null && isOpenStatus(row.status as CaseStatus);
}

/**
 * The timers a case needs now. A rise is due at the start of the Tehran day the days left fall
 * to a threshold, moved to the next working moment: the secretariat it may warn is at work
 * then (the queue shows the time left live in between). The date check is the date's working
 * morning (or the next one).
 */
export function plannedCountdownTimers(row: CountdownCase, now: Date, policies: Deps["policies"]): PlannedTimer[] {
  if (!countdownRuns(row)) return [];
  const dateMs = row.irreversibleAt.getTime();
  const planned: PlannedTimer[] = [];
  const step = nextUrgencyStep({
    category: row.category as CategoryId,
    irreversibleAt: row.irreversibleAt,
    now,
    current: row.urgency,
    policy: policies.countdown,
  });
  if (step && step.urgency !== "low") {
    const urgency = step.urgency;
    planned.push({
      data: { type: "countdown-step", caseId: row.id, dateMs, urgency },
      jobId: countdownStepJobId(row.id, dateMs, urgency),
      at: nextWorkingMoment(step.at, policies.calendar),
    });
  }
  planned.push({
    data: { type: "date-check", caseId: row.id, dateMs },
    jobId: dateCheckJobId(row.id, dateMs),
    at: dateCheckMoment(row.irreversibleAt, policies.calendar),
  });
  return planned;
}

type SyncDeps = Pick<Deps, "db" | "scheduler" | "now" | "policies" | "logger">;

/**
 * Brings a case's countdown timers in line with its row; call it after the commit that set or
 * moved the date. Never throws: the case is safe in PostgreSQL and the reconciliation at
 * worker start (and every few hours) catches a timer Redis could not take.
 */
export async function syncCaseCountdown(deps: SyncDeps, caseId: number, known?: CountdownCase): Promise<number> {
  try {
    // `known`: the row as the caller has just committed it (the submit), so it is not read back.
    const row = known ?? (await deps.db.case.findUnique({ where: { id: caseId }, select: countdownCaseSelect }));
    if (!row) return 0;
    const planned = plannedCountdownTimers(row, deps.now(), deps.policies);
    for (const timer of planned) await deps.scheduler.at(timer.data, timer.jobId, timer.at);
    return planned.length;
  } catch (error) {
    deps.logger.warn({ err: error, caseId }, "could not schedule the case's countdown");
    return 0;
  }
}

const RECONCILE_PAGE = 500;

/**
 * Every open case with a date gets its timers again (idempotent: existing job ids are kept).
 * Run at worker start and periodically, so a Redis that lost its data loses no countdown.
 */
export async function reconcileCountdowns(deps: Omit<SyncDeps, "logger">): Promise<{ cases: number; timers: number }> {
  const now = deps.now();
  let cursor = 0;
  let cases = 0;
  let timers = 0;
  for (;;) {
    const rows = await deps.db.case.findMany({
      where: {
        id: { gt: cursor },
        irreversibleAt: { not: null },
        irreversibleOutcome: null,
        status: { notIn: ["resolved", "closed", "rejected", "duplicate"] },
      },
      select: countdownCaseSelect,
      orderBy: { id: "asc" },
      take: RECONCILE_PAGE,
    });
    for (const row of rows) {
      const planned = plannedCountdownTimers(row, now, deps.policies);
      for (const timer of planned) await deps.scheduler.at(timer.data, timer.jobId, timer.at);
      timers += planned.length;
    }
    cases += rows.length;
    if (rows.length < RECONCILE_PAGE) return { cases, timers };
    cursor = rows[rows.length - 1]!.id;
  }
}
