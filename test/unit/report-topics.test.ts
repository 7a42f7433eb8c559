import { describe, expect, it } from "vitest";
import { isLoanTask, parseTopics, REPORT_TOPICS, topicList, topicOf } from "../../src/domain/report-topics";

describe("report topics (data/report-topics.json)", () => {
  it("maps the taxonomy the way seed 000 counts", () => {
    const t = REPORT_TOPICS;
    expect(topicOf(t, "bank", "overdue_loan")).toBe("overdue_debts");
    expect(topicOf(t, "bank", "rescheduling")).toBe("overdue_debts");
    expect(topicOf(t, "social_security", "penalty_forgiveness")).toBe("overdue_debts");
    expect(topicOf(t, "social_security", null)).toBe("overdue_debts");
    expect(topicOf(t, "tax", null)).toBe("overdue_debts");
    expect(topicOf(t, "utility_cutoff", "electricity")).toBe("overdue_debts");
    expect(topicOf(t, "bank", "working_capital")).toBe("financing");
    expect(topicOf(t, "bank", "loan_refused")).toBe("financing");
    expect(topicOf(t, "bank", "guarantee")).toBe("financing");
    expect(topicOf(t, "bank", null)).toBe("other");
    expect(topicOf(t, "permits", "environment")).toBe("other");
    expect(topicList(t).map((x) => x.key)).toEqual(["overdue_debts", "financing", "other"]);
  });

  it("a loan task is a bank's task on a financing case", () => {
    expect(isLoanTask(REPORT_TOPICS, "BANK", "bank", "working_capital")).toBe(true);
    expect(isLoanTask(REPORT_TOPICS, "BANK", "bank", "overdue_loan")).toBe(false);
    expect(isLoanTask(REPORT_TOPICS, "CENTRAL_BANK", "bank", "working_capital")).toBe(false);
    expect(isLoanTask(REPORT_TOPICS, "GAS", "bank", "guarantee")).toBe(false);
  });

  it("refuses a configuration with unknown categories, foreign subcategories or a pair in two topics", () => {
    const other = { key: "other", nameFa: "سایر", nameEn: "Other" };
    const group = (key: string, match: unknown[]) => ({ key, nameFa: key, nameEn: key, match });
    expect(() => parseTopics({ groups: [group("a", [{ category: "banking" }])], other })).toThrow(/unknown category/);
    expect(() => parseTopics({ groups: [group("a", [{ category: "tax", subcategories: ["gas"] }])], other })).toThrow(/not a subcategory/);
    expect(() => parseTopics({ groups: [group("a", [{ category: "tax" }]), group("b", [{ category: "tax" }])], other })).toThrow(/two topics/);
    expect(() => parseTopics({ groups: [group("other", [{ category: "tax" }])], other })).toThrow(/twice/);
  });
});
