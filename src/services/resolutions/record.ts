/**
 * Resolutions (مصوبات): after a meeting is held the secretariat records, per agenda item, one
 * or more resolutions; a task-type resolution becomes a task for the responsible agency in the
 * same transaction, its reminders scheduled through deps.scheduler after the commit.
 */
import { resolutions as buttons, shared } from "../../buttons";
import type { Deps } from "../../deps";
import { transition } from "../../domain/case-lifecycle";
import { compareJalali, endOfJalaliDay, formatJalaliDate, formatJalaliYMD, todayInTehran, type JalaliDate } from "../../domain/jalali";
import { normalizeText, truncate } from "../../domain/text";
import type { Tx } from "../../db";
import type { CaseStatus } from "../../domain/case-lifecycle";
import type { ResolutionType } from "../../generated/prisma/enums";
import { type Locale, localName } from "../../i18n";
import { moveCaseStatus } from "../case-status";
import { lockMeeting, meetingRefusal, meetingTitle, requireSecretariat } from "../meetings";
import { notify, recipientOf } from "../notifications";
import { createTask, taskAssignees } from "../tasks";
import { appendEvent } from "../timeline";
import { officialsOfAgency } from "../triage";
import { notificationOf, scheduleObjectionClose } from "./statutory";

export const RESOLUTION_TEXT_MIN = 5;
export const RESOLUTION_TEXT_MAX = 1000;
export const RESOLUTION_TYPES: readonly ResolutionType[] = ["DECISION", "TASK", "INFORMATION"];

type ResolutionDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "scheduler" | "policies" | "logger">;

export interface NewResolution {
  agendaItemId: number;
  text: string;
  type: ResolutionType;
  /** Required for TASK, optional for DECISION, ignored for INFORMATION. */
  agencyId?: number | null;
  officialId?: number | null;
  /** Required for TASK (the task's due date), optional for DECISION. */
  deadline?: JalaliDate | null;
}

export interface RecordedResolution {
  resolutionId: number;
  taskId: number | null;
  caseId: number;
  trackingCode: string;
  meetingId: number;
}

/** Checks a resolution before anything is written; the reason names what is wrong. */
export function validateResolution(input: NewResolution, today: JalaliDate): "text" | "agency" | "deadline" | "official" | null {
  const text = normalizeText(input.text);
  if (text.length < RESOLUTION_TEXT_MIN || text.length > RESOLUTION_TEXT_MAX) return "text";
  if (input.type === "INFORMATION") return null;
  if (input.type === "TASK" && !input.agencyId) return "agency";
  if (input.officialId && !input.agencyId) return "official";
  if (input.type === "TASK" && !input.deadline) return "deadline";
  if (input.deadline && compareJalali(input.deadline, today) < 0) return "deadline";
  return null;
}

/**
 * Records a resolution on an agenda item of a held meeting whose minutes are still open.
 * TASK: createTask (with resolutionId) in the same transaction, the agency is told — its
 * notification (ابلاغ), which opens the objection window (statutory.ts) — and its reminders
 * and the window's close are scheduled after the commit. The first resolution of a case moves
 * it from on_agenda on (record_resolution). The producer is told what was decided.
 */
export async function recordResolution(deps: ResolutionDeps, actorId: number, input: NewResolution): Promise<RecordedResolution> {
  const now = deps.now();
  if (validateResolution(input, todayInTehran(now)) !== null) throw meetingRefusal("invalid_input");
  const recorded = await deps.db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({
      where: { id: input.agendaItemId },
      select: {
        id: true,
        meetingId: true,
        case: { select: { id: true, trackingCode: true, status: true, reporter: { select: { id: true, telegramId: true, language: true } }, unit: { select: { name: true } } } },
      },
    });
    if (!item) throw meetingRefusal("not_found");
    const meeting = await lockMeeting(tx, item.meetingId);
    const role = await requireSecretariat(tx, actorId, meeting.workingGroupId);
    if (meeting.status !== "HELD") throw meetingRefusal("not_held");
    if (meeting.minutesClosedAt) throw meetingRefusal("minutes_closed");

    return recordOnItem(tx, deps, actorId, { meeting, role, item }, input);
  });
  deps.flushOutbox();
  if (recorded.taskId !== null) await deps.scheduler.syncTaskReminders(recorded.taskId);
  if (recorded.window) await scheduleObjectionClose(deps, recorded.window);
  const { window: _window, ...result } = recorded;
  return result;
}

