/**
 * Resolutions (مصوبات) and minutes (صورت‌جلسه). After a meeting is held the secretariat
 * records, per agenda item, one or more resolutions; a task-type resolution becomes a task for
 * the responsible agency in the same transaction. Closing the minutes sends the resolutions of
 * the meeting to the attendees, as a message and as an HTML document (a unit's representative
 * gets only the part about their own unit). The ledger lists a
 * working group's resolutions with their follow-up status, read from their tasks.
 */
import type { Deps } from "../deps";
import type { Prisma, Tx } from "../db";
import { transition } from "../domain/case-lifecycle";
import {
  compareJalali,
  endOfJalaliDay,
  formatJalaliDate,
  formatJalaliYMD,
  todayInTehran,
  type JalaliDate,
} from "../domain/jalali";
import { fullName, localizeDigits, normalizeText, truncate } from "../domain/text";
import type { ResolutionType, TaskStatus } from "../generated/prisma/enums";
import { type Locale, localName, type Translator } from "../i18n";
import { syncTaskRemindersSafely } from "../jobs/reminders";
import { moveCaseStatus } from "./case-status";
import { agendaSeenBy, lockMeeting, MeetingError, meetingTitle, meetingWhen, representedUnits, requireSecretariat } from "./meetings";
import { notify, recipientOf, secretariatOf, type Recipient } from "./notifications";
import { enqueueOutbound, type InlineDocument, type OutboundMessage } from "./outbox";
import { createTask, OPEN_TASK_STATUSES, REMINDED_TASK_STATUSES, taskAssignees } from "./tasks";
import { appendEvent } from "./timeline";
import { pageWindow } from "../domain/pagination";

export const RESOLUTION_TEXT_MIN = 5;
export const RESOLUTION_TEXT_MAX = 1000;
export const RESOLUTION_TYPES: readonly ResolutionType[] = ["DECISION", "TASK", "INFORMATION"];

type ResolutionDeps = Pick<Deps, "db" | "t" | "now" | "flushOutbox" | "redis" | "queues" | "policies" | "logger">;

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
 * TASK: createTask (with resolutionId) in the same transaction, the agency is told, and its
 * reminders are scheduled after the commit. The first resolution of a case moves it from
 * on_agenda on (record_resolution). The producer is told what was decided.
 */
export async function recordResolution(deps: ResolutionDeps, actorId: number, input: NewResolution): Promise<RecordedResolution> {
  const now = deps.now();
  if (validateResolution(input, todayInTehran(now)) !== null) throw new MeetingError("invalid_input");
  const text = normalizeText(input.text);
  const isInformation = input.type === "INFORMATION";
  const agencyId = isInformation ? null : (input.agencyId ?? null);
  const officialId = isInformation ? null : (input.officialId ?? null);
  const deadline = isInformation ? null : (input.deadline ?? null);

  const recorded = await deps.db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({
      where: { id: input.agendaItemId },
      select: {
        id: true,
        meetingId: true,
        case: { select: { id: true, trackingCode: true, status: true, reporter: { select: { id: true, telegramId: true, language: true } }, unit: { select: { name: true } } } },
      },
    });
    if (!item) throw new MeetingError("not_found");
    const meeting = await lockMeeting(tx, item.meetingId);
    const role = await requireSecretariat(tx, actorId, meeting.workingGroupId);
    if (meeting.status !== "HELD") throw new MeetingError("not_held");
    if (meeting.minutesClosedAt) throw new MeetingError("minutes_closed");

    const agency = agencyId
      ? await tx.agency.findFirst({ where: { id: agencyId, workingGroupId: meeting.workingGroupId, active: true }, select: { id: true, nameFa: true, nameEn: true } })
      : null;
    if (agencyId && !agency) throw new MeetingError("invalid_input");
    if (officialId) {
      const official = await tx.membership.findFirst({ where: { userId: officialId, agencyId: agencyId ?? -1, role: "OFFICIAL", revokedAt: null } });
      if (!official) throw new MeetingError("invalid_input");
    }

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
    if (taskId !== null && agency) {
      await notify(tx, deps, await taskAssignees(tx, { agencyId: agency.id, officialId }), {
        key: "resolutions-task-notice",
        args: (locale) => ({
          code: item.case.trackingCode,
          unit: item.case.unit.name,
          title: meetingTitle(deps.t, locale, meeting),
          text,
          deadline: deadlineLabel(locale),
        }),
        dedupeKey: `resolution:${resolution.id}:task`,
        kind: "NOTICE",
        // The officials' task card (src/bot/features/tasks.ts).
        buttons: [[{ labelKey: "task-button-open", callback: `t:o:${taskId}` }]],
      });
    }
    return { resolutionId: resolution.id, taskId, caseId: item.case.id, trackingCode: item.case.trackingCode, meetingId: meeting.id };
  });
  deps.flushOutbox();
  if (recorded.taskId !== null) await syncTaskRemindersSafely(deps, recorded.taskId);
  return recorded;
}

