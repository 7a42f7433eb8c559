/**
 * Which cases a batch referral takes: a working group's cases chosen by the queue's filters
 * (category, subcategory, status) and the unit's county and industrial estate. Only cases the
 * case state machine lets the secretariat assign (REFERRABLE_STATUSES) are chosen; the
 * confirmation re-checks each one anyway (batch.ts), since the preview may be old.
 */
import type { Deps } from "../../deps";
import { CASE_STATUSES, transition, type CaseStatus } from "../../domain/case-lifecycle";
import { CATEGORIES, isCategoryId, isSubcategoryOf, type CategoryId } from "../../domain/categories";
import { refusal } from "../../domain/refusal";
import type { Prisma } from "../../generated/prisma/client";
import { inScope, secretariatGroups } from "../authz";
import { OPEN_TASK_STATUSES } from "../tasks";
import type { SessionUser } from "../users";

/** The statuses a case can be referred from (the state machine's `assign`, as secretariat). */
export const REFERRABLE_STATUSES: CaseStatus[] = CASE_STATUSES.filter((status) => transition(status, "assign", { role: "secretariat" }).ok);

/** At most this many cases in one batch (one transaction; the letter stays readable). */
export const BATCH_MAX_CASES = 500;

export interface ReferralFilter {
  category?: CategoryId | null;
  subcategory?: string | null;
  countyId?: number | null;
  industrialEstateId?: number | null;
  /** One of REFERRABLE_STATUSES; null: all of them. */
  status?: CaseStatus | null;
  /** For the record only: the cluster whose cases were referred (src/services/clusters); the
   * cases themselves are the batch's caseIds, re-checked one by one like any selection. */
  clusterId?: number | null;
}

/** A refused batch action; the bot shows `batch-error-<reason>`. */
export const batchRefusal = (reason: "forbidden" | "invalid_filter" | "invalid_agency" | "empty" | "too_many" | "invalid_text" | "holiday", args?: Record<string, string | number>) =>
  refusal("batch-error", reason, args);

export function assertBatchActor(actor: SessionUser, workingGroupId: number): void {
  if (!inScope(secretariatGroups(actor), workingGroupId)) throw batchRefusal("forbidden");
}

/** Checks a filter taken from a flow's data (never trusted): drops nothing silently. */
export function checkFilter(filter: ReferralFilter): ReferralFilter {
  const { category, subcategory, status } = filter;
  if (category && !isCategoryId(category)) throw batchRefusal("invalid_filter");
  if (subcategory && (!category || !isSubcategoryOf(category, subcategory))) throw batchRefusal("invalid_filter");
  if (status && !REFERRABLE_STATUSES.includes(status)) throw batchRefusal("invalid_filter");
  return filter;
}

export function filterWhere(workingGroupId: number, filter: ReferralFilter): Prisma.CaseWhereInput {
  return {
    workingGroupId,
    status: filter.status ? filter.status : { in: REFERRABLE_STATUSES },
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.subcategory ? { subcategory: filter.subcategory } : {}),
    ...(filter.countyId || filter.industrialEstateId
      ? { unit: { ...(filter.countyId ? { countyId: filter.countyId } : {}), ...(filter.industrialEstateId ? { industrialEstateId: filter.industrialEstateId } : {}) } }
      : {}),
  };
}

/** A task of the agency that is still open (the case is already referred to it). */
export const openTaskOf = (agencyId: number) => ({ agencyId, status: { in: OPEN_TASK_STATUSES } });

export interface Selection {
  caseIds: number[];
  units: number;
}

/** The cases the filter takes now (oldest first) and how many units they belong to. */
export async function selectCases(
  deps: Pick<Deps, "db">,
  actor: SessionUser,
  workingGroupId: number,
  filter: ReferralFilter,
  /** Leave out the cases this agency already works on (an open task of theirs). */
  agencyId?: number | null,
): Promise<Selection> {
  assertBatchActor(actor, workingGroupId);
  const where = filterWhere(workingGroupId, checkFilter(filter));
  const rows = await deps.db.case.findMany({
    where: agencyId ? { ...where, NOT: { tasks: { some: openTaskOf(agencyId) } } } : where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, unitId: true },
    take: BATCH_MAX_CASES + 1,
  });
  return { caseIds: rows.map((r) => r.id), units: new Set(rows.map((r) => r.unitId)).size };
}

/** The pickers' choices for a group: its active counties, estates and agencies, and the subcategories of a category. */
export async function batchChoices(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number) {
  assertBatchActor(actor, workingGroupId);
  const select = { id: true, nameFa: true, nameEn: true } as const;
  const [counties, estates, agencies] = await Promise.all([
    deps.db.county.findMany({ where: { workingGroupId, active: true }, orderBy: { id: "asc" }, select }),
    deps.db.industrialEstate.findMany({ where: { workingGroupId, active: true }, orderBy: { id: "asc" }, select }),
    deps.db.agency.findMany({ where: { workingGroupId, active: true }, orderBy: { id: "asc" }, select }),
  ]);
  return { counties, estates, agencies };
}

export function subcategoriesOf(category: CategoryId): readonly string[] {
  return CATEGORIES.find((c) => c.id === category)?.subcategories ?? [];
}
