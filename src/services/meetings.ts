/**
 * Meetings of a working group: the specialist committee (weekly, by default on Sunday
 * mornings) and the working group itself. The secretariat schedules them, builds the agenda
 * from cases, invites members and the units on the agenda, and marks them held; resolutions
 * and minutes live in resolutions.ts. Every action re-checks, inside its transaction, that
 * the actor is secretariat (or admin) of the meeting's working group.
 */
import { numberToWords } from "@persian-tools/persian-tools";
import type { Deps } from "../deps";
import type { Tx } from "../db";
import { transition, type CaseStatus } from "../domain/case-lifecycle";
import {
  addJalaliDays,
  formatJalaliDate,
  formatJalaliYMD,
  formatTimeOfDay,
  instantToJalali,
  jalaliToInstant,
  jalaliWeekday,
  startOfJalaliDay,
  todayInTehran,
  type JalaliDate,
  type TimeOfDay,
} from "../domain/jalali";
import { localizeDigits, normalizeText } from "../domain/text";
import type { InviteeRole, MeetingKind, Rsvp } from "../generated/prisma/enums";
import type { Locale, Translator } from "../i18n";
import { triageRole } from "./authz";
import { moveCaseStatus } from "./case-status";
import { notify, recipientOf, type Recipient } from "./notifications";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "./tasks";
import { appendEvent } from "./timeline";

export const PLACE_MIN = 2;
export const PLACE_MAX = 200;
export const DELEGATE_NAME_MAX = 100;
/** A submitted case nobody has acted on for this long is suggested for the agenda. */
export const WAITING_LONG_DAYS = 7;
/** The committee's default slot (seed 001: "every Sunday morning"). */
export const COMMITTEE_DEFAULT_WEEKDAY = 0; // Sunday (JS numbering)
export const COMMITTEE_DEFAULT_TIME: TimeOfDay = { hour: 9, minute: 0 };

export type MeetingErrorReason =
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

/** A refused meeting action; the bot shows `meetings-error-<reason>`. */
export class MeetingError extends Error {
  override name = "MeetingError";
  constructor(readonly reason: MeetingErrorReason) {
    super(`meeting action refused: ${reason}`);
  }
}

type DbDeps = Pick<Deps, "db" | "now">;
type NoticeDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox">;

// ---------------------------------------------------------------------------------------------
// Access

/**
 * The case-lifecycle role of a secretariat member (or admin) of the working group, read from
 * the database in the caller's transaction; anyone else gets MeetingError("forbidden").
 */
export async function requireSecretariat(tx: Pick<Tx, "membership">, userId: number, workingGroupId: number): Promise<"secretariat" | "admin"> {
  const memberships = await tx.membership.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, role: true, workingGroupId: true, agencyId: true, isAgencyHead: true },
  });
  const role = triageRole({ memberships }, workingGroupId);
  if (!role) throw new MeetingError("forbidden");
  return role;
}

// ---------------------------------------------------------------------------------------------
// Titles: "چهارمین جلسه کارگروه در سال ۱۴۰۵" / "The 4th working-group meeting of 1405"

