/**
 * The report as an XLSX workbook (exceljs): one sheet per table — summary figures (current,
 * previous, change), meetings by kind, topics heard, topics reported, the agencies' scorecard,
 * banks, by month, units introduced by agency. Sheets read right to left in fa.
 *
 * Cells keep their types so people can compute with them: counts are numbers ("#,##0"), shares
 * are numbers shown as percentages ("0%"), amounts are tomans as numbers, real dates are dates
 * (the Tehran calendar day, not the UTC instant) and Jalali dates are text ("1405/01/01", Latin
 * digits so they sort; the project's CSV does the same).
 */
import ExcelJS from "exceljs";
import { formatJalaliYMD, jalaliToInstant, tehranOffsetMs } from "../../../domain/jalali";
import type { Translator } from "../../../i18n";
import type { Figure, NamedFigure, PeriodReport } from "../types";
import { monthName, named, periodName, rialsToTomans, year, type ReportLocale } from "./labels";

type Kind = "text" | "int" | "change" | "pct" | "decimal" | "date" | "datetime";
type Cell = string | number | Date | null;

interface Column {
  header: string;
  kind: Kind;
  width?: number;
}

const FORMATS: Record<Exclude<Kind, "text">, string> = {
  int: "#,##0",
  change: "+#,##0;-#,##0;0",
  pct: "0%",
  decimal: "#,##0.0",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** Excel stores dates without a zone: the Tehran wall-clock time, carried as UTC fields. */
export function tehranWallClock(instant: Date): Date {
  return new Date(instant.getTime() + tehranOffsetMs(instant));
}

function jalaliDate(day: readonly [number, number, number]): { text: string; date: Date } {
  const [y, m, d] = day;
  return { text: formatJalaliYMD({ year: y, month: m, day: d }), date: tehranWallClock(jalaliToInstant({ year: y, month: m, day: d })) };
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(text: string, taken: Set<string>): string {
  let name = text.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "Sheet";
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${text.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function typed(cell: ExcelJS.Cell, value: Cell, kind: Kind): void {
  cell.value = value;
  if (value !== null && kind !== "text") cell.numFmt = FORMATS[kind];
}

class Book {
  readonly workbook = new ExcelJS.Workbook();
  private readonly taken = new Set<string>();

  constructor(private readonly locale: ReportLocale) {}

  /** A sheet with `lead` rows above the table (a title, the period's dates), then the table. */
  sheet(title: string, columns: Column[], rows: Cell[][], lead: Array<Array<[Cell, Kind]>> = []): ExcelJS.Worksheet {
    const headerRow = lead.length === 0 ? 1 : lead.length + 2;
    const sheet = this.workbook.addWorksheet(sheetName(title, this.taken), {
      views: [{ rightToLeft: this.locale === "fa", state: "frozen", ySplit: headerRow, xSplit: 0 }],
    });
    for (const [index, cells] of lead.entries()) {
      for (const [column, [value, kind]] of cells.entries()) typed(sheet.getCell(index + 1, column + 1), value, kind);
    }
    if (lead.length > 0) sheet.getCell(1, 1).font = { bold: true, size: 13 };
    const header = sheet.getRow(headerRow);
    for (const [index, column] of columns.entries()) {
      header.getCell(index + 1).value = column.header;
      sheet.getColumn(index + 1).width = column.width ?? (column.kind === "text" ? 34 : 16);
    }
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    for (const [offset, row] of rows.entries()) {
      const target = sheet.getRow(headerRow + 1 + offset);
      for (const [index, column] of columns.entries()) typed(target.getCell(index + 1), row[index] ?? null, column.kind);
    }
    return sheet;
  }
}

function changeCells(figure: Figure): [number, number, number, number | null] {
  const delta = figure.current - figure.previous;
  return [figure.current, figure.previous, delta, figure.previous === 0 ? null : delta / figure.previous];
}

export async function buildReportWorkbook(report: PeriodReport, locale: ReportLocale, t: Translator): Promise<Buffer> {
  const book = new Book(locale);
  const col = (key: string) => t(locale, `period-report-col-${key}`);
  const current = periodName(report.period, locale, t, "short");
  const previous = periodName(report.previousPeriod, locale, t, "short");
  const figureColumns = (first: string): Column[] => [
    { header: first, kind: "text" },
    { header: current, kind: "int" },
    { header: previous, kind: "int" },
    { header: col("change"), kind: "change" },
    { header: col("change-share"), kind: "pct" },
  ];
  const namedRows = (figures: NamedFigure[]) => figures.map((figure) => [named(figure, locale), ...changeCells(figure.count)]);
  book.workbook.creator = "Tashil";
  book.workbook.created = report.generatedAt;

  // Summary: the title, the period's first and last days (Jalali text and real date), then the figures.
  const from = jalaliDate(report.period.firstDay);
  const to = jalaliDate(report.period.lastDay);
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
  book.sheet(
    t(locale, "period-report-sheet-summary"),
    figureColumns(col("figure")),
    summary.map(([key, figure]) => [t(locale, `period-report-figure-${key}`), ...changeCells(figure)]),
    [
      [[t(locale, "period-report-title", { group: named(report.workingGroup, locale), period: periodName(report.period, locale, t) }), "text"]],
      [[col("from"), "text"], [from.text, "text"], [from.date, "date"]],
      [[col("to"), "text"], [to.text, "text"], [to.date, "date"]],
      [[col("generated"), "text"], [null, "text"], [tehranWallClock(report.generatedAt), "datetime"]],
    ],
  );

  book.sheet(t(locale, "period-report-sheet-meetings"), figureColumns(col("meeting-kind")), namedRows(report.meetingsHeld));

  for (const [key, topics] of [["topics-heard", report.topicsHeard], ["topics-reported", report.topicsReported]] as const) {
    const total = topics.reduce((sum, topic) => sum + topic.count.current, 0);
    book.sheet(
      t(locale, `period-report-sheet-${key}`),
      [...figureColumns(col("topic")), { header: col("share"), kind: "pct" }],
      topics.map((topic) => [named(topic, locale), ...changeCells(topic.count), total === 0 ? null : topic.count.current / total]),
    );
  }

  const agencyColumns: Array<[string, Kind]> = [
    ["agency", "text"], ["tasks-assigned", "int"], ["done-on-time", "int"], ["done-late", "int"], ["open", "int"],
    ["overdue", "int"], ["refused-with-reasons", "int"], ["refused-without-reasons", "int"], ["extensions", "int"],
    ["median-response", "decimal"], ["resolutions-assigned", "int"], ["resolutions-implemented", "int"],
    ["on-time-share", "pct"], ["implemented-share", "pct"],
  ];
  book.sheet(
    t(locale, "period-report-sheet-agencies"),
    agencyColumns.map(([key, kind]) => ({ header: col(key), kind })),
    report.agencies.map((a) => [
      named(a, locale), a.tasksAssigned, a.doneOnTime, a.doneLate, a.open, a.overdue, a.refusedWithReasons, a.refusedWithoutReasons,
      a.extensionsAsked, a.medianResponseHours, a.resolutionsAssigned, a.resolutionsImplemented, a.onTimeShare, a.implementedShare,
    ]),
  );

  const bankColumns: Array<[string, Kind]> = [
    ["bank", "text"], ["loan-requests", "int"], ["approved", "int"], ["amount-tomans", "int"], ["refused", "int"],
    ["refused-with-reasons", "int"], ["pending", "int"],
  ];
  book.sheet(
    t(locale, "period-report-sheet-banks"),
    bankColumns.map(([key, kind]) => ({ header: col(key), kind, ...(key === "amount-tomans" ? { width: 22 } : {}) })),
    report.banks.map((b) => [named(b, locale), b.loanRequests, b.approved, rialsToTomans(b.amountApprovedRials), b.refused, b.refusedWithReasons, b.pending]),
  );

  book.sheet(
    t(locale, "period-report-sheet-by-month"),
    [
      { header: col("month"), kind: "text", width: 20 },
      { header: col("jalali"), kind: "text", width: 14 },
      { header: col("month-start"), kind: "date", width: 14 },
      { header: col("cases-reported"), kind: "int" },
      { header: col("cases-resolved"), kind: "int" },
      { header: col("resolutions"), kind: "int" },
    ],
    report.byMonth.map((row) => {
      const first = jalaliDate([row.jalaliYear, row.jalaliMonth, 1]);
      return [
        `${monthName(row.jalaliMonth, locale)} ${year(row.jalaliYear, locale)}`,
        first.text.slice(0, 7),
        first.date,
        row.casesReported,
        row.casesResolved,
        row.resolutionsRecorded,
      ];
    }),
  );

  book.sheet(
    t(locale, "period-report-sheet-introduced"),
    figureColumns(col("agency")).slice(0, 4),
    namedRows(report.unitsIntroducedByAgency).map((row) => row.slice(0, 4)),
  );

  return Buffer.from(await book.workbook.xlsx.writeBuffer());
}
