/**
 * How the statistics desk reads: the report (one text, split by the caller when it runs past a
 * Telegram message), the agency table as a CSV file, its name and caption. Numbers for people
 * use Persian digits and the Persian decimal separator in fa; the CSV keeps Latin digits
 * (spreadsheets compute with them). The data comes from src/services/statistics.
 */
import { ENGLISH_MONTH_NAMES, formatJalaliDate, jalaliToInstant, PERSIAN_MONTH_NAMES } from "../../domain/jalali";
import { localizeDigits, truncate } from "../../domain/text";
import { localName as named, type Locale } from "../../i18n";
import { durationParts, toCsv, type GroupStatistics, type StatisticsPeriod } from "../../services/statistics";
import type { BotContext } from "../context";

type Named = { nameFa: string; nameEn: string };

function integer(value: number, locale: Locale): string {
  return localizeDigits(String(value), locale);
}

/** A count rounded to one decimal, as a number: Fluent writes its digits and picks its plural. */
const rounded = (value: number): number => Math.round(value * 10) / 10;

/** At most one decimal, none when whole: 3.5 → "۳٫۵", 4 → "۴". */
export function decimal(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return locale === "fa" ? localizeDigits(text.replace(".", "٫"), locale) : text;
}

export function periodLabel(ctx: BotContext, period: StatisticsPeriod): string {
  const year = integer(period.year, ctx.locale);
  if (period.kind === "month" && period.month !== null) {
    const month = (ctx.locale === "fa" ? PERSIAN_MONTH_NAMES : ENGLISH_MONTH_NAMES)[period.month - 1] ?? "";
    return ctx.t("stats-period-month", { month, year });
  }
  if (period.kind === "season" && period.season !== null) {
    return ctx.t("stats-period-season", { quarter: ctx.t(`stats-quarter-${period.season}`), season: ctx.t(`stats-season-${period.season}`), year });
  }
  return ctx.t("stats-period-year", { year });
}

function duration(ctx: BotContext, ms: number | null): string {
  if (ms === null) return ctx.t("stats-none");
  const { unit, value } = durationParts(ms);
  return ctx.t(`stats-duration-${unit}`, { value: rounded(value) });
}

function percent(ctx: BotContext, rate: number | null): string {
  return rate === null ? ctx.t("stats-none") : ctx.t("stats-percent", { value: integer(Math.round(rate * 100), ctx.locale) });
}

function days(ctx: BotContext, value: number | null): string {
  return value === null ? ctx.t("stats-none") : ctx.t("stats-days", { value: rounded(value) });
}

// ---------------------------------------------------------------------------------------------
// The report

