/**
 * What the preview's send button and the live cancel read before and after their actions in
 * src/services/broadcasts.ts (whose transactions re-check the role and the status).
 */
import type { Deps } from "../deps";
import { refusal } from "../domain/refusal";
import { inScope, secretariatGroups } from "./authz";
import { broadcastCounts, type BroadcastCounts } from "./broadcasts";
import type { SessionUser } from "./users";

/**
 * The draft the send button confirms, before its progress message is posted: refused when it is
 * not a group of the reader's (broadcasts-error-forbidden), or gone or no longer a draft
 * (broadcasts-error-not_draft). startBroadcast checks both again in its transaction.
 */
export async function draftToSend(deps: Pick<Deps, "db">, user: Pick<SessionUser, "memberships">, broadcastId: number): Promise<{ total: number }> {
  const draft = await deps.db.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true, total: true, workingGroupId: true } });
  if (draft && !inScope(secretariatGroups(user), draft.workingGroupId)) throw refusal("broadcasts-error", "forbidden");
  if (!draft || draft.status !== "DRAFT") throw refusal("broadcasts-error", "not_draft");
  return { total: draft.total };
}

/** A broadcast's progress now, from its outbox rows (the progress message after a cancel). */
export async function broadcastProgress(deps: Pick<Deps, "db">, broadcastId: number): Promise<BroadcastCounts> {
  return broadcastCounts(deps.db, broadcastId);
}
