/**
 * Taking a case and asking its producer for information. A question moves the case to
 * needs_info and schedules a reminder (src/jobs/needs-info-reminder.ts) for the producer if the
 * answer does not come.
 */
import type { Deps } from "../../deps";
import { shared } from "../../buttons";
import { nextWorkingMoment } from "../../domain/working-calendar";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { act, cleanText, QUESTION_MAX, QUESTION_MIN, tellProducer, type TriageDeps, type TriageResult } from "./act";

/** The producer's "Answer" button on a question and its reminder (the cases feature's add-info flow). */
export const answerButton = (caseId: number) => ({ labelKey: "triage-button-answer", callback: shared.addInfo.pack({ caseId }) });

/** The actor takes the case (ownership); the producer hears it is being reviewed. */
export async function takeCase(deps: TriageDeps, actor: SessionUser, caseId: number): Promise<TriageResult> {
  return act(deps, actor, caseId, "take", async ({ tx, row }) => {
    await tx.case.update({ where: { id: row.id }, data: { takenById: actor.id } });
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "taken" });
    await tellProducer(tx, deps, row, event.id, "triage-notice-taken");
    return {};
  });
}

export const needsInfoReminderJobId = (caseId: number, eventId: number) => `needs-info-${caseId}-${eventId}`;

/** Asks the producer a question; the case waits in needs_info until the answer comes. */
export async function requestInformation(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: { question: string },
): Promise<TriageResult & { eventId: number }> {
  const question = cleanText(input.question, QUESTION_MIN, QUESTION_MAX);
  const result = await act(deps, actor, caseId, "ask_info", async ({ tx, row }) => {
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "info_requested", data: { question } });
    await tellProducer(tx, deps, row, event.id, "triage-notice-info-requested", () => ({ question }), [[answerButton(row.id)]]);
    return { eventId: event.id };
  });
  // The question is committed; a reminder that cannot be scheduled must not undo it.
  await scheduleNeedsInfoReminder(deps, caseId, result.eventId).catch((error: unknown) => {
    deps.logger.warn({ err: error, caseId }, "could not schedule the needs-info reminder");
  });
  return result;
}

/** When the producer is reminded of an unanswered question: N days on, at a working moment. */
export function needsInfoReminderAt(askedAt: Date, days: number, calendar: Parameters<typeof nextWorkingMoment>[1]): Date {
  return nextWorkingMoment(new Date(askedAt.getTime() + days * 24 * 3_600_000), calendar);
}

export async function scheduleNeedsInfoReminder(
  deps: Pick<Deps, "scheduler" | "config" | "policies" | "now">,
  caseId: number,
  eventId: number,
): Promise<Date> {
  const at = needsInfoReminderAt(deps.now(), deps.config.NEEDS_INFO_REMINDER_DAYS, deps.policies.calendar);
  await deps.scheduler.at({ type: "needs-info-reminder", caseId, eventId }, needsInfoReminderJobId(caseId, eventId), at);
  return at;
}
