/**
 * Money amounts. Stored and computed in rials as bigint; people type and read tomans or rials
 * with Persian multiplier words ("۵۰۰ میلیون", "۲ میلیارد و ۵۰۰ میلیون").
 */
import { normalizeInput, stripThousandsSeparators, toPersianDigits } from "./text";

export type MoneyUnit = "rial" | "toman";

const RIALS_PER_TOMAN = 10n;
const MAX_DIGITS = 20;

// Longest spellings first so "میلیارد" is not read as "میلیون"-prefix noise.
const MULTIPLIERS: ReadonlyArray<readonly [string, bigint]> = [
  ["میلیارد", 1_000_000_000n],
  ["ملیارد", 1_000_000_000n],
  ["billion", 1_000_000_000n],
  ["میلیون", 1_000_000n],
  ["ملیون", 1_000_000n],
  ["million", 1_000_000n],
  ["هزار", 1_000n],
  ["thousand", 1_000n],
];

const UNIT_WORDS: ReadonlyArray<readonly [string, MoneyUnit]> = [
  ["تومان", "toman"],
  ["تومن", "toman"],
  ["tomans", "toman"],
  ["toman", "toman"],
  ["ریال", "rial"],
  ["rials", "rial"],
  ["rial", "rial"],
];

const NUMBER = String.raw`\+?([0-9][0-9,\u060c\u066c' ]*?)(?:[.\u066b/]([0-9]+))?`;
const MULTIPLIER_WORDS = MULTIPLIERS.map(([word]) => word).join("|");
const TERM = new RegExp(`^${NUMBER} ?(${MULTIPLIER_WORDS})?$`);

interface Term {
  /** Digits before and after the decimal mark, Latin. */
  whole: string;
  fraction: string;
  multiplier: bigint | null;
}

function parseTerm(text: string): Term | null {
  const match = TERM.exec(text.trim());
  if (!match) return null;
  const whole = stripThousandsSeparators(match[1] ?? "");
  if (whole === null) return null;
  const word = match[3];
  const multiplier = word === undefined ? null : (MULTIPLIERS.find(([w]) => w === word)?.[1] ?? null);
  return { whole, fraction: match[2] ?? "", multiplier };
}

/**
 * An amount typed by a person, in RIALS. `unit` says how a bare number is meant; a unit word
 * typed after the amount ("… تومان", "… ریال") wins over it. Accepts any digits, thousands
 * separators, multiplier words (هزار / میلیون / میلیارد, thousand / million / billion), sums
 * joined with "و"/"and" ("۲ میلیارد و ۵۰۰ میلیون"), and decimals only together with a
 * multiplier ("2.5 میلیارد", Persian "۲/۵ میلیارد"). Zero, negatives, other words, fractional
 * rials and more than 20 digits give null.
 */
