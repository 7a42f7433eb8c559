/**
 * A meeting's agenda: cases suggested by the bot, added (the case moves to on_agenda and the
 * producer is told), reordered, given a time slot, taken off (the case goes back).
 */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { transition, type CaseStatus } from "../../domain/case-lifecycle";
import { formatJalaliYMD, formatTimeOfDay, instantToJalali, jalaliToInstant, todayInTehran, type TimeOfDay } from "../../domain/jalali";
import type { MeetingKind } from "../../generated/prisma/enums";
import { moveCaseStatus } from "../case-status";
import { resumeCaseClocks } from "../clock-pauses";
import { notify, recipientOf } from "../notifications";
import { OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES } from "../tasks";
import { appendEvent } from "../timeline";
import { meetingForSecretariat, meetingRefusal, scheduledMeetingForUpdate } from "./access";
import { meetingTitle, meetingWhen } from "./titles";

/** A submitted case nobody has acted on for this long is suggested for the agenda. */
export const WAITING_LONG_DAYS = 7;

type DbDeps = Pick<Deps, "db" | "now">;
type NoticeDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox">;

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
export const reporterSelect = { id: true, telegramId: true, language: true } as const;
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
export function meetingEventData(meeting: { id: number; kind: MeetingKind; number: number; jalaliYear: number; startsAt: Date }) {
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
 * working group, stays there), a timeline event is written and the producer is told. A case
 * that waited on its producer stops waiting: its agencies' clocks resume.
 */
export async function addAgendaItem(
  deps: NoticeDeps & Pick<Deps, "policies" | "scheduler">,
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
    if (!theCase) throw meetingRefusal("not_found");
    const { itemId, resumed } = await placeOnAgenda(tx, deps, { actorId, meeting, role, theCase });
    return { itemId, caseId: theCase.id, trackingCode: theCase.trackingCode, resumed };
  });
  deps.flushOutbox();
  for (const taskId of result.resumed) await deps.scheduler.syncTaskReminders(taskId);
  return { itemId: result.itemId, caseId: result.caseId, trackingCode: result.trackingCode };
}

type AgendaMeeting = Awaited<ReturnType<typeof scheduledMeetingForUpdate>>["meeting"];

/**
 * In the caller's transaction, with the meeting locked and the case read in its group: the case
 * as the agenda's last item (moved to on_agenda, its producer-waiting clocks resumed), the
 * timeline event and the producer's notice. `clusterId`: one of a cluster's cases, put on the
 * agenda together (src/services/clusters). Returns the tasks whose reminders to re-sync.
 */
export async function placeOnAgenda(
  tx: Tx,
  deps: NoticeDeps & Pick<Deps, "policies">,
  args: {
    actorId: number;
    meeting: AgendaMeeting;
    role: "secretariat" | "admin";
    theCase: { id: number; trackingCode: string; status: CaseStatus; reporter: { id: number; telegramId: string; language: string } };
    clusterId?: number | null;
  },
): Promise<{ itemId: number; resumed: number[] }> {
  const { actorId, meeting, role, theCase } = args;
  const meetingId = meeting.id;
  const existing = await tx.agendaItem.findUnique({ where: { meetingId_caseId: { meetingId, caseId: theCase.id } } });
  if (existing) throw meetingRefusal("already_on_agenda");
  let resumed: number[] = [];
  if (theCase.status !== "on_agenda") {
    const step = transition(theCase.status, "put_on_agenda", { role });
    if (!step.ok || !(await moveCaseStatus(tx, theCase.id, theCase.status, step.to))) throw meetingRefusal("case_not_eligible");
    if (theCase.status === "needs_info") {
      const input = { caseId: theCase.id, trackingCode: theCase.trackingCode, waitingOn: "producer" as const, actorId, now: deps.now() };
      resumed = await resumeCaseClocks(tx, deps, input);
    }
  }
  const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
  const item = await tx.agendaItem.create({
    data: { meetingId, caseId: theCase.id, position: (last._max.position ?? 0) + 1, clusterId: args.clusterId ?? null },
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
  return { itemId: item.id, resumed };
}

/** Moves an agenda item one place up or down (swapping with its neighbour). */
export async function moveAgendaItem(deps: DbDeps, actorId: number, itemId: number, direction: "up" | "down"): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
    if (!item) throw meetingRefusal("not_found");
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
    if (!item) throw meetingRefusal("not_found");
    const { meeting, role } = await scheduledMeetingForUpdate(tx, actorId, item.meetingId);
    if (item._count.resolutions > 0) throw meetingRefusal("has_resolutions");
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
export async function returnFromAgenda(tx: Tx, caseId: number, role: "secretariat" | "admin"): Promise<void> {
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
    if (!item) throw meetingRefusal("not_found");
    const { meeting } = await scheduledMeetingForUpdate(tx, actorId, item.meetingId);
    const slot = time === null ? null : jalaliToInstant(todayInTehran(meeting.startsAt), time);
    await tx.agendaItem.update({ where: { id: itemId }, data: { slotStartsAt: slot } });
  });
}


/** An agenda item's meeting and case (for the screens that start from an item's button). */
export async function agendaItemRef(deps: Pick<Deps, "db">, itemId: number) {
  const item = await deps.db.agendaItem.findUnique({
    where: { id: itemId },
    select: { meetingId: true, case: { select: { trackingCode: true, agencyId: true } } },
  });
  return item ? { itemId, meetingId: item.meetingId, trackingCode: item.case.trackingCode, caseAgencyId: item.case.agencyId } : null;
}
