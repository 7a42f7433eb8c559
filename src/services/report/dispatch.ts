/**
 * The report sent by itself (issue 12, item 6): at the end of every Jalali quarter (and of every
 * month when REPORT_MONTHLY=true) the chairs and the secretariat of each working group receive
 * the period's report — the paragraph, the charts as photos, the workbook and the document — on
 * the first working morning after the period ends (the working calendar: nextWorkingMoment).
 *
 * One timer per period (job id `report-send-<code>`, deterministic), scheduled through
 * deps.scheduler and re-planned from PostgreSQL at worker start (reconcileReportTimers). The
 * sending is idempotent per group and period: a ReportDispatch row is written in the same
 * transaction as the outbox rows, under a unique key, so a job that runs twice (or two workers
 * at once) sends one report; every outbox row has its own dedupe key besides.
 */
import type { Deps } from "../../deps";
import { currentPeriod, nextPeriod, periodCode, periodFromCode, previousPeriod, type ReportPeriod } from "../../domain/report-period";
import { nextWorkingMoment, type WorkingCalendar } from "../../domain/working-calendar";
import { LOCALES, localName, type Locale } from "../../i18n";
import { chairsOf, secretariatOf, type Recipient } from "../notifications";
import { enqueueOutbound, type OutboundMessage, type OutboundPayload } from "../outbox";
import { loadPeriodReport } from "./index";
import { periodLabel, reportFileStem } from "./labels";
import { buildReportWorkbook, renderReportCharts, renderReportDocument, renderReportParagraph } from "./render";

export type DispatchDeps = Pick<Deps, "db" | "sql" | "now" | "policies" | "t" | "config" | "scheduler" | "flushOutbox" | "logger">;

/** A period's report left unsent this long after its time (the worker was down) is not sent any more. */
export const CATCH_UP_MS = 14 * 86_400_000;

export const reportJobId = (period: ReportPeriod) => `report-send-${periodCode(period)}`;

/** The first working moment after the period ends (quiet hours over: the working morning). */
export function reportSendTime(period: ReportPeriod, calendar: WorkingCalendar): Date {
  return nextWorkingMoment(period.end, calendar);
}

const kinds = (monthly: boolean): Array<"quarter" | "month"> => (monthly ? ["quarter", "month"] : ["quarter"]);

/** The periods whose report is due by now (their time has come, within the catch-up window). */
export function duePeriods(now: Date, calendar: WorkingCalendar, monthly: boolean): ReportPeriod[] {
  return kinds(monthly)
    .map((kind) => previousPeriod(currentPeriod(kind, now)))
    .filter((period) => {
      const at = reportSendTime(period, calendar).getTime();
      return at <= now.getTime() && now.getTime() - at <= CATCH_UP_MS;
    });
}

/** The periods under way now, whose reports are timed for after they end. */
export function upcomingPeriods(now: Date, monthly: boolean): ReportPeriod[] {
  return kinds(monthly).map((kind) => currentPeriod(kind, now));
}

/** Schedules the timers: the due ones now, the upcoming ones at their time. Worker start and after each send. */
export async function reconcileReportTimers(deps: DispatchDeps): Promise<{ due: string[]; upcoming: string[] }> {
  const now = deps.now();
  const calendar = deps.policies.calendar;
  const due = duePeriods(now, calendar, deps.config.REPORT_MONTHLY);
  const upcoming = upcomingPeriods(now, deps.config.REPORT_MONTHLY);
  for (const period of due) await deps.scheduler.at({ type: "report-send", period: periodCode(period) }, reportJobId(period), now);
  for (const period of upcoming) {
    await deps.scheduler.at({ type: "report-send", period: periodCode(period) }, reportJobId(period), reportSendTime(period, calendar));
  }
  return { due: due.map(periodCode), upcoming: upcoming.map(periodCode) };
}

/** The chairs and the secretariat (or whoever holds its duties), each once. */
async function recipientsOf(deps: DispatchDeps, workingGroupId: number): Promise<Recipient[]> {
  const all = [...(await chairsOf(deps.db, workingGroupId)), ...(await secretariatOf(deps.db, workingGroupId))];
  return [...new Map(all.map((r) => [r.userId, r])).values()];
}

interface Rendered {
  text: string;
  photos: Array<{ name: string; png: Buffer; caption: string }>;
  workbook: Buffer;
  document: Buffer;
}

