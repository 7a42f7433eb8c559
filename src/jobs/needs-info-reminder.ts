/**
 * Timer job "needs-info-reminder" (scheduled by requestInformation, src/services/triage): reminds
 * the producer of the question `eventId` if the case still waits for its answer and no newer
 * question replaced it. Idempotent: the notice's dedupe key is per question, so a retried job
 * writes nothing new.
 */
import type { Deps } from "../deps";
import { notify, recipientOf } from "../services/notifications";
import type { TimerData } from "../services/timers";
import { answerButton } from "../services/triage";

export async function handleNeedsInfoReminder(
  data: Pick<TimerData<"needs-info-reminder">, "caseId" | "eventId">,
  deps: Pick<Deps, "db" | "t" | "flushOutbox">,
): Promise<void> {
  const sent = await deps.db.$transaction(async (tx) => {
    const row = await tx.case.findUnique({
      where: { id: data.caseId },
      select: { id: true, status: true, trackingCode: true, reporter: { select: { id: true, telegramId: true, language: true } } },
    });
    // Answered (or closed) meanwhile: nothing to remind of.
    if (!row || row.status !== "needs_info") return false;
    const latest = await tx.caseEvent.findFirst({
      where: { caseId: row.id, type: "info_requested" },
      orderBy: { id: "desc" },
      select: { id: true, data: true },
    });
    // A newer question has its own reminder.
    if (!latest || latest.id !== data.eventId) return false;
    const question = (latest.data as { question?: unknown }).question;
    await notify(tx, deps, [recipientOf(row.reporter)], {
      key: "triage-notice-info-reminder",
      args: { code: row.trackingCode, question: typeof question === "string" ? question : "" },
      dedupeKey: `case:${row.id}:info-reminder:${data.eventId}`,
      kind: "REMINDER",
      buttons: [[answerButton(row.id)]],
    });
    return true;
  });
  if (sent) deps.flushOutbox();
}
