/**
 * The seed-style paragraph (seed 000) from a PeriodReport: the seed's figures in Persian with
 * Persian digits and in English, the change against the previous period, and the sentences
 * that fall away when their figures are zero.
 */
import { describe, expect, it } from "vitest";
import { jalaliToInstant } from "../../src/domain/jalali";
import { createI18n, translatorFor } from "../../src/i18n";
import { renderReportParagraph } from "../../src/services/report/render";
import { periodName } from "../../src/services/report/render/labels";
import type { PeriodReport } from "../../src/services/report/types";
import { reportFixture } from "../support/report-fixture";

const t = translatorFor(createI18n("fa"));

function emptied(report: PeriodReport): PeriodReport {
  const zero = { current: 0, previous: 0 };
  return {
    ...report,
    meetingsHeld: report.meetingsHeld.map((m) => ({ ...m, count: zero })),
    unitsHeard: zero,
    resolutionsRecorded: zero,
    unitsIntroduced: zero,
    unitsIntroducedByAgency: [],
    financing: { amountApprovedRials: { current: "0", previous: "0" }, unitsFinanced: zero, refused: zero },
    irreversible: { savedBefore: zero, after: zero },
    topicsHeard: [],
  };
}

describe("renderReportParagraph", () => {
  it("writes seed 000's quarter in Persian", () => {
    expect(renderReportParagraph(reportFixture(), "fa", t)).toBe(
      "در سه‌ماهه نخست سال ۱۴۰۵ تعداد ۳۲ جلسه کارگروه تسهیل و رفع موانع تولید خوزستان (۴ مورد بیشتر از سه‌ماهه پیش) برگزار شد" +
        " و تعداد ۱۵۳ جلسه کمیته‌های تخصصی (۷ مورد کمتر از سه‌ماهه پیش) برای بررسی وضعیت واحدها تشکیل شد." +
        " در این جلسات به مشکلات ۱۷۱ واحد تولیدی (۲۲ مورد بیشتر از سه‌ماهه پیش) رسیدگی شد و ۲۰۴ مصوبه (۶۴ مورد بیشتر از سه‌ماهه پیش) برای کمک به واحدها تصویب و پیگیری گردید." +
        " بیشترین موضوعات مطرح‌شده تکلیف بدهی‌های معوق با ۸۷ مورد، سایر مسائل و مشکلات با ۷۸ مورد و درخواست تسهیلات و تأمین مالی با ۳۹ مورد بوده است." +
        " ۱۳۸ واحد تولیدی به دستگاه‌های اجرایی معرفی شدند، از جمله ۱۱۰ واحد به سازمان تأمین اجتماعی." +
        " مبلغ ۱۷۵ میلیارد تومان تسهیلات به ۷۵ واحد تولیدی اعطا شد (سه‌ماهه پیش: ۱۲۱ میلیارد تومان به ۵۸ واحد)." +
        " ۴۱ پرونده پیش از آنکه مشکل به مرحله غیرقابل‌بازگشت برسد حل شد و ۶ پرونده پس از آن.",
    );
  });

  it("writes it in English", () => {
    expect(renderReportParagraph(reportFixture(), "en", t)).toBe(
      "In the first quarter of 1405 the Khuzestan working group for removing production obstacles held 32 meetings (4 more than the previous quarter)" +
        " and its specialist committees 153 meetings (7 fewer than the previous quarter) to examine the units' situation." +
        " The problems of 171 production units (22 more than the previous quarter) were heard and 204 resolutions (64 more than the previous quarter) were passed and followed up to help them." +
        " The most frequent topics were overdue debts (87), other problems (78) and financing requests (39)." +
        " 138 production units were introduced to executive agencies, 110 of them to Social Security Organization." +
        " 175 billion tomans of loans went to 75 production units (in the previous quarter: 121 billion tomans to 58)." +
        " 41 cases were resolved before the problem became irreversible, 6 after.",
    );
  });

  it("has no Latin digit in Persian", () => {
    expect(renderReportParagraph(reportFixture(), "fa", t)).not.toMatch(/[0-9]/);
  });

  it("says so when nothing happened, and leaves out the empty sentences", () => {
    const report = emptied(reportFixture());
    expect(renderReportParagraph(report, "fa", t)).toBe("در سه‌ماهه نخست سال ۱۴۰۵ جلسه‌ای از کارگروه تسهیل و رفع موانع تولید خوزستان برگزار نشد.");
    expect(renderReportParagraph(report, "en", t)).toBe("In the first quarter of 1405 the Khuzestan working group for removing production obstacles held no meeting.");
  });

  it("uses English singulars, one agency, an unchanged figure, and no comparison where the previous period had none", () => {
    const report = emptied(reportFixture());
    report.period = { kind: "month", month: 2, start: jalaliToInstant({ year: 1405, month: 2, day: 1 }), end: jalaliToInstant({ year: 1405, month: 3, day: 1 }), firstDay: [1405, 2, 1], lastDay: [1405, 2, 31] };
    report.meetingsHeld = [
      { key: "WORKING_GROUP", nameFa: "کارگروه", nameEn: "working group", count: { current: 1, previous: 1 } },
      { key: "COMMITTEE", nameFa: "کمیته تخصصی", nameEn: "specialist committee", count: { current: 1, previous: 0 } },
    ];
    report.unitsHeard = { current: 1, previous: 0 };
    report.resolutionsRecorded = { current: 1, previous: 3 };
    report.unitsIntroduced = { current: 4, previous: 0 };
    report.unitsIntroducedByAgency = [{ key: "11", nameFa: "سازمان تأمین اجتماعی", nameEn: "the Social Security Organization", count: { current: 4, previous: 0 } }];
    report.financing = { amountApprovedRials: { current: "45000000000", previous: "0" }, unitsFinanced: { current: 1, previous: 0 }, refused: { current: 0, previous: 0 } };
    expect(renderReportParagraph(report, "en", t)).toBe(
      "In Ordibehesht 1405 the Khuzestan working group for removing production obstacles held 1 meeting (as many as the previous month)" +
        " and its specialist committees 1 meeting (1 more than the previous month) to examine the units' situation." +
        " The problems of 1 production unit (1 more than the previous month) were heard and 1 resolution (2 fewer than the previous month) was passed and followed up to help them." +
        " 4 production units were introduced to the Social Security Organization." +
        " 4 billion 500 million tomans of loans went to 1 production unit.",
    );
    expect(renderReportParagraph(report, "fa", t)).toContain("۴ واحد تولیدی به سازمان تأمین اجتماعی معرفی شدند.");
    expect(renderReportParagraph(report, "fa", t)).toContain("مبلغ ۴ میلیارد و ۵۰۰ میلیون تومان تسهیلات به ۱ واحد تولیدی اعطا شد.");
    expect(renderReportParagraph(report, "fa", t)).toContain("(برابر با ماه پیش)");
  });
});

