/**
 * "Ask the utility to hold the cut-off" (issue 11, item 3; seed 000): one action on a utility
 * cut-off case. It becomes a task of its own kind (CUTOFF_HOLD) for the utility — the case's
 * agency, or the one its subcategory names (electricity → the electricity company…) — due in
 * office hours (FAST_TRACK_POLICY), reminded every office hour through the task reminder
 * machinery (scheduleOf reads the kind), escalated to the agency's head at the deadline and to
 * the secretariat and the chair after it. The producer hears that the request was sent.
 */
import { shared } from "../../buttons";
import type { CategoryId } from "../../domain/categories";
import { agencyKindsFor } from "../../domain/categories";
import { addOfficeHours } from "../../domain/fast-track";
import { formatJalaliDate, todayInTehran } from "../../domain/jalali";
import { refusal } from "../../domain/refusal";
import { truncate } from "../../domain/text";
import type { Tx } from "../../db";
import { localName, type Locale } from "../../i18n";
import { triageRole } from "../authz";
import { notify, recipientOf } from "../notifications";
import { createTask, OPEN_TASK_STATUSES } from "../tasks";
import { appendEvent } from "../timeline";
import { officialsOfAgency } from "../triage/assign";
import { act, tellProducer, type LockedCase, type TriageDeps, type TriageResult } from "../triage/act";
import type { SessionUser } from "../users";

const UTILITY_KINDS = ["ELECTRICITY", "GAS", "WATER", "TELECOM"] as const;

export const fastTrackRefusal = (reason: "not_cutoff" | "no_utility" | "already_requested" | "no_officials") => refusal("fast-track-error", reason);

/** The utility a cut-off case concerns: its own agency when that is a utility, else by subcategory. */
export async function utilityOf(tx: Tx, row: Pick<LockedCase, "id" | "workingGroupId" | "category" | "subcategory">) {
  if (row.category !== "utility_cutoff") throw fastTrackRefusal("not_cutoff");
  const own = await tx.case.findUniqueOrThrow({ where: { id: row.id }, select: { agency: { select: { id: true, kind: true, nameFa: true, nameEn: true, active: true } } } });
  if (own.agency && own.agency.active && (UTILITY_KINDS as readonly string[]).includes(own.agency.kind)) return own.agency;
  const kinds = agencyKindsFor(row.category as CategoryId, row.subcategory).filter((kind) => (UTILITY_KINDS as readonly string[]).includes(kind));
  const agency = await tx.agency.findFirst({
    where: { workingGroupId: row.workingGroupId, kind: { in: kinds }, active: true },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, nameFa: true, nameEn: true, active: true },
  });
  if (!agency) throw fastTrackRefusal("no_utility");
  return agency;
}

/** What the confirmation screen says before anything is sent. */
export async function previewHold(deps: TriageDeps, actor: SessionUser, caseId: number) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const row = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, workingGroupId: true, category: true, subcategory: true, trackingCode: true } });
    if (!row) throw refusal("triage-error", "not_found");
    if (!triageRole(actor, row.workingGroupId)) throw refusal("triage-error", "forbidden");
    const agency = await utilityOf(tx, row);
    const open = await tx.task.findFirst({ where: { caseId, kind: "CUTOFF_HOLD", status: { in: OPEN_TASK_STATUSES } }, select: { id: true } });
    if (open) throw fastTrackRefusal("already_requested");
    return { trackingCode: row.trackingCode, agency, dueAt: addOfficeHours(now, deps.policies.fastTrack.holdDeadlineOfficeHours, deps.policies.calendar, deps.policies.fastTrack) };
  });
}

/** Sends the hold request: the task, the utility's officials told, the producer told. */
export async function requestCutoffHold(deps: TriageDeps, actor: SessionUser, caseId: number): Promise<TriageResult & { taskId: number; dueAt: Date }> {
  const policy = deps.policies.fastTrack;
  return act(deps, actor, caseId, "assign", async ({ tx, row, now, touchedTasks }) => {
    const agency = await utilityOf(tx, row);
    const open = await tx.task.findFirst({ where: { caseId, kind: "CUTOFF_HOLD", status: { in: OPEN_TASK_STATUSES } }, select: { id: true } });
    if (open) throw fastTrackRefusal("already_requested");
    const officials = await officialsOfAgency(tx, agency.id);
    if (officials.length === 0) throw fastTrackRefusal("no_officials");
    const dueAt = addOfficeHours(now, policy.holdDeadlineOfficeHours, deps.policies.calendar, policy);
    const task = await createTask(tx, {
      caseId: row.id,
      agencyId: agency.id,
      officialId: null,
      dueDate: todayInTehran(dueAt),
      title: `${row.trackingCode} — ${deps.t(deps.config.DEFAULT_LOCALE, "fast-track-hold-title")}`,
      createdById: actor.id,
    });
    // The kind and the instant the deadline falls at (createTask stores the end of a day).
    await tx.task.update({ where: { id: task.id }, data: { kind: "CUTOFF_HOLD", dueAt, createdAt: now } });
    await tx.case.update({ where: { id: row.id }, data: { agencyId: agency.id, takenById: actor.id } });
    const at = (locale: Locale) => formatJalaliDate(dueAt, locale, { weekday: true, time: true });
    const event = await appendEvent(tx, {
      caseId: row.id,
      actorId: actor.id,
      type: "hold_requested",
      taskId: task.id,
      data: { agencyFa: agency.nameFa, agencyEn: agency.nameEn, atFa: at("fa"), atEn: at("en") },
    });
    await notify(tx, deps, officials.map(recipientOf), {
      key: "fast-track-notice-hold",
      args: (locale) => ({
        code: row.trackingCode,
        unit: row.unit.name,
        agency: localName(agency, locale),
        at: at(locale),
        hours: policy.holdDeadlineOfficeHours,
        description: truncate(row.description, 600),
      }),
      dedupeKey: `task:${task.id}:hold`,
      kind: "ALERT",
      buttons: [[{ labelKey: "task-button-open", callback: shared.taskCard.pack({ taskId: task.id }) }]],
    });
    await tellProducer(tx, deps, row, event.id, "fast-track-producer-hold", (locale) => ({ agency: localName(agency, locale), at: at(locale) }));
    touchedTasks.push(task.id);
    return { taskId: task.id, dueAt };
  });
}
