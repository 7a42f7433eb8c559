import { describe, it, expect } from "vitest";
import {
  fullName,
  localizeDigits,
  normalizeDigits,
  normalizeInput,
  normalizeText,
  parseInteger,
  splitMessage,
  stripThousandsSeparators,
  toPersianDigits,
  truncate,
} from "../../src/domain/text";

describe("normalizeDigits", () => {
  it("maps every Persian and Arabic-Indic digit to Latin", () => {
    expect(normalizeDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(normalizeDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
  });

  it("leaves letters, Latin digits and separators alone", () => {
    expect(normalizeDigits("KRM-۱۴۰۵-٠٠٠42 تهران")).toBe("KRM-1405-00042 تهران");
  });
});

describe("normalizeText", () => {
  it("turns Arabic yeh, alef maksura and kaf into Persian letters, keeping teh marbuta", () => {
    expect(normalizeText("علي كرمان مصطفى ة")).toBe("علی کرمان مصطفی ة");
  });

  it("does not touch digits", () => {
    expect(normalizeText("۱۲۳")).toBe("۱۲۳");
  });

  it("collapses spaces and tabs, trims, and keeps newlines without surrounding spaces", () => {
    expect(normalizeText("  سلام \t\t  دنیا \n  خط   دوم  \r\n\r\nسوم ")).toBe("سلام دنیا\nخط دوم\n\nسوم");
  });

  it("keeps ZWNJ but removes zero-width space, direction marks, embeddings and BOM", () => {
    expect(normalizeText("\ufeffمی\u200cخواهم")).toBe("می\u200cخواهم");
    expect(normalizeText("\u202bkrm\u200b-\u200e1405\u200f\u202c")).toBe("krm-1405");
  });

  it("collapses a space run that was only separated by an invisible mark", () => {
    expect(normalizeText("a \u200f b")).toBe("a b");
  });
});

describe("normalizeInput", () => {
  it("combines text normalisation and digit conversion", () => {
    expect(normalizeInput(" \u200f۰۹۱۲ ٣٤٥  6789 ")).toBe("0912 345 6789");
  });
});

describe("toPersianDigits / localizeDigits", () => {
  it("converts strings, numbers and bigints, including Arabic-Indic input", () => {
    expect(toPersianDigits("1405/09/15")).toBe("۱۴۰۵/۰۹/۱۵");
    expect(toPersianDigits(2025)).toBe("۲۰۲۵");
    expect(toPersianDigits(12_345_678_901_234_567_890n)).toBe("۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰");
    expect(toPersianDigits("٤٥")).toBe("۴۵");
  });

  it("localizes only for fa", () => {
    expect(localizeDigits("ساعت 09:30", "fa")).toBe("ساعت ۰۹:۳۰");
    expect(localizeDigits("at 09:30", "en")).toBe("at 09:30");
  });
});

describe("stripThousandsSeparators", () => {
  it("accepts well-formed groups with any supported separator", () => {
    expect(stripThousandsSeparators("12,500,000")).toBe("12500000");
    expect(stripThousandsSeparators("12٬500٬000")).toBe("12500000");
    expect(stripThousandsSeparators("1 000")).toBe("1000");
  });

  it("rejects misplaced separators that look like decimal commas", () => {
    expect(stripThousandsSeparators("1,5")).toBeNull();
    expect(stripThousandsSeparators("1234,567")).toBeNull();
    expect(stripThousandsSeparators("1,,000")).toBeNull();
  });
});

describe("parseInteger", () => {
  it.each([
    ["42", 42],
    ["۴۲", 42],
    ["٤٢", 42],
    ["+42", 42],
    [" 0 ", 0],
    ["1,234,567", 1_234_567],
    ["۱٬۲۳۴٬۵۶۷", 1_234_567],
    ["۱،۲۳۴", 1234],
    ["1'000", 1000],
    ["12 345", 12_345],
    ["007", 7],
    ["9007199254740991", Number.MAX_SAFE_INTEGER],
  ])("%j → %d", (input, expected) => {
    expect(parseInteger(input)).toBe(expected);
  });

  it.each(["", "  ", "+", "-5", "12.5", "۱۲٫۵", "12a", "abc", "1,5", "9007199254740992", "1e3", "++1"])(
    "rejects %j",
    (input) => {
      expect(parseInteger(input)).toBeNull();
    },
  );
});

describe("truncate", () => {
  it("returns short text unchanged", () => {
    expect(truncate("سلام", 4)).toBe("سلام");
  });

  it("cuts to max code points including the ellipsis", () => {
    expect(truncate("abcdefgh", 5)).toBe("abcd…");
    expect(truncate("پرونده شماره یک", 9)).toBe("پرونده ش…");
  });

  it("does not split an astral character and drops trailing space before the ellipsis", () => {
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
    expect(truncate("ab cd", 4)).toBe("ab…");
  });

  it("handles the degenerate limits", () => {
    expect(truncate("abc", 0)).toBe("");
    expect(truncate("abc", 1)).toBe("…");
    expect(() => truncate("abc", -1)).toThrow(RangeError);
  });
});

describe("splitMessage", () => {
  it("returns short text as a single message and empty text as none", () => {
    expect(splitMessage("hello")).toEqual(["hello"]);
    expect(splitMessage("")).toEqual([]);
    expect(splitMessage("a".repeat(4096))).toHaveLength(1);
  });

  it("prefers a paragraph break, then a line break, then a space", () => {
    expect(splitMessage("aaaa bbbb\ncccc\n\ndddd", 16)).toEqual(["aaaa bbbb\ncccc", "dddd"]);
    expect(splitMessage("aaaa bbbb\ncccc dddd", 16)).toEqual(["aaaa bbbb", "cccc dddd"]);
    expect(splitMessage("aaaa bbbb cccc dddd", 16)).toEqual(["aaaa bbbb cccc", "dddd"]);
  });

  it("ignores a boundary so early it would waste most of the message", () => {
    // The only paragraph break is at 2 of 20: better to cut at the last space.
    expect(splitMessage("ab\n\ncccc dddd eeee ffff gggg", 20)).toEqual(["ab\n\ncccc dddd eeee", "ffff gggg"]);
  });

  it("cuts hard when there is no boundary, and never inside a surrogate pair", () => {
    expect(splitMessage("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    const parts = splitMessage("a😀😀", 2);
    expect(parts).toEqual(["a", "😀", "😀"]);
  });

  it("never exceeds max UTF-16 units and loses no non-space text", () => {
    const words = Array.from({ length: 3000 }, (_, i) => (i % 17 === 0 ? `پاراگراف😀${i}\n\n` : `کلمه${i} `));
    const text = words.join("");
    for (const max of [4096, 100, 7]) {
      const parts = splitMessage(text, max);
      expect(parts.every((p) => p.length <= max && p.length > 0)).toBe(true);
      expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      // No part starts with a lone low surrogate.
      expect(parts.some((p) => /^[\udc00-\udfff]/.test(p))).toBe(false);
    }
  });

  it("rejects a limit that cannot hold a surrogate pair", () => {
    expect(() => splitMessage("abc", 1)).toThrow(RangeError);
  });
});

describe("fullName", () => {
  it("joins the first and the optional last name", () => {
    expect(fullName({ firstName: "Reza", lastName: "Karimi" })).toBe("Reza Karimi");
    expect(fullName({ firstName: "رضا", lastName: null })).toBe("رضا");
    expect(fullName({ firstName: "Reza" })).toBe("Reza");
  });
});
