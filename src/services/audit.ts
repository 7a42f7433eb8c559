/**
 * The audit trail: who changed reference data (agencies, counties, industrial estates, an
 * agency's head) or someone's role (an invitation accepted, a membership revoked, a configured
 * admin's first contact), when, in which working group, and the entity before and after.
 *
 * recordAudit takes the transaction of the change itself, so an entry exists exactly when the
 * change committed; the table refuses UPDATE and DELETE (migration
 * 20261203130000_reference_data_admin). Admins of a group read its latest entries, a page at a
 * time (auditPage, src/services/audit-trail.ts).
 */
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";

export type AuditEntityType = "agency" | "county" | "industrial_estate" | "membership" | "referral_batch" | "unit_representative" | "cluster" | "production_unit";
export type AuditAction =
  | "created"
  | "renamed"
  | "deactivated"
  | "reactivated"
  | "head_set"
  | "granted"
  | "revoked"
  | "invitation_accepted"
  | "added"
  | "removed"
  | "left"
  | "activity_changed";

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

