/**
 * The statistics desk: a working group's numbers for a Jalali period (this month, this season
 * — the quarterly report of the seeds — or this year), as plain data. Rendering (the report,
 * the CSV's labels) belongs to src/bot/presenters/statistics.ts. The files: who may read
 * (access.ts), periods (periods.ts), the result's shape (types.ts), the queries (queries.ts),
 * the pure aggregation (aggregation.ts).
 *
 * What each number counts:
 * - Cases: reported (submitted) in the period; status, category and urgency as they are now.
 *   Median time to the first action: from submission to the first timeline event by someone
 *   other than the unit's people (system events have no actor and do not count). Median time
 *   to resolution: cases resolved in the period (their resolvedAt), from submission.
 * - Meetings: held in the period (heldAt), by kind. Resolutions: recorded in the period, by
 *   type, and where their tasks stand now.
 * - Agencies: the tasks assigned in the period, each in exactly one of done / refused / open /
 *   overdue / cancelled as it stands now. Overdue: the agency's turn (open, acknowledged, in
 *   progress) and past its due date; a task reported done and awaiting review counts as open.
 *   On time: confirmed done with the completion reported by the due date. On-time rate: on time
 *   ÷ (done + overdue) — the tasks that have had to be finished by now. Days late: Tehran
 *   calendar days past the due date, of late completions and of overdue tasks (until today).
 *   A task whose clock is paused (its case waits on the producer) is judged by its due date as
 *   the pause has moved it so far. Response time (agencyResponse): from assignment to the
 *   agency's answer (reported done or refused), median, and the same net of the time its clock
 *   was paused waiting on others.
 * - Irreversible dates: the cases whose irreversible date fell in the period and has passed
 *   (rejected and duplicate cases aside). Saved: the producer answered "averted" at the date,
 *   or the case was resolved by then. Lost: the producer answered "it happened". Cases reported
 *   when their date had already passed are counted apart.
 * - Overdue resolutions by agency: a snapshot (every period), the chair's first question.
 * - Ratings: given in the period by producers, average and count.
 */
export { canReadStatistics, readGroupStatistics, statisticsGroups, statisticsRefusal, statisticsWorkingGroups } from "./access";
export {
  agencyPerformance,
  agencyResponseTimes,
  durationParts,
  median,
  taskOutcome,
  toCsv,
  type ResponseFacts,
  type TaskFacts,
  type TaskOutcome,
} from "./aggregation";
export {
  periodKindFromCode,
  periodLength,
  PERIOD_CODES,
  PERIOD_KINDS,
  statisticsPeriod,
  type PeriodKind,
  type StatisticsPeriod,
} from "./periods";
export { groupStatistics } from "./queries";
export {
  CASE_STATUS_BUCKETS,
  statusBucket,
  type AgencyPerformance,
  type AgencyResponseTime,
  type CaseStatistics,
  type CaseStatusBucket,
  type GroupStatistics,
  type IrreversibleOutcomes,
  type MeetingStatistics,
  type OverdueResolutions,
  type TaskOutcomeCounts,
} from "./types";
