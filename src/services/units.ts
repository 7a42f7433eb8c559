/**
 * Production units and the reference data a producer's flows choose from: the units a user
 * represents, registering a unit (one race-free call), working groups, counties and the agencies
 * a report may name.
 */
import type { Deps } from "../deps";
import type { ActivityStatus, AgencyKind, Sector } from "../generated/prisma/enums";
import { utc } from "../db";
import { refusal } from "../domain/refusal";
import { remembered } from "./reference-cache";
import { forgetTelegramIds } from "./user-cache";

type Db = Pick<Deps, "db">;
/** Writes that change what the user cache holds (src/services/user-cache.ts). */
type Writes = Pick<Deps, "db" | "sql" | "redis" | "logger">;

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
// minute (src/services/reference-cache.ts), so the steps run no SQL for it, and read on the raw
// SQL port when they do: a producer's whole journey then never loads Prisma's query compiler
// (~35 MB of a bot process that serves only producers; README, "Benchmarks").

type Reference = Pick<Deps, "db" | "sql">;
interface Names {
  nameFa: string;
  nameEn: string;
}
interface Named extends Names {
  id: number;
}

/** Active agencies of a group of the given kinds (the report's "which agency?" choices). */
export async function reportAgencies(deps: Reference, workingGroupId: number, kinds: readonly AgencyKind[]): Promise<Named[]> {
  return remembered(deps, `report-agencies:${workingGroupId}:${[...kinds].sort().join(",")}`, () =>
    deps.sql.rows<Named>`
      SELECT id, "nameFa", "nameEn" FROM "Agency"
      WHERE "workingGroupId" = ${workingGroupId} AND active AND kind::text = ANY(${[...kinds]}::text[])
      ORDER BY kind, id LIMIT 30`,
  );
}

export async function agencyNames(deps: Reference, agencyId: number): Promise<Named | null> {
  return remembered(deps, `agency:${agencyId}`, async () => {
    const [agency] = await deps.sql.rows<Named>`SELECT id, "nameFa", "nameEn" FROM "Agency" WHERE id = ${agencyId}`;
    return agency ?? null;
  });
}

/** Every working group, provinces first, by Persian name (the registration's picker). */
export async function allWorkingGroups(deps: Reference): Promise<Named[]> {
  return remembered(deps, "working-groups", () => deps.sql.rows<Named>`SELECT id, "nameFa", "nameEn" FROM "WorkingGroup" ORDER BY kind, "nameFa"`);
}

export async function workingGroupById(deps: Reference, id: number) {
  return (await allWorkingGroups(deps)).find((group) => group.id === id) ?? null;
}

/** A group's active counties (seeded or added by an admin), by Persian name. */
export async function countiesOf(deps: Reference, workingGroupId: number): Promise<Named[]> {
  return remembered(deps, `counties:${workingGroupId}`, () =>
    deps.sql.rows<Named>`SELECT id, "nameFa", "nameEn" FROM "County" WHERE "workingGroupId" = ${workingGroupId} AND active ORDER BY "nameFa"`,
  );
}

/** A group's active industrial estates (managed by its admins), by Persian name. */
export async function estatesOf(deps: Reference, workingGroupId: number): Promise<Named[]> {
  return remembered(deps, `estates:${workingGroupId}`, () =>
    deps.sql.rows<Named>`SELECT id, "nameFa", "nameEn" FROM "IndustrialEstate" WHERE "workingGroupId" = ${workingGroupId} AND active ORDER BY "nameFa"`,
  );
}

export async function estateOf(deps: Reference, workingGroupId: number, estateId: number) {
  return (await estatesOf(deps, workingGroupId)).find((estate) => estate.id === estateId) ?? null;
}

export async function countyOf(deps: Reference, workingGroupId: number, countyId: number) {
  return (await countiesOf(deps, workingGroupId)).find((county) => county.id === countyId) ?? null;
}

/**
 * A unit's county in both languages. A unit registered with a listed county references it
 * (countyId): its current names are shown, renamed or deactivated since. Otherwise the unit's
 * Persian name is looked up in the list (a draft not yet saved), and a name not in the list (typed
 * where the group has none) is shown as given in both languages.
 */
