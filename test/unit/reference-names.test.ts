import { describe, expect, it } from "vitest";
import { parseReferenceName, referenceNames } from "../../src/domain/reference-names";

describe("reference names", () => {
  it("normalises Persian names: Arabic ي/ك, spaces, digits in Persian", () => {
    expect(parseReferenceName("  بانك  ملي شعبه 12  ", "fa")).toEqual({ ok: true, value: "بانک ملی شعبه ۱۲" });
    expect(parseReferenceName("شهرک صنعتی ٣", "fa")).toEqual({ ok: true, value: "شهرک صنعتی ۳" });
    expect(parseReferenceName("شرکت‌های شهرک", "fa")).toEqual({ ok: true, value: "شرکت‌های شهرک" });
  });

  it("writes Latin digits in English names, whatever digits were typed", () => {
    expect(parseReferenceName("Estate No. ۱۲", "en")).toEqual({ ok: true, value: "Estate No. 12" });
    expect(parseReferenceName("Zone ٤ (North)", "en")).toEqual({ ok: true, value: "Zone 4 (North)" });
  });

  it("refuses empty, too short, too long, multi-line names", () => {
    expect(parseReferenceName("   ", "fa")).toEqual({ ok: false, problem: "length" });
    expect(parseReferenceName("ب", "fa")).toEqual({ ok: false, problem: "length" });
    expect(parseReferenceName("ب".repeat(121), "fa")).toEqual({ ok: false, problem: "length" });
    expect(parseReferenceName("Line one\nline two", "en")).toEqual({ ok: false, problem: "length" });
  });

  it("refuses names without letters, with other scripts or symbols", () => {
    expect(parseReferenceName("۱۲۳۴", "fa")).toEqual({ ok: false, problem: "letters" });
    expect(parseReferenceName("Банк", "en")).toEqual({ ok: false, problem: "characters" });
    expect(parseReferenceName("Bank 🏦", "en")).toEqual({ ok: false, problem: "characters" });
    expect(parseReferenceName("<b>Bank</b>", "en")).toEqual({ ok: false, problem: "characters" });
  });

  it("keeps each name in its language's script", () => {
    expect(parseReferenceName("Kerman Gas", "fa")).toEqual({ ok: false, problem: "script" });
    expect(parseReferenceName("گاز کرمان", "en")).toEqual({ ok: false, problem: "script" });
    // A Persian name may carry a Latin brand.
    expect(parseReferenceName("شرکت IKCO کرمان", "fa")).toEqual({ ok: true, value: "شرکت IKCO کرمان" });
  });

  it("parses both names together", () => {
    expect(referenceNames.safeParse({ nameFa: "گاز كرمان", nameEn: "Kerman Gas" }).data).toEqual({ nameFa: "گاز کرمان", nameEn: "Kerman Gas" });
    expect(referenceNames.safeParse({ nameFa: "گاز", nameEn: "" }).success).toBe(false);
  });
});
