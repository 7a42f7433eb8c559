import type { Deps } from "../deps";

const BATCH = 500;
/** A QUEUED row whose job is gone this long (Redis flushed or lost) is queued again. */
const LOST_JOB_AFTER_MS = 60_000;

export const deliveryJobId = (outboxId: number) => `outbox-${outboxId}`;

type RelayDeps = Pick<Deps, "db" | "queues" | "now">;

/**
 * Moves PENDING outbox rows into the deliveries queue. The job id is derived from the row,
 * so relaying the same row twice (two relays, a crash before the status update) adds one job.
 * Rows are marked QUEUED only after BullMQ accepted them: if Redis is down they stay PENDING.
 */
export async function relayOutbox(deps: RelayDeps, batch = BATCH): Promise<number> {
  let relayed = 0;
  for (;;) {
    const rows = await deps.db.outboxMessage.findMany({
      where: { status: "PENDING" },
      orderBy: [{ priority: "asc" }, { id: "asc" }],
      take: batch,
      select: { id: true, priority: true },
    });
    if (rows.length === 0) return relayed;
    await deps.queues.deliveries.addBulk(
      rows.map((row) => ({
        name: "deliver",
        data: { outboxId: row.id },
        opts: { jobId: deliveryJobId(row.id), priority: row.priority },
      })),
    );
    await deps.db.outboxMessage.updateMany({
      where: { id: { in: rows.map((row) => row.id) }, status: "PENDING" },
      data: { status: "QUEUED", queuedAt: deps.now() },
    });
    relayed += rows.length;
    if (rows.length < batch) return relayed;
  }
}

/**
 * Finds QUEUED rows whose BullMQ job no longer exists (Redis lost its data) and queues
 * them again. The sender's status check makes a re-queue of a delivered row harmless.
 */
export async function requeueLostDeliveries(deps: RelayDeps): Promise<number> {
  const stale = await deps.db.outboxMessage.findMany({
    where: { status: "QUEUED", queuedAt: { lt: new Date(deps.now().getTime() - LOST_JOB_AFTER_MS) } },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, priority: true },
  });
  let requeued = 0;
  for (const row of stale) {
    const job = await deps.queues.deliveries.getJob(deliveryJobId(row.id));
    if (job) continue;
    await deps.queues.deliveries.add("deliver", { outboxId: row.id }, { jobId: deliveryJobId(row.id), priority: row.priority });
    await deps.db.outboxMessage.update({ where: { id: row.id }, data: { queuedAt: deps.now() } });
    requeued += 1;
  }
  return requeued;
}
