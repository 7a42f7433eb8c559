import { describe, expect, it } from "vitest";
import {
  canRevokeMembership,
  canViewCase,
  canWorkCase,
  chairGroups,
  countyDeskCounties,
  isCountyDesk,
  isCountyDeskOf,
  invitableRoles,
  isAdmin,
  isAgencyHead,
  isGlobalAdmin,
  officialAgencies,
  queueGroups,
  scopeWhere,
  secretariatGroups,
  triageRole,
} from "../../src/services/authz";
import type { MembershipView } from "../../src/services/users";

let nextId = 1;
function user(...memberships: Array<Omit<MembershipView, "id" | "agencyId" | "isAgencyHead"> & Partial<MembershipView>>) {
  return {
    id: nextId++,
    memberships: memberships.map((m) => ({ id: nextId++, agencyId: null, isAgencyHead: false, ...m })),
  };
}

const X = 10;
const Y = 20;
const producer = user();
const secretariatX = user({ role: "SECRETARIAT", workingGroupId: X });
const chairX = user({ role: "CHAIR", workingGroupId: X });
const adminX = user({ role: "ADMIN", workingGroupId: X });
const globalAdmin = user({ role: "ADMIN", workingGroupId: null });
const officialA = user({ role: "OFFICIAL", workingGroupId: X, agencyId: 100 }, { role: "OFFICIAL", workingGroupId: X, agencyId: 101, isAgencyHead: true });

describe("authz", () => {
  it("producers (no membership) work and view no group", () => {
    expect(isAdmin(producer)).toBe(false);
    expect(secretariatGroups(producer)).toEqual({ all: false, ids: [] });
    expect(canWorkCase(producer, X)).toBe(false);
    expect(canViewCase(producer, X)).toBe(false);
    expect(invitableRoles(producer, X)).toEqual([]);
  });

  it("a secretariat member works cases of their own group only", () => {
    expect(canWorkCase(secretariatX, X)).toBe(true);
    expect(canWorkCase(secretariatX, Y)).toBe(false);
    expect(triageRole(secretariatX, X)).toBe("secretariat");
    expect(triageRole(secretariatX, Y)).toBeNull();
    expect(scopeWhere(secretariatGroups(secretariatX))).toEqual({ workingGroupId: { in: [X] } });
  });

  it("a chair reads the queue of their group but never works it", () => {
    expect(canViewCase(chairX, X)).toBe(true);
    expect(canWorkCase(chairX, X)).toBe(false);
    expect(triageRole(chairX, X)).toBeNull();
    expect(chairGroups(chairX)).toEqual({ all: false, ids: [X] });
    expect(queueGroups(chairX)).toEqual({ all: false, ids: [X] });
    expect(canViewCase(chairX, Y)).toBe(false);
  });

  it("a group admin acts as admin in that group only; a global admin everywhere", () => {
    expect(triageRole(adminX, X)).toBe("admin");
    expect(canWorkCase(adminX, Y)).toBe(false);
    expect(isGlobalAdmin(adminX)).toBe(false);
    expect(isGlobalAdmin(globalAdmin)).toBe(true);
    expect(secretariatGroups(globalAdmin)).toEqual({ all: true });
    expect(scopeWhere(secretariatGroups(globalAdmin))).toEqual({});
    expect(canWorkCase(globalAdmin, Y)).toBe(true);
  });

  it("officials: their agencies and head flags, and no case work", () => {
    expect(officialAgencies(officialA).sort()).toEqual([100, 101]);
    expect(isAgencyHead(officialA, 100)).toBe(false);
    expect(isAgencyHead(officialA, 101)).toBe(true);
    expect(canWorkCase(officialA, X)).toBe(false);
    expect(canViewCase(officialA, X)).toBe(false);
  });

  it("who may invite whom", () => {
    expect(invitableRoles(secretariatX, X)).toEqual(["OFFICIAL", "COUNTY_DESK"]);
    expect(invitableRoles(secretariatX, Y)).toEqual([]);
    expect(invitableRoles(adminX, X)).toEqual(["SECRETARIAT", "OFFICIAL", "CHAIR", "COUNTY_DESK"]);
    expect(invitableRoles(adminX, Y)).toEqual([]);
    expect(invitableRoles(globalAdmin, Y)).toContain("ADMIN");
    expect(invitableRoles(chairX, X)).toEqual([]);
  });

  it("a county desk serves its county of its group, and neither works nor invites", () => {
    const deskX = user({ role: "COUNTY_DESK", workingGroupId: X, countyId: 7 });
    expect(isCountyDeskOf(deskX, X, 7)).toBe(true);
    expect(isCountyDeskOf(deskX, X, 8)).toBe(false);
    expect(isCountyDeskOf(deskX, Y, 7)).toBe(false);
    expect(isCountyDeskOf(deskX, X, null)).toBe(false);
    expect(countyDeskCounties(deskX, X)).toEqual([7]);
    expect(canWorkCase(deskX, X)).toBe(false);
    expect(invitableRoles(deskX, X)).toEqual([]);
    expect(isCountyDesk(secretariatX)).toBe(false);
    expect(canRevokeMembership(secretariatX, { userId: 999, role: "COUNTY_DESK", workingGroupId: X })).toBe(true);
  });

  it("who may revoke whom (never oneself)", () => {
    expect(canRevokeMembership(secretariatX, { userId: 999, role: "OFFICIAL", workingGroupId: X })).toBe(true);
    expect(canRevokeMembership(secretariatX, { userId: 999, role: "SECRETARIAT", workingGroupId: X })).toBe(false);
    expect(canRevokeMembership(secretariatX, { userId: 999, role: "OFFICIAL", workingGroupId: Y })).toBe(false);
    expect(canRevokeMembership(adminX, { userId: adminX.id, role: "ADMIN", workingGroupId: X })).toBe(false);
    expect(canRevokeMembership(adminX, { userId: 999, role: "ADMIN", workingGroupId: null })).toBe(false);
    expect(canRevokeMembership(globalAdmin, { userId: 999, role: "ADMIN", workingGroupId: null })).toBe(true);
  });
});
