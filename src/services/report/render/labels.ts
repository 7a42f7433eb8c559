/**
 * Words and numbers shared by the four renderers: the period's name (long for sentences and
 * titles, short for legends and column headers), the previous period's, digits, percentages.
 * Counts go to Fluent as numbers (it writes Persian digits and picks plurals); years and dates
 * go as text (a year is not grouped: ۱۴۰۵, not ۱٬۴۰۵).
 */
import { ENGLISH_MONTH_NAMES, formatJalaliDate, jalaliToInstant, PERSIAN_MONTH_NAMES } from "../../../domain/jalali";
import { localizeDigits } from "../../../domain/text";
import type { Translator } from "../../../i18n";
import type { ReportPeriod } from "../types";

export type ReportLocale = "fa" | "en";

export function monthName(month: number, locale: ReportLocale): string {
  return (locale === "fa" ? PERSIAN_MONTH_NAMES : ENGLISH_MONTH_NAMES)[month - 1] ?? String(month);
}

export function year(value: number, locale: ReportLocale): string {
  return localizeDigits(String(value), locale);
}

/** "۱ فروردین ۱۴۰۵" / "1 Farvardin 1405" for a Jalali [year, month, day]. */
export function jalaliDayLabel(day: readonly [number, number, number], locale: ReportLocale): string {
  const [y, m, d] = day;
  return formatJalaliDate(jalaliToInstant({ year: y, month: m, day: d }), locale, { monthName: true });
}

/** "1405/01/01" in the locale's digits. */
export function jalaliDayText(day: readonly [number, number, number], locale: ReportLocale): string {
  const [y, m, d] = day;
  return formatJalaliDate(jalaliToInstant({ year: y, month: m, day: d }), locale);
}

/**
 * The period's name. long: "سه‌ماهه نخست سال ۱۴۰۵" / "the first quarter of 1405", "فروردین ۱۴۰۵",
 * "سال ۱۴۰۵", "دوره ۱ فروردین ۱۴۰۵ تا ۱۵ اردیبهشت ۱۴۰۵". short: "بهار ۱۴۰۵" / "Spring 1405", "۱۴۰۵".
 */
export function periodName(period: ReportPeriod, locale: ReportLocale, t: Translator, form: "long" | "short" = "long"): string {
  const y = year(period.firstDay[0], locale);
  if (period.kind === "quarter" && period.quarter !== undefined) {
    if (form === "short") return t(locale, "period-report-period-quarter-short", { season: t(locale, "period-report-season-name", { quarter: period.quarter }), year: y });
    return t(locale, "period-report-period-quarter", { ordinal: t(locale, "period-report-quarter-name", { quarter: period.quarter }), year: y });
  }
  if (period.kind === "month" && period.month !== undefined) {
    return t(locale, "period-report-period-month", { month: monthName(period.month, locale), year: y });
  }
  if (period.kind === "year") {
    return t(locale, form === "short" ? "period-report-period-year-short" : "period-report-period-year", { year: y });
  }
  const from = form === "short" ? jalaliDayText(period.firstDay, locale) : jalaliDayLabel(period.firstDay, locale);
  const to = form === "short" ? jalaliDayText(period.lastDay, locale) : jalaliDayLabel(period.lastDay, locale);
  return t(locale, form === "short" ? "period-report-period-custom-short" : "period-report-period-custom", { from, to });
}

/** "سه‌ماهه پیش" / "the previous quarter" (by the current period's kind). */
export function previousName(period: ReportPeriod, locale: ReportLocale, t: Translator): string {
  return t(locale, "period-report-previous", { kind: period.kind });
}

/** A whole number for people: "۱۲٬۳۴۵" / "12,345". */
export function integer(value: number, locale: ReportLocale): string {
  const text = Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === "fa" ? "\u066c" : ",");
  return localizeDigits(text, locale);
}

/** A share 0..1 as "۴۲٪" / "42%"; null as "—". */
export function percent(share: number | null, locale: ReportLocale, t: Translator): string {
  if (share === null) return t(locale, "period-report-none");
  return t(locale, "period-report-percent", { value: localizeDigits(String(Math.round(share * 100)), locale) });
}

/** At most one decimal, the locale's digits and decimal mark: 52.5 → "۵۲٫۵". */
export function decimal(value: number, locale: ReportLocale): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? integer(rounded, locale) : `${integer(Math.trunc(rounded), locale)}${locale === "fa" ? "٫" : "."}${localizeDigits(String(Math.round(Math.abs(rounded) * 10) % 10), locale)}`;
  return text;
}

/** A name kept in both languages, in the report's. */
export function named(item: { nameFa: string; nameEn: string }, locale: ReportLocale): string {
  return locale === "fa" ? item.nameFa : item.nameEn;
}

/** "a، b و c" / "a, b and c" with the locale's words. */
export function joinList(items: string[], locale: ReportLocale, t: Translator): string {
  if (items.length <= 1) return items[0] ?? "";
  const comma = t(locale, "period-report-list-comma");
  const and = t(locale, "period-report-list-and");
  return `${items.slice(0, -1).join(comma)}${and}${items[items.length - 1]}`;
}

/** Rials (decimal string) → tomans as a JS number, for spreadsheets and charts. */
export function rialsToTomans(rials: string): number {
  return Number(BigInt(rials) / 10n);
}
