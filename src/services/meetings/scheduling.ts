/**
 * Scheduling meetings of a working group: the specialist committee (weekly, by default on
 * Sunday mornings) and the working group itself; marking them held or cancelled.
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import {
  addJalaliDays,
  instantToJalali,
  jalaliToInstant,
  jalaliWeekday,
  startOfJalaliDay,
  todayInTehran,
  type JalaliDate,
  type TimeOfDay,
} from "../../domain/jalali";
import { normalizeText } from "../../domain/text";
import type { MeetingKind } from "../../generated/prisma/enums";
import { triageRole } from "../authz";
import { notify, recipientOf, type Recipient } from "../notifications";
import { meetingRefusal, requireSecretariat, scheduledMeetingForUpdate } from "./access";
import { meetingEventData, reporterSelect, returnFromAgenda } from "./agenda";
import { expectedAttendees } from "./invitations";
import { meetingTitle, meetingWhen } from "./titles";
import { appendEvent } from "../timeline";

export const PLACE_MIN = 2;
export const PLACE_MAX = 200;
/** The committee's default slot (seed 001: "every Sunday morning"). */
export const COMMITTEE_DEFAULT_WEEKDAY = 0; // Sunday (JS numbering)
export const COMMITTEE_DEFAULT_TIME: TimeOfDay = { hour: 9, minute: 0 };

type DbDeps = Pick<Deps, "db" | "now">;
type NoticeDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox">;

export interface NewMeeting {
  workingGroupId: number;
  kind: MeetingKind;
  date: JalaliDate;
  time: TimeOfDay;
  place: string;
  /** Committee only: when the meeting is marked held, next week's is created. */
  recurringWeekly?: boolean;
}

export interface CreatedMeeting {
  id: number;
  number: number;
  jalaliYear: number;
  startsAt: Date;
}

// Advisory-lock namespace for meeting numbering (any constant unique to this purpose).
const NUMBERING_LOCK = 0x4d54; // "MT"
const KIND_INDEX: Record<MeetingKind, number> = { COMMITTEE: 0, WORKING_GROUP: 1 };

/**
 * Inserts a meeting with the next number of its working group, kind and Jalali year. The
 * advisory lock serialises concurrent creations; the unique constraint is the backstop.
 */
