/**
 * The report's charts as PNGs (chart.js 4 on @napi-rs/canvas, Skia with HarfBuzz shaping):
 * topics heard (columns, this period against the previous), agencies' on-time share
 * (horizontal bars, worst first) and cases and resolutions by month over the year (lines).
 *
 * Persian reads right to left: in fa the category axis runs from the right (x reversed, value
 * axis on the right), legends are right-to-left, and every number on an axis or a bar is
 * written with Persian digits by a tick callback. All text is Vazirmatn (registered from the
 * npm package), so Persian letters are joined and never fall back to boxes.
 */
import type { Plugin } from "chart.js";
import type { Translator } from "../../../i18n";
import type { PeriodReport } from "../types";
import { barValues, CHART_HEIGHT, CHART_WIDTH, COLORS, render } from "./chart-canvas";
import { REPORT_FONT } from "./fonts";
import { integer, monthName, named, periodName, previousName, year, type ReportLocale } from "./labels";

export interface RenderedChart {
  /** "topics" | "agencies-on-time" | "by-month" */
  name: string;
  png: Buffer;
  /** Caption for the photo, in the locale. */
  caption: string;
}

export { CHART_HEIGHT, CHART_WIDTH, DEVICE_PIXEL_RATIO } from "./chart-canvas";

/** A long agency name is cut here (with an ellipsis) so the bars keep their room. */
const LABEL_MAX = 34;
/** At most this many agencies, the worst: a photo stays readable; the tables list them all. */
export const MAX_AGENCY_BARS = 20;

