// Scope: private chats; the chair, secretariat and admins of a working group (read only).
// /stats: the group's numbers for this Jalali month, this season (the quarterly report) or
// this year — cases, meetings and resolutions, the agencies' performance worst first with the
// overdue resolutions by agency, producers' ratings — and the agency table as a CSV file.
// Buttons carry a group id and a period letter only; every press re-checks the reader's role
// in that group (readGroupStatistics) from the memberships loaded for the update.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { ENGLISH_MONTH_NAMES, formatJalaliDate, jalaliToInstant, PERSIAN_MONTH_NAMES } from "../../domain/jalali";
import { localizeDigits, splitMessage, truncate } from "../../domain/text";
import type { Locale } from "../../i18n";
import {
  durationParts,
  PERIOD_CODES,
  PERIOD_KINDS,
  periodKindFromCode,
  readGroupStatistics,
  StatisticsAccessError,
  statisticsGroups,
  statisticsWorkingGroups,
  toCsv,
  type GroupStatistics,
  type PeriodKind,
  type StatisticsPeriod,
} from "../../services/statistics";
import { isEmptyScope } from "../../services/authz";
import { cb, idFrom } from "../callback-data";
import type { BotContext } from "../context";
import { addMenuEntry } from "../menu";

type Named = { nameFa: string; nameEn: string };
const named = (row: Named, locale: Locale) => (locale === "fa" ? row.nameFa : row.nameEn);

export function canReadAnyStatistics(ctx: BotContext): boolean {
  return !isEmptyScope(statisticsGroups(ctx.user));
}

// ---------------------------------------------------------------------------------------------
// Numbers for people: Persian digits and the Persian decimal separator for fa.

function integer(value: number, locale: Locale): string {
  return localizeDigits(String(value), locale);
}

/** At most one decimal, none when whole: 3.5 → "۳٫۵", 4 → "۴". */
export function decimal(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return locale === "fa" ? localizeDigits(text.replace(".", "٫"), locale) : text;
}

function periodLabel(ctx: BotContext, period: StatisticsPeriod): string {
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
  return ctx.t(`stats-duration-${unit}`, { value: decimal(value, ctx.locale) });
}

function percent(ctx: BotContext, rate: number | null): string {
  return rate === null ? ctx.t("stats-none") : ctx.t("stats-percent", { value: integer(Math.round(rate * 100), ctx.locale) });
}

function days(ctx: BotContext, value: number | null): string {
  return value === null ? ctx.t("stats-none") : ctx.t("stats-days", { value: decimal(value, ctx.locale) });
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
  });
  lines.push("", ctx.t("stats-overdue-title"));
  if (overdueResolutions.length === 0) lines.push(ctx.t("stats-overdue-none"));
  for (const row of overdueResolutions) {
    lines.push(ctx.t("stats-overdue-line", { agency: named(row, ctx.locale), count: n(row.count), days: n(row.oldestDaysOverdue) }));
  }
  lines.push(
    "",
    ctx.t("stats-ratings-title"),
    ratings.count === 0 || ratings.average === null
      ? ctx.t("stats-ratings-none")
      : ctx.t("stats-ratings", { average: decimal(ratings.average, ctx.locale), count: n(ratings.count) }),
  );
  return lines.join("\n");
}

function reportKeyboard(ctx: BotContext, workingGroupId: number, kind: PeriodKind, severalGroups: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const option of PERIOD_KINDS) {
    const label = ctx.t(`stats-button-${option}`);
    keyboard.text(option === kind ? `• ${label}` : label, cb("st:r", workingGroupId, PERIOD_CODES[option]));
  }
  keyboard.row().text(ctx.t("stats-button-file"), cb("st:f", workingGroupId, PERIOD_CODES[kind]));
  if (severalGroups) keyboard.row().text(ctx.t("stats-button-groups"), "st:home");
  return keyboard;
}

async function load(ctx: BotContext, workingGroupId: number, kind: PeriodKind) {
  try {
    return await readGroupStatistics(ctx.deps, ctx.user, workingGroupId, kind);
  } catch (error) {
    if (!(error instanceof StatisticsAccessError)) throw error;
    await ctx.reply(ctx.t("error-not-allowed"));
    return null;
  }
}

export async function showReport(ctx: BotContext, workingGroupId: number, kind: PeriodKind): Promise<void> {
  const loaded = await load(ctx, workingGroupId, kind);
  if (!loaded) return;
  const scope = statisticsGroups(ctx.user);
  const severalGroups = scope.all || scope.ids.length > 1;
  const parts = splitMessage(reportText(ctx, loaded.group, loaded.statistics));
  const keyboard = reportKeyboard(ctx, workingGroupId, kind, severalGroups);
  for (const [index, part] of parts.entries()) {
    await ctx.reply(part, index === parts.length - 1 ? { reply_markup: keyboard } : {});
  }
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

async function sendCsv(ctx: BotContext, workingGroupId: number, kind: PeriodKind): Promise<void> {
  const loaded = await load(ctx, workingGroupId, kind);
  if (!loaded) return;
  const { group, statistics } = loaded;
  if (statistics.agencies.length === 0) {
    await ctx.reply(ctx.t("stats-file-empty"));
    return;
  }
  const caption = truncate(ctx.t("stats-file-caption", { group: named(group, ctx.locale), period: periodLabel(ctx, statistics.period) }), 1000);
  await ctx.replyWithDocument(new InputFile(agencyCsv(ctx, statistics), csvFileName(group.code, statistics.period)), { caption });
}

// ---------------------------------------------------------------------------------------------
// Entry points

async function showGroupPicker(ctx: BotContext): Promise<void> {
  const groups = await statisticsWorkingGroups(ctx.deps, ctx.user);
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return showReport(ctx, only.id, "month");
  const keyboard = new InlineKeyboard();
  groups.forEach((group, index) => {
    keyboard.text(truncate(named(group, ctx.locale), 30), cb("st:r", group.id, PERIOD_CODES.month));
    if (index % 2 === 1) keyboard.row();
  });
  await ctx.reply(ctx.t("stats-pick-group"), { reply_markup: keyboard });
}

export const statistics = new Composer<BotContext>();
const chat = statistics.chatType("private");

chat.command("stats", showGroupPicker);

chat.callbackQuery("st:home", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showGroupPicker(ctx);
});

chat.callbackQuery(/^st:([rf]):(\d+):([a-z])$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const workingGroupId = idFrom(ctx.match[2]);
  const kind = periodKindFromCode(ctx.match[3]);
  if (!workingGroupId || !kind) return;
  if (ctx.match[1] === "f") await sendCsv(ctx, workingGroupId, kind);
  else await showReport(ctx, workingGroupId, kind);
});

addMenuEntry({ labelKey: "stats-menu", callback: "st:home", visible: canReadAnyStatistics });
