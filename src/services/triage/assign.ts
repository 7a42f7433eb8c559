/** Referring a case to an executive agency (optionally one official) with a due date: a task. */
import type { Deps } from "../../deps";
import type { Tx } from "../../db";
import { shared } from "../../buttons";
import { compareJalali, endOfJalaliDay, formatJalaliYMD, parseJalaliDate, todayInTehran, type JalaliDate } from "../../domain/jalali";
import { fullName, normalizeText, toPersianDigits, truncate } from "../../domain/text";
import { localName } from "../../i18n";
import { notify, recipientOf, type Recipient } from "../notifications";
import { createTask } from "../tasks";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { act, DUE_MAX_DAYS_AHEAD, dueLabel, tellProducer, triageRefusal, type TriageDeps, type TriageResult } from "./act";

/** Active officials of an agency (OFFICIAL memberships). */
export async function officialsOfAgency(tx: Tx | Deps["db"], agencyId: number) {
  const memberships = await tx.membership.findMany({
    where: { agencyId, role: "OFFICIAL", revokedAt: null },
    orderBy: { id: "asc" },
    select: { isAgencyHead: true, user: { select: { id: true, telegramId: true, language: true, firstName: true, lastName: true } } },
  });
  const unique = new Map(memberships.map((m) => [m.user.id, { ...m.user, isAgencyHead: m.isAgencyHead }]));
  return [...unique.values()];
}

/** A typed due date: a Jalali date from today up to a year ahead (Tehran). */
export function parseDueDate(input: string | JalaliDate, now: Date): JalaliDate {
  const date = typeof input === "string" ? parseJalaliDate(input) : input;
  if (!date) throw triageRefusal("invalid_date");
  const today = todayInTehran(now);
  if (compareJalali(date, today) < 0) throw triageRefusal("past_date");
  if (endOfJalaliDay(date).getTime() - now.getTime() > DUE_MAX_DAYS_AHEAD * 24 * 3_600_000) throw triageRefusal("far_date");
  return date;
}

export interface AssignInput {
  agencyId: number;
  /** One official of the agency; null: the agency as a whole (all its officials are told). */
  officialId?: number | null;
  /** Jalali, typed ("1405/09/15", any digits) or parsed. */
  dueDate: string | JalaliDate;
  /** Defaults to the case's tracking code and the start of its description. */
  title?: string;
}

/** Assigns the case to an agency (optionally one official) with a due date: a task is created. */
export async function assignCase(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: AssignInput,
): Promise<TriageResult & { taskId: number }> {
  const dueDate = parseDueDate(input.dueDate, deps.now());
  const result = await act(deps, actor, caseId, "assign", async ({ tx, row }) => {
    const agency = await tx.agency.findFirst({
      where: { id: input.agencyId, workingGroupId: row.workingGroupId, active: true },
      select: { id: true, nameFa: true, nameEn: true },
    });
    if (!agency) throw triageRefusal("invalid_agency");
    const officials = await officialsOfAgency(tx, agency.id);
    const chosen = input.officialId ? officials.find((o) => o.id === input.officialId) : undefined;
    if (input.officialId && !chosen) throw triageRefusal("invalid_official");
    const title = input.title ? truncate(normalizeText(input.title), 200) : `${row.trackingCode} — ${truncate(row.description, 120)}`;
    const task = await createTask(tx, {
      caseId: row.id,
      agencyId: agency.id,
      officialId: chosen?.id ?? null,
      dueDate,
      title,
      createdById: actor.id,
    });
    await tx.case.update({ where: { id: row.id }, data: { agencyId: agency.id, takenById: actor.id } });
    const dueAt = endOfJalaliDay(dueDate);
    const officialName = chosen ? fullName(chosen) : "";
    const event = await appendEvent(tx, {
      caseId: row.id,
      actorId: actor.id,
      type: "assigned",
      taskId: task.id,
      // Display-ready in both languages: the timeline renders events without further lookups.
      data: {
        agencyId: agency.id,
        officialId: chosen?.id ?? null,
        toFa: officialName ? `${agency.nameFa} (${officialName})` : agency.nameFa,
        toEn: officialName ? `${agency.nameEn} (${officialName})` : agency.nameEn,
        due: formatJalaliYMD(dueDate),
        dueFa: toPersianDigits(formatJalaliYMD(dueDate)),
      },
    });
    const recipients: Recipient[] = (chosen ? [chosen] : officials).map(recipientOf);
    await notify(tx, deps, recipients, {
      key: "triage-notice-task-assigned",
      args: (locale) => ({
        code: row.trackingCode,
        unit: row.unit.name,
        agency: localName(agency, locale),
        category: deps.t(locale, `category-${row.category}`),
        due: dueLabel(dueAt, locale),
        description: truncate(row.description, 600),
      }),
      dedupeKey: `task:${task.id}:assigned`,
      kind: "NOTICE",
      buttons: [[{ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId: task.id }) }]],
    });
    await tellProducer(tx, deps, row, event.id, "triage-notice-assigned", (locale) => ({
      agency: localName(agency, locale),
      due: dueLabel(dueAt, locale),
    }));
    return { taskId: task.id };
  });
  await deps.scheduler.syncTaskReminders(result.taskId);
  return result;
}
