/**
 * The case taxonomy (DESIGN.md "A case and its life") and the counterpart agencies of each
 * category/subcategory.
 */

export const AGENCY_KINDS = [
  "BANK",
  "ELECTRICITY",
  "GAS",
  "WATER",
  "TELECOM",
  "TAX",
  "SOCIAL_SECURITY",
  "ENVIRONMENT",
  "NATURAL_RESOURCES",
  "INDUSTRIAL_ESTATES",
  "LAND_AFFAIRS",
  "CUSTOMS",
  "INDUSTRY_MINE_TRADE",
  "AGRICULTURE",
  "FUEL",
  "CENTRAL_BANK",
  "GOVERNORATE",
  "OTHER",
] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

export function isAgencyKind(x: string): x is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(x);
}

export const CATEGORY_IDS = [
  "utility_cutoff",
  "bank",
  "tax",
  "social_security",
  "permits",
  "fuel_energy",
  "raw_materials",
  "infrastructure",
  "idle_unit",
  "other",
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  subcategories: readonly string[];
  /** Union over the subcategories; what agencyKindsFor returns when no subcategory is given. */
  agencyKinds: readonly AgencyKind[];
}

/**
 * Per category: either one agency list for the whole category (no subcategories, or all
 * subcategories share it) or a list per subcategory.
 */
type AgencyRule =
  | { subcategories: readonly string[]; shared: readonly AgencyKind[] }
  | { perSubcategory: Readonly<Record<string, readonly AgencyKind[]>> };

const AGENCY_RULES: Readonly<Record<CategoryId, AgencyRule>> = {
  utility_cutoff: {
    perSubcategory: {
      electricity: ["ELECTRICITY"],
      gas: ["GAS"],
      water: ["WATER"],
      telecom: ["TELECOM"],
    },
  },
  bank: {
    subcategories: ["overdue_loan", "rescheduling", "guarantee", "loan_refused", "working_capital"],
    shared: ["BANK", "CENTRAL_BANK"],
  },
  tax: { subcategories: [], shared: ["TAX"] },
  social_security: {
    subcategories: ["insurance_debt", "penalty_forgiveness"],
    shared: ["SOCIAL_SECURITY"],
  },
  permits: {
    perSubcategory: {
      environment: ["ENVIRONMENT"],
      natural_resources: ["NATURAL_RESOURCES"],
      industrial_estates: ["INDUSTRIAL_ESTATES"],
      land_affairs: ["LAND_AFFAIRS"],
      other_licence: ["INDUSTRY_MINE_TRADE", "AGRICULTURE", "GOVERNORATE"],
    },
  },
  fuel_energy: { subcategories: [], shared: ["FUEL", "ELECTRICITY", "GAS"] },
  // Raw materials, customs and foreign currency.
  raw_materials: { subcategories: [], shared: ["CUSTOMS", "CENTRAL_BANK", "INDUSTRY_MINE_TRADE"] },
  infrastructure: {
    subcategories: [],
    shared: ["ELECTRICITY", "GAS", "WATER", "TELECOM", "INDUSTRIAL_ESTATES", "GOVERNORATE"],
  },
  idle_unit: {
    subcategories: ["restart_plan", "capacity_expansion"],
    shared: ["INDUSTRY_MINE_TRADE", "BANK"],
  },
  other: { subcategories: [], shared: AGENCY_KINDS },
};

function unionInCanonicalOrder(lists: ReadonlyArray<readonly AgencyKind[]>): AgencyKind[] {
  const wanted = new Set(lists.flat());
  return AGENCY_KINDS.filter((kind) => wanted.has(kind));
}

function subcategoriesOf(rule: AgencyRule): readonly string[] {
  return "perSubcategory" in rule ? Object.keys(rule.perSubcategory) : rule.subcategories;
}

function categoryAgencyKinds(rule: AgencyRule): AgencyKind[] {
  return "perSubcategory" in rule
    ? unionInCanonicalOrder(Object.values(rule.perSubcategory))
    : [...rule.shared];
}

export const CATEGORIES: readonly Category[] = Object.freeze(
  CATEGORY_IDS.map((id) => {
    const rule = AGENCY_RULES[id];
    return Object.freeze({
      id,
      subcategories: Object.freeze([...subcategoriesOf(rule)]),
      agencyKinds: Object.freeze(categoryAgencyKinds(rule)),
    });
  }),
);

export function isCategoryId(x: string): x is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(x);
}

export function isSubcategoryOf(category: CategoryId, sub: string): boolean {
  return subcategoriesOf(AGENCY_RULES[category]).includes(sub);
}

/**
 * The counterpart agency kinds for a report. Without a subcategory (or with one that does not
 * belong to the category) the union for the whole category. Returns a fresh array.
 */
export function agencyKindsFor(category: CategoryId, subcategory?: string | null): AgencyKind[] {
  const rule = AGENCY_RULES[category];
  if ("perSubcategory" in rule && subcategory != null && Object.hasOwn(rule.perSubcategory, subcategory)) {
    return [...(rule.perSubcategory[subcategory] ?? [])];
  }
  return categoryAgencyKinds(rule);
}
