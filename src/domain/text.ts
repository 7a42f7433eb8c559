/**
 * Text helpers for Persian/English input and Telegram output.
 * Pure functions: no I/O, no locale state.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits → Latin (0-9). Everything else is left as is. */
export function normalizeDigits(input: string): string {
  return input.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - base);
  });
}

// Invisible characters that only get in the way of matching: zero-width space, LRM/RLM,
// bidi embeddings/overrides/isolates, Arabic letter mark, BOM. ZWNJ (\u200c) is part of
// Persian spelling and ZWJ (\u200d) of emoji sequences, so both stay.
const INVISIBLE_CONTROLS = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;
// Horizontal whitespace only: newlines carry meaning in descriptions.
const HORIZONTAL_SPACE_RUN = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Canonical form of user-typed text: Arabic ي/ى/ك → Persian ی/ک, invisible controls removed,
 * runs of spaces/tabs collapsed to one space, spaces around line breaks dropped, CRLF → LF,
 * trimmed. Digits are NOT touched (see normalizeInput).
 */
export function normalizeText(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE_CONTROLS, "")
    .replace(/[\u064a\u0649]/g, "\u06cc")
    .replace(/\u0643/g, "\u06a9")
    .replace(HORIZONTAL_SPACE_RUN, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();
}

/** normalizeText + normalizeDigits: for codes, numbers, dates and other machine-read input. */
export function normalizeInput(input: string): string {
  return normalizeDigits(normalizeText(input));
}

/** Latin and Arabic-Indic digits → Persian digits (۰-۹). */
export function toPersianDigits(input: string | number | bigint): string {
  return normalizeDigits(String(input)).replace(/[0-9]/g, (d) =>
    String.fromCharCode(PERSIAN_ZERO + Number(d)),
  );
}

/** Persian digits for "fa", the string unchanged for "en". */
export function localizeDigits(input: string, locale: "fa" | "en"): string {
  return locale === "fa" ? toPersianDigits(input) : input;
}

const THOUSANDS_SEPARATORS = /[,\u060c\u066c'\u2019 \u00a0\u202f]/;

/**
 * Removes thousands separators from a run of Latin digits, checking the grouping:
 * "12,500,000" → "12500000", "1 000" → "1000", but "1,5" or "12,34,5" → null (a misplaced
 * separator is more likely a decimal comma or a typo than a thousands separator).
 * Accepted separators: , ، ٬ ' ’ and spaces.
 */
export function stripThousandsSeparators(digits: string): string | null {
  const groups = digits.split(THOUSANDS_SEPARATORS);
  if (groups.some((g) => !/^[0-9]+$/.test(g))) return null;
  if (groups.length === 1) return groups[0] ?? null;
  const [first, ...rest] = groups;
  if (first === undefined || first.length > 3) return null;
  if (rest.some((g) => g.length !== 3)) return null;
  return groups.join("");
}

/**
 * A non-negative whole number typed by a person: any digits, thousands separators, an optional
 * leading "+". Decimals, signs other than "+", letters and numbers beyond
 * Number.MAX_SAFE_INTEGER give null.
 */
export function parseInteger(input: string): number | null {
  let s = normalizeInput(input);
  if (s.startsWith("+")) s = s.slice(1).trimStart();
  if (s === "") return null;
  const digits = stripThousandsSeparators(s);
  if (digits === null) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Shortens text to at most `max` code points, ending in "…" when something was cut.
 * Counts code points so an emoji or a supplementary character is never split in half.
 */
export function truncate(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`truncate: bad max ${max}`);
  const codePoints = Array.from(text);
  if (codePoints.length <= max) return text;
  if (max === 0) return "";
  return codePoints.slice(0, max - 1).join("").trimEnd() + "…";
}

/** "Reza Karimi": a person's name as shown everywhere (the last name is optional). */
export function fullName(person: { firstName: string; lastName?: string | null }): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

export const TELEGRAM_MESSAGE_LIMIT = 4096;

// A chunk boundary earlier than this fraction of `max` would waste too much of a message,
// so a weaker boundary (line, then space) later in the window is preferred.
const MIN_FILL = 0.5;

/**
 * Splits text into messages of at most `max` UTF-16 code units (Telegram counts that way).
 * Cuts at a blank line, else a line break, else a space, when one exists in the second half of
 * the window; otherwise cuts hard, but never inside a surrogate pair. The whitespace at a cut
 * is dropped. Empty text gives no messages.
 */
export function splitMessage(text: string, max: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitMessage: bad max ${max}`);
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1); // +1: a separator right after the limit is a clean cut
    const minCut = Math.floor(max * MIN_FILL);
    let cut = -1;
    let skip = 0;
    for (const sep of ["\n\n", "\n", " "]) {
      const at = window.lastIndexOf(sep, max);
      if (at >= minCut && at > 0) {
        cut = at;
        skip = sep.length;
        break;
      }
    }
    if (cut < 0) {
      cut = max;
      const last = rest.charCodeAt(cut - 1);
      if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // keep the pair together
    }
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk !== "") parts.push(chunk);
    rest = rest.slice(cut + skip).replace(/^[ \t\n]+/, "");
  }
  if (rest.trim() !== "") parts.push(rest);
  return parts;
}

export type FreeTextProblem = "short" | "long" | "no_letters";

/**
 * The one rule for every free-text answer: normalised (control and invisible characters
 * stripped, Arabic ي/ك as Persian ی/ک, spaces collapsed), then bounded in length; with
 * `needsLetters`, an answer made only of emoji, digits or punctuation is refused (a unit's
 * name, a county). Length counts characters after normalisation.
 */
export function readFreeText(
  input: string,
  limits: { min: number; max: number; needsLetters?: boolean },
): { ok: true; value: string } | { ok: false; problem: FreeTextProblem } {
  const value = normalizeText(input);
  if ([...value].length < limits.min) return { ok: false, problem: "short" };
  if ([...value].length > limits.max) return { ok: false, problem: "long" };
  if (limits.needsLetters && (value.match(/\p{L}/gu)?.length ?? 0) < 2) return { ok: false, problem: "no_letters" };
  return { ok: true, value };
}

/** A name as a search compares it: normalised, lower case, without spaces or ZWNJ. */
export function searchKey(text: string): string {
  return normalizeText(text).toLowerCase().replace(/[\s\u200c]/g, "");
}

/** Items whose names (Persian or English) contain the typed query; an exact match alone wins. */
export function findByName<T extends { nameFa: string; nameEn: string }>(items: readonly T[], query: string): T[] {
  const key = searchKey(query);
  if (key.length === 0) return [];
  const exact = items.filter((item) => searchKey(item.nameFa) === key || searchKey(item.nameEn) === key);
  if (exact.length > 0) return exact;
  return items.filter((item) => searchKey(item.nameFa).includes(key) || searchKey(item.nameEn).includes(key));
}
