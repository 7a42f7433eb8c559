import { describe, it, expect } from "vitest";
import { formatAmount, formatAmountInWords, parseAmount } from "../../src/domain/money";

describe("parseAmount", () => {
  it.each([
    ["۵۰۰ میلیون", "toman", 5_000_000_000n],
    ["500 میلیون", "rial", 500_000_000n],
    ["12,500,000", "rial", 12_500_000n],
    ["۱۲٬۵۰۰٬۰۰۰", "toman", 125_000_000n],
    ["۱۲،۵۰۰", "rial", 12_500n],
    ["12 500 000", "rial", 12_500_000n],
    ["٣ هزار", "rial", 3_000n],
    ["2.5 میلیارد", "toman", 25_000_000_000n],
    ["۲/۵ میلیارد", "rial", 2_500_000_000n],
    ["۲٫۵ میلیارد", "rial", 2_500_000_000n],
    ["1.25 million", "rial", 1_250_000n],
    ["3 Billion", "rial", 3_000_000_000n],
    ["7 thousand", "toman", 70_000n],
    ["۵۰۰میلیون", "rial", 500_000_000n],
    ["۴ ملیون", "rial", 4_000_000n],
    ["+100", "rial", 100n],
    ["1", "toman", 10n],
  ] as const)("%j in %s → %s rials", (input, unit, expected) => {
    expect(parseAmount(input, unit)).toBe(expected);
  });

  it("adds terms joined with و / and, in decreasing order", () => {
    expect(parseAmount("۲ میلیارد و ۵۰۰ میلیون", "toman")).toBe(25_000_000_000n);
    expect(parseAmount("۲ میلیارد و۵۰۰ میلیون", "rial")).toBe(2_500_000_000n);
    expect(parseAmount("1 million and 200 thousand", "rial")).toBe(1_200_000n);
    expect(parseAmount("۲ میلیون و ۵۰۰", "rial")).toBe(2_000_500n);
  });

  it("refuses sums that are not in decreasing order or lack an inner multiplier", () => {
    expect(parseAmount("۵۰۰ هزار و ۲ میلیون", "rial")).toBeNull();
    expect(parseAmount("۲ میلیون و ۳ میلیون", "rial")).toBeNull();
    expect(parseAmount("۵۰۰ و ۲ میلیون", "rial")).toBeNull();
  });

  it("lets a typed unit word override the expected unit", () => {
    expect(parseAmount("۵۰۰ میلیون تومان", "rial")).toBe(5_000_000_000n);
    expect(parseAmount("۵۰۰ میلیون ریال", "toman")).toBe(500_000_000n);
    expect(parseAmount("1,000 tomans", "rial")).toBe(10_000n);
  });

  it("allows decimals only with a multiplier, and never a fraction of a rial", () => {
    expect(parseAmount("2.5", "rial")).toBeNull();
    expect(parseAmount("2.5", "toman")).toBeNull();
    expect(parseAmount("1.0001 هزار", "rial")).toBeNull(); // 1000.1 rials
    expect(parseAmount("1.0001 هزار", "toman")).toBe(10_001n); // 1000.1 tomans = 10001 rials
  });

  it.each(["0", "۰ میلیون", "-5", "−5", "", "abc", "۵۰۰ دلار", "12a", "1,5", "میلیون", "500 میلیون میلیون"])(
    "rejects %j",
    (input) => {
      expect(parseAmount(input, "rial")).toBeNull();
    },
  );

  it("caps input and result at 20 digits", () => {
    expect(parseAmount("9".repeat(20), "rial")).toBe(10n ** 20n - 1n);
    expect(parseAmount("9".repeat(21), "rial")).toBeNull();
    expect(parseAmount("9".repeat(20), "toman")).toBeNull(); // 21 digits in rials
    expect(parseAmount(`${"9".repeat(12)} میلیارد`, "rial")).toBeNull();
  });
});

describe("formatAmount", () => {
  it("formats rials with locale separators and digits", () => {
    expect(formatAmount(12_500_000n, "fa")).toBe("۱۲٬۵۰۰٬۰۰۰ ریال");
    expect(formatAmount(12_500_000n, "en")).toBe("12,500,000 rials");
    expect(formatAmount(999n, "en")).toBe("999 rials");
    expect(formatAmount(1_000n, "en")).toBe("1,000 rials");
    expect(formatAmount(1n, "en")).toBe("1 rial");
  });

  it("shows tomans on request, keeping a remainder of rials as a decimal", () => {
    expect(formatAmount(5_000_000_000n, "fa", "toman")).toBe("۵۰۰٬۰۰۰٬۰۰۰ تومان");
    expect(formatAmount(5_000_000_000n, "en", "toman")).toBe("500,000,000 tomans");
    expect(formatAmount(12_505n, "en", "toman")).toBe("1,250.5 tomans");
    expect(formatAmount(12_505n, "fa", "toman")).toBe("۱٬۲۵۰٫۵ تومان");
    expect(formatAmount(10n, "en", "toman")).toBe("1 toman");
  });

  it("handles numbers beyond Number precision and negatives", () => {
    expect(formatAmount(12_345_678_901_234_567_890n, "en")).toBe("12,345,678,901,234,567,890 rials");
    expect(formatAmount(-1_500n, "en")).toBe("-1,500 rials");
    expect(formatAmount(0n, "fa")).toBe("۰ ریال");
  });

  it("round-trips through parseAmount", () => {
    for (const rials of [1n, 10_000n, 123_456_789n, 98_765_432_100_000n]) {
      expect(parseAmount(formatAmount(rials, "fa"), "toman")).toBe(rials); // typed unit word wins
      expect(parseAmount(formatAmount(rials, "en").replace(/ rials?$/, ""), "rial")).toBe(rials);
    }
  });
});

describe("formatAmountInWords", () => {
  it("reads like the seeds: tomans with multiplier words, Persian digits", () => {
    expect(formatAmountInWords(1_750_000_000_000n, "fa")).toBe("۱۷۵ میلیارد تومان");
    expect(formatAmountInWords(1_750_000_000_000n, "en")).toBe("175 billion tomans");
    expect(formatAmountInWords(45_000_000_000n, "fa")).toBe("۴ میلیارد و ۵۰۰ میلیون تومان");
    expect(formatAmountInWords(45_000_000_000n, "en")).toBe("4 billion 500 million tomans");
    expect(formatAmountInWords(12_000_000_000_000n, "fa")).toBe("۱٬۲۰۰ میلیارد تومان");
    expect(formatAmountInWords(5_000n, "en")).toBe("500 tomans");
    expect(formatAmountInWords(10n, "en")).toBe("1 toman");
    expect(formatAmountInWords(0n, "fa")).toBe("۰ تومان");
  });

  it("keeps two groups and says 'about' when it rounds", () => {
    expect(formatAmountInWords(1_753_260_000_000n, "fa")).toBe("۱۷۵ میلیارد و ۳۲۶ میلیون تومان");
    expect(formatAmountInWords(1_753_265_000_000n, "fa")).toBe("حدود ۱۷۵ میلیارد و ۳۲۷ میلیون تومان");
    expect(formatAmountInWords(12_345_670n, "en")).toBe("about 1 million 235 thousand tomans");
    expect(formatAmountInWords(9_999_999_999_990n, "en")).toBe("about 1,000 billion tomans");
    expect(formatAmountInWords(15n, "en")).toBe("about 2 tomans");
  });
});
