import { describe, it, expect } from "vitest";
import { computeUrgency, irreversibleFromChoice, urgencyRank, type Urgency } from "../../src/domain/urgency";

const HOUR = 3_600_000;
// 10:00 Tehran on Saturday 10 Khordad 1404.
const now = new Date("2025-05-31T06:30:00Z");
const inHours = (h: number): Date => new Date(now.getTime() + h * HOUR);

describe("computeUrgency", () => {
  it("a utility cut-off warning is always critical, even without a date or far away", () => {
    expect(computeUrgency({ category: "utility_cutoff", irreversibleAt: null, now })).toBe("critical");
    expect(computeUrgency({ category: "utility_cutoff", irreversibleAt: inHours(24 * 90), now })).toBe("critical");
  });

  it.each([
    [-1, "critical"], // already happened
    [0, "critical"],
    [72, "critical"],
    // End of the third Tehran day (23:59:59 on 13 Khordad) is still critical.
    [3 * 24 + 13.99, "critical"],
    [3 * 24 + 14.01, "high"], // 14 Khordad 00:00:36
    [7 * 24, "high"],
    [7 * 24 + 14.01, "normal"],
    [30 * 24, "normal"],
    [30 * 24 + 14.01, "low"],
    [365 * 24, "low"],
  ] as const)("irreversible in %d h → %s", (hours, expected) => {
    expect(computeUrgency({ category: "bank", irreversibleAt: inHours(hours), now })).toBe(expected);
  });

  it("an unknown irreversibility date is normal", () => {
    expect(computeUrgency({ category: "tax", irreversibleAt: null, now })).toBe("normal");
  });

  it("agrees with the producer's multiple-choice answers", () => {
    const urgencyOf = (choice: "happened" | "3d" | "week" | "month"): Urgency =>
      computeUrgency({ category: "permits", irreversibleAt: irreversibleFromChoice(choice, now), now });
    expect(urgencyOf("happened")).toBe("critical");
    expect(urgencyOf("3d")).toBe("critical");
    expect(urgencyOf("week")).toBe("high");
    expect(urgencyOf("month")).toBe("normal");
  });
});

describe("urgencyRank", () => {
  it("orders most urgent first", () => {
    const queue: Urgency[] = ["low", "critical", "normal", "high", "critical"];
    expect([...queue].sort((a, b) => urgencyRank(a) - urgencyRank(b))).toEqual([
      "critical", "critical", "high", "normal", "low",
    ]);
    expect(urgencyRank("critical")).toBe(0);
    expect(urgencyRank("low")).toBe(3);
  });
});

describe("irreversibleFromChoice", () => {
  it("'happened' is now (a copy, not the same object)", () => {
    const result = irreversibleFromChoice("happened", now);
    expect(result.getTime()).toBe(now.getTime());
    expect(result).not.toBe(now);
  });

  it("other choices are the end of a Tehran day 3, 7 or 30 days ahead", () => {
    expect(irreversibleFromChoice("3d", now).toISOString()).toBe("2025-06-03T20:29:59.999Z"); // 13 Khordad
    expect(irreversibleFromChoice("week", now).toISOString()).toBe("2025-06-07T20:29:59.999Z"); // 17 Khordad
    expect(irreversibleFromChoice("month", now).toISOString()).toBe("2025-06-30T20:29:59.999Z"); // 9 Tir
  });

  it("counts from the Tehran date, which is already tomorrow late in the UTC evening", () => {
    // 2025-05-31T21:00Z is 00:30 on 11 Khordad in Tehran.
    expect(irreversibleFromChoice("3d", new Date("2025-05-31T21:00:00Z")).toISOString()).toBe(
      "2025-06-04T20:29:59.999Z",
    );
  });
});
