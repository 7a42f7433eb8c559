/**
 * How the quarterly report reads in the chat: every figure with its change against the previous
 * period of the same length ("32 (▲4)"), the topics, the units introduced per agency, the
 * financing, the irreversible dates, the agencies' and banks' scorecards. Persian digits in fa.
 * The data: src/services/report (PeriodReport); the paragraph, charts, workbook and document are
 * the renderers' (src/services/report/render).
 */
import { formatAmount } from "../../domain/money";
import { localizeDigits } from "../../domain/text";
import { localName, type Locale } from "../../i18n";
import { periodLabel } from "../../services/report/labels";
import type { AgencyScore, BankScore, Figure, NamedFigure, PeriodReport } from "../../services/report/types";
import type { BotContext } from "../context";

/** Agencies and banks listed on the screen (the workbook has them all). */
const MAX_AGENCIES = 10;

const n = (value: number | string, locale: Locale) => localizeDigits(String(value), locale);

function percent(ctx: BotContext, share: number | null): string {
  return share === null ? ctx.t("report-none") : ctx.t("report-percent", { value: n(Math.round(share * 100), ctx.locale) });
}

/** "▲4", "▼2", "no change" against the previous period. */
export function change(ctx: BotContext, current: bigint | number, previous: bigint | number, format: (value: bigint) => string = (v) => n(v.toString(), ctx.locale)): string {
  const delta = BigInt(current) - BigInt(previous);
  if (delta === 0n) return ctx.t("report-change-same");
  return ctx.t(delta > 0n ? "report-change-up" : "report-change-down", { delta: format(delta > 0n ? delta : -delta) });
}

function line(ctx: BotContext, labelKey: string, figure: Figure, args: Record<string, string> = {}): string {
  return ctx.t("report-line", { label: ctx.t(labelKey, args), current: n(figure.current, ctx.locale), change: change(ctx, figure.current, figure.previous) });
}

function namedLines(ctx: BotContext, rows: NamedFigure[]): string[] {
  return rows.map((row) =>
    ctx.t("report-item", { name: localName(row, ctx.locale), current: n(row.count.current, ctx.locale), change: change(ctx, row.count.current, row.count.previous) }),
  );
}

function agencyLine(ctx: BotContext, a: AgencyScore): string {
  const locale = ctx.locale;
  return ctx.t("report-agency-line", {
    name: localName(a, locale),
    assigned: n(a.tasksAssigned, locale),
    onTime: n(a.doneOnTime, locale),
    late: n(a.doneLate, locale),
    open: n(a.open, locale),
    overdue: n(a.overdue, locale),
    refused: n(a.refusedWithReasons + a.refusedWithoutReasons, locale),
    unreasoned: n(a.refusedWithoutReasons, locale),
    extensions: n(a.extensionsAsked, locale),
    median: a.medianResponseHours === null ? ctx.t("report-none") : ctx.t("report-hours", { value: n(a.medianResponseHours, locale) }),
    share: percent(ctx, a.onTimeShare),
    resolutions: n(a.resolutionsAssigned, locale),
    implemented: percent(ctx, a.implementedShare),
  });
}

function bankLine(ctx: BotContext, b: BankScore): string {
  const locale = ctx.locale;
  return ctx.t("report-bank-line", {
    name: localName(b, locale),
    requests: n(b.loanRequests, locale),
    approved: n(b.approved, locale),
    amount: formatAmount(BigInt(b.amountApprovedRials), locale, "toman"),
    refused: n(b.refused, locale),
    reasoned: n(b.refusedWithReasons, locale),
    pending: n(b.pending, locale),
  });
}

/** The report screen's text. */
export function reportScreenText(ctx: BotContext, report: PeriodReport): string {
  const { locale } = ctx;
  const t = ctx.deps.t;
  const toman = (value: bigint) => formatAmount(value, locale, "toman");
  const money = report.financing.amountApprovedRials;
  const lines: string[] = [
    ctx.t("report-title", { group: localName(report.workingGroup, locale), period: periodLabel(t, locale, report.period) }),
    ctx.t("report-compared", { previous: periodLabel(t, locale, report.previousPeriod) }),
    "",
    ...report.meetingsHeld.map((m) => line(ctx, "report-meetings", m.count, { kind: localName(m, locale) })),
    line(ctx, "report-units-heard", report.unitsHeard),
    line(ctx, "report-resolutions", report.resolutionsRecorded),
    line(ctx, "report-cases-reported", report.casesReported),
    line(ctx, "report-cases-resolved", report.casesResolved),
    "",
    ctx.t("report-topics-heard"),
    ...namedLines(ctx, report.topicsHeard),
    ctx.t("report-topics-reported"),
    ...namedLines(ctx, report.topicsReported),
    "",
    line(ctx, "report-units-introduced", report.unitsIntroduced),
    ...namedLines(ctx, report.unitsIntroducedByAgency),
    "",
    ctx.t("report-line", { label: ctx.t("report-financing-amount"), current: toman(BigInt(money.current)), change: change(ctx, BigInt(money.current), BigInt(money.previous), toman) }),
    line(ctx, "report-financing-units", report.financing.unitsFinanced),
    line(ctx, "report-financing-refused", report.financing.refused),
    line(ctx, "report-irreversible-before", report.irreversible.savedBefore),
    line(ctx, "report-irreversible-after", report.irreversible.after),
  ];
  if (report.agencies.length > 0) {
    lines.push("", ctx.t("report-agencies-title"), ...report.agencies.slice(0, MAX_AGENCIES).map((a) => agencyLine(ctx, a)));
    if (report.agencies.length > MAX_AGENCIES) lines.push(ctx.t("report-more", { count: report.agencies.length - MAX_AGENCIES }));
  }
  if (report.banks.length > 0) {
    lines.push("", ctx.t("report-banks-title"), ...report.banks.slice(0, MAX_AGENCIES).map((b) => bankLine(ctx, b)));
  }
  return lines.join("\n");
}
