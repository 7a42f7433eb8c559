import type { Deps } from "../deps";
import { sqlOf, type Executor } from "../sql";
import type { Locale } from "../i18n";
import { shared } from "../buttons";
import { nextWorkingMoment, type WorkingCalendar } from "../domain/working-calendar";
import { enqueueOutbound } from "./outbox";
import { notify, renderNotice, secretariatOf, type Notice } from "./notifications";

/** What an alert shows of its case: the submit passes what it has just written (no re-read). */
export interface AlertedCase {
  id: number;
  trackingCode: string;
  category: string;
  urgency: string;
  workingGroupId: number;
  unit: { name: string };
  workingGroup: { secretariatChatId: string | null };
}

async function alertedCase(tx: Executor, caseId: number): Promise<AlertedCase> {
  const [row] = await sqlOf(tx).rows<Omit<AlertedCase, "unit" | "workingGroup"> & { unitName: string; secretariatChatId: string | null }>`
    SELECT c.id, c."trackingCode", c.category, c.urgency::text AS urgency, c."workingGroupId", p.name AS "unitName", w."secretariatChatId"
    FROM "Case" c JOIN "ProductionUnit" p ON p.id = c."unitId" JOIN "WorkingGroup" w ON w.id = c."workingGroupId"
    WHERE c.id = ${caseId}`;
  if (!row) throw new Error(`case ${caseId} not found`);
  const { unitName, secretariatChatId, ...alerted } = row;
  return { ...alerted, unit: { name: unitName }, workingGroup: { secretariatChatId } };
}

/**
 * Tells every secretariat member of the case's working group (and its secretariat group chat,
 * if configured) about a new case: tracking code, unit, category, urgency, an open button.
 * Critical cases are marked loudly.
 */
export async function alertSecretariatOfNewCase(tx: Executor, deps: Pick<Deps, "t">, subject: number | AlertedCase, round = 0): Promise<void> {
  // `subject`: the case's id (a re-alert reads it), or the case as the submit has just written it.
  const row = typeof subject === "number" ? await alertedCase(tx, subject) : subject;
  const critical = row.urgency === "critical";
  const notice: Notice = {
    key: round > 0 ? "alert-case-unopened" : critical ? "alert-new-case-critical" : "alert-new-case",
    args: (locale: Locale) => ({
      code: row.trackingCode,
      unit: row.unit.name,
      category: deps.t(locale, `category-${row.category}`),
      urgency: deps.t(locale, `urgency-${row.urgency}`),
    }),
    dedupeKey: `case:${row.id}:alert:${round}`,
    kind: "ALERT",
    buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: row.id }) }]],
  };
  await notify(tx, deps, await secretariatOf(tx, row.workingGroupId), notice);
  if (row.workingGroup.secretariatChatId) {
    await enqueueOutbound(tx, renderNotice(deps, row.workingGroup.secretariatChatId, "fa", null, notice));
  }
}

// ---------------------------------------------------------------------------------------------
// Critical re-alerts: a critical case nobody of the secretariat has opened is announced again
// (the timer's handler is src/jobs/critical-realert.ts).

/** How many times an unopened critical case is re-announced before we stop insisting. */
export const MAX_REALERT_ROUNDS = 3;

export const realertJobId = (caseId: number, round: number) => `realert-${caseId}-${round}`;

/**
 * When to re-announce: `minutes` of the secretariat's time after `from`. The clock starts at
 * the next working moment (a case reported at night is due an hour into the working day), and
 * a due time in quiet hours or on a holiday moves to the next working moment.
 */
export function criticalRealertAt(from: Date, minutes: number, calendar: WorkingCalendar): Date {
  const start = nextWorkingMoment(from, calendar);
  return nextWorkingMoment(new Date(start.getTime() + minutes * 60_000), calendar);
}

export type RealertDeps = Pick<Deps, "scheduler" | "config" | "policies" | "now">;

/** Schedules re-alert `round` (1, 2, …); the job id makes scheduling the same round twice a no-op. */
export async function scheduleCriticalRealert(deps: RealertDeps, caseId: number, round: number): Promise<Date> {
  const at = criticalRealertAt(deps.now(), deps.config.CRITICAL_REALERT_MINUTES, deps.policies.calendar);
  await deps.scheduler.at({ type: "critical-realert", caseId, round }, realertJobId(caseId, round), at);
  return at;
}

/** Called right after a case is committed: timers that depend on a new case. */
export async function scheduleNewCaseTimers(deps: RealertDeps, submitted: { caseId: number; urgency: string }): Promise<void> {
  if (submitted.urgency === "critical") await scheduleCriticalRealert(deps, submitted.caseId, 1);
}