type HeldMeeting = Awaited<ReturnType<typeof lockMeeting>>;
type ItemToResolve = {
  id: number;
  case: { id: number; trackingCode: string; status: CaseStatus; reporter: { id: number; telegramId: string; language: string }; unit: { name: string } };
};

/**
 * In the caller's transaction, the meeting locked, held, its minutes open and the actor's role
 * checked: one resolution on one agenda item — its task (TASK), the case moved on, the timeline
 * events, the producer's notice in their language and the agency's notification. A cluster's
 * collective resolution (src/services/clusters) calls it once per case of the cluster.
 */
export async function recordOnItem(
  tx: Tx,
  deps: ResolutionDeps,
  actorId: number,
  at: { meeting: HeldMeeting; role: "secretariat" | "admin"; item: ItemToResolve },
  input: Omit<NewResolution, "agendaItemId">,
): Promise<RecordedResolution & { window: { id: number; objectionDeadline: Date } | null }> {
  const { meeting, role, item } = at;
  const now = deps.now();
  const text = normalizeText(input.text);
  const isInformation = input.type === "INFORMATION";
  const agencyId = isInformation ? null : (input.agencyId ?? null);
  const officialId = isInformation ? null : (input.officialId ?? null);
  const deadline = isInformation ? null : (input.deadline ?? null);
  const agency = agencyId
    ? await tx.agency.findFirst({ where: { id: agencyId, workingGroupId: meeting.workingGroupId, active: true }, select: { id: true, nameFa: true, nameEn: true } })
    : null;
  if (agencyId && !agency) throw meetingRefusal("invalid_input");
  if (officialId) {
    const official = await tx.membership.findFirst({ where: { userId: officialId, agencyId: agencyId ?? -1, role: "OFFICIAL", revokedAt: null } });
    if (!official) throw meetingRefusal("invalid_input");
  }

  // The agency is told of a task in this transaction: that is its notification.
  const notified = input.type === "TASK" && agency && deadline ? notificationOf(now, deps.policies) : null;
  const resolution = await tx.resolution.create({
    data: {
      meetingId: meeting.id,
      agendaItemId: item.id,
      caseId: item.case.id,
      text,
      type: input.type,
      agencyId,
      officialId,
      deadline: deadline ? endOfDeadline(deadline) : null,
      createdById: actorId,
      ...notified,
    },
    select: { id: true },
  });

  let taskId: number | null = null;
  if (input.type === "TASK" && agency && deadline) {
    const task = await createTask(tx, {
      caseId: item.case.id,
      agencyId: agency.id,
      officialId,
      dueDate: deadline,
      title: truncate(text, 200),
      createdById: actorId,
      resolutionId: resolution.id,
    });
    taskId = task.id;
  }

  if (item.case.status === "on_agenda") {
    const step = transition(item.case.status, "record_resolution", { role });
    if (step.ok) await moveCaseStatus(tx, item.case.id, item.case.status, step.to);
  }
  await appendEvent(tx, {
    caseId: item.case.id,
    actorId,
    type: "resolution_recorded",
    taskId,
    data: {
      meetingId: meeting.id,
      resolutionId: resolution.id,
      type: input.type,
      text: truncate(text, 300),
      deadline: deadline ? formatJalaliYMD(deadline) : "-",
    },
  });
  if (notified) {
    await appendEvent(tx, {
      caseId: item.case.id,
      actorId,
      type: "resolution_notified",
      taskId,
      data: { resolutionId: resolution.id, until: formatJalaliYMD(todayInTehran(notified.objectionDeadline)) },
    });
  }

  const agencyLabel = (locale: Locale) => (agency ? localName(agency, locale) : deps.t(locale, "resolutions-no-agency"));
  const deadlineLabel = (locale: Locale) => (deadline ? formatJalaliDate(endOfDeadline(deadline), locale, { monthName: true }) : deps.t(locale, "resolutions-no-deadline"));
  await notify(tx, deps, [recipientOf(item.case.reporter)], {
    key: "resolutions-producer-notice",
    args: (locale) => ({
      code: item.case.trackingCode,
      title: meetingTitle(deps.t, locale, meeting),
      text,
      type: deps.t(locale, `resolutions-type-${input.type}`),
      agency: agencyLabel(locale),
      deadline: deadlineLabel(locale),
    }),
    dedupeKey: `resolution:${resolution.id}:producer`,
    kind: "NOTICE",
  });
  if (taskId !== null && agency && notified) {
    await notify(tx, deps, await taskAssignees(tx, { agencyId: agency.id, officialId }), {
      key: "resolutions-task-notice",
      args: (locale) => ({
        code: item.case.trackingCode,
        unit: item.case.unit.name,
        title: meetingTitle(deps.t, locale, meeting),
        text,
        deadline: deadlineLabel(locale),
        until: formatJalaliDate(notified.objectionDeadline, locale, { monthName: true, weekday: true }),
        min: deps.policies.statutory.objectionReasonMin,
      }),
      dedupeKey: `resolution:${resolution.id}:task`,
      kind: "NOTICE",
      // The officials' task card (src/bot/features/tasks/card.ts) and the objection prompt.
      buttons: [
        [
          { labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId }) },
          { labelKey: "objection-button-object", callback: buttons.object.pack({ resolutionId: resolution.id }) },
        ],
      ],
    });
  }
  const window = notified ? { id: resolution.id, objectionDeadline: notified.objectionDeadline } : null;
  return { resolutionId: resolution.id, taskId, caseId: item.case.id, trackingCode: item.case.trackingCode, meetingId: meeting.id, window };
}

