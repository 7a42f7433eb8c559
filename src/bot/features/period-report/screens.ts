// The quarterly report's screens (the feature filters by role): the group picker, the period
// picker (this quarter, last quarter, the four before, this year, last year, a year's months, a
// typed range), and the report for a period with its files. Every screen edits the one it was
// opened from. Buttons carry a group id and a period code only; every press re-checks the
// reader's role in that group (src/services/report) from the memberships loaded for the update.
import { InlineKeyboard } from "grammy";
import { report as buttons } from "../../../buttons";
import { todayInTehran } from "../../../domain/jalali";
import { currentPeriod, hasBegun, monthPeriod, periodCode, previousPeriod, yearPeriod, type ReportPeriod } from "../../../domain/report-period";
import { localizeDigits } from "../../../domain/text";
import { localName } from "../../../i18n";
import { periodLabel, readPeriodReport, reportGroupFor, reportGroups, reportWorkingGroups } from "../../../services/report";
import type { BotContext } from "../../context";
import { groupPickerKeyboard, pickerText, type GroupSection } from "../../presenters/picker";
import { reportScreenText } from "../../presenters/report";
import { refusedOr, showScreen } from "../../reply";

const label = (ctx: BotContext, period: ReportPeriod) => periodLabel(ctx.deps.t, ctx.locale, period);
const severalGroups = (ctx: BotContext) => {
  const scope = reportGroups(ctx.user);
  return scope.all || scope.ids.length > 1;
};
const show = (workingGroupId: number, period: ReportPeriod) => buttons.show.pack({ workingGroupId, period: periodCode(period) });

/** The quarters offered: this one, the last, the four before. */
export function offeredQuarters(now: Date): ReportPeriod[] {
  const quarters = [currentPeriod("quarter", now)];
  while (quarters.length < 6) quarters.push(previousPeriod(quarters.at(-1) as ReportPeriod));
  return quarters;
}

function periodKeyboard(ctx: BotContext, workingGroupId: number): InlineKeyboard {
  const now = ctx.deps.now();
  const [thisQuarter, lastQuarter, ...before] = offeredQuarters(now) as [ReportPeriod, ReportPeriod, ...ReportPeriod[]];
  const thisYear = currentPeriod("year", now);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("report-button-this-quarter"), show(workingGroupId, thisQuarter))
    .text(ctx.t("report-button-last-quarter"), show(workingGroupId, lastQuarter))
    .row();
  before.forEach((quarter, index) => {
    keyboard.text(label(ctx, quarter), show(workingGroupId, quarter));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard
    .text(ctx.t("report-button-this-year"), show(workingGroupId, thisYear))
    .text(ctx.t("report-button-last-year"), show(workingGroupId, previousPeriod(thisYear)))
    .row()
    .text(ctx.t("report-button-months"), buttons.periods.pack({ workingGroupId, view: "months", year: thisYear.firstDay[0] }))
    .text(ctx.t("report-button-custom"), buttons.custom.pack({ workingGroupId }));
  if (severalGroups(ctx)) keyboard.row().text(ctx.t("report-button-groups"), buttons.home.pack());
  return keyboard;
}

/** The period picker of a group (the reader's role in it checked first). */
export async function showPeriodPicker(ctx: BotContext, workingGroupId: number): Promise<void> {
  const group = await refusedOr(ctx, () => reportGroupFor(ctx.deps, ctx.user, workingGroupId));
  if (!group) return;
  await showScreen(ctx, ctx.t("report-pick-period", { group: localName(group, ctx.locale) }), periodKeyboard(ctx, workingGroupId));
}

/** The months of a Jalali year that have begun, three a row, with the years either side. */
export async function showMonthPicker(ctx: BotContext, workingGroupId: number, year: number): Promise<void> {
  const group = await refusedOr(ctx, () => reportGroupFor(ctx.deps, ctx.user, workingGroupId));
  if (!group) return;
  const now = ctx.deps.now();
  const today = todayInTehran(now);
  const shownYear = Math.min(Math.max(year, 1300), today.year);
  const keyboard = new InlineKeyboard();
  let inRow = 0;
  for (let month = 1; month <= 12; month++) {
    const period = monthPeriod(shownYear, month);
    if (!hasBegun(period, now)) break;
    keyboard.text(label(ctx, period), show(workingGroupId, period));
    if (++inRow % 3 === 0) keyboard.row();
  }
  keyboard.row().text(`« ${localizeDigits(String(shownYear - 1), ctx.locale)}`, buttons.periods.pack({ workingGroupId, view: "months", year: shownYear - 1 }));
  if (shownYear < today.year) keyboard.text(`${localizeDigits(String(shownYear + 1), ctx.locale)} »`, buttons.periods.pack({ workingGroupId, view: "months", year: shownYear + 1 }));
  keyboard.row().text(ctx.t("report-button-periods"), buttons.periods.pack({ workingGroupId, view: "main", year: 0 }));
  const text = ctx.t("report-pick-month", { group: localName(group, ctx.locale), year: label(ctx, yearPeriod(shownYear)) });
  await showScreen(ctx, text, keyboard);
}

function reportKeyboard(ctx: BotContext, workingGroupId: number, period: ReportPeriod): InlineKeyboard {
  const code = periodCode(period);
  const file = (what: "charts" | "xlsx" | "doc" | "text") => buttons.file.pack({ workingGroupId, period: code, what });
  return new InlineKeyboard()
    .text(ctx.t("report-button-charts"), file("charts"))
    .text(ctx.t("report-button-workbook"), file("xlsx"))
    .row()
    .text(ctx.t("report-button-document"), file("doc"))
    .text(ctx.t("report-button-paragraph"), file("text"))
    .row()
    .text(ctx.t("report-button-periods"), buttons.periods.pack({ workingGroupId, view: "main", year: 0 }));
}

/** The report of a group for a period, with its change against the previous period. */
export async function showPeriodReport(ctx: BotContext, workingGroupId: number, period: ReportPeriod, options: { asNew?: boolean } = {}): Promise<void> {
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const loaded = await refusedOr(ctx, () => readPeriodReport(ctx.deps, ctx.user, workingGroupId, period));
  if (!loaded) return;
  await showScreen(ctx, reportScreenText(ctx, loaded.report), reportKeyboard(ctx, workingGroupId, period), options);
}

const openPicker = (group: { id: number }) => buttons.periods.pack({ workingGroupId: group.id, view: "main", year: 0 });

/** /quarterly: the one group's period picker, or a picker of the groups. */
export async function showReportHome(ctx: BotContext, at: { section?: GroupSection; page?: number } = {}): Promise<void> {
  const groups = await reportWorkingGroups(ctx.deps, ctx.user);
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return showPeriodPicker(ctx, only.id);
  const keyboard = groupPickerKeyboard(ctx, groups, { ...at, pick: openPicker, turn: (section, page) => buttons.groups.pack({ section, page }) });
  await showScreen(ctx, pickerText(ctx, ctx.t("report-pick-group"), groups.length), keyboard);
}
