// The statistics readers' screens (the feature filters by role): the group picker, the report
// for a period (the period buttons edit it in place) and the agency table as a CSV file.
// Buttons carry a group id and a period letter only; every press re-checks the reader's role
// in that group (readGroupStatistics) from the memberships loaded for the update.
import { InlineKeyboard, InputFile } from "grammy";
import { Composer } from "../../composer";
import { report as reportButtons, statistics as buttons } from "../../../buttons";
import {
  PERIOD_CODES,
  PERIOD_KINDS,
  periodKindFromCode,
  readGroupStatistics,
  statisticsGroups,
  statisticsWorkingGroups,
  type PeriodKind,
} from "../../../services/statistics";
import type { BotContext } from "../../context";
import { groupPickerKeyboard, groupSearchKeyboard, pickerText, searchNames, searchText, type GroupSection } from "../../presenters/picker";
import { agencyCsv, csvCaption, csvFileName, reportText } from "../../presenters/statistics";
import { refusedOr, showScreen } from "../../reply";
import { restartedUnits } from "../../../services/restart-plans";

function reportKeyboard(ctx: BotContext, workingGroupId: number, kind: PeriodKind, severalGroups: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const option of PERIOD_KINDS) {
    const label = ctx.t(`stats-button-${option}`);
    keyboard.text(option === kind ? `• ${label}` : label, buttons.report.pack({ workingGroupId, period: PERIOD_CODES[option] }));
  }
  keyboard.row().text(ctx.t("stats-button-file"), buttons.file.pack({ workingGroupId, period: PERIOD_CODES[kind] }));
  // The quarterly report of the same group: any period, compared, with charts and files.
  keyboard.text(ctx.t("report-button-from-stats"), reportButtons.periods.pack({ workingGroupId, view: "main", year: 0 }));
  if (severalGroups) keyboard.row().text(ctx.t("stats-button-groups"), buttons.home.pack());
  return keyboard;
}

/** A group's report for a period (edits the screen it was opened from; a long one is posted in parts). */
export async function showReport(ctx: BotContext, workingGroupId: number, kind: PeriodKind): Promise<void> {
  if (ctx.session.search === SEARCH) delete ctx.session.search;
  const loaded = await refusedOr(ctx, () => readGroupStatistics(ctx.deps, ctx.user, workingGroupId, kind));
  if (!loaded) return;
  const scope = statisticsGroups(ctx.user);
  const severalGroups = scope.all || scope.ids.length > 1;
  // Units restarted under a plan in the period (src/services/restart-plans/progress.ts).
  const restarted = await restartedUnits(ctx.deps, workingGroupId, loaded.statistics.period);
  const text = `${reportText(ctx, loaded.group, loaded.statistics)}\n\n${ctx.t("restart-stats-line", { count: restarted })}`;
  await showScreen(ctx, text, reportKeyboard(ctx, workingGroupId, kind, severalGroups));
}

/** The agency table as a file: a new message (a document), never an edit. */
async function sendCsv(ctx: BotContext, workingGroupId: number, kind: PeriodKind): Promise<void> {
  // The numbers take a moment: "sending a file…" shows at once (a failure to show it is no matter).
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const loaded = await refusedOr(ctx, () => readGroupStatistics(ctx.deps, ctx.user, workingGroupId, kind));
  if (!loaded) return;
  const { group, statistics } = loaded;
  if (statistics.agencies.length === 0) {
    await ctx.reply(ctx.t("stats-file-empty"));
    return;
  }
  const file = new InputFile(agencyCsv(ctx, statistics), csvFileName(group.code, statistics.period));
  await ctx.replyWithDocument(file, { caption: csvCaption(ctx, group, statistics.period) });
}

/** The session's mark that the statistics' group picker takes typed letters. */
const SEARCH = "stats";
const openReport = (group: { id: number }) => buttons.report.pack({ workingGroupId: group.id, period: PERIOD_CODES.month });

/** /stats and the menu entry: the one group's report, or a picker of the groups (a few typed letters find one). */
async function showGroupPicker(ctx: BotContext, at: { section?: GroupSection; page?: number } = {}): Promise<void> {
  const groups = await statisticsWorkingGroups(ctx.deps, ctx.user);
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return showReport(ctx, only.id, "month");
  ctx.session.search = SEARCH;
  const keyboard = groupPickerKeyboard(ctx, groups, { ...at, pick: openReport, turn: (section, page) => buttons.groups.pack({ section, page }) });
  await showScreen(ctx, pickerText(ctx, ctx.t("stats-pick-group"), groups.length), keyboard);
}

/** Typed letters after the picker: the groups whose Persian or English name has them. */
async function searchGroups(ctx: BotContext, query: string): Promise<void> {
  const found = searchNames(await statisticsWorkingGroups(ctx.deps, ctx.user), query);
  const keyboard = groupSearchKeyboard(ctx, found, openReport).text(ctx.t("picker-all-groups"), buttons.home.pack());
  await ctx.reply(searchText(ctx, query, found.length), { reply_markup: keyboard });
}

/** Handlers for the statistics readers only (the feature filters by role). */
export const report = new Composer<BotContext>();

report.command("stats", (ctx) => showGroupPicker(ctx));

report.callbackQuery(buttons.groups.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.groups.unpack(ctx.callbackQuery.data);
  if (p) await showGroupPicker(ctx, p);
});

report.on("message:text").filter(
  (ctx) => ctx.session.search === SEARCH && !ctx.session.flow && !ctx.msg.text.startsWith("/"),
  (ctx) => searchGroups(ctx, ctx.msg.text),
);

report.callbackQuery(buttons.home.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showGroupPicker(ctx);
});

report.callbackQuery(buttons.report.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.report.unpack(ctx.callbackQuery.data);
  const kind = periodKindFromCode(p?.period);
  if (p && kind) await showReport(ctx, p.workingGroupId, kind);
});

report.callbackQuery(buttons.file.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.file.unpack(ctx.callbackQuery.data);
  const kind = periodKindFromCode(p?.period);
  if (p && kind) await sendCsv(ctx, p.workingGroupId, kind);
});
