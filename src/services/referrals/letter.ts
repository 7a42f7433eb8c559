/**
 * The batch referral's letter to the agency: one spreadsheet (XLSX, right to left in Persian)
 * naming the working group, the agency, the request and the deadline, then one row per unit
 * referred with its tracking code and its national id as the app shows it (Persian digits in
 * Persian). Sent to each official in their language through the outbox as a document.
 */
// exceljs (~29 MB resident) is loaded on the first workbook a process writes, not at start.
const loadExcel = async () => (await import("exceljs")).default;
import { formatJalaliDate } from "../../domain/jalali";
import { localizeDigits } from "../../domain/text";
import { localName, type Locale, type Translator } from "../../i18n";
import type { Deps } from "../../deps";
import type { InlineDocument } from "../outbox";

type Named = { nameFa: string; nameEn: string };

export interface LetterRow {
  trackingCode: string;
  unitName: string;
  legalId: string;
  county: Named;
  estate: Named | null;
  category: string;
}

export interface LetterData {
  batchId: number;
  group: Named;
  agency: Named;
  request: string;
  dueAt: Date;
  createdAt: Date;
  rows: LetterRow[];
}

export const LETTER_HEADER_ROWS = 7;

export async function buildReferralLetter(t: Translator, locale: Locale, letter: LetterData): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Tashil";
  workbook.created = letter.createdAt;
  const sheet = workbook.addWorksheet(t(locale, "batch-letter-sheet"), { views: [{ rightToLeft: locale === "fa" }] });
  const digits = (n: number) => localizeDigits(String(n), locale);
  sheet.addRow([t(locale, "batch-letter-title", { group: localName(letter.group, locale), number: digits(letter.batchId) })]).font = { bold: true, size: 14 };
  sheet.addRow([t(locale, "batch-letter-to"), localName(letter.agency, locale)]);
  sheet.addRow([t(locale, "batch-letter-date"), formatJalaliDate(letter.createdAt, locale, { monthName: true })]);
  sheet.addRow([t(locale, "batch-letter-request"), letter.request]);
  sheet.addRow([t(locale, "batch-letter-deadline"), formatJalaliDate(letter.dueAt, locale, { monthName: true, weekday: true })]);
  sheet.addRow([t(locale, "batch-letter-count"), digits(letter.rows.length)]);
  const header = sheet.addRow(["#", "code", "unit", "legal-id", "county", "estate", "category"].map((key) => (key === "#" ? "#" : t(locale, `batch-letter-col-${key}`))));
  header.font = { bold: true };
  letter.rows.forEach((row, index) => {
    sheet.addRow([
      digits(index + 1),
      row.trackingCode,
      row.unitName,
      localizeDigits(row.legalId, locale),
      localName(row.county, locale),
      row.estate ? localName(row.estate, locale) : "—",
      t(locale, `category-${row.category}`),
    ]);
  });
  sheet.columns.forEach((column, index) => {
    column.width = [6, 18, 32, 16, 16, 20, 24][index] ?? 16;
  });
  sheet.getRow(4).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function letterFileName(batchId: number): string {
  return `referral-${batchId}.xlsx`;
}

export async function letterDocument(t: Translator, locale: Locale, letter: LetterData): Promise<InlineDocument> {
  const bytes = await buildReferralLetter(t, locale, letter);
  return { filename: letterFileName(letter.batchId), contentBase64: bytes.toString("base64") };
}

/** The letter's content, read back from the batch and its tasks (the same for the officials and the clerk's copy). */
export async function letterData(db: Pick<Deps["db"], "referralBatch">, batchId: number): Promise<LetterData> {
  const batch = await db.referralBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: {
      id: true,
      request: true,
      dueAt: true,
      createdAt: true,
      workingGroup: { select: { nameFa: true, nameEn: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      tasks: {
        orderBy: { id: "asc" },
        select: {
          case: {
            select: {
              trackingCode: true,
              category: true,
              unit: {
                select: {
                  name: true,
                  legalId: true,
                  county: true,
                  countyRef: { select: { nameFa: true, nameEn: true } },
                  industrialEstate: { select: { nameFa: true, nameEn: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  return {
    batchId: batch.id,
    group: batch.workingGroup,
    agency: batch.agency,
    request: batch.request,
    dueAt: batch.dueAt,
    createdAt: batch.createdAt,
    rows: batch.tasks.map(({ case: c }) => ({
      trackingCode: c.trackingCode,
      unitName: c.unit.name,
      legalId: c.unit.legalId,
      county: c.unit.countyRef ?? { nameFa: c.unit.county, nameEn: c.unit.county },
      estate: c.unit.industrialEstate,
      category: c.category,
    })),
  };
}
