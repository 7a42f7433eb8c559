/**
 * Invitations and answers: everyone the meeting concerns is invited (a unit's representative
 * reads only their own unit's agenda items), with RSVP buttons; invitees answer.
 */
import { shared } from "../../buttons";
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { normalizeText } from "../../domain/text";
import type { InviteeRole, Rsvp } from "../../generated/prisma/enums";
import { notify, recipientOf, type Recipient } from "../notifications";
import { OPEN_TASK_STATUSES } from "../tasks";
import { meetingRefusal, scheduledMeetingForUpdate } from "./access";
import { agendaLines, clockTime, meetingTitle, meetingWhen, type MeetingTitleParts } from "./titles";

export const DELEGATE_NAME_MAX = 100;

type DbDeps = Pick<Deps, "db" | "now">;
type NoticeDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox">;

// ---------------------------------------------------------------------------------------------
// Invitations

interface PlannedInvitee {
  userId: number;
  role: InviteeRole;
  unitId: number | null;
}

/**
 * Whom a meeting concerns: standing members (the secretariat and the chair of the working
 * group, the officials of the agencies concerned by the agenda's cases) and the
 * representatives of the units on the agenda.
 */
async function plannedInvitees(tx: Tx, meetingId: number, workingGroupId: number): Promise<PlannedInvitee[]> {
  const agenda = await tx.agendaItem.findMany({
    where: { meetingId },
    select: {
      case: {
        select: {
          unitId: true,
          agencyId: true,
          tasks: { where: { status: { in: OPEN_TASK_STATUSES } }, select: { agencyId: true } },
        },
      },
    },
  });
  const agencyIds = new Set<number>();
  const unitIds = new Set<number>();
  for (const { case: c } of agenda) {
    unitIds.add(c.unitId);
    if (c.agencyId !== null) agencyIds.add(c.agencyId);
    for (const task of c.tasks) agencyIds.add(task.agencyId);
  }
  const [members, representatives] = await Promise.all([
    tx.membership.findMany({
      where: {
        workingGroupId,
        revokedAt: null,
        OR: [{ role: { in: ["SECRETARIAT", "CHAIR"] } }, { role: "OFFICIAL", agencyId: { in: [...agencyIds] } }],
      },
      select: { userId: true },
      orderBy: { id: "asc" },
    }),
    tx.unitRepresentative.findMany({ where: { unitId: { in: [...unitIds] } }, select: { userId: true, unitId: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const planned = new Map<number, PlannedInvitee>();
  for (const m of members) planned.set(m.userId, { userId: m.userId, role: "MEMBER", unitId: null });
  for (const r of representatives) {
    if (!planned.has(r.userId)) planned.set(r.userId, { userId: r.userId, role: "UNIT_REPRESENTATIVE", unitId: r.unitId });
  }
  return [...planned.values()];
}

export const RSVP_CODES = { a: "ATTENDING", d: "DELEGATE", n: "DECLINED" } as const satisfies Record<string, Rsvp>;
export type RsvpCode = keyof typeof RSVP_CODES;

/** The RSVP buttons of an invitation (the callback carries only the invitee row's id). */
export function rsvpButtons(inviteeId: number) {
  return [
    [{ labelKey: "meetings-rsvp-attending", callback: shared.meetingRsvp.pack({ inviteeId, answer: "a" }) }],
    [{ labelKey: "meetings-rsvp-delegate", callback: shared.meetingRsvp.pack({ inviteeId, answer: "d" }) }],
    [{ labelKey: "meetings-rsvp-declined", callback: shared.meetingRsvp.pack({ inviteeId, answer: "n" }) }],
  ];
}

export interface InvitationResult {
  invited: number;
  totalInvitees: number;
  meetingId: number;
}

/**
 * Invites everyone the meeting concerns who is not invited yet (so sending again after the
 * agenda grew reaches only the newcomers): a MEETING notice with the date, time, place and
 * agenda (a unit's representative: their own unit's items only), and RSVP buttons. The
 * caller schedules the reminders after the commit (deps.scheduler.scheduleMeetingReminders).
 */
export async function sendInvitations(deps: NoticeDeps, actorId: number, meetingId: number): Promise<InvitationResult> {
  const result = await deps.db.$transaction(async (tx) => {
    const { meeting } = await scheduledMeetingForUpdate(tx, actorId, meetingId);
    if (meeting.startsAt.getTime() <= deps.now().getTime()) throw meetingRefusal("in_past");
    const agenda = await tx.agendaItem.findMany({
      where: { meetingId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { position: true, slotStartsAt: true, case: { select: { trackingCode: true, unitId: true, unit: { select: { name: true } } } } },
    });
    if (agenda.length === 0) throw meetingRefusal("no_agenda");
    const planned = await plannedInvitees(tx, meetingId, meeting.workingGroupId);
    const already = new Set((await tx.meetingInvitee.findMany({ where: { meetingId }, select: { userId: true } })).map((row) => row.userId));
    const fresh = planned.filter((p) => !already.has(p.userId));
    await tx.meetingInvitee.createMany({ data: fresh.map((p) => ({ meetingId, ...p })), skipDuplicates: true });
    const invitees = await tx.meetingInvitee.findMany({
      where: { meetingId, userId: { in: fresh.map((p) => p.userId) } },
      select: { id: true, role: true, userId: true, user: { select: { id: true, telegramId: true, language: true } } },
    });
    const units = await representedUnits(tx, invitees);
    for (const invitee of invitees) {
      const visible = agendaSeenBy(agenda, units.get(invitee.userId));
      const own = invitee.role === "UNIT_REPRESENTATIVE" ? visible : [];
      await notify(tx, deps, [recipientOf(invitee.user)], {
        key: invitee.role === "UNIT_REPRESENTATIVE" ? "meetings-invitation-unit" : "meetings-invitation",
        args: (locale) => ({
          title: meetingTitle(deps.t, locale, meeting),
          when: meetingWhen(locale, meeting.startsAt),
          place: meeting.place,
          agenda: agendaLines(deps.t, locale, visible).join("\n"),
          cases: own.map((item) => item.case.trackingCode).join("، "),
          slot: own.find((item) => item.slotStartsAt)?.slotStartsAt
            ? clockTime(locale, own.find((item) => item.slotStartsAt)?.slotStartsAt as Date)
            : deps.t(locale, "meetings-slot-none"),
        }),
        dedupeKey: `meeting:${meetingId}:invite:${invitee.id}`,
        kind: "MEETING",
        buttons: rsvpButtons(invitee.id),
      });
    }
    return { invited: invitees.length, totalInvitees: already.size + invitees.length, meetingId };
  });
  deps.flushOutbox();
  return result;
}

/**
 * An invitee's answer. The callback carried only the invitee row's id: the row must belong to
 * the person pressing, and the meeting must still be scheduled.
 */
export async function answerInvitation(
  deps: DbDeps,
  userId: number,
  inviteeId: number,
  answer: Rsvp,
  delegateName: string | null = null,
): Promise<{ meetingId: number; title: MeetingTitleParts; startsAt: Date }> {
  if (answer === "PENDING") throw meetingRefusal("invalid_input");
  const name = answer === "DELEGATE" ? normalizeText(delegateName ?? "") : null;
  if (answer === "DELEGATE" && (!name || name.length < 2 || name.length > DELEGATE_NAME_MAX)) throw meetingRefusal("invalid_input");
  return deps.db.$transaction(async (tx) => {
    const invitee = await tx.meetingInvitee.findUnique({
      where: { id: inviteeId },
      select: { userId: true, meeting: { select: { id: true, status: true, kind: true, number: true, jalaliYear: true, startsAt: true } } },
    });
    if (!invitee || invitee.userId !== userId) throw meetingRefusal("forbidden");
    if (invitee.meeting.status !== "SCHEDULED") throw meetingRefusal("not_scheduled");
    await tx.meetingInvitee.update({ where: { id: inviteeId }, data: { rsvp: answer, delegateName: name, respondedAt: deps.now() } });
    const { id, startsAt, ...title } = invitee.meeting;
    return { meetingId: id, title, startsAt };
  });
}

/** The invitee row of a user, if it is theirs (for prompts before an answer is stored). */
export async function inviteeOf(deps: Pick<Deps, "db">, userId: number, inviteeId: number) {
  const invitee = await deps.db.meetingInvitee.findUnique({
    where: { id: inviteeId },
    select: { id: true, userId: true, meeting: { select: { id: true, status: true, kind: true, number: true, jalaliYear: true, startsAt: true, place: true } } },
  });
  return invitee && invitee.userId === userId ? invitee : null;
}

/**
 * The units whose cases each unit representative among `invitees` may read: those they
 * represent. Members are not in the map: they read everything. A producer never sees another
 * unit's case, on an invitation, a reminder or the minutes.
 */
export async function representedUnits(tx: Tx, invitees: ReadonlyArray<{ userId: number; role: InviteeRole }>): Promise<Map<number, Set<number>>> {
  const representatives = [...new Set(invitees.filter((i) => i.role === "UNIT_REPRESENTATIVE").map((i) => i.userId))];
  const units = new Map(representatives.map((userId) => [userId, new Set<number>()]));
  if (representatives.length === 0) return units;
  const rows = await tx.unitRepresentative.findMany({ where: { userId: { in: representatives } }, select: { userId: true, unitId: true } });
  for (const row of rows) units.get(row.userId)?.add(row.unitId);
  return units;
}

/** The agenda items a reader may see: all (`units` undefined), or those of their units. */
export function agendaSeenBy<T extends { case: { unitId: number } }>(agenda: readonly T[], units: ReadonlySet<number> | undefined): T[] {
  return units ? agenda.filter((item) => units.has(item.case.unitId)) : [...agenda];
}

/** Invitees who have not declined (reminders go to them), with the units they may read about. */
export async function expectedAttendees(tx: Tx, meetingId: number): Promise<Array<Recipient & { units: ReadonlySet<number> | undefined }>> {
  const rows = await tx.meetingInvitee.findMany({
    where: { meetingId, rsvp: { not: "DECLINED" } },
    select: { userId: true, role: true, user: { select: { id: true, telegramId: true, language: true } } },
    orderBy: { id: "asc" },
  });
  const units = await representedUnits(tx, rows);
  return rows.map((row) => ({ ...recipientOf(row.user), units: units.get(row.userId) }));
}

