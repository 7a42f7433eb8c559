/**
 * Data lifecycle: finished outbox rows are deleted OUTBOX_RETENTION_DAYS after they finished.
 * A row's payload is the whole message, the recipient's phone number on a case card and the
 * base64 bytes of a generated document (minutes) included, so nothing of it outlives the row.
 *
 * Finished means SENT, FAILED (given up), BLOCKED or CANCELLED: nothing will touch such a row
 * again. Kept: PENDING and QUEUED rows (still to be sent), and the rows of a broadcast still
 * SENDING, whose progress counts them. The dedupe key goes with the row; a notice's key is
 * made of ids of events and timer rounds long past by then, and the timer handlers re-check
 * the state they act on, so nothing is sent again for a pruned key.
 *
 * A BullMQ job scheduler (id "outbox-prune", deterministic: upserting it again keeps one) runs
 * it daily at 03:30 Tehran time on whichever worker takes the job; deletes go in batches of
 * PRUNE_BATCH rows by id, each its own statement, so no long lock or transaction is held.
 */
import type { Deps } from "../deps";
import { TEHRAN_TZ } from "../domain/jalali";
import type { TimerData } from "../services/timers";

export const OUTBOX_PRUNE_SCHEDULER_ID = "outbox-prune";
export const PRUNE_BATCH = 1_000;
/** One run stops after this many batches (the next day's run goes on). */
const MAX_BATCHES_PER_RUN = 1_000;
const DAY_MS = 24 * 3600_000;

type PruneDeps = Pick<Deps, "db" | "config" | "now" | "logger">;

/** Deletes the finished rows older than the retention period; returns how many went. */
export async function pruneOutbox(deps: PruneDeps, batchSize = PRUNE_BATCH): Promise<{ deleted: number; before: Date }> {
  const before = new Date(deps.now().getTime() - deps.config.OUTBOX_RETENTION_DAYS * DAY_MS);
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
    // createdAt ≤ finishedAt: its condition lets the (status, createdAt) index find the rows.
    const count = await deps.db.$executeRaw`
      DELETE FROM "OutboxMessage" WHERE id IN (
        SELECT o.id FROM "OutboxMessage" o
        LEFT JOIN "Broadcast" b ON b.id = o."broadcastId"
        WHERE o.status IN ('SENT'::"DeliveryStatus", 'FAILED'::"DeliveryStatus", 'BLOCKED'::"DeliveryStatus", 'CANCELLED'::"DeliveryStatus")
          AND o."createdAt" < ${before}
          AND COALESCE(o."finishedAt", o."createdAt") < ${before}
          AND (b.id IS NULL OR b.status <> 'SENDING'::"BroadcastStatus")
        ORDER BY o.id
        LIMIT ${batchSize}
      )`;
    deleted += count;
    if (count < batchSize) break;
  }
  return { deleted, before };
}

/** The timer handler (src/jobs/timers.ts). */
export async function handleOutboxPrune(_data: TimerData<"outbox-prune">, deps: PruneDeps): Promise<void> {
  const result = await pruneOutbox(deps);
  deps.logger.info({ deleted: result.deleted, finishedBefore: result.before.toISOString(), retentionDays: deps.config.OUTBOX_RETENTION_DAYS }, "outbox pruned");
}

/** Worker start hook: (re)registers the daily scheduler; upserting keeps exactly one. */
export async function startOutboxPrune(deps: Pick<Deps, "queues">): Promise<void> {
  await deps.queues.timers.upsertJobScheduler(
    OUTBOX_PRUNE_SCHEDULER_ID,
    { pattern: "30 3 * * *", tz: TEHRAN_TZ },
    { name: OUTBOX_PRUNE_SCHEDULER_ID, data: { type: "outbox-prune" } },
  );
}
