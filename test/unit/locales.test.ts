import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../../src/domain/case-lifecycle";
import { CATEGORIES } from "../../src/domain/categories";
import { TASK_STATUSES } from "../../src/domain/task-lifecycle";
import { URGENCIES } from "../../src/domain/urgency";
import { BOT_COMMANDS } from "../../src/bot/commands";
import { ActivityStatus, AgencyKind, BroadcastStatus, MeetingKind, MeetingStatus, Role, Rsvp, Sector } from "../../src/generated/prisma/enums";
import { LEDGER_FILTERS, RESOLUTION_TYPES } from "../../src/services/resolutions";
import { REJECT_REASONS } from "../../src/services/triage";
import { createI18n, LOCALES_DIRECTORY, translatorFor } from "../../src/i18n";

function keysOf(locale: string): Set<string> {
  const source = readFileSync(path.join(LOCALES_DIRECTORY, `${locale}.ftl`), "utf8");
  return new Set([...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((match) => match[1] ?? ""));
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sourceFiles(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

/** Literal message keys the code passes to a translator or puts in a notice/button. */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    /\bt\(\s*"([a-z][\w-]*)"/g,
    /\bt\(\s*[\w.]+,\s*"([a-z][\w-]*)"/g,
    /\b(?:labelKey|key|errorKey)\s*:\s*"([a-z][\w-]*)"/g,
    /\b(?:retry|retryFlow|reply)\(ctx,\s*flow,\s*"([a-z][\w-]*)"/g,
  ];
  for (const file of sourceFiles(path.resolve(LOCALES_DIRECTORY, "../src"))) {
    const source = readFileSync(file, "utf8");
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) used.set(match[1] ?? "", path.relative(process.cwd(), file));
    }
  }
  return used;
}

describe("the translator", () => {
  it("renders each locale from its own bundle, and falls back to the default, also once the match is remembered", () => {
    const t = translatorFor(createI18n("fa"));
    for (let round = 0; round < 3; round++) {
      expect(t("en", "cancel-done")).not.toBe(t("fa", "cancel-done"));
      expect(t("en", "cancel-done")).toMatch(/[a-z]/i);
      expect(t("fa", "cancel-done")).toMatch(/[\u0600-\u06ff]/);
      // A locale with no bundle of its own gets the default's text.
      expect(t("de" as never, "cancel-done")).toBe(t("fa", "cancel-done"));
    }
  });
});

describe("locales", () => {
  const fa = keysOf("fa");
  const en = keysOf("en");

  it("defines each message id once (Fluent keeps the first; a second copy is dead text)", () => {
    for (const locale of ["fa", "en"]) {
      const source = readFileSync(path.join(LOCALES_DIRECTORY, `${locale}.ftl`), "utf8");
      const ids = [...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((match) => match[1] ?? "");
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      expect({ locale, twice }).toEqual({ locale, twice: [] });
    }
  });

  it("fa.ftl and en.ftl define the same keys", () => {
    expect([...fa].filter((key) => !en.has(key)).sort()).toEqual([]);
    expect([...en].filter((key) => !fa.has(key)).sort()).toEqual([]);
    expect(fa.size).toBeGreaterThan(100);
  });

  it("every key the code uses exists", () => {
    const missing = [...keysUsedInCode()].filter(([key]) => !fa.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it("every category, subcategory, status and urgency has a label", () => {
    const dynamic = [
      ...CATEGORIES.flatMap((category) => [`category-${category.id}`, ...category.subcategories.map((sub) => `subcategory-${sub}`)]),
      ...CASE_STATUSES.map((status) => `status-${status}`),
      ...URGENCIES.map((urgency) => `urgency-${urgency}`),
    ];
    expect(dynamic.filter((key) => !fa.has(key))).toEqual([]);
  });

  // Keys the code builds from a value (`task-status-${status}`…): one label per possible value.
  it("every key built from a status, kind or role has a label for each value", () => {
    const families: Record<string, readonly string[]> = {
      "queue-status-": CASE_STATUSES,
      "task-status-": TASK_STATUSES,
      "queue-task-status-": TASK_STATUSES,
      "sector-": Object.values(Sector),
      "activity-": Object.values(ActivityStatus),
      "invitations-role-": Object.values(Role),
      "meetings-kind-": Object.values(MeetingKind),
      "meetings-kind-button-": Object.values(MeetingKind),
      "meetings-status-": Object.values(MeetingStatus),
      "meetings-rsvp-state-": Object.values(Rsvp),
      "resolutions-type-": RESOLUTION_TYPES,
      "resolutions-type-button-": RESOLUTION_TYPES,
      "resolutions-filter-": LEDGER_FILTERS,
      "broadcasts-agency-kind-": Object.values(AgencyKind),
      "broadcasts-state-": Object.values(BroadcastStatus),
      "triage-reject-reason-": REJECT_REASONS,
      "command-": BOT_COMMANDS,
    };
    const missing = Object.entries(families).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`).filter((key) => !fa.has(key)));
    expect(missing).toEqual([]);
  });
});

/** The variables a message uses, read from its source (the id line and its indented lines). */
function messageVariables(locale: string): Map<string, Set<string>> {
  const lines = readFileSync(path.join(LOCALES_DIRECTORY, `${locale}.ftl`), "utf8").split("\n");
  const messages = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of lines) {
    const start = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
    if (start) messages.set(start[1] ?? "", (current = new Set()));
    else if (!/^\s/.test(line)) current = undefined;
    for (const match of line.matchAll(/\$([a-zA-Z]\w*)/g)) current?.add(match[1] ?? "");
  }
  return messages;
}

/** Variables that carry a count in our messages (numbers, so Fluent can pick the plural). */
const COUNT_VARIABLES = new Set(["count", "days", "working", "total", "hours", "invited", "value", "blocked", "recipients"]);
const ONE_WITH_PLURAL_NOUN = /\b1 (?:working |office |work )?(?:days|cases|hours|recipients|resolutions|ratings|invitations|minutes|members|units|tasks)\b/;

describe("counts read right in both languages", () => {
  const t = translatorFor(createI18n("fa"));
  // Each locale may word a message with its own variables (e.g. dueFa / dueEn): give both.
  const faVariables = messageVariables("fa");
  const variables = new Map([...messageVariables("en")].map(([key, names]) => [key, new Set([...names, ...(faVariables.get(key) ?? [])])]));
  const counted = [...variables].filter(([, names]) => [...names].some((name) => COUNT_VARIABLES.has(name)));

  it("finds the messages with counts", () => {
    expect(counted.length).toBeGreaterThan(20);
  });

  it.each([0, 1, 2])("renders each with %i: English plurals agree, Persian digits in fa", (n) => {
    const wrong: string[] = [];
    for (const [key, names] of counted) {
      const args = Object.fromEntries([...names].map((name) => [name, COUNT_VARIABLES.has(name) ? n : "X"]));
      const en = t("en", key, args);
      const fa = t("fa", key, args);
      if (ONE_WITH_PLURAL_NOUN.test(en)) wrong.push(`en ${key}: ${en}`);
      if (/[0-9]/.test(fa.replace(/\bX\b/g, "")) && !/[۰-۹]/.test(fa)) wrong.push(`fa ${key}: ${fa}`);
    }
    expect(wrong).toEqual([]);
  });

  it("says 1 day, 1 case, 2 days in English", () => {
    expect(t("en", "task-due-days-overdue", { days: 1 })).toBe("1 day overdue");
    expect(t("en", "task-due-days-overdue", { days: 2 })).toBe("2 days overdue");
    expect(t("en", "queue-title", { group: "Kerman", total: 1, page: 1, pages: 1 })).toBe("Queue of Kerman: 1 case (page 1 of 1)");
    expect(t("fa", "task-due-days-overdue", { days: 2 })).toBe("۲ روز دیرکرد");
  });
});
