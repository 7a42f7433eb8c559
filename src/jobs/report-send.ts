/**
 * The report sent by itself (the rules are in src/services/report/dispatch.ts): the timer of a
 * period, and the worker start hook that re-plans the timers from PostgreSQL (a Redis that lost
 * its data loses no report: the due ones are sent, once, the upcoming ones timed again).
 */
import type { Deps } from "../deps";
import { reconcileReportTimers, sendPeriodReports } from "../services/report/dispatch";
import type { TimerData } from "../services/timers";

export async function handleReportSend(data: TimerData<"report-send">, deps: Deps): Promise<void> {
  deps.logger.info({ period: data.period, ...(await sendPeriodReports(deps, data.period)) }, "period reports sent");
}

/** Worker start hook. */
export async function startReportTimers(deps: Deps): Promise<void> {
  deps.logger.info(await reconcileReportTimers(deps), "report timers reconciled");
}
