/**
 * The seed-style paragraph (seed 000): "in the first quarter 32 working-group meetings, 153
 * specialist-committee meetings, the problems of 171 production units heard, 204 resolutions
 * passed and followed up; the most frequent topics …; 110 units introduced to social security;
 * 175 billion tomans of loans to 75 units". Plain text in the locale (Persian digits in fa).
 * A sentence whose figures are all zero is left out; the headline figures carry their change
 * against the previous period of the same length.
 */
import { formatAmountInWords } from "../../../domain/money";
import type { Translator } from "../../../i18n";
import type { Figure, PeriodReport } from "../types";
import { joinList, named, periodName, previousName, type ReportLocale } from "./labels";

/** At most this many topics in the sentence (the seed names three). */
const TOPICS_IN_PARAGRAPH = 3;

function meetings(report: PeriodReport, key: string): Figure {
  return report.meetingsHeld.find((m) => m.key === key)?.count ?? { current: 0, previous: 0 };
}

/** " (۴ بیشتر از سه‌ماهه پیش)" — with its leading space, or "" when there is nothing to compare. */
function change(figure: Figure, report: PeriodReport, locale: ReportLocale, t: Translator): string {
  if (figure.current === 0 && figure.previous === 0) return "";
  const delta = figure.current - figure.previous;
  const direction = delta > 0 ? "up" : delta < 0 ? "down" : "same";
  const text = t(locale, "period-report-change", { direction, delta: Math.abs(delta), previous: previousName(report.period, locale, t) });
  return ` (${text})`;
}

export function renderReportParagraph(report: PeriodReport, locale: ReportLocale, t: Translator): string {
  const sentences: string[] = [];
  const group = named(report.workingGroup, locale);
  const period = periodName(report.period, locale, t);
  const workingGroup = meetings(report, "WORKING_GROUP");
  const committee = meetings(report, "COMMITTEE");

  sentences.push(
    t(locale, "period-report-paragraph-meetings", {
      period,
      group,
      workingGroup: workingGroup.current,
      workingGroupChange: change(workingGroup, report, locale, t),
      committee: committee.current,
      committeeChange: change(committee, report, locale, t),
    }),
  );

  if (report.unitsHeard.current > 0 || report.resolutionsRecorded.current > 0) {
    sentences.push(
      t(locale, "period-report-paragraph-heard", {
        units: report.unitsHeard.current,
        unitsChange: change(report.unitsHeard, report, locale, t),
        resolutions: report.resolutionsRecorded.current,
        resolutionsChange: change(report.resolutionsRecorded, report, locale, t),
      }),
    );
  }

  const topics = report.topicsHeard.filter((topic) => topic.count.current > 0).slice(0, TOPICS_IN_PARAGRAPH);
  if (topics.length > 0) {
    const items = topics.map((topic) => t(locale, "period-report-paragraph-topic", { topic: named(topic, locale), count: topic.count.current }));
    sentences.push(t(locale, "period-report-paragraph-topics", { topics: joinList(items, locale, t) }));
  }

  const [top] = [...report.unitsIntroducedByAgency].filter((a) => a.count.current > 0).sort((a, b) => b.count.current - a.count.current);
  if (report.unitsIntroduced.current > 0 && top) {
    const one = top.count.current >= report.unitsIntroduced.current;
    sentences.push(
      t(locale, one ? "period-report-paragraph-introduced-one" : "period-report-paragraph-introduced-many", {
        units: report.unitsIntroduced.current,
        top: top.count.current,
        agency: named(top, locale),
      }),
    );
  }

  const { financing } = report;
  if (financing.unitsFinanced.current > 0 || BigInt(financing.amountApprovedRials.current) > 0n) {
    const hadBefore = financing.unitsFinanced.previous > 0 || BigInt(financing.amountApprovedRials.previous) > 0n;
    const before = hadBefore
      ? ` ${t(locale, "period-report-paragraph-financing-change", {
          previous: previousName(report.period, locale, t),
          amount: formatAmountInWords(BigInt(financing.amountApprovedRials.previous), locale),
          units: financing.unitsFinanced.previous,
        })}`
      : "";
    sentences.push(
      t(locale, "period-report-paragraph-financing", {
        amount: formatAmountInWords(BigInt(financing.amountApprovedRials.current), locale),
        units: financing.unitsFinanced.current,
        change: before,
      }),
    );
  }

  const { savedBefore, after } = report.irreversible;
  if (savedBefore.current > 0) {
    sentences.push(t(locale, "period-report-paragraph-irreversible", { saved: savedBefore.current, after: after.current }));
  }

  return sentences.join(" ");
}
