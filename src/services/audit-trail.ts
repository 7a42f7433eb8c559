/** The audit trail as admins read it: a working group's latest entries, a page at a time. */
import type { Deps } from "../deps";
import { pageWindow } from "../domain/pagination";
import { refusal } from "../domain/refusal";
import type { Prisma } from "../generated/prisma/client";
import { isAdminOf, isGlobalAdmin } from "./authz";
import type { SessionUser } from "./users";

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

/**
 * The latest entries of a working group, newest first, a page at a time (admins of the group
 * only); workingGroupId null: the entries of no group (global ADMIN roles), for global admins.
 */
export async function auditPage(deps: Pick<Deps, "db">, actor: SessionUser, workingGroupId: number | null, requestedPage: number) {
  const allowed = workingGroupId === null ? isGlobalAdmin(actor) : isAdminOf(actor, workingGroupId);
  if (!allowed) throw refusal("admin", "forbidden");
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