/** A deadline is a Jalali day: due by its end in Tehran, as a task's dueAt is. */
const endOfDeadline = (day: JalaliDate): Date => endOfJalaliDay(day);


// ---------------------------------------------------------------------------------------------
// Minutes

const minutesInclude = {
  workingGroup: { select: { nameFa: true, nameEn: true, code: true } },
  invitees: {
    orderBy: { id: "asc" },
    select: { rsvp: true, role: true, unitId: true, delegateName: true, user: { select: { firstName: true, lastName: true } }, unit: { select: { name: true } } },
  },
  agenda: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      case: { select: { trackingCode: true, unitId: true, unit: { select: { name: true } } } },
      resolutions: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          text: true,
          type: true,
          deadline: true,
          agency: { select: { nameFa: true, nameEn: true } },
          official: { select: { firstName: true, lastName: true } },
        },
      },
    },
  },
} satisfies Prisma.MeetingInclude;

async function loadMinutes(tx: Pick<Tx, "meeting">, meetingId: number) {
  return tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: minutesInclude });
}
export type MinutesData = Awaited<ReturnType<typeof loadMinutes>>;

function attendeeLabel(t: Translator, locale: Locale, invitee: MinutesData["invitees"][number]): string {
  const name = fullName(invitee.user);
  const unit = invitee.unit ? ` (${invitee.unit.name})` : "";
  return invitee.rsvp === "DELEGATE"
    ? t(locale, "resolutions-minutes-delegate", { name: invitee.delegateName ?? "", for: `${name}${unit}` })
    : `${name}${unit}`;
}

function responsibleLabel(t: Translator, locale: Locale, r: MinutesData["agenda"][number]["resolutions"][number]): string {
  if (!r.agency) return t(locale, "resolutions-no-agency");
  const agency = localName(r.agency, locale);
  return r.official ? `${agency} — ${fullName(r.official)}` : agency;
}

