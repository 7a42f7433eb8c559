/**
 * Who may manage a meeting: every action re-checks, inside its transaction, that the actor is
 * secretariat (or admin) of the meeting's working group. Refusals are `meetings-error-<reason>`.
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { refusal, type Refusal } from "../../domain/refusal";
import { triageRole } from "../authz";

export type MeetingRefusalReason =
  | "forbidden"
  | "not_found"
  | "not_scheduled"
  | "in_past"
  | "not_yet"
  | "invalid_input"
  | "case_not_eligible"
  | "already_on_agenda"
  | "has_resolutions"
  | "no_agenda"
  | "not_held"
  | "minutes_closed"
  | "no_resolutions";

/** A refused meeting or resolution action; the bot shows `meetings-error-<reason>`. */
export const meetingRefusal = (reason: MeetingRefusalReason): Refusal => refusal("meetings-error", reason);

// ---------------------------------------------------------------------------------------------
// Access

/**
 * The case-lifecycle role of a secretariat member (or admin) of the working group, read from
 * the database in the caller's transaction; anyone else gets a refusal "forbidden".
 */
export async function requireSecretariat(tx: Pick<Tx, "membership">, userId: number, workingGroupId: number): Promise<"secretariat" | "admin"> {
  const memberships = await tx.membership.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, role: true, workingGroupId: true, agencyId: true, isAgencyHead: true },
  });
  const role = triageRole({ memberships }, workingGroupId);
  if (!role) throw meetingRefusal("forbidden");
  return role;
}

export async function loadMeeting(deps: Pick<Deps, "db">, meetingId: number) {
  return deps.db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      workingGroup: { select: { code: true, nameFa: true, nameEn: true } },
      agenda: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: {
          case: { select: { id: true, trackingCode: true, status: true, unitId: true, unit: { select: { name: true } } } },
          _count: { select: { resolutions: true } },
        },
      },
      invitees: {
        orderBy: { id: "asc" },
        include: { user: { select: { firstName: true, lastName: true } }, unit: { select: { name: true } } },
      },
      _count: { select: { resolutions: true } },
    },
  });
}
export type MeetingDetails = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

/** A meeting the actor may manage (secretariat of its working group), or a refusal. */
export async function meetingForSecretariat(deps: Pick<Deps, "db">, actorId: number, meetingId: number): Promise<MeetingDetails> {
  const meeting = await loadMeeting(deps, meetingId);
  if (!meeting) throw meetingRefusal("not_found");
  await requireSecretariat(deps.db, actorId, meeting.workingGroupId);
  return meeting;
}

/** Locks a meeting row for the rest of the transaction and reads it. */
export async function lockMeeting(tx: Tx, meetingId: number) {
  // FOR UPDATE: agenda positions, invitations and status changes of one meeting go one at a time.
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  if (rows.length === 0) throw meetingRefusal("not_found");
  return tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
}

/** Locks a scheduled meeting the actor manages; returns it with the actor's role. */
export async function scheduledMeetingForUpdate(tx: Tx, actorId: number, meetingId: number) {
  const meeting = await lockMeeting(tx, meetingId);
  const role = await requireSecretariat(tx, actorId, meeting.workingGroupId);
  if (meeting.status !== "SCHEDULED") throw meetingRefusal("not_scheduled");
  return { meeting, role };
}
