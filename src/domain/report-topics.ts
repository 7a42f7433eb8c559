/**
 * The quarterly report's topics (seed 000: "overdue debts 87, financing requests 39, other
 * problems 78"): groups over the case taxonomy (./categories.ts), configured as data in
 * data/report-topics.json. A match names a category and optionally some of its subcategories
 * (none: the whole category); each (category, subcategory) belongs to one group at most; what no
 * group matches is the "other" group. The group marked `financing` also tells which tasks of a
 * bank are loan tasks (the financing figures, the banks' scorecards).
 */
import { z } from "zod";
import shipped from "../../data/report-topics.json" with { type: "json" };
import { CATEGORIES, isCategoryId, isSubcategoryOf } from "./categories";

const Named = z.object({ key: z.string().regex(/^[a-z_]{1,32}$/), nameFa: z.string().min(1), nameEn: z.string().min(1) });

const TopicsSchema = z
  .object({
    groups: z.array(
      Named.extend({
        financing: z.boolean().optional(),
        match: z.array(z.object({ category: z.string(), subcategories: z.array(z.string()).optional() })).min(1),
      }),
    ),
    other: Named,
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    const keys = new Set<string>([config.other.key]);
    for (const group of config.groups) {
      if (keys.has(group.key)) ctx.addIssue({ code: "custom", message: `topic key ${group.key} twice` });
      keys.add(group.key);
      for (const match of group.match) {
        if (!isCategoryId(match.category)) {
          ctx.addIssue({ code: "custom", message: `unknown category ${match.category}` });
          continue;
        }
        const category = match.category;
        const all = CATEGORIES.find((c) => c.id === category)?.subcategories ?? [];
        const subs = match.subcategories ?? [...all, ""];
        for (const sub of subs) {
          if (sub !== "" && !isSubcategoryOf(category, sub)) ctx.addIssue({ code: "custom", message: `${sub} is not a subcategory of ${category}` });
          const pair = `${category}/${sub}`;
          if (seen.has(pair)) ctx.addIssue({ code: "custom", message: `${pair} is in two topics` });
          seen.add(pair);
        }
      }
    }
  });

export type TopicConfig = z.infer<typeof TopicsSchema>;

/** One rule of a topic: the category, and the subcategories (null: all, and none given). */
export interface TopicRule {
  category: string;
  subcategories: string[] | null;
}

export interface Topic {
  key: string;
  nameFa: string;
  nameEn: string;
  financing: boolean;
  rules: TopicRule[];
}

export interface Topics {
  /** In the configured order; "other" is not among them. */
  groups: Topic[];
  other: { key: string; nameFa: string; nameEn: string };
}

export function parseTopics(input: unknown): Topics {
  const config = TopicsSchema.parse(input);
  return {
    groups: config.groups.map((g) => ({
      key: g.key,
      nameFa: g.nameFa,
      nameEn: g.nameEn,
      financing: g.financing ?? false,
      rules: g.match.map((m) => ({ category: m.category, subcategories: m.subcategories ?? null })),
    })),
    other: config.other,
  };
}

/** The shipped topics (data/report-topics.json). */
export const REPORT_TOPICS: Topics = parseTopics(shipped);

const matches = (rule: TopicRule, category: string, subcategory: string | null) =>
  rule.category === category && (rule.subcategories === null || (subcategory !== null && rule.subcategories.includes(subcategory)));

/** The topic key of a case's category and subcategory. */
export function topicOf(topics: Topics, category: string, subcategory: string | null): string {
  return topics.groups.find((g) => g.rules.some((rule) => matches(rule, category, subcategory)))?.key ?? topics.other.key;
}

/** The rules of the financing topics (a bank's task on a case matching them is a loan task). */
export function financingRules(topics: Topics): TopicRule[] {
  return topics.groups.filter((g) => g.financing).flatMap((g) => g.rules);
}

/** Every topic with its names, the groups then "other". */
export function topicList(topics: Topics): Array<{ key: string; nameFa: string; nameEn: string }> {
  return [...topics.groups.map(({ key, nameFa, nameEn }) => ({ key, nameFa, nameEn })), topics.other];
}

/** A bank's task on a case of a financing topic: a loan task (the bank answers with an amount or a refusal). */
export function isLoanTask(topics: Topics, agencyKind: string, category: string, subcategory: string | null): boolean {
  return agencyKind === "BANK" && financingRules(topics).some((rule) => matches(rule, category, subcategory));
}
