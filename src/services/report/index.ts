/**
 * The quarterly report (issue 12): a working group's PeriodReport (./types.ts) for any Jalali
 * period and the previous one of the same length, counted the way seed 000 counts:
 *
 * - Meetings held: status HELD, heldAt in the period, by kind.
 * - Units heard: distinct production units whose cases were on the agenda of a meeting HELD in
 *   the period (not the units that reported). Topics heard: those agenda items, per topic.
 * - Resolutions recorded: createdAt in the period. Cases reported: submittedAt; resolved: resolvedAt.
 * - Topics (data/report-topics.json, src/domain/report-topics.ts): groups of categories and
 *   subcategories, over the agenda items heard and, apart, over the cases reported.
 * - Units introduced to an agency: distinct units with a task assigned (createdAt) to it in the
 *   period, per agency and over all agencies.
 * - Financing: the loan decisions given in the period (a bank's task on a financing case, its
 *   completedAt): the rials approved, the distinct units financed, the refusals.
 * - Irreversible dates: cases resolved in the period on or before their irreversible date (saved
 *   before) or after it; after also counts the cases whose date came in the period that the
 *   producer reported lost and that are not resolved.
 * - byMonth: the twelve Jalali months ending with the period's last.
 * - Scorecards (./scorecards.ts): per agency and per bank, the period only.
 *
 * Every part is one aggregate statement over index ranges, run side by side.
 */
import type { Deps } from "../../deps";
import { refusal } from "../../domain/refusal";
import { hasBegun, previousPeriod, type ReportPeriod } from "../../domain/report-period";
import { REPORT_TOPICS, topicList, type Topics } from "../../domain/report-topics";
import { canReadStatistics, statisticsGroups, statisticsRefusal, statisticsWorkingGroups } from "../statistics/access";
import type { Locale } from "../../i18n";
import type { SessionUser } from "../users";
import { agendaHeard, byMonth, casesReportedByTopic, casesResolved, financing, meetingsHeld, resolutionsRecorded, unitsIntroduced, type Pair } from "./figures";
import { agencyScores, bankScores } from "./scorecards";
import type { Figure, NamedFigure, PeriodReport } from "./types";

export type ReportDeps = Pick<Deps, "db" | "sql" | "now" | "policies" | "t">;

const figure = (row: Pair | undefined): Figure => ({ current: row?.cur ?? 0, previous: row?.prev ?? 0 });
const mostFirst = (a: NamedFigure, b: NamedFigure) => b.count.current - a.count.current || b.count.previous - a.count.previous;

const MEETING_KINDS = ["WORKING_GROUP", "COMMITTEE"] as const;
const FA: Locale = "fa";
const EN: Locale = "en";

function topicFigures(topics: Topics, rows: Array<Pair & { key: string }>, prefix = ""): NamedFigure[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const other = topics.other.key;
  return topicList(topics)
    .map((topic) => ({ key: topic.key, nameFa: topic.nameFa, nameEn: topic.nameEn, count: figure(byKey.get(prefix + topic.key)) }))
    // "Other" last whatever its count, as the seed lists it.
    .sort((a, b) => Number(a.key === other) - Number(b.key === other) || mostFirst(a, b));
}

/** The report of a working group for a period (no access check: see readPeriodReport). */
export async function buildPeriodReport(deps: ReportDeps, workingGroupId: number, period: ReportPeriod, topics: Topics = REPORT_TOPICS): Promise<PeriodReport | null> {
  return (await loadPeriodReport(deps, workingGroupId, period, topics))?.report ?? null;
}

/** The report and the group's code (for file names). */
export async function loadPeriodReport(
  deps: ReportDeps,
  workingGroupId: number,
  period: ReportPeriod,
  topics: Topics = REPORT_TOPICS,
): Promise<{ report: PeriodReport; groupCode: string } | null> {
  const found = await deps.db.workingGroup.findUnique({ where: { id: workingGroupId }, select: { id: true, code: true, nameFa: true, nameEn: true } });
  if (!found) return null;
  const { code, ...group } = found;
  return { report: await computeReport(deps, group, period, topics), groupCode: code };
}

