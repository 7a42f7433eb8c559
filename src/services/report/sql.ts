/** What the report's queries share: the topic of a case in SQL, the loan task, the two periods. */
import { Prisma } from "../../db";
import type { Topics } from "../../domain/report-topics";
import { financingRules, type TopicRule } from "../../domain/report-topics";
import type { ReportPeriod } from "../../domain/report-period";
import { utc } from "../statistics/sql";

export { utc };

function ruleSql(rule: TopicRule, category: Prisma.Sql, subcategory: Prisma.Sql): Prisma.Sql {
  if (rule.subcategories === null) return Prisma.sql`${category} = ${rule.category}`;
  return Prisma.sql`(${category} = ${rule.category} AND ${subcategory} = ANY(${rule.subcategories}::text[]))`;
}

function anyRule(rules: TopicRule[], category: Prisma.Sql, subcategory: Prisma.Sql): Prisma.Sql {
  if (rules.length === 0) return Prisma.sql`false`;
  return Prisma.join(rules.map((rule) => ruleSql(rule, category, subcategory)), " OR ", "(", ")");
}

/** `CASE WHEN … THEN 'overdue_debts' … ELSE 'other' END` over a case's category and subcategory (alias c). */
export function topicSql(topics: Topics, alias = "c"): Prisma.Sql {
  const category = Prisma.raw(`${alias}.category`);
  const subcategory = Prisma.raw(`${alias}.subcategory`);
  if (topics.groups.length === 0) return Prisma.sql`${topics.other.key}::text`;
  const whens = topics.groups.map((g) => Prisma.sql`WHEN ${anyRule(g.rules, category, subcategory)} THEN ${g.key}::text`);
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} ELSE ${topics.other.key}::text END)`;
}

/** A task on a financing case (alias c) of a bank (alias a): a loan task. */
export function loanTaskSql(topics: Topics, caseAlias = "c", agencyAlias = "a"): Prisma.Sql {
  const rules = anyRule(financingRules(topics), Prisma.raw(`${caseAlias}.category`), Prisma.raw(`${caseAlias}.subcategory`));
  return Prisma.sql`(${Prisma.raw(`${agencyAlias}.kind`)} = 'BANK' AND ${rules})`;
}

/**
 * The previous period ends where the current one starts, so one range covers both: a row is in
 * the current period when its instant is at or after `current.start`.
 */
export interface Periods {
  current: ReportPeriod;
  previous: ReportPeriod;
}

/** `column` in [previous.start, current.end). */
export function bothPeriods(column: Prisma.Sql, p: Periods): Prisma.Sql {
  return Prisma.sql`${column} >= ${utc(p.previous.start)} AND ${column} < ${utc(p.current.end)}`;
}

/** `column` in the current period (given it is in bothPeriods). */
export function inCurrent(column: Prisma.Sql, p: Periods): Prisma.Sql {
  return Prisma.sql`${column} >= ${utc(p.current.start)}`;
}

/** The text of a written reason: not blank (as the statistics' BLANK sees it). */
export { BLANK } from "../statistics/agencies";
