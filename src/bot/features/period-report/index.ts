// Scope: private chats; the chair, secretariat and admins of a working group (read only), the
// same readers as /stats. /quarterly (and the button under /stats' report): the report the
// working group publishes at the end of a period — any Jalali month, quarter, year or typed
// range, every figure against the previous period of the same length, the charts, the workbook,
// the document and the paragraph (screens.ts, files.ts, range.ts). Everyone else is told plainly
// that it is not for them; forged buttons change nothing (the service re-checks the group).
import { Composer } from "../../composer";
import { report as buttons } from "../../../buttons";
import { periodFromCode } from "../../../domain/report-period";
import { isEmptyScope } from "../../../services/authz";
import { canReadReport, reportGroups } from "../../../services/report";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { sendReportFile } from "./files";
import { rangeFlow } from "./range";
import { showMonthPicker, showPeriodPicker, showPeriodReport, showReportHome } from "./screens";

const canReadAnyReport = (ctx: BotContext): boolean => !isEmptyScope(reportGroups(ctx.user));

const readers = new Composer<BotContext>();
readers.command("quarterly", (ctx) => showReportHome(ctx));
readers.callbackQuery(buttons.home.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showReportHome(ctx);
});
readers.callbackQuery(buttons.groups.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.groups.unpack(ctx.callbackQuery.data);
  if (p) await showReportHome(ctx, p);
});
readers.callbackQuery(buttons.periods.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.periods.unpack(ctx.callbackQuery.data);
  if (!p) return;
  if (p.view === "months") await showMonthPicker(ctx, p.workingGroupId, p.year);
  else await showPeriodPicker(ctx, p.workingGroupId);
});
readers.callbackQuery(buttons.custom.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.custom.unpack(ctx.callbackQuery.data);
  // The role is checked before the question, and again when the report is read.
  if (p && canReadReport(ctx.user, p.workingGroupId)) await rangeFlow.start(ctx, "range", { workingGroupId: p.workingGroupId });
  else await ctx.reply(ctx.t("error-not-allowed"));
});
readers.callbackQuery(buttons.show.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.show.unpack(ctx.callbackQuery.data);
  const period = p ? periodFromCode(p.period) : null;
  if (p && period) await showPeriodReport(ctx, p.workingGroupId, period);
});
readers.callbackQuery(buttons.file.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.file.unpack(ctx.callbackQuery.data);
  const period = p ? periodFromCode(p.period) : null;
  if (p && period) await sendReportFile(ctx, p.workingGroupId, period, p.what);
});

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.use(rangeFlow.composer);
chat.filter(canReadAnyReport).use(readers);
// Anyone else (a producer, an official, a revoked chair, forged data): refused.
chat.command("quarterly", staffOnly("quarterly"));
chat.callbackQuery([buttons.home.filter, buttons.groups.filter, buttons.periods.filter, buttons.custom.filter, buttons.show.filter, buttons.file.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});

export const periodReport: Feature = {
  name: "period-report",
  composer,
  commands: [{ command: "quarterly", audience: "chair", alsoFor: ["secretariat"] }],
  menu: [{ labelKey: "report-menu", callback: buttons.home.pack(), visible: canReadAnyReport }],
};