/** The minutes as a chat message (split by the outbox at 4096 characters). */
export function minutesText(t: Translator, locale: Locale, m: MinutesData): string {
  const lines = [
    t(locale, "resolutions-minutes-header", { title: meetingTitle(t, locale, m), when: meetingWhen(locale, m.startsAt), place: m.place }),
    "",
  ];
  let n = 0;
  for (const item of m.agenda) {
    if (item.resolutions.length === 0) continue;
    lines.push(t(locale, "resolutions-minutes-case", { code: item.case.trackingCode, unit: item.case.unit.name }));
    for (const r of item.resolutions) {
      n += 1;
      lines.push(
        t(locale, "resolutions-minutes-line", {
          n: localizeDigits(String(n), locale),
          type: t(locale, `resolutions-type-${r.type}`),
          text: r.text,
          responsible: responsibleLabel(t, locale, r),
          deadline: r.deadline ? formatJalaliDate(r.deadline, locale, { monthName: true }) : t(locale, "resolutions-no-deadline"),
        }),
      );
    }
    lines.push("");
  }
  return lines.join("\n").trim();
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** "minutes-1405-WG-04.html" */
export function minutesFileName(m: { jalaliYear: number; kind: string; number: number }): string {
  return `minutes-${m.jalaliYear}-${m.kind === "WORKING_GROUP" ? "WG" : "SC"}-${String(m.number).padStart(2, "0")}.html`;
}

/** The minutes as a standalone UTF-8 HTML file (right-to-left in Persian), for printing and filing. */
export function minutesHtml(t: Translator, locale: Locale, m: MinutesData): string {
  const title = meetingTitle(t, locale, m);
  const group = localName(m.workingGroup, locale);
  const attendees = m.invitees.filter((i) => i.rsvp === "ATTENDING" || i.rsvp === "DELEGATE");
  const rows: string[] = [];
  let n = 0;
  for (const item of m.agenda) {
    for (const r of item.resolutions) {
      n += 1;
      rows.push(
        `<tr><td>${localizeDigits(String(n), locale)}</td><td>${escapeHtml(item.case.trackingCode)}<br>${escapeHtml(item.case.unit.name)}</td>` +
          `<td>${escapeHtml(r.text)}</td><td>${escapeHtml(t(locale, `resolutions-type-${r.type}`))}</td>` +
          `<td>${escapeHtml(responsibleLabel(t, locale, r))}</td>` +
          `<td>${escapeHtml(r.deadline ? formatJalaliDate(r.deadline, locale, { monthName: true }) : t(locale, "resolutions-no-deadline"))}</td></tr>`,
      );
    }
  }
  const heading = (key: string) => escapeHtml(t(locale, key));
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}" dir="${locale === "fa" ? "rtl" : "ltr"}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:Tahoma,Vazirmatn,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.4em;vertical-align:top}th{background:#eee}</style></head>",
    "<body>",
    `<h1>${escapeHtml(t(locale, "resolutions-minutes-doc-title"))}</h1>`,
    `<h2>${escapeHtml(title)}</h2>`,
    `<p>${escapeHtml(group)}<br>${escapeHtml(meetingWhen(locale, m.startsAt))}<br>${escapeHtml(m.place)}</p>`,
    `<h3>${heading("resolutions-minutes-doc-attendees")}</h3>`,
    attendees.length > 0 ? `<ul>${attendees.map((a) => `<li>${escapeHtml(attendeeLabel(t, locale, a))}</li>`).join("")}</ul>` : "<p>—</p>",
    `<h3>${heading("resolutions-minutes-doc-resolutions")}</h3>`,
    `<table><thead><tr><th>#</th><th>${heading("resolutions-col-case")}</th><th>${heading("resolutions-col-text")}</th><th>${heading("resolutions-col-type")}</th><th>${heading("resolutions-col-responsible")}</th><th>${heading("resolutions-col-deadline")}</th></tr></thead>`,
    `<tbody>${rows.join("")}</tbody></table>`,
    "</body></html>",
  ].join("\n");
}

export function minutesDocument(t: Translator, locale: Locale, m: MinutesData): InlineDocument {
  return { filename: minutesFileName(m), contentBase64: Buffer.from(minutesHtml(t, locale, m), "utf8").toString("base64") };
}

/** The minutes as a reader may see them: a unit's representative only their units' cases (and attendees). */
export function minutesSeenBy(m: MinutesData, units: ReadonlySet<number> | undefined): MinutesData {
  if (!units) return m;
  return {
    ...m,
    agenda: agendaSeenBy(m.agenda, units),
    invitees: m.invitees.filter((i) => i.role === "MEMBER" || (i.unitId !== null && units.has(i.unitId))),
  };
}

type MinutesReader = Recipient & { units: ReadonlySet<number> | undefined };

/**
 * Who gets the minutes: invitees who attended (or sent a delegate), every member invited, the
 * secretariat; with the units a representative may read about (undefined: everything).
 */
async function minutesRecipients(tx: Tx, meetingId: number, workingGroupId: number): Promise<MinutesReader[]> {
  const invitees = await tx.meetingInvitee.findMany({
    where: { meetingId, OR: [{ role: "MEMBER" }, { rsvp: { in: ["ATTENDING", "DELEGATE"] } }] },
    select: { userId: true, role: true, user: { select: { id: true, telegramId: true, language: true } } },
    orderBy: { id: "asc" },
  });
  const units = await representedUnits(tx, invitees);
  const all = new Map<number, MinutesReader>();
  for (const row of invitees) all.set(row.user.id, { ...recipientOf(row.user), units: units.get(row.userId) });
  for (const member of await secretariatOf(tx, workingGroupId)) all.set(member.userId, { ...member, units: undefined });
  return [...all.values()];
}

/**
 * Closes the minutes of a held meeting: from now on its resolutions are final, and every
 * attendee gets them as a message and as a document (an HTML file per language and view).
 */
