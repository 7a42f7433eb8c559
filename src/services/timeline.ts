import { Prisma, utc } from "../db";
import { sqlOf, type Executor } from "../sql";

export interface NewEvent {
  caseId: number;
  actorId: number | null;
  /** Rendered with the Fluent key `event-<type>` (see locales). */
  type: string;
  data?: Record<string, string | number | boolean | null>;
  internal?: boolean;
  taskId?: number | null;
}

/** Appends to a case's timeline (the table refuses updates and deletes). */
export async function appendEvent(tx: Executor, event: NewEvent): Promise<{ id: number }> {
  // Raw: every change of every case appends here, and the query builder's create cost three
  // times the insert's CPU (compiling the query). createdAt as Prisma writes it: the client's
  // clock (so events within one transaction keep their order).
  const rows = await sqlOf(tx).rows<{ id: number }>(eventInsert(event, new Date()));
  return rows[0] as { id: number };
}

/**
 * The INSERT of one timeline event (… RETURNING id), for a statement that writes it with other
 * rows: `event.caseId` may be SQL read from `from` (e.g. a CTE's new case: `FROM created`).
 */
export function eventInsert(event: Omit<NewEvent, "caseId"> & { caseId: number | Prisma.Sql }, at: Date, from: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "CaseEvent" ("caseId", "actorId", "type", "data", "internal", "taskId", "createdAt")
    SELECT ${event.caseId}::int, ${event.actorId}::int, ${event.type}::text, ${JSON.stringify(event.data ?? {})}::jsonb, ${event.internal ?? false}::boolean,
           ${event.taskId ?? null}::int, ${utc(at)} ${from}
    RETURNING id`;
}