async function renderFor(deps: DispatchDeps, report: Parameters<typeof renderReportParagraph>[0], locale: Locale): Promise<Rendered> {
  const intro = deps.t(locale, "report-auto-intro", { group: localName(report.workingGroup, locale), period: periodLabel(deps.t, locale, report.period) });
  const charts = await renderReportCharts(report, locale, deps.t);
  return {
    text: `${intro}\n\n${renderReportParagraph(report, locale, deps.t)}`,
    photos: charts,
    workbook: await buildReportWorkbook(report, locale, deps.t),
    document: await renderReportDocument(report, locale, charts, deps.t),
  };
}

export type DispatchOutcome = "sent" | "already_sent" | "no_group" | "no_recipients";

/** One group's report for a period, once. */
export async function dispatchGroupReport(deps: DispatchDeps, workingGroupId: number, period: ReportPeriod): Promise<DispatchOutcome> {
  const code = periodCode(period);
  const done = await deps.db.reportDispatch.findUnique({ where: { workingGroupId_periodCode: { workingGroupId, periodCode: code } } });
  if (done) return "already_sent";
  const loaded = await loadPeriodReport(deps, workingGroupId, period);
  if (!loaded) return "no_group";
  const recipients = await recipientsOf(deps, workingGroupId);
  const rendered = new Map<Locale, Rendered>();
  for (const locale of LOCALES) {
    if (recipients.some((r) => r.language === locale)) rendered.set(locale, await renderFor(deps, loaded.report, locale));
  }
  const stem = reportFileStem(loaded.groupCode, period);
  const messages: OutboundMessage[] = recipients.flatMap((recipient) => {
    const r = rendered.get(recipient.language) as Rendered;
    const caption = deps.t(recipient.language, "report-file-caption", { group: localName(loaded.report.workingGroup, recipient.language), period: periodLabel(deps.t, recipient.language, period) });
    const inline = (filename: string, bytes: Buffer) => ({ filename, contentBase64: bytes.toString("base64") });
    const parts: Array<[string, OutboundPayload]> = [
      ["text", { method: "sendMessage", params: { text: r.text.slice(0, 4096) } }],
      ...r.photos.map((chart): [string, OutboundPayload] => [`chart-${chart.name}`, { method: "sendPhoto", params: { photo: inline(`${stem}-${chart.name}.png`, chart.png), caption: chart.caption } }]),
      ["xlsx", { method: "sendDocument", params: { document: inline(`${stem}.xlsx`, r.workbook), caption } }],
      ["html", { method: "sendDocument", params: { document: inline(`${stem}.html`, r.document), caption } }],
    ];
    return parts.map(([part, payload]) => ({
      dedupeKey: `report:${workingGroupId}:${code}:${recipient.userId}:${part}`,
      kind: "REPORT" as const,
      chatId: recipient.telegramId,
      userId: recipient.userId,
      payload,
    }));
  });
  const outcome = await deps.db.$transaction(async (tx) => {
    // The unique key: a second run (or a second worker) inserts nothing and queues nothing.
    const inserted = await tx.$executeRaw`
      INSERT INTO "ReportDispatch" ("workingGroupId", "periodCode", recipients)
      VALUES (${workingGroupId}, ${code}, ${recipients.length})
      ON CONFLICT ("workingGroupId", "periodCode") DO NOTHING`;
    if (inserted === 0) return "already_sent" as const;
    await enqueueOutbound(tx, messages);
    return recipients.length > 0 ? ("sent" as const) : ("no_recipients" as const);
  });
  if (outcome === "sent") deps.flushOutbox();
  return outcome;
}

/** The timer: every working group's report for the period, then the next period's timer. */
export async function sendPeriodReports(deps: DispatchDeps, code: string): Promise<Record<DispatchOutcome, number>> {
  const counts: Record<DispatchOutcome, number> = { sent: 0, already_sent: 0, no_group: 0, no_recipients: 0 };
  const period = periodFromCode(code);
  if (!period || (period.kind !== "quarter" && period.kind !== "month")) return counts;
  const calendar = deps.policies.calendar;
  const now = deps.now();
  // Early (a clock moved, a job from an older calendar): wait for the right time.
  if (reportSendTime(period, calendar).getTime() > now.getTime()) {
    await deps.scheduler.at({ type: "report-send", period: code }, reportJobId(period), reportSendTime(period, calendar));
    return counts;
  }
  const groups = await deps.db.workingGroup.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const group of groups) {
    const outcome = await dispatchGroupReport(deps, group.id, period);
    counts[outcome] += 1;
  }
  const following = nextPeriod(period);
  await deps.scheduler.at({ type: "report-send", period: periodCode(following) }, reportJobId(following), reportSendTime(following, calendar));
  return counts;
}
