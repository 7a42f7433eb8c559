import { type Locale, localName, type Translator } from "../../i18n";
import { daysBetweenTehranDates, formatJalaliDate } from "../../domain/jalali";
import { formatAmount } from "../../domain/money";

import { isOpenStatus, type CaseStatus } from "../../domain/case-lifecycle";
import { timeLeft } from "../../domain/countdown";
import type { WorkingCalendar } from "../../domain/working-calendar";

/** What a case card needs; every caller selects at least these fields. */
export interface CaseForDisplay {
  trackingCode: string;
  status: string;
  urgency: string;
  category: string;
  subcategory: string | null;
  irreversibleAt: Date | null;
  amountRials: bigint | null;
  description: string;
  submittedAt: Date;
  unit: { name: string };
  agency: { nameFa: string; nameEn: string } | null;
}

export interface EventForDisplay {
  type: string;
  data: unknown;
  internal: boolean;
  createdAt: Date;
  actor: { firstName: string } | null;
}

export function agencyName(agency: { nameFa: string; nameEn: string } | null, locale: Locale): string | null {
  if (!agency) return null;
  return localName(agency, locale);
}

export function categoryLabel(t: Translator, locale: Locale, category: string, subcategory: string | null): string {
  const main = t(locale, `category-${category}`);
  return subcategory ? `${main} — ${t(locale, `subcategory-${subcategory}`)}` : main;
}

/** "۱۰ خرداد ۱۴۰۴ (۳ روز دیگر)" — the irreversibility date with how far away it is. */
export function irreversibleLabel(t: Translator, locale: Locale, at: Date | null, now: Date): string {
  if (!at) return t(locale, "case-irreversible-unknown");
  const date = formatJalaliDate(at, locale, { monthName: true });
  const days = daysBetweenTehranDates(now, at);
  const relative =
    at.getTime() <= now.getTime() ? t(locale, "case-days-passed") : t(locale, "case-days-left", { days });
  return `${date} (${relative})`;
}

/**
 * The countdown in a few words, for a queue row: "۳ روز کاری" left, "امروز" (the date is
 * today), "۲ روز گذشته" (overdue). Null without a date.
 */
export function countdownShort(t: Translator, locale: Locale, at: Date | null, now: Date, calendar: WorkingCalendar): string | null {
  if (!at) return null;
  const left = timeLeft(at, now, calendar);
  // Numbers, not digit strings: Fluent picks the English plural and writes Persian digits in fa.
  const n = (value: number) => value;
  if (left.calendarDays === 0) return t(locale, "countdown-short-today");
  if (left.overdue) return t(locale, "countdown-short-overdue", { days: n(-left.calendarDays) });
  return t(locale, "countdown-short-left", { working: n(left.workingDays) });
}

/** The countdown line of an open case's card: working and calendar days left, or how long ago. */
export function countdownLine(t: Translator, locale: Locale, at: Date, now: Date, calendar: WorkingCalendar): string {
  const left = timeLeft(at, now, calendar);
  const n = (value: number) => value;
  if (left.overdue) {
    return left.calendarDays === 0 ? t(locale, "case-field-countdown-passed-today") : t(locale, "case-field-countdown-overdue", { days: n(-left.calendarDays) });
  }
  return t(locale, "case-field-countdown", { working: n(left.workingDays), days: n(left.calendarDays) });
}

/**
 * The lines of a case card that producer, secretariat and officials all see. With the working
 * calendar, an open case with a date also shows its countdown; `waiting` (who is waited on,
 * src/bot/presenters/waiting.ts) goes under the status.
 */
export function caseDetailLines(
  t: Translator,
  locale: Locale,
  item: CaseForDisplay,
  now: Date,
  calendar?: WorkingCalendar,
  waiting?: string | null,
): string[] {
  const lines = [
    t(locale, "case-field-code", { code: item.trackingCode }),
    t(locale, "case-field-unit", { unit: item.unit.name }),
    t(locale, "case-field-status", { status: t(locale, `status-${item.status}`) }),
    ...(waiting ? [waiting] : []),
    t(locale, "case-field-urgency", { urgency: t(locale, `urgency-${item.urgency}`) }),
    t(locale, "case-field-category", { category: categoryLabel(t, locale, item.category, item.subcategory) }),
    t(locale, "case-field-agency", { agency: agencyName(item.agency, locale) ?? t(locale, "case-agency-unknown") }),
    t(locale, "case-field-irreversible", { date: irreversibleLabel(t, locale, item.irreversibleAt, now) }),
  ];
  if (calendar && item.irreversibleAt && isOpenStatus(item.status as CaseStatus)) lines.push(countdownLine(t, locale, item.irreversibleAt, now, calendar));
  if (item.amountRials !== null) lines.push(t(locale, "case-field-amount", { amount: formatAmount(item.amountRials, locale) }));
  lines.push(t(locale, "case-field-submitted", { date: formatJalaliDate(item.submittedAt, locale, { time: true }) }));
  lines.push(t(locale, "case-field-description", { description: item.description }));
  return lines;
}

function eventArgs(data: unknown): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (typeof value === "string" || typeof value === "number") args[key] = value;
      else if (typeof value === "boolean") args[key] = value ? "yes" : "no";
    }
  }
  return args;
}

/** One line per timeline event, oldest first; internal notes only when asked for. */
export function timelineLines(t: Translator, locale: Locale, events: EventForDisplay[], options: { includeInternal: boolean }): string[] {
  return events
    .filter((event) => options.includeInternal || !event.internal)
    .map((event) => {
      const when = formatJalaliDate(event.createdAt, locale, { time: true });
      const args: Record<string, string | number> = { ...eventArgs(event.data), actor: event.actor?.firstName ?? t(locale, "event-actor-system") };
      if (typeof args.urgency === "string") args.urgency = t(locale, `urgency-${args.urgency}`);
      const text = t(locale, `event-${event.type}`, args);
      return `• ${when} — ${event.internal ? `🔒 ${text}` : text}`;
    });
}
