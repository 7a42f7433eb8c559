/**
 * Proposing, confirming and building clusters. Proposals are computed, never stored: the
 * group's open cases not already in an open cluster are read in ONE query and grouped by the
 * pure rule (src/domain/clusters.ts). Confirming a proposal recomputes it and, in one
 * transaction with the cases locked, re-checks every case (still this group's, still open,
 * still in no open cluster) before the cluster and its memberships are written; so does a
 * cluster built by hand from chosen cases.
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { encodeClusterKey, proposeClusters, type ClusterKey, type ClusterProposal } from "../../domain/clusters";
import { normalizeText } from "../../domain/text";
import { formatTrackingCode, parseTrackingCode } from "../../domain/tracking-code";
import { localName, type Locale } from "../../i18n";
import { recordAudit } from "../audit";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { assertClusterActor, CLUSTER_MAX_CASES, CLUSTER_MIN_BY_HAND, clusterRefusal, OPEN_CASE_STATUSES, TITLE_MAX, TITLE_MIN } from "./access";

type ClusterDeps = Pick<Deps, "db" | "t" | "now" | "config">;

export interface ProposalView extends ClusterProposal {
  /** The agency's and the place's names, for the screen and the default title. */
  agency: { nameFa: string; nameEn: string };
  place: { nameFa: string; nameEn: string };
}

interface OpenRow {
  id: number;
  agencyId: number | null;
  category: string;
  subcategory: string | null;
  submittedAt: Date;
  countyId: number | null;
  industrialEstateId: number | null;
}

/** The group's open cases in no open cluster, with their unit's place: one query. */
async function openUnclustered(db: Deps["db"] | Tx, workingGroupId: number): Promise<OpenRow[]> {
  return db.$queryRaw<OpenRow[]>`
    SELECT c.id, c."agencyId", c.category, c.subcategory, c."submittedAt", u."countyId", u."industrialEstateId"
    FROM "Case" c JOIN "ProductionUnit" u ON u.id = c."unitId"
    WHERE c."workingGroupId" = ${workingGroupId}
      AND c.status::text = ANY(${OPEN_CASE_STATUSES as string[]})
      AND NOT EXISTS (SELECT 1 FROM "CaseCluster" m WHERE m."caseId" = c.id AND m.active)`;
}

/** The proposals for a group now, largest first, with the names they are shown by. */
export async function proposeForGroup(deps: Pick<Deps, "db" | "config">, actor: SessionUser, workingGroupId: number): Promise<ProposalView[]> {
  assertClusterActor(actor, workingGroupId);
  const proposals = proposeClusters(
    (await openUnclustered(deps.db, workingGroupId)).map((row) => ({ ...row, subcategory: row.subcategory ?? null })),
    { minSize: deps.config.CLUSTER_MIN_CASES },
  );
  return withNames(deps.db, workingGroupId, proposals);
}

async function withNames(db: Deps["db"] | Tx, workingGroupId: number, proposals: ClusterProposal[]): Promise<ProposalView[]> {
  const ids = (kind: "estate" | "county") => proposals.filter((p) => p.key.place.kind === kind).map((p) => p.key.place.id);
  const select = { id: true, nameFa: true, nameEn: true } as const;
  const [agencies, estates, counties] = await Promise.all([
    db.agency.findMany({ where: { workingGroupId, id: { in: proposals.map((p) => p.key.agencyId) } }, select }),
    db.industrialEstate.findMany({ where: { id: { in: ids("estate") } }, select }),
    db.county.findMany({ where: { id: { in: ids("county") } }, select }),
  ]);
  const unknown = { nameFa: "—", nameEn: "—" };
  return proposals.map((p) => ({
    ...p,
    agency: agencies.find((a) => a.id === p.key.agencyId) ?? unknown,
    place: (p.key.place.kind === "estate" ? estates : counties).find((x) => x.id === p.key.place.id) ?? unknown,
  }));
}

/** The title a proposal gets unless the secretariat types another: subject — place (agency). */
export function proposalTitle(deps: Pick<Deps, "t">, locale: Locale, key: ClusterKey, view: Pick<ProposalView, "agency" | "place">): string {
  const subject = deps.t(locale, key.subcategory ? `subcategory-${key.subcategory}` : `category-${key.category}`);
  return deps.t(locale, "clusters-title-auto", { subject, place: localName(view.place, locale), agency: localName(view.agency, locale) }).slice(0, TITLE_MAX);
}

export function cleanTitle(input: string): string {
  const title = normalizeText(input);
  if (title.length < TITLE_MIN || title.length > TITLE_MAX) throw clusterRefusal("invalid_title", { min: TITLE_MIN, max: TITLE_MAX });
  return title;
}

export interface CreatedCluster {
  clusterId: number;
  caseIds: number[];
  /** Cases left out at confirmation (another group's, finished, already in an open cluster, gone). */
  skipped: number[];
}