function truncateLabel(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

function title(text: string) {
  return { display: true, text, font: { family: REPORT_FONT, size: 18, weight: "bold" as const }, padding: { top: 6, bottom: 12 } };
}

function legend(locale: ReportLocale) {
  const rtl = locale === "fa";
  return { position: "top" as const, rtl, textDirection: rtl ? "rtl" : "ltr", labels: { font: { family: REPORT_FONT, size: 13 } } };
}

async function topicsChart(report: PeriodReport, locale: ReportLocale, t: Translator): Promise<RenderedChart | null> {
  const topics = report.topicsHeard.filter((topic) => topic.count.current > 0 || topic.count.previous > 0);
  if (topics.length === 0) return null;
  const rtl = locale === "fa";
  const n = (value: number) => integer(value, locale);
  const datasets = [
    { label: periodName(report.period, locale, t, "short"), data: topics.map((topic) => topic.count.current), backgroundColor: COLORS.current },
    { label: periodName(report.previousPeriod, locale, t, "short"), data: topics.map((topic) => topic.count.previous), backgroundColor: COLORS.previous },
  ];
  const png = await render(
    {
      type: "bar",
      data: {
        labels: topics.map((topic) => truncateLabel(named(topic, locale))),
        // chart.js keeps a group's bars left to right even on a reversed axis: in fa the
        // previous period goes first so this period's bar stands on the right, read first,
        // and the legend (reversed back) names this period first too.
        datasets: rtl ? [...datasets].reverse() : datasets,
      },
      options: {
        layout: { padding: { top: 8, left: 12, right: 12, bottom: 4 } },
        plugins: { title: title(t(locale, "period-report-chart-topics")), legend: { ...legend(locale), reverse: rtl }, tooltip: { enabled: false } },
        scales: {
          x: { reverse: rtl, grid: { display: false }, ticks: { font: { family: REPORT_FONT, size: 13 } } },
          y: { position: rtl ? "right" : "left", beginAtZero: true, grace: "8%", grid: { color: COLORS.grid }, ticks: { precision: 0, callback: (value) => n(Number(value)) } },
        },
      },
      plugins: [barValues(n) as Plugin],
    },
    CHART_WIDTH,
    CHART_HEIGHT,
  );
  const caption = t(locale, "period-report-chart-topics-caption", {
    group: named(report.workingGroup, locale),
    period: periodName(report.period, locale, t),
    previous: previousName(report.period, locale, t),
  });
  return { name: "topics", png, caption };
}

function shareColor(share: number): string {
  return share < 0.5 ? COLORS.poor : share < 0.8 ? COLORS.fair : COLORS.good;
}

async function agenciesChart(report: PeriodReport, locale: ReportLocale, t: Translator): Promise<RenderedChart | null> {
  const agencies = report.agencies
    .filter((agency): agency is typeof agency & { onTimeShare: number } => agency.onTimeShare !== null)
    .sort((a, b) => a.onTimeShare - b.onTimeShare || named(a, locale).localeCompare(named(b, locale), locale))
    .slice(0, MAX_AGENCY_BARS);
  if (agencies.length === 0) return null;
  const rtl = locale === "fa";
  const pct = (value: number) => t(locale, "period-report-percent", { value: integer(value, locale) });
  const height = Math.max(320, 130 + agencies.length * 42);
  const png = await render(
    {
      type: "bar",
      data: {
        labels: agencies.map((agency) => truncateLabel(named(agency, locale))),
        datasets: [
          {
            label: t(locale, "period-report-chart-on-time"),
            data: agencies.map((agency) => Math.round(agency.onTimeShare * 100)),
            backgroundColor: agencies.map((agency) => shareColor(agency.onTimeShare)),
            barPercentage: 0.8,
          },
        ],
      },
      options: {
        indexAxis: "y",
        layout: { padding: { top: 8, left: 16, right: 16, bottom: 4 } },
        plugins: { title: title(t(locale, "period-report-chart-agencies")), legend: { display: false }, tooltip: { enabled: false } },
        scales: {
          // 0–100 %, with room for the value written after the longest bar.
          x: { reverse: rtl, min: 0, max: 110, grid: { color: COLORS.grid }, ticks: { stepSize: 20, callback: (value) => (Number(value) <= 100 ? pct(Number(value)) : "") } },
          y: { position: rtl ? "right" : "left", grid: { display: false }, ticks: { font: { family: REPORT_FONT, size: 13 } } },
        },
      },
      plugins: [barValues(pct) as Plugin],
    },
    CHART_WIDTH,
    height,
  );
  return { name: "agencies-on-time", png, caption: t(locale, "period-report-chart-agencies-caption", { period: periodName(report.period, locale, t) }) };
}

async function byMonthChart(report: PeriodReport, locale: ReportLocale, t: Translator): Promise<RenderedChart | null> {
  if (report.byMonth.length === 0) return null;
  const rtl = locale === "fa";
  const n = (value: number) => integer(value, locale);
  const series = [
    ["period-report-series-cases-reported", (row: PeriodReport["byMonth"][number]) => row.casesReported],
    ["period-report-series-cases-resolved", (row: PeriodReport["byMonth"][number]) => row.casesResolved],
    ["period-report-series-resolutions", (row: PeriodReport["byMonth"][number]) => row.resolutionsRecorded],
  ] as const;
  const png = await render(
    {
      type: "line",
      data: {
        // Two lines per month: its name, and the year under the first month and each Farvardin.
        labels: report.byMonth.map((row, index) =>
          index === 0 || row.jalaliMonth === 1 ? [monthName(row.jalaliMonth, locale), year(row.jalaliYear, locale)] : monthName(row.jalaliMonth, locale),
        ),
        datasets: series.map(([key, value], index) => ({
          label: t(locale, key),
          data: report.byMonth.map(value),
          borderColor: COLORS.series[index],
          backgroundColor: COLORS.series[index],
          borderWidth: 3,
          pointRadius: 4,
          tension: 0.25,
        })),
      },
      options: {
        layout: { padding: { top: 8, left: 12, right: 12, bottom: 4 } },
        plugins: { title: title(t(locale, "period-report-chart-by-month")), legend: legend(locale), tooltip: { enabled: false } },
        scales: {
          x: { reverse: rtl, offset: true, grid: { display: false }, ticks: { autoSkip: false, maxRotation: 0, font: { family: REPORT_FONT, size: 12 } } },
          y: { position: rtl ? "right" : "left", beginAtZero: true, grid: { color: COLORS.grid }, ticks: { precision: 0, callback: (value) => n(Number(value)) } },
        },
      },
    },
    CHART_WIDTH,
    CHART_HEIGHT,
  );
  return { name: "by-month", png, caption: t(locale, "period-report-chart-by-month-caption", { period: periodName(report.period, locale, t) }) };
}

/** Each chart by name, in the order they are sent; one returns null when it has nothing to show. */
export const CHARTS: Record<string, (report: PeriodReport, locale: ReportLocale, t: Translator) => Promise<RenderedChart | null>> = {
  topics: topicsChart,
  "agencies-on-time": agenciesChart,
  "by-month": byMonthChart,
};

/**
 * PNG charts, in this order: topics, agencies-on-time, by-month. A chart with nothing to show
 * (no topic heard in either period, no agency with a task due, no month) is left out.
 */
export async function renderReportCharts(report: PeriodReport, locale: ReportLocale, t: Translator): Promise<RenderedChart[]> {
  const charts: RenderedChart[] = [];
  // One after the other: each holds a canvas of a few megabytes until it is encoded.
  for (const chart of Object.values(CHARTS)) {
    const rendered = await chart(report, locale, t);
    if (rendered) charts.push(rendered);
  }
  return charts;
}
