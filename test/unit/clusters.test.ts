import { describe, expect, it } from "vitest";
import { clusterProgress, decodeClusterKey, encodeClusterKey, proposeClusters, type ClusterCandidate } from "../../src/domain/clusters";

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 8));
let next = 1;
function c(over: Partial<ClusterCandidate> = {}): ClusterCandidate {
  return { id: next++, agencyId: 7, category: "utility_cutoff", subcategory: "electricity", industrialEstateId: 3, countyId: 11, submittedAt: day(next), ...over };
}

describe("proposeClusters", () => {
  it("groups open cases on agency, subcategory and estate; ≥ 3 by default; oldest first within", () => {
    const a = [c({ submittedAt: day(5) }), c({ submittedAt: day(2) }), c({ submittedAt: day(9) })];
    const [proposal, ...rest] = proposeClusters([...a, c({ agencyId: 8 }), c({ subcategory: "gas" })]);
    expect(rest).toEqual([]);
    expect(proposal!.caseIds).toEqual([a[1]!.id, a[0]!.id, a[2]!.id]);
    expect(proposal!.key).toEqual({ agencyId: 7, category: "utility_cutoff", subcategory: "electricity", place: { kind: "estate", id: 3 } });
  });

  it("a unit outside any estate groups by county, never with an estate's units of the same county", () => {
    const inEstate = [c(), c()];
    const outside = [c({ industrialEstateId: null }), c({ industrialEstateId: null }), c({ industrialEstateId: null })];
    const proposals = proposeClusters([...inEstate, ...outside]);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.key.place).toEqual({ kind: "county", id: 11 });
    expect(proposals[0]!.caseIds).toEqual(outside.map((x) => x.id));
  });

  it("largest first, then the group whose oldest case waited longest; the minimum is configurable", () => {
    const small = [c({ agencyId: 1, submittedAt: day(1) }), c({ agencyId: 1 }), c({ agencyId: 1 })];
    const big = [c({ agencyId: 2 }), c({ agencyId: 2 }), c({ agencyId: 2 }), c({ agencyId: 2 })];
    const sameSizeOlder = [c({ agencyId: 3, submittedAt: day(0) }), c({ agencyId: 3 }), c({ agencyId: 3 })];
    const order = proposeClusters([...small, ...big, ...sameSizeOlder]).map((p) => p.key.agencyId);
    expect(order).toEqual([2, 3, 1]);
    expect(proposeClusters([...small, ...big], { minSize: 4 }).map((p) => p.key.agencyId)).toEqual([2]);
    expect(proposeClusters([c({ agencyId: 9 }), c({ agencyId: 9 })], { minSize: 2 })).toHaveLength(1);
  });

  it("leaves out cases without an agency or a place; a category without subcategories groups on the category", () => {
    expect(proposeClusters([c({ agencyId: null }), c({ agencyId: null }), c({ agencyId: null })])).toEqual([]);
    expect(proposeClusters([1, 2, 3].map(() => c({ industrialEstateId: null, countyId: null })))).toEqual([]);
    const tax = proposeClusters([1, 2, 3].map(() => c({ category: "tax", subcategory: null })));
    expect(tax[0]!.key.subcategory).toBeNull();
    const twice = c();
    expect(proposeClusters([twice, twice, twice])).toEqual([]);
  });

  it("keys round-trip as text; malformed text decodes to null", () => {
    for (const p of proposeClusters([1, 2, 3].map(() => c({ category: "tax", subcategory: null, industrialEstateId: null })))) {
      expect(decodeClusterKey(encodeClusterKey(p.key))).toEqual(p.key);
    }
    const key = { agencyId: 7, category: "utility_cutoff", subcategory: "electricity", place: { kind: "estate" as const, id: 3 } };
    expect(decodeClusterKey(encodeClusterKey(key))).toEqual(key);
    expect(decodeClusterKey("a0/x/y/e1")).toBeNull();
    expect(decodeClusterKey("a1/x/y/z1")).toBeNull();
  });
});

describe("clusterProgress", () => {
  it("counts resolved and closed as done", () => {
    expect(clusterProgress(["resolved", "closed", "assigned", "on_agenda"])).toEqual({ done: 2, total: 4 });
    expect(clusterProgress([])).toEqual({ done: 0, total: 0 });
  });
});
