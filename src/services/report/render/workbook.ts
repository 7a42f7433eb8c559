/**
 * The report as an XLSX workbook (exceljs): one sheet per table of tables.ts — summary figures
 * (current, previous, change), meetings by kind, topics heard, topics reported, the agencies'
 * scorecard, banks, by month, units introduced by agency. Sheets read right to left in fa.
 *
 * Cells keep their types so people can compute with them: counts are numbers ("#,##0"), shares
 * are numbers shown as percentages ("0%"), amounts are tomans as numbers, real dates are dates
 * (the Tehran calendar day, not the UTC instant) and Jalali dates are text ("1405/01/01", Latin
 * digits so they sort; the project's CSV does the same).
 */
// exceljs (~29 MB resident) is loaded on the first workbook a process writes, not at start.
import type ExcelJS from "exceljs";
const loadExcel = async () => (await import("exceljs")).default;
import type { Translator } from "../../../i18n";
import type { PeriodReport } from "../types";
import { named, periodName, type ReportLocale } from "./labels";
import { jalaliDate, reportTables, tehranWallClock, type ColumnKind, type ReportTable, type TableCell } from "./tables";

type Kind = ColumnKind | "datetime";

const FORMATS: Record<Exclude<Kind, "text">, string> = {
  int: "#,##0",
  change: "+#,##0;-#,##0;0",
  pct: "0%",
  decimal: "#,##0.0",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(text: string, taken: Set<string>): string {
  let name = text.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "Sheet";
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${name.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function typed(cell: ExcelJS.Cell, value: TableCell, kind: Kind): void {
  cell.value = value;
  if (value !== null && kind !== "text") cell.numFmt = FORMATS[kind];
}

/** A sheet with `lead` rows above the table (a title, the period's dates), then the table. */
function addSheet(workbook: ExcelJS.Workbook, taken: Set<string>, locale: ReportLocale, table: ReportTable, lead: Array<Array<[TableCell, Kind]>> = []): void {
  const headerRow = lead.length === 0 ? 1 : lead.length + 2;
  const sheet = workbook.addWorksheet(sheetName(table.title, taken), {
    views: [{ rightToLeft: locale === "fa", state: "frozen", ySplit: headerRow, xSplit: 0 }],
  });
  for (const [index, cells] of lead.entries()) {
    for (const [column, [value, kind]] of cells.entries()) typed(sheet.getCell(index + 1, column + 1), value, kind);
  }
  if (lead.length > 0) sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const header = sheet.getRow(headerRow);
  for (const [index, column] of table.columns.entries()) {
    header.getCell(index + 1).value = column.header;
    sheet.getColumn(index + 1).width = column.width ?? (column.kind === "text" ? 34 : 16);
  }
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  for (const [offset, row] of table.rows.entries()) {
    const target = sheet.getRow(headerRow + 1 + offset);
    for (const [index, column] of table.columns.entries()) typed(target.getCell(index + 1), row[index] ?? null, column.kind);
  }
}

export async function buildReportWorkbook(report: PeriodReport, locale: ReportLocale, t: Translator): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Tashil";
  workbook.created = report.generatedAt;
  const taken = new Set<string>();
  const col = (key: string) => t(locale, `period-report-col-${key}`);
  const from = jalaliDate(report.period.firstDay);
  const to = jalaliDate(report.period.lastDay);
  for (const table of reportTables(report, locale, t)) {
    // The summary opens with the title and the period's first and last days (Jalali text, real date).
    const lead: Array<Array<[TableCell, Kind]>> =
      table.id === "summary"
        ? [
            [[t(locale, "period-report-title", { group: named(report.workingGroup, locale), period: periodName(report.period, locale, t) }), "text"]],
            [[col("from"), "text"], [from.text, "text"], [from.date, "date"]],
            [[col("to"), "text"], [to.text, "text"], [to.date, "date"]],
            [[col("generated"), "text"], [null, "text"], [tehranWallClock(report.generatedAt), "datetime"]],
          ]
        : [];
    addSheet(workbook, taken, locale, table, lead);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