/** "نخستین", "دومین", "سومین", "چهارمین", "بیست و سومین", "سی‌امین"… */
export function persianOrdinal(n: number): string {
  if (n === 1) return "نخستین";
  const words = String(numberToWords(n));
  let ordinal: string;
  if (words.endsWith("سه")) ordinal = `${words.slice(0, -2)}سوم`;
  else if (words.endsWith("سی")) ordinal = `${words}\u200cام`;
  else ordinal = `${words}م`;
  return `${ordinal}ین`;
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd"… */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

export interface MeetingTitleParts {
  kind: MeetingKind;
  number: number;
  jalaliYear: number;
}

export function meetingTitle(t: Translator, locale: Locale, meeting: MeetingTitleParts): string {
  return t(locale, "meetings-title", {
    ordinal: locale === "fa" ? persianOrdinal(meeting.number) : englishOrdinal(meeting.number),
    kind: t(locale, `meetings-kind-${meeting.kind}`),
    year: localizeDigits(String(meeting.jalaliYear), locale),
  });
}

/** "شنبه ۱۰ خرداد ۱۴۰۴ ساعت ۰۹:۳۰" */
export function meetingWhen(locale: Locale, startsAt: Date): string {
  return formatJalaliDate(startsAt, locale, { weekday: true, monthName: true, time: true });
}

/** "09:30" in the locale's digits. */
export function clockTime(locale: Locale, instant: Date): string {
  return localizeDigits(formatTimeOfDay(instantToJalali(instant)), locale);
}

export interface AgendaLineItem {
  position: number;
  slotStartsAt: Date | null;
  case: { trackingCode: string; unit: { name: string } };
}

/** "۱. KRM-1405-00012 — واحد (ساعت ۰۹:۳۰)", one line per item in agenda order. */
export function agendaLines(t: Translator, locale: Locale, items: readonly AgendaLineItem[]): string[] {
  return items.map((item, index) =>
    t(locale, item.slotStartsAt ? "meetings-agenda-line-slot" : "meetings-agenda-line", {
      n: localizeDigits(String(index + 1), locale),
      code: item.case.trackingCode,
      unit: item.case.unit.name,
      time: item.slotStartsAt ? clockTime(locale, item.slotStartsAt) : "",
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Scheduling

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
  if (place === null) throw new MeetingError("invalid_input");
  const startsAt = jalaliToInstant(input.date, input.time);
  if (startsAt.getTime() <= deps.now().getTime()) throw new MeetingError("in_past");
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

/** A meeting the actor may manage (secretariat of its working group), or MeetingError. */
export async function meetingForSecretariat(deps: Pick<Deps, "db">, actorId: number, meetingId: number): Promise<MeetingDetails> {
  const meeting = await loadMeeting(deps, meetingId);
  if (!meeting) throw new MeetingError("not_found");
  await requireSecretariat(deps.db, actorId, meeting.workingGroupId);
  return meeting;
}

/** Locks a meeting row for the rest of the transaction and reads it. */
export async function lockMeeting(tx: Tx, meetingId: number) {
  // FOR UPDATE: agenda positions, invitations and status changes of one meeting go one at a time.
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  if (rows.length === 0) throw new MeetingError("not_found");
  return tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
}

/** Locks a scheduled meeting the actor manages; returns it with the actor's role. */
async function scheduledMeetingForUpdate(tx: Tx, actorId: number, meetingId: number) {
  const meeting = await lockMeeting(tx, meetingId);
  const role = await requireSecretariat(tx, actorId, meeting.workingGroupId);
  if (meeting.status !== "SCHEDULED") throw new MeetingError("not_scheduled");
  return { meeting, role };
}

// ---------------------------------------------------------------------------------------------
// Agenda

export type SuggestionReason = "critical" | "overdue_task" | "needs_decision" | "waiting_long" | "carried_over";

export interface AgendaSuggestion {
  caseId: number;
  trackingCode: string;
  unitName: string;
  urgency: string;
  reasons: SuggestionReason[];
}

const AGENDA_ELIGIBLE: CaseStatus[] = ["submitted", "needs_info", "assigned", "in_progress"];
/** The producer who reported a case on the agenda, as a notice recipient. */
const reporterSelect = { id: true, telegramId: true, language: true } as const;
const URGENCY_ORDER: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/**
 * Cases the bot suggests for a meeting's agenda: critical open cases, cases whose tasks are
 * overdue, cases flagged as needing a decision, cases left submitted or waiting for
 * information for long, and cases still on_agenda from a meeting that did not decide them.
 */
export async function suggestAgendaCases(deps: DbDeps, actorId: number, meetingId: number, limit = 12): Promise<AgendaSuggestion[]> {
  const meeting = await meetingForSecretariat(deps, actorId, meetingId);
  const now = deps.now();
  const longAgo = new Date(now.getTime() - WAITING_LONG_DAYS * 86_400_000);
  const onThisAgenda = meeting.agenda.map((item) => item.caseId);
  const rows = await deps.db.case.findMany({
    where: {
      workingGroupId: meeting.workingGroupId,
      id: { notIn: onThisAgenda },
      OR: [
        {
          status: { in: AGENDA_ELIGIBLE },
          OR: [
            { urgency: "critical" },
            { needsDecision: true },
            { tasks: { some: { status: { in: REMINDED_TASK_STATUSES }, dueAt: { lt: now } } } },
            { status: { in: ["submitted", "needs_info"] }, submittedAt: { lt: longAgo } },
          ],
        },
        // Left on an agenda whose meeting is over or gone: carried over to the next one.
        { status: "on_agenda", agendaItems: { none: { meeting: { status: "SCHEDULED" } } } },
      ],
    },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      urgency: true,
      needsDecision: true,
      submittedAt: true,
      unit: { select: { name: true } },
      tasks: { where: { status: { in: REMINDED_TASK_STATUSES }, dueAt: { lt: now } }, select: { id: true }, take: 1 },
    },
    orderBy: [{ submittedAt: "asc" }],
    take: 200,
  });
  const suggestions = rows.map((row) => {
    const reasons: SuggestionReason[] = [];
    if (row.status === "on_agenda") reasons.push("carried_over");
    if (row.urgency === "critical") reasons.push("critical");
    if (row.tasks.length > 0) reasons.push("overdue_task");
    if (row.needsDecision) reasons.push("needs_decision");
    if ((row.status === "submitted" || row.status === "needs_info") && row.submittedAt < longAgo) reasons.push("waiting_long");
    return { caseId: row.id, trackingCode: row.trackingCode, unitName: row.unit.name, urgency: row.urgency, reasons };
  });
  suggestions.sort((a, b) => (URGENCY_ORDER[a.urgency] ?? 9) - (URGENCY_ORDER[b.urgency] ?? 9) || b.reasons.length - a.reasons.length);
  return suggestions.slice(0, limit);
}

/** Event data shared by the agenda events (rendered by `event-agenda_added` / `event-agenda_removed`). */
function meetingEventData(meeting: { id: number; kind: MeetingKind; number: number; jalaliYear: number; startsAt: Date }) {
  const when = instantToJalali(meeting.startsAt);
  return {
    meetingId: meeting.id,
    kind: meeting.kind,
    number: String(meeting.number),
    year: String(meeting.jalaliYear),
    date: formatJalaliYMD(when),
    time: formatTimeOfDay(when),
  };
}

/**
 * Puts a case on a scheduled meeting's agenda (last position): the case moves to on_agenda
 * through the case lifecycle (a case already on_agenda, e.g. from the committee to the
 * working group, stays there), a timeline event is written and the producer is told.
 */
export async function addAgendaItem(
  deps: NoticeDeps,
  actorId: number,
  meetingId: number,
  caseRef: { caseId: number } | { trackingCode: string },
): Promise<{ itemId: number; caseId: number; trackingCode: string }> {
  const result = await deps.db.$transaction(async (tx) => {
    const { meeting, role } = await scheduledMeetingForUpdate(tx, actorId, meetingId);
    const theCase = await tx.case.findFirst({
      where: { workingGroupId: meeting.workingGroupId, ...("caseId" in caseRef ? { id: caseRef.caseId } : { trackingCode: caseRef.trackingCode }) },
      select: { id: true, trackingCode: true, status: true, reporter: { select: reporterSelect } },
    });
    if (!theCase) throw new MeetingError("not_found");
    const existing = await tx.agendaItem.findUnique({ where: { meetingId_caseId: { meetingId, caseId: theCase.id } } });
    if (existing) throw new MeetingError("already_on_agenda");
    if (theCase.status !== "on_agenda") {
      const step = transition(theCase.status, "put_on_agenda", { role });
      if (!step.ok || !(await moveCaseStatus(tx, theCase.id, theCase.status, step.to))) throw new MeetingError("case_not_eligible");
    }
    const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
    const item = await tx.agendaItem.create({
      data: { meetingId, caseId: theCase.id, position: (last._max.position ?? 0) + 1 },
      select: { id: true },
    });
    await appendEvent(tx, { caseId: theCase.id, actorId, type: "agenda_added", data: meetingEventData(meeting) });
    await notify(tx, deps, [recipientOf(theCase.reporter)], {
      key: "meetings-producer-on-agenda",
      args: (locale) => ({
        code: theCase.trackingCode,
        title: meetingTitle(deps.t, locale, meeting),
        when: meetingWhen(locale, meeting.startsAt),
        place: meeting.place,
      }),
      dedupeKey: `meeting:${meetingId}:agenda:${theCase.id}`,
      kind: "NOTICE",
    });
    return { itemId: item.id, caseId: theCase.id, trackingCode: theCase.trackingCode };
  });
  deps.flushOutbox();
  return result;
}

/** Moves an agenda item one place up or down (swapping with its neighbour). */
export async function moveAgendaItem(deps: DbDeps, actorId: number, itemId: number, direction: "up" | "down"): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
    if (!item) throw new MeetingError("not_found");
    await scheduledMeetingForUpdate(tx, actorId, item.meetingId);
    const items = await tx.agendaItem.findMany({ where: { meetingId: item.meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const index = items.findIndex((row) => row.id === itemId);
    const target = direction === "up" ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= items.length) return;
    const order = items.map((row) => row.id);
    [order[index], order[target]] = [order[target] as number, order[index] as number];
    await renumber(tx, order);
  });
}

async function renumber(tx: Tx, orderedIds: number[]): Promise<void> {
  for (const [index, id] of orderedIds.entries()) {
    await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
  }
}

/**
 * Takes a case off a scheduled meeting's agenda (not once it has resolutions); the case goes
 * back where it came from (returnFromAgenda) and the producer, told it would be heard there,
 * is told it will not.
 */
export async function removeAgendaItem(deps: NoticeDeps, actorId: number, itemId: number): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({
      where: { id: itemId },
      select: { meetingId: true, caseId: true, case: { select: { trackingCode: true, reporter: { select: reporterSelect } } }, _count: { select: { resolutions: true } } },
    });
    if (!item) throw new MeetingError("not_found");
    const { meeting, role } = await scheduledMeetingForUpdate(tx, actorId, item.meetingId);
    if (item._count.resolutions > 0) throw new MeetingError("has_resolutions");
    await tx.agendaItem.delete({ where: { id: itemId } });
    await returnFromAgenda(tx, item.caseId, role);
    const rest = await tx.agendaItem.findMany({ where: { meetingId: item.meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    await renumber(tx, rest.map((row) => row.id));
    const event = await appendEvent(tx, { caseId: item.caseId, actorId, type: "agenda_removed", data: meetingEventData(meeting) });
    await notify(tx, deps, [recipientOf(item.case.reporter)], {
      key: "meetings-producer-off-agenda",
      args: (locale) => ({ code: item.case.trackingCode, title: meetingTitle(deps.t, locale, meeting), when: meetingWhen(locale, meeting.startsAt) }),
      dedupeKey: `case:${item.caseId}:event:${event.id}`,
      kind: "NOTICE",
    });
  });
  deps.flushOutbox();
}

/**
 * A case taken off an agenda (or whose meeting is cancelled) before a decision goes back where
 * it came from: to the agency while its task runs, else to the queue — unless another
 * scheduled meeting still has it on its agenda.
 */
async function returnFromAgenda(tx: Tx, caseId: number, role: "secretariat" | "admin"): Promise<void> {
  const item = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
  if (item.status !== "on_agenda") return;
  const stillScheduled = await tx.agendaItem.count({ where: { caseId, meeting: { status: "SCHEDULED" } } });
  if (stillScheduled > 0) return;
  const openTasks = await tx.task.count({ where: { caseId, status: { in: OPEN_TASK_STATUSES } } });
  const move = transition(item.status, "remove_from_agenda", { role, hasOpenTasks: openTasks > 0 });
  // Only the meeting is locked: a triage action on the case committed meanwhile stands.
  if (move.ok) await moveCaseStatus(tx, caseId, item.status, move.to);
}

/** Sets (or clears, with null) the time the unit's representative is heard, on the meeting's day. */
export async function setAgendaSlot(deps: DbDeps, actorId: number, itemId: number, time: TimeOfDay | null): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
    if (!item) throw new MeetingError("not_found");
    const { meeting } = await scheduledMeetingForUpdate(tx, actorId, item.meetingId);
    const slot = time === null ? null : jalaliToInstant(todayInTehran(meeting.startsAt), time);
    await tx.agendaItem.update({ where: { id: itemId }, data: { slotStartsAt: slot } });
  });
}

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
    [{ labelKey: "meetings-rsvp-attending", callback: `mtg:rsvp:${inviteeId}:a` }],
    [{ labelKey: "meetings-rsvp-delegate", callback: `mtg:rsvp:${inviteeId}:d` }],
    [{ labelKey: "meetings-rsvp-declined", callback: `mtg:rsvp:${inviteeId}:n` }],
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
 * caller schedules the reminders after the commit (scheduleMeetingReminders in
 * src/jobs/meeting-reminders.ts).
 */