async function insertMeeting(
  tx: Tx,
  data: { workingGroupId: number; kind: MeetingKind; startsAt: Date; place: string; recurringWeekly: boolean; createdById: number },
): Promise<CreatedMeeting> {
  const jalaliYear = instantToJalali(data.startsAt).year;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${NUMBERING_LOCK}::int, ${data.workingGroupId * 2 + KIND_INDEX[data.kind]}::int)`;
  const last = await tx.meeting.aggregate({
    where: { workingGroupId: data.workingGroupId, kind: data.kind, jalaliYear },
    _max: { number: true },
  });
  const number = (last._max.number ?? 0) + 1;
  const meeting = await tx.meeting.create({
    data: { ...data, jalaliYear, number },
    select: { id: true, number: true, jalaliYear: true, startsAt: true },
  });
  return meeting;
}

export function validatePlace(input: string): string | null {
  const place = normalizeText(input);
  return place.length >= PLACE_MIN && place.length <= PLACE_MAX ? place : null;
}

export async function createMeeting(deps: DbDeps, actorId: number, input: NewMeeting): Promise<CreatedMeeting> {
  const place = validatePlace(input.place);
  if (place === null) throw meetingRefusal("invalid_input");
  const startsAt = jalaliToInstant(input.date, input.time);
  if (startsAt.getTime() <= deps.now().getTime()) throw meetingRefusal("in_past");
  return deps.db.$transaction(async (tx) => {
    await requireSecretariat(tx, actorId, input.workingGroupId);
    return insertMeeting(tx, {
      workingGroupId: input.workingGroupId,
      kind: input.kind,
      startsAt,
      place,
      recurringWeekly: input.kind === "COMMITTEE" && input.recurringWeekly === true,
      createdById: actorId,
    });
  });
}

/** The committee's next default day: the coming Sunday (today counts if the slot is ahead). */
export function nextCommitteeDate(now: Date): JalaliDate {
  let day = todayInTehran(now);
  for (let i = 0; i < 8; i++, day = addJalaliDays(day, 1)) {
    if (jalaliWeekday(day) === COMMITTEE_DEFAULT_WEEKDAY && jalaliToInstant(day, COMMITTEE_DEFAULT_TIME) > now) return day;
  }
  return day;
}

const listSelect = {
  id: true,
  workingGroupId: true,
  kind: true,
  number: true,
  jalaliYear: true,
  startsAt: true,
  place: true,
  status: true,
  minutesClosedAt: true,
  _count: { select: { agenda: true, resolutions: true } },
} as const;

/** Upcoming (scheduled, soonest first) and recent (held or cancelled, newest first) meetings. */
export async function listMeetings(deps: Pick<Deps, "db">, workingGroupIds: number[] | "all") {
  const scope = workingGroupIds === "all" ? {} : { workingGroupId: { in: workingGroupIds } };
  const [upcoming, recent] = await Promise.all([
    deps.db.meeting.findMany({ where: { ...scope, status: "SCHEDULED" }, orderBy: { startsAt: "asc" }, take: 10, select: listSelect }),
    deps.db.meeting.findMany({
      where: { ...scope, status: { in: ["HELD", "CANCELLED"] } },
      orderBy: { startsAt: "desc" },
      take: 6,
      select: listSelect,
    }),
  ]);
  return { upcoming, recent };
}

// ---------------------------------------------------------------------------------------------
// Held

/**
 * Marks a scheduled meeting held (from the start of its day on). A recurring committee
 * meeting schedules next week's, same time and place, in the same transaction.
 */
export async function markMeetingHeld(deps: DbDeps, actorId: number, meetingId: number): Promise<{ next: CreatedMeeting | null }> {
  return deps.db.$transaction(async (tx) => {
    const { meeting } = await scheduledMeetingForUpdate(tx, actorId, meetingId);
    const now = deps.now();
    if (now.getTime() < startOfJalaliDay(todayInTehran(meeting.startsAt)).getTime()) throw meetingRefusal("not_yet");
    await tx.meeting.update({ where: { id: meetingId }, data: { status: "HELD", heldAt: now } });
    if (!meeting.recurringWeekly) return { next: null };
    const when = instantToJalali(meeting.startsAt);
    let date = addJalaliDays(when, 7);
    // A meeting whose week was skipped: the next one is still in the future.
    while (jalaliToInstant(date, when).getTime() <= now.getTime()) date = addJalaliDays(date, 7);
    const next = await insertMeeting(tx, {
      workingGroupId: meeting.workingGroupId,
      kind: meeting.kind,
      startsAt: jalaliToInstant(date, when),
      place: meeting.place,
      recurringWeekly: true,
      createdById: actorId,
    });
    return { next };
  });
}

/**
 * Cancels a scheduled meeting; its cases go back where they came from (on their timelines too).
 * Told: those invited, and the producers whose cases were on its agenda (they were told so
 * even before any invitation went out).
 */
export async function cancelMeeting(deps: NoticeDeps, actorId: number, meetingId: number): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const { meeting, role } = await scheduledMeetingForUpdate(tx, actorId, meetingId);
    await tx.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED" } });
    const agenda = await tx.agendaItem.findMany({ where: { meetingId }, select: { caseId: true, case: { select: { reporter: { select: reporterSelect } } } } });
    for (const { caseId } of agenda) {
      await returnFromAgenda(tx, caseId, role);
      await appendEvent(tx, { caseId, actorId, type: "agenda_removed", data: meetingEventData(meeting) });
    }
    const told = new Map<number, Recipient>((await expectedAttendees(tx, meetingId)).map((r) => [r.userId, r]));
    for (const { case: c } of agenda) if (!told.has(c.reporter.id)) told.set(c.reporter.id, recipientOf(c.reporter));
    await notify(tx, deps, [...told.values()], {
      key: "meetings-cancelled-notice",
      args: (locale) => ({ title: meetingTitle(deps.t, locale, meeting), when: meetingWhen(locale, meeting.startsAt) }),
      dedupeKey: `meeting:${meetingId}:cancelled`,
      kind: "MEETING",
    });
  });
  deps.flushOutbox();
}

/** The place of the group's last meeting of this kind (offered as a button when scheduling). */
export async function lastMeetingPlace(deps: Pick<Deps, "db">, workingGroupId: number, kind: MeetingKind): Promise<{ meetingId: number; place: string } | null> {
  const last = await deps.db.meeting.findFirst({ where: { workingGroupId, kind }, orderBy: { id: "desc" }, select: { id: true, place: true } });
  return last ? { meetingId: last.id, place: last.place } : null;
}

/** The place of an earlier meeting of the group (callback data is not trusted: same group only). */
export async function placeOfMeeting(deps: Pick<Deps, "db">, meetingId: number, workingGroupId: number): Promise<string | null> {
  const previous = await deps.db.meeting.findFirst({ where: { id: meetingId, workingGroupId }, select: { place: true } });
  return previous?.place ?? null;
}

/** A meeting's title parts and start, for a line about it (e.g. next week's, just created). */
export async function meetingHeading(deps: Pick<Deps, "db">, meetingId: number) {
  return deps.db.meeting.findUnique({ where: { id: meetingId }, select: { kind: true, number: true, jalaliYear: true, startsAt: true } });
}

/**
 * The upcoming meetings that may hear a case, for the secretariat's case card; null when the
 * case is not found or not the actor's (callback data is not trusted).
 */
export async function meetingsForCase(deps: Pick<Deps, "db">, actor: Parameters<typeof triageRole>[0], caseId: number) {
  const item = await deps.db.case.findUnique({ where: { id: caseId }, select: { trackingCode: true, workingGroupId: true } });
  if (!item || !triageRole(actor, item.workingGroupId)) return null;
  const { upcoming } = await listMeetings(deps, [item.workingGroupId]);
  return { trackingCode: item.trackingCode, upcoming };
}
