/**
 * The countdown's timer handlers (the rules are in src/services/countdown): a rise of urgency,
 * the question on the date, and the reconciliation that re-plans every open countdown from
 * PostgreSQL at worker start and every few hours (a Redis that lost its data loses nothing).
 * Each handler re-reads the case and does nothing when the job no longer fits it, so a job
 * that runs twice, late, or after a postponement is harmless.
 */
import type { Deps } from "../deps";
import { applyCountdownStep, askDateCheck, reconcileCountdowns } from "../services/countdown";
import type { TimerData } from "../services/timers";

export const COUNTDOWN_RECONCILE_ID = "countdown-reconcile";
const RECONCILE_EVERY_MS = 6 * 3600_000;

export async function handleCountdownStep(data: TimerData<"countdown-step">, deps: Deps): Promise<void> {
  const outcome = await applyCountdownStep(deps, data);
  deps.logger.debug({ caseId: data.caseId, urgency: data.urgency, outcome }, "countdown step");
}

export async function handleDateCheck(data: TimerData<"date-check">, deps: Deps): Promise<void> {
  const outcome = await askDateCheck(deps, data);
  deps.logger.debug({ caseId: data.caseId, outcome }, "date check");
}

export async function handleCountdownReconcile(_data: TimerData<"countdown-reconcile">, deps: Deps): Promise<void> {
  deps.logger.debug(await reconcileCountdowns(deps), "countdowns reconciled");
}

/** Worker start hook: reconcile now, and every six hours through a job scheduler. */
export async function startCountdownReconciler(deps: Deps): Promise<void> {
  await deps.queues.timers.upsertJobScheduler(
    COUNTDOWN_RECONCILE_ID,
    { every: RECONCILE_EVERY_MS },
    { name: COUNTDOWN_RECONCILE_ID, data: { type: "countdown-reconcile" } },
  );
  deps.logger.info(await reconcileCountdowns(deps), "countdowns reconciled");
}