export function parseAmount(input: string, unit: MoneyUnit): bigint | null {
  let text = normalizeInput(input).toLowerCase();
  for (const [word, wordUnit] of UNIT_WORDS) {
    if (text.endsWith(word)) {
      text = text.slice(0, -word.length).trimEnd();
      unit = wordUnit;
      break;
    }
  }
  if (text === "") return null;

  const rialsPerUnit = unit === "toman" ? RIALS_PER_TOMAN : 1n;
  const pieces = text.split(/ (?:و|and) |،? ?و ?(?=[0-9])/);
  let total = 0n;
  let previousMultiplier: bigint | null = null;
  let typedDigits = 0;
  for (const [index, piece] of pieces.entries()) {
    const term = parseTerm(piece);
    if (term === null) return null;
    const isLast = index === pieces.length - 1;
    // "۲ میلیون و ۵۰۰" means 2,000,500, but every term before the last needs its multiplier,
    // and multipliers must shrink ("۵۰۰ هزار و ۲ میلیون" is a typo, not an amount).
    if (term.multiplier === null && !isLast) return null;
    if (term.multiplier !== null && previousMultiplier !== null && term.multiplier >= previousMultiplier) {
      return null;
    }
    if (term.fraction !== "" && term.multiplier === null) return null;
    typedDigits += term.whole.length + term.fraction.length;

    const scale = 10n ** BigInt(term.fraction.length);
    const numerator = BigInt(term.whole + term.fraction) * (term.multiplier ?? 1n) * rialsPerUnit;
    if (numerator % scale !== 0n) return null; // a fraction of a rial
    total += numerator / scale;
    previousMultiplier = term.multiplier ?? 1n;
  }
  if (typedDigits > MAX_DIGITS || total <= 0n || total.toString().length > MAX_DIGITS) return null;
  return total;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * "۱۲٬۵۰۰٬۰۰۰ ریال" / "12,500,000 rials"; with unit "toman" the amount is shown in tomans
 * (a remainder of rials shows as one decimal: "1,250.5 tomans").
 */
export function formatAmount(rials: bigint, locale: "fa" | "en", unit: MoneyUnit = "rial"): string {
  const fa = locale === "fa";
  const negative = rials < 0n;
  const magnitude = negative ? -rials : rials;
  const divisor = unit === "toman" ? RIALS_PER_TOMAN : 1n;
  const whole = magnitude / divisor;
  const remainder = magnitude % divisor;

  let number = groupThousands(whole.toString(), fa ? "\u066c" : ",");
  if (remainder !== 0n) number += (fa ? "\u066b" : ".") + remainder.toString();
  if (negative) number = `-${number}`;

  const isOne = whole === 1n && remainder === 0n;
  const word = fa
    ? unit === "toman" ? "تومان" : "ریال"
    : `${unit}${isOne ? "" : "s"}`;
  return `${fa ? toPersianDigits(number) : number} ${word}`;
}

const WORD_SCALES: ReadonlyArray<readonly [bigint, string, string]> = [
  [1_000_000_000n, "میلیارد", "billion"],
  [1_000_000n, "میلیون", "million"],
  [1_000n, "هزار", "thousand"],
];

/**
 * An amount the way a report reads it, in tomans with multiplier words: "۱۷۵ میلیارد تومان",
 * "۴ میلیارد و ۵۰۰ میلیون تومان" / "175 billion tomans", "4 billion 500 million tomans". At most
 * two word groups: the rest is rounded to the smaller group and the amount is marked as about
 * ("حدود ۱۷۵ میلیارد و ۳۲۰ میلیون تومان" / "about …"), as the seeds write it. Billions are
 * not grouped further ("۱٬۲۰۰ میلیارد تومان").
 */
export function formatAmountInWords(rials: bigint, locale: "fa" | "en"): string {
  const fa = locale === "fa";
  const magnitude = rials < 0n ? -rials : rials;
  const tomans = (magnitude + RIALS_PER_TOMAN / 2n) / RIALS_PER_TOMAN;
  const exactRemainder = magnitude % RIALS_PER_TOMAN !== 0n;
  // The two largest non-zero groups, rounding what is left below the second one.
  const groups: Array<[bigint, bigint]> = []; // [count, scale]
  let rest = tomans;
  let about = exactRemainder;
  for (const [scale] of WORD_SCALES) {
    if (groups.length === 2) break;
    const count = rest / scale;
    if (count > 0n || groups.length === 1) {
      groups.push([count, scale]);
      rest -= count * scale;
    }
  }
  if (groups.length < 2) {
    groups.push([rest, 1n]);
    rest = 0n;
  }
  const [last] = groups.slice(-1);
  if (last && rest > 0n) {
    about = true;
    if (rest * 2n >= last[1]) last[0] += 1n;
    // 999 million rounding up becomes a whole billion more.
    const [first] = groups;
    if (first && groups.length === 2 && first[1] > last[1] && last[0] * last[1] >= first[1]) {
      first[0] += 1n;
      last[0] = 0n;
    }
  }
  const parts = groups
    .filter(([count]) => count > 0n)
    .map(([count, scale]) => {
      const word = WORD_SCALES.find(([s]) => s === scale);
      const number = groupThousands(count.toString(), fa ? "\u066c" : ",");
      const digits = fa ? toPersianDigits(number) : number;
      return word ? `${digits} ${fa ? word[1] : word[2]}` : digits;
    });
  if (parts.length === 0) parts.push(fa ? "۰" : "0");
  const text = parts.join(fa ? " و " : " ");
  const isOne = tomans === 1n;
  const amount = `${text} ${fa ? "تومان" : isOne ? "toman" : "tomans"}`;
  const signed = rials < 0n ? `-${amount}` : amount;
  return about ? (fa ? `حدود ${signed}` : `about ${signed}`) : signed;
}
