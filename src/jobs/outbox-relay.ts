import type { Deps } from "../deps";
import { utc } from "../db";

const BATCH = 500;
/**
 * A QUEUED row whose job is missing is queued again by the periodic sweep once it was queued
 * this long ago: a margin over any send in flight (a loss the sentinel caught is not waited for).
 */
export const LOST_JOB_AFTER_MS = 60_000;

export const deliveryJobId = (outboxId: number) => `outbox-${outboxId}`;

type RelayDeps = Pick<Deps, "sql" | "queues" | "now">;

/**
 * Moves PENDING outbox rows into the deliveries queue. The job id is derived from the row,
 * so relaying the same row twice (two relays, a crash before the status update) adds one job.
 * Rows are marked QUEUED only after BullMQ accepted them: if Redis is down they stay PENDING.
 */
export async function relayOutbox(deps: RelayDeps, batch = BATCH): Promise<number> {
  let relayed = 0;
  for (;;) {
    // Raw, both statements, on the SQL port (src/sql.ts): the relay runs after every commit
    // that wrote a notice, and the query builder compiled them each time at several times the
    // cost of running them.
    const rows = await deps.sql.rows<{ id: number; priority: number }>`
      SELECT id, priority FROM "OutboxMessage" WHERE status = 'PENDING' ORDER BY priority, id LIMIT ${batch}`;
    if (rows.length === 0) return relayed;
    await deps.queues.deliveries.addBulk(
      rows.map((row) => ({
        name: "deliver",
        data: { outboxId: row.id },
        opts: { jobId: deliveryJobId(row.id), priority: row.priority },
      })),
    );
    await deps.sql.run`
      UPDATE "OutboxMessage" SET status = 'QUEUED', "queuedAt" = ${utc(deps.now())}
      WHERE id = ANY(${rows.map((row) => row.id)}::int[]) AND status = 'PENDING'`;
    relayed += rows.length;
    if (rows.length < batch) return relayed;
  }
}

/**
 * The relay as `deps.flushOutbox` runs it after a commit that wrote outbox rows: one relay at a
 * time, and every flush asked for while one runs folded into a single run after it. Each relay
 * reads every PENDING row, so two running side by side (200 producers submitting at once made
 * 200) each read and queued all the others' rows too: the work grew with the square of the
 * burst (35 job additions per submitted case at 50 at once, where one is needed). A flush
 * asked for during a run still gets a run that starts after it asked, so a row committed
 * before its flush is never left waiting for the worker's periodic relay.
 */
export function outboxFlusher(relay: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await relay().catch(onError);
    } while (again);
    running = false;
  };
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void loop();
  };
}

export interface LostJobScan {
  /** Rows looked at and jobs added again. */
  checked: number;
  requeued: number;
  /** The last row id looked at: where the next page starts (0 when the table was exhausted). */
  nextAfterId: number;
}

export interface LostJobScanOptions {
  /** Only rows queued longer ago than this (0: every QUEUED row, after a detected data loss). */
  olderThanMs?: number;
  afterId?: number;
  limit?: number;
  /** Delay of the jobs added again (see recoverLostDeliveries). */
  delayMs?: number;
}

type SweepDeps = Pick<Deps, "db" | "queues" | "queueRedis" | "now">;

/**
 * One page of QUEUED rows (in id order, after `afterId`) checked against Redis: a row whose
 * job no longer exists (Redis lost it) gets its job again. The query walks the
 * (status, id) index, so a page costs the same however large the table; the jobs are checked
 * with one pipelined EXISTS per page, not a round trip per row. Adding a job whose id exists
 * is a no-op in BullMQ, and the sender re-reads the row, so a row queued twice is sent once.
 */
export async function requeueLostDeliveries(deps: SweepDeps, options: LostJobScanOptions = {}): Promise<LostJobScan> {
  const { olderThanMs = LOST_JOB_AFTER_MS, afterId = 0, limit = BATCH, delayMs = 0 } = options;
  const rows = await deps.db.outboxMessage.findMany({
    where: {
      status: "QUEUED",
      id: { gt: afterId },
      ...(olderThanMs > 0 && { queuedAt: { lt: new Date(deps.now().getTime() - olderThanMs) } }),
    },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, priority: true },
  });
  if (rows.length === 0) return { checked: 0, requeued: 0, nextAfterId: 0 };
  const pipeline = deps.queueRedis.pipeline();
  for (const row of rows) pipeline.exists(deps.queues.deliveries.toKey(deliveryJobId(row.id)));
  const exists = (await pipeline.exec()) ?? [];
  const lost = rows.filter((_, index) => {
    const [error, count] = exists[index] ?? [null, 1];
    if (error) throw error;
    return count === 0;
  });
  if (lost.length > 0) {
    await deps.queues.deliveries.addBulk(
      lost.map((row) => ({
        name: "deliver",
        data: { outboxId: row.id },
        opts: { jobId: deliveryJobId(row.id), priority: row.priority, ...(delayMs > 0 && { delay: delayMs }) },
      })),
    );
    await deps.db.outboxMessage.updateMany({ where: { id: { in: lost.map((row) => row.id) }, status: "QUEUED" }, data: { queuedAt: deps.now() } });
  }
  const last = rows.at(-1)?.id ?? 0;
  return { checked: rows.length, requeued: lost.length, nextAfterId: rows.length < limit ? 0 : last };
}

/**
 * After Redis lost its data: every QUEUED row, page by page, gets its job back. The jobs wait
 * IN_FLIGHT_GRACE_MS first: a send that was under way when the data went (its job key gone with
 * the rest) gets that long to return and mark its row SENT, so the copy finds it final instead
 * of sending again. A Bot API call that takes longer than that and was accepted would go out
 * twice; such a call is rare, and the alternative is waiting for it without knowing it exists.
 */
export const IN_FLIGHT_GRACE_MS = 2_000;

export async function recoverLostDeliveries(deps: SweepDeps): Promise<{ checked: number; requeued: number }> {
  let afterId = 0;
  let checked = 0;
  let requeued = 0;
  do {
    const page = await requeueLostDeliveries(deps, { olderThanMs: 0, afterId, delayMs: IN_FLIGHT_GRACE_MS });
    checked += page.checked;
    requeued += page.requeued;
    afterId = page.nextAfterId;
  } while (afterId !== 0);
  return { checked, requeued };
}

/**
 * The periodic safety net (a key lost on its own, a loss the sentinel missed): each call checks
 * one page of rows queued over LOST_JOB_AFTER_MS ago and moves on, so a long backlog of QUEUED
 * rows (a broadcast) is covered over successive calls, a page at a time.
 */
export function lostJobSweep(deps: SweepDeps): () => Promise<number> {
  let afterId = 0;
  return async () => {
    const page = await requeueLostDeliveries(deps, { afterId });
    afterId = page.nextAfterId;
    return page.requeued;
  };
}
