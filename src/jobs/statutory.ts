/**
 * The statutory timers of resolutions (the rules are in src/services/resolutions/statutory.ts):
 * the close of an objection window, and the reconciliation that re-plans every open window from
 * PostgreSQL at worker start and every hour (a Redis that lost its data loses none). The close
 * re-reads the resolution and binds it only once, so a job that runs twice or late is harmless.
 */
import type { Deps } from "../deps";
import { closeObjectionWindow, reconcileObjectionWindows } from "../services/resolutions";
import type { TimerData } from "../services/timers";

export const STATUTORY_RECONCILE_ID = "statutory-reconcile";
const RECONCILE_EVERY_MS = 3600_000;

export async function handleObjectionWindowClose(data: TimerData<"objection-window-close">, deps: Deps): Promise<void> {
  const outcome = await closeObjectionWindow(deps, data);
  deps.logger.debug({ resolutionId: data.resolutionId, outcome }, "objection window close");
}

export async function handleStatutoryReconcile(_data: TimerData<"statutory-reconcile">, deps: Deps): Promise<void> {
  deps.logger.debug(await reconcileObjectionWindows(deps), "objection windows reconciled");
}

/** Worker start hook: reconcile now, and every hour through a job scheduler. */
export async function startStatutoryReconciler(deps: Deps): Promise<void> {
  await deps.queues.timers.upsertJobScheduler(
    STATUTORY_RECONCILE_ID,
    { every: RECONCILE_EVERY_MS },
    { name: STATUTORY_RECONCILE_ID, data: { type: "statutory-reconcile" } },
  );
  deps.logger.info(await reconcileObjectionWindows(deps), "objection windows reconciled");
}
