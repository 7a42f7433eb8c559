/**
 * The report's tables, once, for the workbook (typed cells) and the document (formatted text):
 * summary figures with current / previous / change, meetings by kind, topics heard, topics
 * reported, the agencies' scorecard, banks, by month, units introduced by agency.
 */
import { formatJalaliYMD, jalaliToInstant, tehranOffsetMs } from "../../../domain/jalali";
import type { Translator } from "../../../i18n";
import type { Figure, NamedFigure, PeriodReport } from "../types";
import { monthName, named, periodName, rialsToTomans, year, type ReportLocale } from "./labels";

/** How a column's cells read: text, a count, a signed change, a share 0..1, one decimal, a calendar day. */
export type ColumnKind = "text" | "int" | "change" | "pct" | "decimal" | "date";
export type TableCell = string | number | Date | null;

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  width?: number;
}

export interface ReportTable {
  /** "summary" | "meetings" | "topics-heard" | "topics-reported" | "agencies" | "banks" | "by-month" | "introduced" */
  id: string;
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

/** Excel and people read a calendar day without a zone: the Tehran wall clock, carried as UTC fields. */
export function tehranWallClock(instant: Date): Date {
  return new Date(instant.getTime() + tehranOffsetMs(instant));
}

/** A Jalali day as text ("1405/01/01", Latin digits so it sorts) and as its Tehran calendar day. */
export function jalaliDate(day: readonly [number, number, number]): { text: string; date: Date } {
  const [y, m, d] = day;
  return { text: formatJalaliYMD({ year: y, month: m, day: d }), date: tehranWallClock(jalaliToInstant({ year: y, month: m, day: d })) };
}

function changeCells(figure: Figure): [number, number, number, number | null] {
  const delta = figure.current - figure.previous;
  return [figure.current, figure.previous, delta, figure.previous === 0 ? null : delta / figure.previous];
}

export function reportTables(report: PeriodReport, locale: ReportLocale, t: Translator): ReportTable[] {
  const col = (key: string) => t(locale, `period-report-col-${key}`);
  const sheet = (key: string) => t(locale, `period-report-sheet-${key}`);
  const figureColumns = (first: string): TableColumn[] => [
    { header: first, kind: "text" },
    { header: periodName(report.period, locale, t, "short"), kind: "int" },
    { header: periodName(report.previousPeriod, locale, t, "short"), kind: "int" },
    { header: col("change"), kind: "change" },
    { header: col("change-share"), kind: "pct" },
  ];
  const namedRows = (figures: NamedFigure[]): TableCell[][] => figures.map((figure) => [named(figure, locale), ...changeCells(figure.count)]);
  const meeting = (key: string) => report.meetingsHeld.find((m) => m.key === key)?.count ?? { current: 0, previous: 0 };
  const amount = report.financing.amountApprovedRials;
  const summary: Array<[string, Figure]> = [
    ["meetings-working-group", meeting("WORKING_GROUP")],
    ["meetings-committee", meeting("COMMITTEE")],
    ["units-heard", report.unitsHeard],
    ["resolutions", report.resolutionsRecorded],
    ["cases-reported", report.casesReported],
    ["cases-resolved", report.casesResolved],
    ["units-introduced", report.unitsIntroduced],
    ["financing-amount", { current: rialsToTomans(amount.current), previous: rialsToTomans(amount.previous) }],
    ["units-financed", report.financing.unitsFinanced],
    ["financing-refused", report.financing.refused],
    ["saved-before", report.irreversible.savedBefore],
    ["irreversible-after", report.irreversible.after],
  ];
  const tables: ReportTable[] = [
    {
      id: "summary",
      title: sheet("summary"),
      columns: figureColumns(col("figure")),
      rows: summary.map(([key, figure]) => [t(locale, `period-report-figure-${key}`), ...changeCells(figure)]),
    },
    { id: "meetings", title: sheet("meetings"), columns: figureColumns(col("meeting-kind")), rows: namedRows(report.meetingsHeld) },
  ];

  for (const [key, topics] of [["topics-heard", report.topicsHeard], ["topics-reported", report.topicsReported]] as const) {
    const total = topics.reduce((sum, topic) => sum + topic.count.current, 0);
    tables.push({
      id: key,
      title: sheet(key),
      columns: [...figureColumns(col("topic")), { header: col("share"), kind: "pct" }],
      rows: topics.map((topic) => [named(topic, locale), ...changeCells(topic.count), total === 0 ? null : topic.count.current / total]),
    });
  }

  const agencyColumns: Array<[string, ColumnKind]> = [
    ["agency", "text"], ["tasks-assigned", "int"], ["done-on-time", "int"], ["done-late", "int"], ["open", "int"],
    ["overdue", "int"], ["refused-with-reasons", "int"], ["refused-without-reasons", "int"], ["extensions", "int"],
    ["median-response", "decimal"], ["resolutions-assigned", "int"], ["resolutions-implemented", "int"],
    ["on-time-share", "pct"], ["implemented-share", "pct"],
  ];
  tables.push({
    id: "agencies",
    title: sheet("agencies"),
    columns: agencyColumns.map(([key, kind]) => ({ header: col(key), kind })),
    rows: report.agencies.map((a) => [
      named(a, locale), a.tasksAssigned, a.doneOnTime, a.doneLate, a.open, a.overdue, a.refusedWithReasons, a.refusedWithoutReasons,
      a.extensionsAsked, a.medianResponseHours, a.resolutionsAssigned, a.resolutionsImplemented, a.onTimeShare, a.implementedShare,
    ]),
  });

  const bankColumns: Array<[string, ColumnKind]> = [
    ["bank", "text"], ["loan-requests", "int"], ["approved", "int"], ["amount-tomans", "int"], ["refused", "int"],
    ["refused-with-reasons", "int"], ["pending", "int"],
  ];
  tables.push({
    id: "banks",
    title: sheet("banks"),
    columns: bankColumns.map(([key, kind]) => ({ header: col(key), kind, ...(key === "amount-tomans" ? { width: 22 } : {}) })),
    rows: report.banks.map((b) => [named(b, locale), b.loanRequests, b.approved, rialsToTomans(b.amountApprovedRials), b.refused, b.refusedWithReasons, b.pending]),
  });

  tables.push({
    id: "by-month",
    title: sheet("by-month"),
    columns: [
      { header: col("month"), kind: "text", width: 20 },
      { header: col("jalali"), kind: "text", width: 14 },
      { header: col("month-start"), kind: "date", width: 14 },
      { header: col("cases-reported"), kind: "int" },
      { header: col("cases-resolved"), kind: "int" },
      { header: col("resolutions"), kind: "int" },
    ],
    rows: report.byMonth.map((row) => {
      const first = jalaliDate([row.jalaliYear, row.jalaliMonth, 1]);
      const name = `${monthName(row.jalaliMonth, locale)} ${year(row.jalaliYear, locale)}`;
      return [name, first.text.slice(0, 7), first.date, row.casesReported, row.casesResolved, row.resolutionsRecorded];
    }),
  });

  tables.push({
    id: "introduced",
    title: sheet("introduced"),
    columns: figureColumns(col("agency")).slice(0, 4),
    rows: namedRows(report.unitsIntroducedByAgency).map((row) => row.slice(0, 4)),
  });
  return tables;
}
