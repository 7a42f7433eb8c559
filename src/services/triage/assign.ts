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
import { act, DUE_MAX_DAYS_AHEAD, dueLabel, tellProducer, triageRefusal, type LockedCase, type TriageDeps, type TriageResult } from "./act";

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
    const title = input.title ? truncate(normalizeText(input.title), 200) : undefined;
    return referLockedCase(tx, deps, actor, row, { agency, official: chosen ?? null, officials, dueDate, title, notifyOfficials: true });
  });
  await deps.scheduler.syncTaskReminders(result.taskId);
  return result;
}

export interface Referral {
  agency: { id: number; nameFa: string; nameEn: string };
  /** One official of the agency, or null: the agency as a whole. */
  official: Official | null;
  /** The agency's officials (told when `notifyOfficials` and no one official is chosen). */
  officials: Official[];
  dueDate: JalaliDate;
  /** Defaults to the case's tracking code and the start of its description. */
  title?: string | undefined;
  /** False in a batch referral: the agency gets one letter for the batch instead. */
  notifyOfficials: boolean;
  referralBatchId?: number | null;
}

type Official = Awaited<ReturnType<typeof officialsOfAgency>>[number];

/**
 * A single assignment's body, on a case locked and checked by act / actInTransaction: the task,
 * the case's agency, the timeline event, the officials' notice (unless a batch writes one
 * letter instead) and the producer's notice in their language.
 */
export async function referLockedCase(tx: Tx, deps: Pick<Deps, "t">, actor: SessionUser, row: LockedCase, referral: Referral): Promise<{ taskId: number }> {
  const { agency, official: chosen, dueDate } = referral;
  const title = referral.title ?? `${row.trackingCode} — ${truncate(row.description, 120)}`;
  const task = await createTask(tx, {
    caseId: row.id,
    agencyId: agency.id,
    officialId: chosen?.id ?? null,
    dueDate,
    title,
    createdById: actor.id,
    referralBatchId: referral.referralBatchId ?? null,
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
      ...(referral.referralBatchId ? { referralBatchId: referral.referralBatchId } : {}),
    },
  });
  if (referral.notifyOfficials) {
    const recipients: Recipient[] = (chosen ? [chosen] : referral.officials).map(recipientOf);
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
  }
  await tellProducer(tx, deps, row, event.id, "triage-notice-assigned", (locale) => ({
    agency: localName(agency, locale),
    due: dueLabel(dueAt, locale),
  }));
  return { taskId: task.id };
}