describe("the period's name", () => {
  const base = reportFixture().period;
  it("names quarters, months, years and ranges in both languages", () => {
    expect(periodName(base, "fa", t)).toBe("سه‌ماهه نخست سال ۱۴۰۵");
    expect(periodName(base, "fa", t, "short")).toBe("بهار ۱۴۰۵");
    expect(periodName({ ...base, quarter: 4, firstDay: [1404, 10, 1] }, "en", t)).toBe("the fourth quarter of 1404");
    expect(periodName({ ...base, quarter: 4, firstDay: [1404, 10, 1] }, "en", t, "short")).toBe("Winter 1404");
    expect(periodName({ ...base, kind: "month", month: 12, firstDay: [1404, 12, 1] }, "fa", t)).toBe("اسفند ۱۴۰۴");
    expect(periodName({ ...base, kind: "year", firstDay: [1404, 1, 1] }, "fa", t)).toBe("سال ۱۴۰۴");
    expect(periodName({ ...base, kind: "year", firstDay: [1404, 1, 1] }, "en", t, "short")).toBe("1404");
    const custom = { ...base, kind: "custom" as const, firstDay: [1405, 1, 15] as const, lastDay: [1405, 2, 14] as const };
    expect(periodName(custom, "fa", t)).toBe("دوره ۱۵ فروردین ۱۴۰۵ تا ۱۴ اردیبهشت ۱۴۰۵");
    expect(periodName(custom, "en", t)).toBe("the period 15 Farvardin 1405 to 14 Ordibehesht 1405");
    expect(periodName(custom, "fa", t, "short")).toBe("۱۴۰۵/۰۱/۱۵ تا ۱۴۰۵/۰۲/۱۴");
    expect(periodName(custom, "en", t, "short")).toBe("1405/01/15 to 1405/02/14");
  });
});
