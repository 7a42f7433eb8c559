import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";

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
export async function appendEvent(tx: Tx, event: NewEvent): Promise<{ id: number }> {
  return tx.caseEvent.create({
    data: {
      caseId: event.caseId,
      actorId: event.actorId,
      type: event.type,
      data: (event.data ?? {}) as Prisma.InputJsonObject,
      internal: event.internal ?? false,
      taskId: event.taskId ?? null,
    },
    select: { id: true },
  });
}
