/**
 * The writes of a case's status. The status itself is always decided by the case state machine
 * (transition() in src/domain/case-lifecycle.ts); these only make sure that a decision taken on
 * a status someone else has changed meanwhile never overwrites their change.
 */
import type { Tx } from "../db";
import type { CaseStatus } from "../domain/case-lifecycle";

/** Locks a case row until the transaction ends: actions on one case run one at a time. */
export async function lockCase(tx: Tx, caseId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
}

/**
 * Moves a case from `from` to `to` (a transition the state machine allowed from `from`) only if
 * it still is in `from`. False when another transaction changed it first: its change stands.
 * For callers that read the case without locking it (lockCase).
 */
export async function moveCaseStatus(tx: Tx, caseId: number, from: CaseStatus, to: CaseStatus): Promise<boolean> {
  if (from === to) return true;
  const moved = await tx.case.updateMany({ where: { id: caseId, status: from }, data: { status: to } });
  return moved.count === 1;
}
