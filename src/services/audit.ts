/**
 * The audit trail: who changed reference data (agencies, counties, industrial estates, an
 * agency's head) or someone's role (an invitation accepted, a membership revoked, a configured
 * admin's first contact), when, in which working group, and the entity before and after.
 *
 * recordAudit takes the transaction of the change itself, so an entry exists exactly when the
 * change committed; the table refuses UPDATE and DELETE (migration
 * 20261203130000_reference_data_admin). Admins of a group read its latest entries, a page at a
 * time (auditPage).
 */
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { pageWindow } from "../domain/pagination";
import { refusal } from "../domain/refusal";
import type { Prisma } from "../generated/prisma/client";
import { isAdminOf } from "./authz";
import type { SessionUser } from "./users";

export type AuditEntityType = "agency" | "county" | "industrial_estate" | "membership";
export type AuditAction =
  | "created"
  | "renamed"
  | "deactivated"
  | "reactivated"
  | "head_set"
  | "granted"
  | "revoked"
  | "invitation_accepted";

export interface AuditRecord {
  /** Null: the system. */
  actorId: number | null;
  workingGroupId: number | null;
  entityType: AuditEntityType;
  entityId: number;
  action: AuditAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at: Date;
}

const json = (value: Record<string, unknown> | null | undefined) => (value ? (value as Prisma.InputJsonObject) : undefined);

/** Writes one entry in the change's own transaction. */
export async function recordAudit(tx: Tx, entry: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      workingGroupId: entry.workingGroupId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: json(entry.before),
      after: json(entry.after),
      createdAt: entry.at,
    },
  });
}

export const AUDIT_PAGE_SIZE = 10;

export interface AuditLine {
  id: number;
  at: Date;
  actor: { firstName: string; lastName: string | null } | null;
  entityType: string;
  entityId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const asObject = (value: Prisma.JsonValue | null): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The latest entries of a working group, newest first, a page at a time (admins of the group only). */
export async function auditPage(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number, requestedPage: number) {
  if (!isAdminOf(actor, workingGroupId)) throw refusal("admin", "forbidden");
  const total = await deps.db.auditEntry.count({ where: { workingGroupId } });
  const { page, pages, offset } = pageWindow(total, AUDIT_PAGE_SIZE, requestedPage);
  const rows = await deps.db.auditEntry.findMany({
    where: { workingGroupId },
    orderBy: { id: "desc" },
    skip: offset,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      entityType: true,
      entityId: true,
      action: true,
      before: true,
      after: true,
      actor: { select: { firstName: true, lastName: true } },
    },
  });
  const lines: AuditLine[] = rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    actor: row.actor,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    before: asObject(row.before),
    after: asObject(row.after),
  }));
  return { total, page, pages, lines };
}
