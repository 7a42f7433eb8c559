/**
 * Minutes (صورت‌جلسه): closing them sends the resolutions of the meeting to the attendees, as a
 * message and as an HTML document (a unit's representative gets only their own unit's part).
 */
import type { Deps } from "../../deps";
import type { Prisma, Tx } from "../../db";
import { formatJalaliDate } from "../../domain/jalali";
import { fullName, localizeDigits } from "../../domain/text";
import { type Locale, localName, type Translator } from "../../i18n";
import { agendaSeenBy, lockMeeting, meetingRefusal, meetingTitle, meetingWhen, representedUnits, requireSecretariat } from "../meetings";
import { notify, recipientOf, secretariatOf, type Recipient } from "../notifications";
import { enqueueOutbound, type InlineDocument, type OutboundMessage } from "../outbox";


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
    if (meeting.status !== "HELD") throw meetingRefusal("not_held");
    if (meeting.minutesClosedAt) throw meetingRefusal("minutes_closed");
    const count = await tx.resolution.count({ where: { meetingId } });
    if (count === 0) throw meetingRefusal("no_resolutions");
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

