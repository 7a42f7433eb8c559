/**
 * Timer job "critical-realert" (scheduled when a critical case is submitted, src/services/
 * case-alerts.ts): does nothing once a secretariat member has opened the card (or the case
 * left "submitted"); otherwise alerts again and schedules the next round, up to
 * MAX_REALERT_ROUNDS. Idempotent: the alert's dedupe key is per round and the next round's job
 * id is deterministic, so a retried job adds nothing.
 */
import type { Deps } from "../deps";
import { alertSecretariatOfNewCase, MAX_REALERT_ROUNDS, scheduleCriticalRealert, type RealertDeps } from "../services/case-alerts";
import type { TimerData } from "../services/timers";

export async function handleCriticalRealert(
  data: Pick<TimerData<"critical-realert">, "caseId" | "round">,
  deps: Pick<Deps, "db" | "t" | "flushOutbox"> & RealertDeps,
): Promise<void> {
  const row = await deps.db.case.findUnique({
    where: { id: data.caseId },
    select: { firstOpenedAt: true, urgency: true, status: true },
  });
  if (!row || row.firstOpenedAt !== null || row.urgency !== "critical" || row.status !== "submitted") return;
  await deps.db.$transaction((tx) => alertSecretariatOfNewCase(tx, deps, data.caseId, data.round));
  deps.flushOutbox();
  if (data.round < MAX_REALERT_ROUNDS) await scheduleCriticalRealert(deps, data.caseId, data.round + 1);
}
