/**
 * The renderers of a PeriodReport (issue 12), each in its own file; every one takes the
 * translator (Fluent, locales/*.ftl, block "## report") for its words:
 *
 *   renderReportParagraph  paragraph.ts  the seed-style paragraph, plain text
 *   renderReportCharts     charts.ts     PNGs: topics, agencies' on-time share, by month
 *                          (chart-canvas.ts: chart.js on @napi-rs/canvas, fonts.ts: Vazirmatn)
 *   buildReportWorkbook    workbook.ts   the XLSX workbook, one sheet per table (tables.ts)
 *   renderReportDocument   document.ts   one self-contained HTML file: paragraph, tables, charts
 */
export type { ReportLocale } from "./labels";
export type { RenderedChart } from "./charts";

/** PNG charts: topics (bars), agencies' on-time share (horizontal bars, worst first), cases and resolutions by month. */
export { renderReportCharts } from "./charts";

/** The XLSX workbook: one sheet per table. */
export { buildReportWorkbook } from "./workbook";

/** The document the secretariat forwards: the paragraph, the tables and the charts, one HTML file. */
export { renderReportDocument } from "./document";

/**
 * The seed-style paragraph ("in the first quarter 32 working-group meetings, 153 specialist-committee
 * meetings, the problems of 171 production units heard, …"), plain text in the locale, Persian digits in fa.
 */
export { renderReportParagraph } from "./paragraph";
