/**
 * Taking a case and asking its producer for information. A question moves the case to
 * needs_info and schedules a reminder (src/jobs/needs-info-reminder.ts) for the producer if the
 * answer does not come.
 */
import type { Deps } from "../../deps";
import { shared } from "../../buttons";
import { isOpenStatus } from "../../domain/case-lifecycle";
import { canPause } from "../../domain/clock-pause";
import { nextWorkingMoment } from "../../domain/working-calendar";
import { pauseCaseClocks } from "../clock-pauses";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { act, cleanText, QUESTION_MAX, QUESTION_MIN, tellProducer, triageRefusal, type ActionContext, type LockedCase, type TriageDeps, type TriageResult } from "./act";

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

/** A finished case waits on nobody: asking would pause clocks that no longer run. */
function refuseFinished(row: LockedCase): void {
  if (canPause({ finished: !isOpenStatus(row.status), running: null }) === "finished") {
    throw triageRefusal("case_finished", { code: row.trackingCode });
  }
}

/**
 * Asks the producer a question; the case waits in needs_info until the answer comes, and the
 * clocks of its unfinished tasks pause meanwhile (src/services/clock-pauses.ts). A finished
 * case is refused ("case_finished"), with nothing changed.
 */
export async function requestInformation(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: { question: string },
): Promise<TriageResult & { eventId: number; pausedTasks: number[] }> {
  const question = cleanText(input.question, QUESTION_MIN, QUESTION_MAX);
  const body = async ({ tx, row, now, touchedTasks }: ActionContext) => {
    const event = await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "info_requested", data: { question } });
    await tellProducer(tx, deps, row, event.id, "triage-notice-info-requested", () => ({ question }), [[answerButton(row.id)]]);
    const pause = { caseId: row.id, trackingCode: row.trackingCode, waitingOn: "producer" as const, reason: "info_requested", actorId: actor.id, now };
    const pausedTasks = await pauseCaseClocks(tx, deps, pause);
    touchedTasks.push(...pausedTasks);
    return { eventId: event.id, pausedTasks };
  };
  const result = await act(deps, actor, caseId, "ask_info", body, refuseFinished);
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