/**
 * Confirms the current proposal that holds `anchorCaseId` (the screen's button names a case of
 * it, never the set): recomputed, then written as a cluster in one transaction.
 */
export async function confirmProposal(deps: ClusterDeps, actor: SessionUser, input: { workingGroupId: number; anchorCaseId: number; locale: Locale }): Promise<CreatedCluster> {
  const proposals = await proposeForGroup(deps, actor, input.workingGroupId);
  const proposal = proposals.find((p) => p.caseIds.includes(input.anchorCaseId));
  if (!proposal) throw clusterRefusal("stale");
  const title = proposalTitle(deps, input.locale, proposal.key, proposal);
  return createCluster(deps, actor, { workingGroupId: input.workingGroupId, title, caseIds: proposal.caseIds, proposalKey: encodeClusterKey(proposal.key), minSize: deps.config.CLUSTER_MIN_CASES });
}

/** A cluster built by hand from chosen cases (by id): each re-checked as a proposal's are. */
export async function buildCluster(deps: ClusterDeps, actor: SessionUser, input: { workingGroupId: number; title: string; caseIds: number[] }): Promise<CreatedCluster> {
  assertClusterActor(actor, input.workingGroupId);
  return createCluster(deps, actor, { ...input, title: cleanTitle(input.title), proposalKey: null, minSize: CLUSTER_MIN_BY_HAND });
}

async function createCluster(
  deps: ClusterDeps,
  actor: SessionUser,
  input: { workingGroupId: number; title: string; caseIds: number[]; proposalKey: string | null; minSize: number },
): Promise<CreatedCluster> {
  assertClusterActor(actor, input.workingGroupId);
  const wanted = [...new Set(input.caseIds)].filter((id) => Number.isSafeInteger(id) && id > 0).sort((a, b) => a - b);
  if (wanted.length > CLUSTER_MAX_CASES) throw clusterRefusal("too_many", { max: CLUSTER_MAX_CASES });
  return deps.db.$transaction(async (tx) => {
    // Lock the cases (ascending ids: two confirmations never deadlock), then re-read each.
    if (wanted.length > 0) await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ANY(${wanted}) ORDER BY id FOR UPDATE`;
    const rows = await tx.case.findMany({
      where: { id: { in: wanted } },
      select: { id: true, workingGroupId: true, status: true, clusters: { where: { active: true }, select: { id: true } } },
    });
    const fits = new Set(rows.filter((r) => r.workingGroupId === input.workingGroupId && OPEN_CASE_STATUSES.includes(r.status) && r.clusters.length === 0).map((r) => r.id));
    const caseIds = wanted.filter((id) => fits.has(id));
    if (caseIds.length < input.minSize) throw clusterRefusal(input.proposalKey ? "stale" : "too_few", { min: input.minSize });
    const now = deps.now();
    const cluster = await tx.cluster.create({
      data: { workingGroupId: input.workingGroupId, title: input.title, proposalKey: input.proposalKey, createdById: actor.id, createdAt: now },
      select: { id: true },
    });
    await tx.caseCluster.createMany({ data: caseIds.map((caseId) => ({ clusterId: cluster.id, caseId, addedAt: now })) });
    for (const caseId of caseIds) {
      await appendEvent(tx, { caseId, actorId: actor.id, type: "cluster_joined", internal: true, data: { clusterId: cluster.id, title: input.title } });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      workingGroupId: input.workingGroupId,
      entityType: "cluster",
      entityId: cluster.id,
      action: "created",
      after: { nameFa: input.title, nameEn: input.title, cases: caseIds.length, proposalKey: input.proposalKey },
      at: now,
    });
    return { clusterId: cluster.id, caseIds, skipped: wanted.filter((id) => !fits.has(id)) };
  });
}

/**
 * Tracking codes as typed (one a line, or separated by commas or spaces; Persian or Latin
 * digits) → the ids of this group's cases with those codes, and the codes not found here.
 */
export async function casesByCodes(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, input: string): Promise<{ caseIds: number[]; unknown: string[] }> {
  assertClusterActor(actor, workingGroupId);
  const parts = input.split(/[\n,،;؛]+/).flatMap((part) => (parseTrackingCode(part) || !part.trim() ? [part] : part.trim().split(/\s+/)));
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const parsed = parseTrackingCode(part);
    if (!parsed) unknown.push(part);
    else codes.push(formatTrackingCode(parsed.workingGroupCode, parsed.jalaliYear, parsed.sequence));
  }
  const rows = await deps.db.case.findMany({ where: { workingGroupId, trackingCode: { in: codes } }, select: { id: true, trackingCode: true } });
  const found = new Set(rows.map((r) => r.trackingCode));
  return { caseIds: rows.map((r) => r.id), unknown: [...unknown, ...codes.filter((c) => !found.has(c))].slice(0, 20) };
}
