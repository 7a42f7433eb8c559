/**
 * Production units and the reference data a producer's flows choose from: the units a user
 * represents, registering a unit (one race-free call), working groups, counties and the agencies
 * a report may name.
 */
import type { Deps } from "../deps";
import type { ActivityStatus, AgencyKind, Sector } from "../generated/prisma/enums";
import { Prisma } from "../generated/prisma/client";
import { refusal } from "../domain/refusal";
import { remembered } from "./reference-cache";
import { forgetUsers } from "./user-cache";

type Db = Pick<Deps, "db">;
/** Writes that change what the user cache holds (src/services/user-cache.ts). */
type Writes = Pick<Deps, "db" | "redis" | "logger">;

/** The units a user represents, oldest first. */
export async function unitsOfUser(deps: Db, userId: number) {
  return deps.db.productionUnit.findMany({
    where: { representatives: { some: { userId } } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, workingGroupId: true },
  });
}

export async function representsAnyUnit(deps: Db, userId: number): Promise<boolean> {
  return (await deps.db.unitRepresentative.count({ where: { userId } })) > 0;
}

// The reference data below is what every wizard step reads: remembered per process for a
// minute (src/services/reference-cache.ts), so the steps run no SQL for it.

/** Active agencies of a group of the given kinds (the report's "which agency?" choices). */
export async function reportAgencies(deps: Db, workingGroupId: number, kinds: readonly AgencyKind[]) {
  return remembered(deps, `report-agencies:${workingGroupId}:${[...kinds].sort().join(",")}`, () =>
    deps.db.agency.findMany({
      where: { workingGroupId, active: true, kind: { in: [...kinds] } },
      orderBy: [{ kind: "asc" }, { id: "asc" }],
      take: 30,
      select: { id: true, nameFa: true, nameEn: true },
    }),
  );
}

export async function agencyNames(deps: Db, agencyId: number) {
  return remembered(deps, `agency:${agencyId}`, () =>
    deps.db.agency.findUnique({ where: { id: agencyId }, select: { id: true, nameFa: true, nameEn: true } }),
  );
}

/** Every working group, provinces first, by Persian name (the registration's picker). */
export async function allWorkingGroups(deps: Db) {
  return remembered(deps, "working-groups", () =>
    deps.db.workingGroup.findMany({ orderBy: [{ kind: "asc" }, { nameFa: "asc" }], select: { id: true, nameFa: true, nameEn: true } }),
  );
}

export async function workingGroupById(deps: Db, id: number) {
  return (await allWorkingGroups(deps)).find((group) => group.id === id) ?? null;
}

/** A group's active counties (seeded or added by an admin), by Persian name. */
export async function countiesOf(deps: Db, workingGroupId: number) {
  return remembered(deps, `counties:${workingGroupId}`, () =>
    deps.db.county.findMany({ where: { workingGroupId, active: true }, orderBy: { nameFa: "asc" }, select: { id: true, nameFa: true, nameEn: true } }),
  );
}

/** A group's active industrial estates (managed by its admins), by Persian name. */
export async function estatesOf(deps: Db, workingGroupId: number) {
  return remembered(deps, `estates:${workingGroupId}`, () =>
    deps.db.industrialEstate.findMany({ where: { workingGroupId, active: true }, orderBy: { nameFa: "asc" }, select: { id: true, nameFa: true, nameEn: true } }),
  );
}

export async function estateOf(deps: Db, workingGroupId: number, estateId: number) {
  return (await estatesOf(deps, workingGroupId)).find((estate) => estate.id === estateId) ?? null;
}

export async function countyOf(deps: Db, workingGroupId: number, countyId: number) {
  return (await countiesOf(deps, workingGroupId)).find((county) => county.id === countyId) ?? null;
}

/**
 * A unit's county in both languages. A unit registered with a listed county references it
 * (countyId): its current names are shown, renamed or deactivated since. Otherwise the unit's
 * Persian name is looked up in the list (a draft not yet saved), and a name not in the list (typed
 * where the group has none) is shown as given in both languages.
 */
export async function countyNamed(deps: Db, workingGroupId: number, county: string, countyId?: number | null): Promise<{ nameFa: string; nameEn: string }> {
  const select = { nameFa: true, nameEn: true } as const;
  const found = countyId
    ? await deps.db.county.findFirst({ where: { id: countyId, workingGroupId }, select })
    : await deps.db.county.findUnique({ where: { workingGroupId_nameFa: { workingGroupId, nameFa: county } }, select });
  return found ?? { nameFa: county, nameEn: county };
}

/** Records the phone number the user shared as their own contact. */
export async function verifyPhone(deps: Writes & Pick<Deps, "now">, userId: number, phone: string): Promise<void> {
  await deps.db.user.update({ where: { id: userId }, data: { phone, phoneVerifiedAt: deps.now() } });
  await forgetUsers(deps, [userId]);
}

export interface NewUnit {
  name: string;
  legalId: string;
  licenceNo: string | null;
  workingGroupId: number;
  county: string;
  /** The industrial estate the unit is in (an active estate of its group), if any. */
  industrialEstateId?: number | null;
  sector: Sector;
  activityStatus: ActivityStatus;
  employees: number;
}

/**
 * Registers a unit with the user as its representative, in one statement: the legal ID's unique
 * constraint decides a race (two people registering one company), never a check before the
 * insert. A taken legal ID is refused (`register-legal-id-taken`).
 */
export async function registerUnit(deps: Writes, userId: number, unit: NewUnit): Promise<{ id: number }> {
  // The listed county by its Persian name (an active one: a county deactivated while the wizard
  // ran is kept as the typed name only), and the estate only when it is an active one of the group.
  const county = await deps.db.county.findFirst({ where: { workingGroupId: unit.workingGroupId, nameFa: unit.county, active: true }, select: { id: true } });
  const estate = unit.industrialEstateId
    ? await deps.db.industrialEstate.findFirst({ where: { id: unit.industrialEstateId, workingGroupId: unit.workingGroupId, active: true }, select: { id: true } })
    : null;
  try {
    const created = await deps.db.productionUnit.create({
      data: { ...unit, countyId: county?.id ?? null, industrialEstateId: estate?.id ?? null, representatives: { create: { userId } } },
      select: { id: true },
    });
    await forgetUsers(deps, [userId]);
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw refusal("register", "legal-id-taken");
    }
    throw error;
  }
}

/** Whether a legal ID is free, already this user's unit, or someone else's. */
export async function legalIdStatus(deps: Db, userId: number, legalId: string): Promise<"free" | "yours" | "taken"> {
  const existing = await deps.db.productionUnit.findUnique({
    where: { legalId },
    select: { representatives: { where: { userId }, select: { userId: true } } },
  });
  if (!existing) return "free";
  return existing.representatives.length > 0 ? "yours" : "taken";
}
