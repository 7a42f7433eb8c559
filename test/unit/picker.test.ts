import { describe, expect, it } from "vitest";
import { readQuery, searchNames, sortByName, sortGroups } from "../../src/bot/presenters/picker";

const groups = [
  { id: 1, kind: "PROVINCE", nameFa: "کرمانشاه", nameEn: "Kermanshah" },
  { id: 2, kind: "FREE_ZONE", nameFa: "منطقه آزاد کیش", nameEn: "Kish Free Zone" },
  { id: 3, kind: "PROVINCE", nameFa: "اصفهان", nameEn: "Isfahan" },
  { id: 4, kind: "PROVINCE", nameFa: "کرمان", nameEn: "Kerman" },
  { id: 5, kind: "FREE_ZONE", nameFa: "منطقه آزاد اروند", nameEn: "Arvand Free Zone" },
  { id: 6, kind: "PROVINCE", nameFa: "چهارمحال و بختیاری", nameEn: "Chaharmahal and Bakhtiari" },
];

describe("the picker's order and search", () => {
  it("sorts by the name in the reader's language (پ چ ژ گ in their Persian places)", () => {
    expect(sortByName(groups, "fa").map((g) => g.id)).toEqual([3, 6, 4, 1, 5, 2]);
    expect(sortByName(groups, "en").map((g) => g.id)).toEqual([5, 6, 3, 4, 1, 2]);
  });

  it("puts provinces before free zones, each by name", () => {
    expect(sortGroups(groups, "en").map((g) => g.nameEn)).toEqual(["Chaharmahal and Bakhtiari", "Isfahan", "Kerman", "Kermanshah", "Arvand Free Zone", "Kish Free Zone"]);
  });

  it("finds by Persian, Arabic or Latin letters, keeping the given order; an exact name alone", () => {
    expect(searchNames(groups, "کرم").map((g) => g.id)).toEqual([1, 4]);
    expect(searchNames(groups, "كرم").map((g) => g.id)).toEqual([1, 4]);
    expect(searchNames(groups, "KERM").map((g) => g.id)).toEqual([1, 4]);
    expect(searchNames(groups, "kerman").map((g) => g.id)).toEqual([4]);
    expect(searchNames(groups, "free zone").map((g) => g.id)).toEqual([2, 5]);
    expect(searchNames(groups, "  ")).toEqual([]);
  });

  it("reads a query only when it has a letter or digit", () => {
    expect(readQuery(" kerm ")).toBe("kerm");
    expect(readQuery("۱۲")).toBe("۱۲");
    expect(readQuery("👍")).toBeNull();
    expect(readQuery("x".repeat(61))).toBeNull();
  });
});
