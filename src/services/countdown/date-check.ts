/**
 * At the irreversible date, ask (issue 11, item 2). On the date's working morning the producer
 * is asked whether it happened: the cut-off, the default, the expiry. Their answer is the
 * number the working group exists for: "averted" counts the case as saved before its date,
 * "happened" as lost (and raises it to the chair at once); "postponed" moves the date and
 * restarts the countdown.
 */
import type { Deps } from "../../deps";
import { checkNewDate, urgencyFromCountdown } from "../../domain/countdown";
import type { CategoryId } from "../../domain/categories";
import { endOfJalaliDay, formatJalaliYMD, todayInTehran, type JalaliDate } from "../../domain/jalali";
import { refusal } from "../../domain/refusal";
import type { Locale } from "../../i18n";
import { countdown as B, shared } from "../../buttons";
import type { Tx } from "../../db";
import { lockCase } from "../case-status";
import { producerCaseScope } from "../cases";
import { enqueueOutbound } from "../outbox";
import { chairsOf, notify, recipientOf, renderNotice, secretariatOf, type Notice } from "../notifications";
import { appendEvent } from "../timeline";
import type { TimerData } from "../timers";
import { countdownCaseSelect, countdownRuns, syncCaseCountdown } from "./schedule";

type CheckDeps = Pick<Deps, "db" | "t" | "now" | "policies" | "flushOutbox" | "scheduler" | "logger">;

const caseSelect = {
  ...countdownCaseSelect,
  trackingCode: true,
  workingGroupId: true,
  urgencyOverridden: true,
  unit: { select: { name: true } },
  reporter: { select: { id: true, telegramId: true, language: true } },
  workingGroup: { select: { secretariatChatId: true } },
} as const;

/** Timer "date-check": asks the reporter, once per date. */
export async function askDateCheck(deps: CheckDeps, data: TimerData<"date-check">): Promise<"asked" | "stale"> {
  const asked = await deps.db.$transaction(async (tx) => {
    const row = await tx.case.findUnique({ where: { id: data.caseId }, select: caseSelect });
    if (!row || !countdownRuns(row) || row.irreversibleAt.getTime() !== data.dateMs) return false;
    const date = formatJalaliYMD(todayInTehran(row.irreversibleAt));
    await notify(tx, deps, [recipientOf(row.reporter)], {
      key: "countdown-ask",
      args: (locale: Locale) => ({ code: row.trackingCode, unit: row.unit.name, date, category: deps.t(locale, `category-${row.category}`) }),
      dedupeKey: `case:${row.id}:datecheck:${data.dateMs}`,
      kind: "REMINDER",
      buttons: [
        [{ labelKey: "countdown-button-averted", callback: B.dateAnswer.pack({ caseId: row.id, dateMs: String(data.dateMs), answer: "averted" }) }],
        [{ labelKey: "countdown-button-happened", callback: B.dateAnswer.pack({ caseId: row.id, dateMs: String(data.dateMs), answer: "happened" }) }],
        [{ labelKey: "countdown-button-postponed", callback: B.dateAnswer.pack({ caseId: row.id, dateMs: String(data.dateMs), answer: "postponed" }) }],
      ],
    });
    // Idempotent with the notice's dedupe key: a second run finds the event and writes no other.
    const already = await tx.caseEvent.findFirst({ where: { caseId: row.id, type: "date_check_asked", data: { path: ["dateMs"], equals: data.dateMs } }, select: { id: true } });
    if (!already) await appendEvent(tx, { caseId: row.id, actorId: null, type: "date_check_asked", data: { date, dateMs: data.dateMs } });
    return true;
  });
  if (asked) deps.flushOutbox();
  return asked ? "asked" : "stale";
}

/** The case of the producer's, locked, with a countdown still waiting for this date. */
async function openCountdown(tx: Tx, userId: number, caseId: number, dateMs: number) {
  await lockCase(tx, caseId);
  const row = await tx.case.findFirst({ where: { id: caseId, ...producerCaseScope(userId) }, select: caseSelect });
  if (!row) throw refusal("countdown-error", "not_found");
  if (row.irreversibleOutcome !== null) throw refusal("countdown-error", "answered", { code: row.trackingCode });
  if (!countdownRuns(row)) throw refusal("countdown-error", "closed", { code: row.trackingCode });
  if (row.irreversibleAt.getTime() !== dateMs) throw refusal("countdown-error", "stale", { code: row.trackingCode });
  return row;
}