export function reportText(ctx: BotContext, group: Named, stats: GroupStatistics): string {
  const n = (value: number) => integer(value, ctx.locale);
  const { period, cases, meetings, agencies, overdueResolutions, ratings } = stats;
  const lines = [
    ctx.t("stats-title", { group: named(group, ctx.locale) }),
    ctx.t("stats-period-range", {
      period: periodLabel(ctx, period),
      from: formatJalaliDate(jalaliToInstant(period.firstDay), ctx.locale, { monthName: true }),
      to: formatJalaliDate(jalaliToInstant(period.lastDay), ctx.locale, { monthName: true }),
    }),
    ctx.t("stats-as-of", { now: formatJalaliDate(stats.generatedAt, ctx.locale, { monthName: true, time: true }) }),
    "",
    ctx.t("stats-cases-title"),
  ];
  if (cases.reported === 0) lines.push(ctx.t("stats-cases-none"));
  else {
    lines.push(
      ctx.t("stats-cases-reported", { count: n(cases.reported), critical: n(cases.critical) }),
      ctx.t("stats-cases-by-status", {
        open: n(cases.byStatus.open),
        resolved: n(cases.byStatus.resolved),
        closed: n(cases.byStatus.closed),
        rejected: n(cases.byStatus.rejected),
        duplicate: n(cases.byStatus.duplicate),
      }),
      ctx.t("stats-cases-by-category"),
      ...cases.byCategory.map((row) => ctx.t("stats-category-line", { category: ctx.t(`category-${row.category}`), count: n(row.count) })),
      ctx.t("stats-cases-units", { count: n(cases.units) }),
    );
  }
  const dated = stats.irreversible;
  lines.push(
    dated.due === 0
      ? ctx.t("stats-irreversible-none")
      : ctx.t("stats-irreversible", { due: n(dated.due), saved: n(dated.saved), lost: n(dated.lost), unknown: n(dated.unknown) }),
  );
  if (dated.reportedAfterDate > 0) lines.push(ctx.t("stats-irreversible-late", { count: dated.reportedAfterDate }));
  lines.push(
    ctx.t("stats-first-action", { duration: duration(ctx, cases.medianFirstActionMs) }),
    ctx.t("stats-resolution-time", { duration: duration(ctx, cases.medianResolutionMs) }),
    "",
    ctx.t("stats-meetings-title"),
    ctx.t("stats-meetings-held", { committee: n(meetings.held.COMMITTEE), workingGroup: n(meetings.held.WORKING_GROUP) }),
    ctx.t("stats-resolutions", {
      total: n(meetings.resolutions.total),
      task: n(meetings.resolutions.byType.TASK),
      decision: n(meetings.resolutions.byType.DECISION),
      information: n(meetings.resolutions.byType.INFORMATION),
    }),
    ctx.t("stats-resolution-tasks", {
      open: n(meetings.resolutions.tasks.open),
      done: n(meetings.resolutions.tasks.done),
      overdue: n(meetings.resolutions.tasks.overdue),
    }),
    "",
    ctx.t("stats-agencies-title"),
  );
  if (agencies.length === 0) lines.push(ctx.t("stats-agencies-none"));
  const responseOf = new Map(stats.agencyResponse.map((row) => [row.agencyId, row]));
  agencies.forEach((agency, index) => {
    lines.push(
      ctx.t("stats-agency-line", { mark: agency.overdue > 0 ? "🔴" : "🟢", rank: n(index + 1), agency: named(agency, ctx.locale) }),
      ctx.t("stats-agency-counts", {
        assigned: n(agency.assigned),
        done: n(agency.done),
        refused: n(agency.refused),
        open: n(agency.open),
        overdue: n(agency.overdue),
      }),
      ctx.t("stats-agency-quality", { rate: percent(ctx, agency.onTimeRate), late: days(ctx, agency.averageDaysLate), extensions: n(agency.extensionRequests) }),
    );
    if (agency.refusedWithReason < agency.refused) {
      lines.push(ctx.t("stats-agency-refused-unexplained", { count: n(agency.refused - agency.refusedWithReason) }));
    }
    // Response time, gross and net of the time its clock waited on others.
    const response = responseOf.get(agency.agencyId);
    if (response && response.responded > 0) {
      lines.push(ctx.t("stats-agency-response", { gross: duration(ctx, response.medianResponseMs), net: duration(ctx, response.medianNetResponseMs) }));
    }
  });
  lines.push("", ctx.t("stats-overdue-title"));
  if (overdueResolutions.length === 0) lines.push(ctx.t("stats-overdue-none"));
  for (const row of overdueResolutions) {
    lines.push(ctx.t("stats-overdue-line", { agency: named(row, ctx.locale), count: row.count, days: row.oldestDaysOverdue }));
  }
  lines.push(
    "",
    ctx.t("stats-ratings-title"),
    ratings.count === 0 || ratings.average === null
      ? ctx.t("stats-ratings-none")
      : ctx.t("stats-ratings", { average: decimal(ratings.average, ctx.locale), count: ratings.count }),
  );
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The agency table as a file

const CSV_COLUMNS = [
  "stats-csv-agency",
  "stats-csv-assigned",
  "stats-csv-done",
  "stats-csv-done-on-time",
  "stats-csv-refused",
  "stats-csv-refused-with-reason",
  "stats-csv-open",
  "stats-csv-overdue",
  "stats-csv-cancelled",
  "stats-csv-on-time-rate",
  "stats-csv-average-days-late",
  "stats-csv-extension-requests",
] as const;

/** The agency table, worst first, Latin digits (spreadsheets compute with them). */
export function agencyCsv(ctx: BotContext, stats: GroupStatistics): Buffer {
  const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return toCsv([
    CSV_COLUMNS.map((key) => ctx.t(key)),
    ...stats.agencies.map((a) => [
      named(a, ctx.locale),
      a.assigned,
      a.done,
      a.doneOnTime,
      a.refused,
      a.refusedWithReason,
      a.open,
      a.overdue,
      a.cancelled,
      a.onTimeRate === null ? null : Math.round(a.onTimeRate * 100),
      oneDecimal(a.averageDaysLate),
      a.extensionRequests,
    ]),
  ]);
}

/** "stats-KRM-1405-09.csv", "stats-KRM-1405-q3.csv", "stats-KRM-1405.csv". */
export function csvFileName(code: string, period: StatisticsPeriod): string {
  const suffix =
    period.kind === "month" && period.month !== null
      ? `-${String(period.month).padStart(2, "0")}`
      : period.kind === "season" && period.season !== null
        ? `-q${period.season}`
        : "";
  return `stats-${code}-${period.year}${suffix}.csv`;
}

/** The file's caption: the group and the period. */
export function csvCaption(ctx: BotContext, group: Named, period: StatisticsPeriod): string {
  return truncate(ctx.t("stats-file-caption", { group: named(group, ctx.locale), period: periodLabel(ctx, period) }), 1000);
}
