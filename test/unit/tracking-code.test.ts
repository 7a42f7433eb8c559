import { describe, it, expect } from "vitest";
import { formatTrackingCode, parseTrackingCode } from "../../src/domain/tracking-code";

describe("formatTrackingCode", () => {
  it("zero-pads the sequence to five digits", () => {
    expect(formatTrackingCode("KRM", 1405, 42)).toBe("KRM-1405-00042");
    expect(formatTrackingCode("KRM", 1405, 1)).toBe("KRM-1405-00001");
    expect(formatTrackingCode("KRM", 1405, 99_999)).toBe("KRM-1405-99999");
  });

  it("grows beyond 99999 instead of wrapping", () => {
    expect(formatTrackingCode("KRM", 1405, 123_456)).toBe("KRM-1405-123456");
  });

  it("upper-cases the working-group code", () => {
    expect(formatTrackingCode("anz", 1404, 7)).toBe("ANZ-1404-00007");
  });

  it.each([
    ["K", 1405, 1],
    ["KR1", 1405, 1],
    ["KRM", 405, 1],
    ["KRM", 1405, 0],
    ["KRM", 1405, -3],
    ["KRM", 1405, 1.5],
  ] as const)("refuses %j / %d / %d", (group, year, sequence) => {
    expect(() => formatTrackingCode(group, year, sequence)).toThrow(RangeError);
  });
});

describe("parseTrackingCode", () => {
  const expected = { workingGroupCode: "KRM", jalaliYear: 1405, sequence: 42 };

  it.each([
    "KRM-1405-00042",
    "krm-1405-00042",
    "KRM-۱۴۰۵-۰۰۰۴۲",
    "KRM-١٤٠٥-٠٠٠٤٢",
    " KRM - 1405 - 00042 ",
    "krm 1405 00042",
    "KRM140500042",
    "KRM-1405-42",
    "KRM–1405–00042", // en dashes from a phone keyboard
    "\u202aKRM-1405-00042\u202c",
  ])("reads %j", (input) => {
    expect(parseTrackingCode(input)).toEqual(expected);
  });

  it("round-trips long sequences", () => {
    expect(parseTrackingCode(formatTrackingCode("KRM", 1405, 123_456))).toEqual({
      workingGroupCode: "KRM",
      jalaliYear: 1405,
      sequence: 123_456,
    });
  });

  it.each(["", "KRM", "KRM-1405", "KRM-1405-00000", "KRM-140-00042", "1405-00042", "KR1-1405-00042", "KRM-1405-00042-9", "کرم-1405-42"])(
    "refuses %j",
    (input) => {
      expect(parseTrackingCode(input)).toBeNull();
    },
  );
});
