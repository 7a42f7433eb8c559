/**
 * Who may work a cluster, and the cluster read under a lock. Only the working group's
 * secretariat (and admins) — the session's memberships, as the batch referral checks them —
 * and every action re-reads each case's working group, whatever the callback data said.
 * Refusals are `clusters-error-<reason>`.
 */
import type { Tx } from "../../db";
import { isOpenStatus, type CaseStatus } from "../../domain/case-lifecycle";
import { refusal } from "../../domain/refusal";
import { inScope, secretariatGroups } from "../authz";
import type { SessionUser } from "../users";

export type ClusterRefusalReason = "forbidden" | "not_found" | "closed" | "stale" | "too_few" | "too_many" | "invalid_title" | "not_member" | "no_meeting" | "not_on_agenda";

export const clusterRefusal = (reason: ClusterRefusalReason, args?: Record<string, string | number>) => refusal("clusters-error", reason, args);

/** The statuses a case counts as open in (it can still join a cluster). */
export const OPEN_CASE_STATUSES: CaseStatus[] = (["submitted", "needs_info", "assigned", "in_progress", "on_agenda", "resolved", "closed", "rejected", "duplicate"] as CaseStatus[]).filter(isOpenStatus);

/** At least this many cases make a cluster built by hand (a proposal needs the configured minimum). */
export const CLUSTER_MIN_BY_HAND = 2;
export const CLUSTER_MAX_CASES = 200;
export const TITLE_MIN = 3;
export const TITLE_MAX = 120;

export function assertClusterActor(actor: SessionUser, workingGroupId: number): void {
  if (!inScope(secretariatGroups(actor), workingGroupId)) throw clusterRefusal("forbidden");
}

/** Locks the cluster row (one action on a cluster at a time) and checks the actor may work it. */
export async function lockCluster(tx: Tx, actor: SessionUser, clusterId: number, options: { open?: boolean } = { open: true }) {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Cluster" WHERE id = ${clusterId} FOR UPDATE`;
  // Another group's cluster reads as missing: forged data learns nothing.
  const cluster = rows.length > 0 ? await tx.cluster.findUnique({ where: { id: clusterId } }) : null;
  if (!cluster || !inScope(secretariatGroups(actor), cluster.workingGroupId)) throw clusterRefusal("not_found");
  if (options.open !== false && cluster.status !== "open") throw clusterRefusal("closed");
  return cluster;
}

/** The cluster's current members (active), each case re-read: its group, status and reporter. */
export async function memberCases(tx: Pick<Tx, "caseCluster">, clusterId: number) {
  const rows = await tx.caseCluster.findMany({
    where: { clusterId, active: true },
    orderBy: { id: "asc" },
    select: {
      case: {
        select: {
          id: true,
          trackingCode: true,
          workingGroupId: true,
          status: true,
          unitId: true,
          unit: { select: { name: true } },
          reporter: { select: { id: true, telegramId: true, language: true } },
        },
      },
    },
  });
  return rows.map((row) => row.case);
}
