/**
 * The report as one self-contained HTML file the secretariat can forward and open anywhere, a
 * phone included: the title and the period, the seed-style paragraph, then the tables (each
 * chart right after the table it pictures), all text escaped. Nothing is fetched: Vazirmatn is
 * embedded (@font-face with data: URLs of the package's woff2 files, with system fonts after it)
 * and the charts are data: PNGs. Right to left with lang=fa in Persian; print CSS for A4.
 */
import { readFileSync } from "node:fs";
import { formatJalaliDate } from "../../../domain/jalali";
import { localizeDigits } from "../../../domain/text";
import type { Translator } from "../../../i18n";
import type { PeriodReport } from "../types";
import type { RenderedChart } from "./charts";
import { vazirmatnFile } from "./fonts";
import { decimal, integer, jalaliDayLabel, named, percent, periodName, type ReportLocale } from "./labels";
import { renderReportParagraph } from "./paragraph";
import { reportTables, type ColumnKind, type ReportTable, type TableCell } from "./tables";

/** Which table each chart follows; a chart not listed goes to a section of its own at the end. */
const CHART_AFTER: Record<string, string> = { topics: "topics-heard", "agencies-on-time": "agencies", "by-month": "by-month" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

let fontFaces: string | null = null;

/** Vazirmatn regular and bold as @font-face rules with data: URLs (read once per process). */
function embeddedFonts(): string {
  fontFaces ??= ([["Regular", 400], ["Bold", 700]] as const)
    .map(([weight, cssWeight]) => {
      const data = readFileSync(vazirmatnFile("webfonts", weight)).toString("base64");
      return `@font-face{font-family:"Vazirmatn";src:url(data:font/woff2;base64,${data}) format("woff2");font-weight:${cssWeight};font-style:normal;font-display:swap}`;
    })
    .join("\n");
  return fontFaces;
}

const STYLE = `
:root{--ink:#1d2731;--muted:#5b6770;--line:#d9e0e5;--head:#eef3f6;--accent:#1f6f8b}
*{box-sizing:border-box}
body{margin:0;padding:16px;font-family:"Vazirmatn",Tahoma,"Segoe UI","Noto Naskh Arabic","DejaVu Sans",sans-serif;color:var(--ink);background:#fff;line-height:1.75;font-size:16px}
main{max-width:960px;margin:0 auto}
h1{font-size:1.35rem;line-height:1.5;margin:0 0 4px;color:var(--accent)}
h2{font-size:1.1rem;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
.meta{color:var(--muted);font-size:.9rem;margin:0}
.paragraph{font-size:1.05rem;text-align:justify;background:#f7fafb;border-inline-start:4px solid var(--accent);padding:12px 16px;margin:16px 0}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92rem;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:6px 8px;vertical-align:middle}
th{background:var(--head);font-weight:700;text-align:center}
td{text-align:start}
td.n{text-align:center;white-space:nowrap}
tbody tr:nth-child(even) td{background:#fbfcfd}
figure{margin:16px 0}
figure img{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
figcaption{color:var(--muted);font-size:.9rem;margin-top:4px}
footer{color:var(--muted);font-size:.8rem;margin-top:32px;border-top:1px solid var(--line);padding-top:8px}
@media (max-width:600px){body{padding:10px;font-size:15px}table{font-size:.85rem}th,td{padding:4px 6px}}
@page{size:A4;margin:14mm}
@media print{body{padding:0;font-size:10.5pt}.table-wrap{overflow:visible}table,figure{break-inside:avoid}h2{break-after:avoid}figure img{border:none;max-height:120mm;width:auto;max-width:100%}.paragraph{background:none}}
`;

/** A cell for people: the locale's digits, signs and percentages kept left to right. */
function cellHtml(value: TableCell, kind: ColumnKind, locale: ReportLocale, t: Translator): string {
  if (value === null) return `<td class="n">${escapeHtml(t(locale, "period-report-none"))}</td>`;
  if (kind === "text" || typeof value === "string") return `<td>${escapeHtml(String(value))}</td>`;
  let text: string;
  if (value instanceof Date) text = localizeDigits(value.toISOString().slice(0, 10), locale);
  else if (kind === "change") text = value > 0 ? `+${integer(value, locale)}` : value < 0 ? `−${integer(-value, locale)}` : integer(0, locale);
  else if (kind === "pct") text = value < 0 ? `−${percent(-value, locale, t)}` : percent(value, locale, t);
  else if (kind === "decimal") text = decimal(value, locale);
  else text = integer(value, locale);
  return `<td class="n"><bdi dir="ltr">${escapeHtml(text)}</bdi></td>`;
}

function tableHtml(table: ReportTable, locale: ReportLocale, t: Translator): string {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join("");
  const rows =
    table.rows.length === 0
      ? `<tr><td class="n" colspan="${table.columns.length}">${escapeHtml(t(locale, "period-report-none"))}</td></tr>`
      : table.rows.map((row) => `<tr>${table.columns.map((column, index) => cellHtml(row[index] ?? null, column.kind, locale, t)).join("")}</tr>`).join("\n");
  return `<section id="${escapeHtml(table.id)}">\n<h2>${escapeHtml(table.title)}</h2>\n<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div>`;
}

function chartHtml(chart: RenderedChart): string {
  const caption = escapeHtml(chart.caption);
  return `<figure id="chart-${escapeHtml(chart.name)}"><img src="data:image/png;base64,${chart.png.toString("base64")}" alt="${caption}"><figcaption>${caption}</figcaption></figure>`;
}

/** The document the secretariat forwards: the paragraph, the tables and the charts, one HTML file (UTF-8). */
export async function renderReportDocument(report: PeriodReport, locale: ReportLocale, charts: RenderedChart[], t: Translator): Promise<Buffer> {
  const fa = locale === "fa";
  const title = t(locale, "period-report-title", { group: named(report.workingGroup, locale), period: periodName(report.period, locale, t) });
  const range = t(locale, "period-report-range", { from: jalaliDayLabel(report.period.firstDay, locale), to: jalaliDayLabel(report.period.lastDay, locale) });
  const generated = t(locale, "period-report-generated", { at: formatJalaliDate(report.generatedAt, locale, { monthName: true, time: true }) });

  const sections: string[] = [];
  const placed = new Set<string>();
  for (const table of reportTables(report, locale, t)) {
    sections.push(tableHtml(table, locale, t));
    for (const chart of charts.filter((c) => CHART_AFTER[c.name] === table.id)) {
      sections.push(chartHtml(chart));
      placed.add(chart.name);
    }
    sections.push("</section>");
  }
  const rest = charts.filter((chart) => !placed.has(chart.name));
  if (rest.length > 0) sections.push(`<section id="charts"><h2>${escapeHtml(t(locale, "period-report-doc-charts"))}</h2>\n${rest.map(chartHtml).join("\n")}</section>`);

  const html = `<!doctype html>
<html lang="${fa ? "fa" : "en"}" dir="${fa ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${embeddedFonts()}
${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(range)} · ${escapeHtml(generated)}</p>
</header>
<p class="paragraph">${escapeHtml(renderReportParagraph(report, locale, t))}</p>
${sections.join("\n")}
<footer>${escapeHtml(t(locale, "period-report-doc-footer"))}</footer>
</main>
</body>
</html>
`;
  return Buffer.from(html, "utf8");
}
