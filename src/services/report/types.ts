/**
 * The quarterly report's data (issue 12): what a working group publishes at the end of a period,
 * counted the way seed 000 counts it. Computed by `src/services/report/` from PostgreSQL, read by
 * the presenters (the paragraph), the chart renderer, the workbook and the document.
 * Plain data only (no Prisma types) so every renderer can be tested with a literal.
 */

// The period is the domain's (src/domain/report-period.ts: Jalali months, quarters, years,
// custom ranges in Asia/Tehran), the one definition.
import type { ReportPeriod } from "../../domain/report-period";

export type { ReportPeriod };
export type PeriodKind = ReportPeriod["kind"];

/** A count now and in the previous period of the same length. */
export interface Figure {
  current: number;
  previous: number;
}

export interface NamedFigure {
  /** Stable key (a topic key, a meeting kind, an agency id as string). */
  key: string;
  nameFa: string;
  nameEn: string;
  count: Figure;
}

export interface AgencyScore {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  /** AgencyKind from the schema ("BANK", …). */
  kind: string;
  tasksAssigned: number;
  doneOnTime: number;
  doneLate: number;
  open: number;
  /** Of the open ones, past their deadline now (or at the period's end). */
  overdue: number;
  refusedWithReasons: number;
  refusedWithoutReasons: number;
  extensionsAsked: number;
  /** Median hours from assignment to the first answer; null when nothing answered. */
  medianResponseHours: number | null;
  resolutionsAssigned: number;
  resolutionsImplemented: number;
  /** doneOnTime / (doneOnTime + doneLate + overdue); null when nothing was due. */
  onTimeShare: number | null;
  /** resolutionsImplemented / resolutionsAssigned; null when none assigned. */
  implementedShare: number | null;
}

export interface BankScore {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  loanRequests: number;
  approved: number;
  /** Rials, as a decimal string (bigint does not survive JSON). */
  amountApprovedRials: string;
  refused: number;
  refusedWithReasons: number;
  pending: number;
}

export interface MonthRow {
  jalaliYear: number;
  jalaliMonth: number;
  casesReported: number;
  casesResolved: number;
  resolutionsRecorded: number;
}

export interface PeriodReport {
  workingGroup: { id: number; nameFa: string; nameEn: string };
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  generatedAt: Date;
  /** Meetings held, by kind (keys "WORKING_GROUP", "COMMITTEE"). */
  meetingsHeld: NamedFigure[];
  /** Distinct units whose cases were on the agenda of a meeting held in the period. */
  unitsHeard: Figure;
  resolutionsRecorded: Figure;
  casesReported: Figure;
  casesResolved: Figure;
  /** Distinct units referred (a task assigned) to an agency in the period. */
  unitsIntroduced: Figure;
  /** Units introduced per agency (seed 000: "110 units introduced to social security"). */
  unitsIntroducedByAgency: NamedFigure[];
  financing: {
    /** Rials approved in the period, decimal strings. */
    amountApprovedRials: { current: string; previous: string };
    unitsFinanced: Figure;
    refused: Figure;
  };
  irreversible: {
    /** Cases with an irreversible date resolved before it / after it (or lost). */
    savedBefore: Figure;
    after: Figure;
  };
  /** Topic groups over the agenda items heard, most frequent first. */
  topicsHeard: NamedFigure[];
  /** Topic groups over the cases reported, most frequent first. */
  topicsReported: NamedFigure[];
  agencies: AgencyScore[];
  banks: BankScore[];
  /** The twelve (or fewer) Jalali months ending with the period's last, oldest first. */
  byMonth: MonthRow[];
}
