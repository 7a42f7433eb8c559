/**
 * A PeriodReport literal for the renderers' tests (and anyone else's): the first quarter of 1405
 * (spring) of the Khuzestan working group, with seed 000's figures — 32 working-group meetings,
 * 153 specialist-committee meetings, 171 units heard, 204 resolutions, topics overdue debts 87 /
 * financing requests 39 / other 78, 110 units introduced to social security, 175 billion tomans
 * of loans to 75 units — against a made-up previous quarter (winter 1404).
 *
 * `reportFixture()` returns a fresh copy each time, so a test may change it.
 */
import { jalaliToInstant } from "../../src/domain/jalali";
import type { AgencyScore, MonthRow, PeriodReport } from "../../src/services/report/types";

const day = (year: number, month: number, dayOfMonth: number) => jalaliToInstant({ year, month, day: dayOfMonth });

type AgencyInput = Omit<AgencyScore, "onTimeShare" | "implementedShare">;

/** The shares computed the way types.ts defines them. */
function scored(agency: AgencyInput): AgencyScore {
  const due = agency.doneOnTime + agency.doneLate + agency.overdue;
  return {
    ...agency,
    onTimeShare: due === 0 ? null : agency.doneOnTime / due,
    implementedShare: agency.resolutionsAssigned === 0 ? null : agency.resolutionsImplemented / agency.resolutionsAssigned,
  };
}

const AGENCIES: AgencyInput[] = [
  {
    agencyId: 11, nameFa: "سازمان تأمین اجتماعی", nameEn: "Social Security Organization", kind: "SOCIAL_SECURITY",
    tasksAssigned: 126, doneOnTime: 98, doneLate: 14, open: 14, overdue: 6, refusedWithReasons: 3, refusedWithoutReasons: 0,
    extensionsAsked: 9, medianResponseHours: 52, resolutionsAssigned: 61, resolutionsImplemented: 49,
  },
  {
    agencyId: 12, nameFa: "بانک ملی ایران", nameEn: "Bank Melli Iran", kind: "BANK",
    tasksAssigned: 58, doneOnTime: 29, doneLate: 17, open: 12, overdue: 8, refusedWithReasons: 5, refusedWithoutReasons: 2,
    extensionsAsked: 11, medianResponseHours: 120, resolutionsAssigned: 34, resolutionsImplemented: 21,
  },
  {
    agencyId: 13, nameFa: "بانک سپه", nameEn: "Bank Sepah", kind: "BANK",
    tasksAssigned: 41, doneOnTime: 27, doneLate: 6, open: 8, overdue: 3, refusedWithReasons: 2, refusedWithoutReasons: 1,
    extensionsAsked: 4, medianResponseHours: 96, resolutionsAssigned: 22, resolutionsImplemented: 17,
  },
  {
    agencyId: 14, nameFa: "بانک کشاورزی", nameEn: "Bank Keshavarzi", kind: "BANK",
    tasksAssigned: 23, doneOnTime: 15, doneLate: 3, open: 5, overdue: 1, refusedWithReasons: 1, refusedWithoutReasons: 0,
    extensionsAsked: 2, medianResponseHours: 72, resolutionsAssigned: 12, resolutionsImplemented: 10,
  },
  {
    agencyId: 15, nameFa: "اداره کل امور مالیاتی", nameEn: "Tax Administration", kind: "TAX",
    tasksAssigned: 37, doneOnTime: 18, doneLate: 12, open: 7, overdue: 5, refusedWithReasons: 0, refusedWithoutReasons: 0,
    extensionsAsked: 6, medianResponseHours: 140.5, resolutionsAssigned: 25, resolutionsImplemented: 14,
  },
  {
    agencyId: 16, nameFa: "شرکت توزیع نیروی برق", nameEn: "Power Distribution Company", kind: "UTILITY",
    tasksAssigned: 19, doneOnTime: 16, doneLate: 1, open: 2, overdue: 0, refusedWithReasons: 0, refusedWithoutReasons: 0,
    extensionsAsked: 1, medianResponseHours: 20, resolutionsAssigned: 9, resolutionsImplemented: 8,
  },
  {
    agencyId: 17, nameFa: "اداره کل حفاظت محیط زیست", nameEn: "Department of Environment", kind: "ENVIRONMENT",
    tasksAssigned: 14, doneOnTime: 5, doneLate: 6, open: 3, overdue: 3, refusedWithReasons: 1, refusedWithoutReasons: 1,
    extensionsAsked: 3, medianResponseHours: 210, resolutionsAssigned: 8, resolutionsImplemented: 4,
  },
  {
    // Nothing due yet: no on-time share, left out of the chart.
    agencyId: 18, nameFa: "شرکت شهرک‌های صنعتی", nameEn: "Industrial Estates Company", kind: "INDUSTRIAL_ESTATES",
    tasksAssigned: 2, doneOnTime: 0, doneLate: 0, open: 2, overdue: 0, refusedWithReasons: 0, refusedWithoutReasons: 0,
    extensionsAsked: 0, medianResponseHours: null, resolutionsAssigned: 0, resolutionsImplemented: 0,
  },
];