export async function sendInvitations(deps: NoticeDeps, actorId: number, meetingId: number): Promise<InvitationResult> {
  const result = await deps.db.$transaction(async (tx) => {
    const { meeting } = await scheduledMeetingForUpdate(tx, actorId, meetingId);
    if (meeting.startsAt.getTime() <= deps.now().getTime()) throw new MeetingError("in_past");
    const agenda = await tx.agendaItem.findMany({
      where: { meetingId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { position: true, slotStartsAt: true, case: { select: { trackingCode: true, unitId: true, unit: { select: { name: true } } } } },
    });
    if (agenda.length === 0) throw new MeetingError("no_agenda");
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
  if (answer === "PENDING") throw new MeetingError("invalid_input");
  const name = answer === "DELEGATE" ? normalizeText(delegateName ?? "") : null;
  if (answer === "DELEGATE" && (!name || name.length < 2 || name.length > DELEGATE_NAME_MAX)) throw new MeetingError("invalid_input");
  return deps.db.$transaction(async (tx) => {
    const invitee = await tx.meetingInvitee.findUnique({
      where: { id: inviteeId },
      select: { userId: true, meeting: { select: { id: true, status: true, kind: true, number: true, jalaliYear: true, startsAt: true } } },
    });
    if (!invitee || invitee.userId !== userId) throw new MeetingError("forbidden");
    if (invitee.meeting.status !== "SCHEDULED") throw new MeetingError("not_scheduled");
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
    if (now.getTime() < startOfJalaliDay(todayInTehran(meeting.startsAt)).getTime()) throw new MeetingError("not_yet");
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