async function computeReport(deps: ReportDeps, group: PeriodReport["workingGroup"], period: ReportPeriod, topics: Topics): Promise<PeriodReport> {
  const workingGroupId = group.id;
  const previous = previousPeriod(period);
  const p = { current: period, previous };
  const [meetings, heard, resolutions, reported, resolved, introduced, money, months, agencies, banks] = await Promise.all([
    meetingsHeld(deps, workingGroupId, p),
    agendaHeard(deps, workingGroupId, p, topics),
    resolutionsRecorded(deps, workingGroupId, p),
    casesReportedByTopic(deps, workingGroupId, p, topics),
    casesResolved(deps, workingGroupId, p),
    unitsIntroduced(deps, workingGroupId, p),
    financing(deps, workingGroupId, p, topics),
    byMonth(deps, workingGroupId, period),
    agencyScores(deps, workingGroupId, period),
    bankScores(deps, workingGroupId, period, topics),
  ]);
  const kinds = new Map(meetings.map((row) => [row.key, row]));
  const total = (rows: Pair[]) => rows.reduce((sum, row) => ({ cur: sum.cur + row.cur, prev: sum.prev + row.prev }), { cur: 0, prev: 0 });
  return {
    workingGroup: group,
    period,
    previousPeriod: previous,
    generatedAt: deps.now(),
    meetingsHeld: MEETING_KINDS.map((kind) => ({
      key: kind,
      nameFa: deps.t(FA, `meetings-kind-${kind}`),
      nameEn: deps.t(EN, `meetings-kind-${kind}`),
      count: figure(kinds.get(kind)),
    })),
    unitsHeard: figure(heard.find((row) => row.key === "units")),
    resolutionsRecorded: figure(resolutions),
    casesReported: figure(total(reported)),
    casesResolved: { current: resolved.resolvedCur, previous: resolved.resolvedPrev },
    unitsIntroduced: figure(introduced.find((row) => row.key === "all")),
    unitsIntroducedByAgency: introduced
      .filter((row) => row.key !== "all")
      .map((row) => ({ key: row.key, nameFa: row.nameFa ?? "", nameEn: row.nameEn ?? "", count: figure(row) }))
      .sort((a, b) => mostFirst(a, b) || Number(a.key) - Number(b.key)),
    financing: {
      amountApprovedRials: { current: money.amountCur, previous: money.amountPrev },
      unitsFinanced: { current: money.unitsCur, previous: money.unitsPrev },
      refused: { current: money.refusedCur, previous: money.refusedPrev },
    },
    irreversible: {
      savedBefore: { current: resolved.beforeCur, previous: resolved.beforePrev },
      after: { current: resolved.afterCur, previous: resolved.afterPrev },
    },
    topicsHeard: topicFigures(topics, heard, "topic:"),
    topicsReported: topicFigures(topics, reported),
    agencies,
    banks,
    byMonth: months,
  };
}

type WithMemberships = Pick<SessionUser, "memberships">;

/**
 * The report for a reader: the group's chair, secretariat or an admin (the /stats readers),
 * checked from the memberships loaded for the update, never from callback data. A group that is
 * not theirs and a group that does not exist are refused alike.
 */
export async function readPeriodReport(deps: ReportDeps, user: WithMemberships, workingGroupId: number, period: ReportPeriod) {
  if (!canReadStatistics(user, workingGroupId)) throw statisticsRefusal("forbidden");
  if (!hasBegun(period, deps.now())) throw refusal("report", "future");
  const loaded = await loadPeriodReport(deps, workingGroupId, period);
  if (!loaded) throw statisticsRefusal("not-found");
  return loaded;
}

/** The group's names for the period picker, for a reader allowed to read its report (else a Refusal). */
export async function reportGroupFor(deps: Pick<Deps, "db">, user: WithMemberships, workingGroupId: number) {
  if (!canReadStatistics(user, workingGroupId)) throw statisticsRefusal("forbidden");
  const group = await deps.db.workingGroup.findUnique({ where: { id: workingGroupId }, select: { id: true, code: true, nameFa: true, nameEn: true } });
  if (!group) throw statisticsRefusal("not-found");
  return group;
}

export { canReadStatistics as canReadReport, statisticsGroups as reportGroups, statisticsWorkingGroups as reportWorkingGroups };
export { periodLabel, reportFileStem } from "./labels";
export type { PeriodReport } from "./types";
