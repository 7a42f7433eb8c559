/** What the statistics desk returns: plain data, rendered by src/bot/presenters/statistics.ts. */
import type { MeetingKind, ResolutionType } from "../../generated/prisma/enums";
import type { StatisticsPeriod } from "./periods";

export const CASE_STATUS_BUCKETS = ["open", "resolved", "closed", "rejected", "duplicate"] as const;
export type CaseStatusBucket = (typeof CASE_STATUS_BUCKETS)[number];

export function statusBucket(status: string): CaseStatusBucket {
  return status === "resolved" || status === "closed" || status === "rejected" || status === "duplicate" ? status : "open";
}

export interface CaseStatistics {
  reported: number;
  byStatus: Record<CaseStatusBucket, number>;
  /** Most frequent first (ties in the taxonomy's order, so "other" comes last). */
  byCategory: Array<{ category: string; count: number }>;
  critical: number;
  /** Distinct production units among the cases reported. */
  units: number;
  /** Milliseconds; null when no case qualifies. */
  medianFirstActionMs: number | null;
  medianResolutionMs: number | null;
}

/**
 * The number the working group exists for (seed 000): of the cases whose irreversible date came
 * in the period, how many were saved before it (the producer said "averted", or the case was
 * resolved before the date) and how many were lost (the producer said "it happened"). Cases
 * reported after their date had already passed are counted apart, not as lost by us.
 */
export interface IrreversibleOutcomes {
  due: number;
  saved: number;
  lost: number;
  /** Neither answered nor resolved before the date. */
  unknown: number;
  reportedAfterDate: number;
}

export interface TaskOutcomeCounts {
  open: number;
  done: number;
  overdue: number;
}

export interface MeetingStatistics {
  held: Record<MeetingKind, number>;
  resolutions: {
    total: number;
    byType: Record<ResolutionType, number>;
    /** Where the tasks of these resolutions stand now (resolutions without a task not counted). */
    tasks: TaskOutcomeCounts;
  };
}

export interface AgencyPerformance {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  assigned: number;
  done: number;
  doneOnTime: number;
  refused: number;
  /** Refusals that came with a written reason (the Qom governor's demand of the banks). */
  refusedWithReason: number;
  open: number;
  overdue: number;
  cancelled: number;
  /** 0–1; null when nothing has had to be finished yet. */
  onTimeRate: number | null;
  averageDaysLate: number | null;
  extensionRequests: number;
}

/**
 * How long an agency takes to answer (report done or refuse) its tasks assigned in the period,
 * and the same net of the time its clock was paused waiting on others (the producer…).
 * Milliseconds; kept apart from AgencyPerformance, whose shape the CSV table follows.
 */
export interface AgencyResponseTime {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  /** Tasks answered so far. */
  responded: number;
  medianResponseMs: number | null;
  medianNetResponseMs: number | null;
}

export interface OverdueResolutions {
  agencyId: number;
  nameFa: string;
  nameEn: string;
  count: number;
  /** Days past the oldest due date (Tehran calendar days). */
  oldestDaysOverdue: number;
}

export interface GroupStatistics {
  workingGroupId: number;
  period: StatisticsPeriod;
  generatedAt: Date;
  cases: CaseStatistics;
  /** Cases whose irreversible date fell in the period and has passed. */
  irreversible: IrreversibleOutcomes;
  meetings: MeetingStatistics;
  /** Worst first: most overdue, then lowest on-time rate, then most days late. */
  agencies: AgencyPerformance[];
  /** The agencies' response times, gross and net of waiting on others (agencies with answers). */
  agencyResponse: AgencyResponseTime[];
  /** Now, whatever the period: most overdue first. */
  overdueResolutions: OverdueResolutions[];
  ratings: { count: number; average: number | null };
}