export async function countyNamed(deps: Reference, workingGroupId: number, county: string, countyId?: number | null): Promise<Names> {
  const [found] = countyId
    ? await deps.sql.rows<Names>`SELECT "nameFa", "nameEn" FROM "County" WHERE id = ${countyId} AND "workingGroupId" = ${workingGroupId}`
    : await deps.sql.rows<Names>`SELECT "nameFa", "nameEn" FROM "County" WHERE "workingGroupId" = ${workingGroupId} AND "nameFa" = ${county}`;
  return found ?? { nameFa: county, nameEn: county };
}

/** Records the phone number the user shared as their own contact. */
export async function verifyPhone(deps: Writes & Pick<Deps, "now">, userId: number, phone: string): Promise<void> {
  // RETURNING the Telegram id the cache is keyed by (forgetUsers would read it again).
  const rows = await deps.sql.rows<{ telegramId: string }>`
    UPDATE "User" SET phone = ${phone}, "phoneVerifiedAt" = ${utc(deps.now())}, "updatedAt" = ${utc(new Date())} WHERE id = ${userId} RETURNING "telegramId"`;
  await forgetTelegramIds(deps, rows.map((row) => row.telegramId));
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
  // One raw statement: the listed county by its Persian name (an active one: a county
  // deactivated while the wizard ran is kept as the typed name only), the estate only when it
  // is an active one of the group, the unit and its representative. A taken legal ID inserts
  // nothing (ON CONFLICT) and is refused. The query builder made five statements of this, in a
  // transaction, each compiled every time.
  const now = utc(new Date());
  const rows = await deps.sql.rows<{ id: number; telegramId: string }>`
    WITH county AS (
      SELECT id FROM "County" WHERE "workingGroupId" = ${unit.workingGroupId} AND "nameFa" = ${unit.county} AND active ORDER BY id LIMIT 1
    ), estate AS (
      SELECT id FROM "IndustrialEstate" WHERE id = ${unit.industrialEstateId ?? null}::int AND "workingGroupId" = ${unit.workingGroupId} AND active
    ), created AS (
      INSERT INTO "ProductionUnit" ("workingGroupId", name, "legalId", "licenceNo", county, "countyId", "industrialEstateId", sector, "activityStatus", employees, "createdAt")
      VALUES (${unit.workingGroupId}, ${unit.name}, ${unit.legalId}, ${unit.licenceNo}, ${unit.county}, (SELECT id FROM county), (SELECT id FROM estate),
              ${unit.sector}::"Sector", ${unit.activityStatus}::"ActivityStatus", ${unit.employees}, ${now})
      ON CONFLICT ("legalId") DO NOTHING
      RETURNING id
    ), represented AS (
      INSERT INTO "UnitRepresentative" ("userId", "unitId", "createdAt") SELECT ${userId}, id, ${now} FROM created RETURNING "unitId"
    )
    SELECT "unitId" AS id, (SELECT "telegramId" FROM "User" WHERE id = ${userId}) AS "telegramId" FROM represented`;
  const created = rows[0];
  if (!created) throw refusal("register", "legal-id-taken");
  await forgetTelegramIds(deps, [created.telegramId]);
  return { id: created.id };
}

/** Whether a legal ID is free, already this user's unit, or someone else's. */
export async function legalIdStatus(deps: Pick<Deps, "sql">, userId: number, legalId: string): Promise<"free" | "yours" | "taken"> {
  // Raw: asked at the registration's legal-ID step (the query builder made two statements).
  const rows = await deps.sql.rows<{ yours: boolean }>`
    SELECT EXISTS (SELECT 1 FROM "UnitRepresentative" r WHERE r."unitId" = p.id AND r."userId" = ${userId}) AS yours
    FROM "ProductionUnit" p WHERE p."legalId" = ${legalId}`;
  const existing = rows[0];
  if (!existing) return "free";
  return existing.yours ? "yours" : "taken";
}
