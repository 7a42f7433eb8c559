import type { Deps } from "../deps";
import { criticalRealertAt } from "./case-alerts";

/**
 * What the metrics read from PostgreSQL when Prometheus scrapes (src/metrics.ts): never on an
 * update's path. Each is one short query on an index.
 */

export interface OutboxStats {
  byStatus: Record<string, number>;
  /** Seconds since the oldest row not yet delivered (PENDING or QUEUED, broadcasts excluded). */
  oldestPendingAgeSeconds: number;
}

const STATUSES = ["PENDING", "QUEUED", "SENT", "FAILED", "BLOCKED", "CANCELLED"] as const;

/**
 * One statement: the count per status (an index-only scan of (status, id), which finished rows
 * dominate until the retention job prunes them) and the oldest undelivered notice (the
 * (status, createdAt) index's first PENDING and QUEUED entries; broadcasts are meant to queue
 * for a while behind the send rate, so they are left out of the age).
 */
export async function outboxStats(deps: Pick<Deps, "db" | "now">): Promise<OutboxStats> {
  // The subquery is uncorrelated: PostgreSQL runs it once (an InitPlan), not per group.
  const rows = await deps.db.$queryRaw<Array<{ status: string; count: bigint; oldest: Date | null }>>`
    SELECT "status"::text AS status, count(*) AS count,
      (SELECT min("createdAt") FROM "OutboxMessage" WHERE "status" IN ('PENDING', 'QUEUED') AND "kind" <> 'BROADCAST') AS oldest
    FROM "OutboxMessage" GROUP BY "status"`;
  const byStatus: Record<string, number> = Object.fromEntries(STATUSES.map((status) => [status, 0]));
  for (const row of rows) byStatus[row.status] = Number(row.count);
  const at = rows[0]?.oldest;
  // createdAt is stored as UTC in a timestamp column (Prisma's default), read back as a UTC Date.
  const age = at ? Math.max(0, (deps.now().getTime() - at.getTime()) / 1000) : 0;
  return { byStatus, oldestPendingAgeSeconds: age };
}

/**
 * Critical cases still "submitted" and unopened by the secretariat past their (first) re-alert
 * time: the same moment src/services/case-alerts.ts schedules the re-alert for, on the working
 * calendar. Counted whether or not the re-alert went out: either way nobody has looked.
 */
export async function countCriticalUnopenedPastRealert(deps: Pick<Deps, "db" | "now" | "config" | "policies">): Promise<number> {
  const now = deps.now();
  // The working calendar only moves the due time later: a case younger than the plain interval
  // cannot be due yet, so only older ones are read (few: critical and unopened).
  const earliest = new Date(now.getTime() - deps.config.CRITICAL_REALERT_MINUTES * 60_000);
  const rows = await deps.db.case.findMany({
    where: { urgency: "critical", status: "submitted", firstOpenedAt: null, submittedAt: { lte: earliest } },
    select: { submittedAt: true },
    take: 10_000,
  });
  return rows.filter((row) => criticalRealertAt(row.submittedAt, deps.config.CRITICAL_REALERT_MINUTES, deps.policies.calendar) <= now).length;
}