/** Tir 1404 … Khordad 1405: the twelve months ending with the quarter's last. */
const BY_MONTH: MonthRow[] = [
  [1404, 4, 48, 31, 41], [1404, 5, 52, 37, 44], [1404, 6, 45, 40, 38],
  [1404, 7, 61, 42, 57], [1404, 8, 57, 49, 52], [1404, 9, 49, 51, 47],
  [1404, 10, 55, 44, 50], [1404, 11, 58, 46, 49], [1404, 12, 43, 39, 41],
  [1405, 1, 51, 38, 47], [1405, 2, 74, 55, 81], [1405, 3, 68, 63, 76],
].map(([jalaliYear, jalaliMonth, casesReported, casesResolved, resolutionsRecorded]) => ({
  jalaliYear: jalaliYear ?? 0, jalaliMonth: jalaliMonth ?? 0,
  casesReported: casesReported ?? 0, casesResolved: casesResolved ?? 0, resolutionsRecorded: resolutionsRecorded ?? 0,
}));

export function reportFixture(): PeriodReport {
  return {
    workingGroup: { id: 7, nameFa: "خوزستان", nameEn: "Khuzestan" },
    period: { kind: "quarter", quarter: 1, start: day(1405, 1, 1), end: day(1405, 4, 1), firstDay: [1405, 1, 1], lastDay: [1405, 3, 31] },
    previousPeriod: { kind: "quarter", quarter: 4, start: day(1404, 10, 1), end: day(1405, 1, 1), firstDay: [1404, 10, 1], lastDay: [1404, 12, 29] },
    generatedAt: new Date("2026-06-23T05:00:00Z"), // Tuesday 2 Tir 1405, 08:30 in Tehran
    meetingsHeld: [
      { key: "WORKING_GROUP", nameFa: "کارگروه", nameEn: "working group", count: { current: 32, previous: 28 } },
      { key: "COMMITTEE", nameFa: "کمیته تخصصی", nameEn: "specialist committee", count: { current: 153, previous: 160 } },
    ],
    unitsHeard: { current: 171, previous: 149 },
    resolutionsRecorded: { current: 204, previous: 140 },
    casesReported: { current: 193, previous: 156 },
    casesResolved: { current: 156, previous: 129 },
    unitsIntroduced: { current: 138, previous: 97 },
    unitsIntroducedByAgency: [
      { key: "11", nameFa: "سازمان تأمین اجتماعی", nameEn: "Social Security Organization", count: { current: 110, previous: 64 } },
      { key: "12", nameFa: "بانک ملی ایران", nameEn: "Bank Melli Iran", count: { current: 19, previous: 21 } },
      { key: "15", nameFa: "اداره کل امور مالیاتی", nameEn: "Tax Administration", count: { current: 12, previous: 15 } },
    ],
    financing: {
      amountApprovedRials: { current: "1750000000000", previous: "1210000000000" },
      unitsFinanced: { current: 75, previous: 58 },
      refused: { current: 9, previous: 13 },
    },
    irreversible: { savedBefore: { current: 41, previous: 33 }, after: { current: 6, previous: 9 } },
    topicsHeard: [
      { key: "overdue-debts", nameFa: "تکلیف بدهی‌های معوق", nameEn: "overdue debts", count: { current: 87, previous: 71 } },
      { key: "other", nameFa: "سایر مسائل و مشکلات", nameEn: "other problems", count: { current: 78, previous: 66 } },
      { key: "financing", nameFa: "درخواست تسهیلات و تأمین مالی", nameEn: "financing requests", count: { current: 39, previous: 44 } },
    ],
    topicsReported: [
      { key: "overdue-debts", nameFa: "تکلیف بدهی‌های معوق", nameEn: "overdue debts", count: { current: 82, previous: 64 } },
      { key: "other", nameFa: "سایر مسائل و مشکلات", nameEn: "other problems", count: { current: 69, previous: 58 } },
      { key: "financing", nameFa: "درخواست تسهیلات و تأمین مالی", nameEn: "financing requests", count: { current: 42, previous: 34 } },
    ],
    agencies: AGENCIES.map(scored),
    banks: [
      { agencyId: 12, nameFa: "بانک ملی ایران", nameEn: "Bank Melli Iran", loanRequests: 41, approved: 34, amountApprovedRials: "800000000000", refused: 5, refusedWithReasons: 3, pending: 2 },
      { agencyId: 13, nameFa: "بانک سپه", nameEn: "Bank Sepah", loanRequests: 30, approved: 26, amountApprovedRials: "800000000000", refused: 3, refusedWithReasons: 2, pending: 1 },
      { agencyId: 14, nameFa: "بانک کشاورزی", nameEn: "Bank Keshavarzi", loanRequests: 17, approved: 15, amountApprovedRials: "150000000000", refused: 1, refusedWithReasons: 1, pending: 1 },
    ],
    byMonth: BY_MONTH,
  };
}

/** Seed 000's numbers, for assertions. */
export const SEED_000 = {
  workingGroupMeetings: 32,
  committeeMeetings: 153,
  unitsHeard: 171,
  resolutions: 204,
  topics: { overdueDebts: 87, financing: 39, other: 78 },
  unitsToSocialSecurity: 110,
  financingRials: 1_750_000_000_000n,
  unitsFinanced: 75,
} as const;
