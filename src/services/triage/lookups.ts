/**
 * What the triage flows read before an action (the case and its allowed actions, the agencies
 * and officials to choose from, the names on the review). The action itself re-checks all of
 * it when it runs (act.ts).
 */
import type { Deps } from "../../deps";
import { allowedActions, type CaseAction, type CaseStatus } from "../../domain/case-lifecycle";
import { agencyKindsFor, isCategoryId } from "../../domain/categories";
import { triageRole } from "../authz";
import type { SessionUser } from "../users";
import { officialsOfAgency } from "./assign";

/** The case, if the actor works its group; with the actions the state machine allows now. */
export async function workableCase(deps: Pick<Deps, "db">, actor: SessionUser, caseId: number) {
  const row = await deps.db.case.findUnique({
    where: { id: caseId },
    select: { id: true, trackingCode: true, workingGroupId: true, status: true, category: true, subcategory: true, agencyId: true },
  });
  if (!row) return null;
  const role = triageRole(actor, row.workingGroupId);
  if (!role) return null;
  const allowed: readonly CaseAction[] = allowedActions(row.status as CaseStatus, role);
  return { ...row, role, allowed };
}

/** The agencies a case may be referred to: the producer's choice first, then the usual ones for its subject. */
export async function triageAgencies(deps: Pick<Deps, "db">, actor: SessionUser, caseId: number) {
  const row = await workableCase(deps, actor, caseId);
  if (!row) return [];
  const agencies = await deps.db.agency.findMany({
    where: { workingGroupId: row.workingGroupId, active: true },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, nameFa: true, nameEn: true },
  });
  const suggested: string[] = isCategoryId(row.category) ? agencyKindsFor(row.category, row.subcategory) : [];
  const rank = (agency: { id: number; kind: string }) => (agency.id === row.agencyId ? 0 : suggested.includes(agency.kind) ? 1 : 2);
  // `suggested`: the producer's choice and the subject's usual agencies, which a picker shows first.
  return [...agencies].sort((a, b) => rank(a) - rank(b) || a.id - b.id).map((agency) => ({ ...agency, suggested: rank(agency) < 2 }));
}

/** The officials of an agency, to refer the case to one of them. */
export async function agencyOfficials(deps: Pick<Deps, "db">, agencyId: number) {
  return officialsOfAgency(deps.db, agencyId);
}

/** The agency's and the official's names on the assignment's review. */
export async function assignmentNames(deps: Pick<Deps, "db">, agencyId: number | undefined, officialId: number | null | undefined) {
  const agency = agencyId ? await deps.db.agency.findUnique({ where: { id: agencyId }, select: { nameFa: true, nameEn: true } }) : null;
  const official = officialId ? await deps.db.user.findUnique({ where: { id: officialId }, select: { firstName: true, lastName: true } }) : null;
  return { agency, official };
}
