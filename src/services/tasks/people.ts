import type { Tx } from "../../db";
import type { TaskRole } from "../../domain/task-lifecycle";
import { recipientOf, type Recipient } from "../notifications";

/**
 * Who may act on a task (always read from the database, never from callback data or the
 * session) and whom a task concerns (the recipients of its notices).
 */

export interface TaskActor {
  userId: number;
  /** An active OFFICIAL of the task's agency in the task's working group. */
  official: boolean;
  agencyHead: boolean;
  /** SECRETARIAT (or ADMIN) of the task's working group. */
  secretariat: boolean;
}

export async function taskActorFor(
  tx: Tx,
  userId: number,
  task: { workingGroupId: number; agencyId: number },
): Promise<TaskActor> {
  const memberships = await tx.membership.findMany({
    where: {
      userId,
      revokedAt: null,
      OR: [
        { role: "OFFICIAL", agencyId: task.agencyId, workingGroupId: task.workingGroupId },
        { role: { in: ["SECRETARIAT", "ADMIN"] }, workingGroupId: task.workingGroupId },
        { role: "ADMIN", workingGroupId: null },
      ],
    },
    select: { role: true, isAgencyHead: true },
  });
  const officials = memberships.filter((m) => m.role === "OFFICIAL");
  return {
    userId,
    official: officials.length > 0,
    agencyHead: officials.some((m) => m.isAgencyHead),
    secretariat: memberships.some((m) => m.role !== "OFFICIAL"),
  };
}

/**
 * The role a user acts in on a task, on one side of it: the agency's (its head first) or the
 * secretariat's; null when the user is neither there.
 */
export function taskRoleFor(actor: TaskActor, side: "agency" | "secretariat"): TaskRole | null {
  if (side === "secretariat") return actor.secretariat ? "secretariat" : null;
  if (actor.agencyHead) return "agency_head";
  return actor.official ? "official" : null;
}

/** The (working group, agency) pairs a user is an active official of. */
export async function officialAgenciesOf(db: Tx, userId: number): Promise<Array<{ agencyId: number; workingGroupId: number; isAgencyHead: boolean }>> {
  const rows = await db.membership.findMany({
    where: { userId, role: "OFFICIAL", revokedAt: null, agencyId: { not: null }, workingGroupId: { not: null } },
    select: { agencyId: true, workingGroupId: true, isAgencyHead: true },
  });
  return rows.flatMap((m) =>
    m.agencyId === null || m.workingGroupId === null ? [] : [{ agencyId: m.agencyId, workingGroupId: m.workingGroupId, isAgencyHead: m.isAgencyHead }],
  );
}

// ---------------------------------------------------------------------------------------------
// Recipients

const userSelect = { id: true, telegramId: true, language: true } as const;

function uniqueRecipients(users: Array<{ id: number; telegramId: string; language: string }>, exceptUserId?: number): Recipient[] {
  const map = new Map<number, Recipient>();
  for (const user of users) if (user.id !== exceptUserId) map.set(user.id, recipientOf(user));
  return [...map.values()];
}

/** Active officials of an agency (only its heads when asked), optionally without one user. */
export async function agencyOfficials(
  tx: Tx,
  agencyId: number,
  options: { headsOnly?: boolean; exceptUserId?: number } = {},
): Promise<Recipient[]> {
  const rows = await tx.membership.findMany({
    where: { agencyId, role: "OFFICIAL", revokedAt: null, ...(options.headsOnly ? { isAgencyHead: true } : {}) },
    select: { user: { select: userSelect } },
    orderBy: { id: "asc" },
  });
  return uniqueRecipients(rows.map((r) => r.user), options.exceptUserId);
}

/**
 * Whom a task concerns on the agency's side: its official while they are still an active
 * official of the agency, otherwise every official of the agency.
 */
export async function taskAssignees(
  tx: Tx,
  task: { agencyId: number; officialId: number | null },
  exceptUserId?: number,
): Promise<Recipient[]> {
  if (task.officialId !== null) {
    const membership = await tx.membership.findFirst({
      where: { userId: task.officialId, agencyId: task.agencyId, role: "OFFICIAL", revokedAt: null },
      select: { user: { select: userSelect } },
    });
    if (membership) return uniqueRecipients([membership.user], exceptUserId);
  }
  return agencyOfficials(tx, task.agencyId, exceptUserId === undefined ? {} : { exceptUserId });
}

export async function chairsOf(tx: Tx, workingGroupId: number): Promise<Recipient[]> {
  const rows = await tx.membership.findMany({
    where: { workingGroupId, role: "CHAIR", revokedAt: null },
    select: { user: { select: userSelect } },
  });
  return uniqueRecipients(rows.map((r) => r.user));
}

/** The producer who reported the case. */
export async function producerOfCase(tx: Tx, caseId: number): Promise<Recipient> {
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { reporter: { select: userSelect } } });
  return recipientOf(row.reporter);
}
