import type { Deps } from "../container";
import type { Tx } from "../db";
import type { Locale } from "../i18n";
import { enqueueOutbound } from "./outbox";
import { notify, renderNotice, secretariatOf, type Notice } from "./notifications";

/**
 * Tells every secretariat member of the case's working group (and its secretariat group chat,
 * if configured) about a new case: tracking code, unit, category, urgency, an open button.
 * Critical cases are marked loudly.
 */
export async function alertSecretariatOfNewCase(tx: Tx, deps: Pick<Deps, "t">, caseId: number, round = 0): Promise<void> {
  const row = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      trackingCode: true,
      category: true,
      subcategory: true,
      urgency: true,
      workingGroupId: true,
      unit: { select: { name: true } },
      workingGroup: { select: { secretariatChatId: true } },
    },
  });
  const critical = row.urgency === "critical";
  const notice: Notice = {
    key: round > 0 ? "alert-case-unopened" : critical ? "alert-new-case-critical" : "alert-new-case",
    args: (locale: Locale) => ({
      code: row.trackingCode,
      unit: row.unit.name,
      category: deps.t(locale, `category-${row.category}`),
      urgency: deps.t(locale, `urgency-${row.urgency}`),
    }),
    dedupeKey: `case:${row.id}:alert:${round}`,
    kind: "ALERT",
    buttons: [[{ labelKey: "button-open-case", callback: `q:open:${row.id}` }]],
  };
  await notify(tx, deps, await secretariatOf(tx, row.workingGroupId), notice);
  if (row.workingGroup.secretariatChatId) {
    await enqueueOutbound(tx, renderNotice(deps, row.workingGroup.secretariatChatId, "fa", null, notice));
  }
}
