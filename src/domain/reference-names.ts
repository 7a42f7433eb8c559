/**
 * The names an admin types for reference data (agencies, counties, industrial estates): one
 * rule for both languages, as zod schemas so a service parses what a handler passes.
 *
 * - normalised like every typed answer (Arabic ي/ك → ی/ک, invisible controls out, spaces
 *   collapsed; src/domain/text.ts), one line only;
 * - 2 to 120 characters, at least two letters;
 * - letters are Persian (Arabic script) or Latin only; digits may be Persian, Arabic-Indic or
 *   Latin and are written as the name's language writes them (Persian digits in the Persian
 *   name, Latin in the English one); a few punctuation marks names use (- – — . , ، ( ) / ' & ")
 *   and ZWNJ (نیم‌فاصله);
 * - the Persian name has a Persian letter; the English name has no Arabic-script letter.
 */
import { z } from "zod";
import { normalizeDigits, normalizeText, toPersianDigits } from "./text";

export const REFERENCE_NAME_MIN = 2;
export const REFERENCE_NAME_MAX = 120;

export type ReferenceNameProblem = "length" | "letters" | "characters" | "script";

const ALLOWED = /^[\p{Script=Arabic}\p{Script=Latin}\p{N}\p{M} \u200c\-\u2013\u2014.,\u060c()/'&"]+$/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/gu;

/** Why a typed name is refused, or null when it is a good name in that language (before the digits are rewritten). */
export function referenceNameProblem(value: string, language: "fa" | "en"): ReferenceNameProblem | null {
  const length = [...value].length;
  if (length < REFERENCE_NAME_MIN || length > REFERENCE_NAME_MAX || value.includes("\n")) return "length";
  if (!ALLOWED.test(value)) return "characters";
  const letters = value.match(LETTER) ?? [];
  if (letters.length < 2) return "letters";
  const arabicScript = letters.some((letter) => ARABIC_LETTER.test(letter));
  if (language === "fa" && !arabicScript) return "script";
  if (language === "en" && arabicScript) return "script";
  return null;
}

/** A name in one language: normalised, checked, digits in that language's form. */
export function referenceName(language: "fa" | "en") {
  return z
    .string()
    .transform((input) => normalizeText(input))
    .superRefine((value, ctx) => {
      const problem = referenceNameProblem(value, language);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => (language === "fa" ? toPersianDigits(value) : normalizeDigits(value)));
}

export const referenceNameFa = referenceName("fa");
export const referenceNameEn = referenceName("en");

/** Both names of an entity (what add and rename take). */
export const referenceNames = z.object({ nameFa: referenceNameFa, nameEn: referenceNameEn });
export type ReferenceNames = z.output<typeof referenceNames>;

/** Parses one typed name: the value, or the problem to tell the admin. */
export function parseReferenceName(
  input: string,
  language: "fa" | "en",
): { ok: true; value: string } | { ok: false; problem: ReferenceNameProblem } {
  const result = referenceName(language).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problem = result.error.issues[0]?.message as ReferenceNameProblem | undefined;
  return { ok: false, problem: problem ?? "characters" };
}
