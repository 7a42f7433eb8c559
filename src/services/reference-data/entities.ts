/**
 * The three kinds of reference data an admin manages — agencies, counties, industrial estates —
 * behind one small interface, so the catalogue and the changes are written once. Every row
 * belongs to one working group; whoever asks is checked against that group (never against
 * what a button said).
 */
import type { Tx } from "../../db";
import type { AgencyKind } from "../../generated/prisma/enums";
import { refusal } from "../../domain/refusal";
import { isAdminOf } from "../authz";
import type { SessionUser } from "../users";
import type { AuditEntityType } from "../audit";

export const REFERENCE_ENTITIES = ["agency", "county", "estate"] as const;
export type ReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

export const AUDIT_TYPE: Record<ReferenceEntity, AuditEntityType> = { agency: "agency", county: "county", estate: "industrial_estate" };

export interface ReferenceRow {
  id: number;
  workingGroupId: number;
  nameFa: string;
  nameEn: string;
  active: boolean;
  /** Agencies only. */
  kind: AgencyKind | null;
}

const rowSelect = { id: true, workingGroupId: true, nameFa: true, nameEn: true, active: true } as const;

type Reader = Pick<Tx, "agency" | "county" | "industrialEstate">;

export async function findRow(db: Reader, entity: ReferenceEntity, id: number): Promise<ReferenceRow | null> {
  if (entity === "agency") {
    const row = await db.agency.findUnique({ where: { id }, select: { ...rowSelect, kind: true } });
    return row ?? null;
  }
  const row = entity === "county" ? await db.county.findUnique({ where: { id }, select: rowSelect }) : await db.industrialEstate.findUnique({ where: { id }, select: rowSelect });
  return row ? { ...row, kind: null } : null;
}

/** Every row of a group (active first, then by id); the admin's lists. */
export async function rowsOf(db: Reader, entity: ReferenceEntity, workingGroupId: number): Promise<ReferenceRow[]> {
  const orderBy = [{ active: "desc" as const }, { id: "asc" as const }];
  if (entity === "agency") return db.agency.findMany({ where: { workingGroupId }, orderBy, select: { ...rowSelect, kind: true } });
  const rows =
    entity === "county"
      ? await db.county.findMany({ where: { workingGroupId }, orderBy, select: rowSelect })
      : await db.industrialEstate.findMany({ where: { workingGroupId }, orderBy, select: rowSelect });
  return rows.map((row) => ({ ...row, kind: null }));
}

export async function insertRow(tx: Tx, entity: ReferenceEntity, data: { workingGroupId: number; nameFa: string; nameEn: string; kind?: AgencyKind }): Promise<ReferenceRow> {
  const { workingGroupId, nameFa, nameEn } = data;
  if (entity === "agency") {
    if (!data.kind) throw new Error("an agency needs its kind");
    return tx.agency.create({ data: { workingGroupId, nameFa, nameEn, kind: data.kind }, select: { ...rowSelect, kind: true } });
  }
  const row =
    entity === "county"
      ? await tx.county.create({ data: { workingGroupId, nameFa, nameEn }, select: rowSelect })
      : await tx.industrialEstate.create({ data: { workingGroupId, nameFa, nameEn }, select: rowSelect });
  return { ...row, kind: null };
}

export async function updateRow(tx: Tx, entity: ReferenceEntity, id: number, data: { nameFa?: string; nameEn?: string; active?: boolean }): Promise<void> {
  if (entity === "agency") await tx.agency.update({ where: { id }, data });
  else if (entity === "county") await tx.county.update({ where: { id }, data });
  else await tx.industrialEstate.update({ where: { id }, data });
}

/** Whether another row of the group already has this name in either language (case and spacing aside). */
export async function nameTaken(db: Reader, entity: ReferenceEntity, row: { workingGroupId: number; nameFa: string; nameEn: string }, exceptId?: number): Promise<boolean> {
  const others = (await rowsOf(db, entity, row.workingGroupId)).filter((other) => other.id !== exceptId);
  const key = (text: string) => text.toLowerCase().replace(/[\s\u200c]/g, "");
  return others.some((other) => key(other.nameFa) === key(row.nameFa) || key(other.nameEn) === key(row.nameEn));
}

/** The row, when the user administers its working group; otherwise refused as not found. */
export async function adminRow(db: Reader, actor: SessionUser, entity: ReferenceEntity, id: number): Promise<ReferenceRow> {
  const row = await findRow(db, entity, id);
  // Another group's row reads as missing: a forged id learns nothing.
  if (!row || !isAdminOf(actor, row.workingGroupId)) throw refusal("admin", "not-found");
  return row;
}

/** Refuses unless the user administers the group. */
export function assertAdminOf(actor: SessionUser, workingGroupId: number): void {
  if (!isAdminOf(actor, workingGroupId)) throw refusal("admin", "forbidden");
}

/** What an audit entry keeps of a row. */
export function snapshot(row: ReferenceRow): Record<string, unknown> {
  return { nameFa: row.nameFa, nameEn: row.nameEn, active: row.active, ...(row.kind ? { kind: row.kind } : {}) };
}
