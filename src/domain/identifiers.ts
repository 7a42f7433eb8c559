/**
 * Iranian identifiers: legal-entity national ID (شناسه ملی), national code (کد ملی), mobile
 * numbers. Parsing accepts Persian/Arabic digits and the spaces and dashes people type;
 * results are canonical Latin-digit strings.
 */
import { verifyIranianLegalId, verifyIranianNationalId } from "@persian-tools/persian-tools";
import { normalizeInput } from "./text";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: "format" | "checksum" };

// Spaces, ASCII hyphen and the Unicode dashes a phone keyboard may produce.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212_]/g;

function digitsOnly(input: string): string {
  return normalizeInput(input).replace(SEPARATORS, "");
}

/** شناسه ملی: exactly 11 digits with a valid check digit. */
export function parseLegalEntityId(input: string): ParseResult<string> {
  const id = digitsOnly(input);
  if (!/^[0-9]{11}$/.test(id)) return { ok: false, reason: "format" };
  return verifyIranianLegalId(id) === true
    ? { ok: true, value: id }
    : { ok: false, reason: "checksum" };
}

/** کد ملی: exactly 10 digits with a valid check digit; all-same-digit codes are refused. */
export function parseNationalCode(input: string): ParseResult<string> {
  const code = digitsOnly(input);
  if (!/^[0-9]{10}$/.test(code)) return { ok: false, reason: "format" };
  // 1111111111 and friends satisfy the checksum arithmetic but are never issued.
  if (/^(\d)\1{9}$/.test(code)) return { ok: false, reason: "checksum" };
  // The city-prefix list in the library is incomplete and goes stale; a real person must
  // never be refused for it, so only the check digit decides.
  return verifyIranianNationalId(code, { checkPrefix: false })
    ? { ok: true, value: code }
    : { ok: false, reason: "checksum" };
}

/**
 * An Iranian mobile number in any usual spelling (09…, 9…, +989…, 989…, 00989…, also
 * +98 0912…), with Persian/Arabic digits, spaces, dashes, dots or parentheses.
 * Returns the canonical "09xxxxxxxxx" or null.
 */
export function parseIranianMobile(input: string): string | null {
  const s = normalizeInput(input).replace(SEPARATORS, "").replace(/[().]/g, "");
  const match = /^(?:\+98|0098|98)?0?(9[0-9]{9})$/.exec(s);
  return match ? `0${match[1]}` : null;
}

/** "09121234567" → "0912***4567"; anything that is not a mobile number → "***". */
export function maskPhone(phone: string): string {
  const canonical = parseIranianMobile(phone);
  if (canonical === null) return "***";
  return `${canonical.slice(0, 4)}***${canonical.slice(-4)}`;
}

/** Keeps the last 3 digits: "10380284790" → "********790". Short inputs are fully hidden. */
export function maskIdentifier(id: string): string {
  const s = digitsOnly(id);
  if (s.length <= 3) return "***";
  return "*".repeat(s.length - 3) + s.slice(-3);
}