/** A deadline is a Jalali day: due by its end in Tehran, as a task's dueAt is. */
const endOfDeadline = (day: JalaliDate): Date => endOfJalaliDay(day);

/** The agencies a resolution may name: the group's active ones, the case's own first. */
export async function resolutionAgencies(deps: Pick<Deps, "db">, workingGroupId: number, caseAgencyId: number | null) {
  const agencies = await deps.db.agency.findMany({
    where: { workingGroupId, active: true },
    orderBy: { id: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
  return agencies.sort((a, b) => Number(b.id === caseAgencyId) - Number(a.id === caseAgencyId));
}

/** An agency of the group (callback data is not trusted), or null. */
export async function resolutionAgency(deps: Pick<Deps, "db">, workingGroupId: number, agencyId: number) {
  return deps.db.agency.findFirst({ where: { id: agencyId, workingGroupId }, select: { id: true } });
}

/** The officials of an agency, for "who is responsible?". */
export async function resolutionOfficials(deps: Pick<Deps, "db">, agencyId: number) {
  return officialsOfAgency(deps.db, agencyId);
}

/** The names a resolution's review shows: its agency and official, when chosen. */
export async function resolutionReviewNames(deps: Pick<Deps, "db">, agencyId: number | null | undefined, officialId: number | null | undefined) {
  const [agency, official] = await Promise.all([
    agencyId ? deps.db.agency.findUnique({ where: { id: agencyId }, select: { nameFa: true, nameEn: true } }) : null,
    officialId ? deps.db.user.findUnique({ where: { id: officialId }, select: { firstName: true, lastName: true } }) : null,
  ]);
  return { agency, official };
}
