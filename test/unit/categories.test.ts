import { describe, it, expect } from "vitest";
import {
  AGENCY_KINDS,
  CATEGORIES,
  agencyKindsFor,
  isAgencyKind,
  isCategoryId,
  isSubcategoryOf,
  type CategoryId,
} from "../../src/domain/categories";

describe("CATEGORIES", () => {
  it("lists the taxonomy from the design, in order, with its subcategories", () => {
    expect(CATEGORIES.map((c) => [c.id, [...c.subcategories]])).toEqual([
      ["utility_cutoff", ["electricity", "gas", "water", "telecom"]],
      ["bank", ["overdue_loan", "rescheduling", "guarantee", "loan_refused", "working_capital"]],
      ["tax", []],
      ["social_security", ["insurance_debt", "penalty_forgiveness"]],
      ["permits", ["environment", "natural_resources", "industrial_estates", "land_affairs", "other_licence"]],
      ["fuel_energy", []],
      ["raw_materials", []],
      ["infrastructure", []],
      ["idle_unit", ["restart_plan", "capacity_expansion"]],
      ["other", []],
    ]);
  });

  it("gives each category the union of its subcategories' agencies", () => {
    for (const category of CATEGORIES) {
      const union = new Set(category.subcategories.flatMap((sub) => agencyKindsFor(category.id, sub)));
      for (const kind of union) expect(category.agencyKinds).toContain(kind);
      expect(category.agencyKinds).toEqual(agencyKindsFor(category.id));
    }
  });

  it("is frozen so no caller can change the taxonomy at run time", () => {
    expect(Object.isFrozen(CATEGORIES)).toBe(true);
    expect(Object.isFrozen(CATEGORIES[0]?.subcategories)).toBe(true);
  });
});

describe("type guards", () => {
  it("recognises category ids and agency kinds exactly", () => {
    expect(isCategoryId("bank")).toBe(true);
    expect(isCategoryId("Bank")).toBe(false);
    expect(isCategoryId("toString")).toBe(false);
    expect(isAgencyKind("CENTRAL_BANK")).toBe(true);
    expect(isAgencyKind("bank")).toBe(false);
    expect(AGENCY_KINDS).toHaveLength(18);
  });

  it("checks subcategory membership per category", () => {
    expect(isSubcategoryOf("utility_cutoff", "gas")).toBe(true);
    expect(isSubcategoryOf("permits", "gas")).toBe(false);
    expect(isSubcategoryOf("bank", "rescheduling")).toBe(true);
    expect(isSubcategoryOf("tax", "")).toBe(false);
    expect(isSubcategoryOf("permits", "constructor")).toBe(false);
  });
});

describe("agencyKindsFor", () => {
  it.each([
    ["utility_cutoff", "electricity", ["ELECTRICITY"]],
    ["utility_cutoff", "gas", ["GAS"]],
    ["utility_cutoff", "water", ["WATER"]],
    ["utility_cutoff", "telecom", ["TELECOM"]],
    ["utility_cutoff", null, ["ELECTRICITY", "GAS", "WATER", "TELECOM"]],
    ["bank", "overdue_loan", ["BANK", "CENTRAL_BANK"]],
    ["bank", "working_capital", ["BANK", "CENTRAL_BANK"]],
    ["bank", undefined, ["BANK", "CENTRAL_BANK"]],
    ["tax", undefined, ["TAX"]],
    ["social_security", "penalty_forgiveness", ["SOCIAL_SECURITY"]],
    ["permits", "environment", ["ENVIRONMENT"]],
    ["permits", "natural_resources", ["NATURAL_RESOURCES"]],
    ["permits", "industrial_estates", ["INDUSTRIAL_ESTATES"]],
    ["permits", "land_affairs", ["LAND_AFFAIRS"]],
    ["permits", "other_licence", ["INDUSTRY_MINE_TRADE", "AGRICULTURE", "GOVERNORATE"]],
    [
      "permits",
      null,
      ["ENVIRONMENT", "NATURAL_RESOURCES", "INDUSTRIAL_ESTATES", "LAND_AFFAIRS", "INDUSTRY_MINE_TRADE", "AGRICULTURE", "GOVERNORATE"],
    ],
    ["fuel_energy", undefined, ["FUEL", "ELECTRICITY", "GAS"]],
    ["raw_materials", undefined, ["CUSTOMS", "CENTRAL_BANK", "INDUSTRY_MINE_TRADE"]],
    ["infrastructure", undefined, ["ELECTRICITY", "GAS", "WATER", "TELECOM", "INDUSTRIAL_ESTATES", "GOVERNORATE"]],
    ["idle_unit", "restart_plan", ["INDUSTRY_MINE_TRADE", "BANK"]],
  ] as const)("%s / %s → %j", (category, sub, expected) => {
    expect(agencyKindsFor(category, sub)).toEqual(expected);
  });

  it("gives every agency kind for 'other'", () => {
    expect(agencyKindsFor("other")).toEqual([...AGENCY_KINDS]);
  });

  it("falls back to the category union for a subcategory of another category", () => {
    expect(agencyKindsFor("utility_cutoff", "environment")).toEqual(["ELECTRICITY", "GAS", "WATER", "TELECOM"]);
  });

  it("returns a fresh array each time", () => {
    const first = agencyKindsFor("bank" satisfies CategoryId);
    first.push("TAX");
    expect(agencyKindsFor("bank")).toEqual(["BANK", "CENTRAL_BANK"]);
    expect(CATEGORIES.find((c) => c.id === "bank")?.agencyKinds).toEqual(["BANK", "CENTRAL_BANK"]);
  });
});
