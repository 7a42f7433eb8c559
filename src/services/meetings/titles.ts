/**
 * How a meeting is named and dated in chat and in notices (invitations, reminders, minutes):
 * notice builders, shared by the bot and the jobs.
 */
import { numberToWords } from "@persian-tools/persian-tools";
import { formatJalaliDate, formatTimeOfDay, instantToJalali } from "../../domain/jalali";
import { localizeDigits } from "../../domain/text";
import type { MeetingKind } from "../../generated/prisma/enums";
import type { Locale, Translator } from "../../i18n";

// Titles: "چهارمین جلسه کارگروه در سال ۱۴۰۵" / "The 4th working-group meeting of 1405"

/** "نخستین", "دومین", "سومین", "چهارمین", "بیست و سومین", "سی‌امین"… */
export function persianOrdinal(n: number): string {
  if (n === 1) return "نخستین";
  const words = String(numberToWords(n));
  let ordinal: string;
  if (words.endsWith("سه")) ordinal = `${words.slice(0, -2)}سوم`;
  else if (words.endsWith("سی")) ordinal = `${words}\u200cام`;
  else ordinal = `${words}م`;
  return `${ordinal}ین`;
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd"… */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

export interface MeetingTitleParts {
  kind: MeetingKind;
  number: number;
  jalaliYear: number;
}

export function meetingTitle(t: Translator, locale: Locale, meeting: MeetingTitleParts): string {
  return t(locale, "meetings-title", {
    ordinal: locale === "fa" ? persianOrdinal(meeting.number) : englishOrdinal(meeting.number),
    kind: t(locale, `meetings-kind-${meeting.kind}`),
    year: localizeDigits(String(meeting.jalaliYear), locale),
  });
}

/** "شنبه ۱۰ خرداد ۱۴۰۴ ساعت ۰۹:۳۰" */
export function meetingWhen(locale: Locale, startsAt: Date): string {
  return formatJalaliDate(startsAt, locale, { weekday: true, monthName: true, time: true });
}

/** "09:30" in the locale's digits. */
export function clockTime(locale: Locale, instant: Date): string {
  return localizeDigits(formatTimeOfDay(instantToJalali(instant)), locale);
}

export interface AgendaLineItem {
  position: number;
  slotStartsAt: Date | null;
  case: { trackingCode: string; unit: { name: string } };
}

/** "۱. KRM-1405-00012 — واحد (ساعت ۰۹:۳۰)", one line per item in agenda order. */
export function agendaLines(t: Translator, locale: Locale, items: readonly AgendaLineItem[]): string[] {
  return items.map((item, index) =>
    t(locale, item.slotStartsAt ? "meetings-agenda-line-slot" : "meetings-agenda-line", {
      n: localizeDigits(String(index + 1), locale),
      code: item.case.trackingCode,
      unit: item.case.unit.name,
      time: item.slotStartsAt ? clockTime(locale, item.slotStartsAt) : "",
    }),
  );
}

