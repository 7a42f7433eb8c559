/**
 * Clusters (issue 13, item 1): open cases that are one problem seen many times — one
 * power-rationing order hitting a whole industrial estate, one bank's policy refusing the same
 * guarantee to many firms. Pure: the queue's open cases go in, proposed groups come out.
 *
 * A group shares the counterpart agency, the category and subcategory, and the place: the
 * industrial estate when the unit is in one, else the county (a unit outside any estate is
 * grouped with its county's others outside any estate, never with an estate's units — the
 * estate's order is not the county's). A case without an agency or any place cannot be grouped
 * (nothing says it shares the cause); a category without subcategories (tax…) groups on the
 * category alone (subcategory null). Largest first; among equals, the one
 * whose oldest case waited longest; cases within a group oldest first.
 */

export const DEFAULT_MIN_CLUSTER_SIZE = 3;

export interface ClusterCandidate {
  id: number;
  agencyId: number | null;
  category: string;
  subcategory: string | null;
  industrialEstateId: number | null;
  countyId: number | null;
  submittedAt: Date;
}

/** What a proposal was made on: the place is an estate or (no estate) a county. */
export interface ClusterKey {
  agencyId: number;
  category: string;
  subcategory: string | null;
  place: { kind: "estate" | "county"; id: number };
}

export interface ClusterProposal {
  key: ClusterKey;
  /** Oldest first. */
  caseIds: number[];
}

export function clusterKeyOf(c: ClusterCandidate): ClusterKey | null {
  if (c.agencyId === null) return null;
  const place = c.industrialEstateId !== null ? { kind: "estate" as const, id: c.industrialEstateId } : c.countyId !== null ? { kind: "county" as const, id: c.countyId } : null;
  if (!place) return null;
  return { agencyId: c.agencyId, category: c.category, subcategory: c.subcategory || null, place };
}

/** A stable text for a key (stored on the cluster, compared between proposals). */
export function encodeClusterKey(key: ClusterKey): string {
  return `a${key.agencyId}/${key.category}/${key.subcategory ?? "-"}/${key.place.kind === "estate" ? "e" : "c"}${key.place.id}`;
}

export function decodeClusterKey(text: string): ClusterKey | null {
  const match = /^a([1-9]\d{0,8})\/([a-z_]{1,40})\/([a-z_0-9]{1,60}|-)\/([ec])([1-9]\d{0,8})$/.exec(text);
  if (!match) return null;
  return { agencyId: Number(match[1]), category: match[2]!, subcategory: match[3] === "-" ? null : match[3]!, place: { kind: match[4] === "e" ? "estate" : "county", id: Number(match[5]) } };
}

export function sameClusterKey(a: ClusterKey, b: ClusterKey): boolean {
  return encodeClusterKey(a) === encodeClusterKey(b);
}

export function proposeClusters(cases: readonly ClusterCandidate[], options: { minSize?: number } = {}): ClusterProposal[] {
  const minSize = Math.max(2, options.minSize ?? DEFAULT_MIN_CLUSTER_SIZE);
  const groups = new Map<string, { key: ClusterKey; members: ClusterCandidate[] }>();
  for (const c of cases) {
    const key = clusterKeyOf(c);
    if (!key) continue;
    const text = encodeClusterKey(key);
    const group = groups.get(text) ?? { key, members: [] };
    // The same case given twice counts once.
    if (!group.members.some((m) => m.id === c.id)) group.members.push(c);
    groups.set(text, group);
  }
  const byAge = (a: ClusterCandidate, b: ClusterCandidate) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id - b.id;
  return [...groups.values()]
    .filter((g) => g.members.length >= minSize)
    .map((g) => ({ key: g.key, members: [...g.members].sort(byAge) }))
    .sort((a, b) => b.members.length - a.members.length || byAge(a.members[0]!, b.members[0]!))
    .map((g) => ({ key: g.key, caseIds: g.members.map((m) => m.id) }));
}

/** A cluster's progress: its cases done (resolved or closed) out of all its cases. */
export function clusterProgress(statuses: readonly string[]): { done: number; total: number } {
  return { done: statuses.filter((s) => s === "resolved" || s === "closed").length, total: statuses.length };
}
