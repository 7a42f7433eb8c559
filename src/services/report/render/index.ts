/**
 * CONTRACT (issue 12) — the renderers of a PeriodReport. The branch wt-report-render replaces
 * this file with the real implementation; until it is merged these throw.
 */
import type { Translator } from "../../../i18n";
import type { PeriodReport } from "../types";

export type ReportLocale = "fa" | "en";
// Every renderer takes the translator (Fluent, locales/*.ftl) for its words.

export interface RenderedChart {
  /** "topics" | "agencies-on-time" | "by-month" */
  name: string;
  png: Buffer;
  /** Caption for the photo, in the locale. */
  caption: string;
}

/** PNG charts: topics (bars), agencies' on-time share (horizontal bars, worst first), cases and resolutions by month. */
export async function renderReportCharts(_report: PeriodReport, _locale: ReportLocale, _t: Translator): Promise<RenderedChart[]> {
  throw new Error("renderReportCharts: not merged yet (wt-report-render)");
}

/** The XLSX workbook: one sheet per table. */
export async function buildReportWorkbook(_report: PeriodReport, _locale: ReportLocale, _t: Translator): Promise<Buffer> {
  throw new Error("buildReportWorkbook: not merged yet (wt-report-render)");
}

/** The document the secretariat forwards: the paragraph, the tables and the charts, one HTML file. */
export async function renderReportDocument(_report: PeriodReport, _locale: ReportLocale, _charts: RenderedChart[], _t: Translator): Promise<Buffer> {
  throw new Error("renderReportDocument: not merged yet (wt-report-render)");
}

/**
 * The seed-style paragraph ("in the first quarter 32 working-group meetings, 153 specialist-committee
 * meetings, the problems of 171 production units heard, …"), plain text in the locale, Persian digits in fa.
 */
export function renderReportParagraph(_report: PeriodReport, _locale: ReportLocale, _t: Translator): string {
  throw new Error("renderReportParagraph: not merged yet (wt-report-render)");
}
