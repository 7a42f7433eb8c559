/** What the secretariat records on a case without moving it: subject, urgency, internal notes. */
import { CATEGORY_IDS, isSubcategoryOf, type CategoryId } from "../../domain/categories";
import { computeUrgency, URGENCIES, type Urgency } from "../../domain/urgency";
import type { Locale } from "../../i18n";
import { appendEvent } from "../timeline";
import type { SessionUser } from "../users";
import { act, cleanText, NOTE_MAX, tellProducer, triageRefusal, type TriageDeps, type TriageResult } from "./act";

/** Re-files the case; urgency follows the new category unless the secretariat fixed it. */
export async function changeCategory(
  deps: TriageDeps,
  actor: SessionUser,
  caseId: number,
  input: { category: string; subcategory?: string | null },
): Promise<TriageResult & { urgency: Urgency }> {
  if (!(CATEGORY_IDS as readonly string[]).includes(input.category)) throw triageRefusal("invalid_category");
  const category = input.category as CategoryId;
  const subcategory = input.subcategory ?? null;
  if (subcategory !== null && !isSubcategoryOf(category, subcategory)) throw triageRefusal("invalid_category");
  return act(deps, actor, caseId, "change_category", async ({ tx, row, now }) => {
    const urgency = row.urgencyOverridden ? row.urgency : computeUrgency({ category, irreversibleAt: row.irreversibleAt, now });
    await tx.case.update({ where: { id: row.id }, data: { category, subcategory, urgency } });
    const label = (locale: Locale) =>
      subcategory ? `${deps.t(locale, `category-${category}`)} — ${deps.t(locale, `subcategory-${subcategory}`)}` : deps.t(locale, `category-${category}`);
    const event = await appendEvent(tx, {
      caseId: row.id,
      actorId: actor.id,
      type: "category_changed",
      data: { category, subcategory, categoryFa: label("fa"), categoryEn: label("en") },
    });
    await tellProducer(tx, deps, row, event.id, "triage-notice-category", (locale) => ({ category: label(locale) }));
    return { urgency };
  });
}

/** Overrides the computed urgency (internal: the producer is not told). */
export async function changeUrgency(deps: TriageDeps, actor: SessionUser, caseId: number, input: { urgency: string }): Promise<TriageResult> {
  const urgency = URGENCIES.find((u) => u === input.urgency);
  if (!urgency) throw triageRefusal("invalid_urgency");
  return act(deps, actor, caseId, "change_category", async ({ tx, row }) => {
    await tx.case.update({ where: { id: row.id }, data: { urgency, urgencyOverridden: true } });
    await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "urgency_changed", internal: true, data: { urgency, previous: row.urgency } });
    return {};
  });
}

/** An internal note on the timeline: never shown to the producer. */
export async function addInternalNote(deps: TriageDeps, actor: SessionUser, caseId: number, input: { text: string }): Promise<TriageResult> {
  const text = cleanText(input.text, 1, NOTE_MAX);
  return act(deps, actor, caseId, "add_note", async ({ tx, row }) => {
    await appendEvent(tx, { caseId: row.id, actorId: actor.id, type: "note", internal: true, data: { text } });
    return {};
  });
}
