import { describe, it, expect } from "vitest";
import {
  maskIdentifier,
  maskPhone,
  parseIranianMobile,
  parseLegalEntityId,
  parseNationalCode,
} from "../../src/domain/identifiers";
import { toPersianDigits } from "../../src/domain/text";

/**
 * A valid شناسه ملی from its first 10 digits: each digit plus (10th digit + 2), times
 * 29, 27, 23, 19, 17 cycling; sum mod 11 (10 → 0) is the check digit.
 */
function legalEntityIdFrom(first10: string): string {
  const coefficients = [29, 27, 23, 19, 17];
  const shift = Number(first10[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (shift + Number(first10[i])) * (coefficients[i % 5] ?? 0);
  const remainder = sum % 11;
  return first10 + String(remainder === 10 ? 0 : remainder);
}

/** A valid کد ملی from its first 9 digits: weights 10…2, r = sum mod 11, check = r < 2 ? r : 11 − r. */
function nationalCodeFrom(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const r = sum % 11;
  return first9 + String(r < 2 ? r : 11 - r);
}

function withWrongCheckDigit(id: string): string {
  const last = Number(id.slice(-1));
  return id.slice(0, -1) + String((last + 1) % 10);
}

describe("test helpers produce genuinely valid identifiers", () => {
  it("match known literal values", () => {
    expect(legalEntityIdFrom("1038028479")).toBe("10380284790");
    expect(legalEntityIdFrom("1400123456")).toBe("14001234562");
    expect(legalEntityIdFrom("1086012345")).toBe("10860123456");
    expect(nationalCodeFrom("001234567")).toBe("0012345679");
    expect(nationalCodeFrom("227348929")).toBe("2273489293");
  });
});

describe("parseLegalEntityId", () => {
  const valid = ["10380284790", "14001234562", "10860123456", legalEntityIdFrom("1410567890")];

  it.each(valid)("accepts %s", (id) => {
    expect(parseLegalEntityId(id)).toEqual({ ok: true, value: id });
  });

  it("accepts Persian and Arabic digits, spaces and dashes, returning Latin digits", () => {
    expect(parseLegalEntityId("۱۰۳۸۰۲۸۴۷۹۰")).toEqual({ ok: true, value: "10380284790" });
    expect(parseLegalEntityId("١٤٠٠١٢٣٤٥٦٢")).toEqual({ ok: true, value: "14001234562" });
    expect(parseLegalEntityId(" 103-8028-4790 ")).toEqual({ ok: true, value: "10380284790" });
  });

  it.each(valid)("refuses %s with a wrong check digit as checksum", (id) => {
    expect(parseLegalEntityId(withWrongCheckDigit(id))).toEqual({ ok: false, reason: "checksum" });
  });

  it.each(["", "1038028479", "103802847901", "1038028479a", "10380.284790"])("refuses %j as format", (input) => {
    expect(parseLegalEntityId(input)).toEqual({ ok: false, reason: "format" });
  });

  it("refuses an ID whose middle digits are all zero even if the arithmetic fits", () => {
    expect(parseLegalEntityId(legalEntityIdFrom("1230000001"))).toEqual({ ok: false, reason: "checksum" });
  });
});

describe("parseNationalCode", () => {
  const valid = ["0012345679", "0080021018", "1491234563", nationalCodeFrom("227348929")];

  it.each(valid)("accepts %s", (code) => {
    expect(parseNationalCode(code)).toEqual({ ok: true, value: code });
  });

  it("accepts Persian digits and separators", () => {
    expect(parseNationalCode("۰۰۱-۲۳۴۵۶۷-۹")).toEqual({ ok: true, value: "0012345679" });
  });

  it.each(valid)("refuses %s with a wrong check digit", (code) => {
    expect(parseNationalCode(withWrongCheckDigit(code))).toEqual({ ok: false, reason: "checksum" });
  });

  it.each(["1111111111", "0000000000", "9999999999"])("refuses the all-same-digit code %s", (code) => {
    expect(parseNationalCode(code)).toEqual({ ok: false, reason: "checksum" });
  });

  it("demands exactly 10 digits: a code missing its leading zeros is a format error", () => {
    expect(parseNationalCode("12345679")).toEqual({ ok: false, reason: "format" });
    expect(parseNationalCode("00123456790")).toEqual({ ok: false, reason: "format" });
    expect(parseNationalCode("")).toEqual({ ok: false, reason: "format" });
  });
});

describe("parseIranianMobile", () => {
  it.each([
    "09121234567",
    "9121234567",
    "+989121234567",
    "989121234567",
    "00989121234567",
    "+98 912 123 4567",
    "0912-123-4567",
    "+98 (0)912 123 4567",
    "۰۹۱۲۱۲۳۴۵۶۷",
    "٠٩١٢١٢٣٤٥٦٧",
    "\u200e+98 912 123 4567\u200f",
  ])("%j → 09121234567", (input) => {
    expect(parseIranianMobile(input)).toBe("09121234567");
  });

  it.each([
    "",
    "0912123456", // too short
    "091212345678", // too long
    "02112345678", // Tehran landline
    "+982112345678",
    "+19121234567", // another country
    "0989121234567",
    "0912abc4567",
  ])("refuses %j", (input) => {
    expect(parseIranianMobile(input)).toBeNull();
  });
});

describe("masking", () => {
  it("masks the middle of a mobile number in canonical form", () => {
    expect(maskPhone("+989121234567")).toBe("0912***4567");
    expect(maskPhone(toPersianDigits("09351112233"))).toBe("0935***2233");
    expect(maskPhone("not a phone")).toBe("***");
  });

  it("keeps only the last three digits of an identifier", () => {
    expect(maskIdentifier("10380284790")).toBe("********790");
    expect(maskIdentifier("۰۰۱۲۳۴۵۶۷۹")).toBe("*******679");
    expect(maskIdentifier("123")).toBe("***");
  });
});
