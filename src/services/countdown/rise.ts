/**
 * Timer "countdown-step": the urgency of a case rises by itself as its irreversible date comes
 * near (thresholds in COUNTDOWN_POLICY). The secretariat is warned when nobody of the staff has
 * acted on the case since it last rose (or since it was reported): the rise says "this needs
 * you now", and a case someone is working needs no second voice. The job is planned for a
 * working moment, so the warning comes inside working hours.
 */
import type { Deps } from "../../deps";
import type { CategoryId } from "../../domain/categories";
import { moreUrgent, timeLeft, urgencyFromCountdown } from "../../domain/countdown";
import type { Urgency } from "../../domain/urgency";
import type { Tx } from "../../db";
import type { Locale } from "../../i18n";
import { shared } from "../../buttons";
import { lockCase } from "../case-status";
import { enqueueOutbound } from "../outbox";
import { notify, renderNotice, secretariatOf, type Notice } from "../notifications";
import { appendEvent } from "../timeline";
import type { TimerData } from "../timers";
import { countdownCaseSelect, countdownRuns, syncCaseCountdown } from "./schedule";

type RiseDeps = Pick<Deps, "db" | "t" | "now" | "policies" | "flushOutbox" | "scheduler" | "logger">;

export type RiseOutcome = "raised" | "unchanged" | "stale";

/** Whether anyone but the reporter (staff) wrote on the timeline after `since`. */
async function staffActedSince(tx: Tx, caseId: number, reporterId: number, since: Date): Promise<boolean> {
  const event = await tx.caseEvent.findFirst({
    where: { caseId, createdAt: { gt: since }, actorId: { not: null }, NOT: { actorId: reporterId } },
    select: { id: true },
  });
  return event !== null;
}

export async function applyCountdownStep(deps: RiseDeps, data: TimerData<"countdown-step">): Promise<RiseOutcome> {
  const now = deps.now();
  const outcome = await deps.db.$transaction(async (tx): Promise<RiseOutcome> => {
    await lockCase(tx, data.caseId);
    const row = await tx.case.findUnique({
      where: { id: data.caseId },
      select: {
        ...countdownCaseSelect,
        trackingCode: true,
        reporterId: true,
        workingGroupId: true,
        submittedAt: true,
        unit: { select: { name: true } },
        workingGroup: { select: { secretariatChatId: true } },
      },
    });
    // Closed, answered, or the date moved since this job was planned: a later job owns it.
    if (!row || !countdownRuns(row) || row.irreversibleAt.getTime() !== data.dateMs) return "stale";
    const computed = urgencyFromCountdown({ category: row.category as CategoryId, irreversibleAt: row.irreversibleAt, now, policy: deps.policies.countdown });
    // Urgency set by hand is a floor: the countdown raises it, never lowers it.
    const urgency: Urgency = moreUrgent(row.urgency, computed);
    if (urgency === row.urgency) return "unchanged";
    const lastRise = await tx.caseEvent.findFirst({
      where: { caseId: row.id, type: "urgency_raised" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const acted = await staffActedSince(tx, row.id, row.reporterId, lastRise?.createdAt ?? row.submittedAt);
    await tx.case.update({ where: { id: row.id }, data: { urgency } });
    const left = timeLeft(row.irreversibleAt, now, deps.policies.calendar);
    await appendEvent(tx, {
      caseId: row.id,
      actorId: null,
      type: "urgency_raised",
      data: { previous: row.urgency, urgency, days: left.calendarDays, working: left.workingDays },
      internal: true,
    });
    if (!acted) {
      const notice: Notice = {
        key: "alert-countdown",
        args: (locale: Locale) => ({
          code: row.trackingCode,
          unit: row.unit.name,
          urgency: deps.t(locale, `urgency-${urgency}`),
          days: left.calendarDays,
          working: left.workingDays,
        }),
        // Once per threshold of this date: a postponed date may cross its thresholds again.
        dedupeKey: `case:${row.id}:countdown:${data.dateMs}:${urgency}`,
        kind: "ALERT",
        buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: row.id }) }]],
      };
      await notify(tx, deps, await secretariatOf(tx, row.workingGroupId), notice);
      if (row.workingGroup.secretariatChatId) {
        await enqueueOutbound(tx, renderNotice(deps, row.workingGroup.secretariatChatId, "fa", null, notice));
      }
    }
    return "raised";
  });
  if (outcome === "raised") deps.flushOutbox();
  // The next threshold (or nothing, once critical); idempotent by job id.
  if (outcome !== "stale") await syncCaseCountdown(deps, data.caseId);
  return outcome;
}
