/** The words of a period and the report's file names, for the chat and the report sent by itself. */
import { ENGLISH_MONTH_NAMES, formatJalaliYMD, PERSIAN_MONTH_NAMES } from "../../domain/jalali";
import { periodCode, type ReportPeriod } from "../../domain/report-period";
import { localizeDigits } from "../../domain/text";
import type { Locale, Translator } from "../../i18n";

const ymd = (t: readonly [number, number, number]) => formatJalaliYMD({ year: t[0], month: t[1], day: t[2] });

/** "Khordad 1405", "Quarter 1 of 1405", "Year 1405", "1405/01/10 to 1405/02/19" (Persian digits in fa). */
export function periodLabel(t: Translator, locale: Locale, period: ReportPeriod): string {
  const n = (value: number | string) => localizeDigits(String(value), locale);
  const [year, month] = period.firstDay;
  if (period.kind === "month") {
    return t(locale, "report-period-month", { month: (locale === "fa" ? PERSIAN_MONTH_NAMES : ENGLISH_MONTH_NAMES)[(period.month ?? month) - 1] ?? "", year: n(year) });
  }
  if (period.kind === "quarter") return t(locale, "report-period-quarter", { quarter: n(period.quarter ?? 1), year: n(year) });
  if (period.kind === "year") return t(locale, "report-period-year", { year: n(year) });
  return t(locale, "report-period-custom", { from: n(ymd(period.firstDay)), to: n(ymd(period.lastDay)) });
}

/** "tashil-KRM-1405-Q1", "tashil-KRM-1405-03", "tashil-KRM-1405", "tashil-KRM-14050110-14050219". */
export function reportFileStem(groupCode: string, period: ReportPeriod): string {
  const [year, month] = period.firstDay;
  const pad = (value: number) => String(value).padStart(2, "0");
  if (period.kind === "quarter") return `tashil-${groupCode}-${year}-Q${period.quarter ?? 1}`;
  if (period.kind === "month") return `tashil-${groupCode}-${year}-${pad(period.month ?? month)}`;
  if (period.kind === "year") return `tashil-${groupCode}-${year}`;
  return `tashil-${groupCode}-${periodCode(period).slice(1, 9)}-${periodCode(period).slice(9)}`;
}
