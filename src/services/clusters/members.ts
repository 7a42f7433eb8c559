/**
 * A cluster as the secretariat reads and edits it: the card (title, the cases with their
 * units, progress = cases done out of all), the group's open clusters, a case leaving (a
 * timeline event of the case), renaming, closing (its cases are free to join another).
 */
import type { Deps } from "../../deps";
import { clusterProgress } from "../../domain/clusters";
import { recordAudit } from "../audit";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { assertClusterActor, clusterRefusal, lockCluster } from "./access";
import { cleanTitle } from "./propose";

export interface ClusterCard {
  id: number;
  workingGroupId: number;
  title: string;
  status: "open" | "closed";
  proposed: boolean;
  cases: Array<{ id: number; trackingCode: string; status: string; unitName: string; reporterLanguage: string }>;
  progress: { done: number; total: number };
}

export async function clusterCard(deps: Pick<Deps, "db">, actor: SessionUser, clusterId: number): Promise<ClusterCard> {
  const cluster = await deps.db.cluster.findUnique({
    where: { id: clusterId },
    select: {
      id: true,
      workingGroupId: true,
      title: true,
      status: true,
      proposalKey: true,
      members: {
        where: { active: true },
        orderBy: { id: "asc" },
        select: { case: { select: { id: true, trackingCode: true, status: true, workingGroupId: true, unit: { select: { name: true } }, reporter: { select: { language: true } } } } },
      },
    },
  });
  if (!cluster) throw clusterRefusal("not_found");
  try {
    assertClusterActor(actor, cluster.workingGroupId);
  } catch {
    throw clusterRefusal("not_found");
  }
  // A case that moved group (it cannot today) would not be shown to this group.
  const cases = cluster.members.map((m) => m.case).filter((c) => c.workingGroupId === cluster.workingGroupId);
  return {
    id: cluster.id,
    workingGroupId: cluster.workingGroupId,
    title: cluster.title,
    status: cluster.status,
    proposed: cluster.proposalKey !== null,
    cases: cases.map((c) => ({ id: c.id, trackingCode: c.trackingCode, status: c.status, unitName: c.unit.name, reporterLanguage: c.reporter.language })),
    progress: clusterProgress(cases.map((c) => c.status)),
  };
}

export interface ClusterLine {
  id: number;
  title: string;
  progress: { done: number; total: number };
}

/** The group's open clusters, newest first, with their progress. */
export async function listClusters(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number): Promise<ClusterLine[]> {
  assertClusterActor(actor, workingGroupId);
  const rows = await deps.db.cluster.findMany({
    where: { workingGroupId, status: "open" },
    orderBy: { id: "desc" },
    take: 20,
    select: { id: true, title: true, members: { where: { active: true }, select: { case: { select: { status: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, progress: clusterProgress(row.members.map((m) => m.case.status)) }));
}

/** A case leaves the cluster: its membership ends (kept, with who and when), a timeline event. */
export async function removeFromCluster(deps: Pick<Deps, "db" | "now">, actor: SessionUser, clusterId: number, caseId: number): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const cluster = await lockCluster(tx, actor, clusterId);
    const member = await tx.caseCluster.findFirst({ where: { clusterId, caseId, active: true }, select: { id: true, case: { select: { workingGroupId: true } } } });
    if (!member || member.case.workingGroupId !== cluster.workingGroupId) throw clusterRefusal("not_member");
    const now = deps.now();
    await tx.caseCluster.update({ where: { id: member.id }, data: { active: false, removedAt: now, removedById: actor.id } });
    await appendEvent(tx, { caseId, actorId: actor.id, type: "cluster_left", internal: true, data: { clusterId, title: cluster.title } });
  });
}

export async function renameCluster(deps: Pick<Deps, "db" | "now">, actor: SessionUser, clusterId: number, input: string): Promise<void> {
  const title = cleanTitle(input);
  await deps.db.$transaction(async (tx) => {
    const cluster = await lockCluster(tx, actor, clusterId);
    await tx.cluster.update({ where: { id: clusterId }, data: { title } });
    await recordAudit(tx, {
      actorId: actor.id,
      workingGroupId: cluster.workingGroupId,
      entityType: "cluster",
      entityId: clusterId,
      action: "renamed",
      before: { nameFa: cluster.title, nameEn: cluster.title },
      after: { nameFa: title, nameEn: title },
      at: deps.now(),
    });
  });
}

/** Closes the cluster: its cases keep their history and may join another cluster. */
export async function closeCluster(deps: Pick<Deps, "db" | "now">, actor: SessionUser, clusterId: number): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const cluster = await lockCluster(tx, actor, clusterId);
    const now = deps.now();
    await tx.caseCluster.updateMany({ where: { clusterId, active: true }, data: { active: false } });
    await tx.cluster.update({ where: { id: clusterId }, data: { status: "closed", closedAt: now } });
    await recordAudit(tx, { actorId: actor.id, workingGroupId: cluster.workingGroupId, entityType: "cluster", entityId: clusterId, action: "deactivated", after: { nameFa: cluster.title, nameEn: cluster.title }, at: now });
  });
}