export async function closeMinutes(deps: Pick<Deps, "db" | "t" | "now" | "flushOutbox">, actorId: number, meetingId: number): Promise<{ recipients: number; resolutions: number }> {
  const result = await deps.db.$transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    await requireSecretariat(tx, actorId, meeting.workingGroupId);
    if (meeting.status !== "HELD") throw new MeetingError("not_held");
    if (meeting.minutesClosedAt) throw new MeetingError("minutes_closed");
    const count = await tx.resolution.count({ where: { meetingId } });
    if (count === 0) throw new MeetingError("no_resolutions");
    await tx.meeting.update({ where: { id: meetingId }, data: { minutesClosedAt: deps.now() } });
    const minutes = await loadMinutes(tx, meetingId);
    const recipients = await minutesRecipients(tx, meetingId, meeting.workingGroupId);
    // One document per language and view (the whole minutes, or a unit's part of them).
    const documents = new Map<string, InlineDocument>();
    const documentFor = (locale: Locale, units: ReadonlySet<number> | undefined) => {
      const key = `${locale}:${units ? [...units].sort((a, b) => a - b).join(",") : "*"}`;
      let doc = documents.get(key);
      if (!doc) documents.set(key, (doc = minutesDocument(deps.t, locale, minutesSeenBy(minutes, units))));
      return doc;
    };
    for (const reader of recipients) {
      const seen = minutesSeenBy(minutes, reader.units);
      await notify(tx, deps, [reader], {
        key: "resolutions-minutes-message",
        args: (locale) => ({ body: minutesText(deps.t, locale, seen) }),
        dedupeKey: `meeting:${meetingId}:minutes`,
        kind: "MEETING",
      });
    }
    const documentsOut: OutboundMessage[] = recipients.map((r) => ({
      dedupeKey: `meeting:${meetingId}:minutes-document:${r.telegramId}`,
      kind: "MEETING",
      chatId: r.telegramId,
      userId: r.userId,
      payload: {
        method: "sendDocument",
        params: { document: documentFor(r.language, r.units), caption: deps.t(r.language, "resolutions-minutes-caption", { title: meetingTitle(deps.t, r.language, minutes) }) },
      },
    }));
    await enqueueOutbound(tx, documentsOut);
    return { recipients: recipients.length, resolutions: count };
  });
  deps.flushOutbox();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Ledger

export type ResolutionStatus = "recorded" | "open" | "overdue" | "done" | "refused" | "cancelled";
export type LedgerFilter = "all" | "open" | "overdue" | "done";
export const LEDGER_FILTERS: readonly LedgerFilter[] = ["all", "open", "overdue", "done"];

/** A resolution's follow-up status: from its task; decisions and information are just recorded. */
export function resolutionStatus(task: { status: TaskStatus; dueAt: Date } | null, now: Date): ResolutionStatus {
  if (!task) return "recorded";
  if (task.status === "done") return "done";
  if (task.status === "refused") return "refused";
  if (task.status === "cancelled") return "cancelled";
  if (REMINDED_TASK_STATUSES.includes(task.status) && task.dueAt.getTime() < now.getTime()) return "overdue";
  return "open";
}

function ledgerWhere(workingGroupIds: number[], filter: LedgerFilter, now: Date) {
  const base = { meeting: { workingGroupId: { in: workingGroupIds } } };
  switch (filter) {
    case "open":
      return { ...base, task: { OR: [{ status: { in: OPEN_TASK_STATUSES }, dueAt: { gte: now } }, { status: "done_pending_review" as const }] } };
    case "overdue":
      return { ...base, task: { status: { in: REMINDED_TASK_STATUSES }, dueAt: { lt: now } } };
    case "done":
      return { ...base, task: { status: "done" as const } };
    default:
      return base;
  }
}

/** One page of a working group's resolutions, newest first, with their status. */
export async function listResolutions(
  deps: Pick<Deps, "db" | "now">,
  workingGroupIds: number[],
  filter: LedgerFilter,
  page: number,
  pageSize: number,
) {
  const now = deps.now();
  const where = ledgerWhere(workingGroupIds, filter, now);
  const total = await deps.db.resolution.count({ where });
  const { page: current, pages, offset } = pageWindow(total, pageSize, page);
  const rows = await deps.db.resolution.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: offset,
    take: pageSize,
    select: {
      id: true,
      text: true,
      type: true,
      deadline: true,
      case: { select: { trackingCode: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      meeting: { select: { kind: true, number: true, jalaliYear: true } },
      task: { select: { id: true, status: true, dueAt: true } },
    },
  });
  return { total, page: current, pages, items: rows.map((row) => ({ ...row, status: resolutionStatus(row.task, now) })) };
}
