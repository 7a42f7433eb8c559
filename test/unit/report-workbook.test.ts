/**
 * The report's workbook, read back with exceljs: the sheets, right to left in fa, and cells
 * that keep their types (numbers with separators, shares as percentages, real dates as dates,
 * Jalali dates as text).
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n";
import { buildReportWorkbook } from "../../src/services/report/render/workbook";
import { reportFixture } from "../support/report-fixture";

const t = translatorFor(createI18n("fa"));

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((s) => s.name).join(", ")}`);
  return found;
}

/** A row's values from column 1 (exceljs keeps index 0 empty). */
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as ExcelJS.CellValue[]).slice(1);

describe("buildReportWorkbook", () => {
  it("has one right-to-left sheet per table in fa", async () => {
    const buffer = await buildReportWorkbook(reportFixture(), "fa", t);
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK"); // a zip, as XLSX is
    const workbook = await read(buffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "خلاصه", "جلسات", "موضوعات جلسات", "موضوعات پرونده‌ها", "دستگاه‌های اجرایی", "بانک‌ها", "ماه به ماه", "واحدهای معرفی‌شده",
    ]);
    for (const ws of workbook.worksheets) expect(ws.views[0]?.rightToLeft).toBe(true);
  });

  it("writes the summary with the period's dates as text and as dates, figures as numbers", async () => {
    const workbook = await read(await buildReportWorkbook(reportFixture(), "fa", t));
    const ws = sheet(workbook, "خلاصه");
    expect(ws.getCell("A1").value).toBe("گزارش کارگروه تسهیل و رفع موانع تولید خوزستان — سه‌ماهه نخست سال ۱۴۰۵");
    // 1 Farvardin 1405 = 21 March 2026 and 31 Khordad 1405 = 21 June 2026, Tehran calendar days.
    expect(values(ws, 2)).toEqual(["آغاز دوره", "1405/01/01", new Date(Date.UTC(2026, 2, 21))]);
    expect(values(ws, 3)).toEqual(["پایان دوره", "1405/03/31", new Date(Date.UTC(2026, 5, 21))]);
    expect(ws.getCell("C2").type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    // Prepared 2 Tir 1405 08:30 in Tehran (05:00 UTC).
    expect(ws.getCell("C4").value).toEqual(new Date(Date.UTC(2026, 5, 23, 8, 30)));

    expect(values(ws, 6)).toEqual(["شاخص", "بهار ۱۴۰۵", "زمستان ۱۴۰۴", "تغییر", "درصد تغییر"]);
    const rows = Object.fromEntries([...Array(12).keys()].map((i) => values(ws, 7 + i)).map((row) => [row[0], row.slice(1)]));
    expect(rows["جلسات کارگروه"]).toEqual([32, 28, 4, 4 / 28]);
    expect(rows["جلسات کمیته تخصصی"]).toEqual([153, 160, -7, -7 / 160]);
    expect(rows["واحدهای تولیدی رسیدگی‌شده"]).toEqual([171, 149, 22, 22 / 149]);
    expect(rows["مصوبات"]).toEqual([204, 140, 64, 64 / 140]);
    expect(rows["تسهیلات موافقت‌شده (تومان)"]).toEqual([175_000_000_000, 121_000_000_000, 54_000_000_000, 54 / 121]);
    expect(rows["واحدهای دریافت‌کننده تسهیلات"]).toEqual([75, 58, 17, 17 / 58]);
    expect(ws.getCell("B7").type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell("B7").numFmt).toBe("#,##0");
    expect(ws.getCell("D8").numFmt).toBe("+#,##0;-#,##0;0");
    expect(ws.getCell("E7").numFmt).toBe("0%");
  });

  it("keeps the topics, the agencies' scorecard, the banks and the months as typed cells", async () => {
    const workbook = await read(await buildReportWorkbook(reportFixture(), "fa", t));
    const topics = sheet(workbook, "موضوعات جلسات");
    expect(values(topics, 1)).toEqual(["موضوع", "بهار ۱۴۰۵", "زمستان ۱۴۰۴", "تغییر", "درصد تغییر", "سهم از کل"]);
    expect(values(topics, 2)).toEqual(["تکلیف بدهی‌های معوق", 87, 71, 16, 16 / 71, 87 / 204]);
    expect(values(topics, 4)?.slice(0, 2)).toEqual(["درخواست تسهیلات و تأمین مالی", 39]);
    expect(topics.getCell("F2").numFmt).toBe("0%");

    const agencies = sheet(workbook, "دستگاه‌های اجرایی");
    expect(agencies.rowCount).toBe(1 + 8);
    const environment = values(agencies, 8);
    expect(environment[0]).toBe("اداره کل حفاظت محیط زیست");
    expect(environment.slice(1, 12)).toEqual([14, 5, 6, 3, 3, 1, 1, 3, 210, 8, 4]);
    expect(environment[12]).toBeCloseTo(5 / 14, 10);
    expect(environment[13]).toBe(0.5);
    // Nothing due: the shares are empty cells, not zeros.
    const estates = agencies.getRow(9);
    expect(estates.getCell(13).type).toBe(ExcelJS.ValueType.Null);
    expect(estates.getCell(10).type).toBe(ExcelJS.ValueType.Null);
    expect(agencies.getCell("J2").numFmt).toBe("#,##0.0");

    const banks = sheet(workbook, "بانک‌ها");
    expect(values(banks, 1)).toEqual(["بانک", "درخواست‌های تسهیلات", "موافقت‌شده", "مبلغ موافقت‌شده (تومان)", "ردشده", "رد با دلیل مکتوب", "در انتظار"]);
    expect(values(banks, 2)).toEqual(["بانک ملی ایران", 41, 34, 80_000_000_000, 5, 3, 2]);
    expect(banks.getCell("D2").numFmt).toBe("#,##0");

    const months = sheet(workbook, "ماه به ماه");
    expect(months.rowCount).toBe(13);
    expect(values(months, 2)).toEqual(["تیر ۱۴۰۴", "1404/04", new Date(Date.UTC(2025, 5, 22)), 48, 31, 41]);
    expect(values(months, 13)).toEqual(["خرداد ۱۴۰۵", "1405/03", new Date(Date.UTC(2026, 4, 22)), 68, 63, 76]);
    expect(months.getCell("C2").type).toBe(ExcelJS.ValueType.Date);

    const introduced = sheet(workbook, "واحدهای معرفی‌شده");
    expect(values(introduced, 2)).toEqual(["سازمان تأمین اجتماعی", 110, 64, 46]);
  });

  it("writes English left to right", async () => {
    const workbook = await read(await buildReportWorkbook(reportFixture(), "en", t));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Summary", "Meetings", "Topics heard", "Topics reported", "Agencies", "Banks", "By month", "Units introduced",
    ]);
    for (const ws of workbook.worksheets) expect(ws.views[0]?.rightToLeft).toBe(false);
    const summary = sheet(workbook, "Summary");
    expect(values(summary, 6)).toEqual(["Figure", "Spring 1405", "Winter 1404", "Change", "Change %"]);
    expect(values(summary, 7)).toEqual(["Working-group meetings", 32, 28, 4, 4 / 28]);
    expect(values(sheet(workbook, "By month"), 2)?.[0]).toBe("Tir 1404");
  });
});
