// The report's files, each a new message (news, never an edit): the charts as photos, the
// workbook and the document as files, the paragraph as text to forward. The renderers are
// src/services/report/render; the figures are read again (and the reader's role re-checked).
import { InputFile } from "grammy";
import type { ReportPeriod } from "../../../domain/report-period";
import { periodLabel, readPeriodReport, reportFileStem } from "../../../services/report";
import { buildReportWorkbook, renderReportCharts, renderReportDocument, renderReportParagraph } from "../../../services/report/render";
import { localName } from "../../../i18n";
import type { BotContext } from "../../context";
import { refusedOr, replyLong } from "../../reply";

export type ReportFile = "charts" | "xlsx" | "doc" | "text";

export async function sendReportFile(ctx: BotContext, workingGroupId: number, period: ReportPeriod, what: ReportFile): Promise<void> {
  await ctx.replyWithChatAction(what === "charts" ? "upload_photo" : what === "text" ? "typing" : "upload_document").catch(() => undefined);
  const loaded = await refusedOr(ctx, () => readPeriodReport(ctx.deps, ctx.user, workingGroupId, period));
  if (!loaded) return;
  const { report, groupCode } = loaded;
  const locale = ctx.locale;
  const t = ctx.deps.t;
  const caption = ctx.t("report-file-caption", { group: localName(report.workingGroup, locale), period: periodLabel(t, locale, period) });
  const stem = reportFileStem(groupCode, period);
  switch (what) {
    case "text":
      await replyLong(ctx, renderReportParagraph(report, locale, t));
      return;
    case "charts":
      for (const chart of await renderReportCharts(report, locale, t)) {
        await ctx.replyWithPhoto(new InputFile(chart.png, `${stem}-${chart.name}.png`), { caption: chart.caption });
      }
      return;
    case "xlsx":
      await ctx.replyWithDocument(new InputFile(await buildReportWorkbook(report, locale, t), `${stem}.xlsx`), { caption });
      return;
    case "doc": {
      const charts = await renderReportCharts(report, locale, t);
      await ctx.replyWithDocument(new InputFile(await renderReportDocument(report, locale, charts, t), `${stem}.html`), { caption });
      return;
    }
  }
}