async function tellSecretariat(tx: Tx, deps: CheckDeps, row: { id: number; workingGroupId: number; workingGroup: { secretariatChatId: string | null } }, notice: Notice): Promise<void> {
  await notify(tx, deps, await secretariatOf(tx, row.workingGroupId), notice);
  if (row.workingGroup.secretariatChatId) await enqueueOutbound(tx, renderNotice(deps, row.workingGroup.secretariatChatId, "fa", null, notice));
}

export interface DateAnswer {
  trackingCode: string;
  outcome: "happened" | "averted";
}

/** "It happened" / "it did not happen": recorded once, counted, and told to whom it concerns. */
export async function answerDateCheck(deps: CheckDeps, userId: number, caseId: number, dateMs: number, outcome: "happened" | "averted"): Promise<DateAnswer> {
  const now = deps.now();
  const answer = await deps.db.$transaction(async (tx) => {
    const row = await openCountdown(tx, userId, caseId, dateMs);
    await tx.case.update({
      where: { id: row.id },
      data: { irreversibleOutcome: outcome, irreversibleCheckedAt: now, ...(outcome === "happened" ? { urgency: "critical" } : {}) },
    });
    const date = formatJalaliYMD(todayInTehran(row.irreversibleAt));
    await appendEvent(tx, { caseId: row.id, actorId: userId, type: `irreversible_${outcome}`, data: { date } });
    const notice: Notice = {
      key: outcome === "happened" ? "alert-irreversible-happened" : "notice-irreversible-averted",
      args: (locale: Locale) => ({ code: row.trackingCode, unit: row.unit.name, date, category: deps.t(locale, `category-${row.category}`) }),
      dedupeKey: `case:${row.id}:outcome:${dateMs}`,
      kind: outcome === "happened" ? "ESCALATION" : "NOTICE",
      buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: row.id }) }]],
    };
    await tellSecretariat(tx, deps, row, notice);
    // "Happened" is what the working group exists to prevent: the chair hears of it at once.
    if (outcome === "happened") await notify(tx, deps, await chairsOf(tx, row.workingGroupId), { ...notice, buttons: [] });
    return { trackingCode: row.trackingCode, outcome };
  });
  deps.flushOutbox();
  return answer;
}

export interface Postponed {
  trackingCode: string;
  /** Jalali YYYY/MM/DD. */
  date: string;
}

/**
 * "It was postponed to …": the date moves to the end of the new day (as the report's own
 * answers do), the urgency is computed again from it unless the secretariat set it by hand,
 * and the countdown starts over. A date in the past or beyond the horizon is refused.
 */
export async function postponeIrreversible(deps: CheckDeps, userId: number, caseId: number, dateMs: number, day: JalaliDate): Promise<Postponed> {
  const now = deps.now();
  const newDate = endOfJalaliDay(day);
  const check = checkNewDate(newDate, now, deps.policies.countdown);
  if (check !== "ok") throw refusal("countdown-error", check, { days: deps.policies.countdown.horizonDays });
  const result = await deps.db.$transaction(async (tx) => {
    const row = await openCountdown(tx, userId, caseId, dateMs);
    const urgency = row.urgencyOverridden
      ? row.urgency
      : urgencyFromCountdown({ category: row.category as CategoryId, irreversibleAt: newDate, now, policy: deps.policies.countdown });
    await tx.case.update({ where: { id: row.id }, data: { irreversibleAt: newDate, urgency } });
    const from = formatJalaliYMD(todayInTehran(row.irreversibleAt));
    const to = formatJalaliYMD(day);
    await appendEvent(tx, { caseId: row.id, actorId: userId, type: "irreversible_postponed", data: { from, to } });
    await tellSecretariat(tx, deps, row, {
      key: "notice-irreversible-postponed",
      args: { code: row.trackingCode, unit: row.unit.name, from, to },
      dedupeKey: `case:${row.id}:postponed:${dateMs}`,
      buttons: [[{ labelKey: "button-open-case", callback: shared.queueCase.pack({ caseId: row.id }) }]],
    });
    return { trackingCode: row.trackingCode, date: to };
  });
  deps.flushOutbox();
  await syncCaseCountdown(deps, caseId);
  return result;
}
