/**
 * Case urgency: from the category and the date the problem becomes irreversible.
 * The secretariat's queue is ordered by urgencyRank, then by age.
 */
import type { CategoryId } from "./categories";
import { addJalaliDays, daysBetweenTehranDates, endOfJalaliDay, todayInTehran } from "./jalali";

export const URGENCIES = ["critical", "high", "normal", "low"] as const;
export type Urgency = (typeof URGENCIES)[number];

export type IrreversibleChoice = "happened" | "3d" | "week" | "month";

const CRITICAL_WITHIN_DAYS = 3;
const HIGH_WITHIN_DAYS = 7;
const NORMAL_WITHIN_DAYS = 30;

/**
 * utility_cutoff is always critical. Otherwise by Tehran calendar days until irreversibleAt:
 * already passed or ≤ 3 → critical, ≤ 7 → high, ≤ 30 → normal, later → low; unknown → normal.
 * Calendar days rather than hours so that the producer's "within 3 days" answer (end of the
 * third day) is critical; anything within 72 hours is within 3 calendar days as well.
 */
export function computeUrgency(input: { category: CategoryId; irreversibleAt: Date | null; now: Date }): Urgency {
  const { category, irreversibleAt, now } = input;
  if (category === "utility_cutoff") return "critical";
  if (irreversibleAt === null) return "normal";
  if (irreversibleAt.getTime() <= now.getTime()) return "critical";
  const daysLeft = daysBetweenTehranDates(now, irreversibleAt);
  if (daysLeft <= CRITICAL_WITHIN_DAYS) return "critical";
  if (daysLeft <= HIGH_WITHIN_DAYS) return "high";
  if (daysLeft <= NORMAL_WITHIN_DAYS) return "normal";
  return "low";
}

/** critical 0, high 1, normal 2, low 3: sort ascending for "most urgent first". */
export function urgencyRank(u: Urgency): number {
  return URGENCIES.indexOf(u);
}

/**
 * The irreversibility date from the producer's multiple-choice answer: "happened" → now;
 * "3d" / "week" / "month" → the end (23:59:59.999 Tehran) of the day 3 / 7 / 30 days ahead.
 */
export function irreversibleFromChoice(choice: IrreversibleChoice, now: Date): Date {
  if (choice === "happened") return new Date(now.getTime());
  const days = choice === "3d" ? 3 : choice === "week" ? 7 : 30;
  return endOfJalaliDay(addJalaliDays(todayInTehran(now), days));
}
