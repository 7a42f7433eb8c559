// The producer's screens: the list of their cases and a case card (shared by /cases, the card's
// buttons and the add-information flow, whose "cancel" returns to the card).
import { InlineKeyboard } from "grammy";
import { isOpenStatus, type CaseStatus } from "../../../domain/case-lifecycle";
import { localizeDigits } from "../../../domain/text";
import { listProducerCases, ownCase } from "../../../services/cases";
import { caseFollowUp } from "../../../services/ratings";
import { producer, shared } from "../../../buttons";
import type { BotContext } from "../../context";
import { caseDetailLines, timelineLines } from "../../presenters/case";
import { caseWaitingLine } from "../../presenters/waiting";
import { showScreen } from "../../reply";

const PAGE_SIZE = 6;
const MAX_PAGE = 10_000;

export async function showList(ctx: BotContext, page: number): Promise<void> {
  const { total, page: current, pages, items } = await listProducerCases(ctx.deps, ctx.user.id, Math.min(Math.max(page, 0), MAX_PAGE), PAGE_SIZE);
  if (total === 0) {
    await showScreen(ctx, ctx.t("cases-empty"), new InlineKeyboard().text(ctx.t("menu-report"), shared.newReport.pack()));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const item of items) {
    const label = `${item.urgency === "critical" ? "🔴 " : ""}${item.trackingCode} · ${ctx.t(`status-${item.status}`)}`;
    keyboard.text(label, shared.myCase.pack({ caseId: item.id })).row();
  }
  if (current > 0) keyboard.text(ctx.t("button-previous"), shared.myCasesPage.pack({ page: current - 1 }));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), shared.myCasesPage.pack({ page: current + 1 }));
  const title = ctx.t("cases-title", {
    total,
    page: localizeDigits(String(current + 1), ctx.locale),
    pages: localizeDigits(String(pages), ctx.locale),
  });
  await showScreen(ctx, title, keyboard);
}

export async function showCase(ctx: BotContext, caseId: number): Promise<void> {
  const item = await ownCase(ctx.deps, ctx.user.id, caseId);
  if (!item) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const t = ctx.deps.t;
  const waiting = caseWaitingLine(t, ctx.locale, item, "producer");
  const details = caseDetailLines(t, ctx.locale, item, ctx.deps.now(), ctx.deps.policies.calendar, waiting);
  const timeline = timelineLines(t, ctx.locale, item.events, { includeInternal: false });
  const text = [...details, "", ctx.t("case-timeline-title"), ...timeline].join("\n");
  const keyboard = new InlineKeyboard();
  if (isOpenStatus(item.status as CaseStatus)) {
    keyboard.text(ctx.t(item.status === "needs_info" ? "cases-answer" : "cases-add-info"), shared.addInfo.pack({ caseId: item.id })).row();
  }
  // A finished case: "did it help?" (until rated) and the reopen the resolved notice promises.
  const followUp = await caseFollowUp(ctx.deps, ctx.user.id, item.id);
  if (followUp.canRate && followUp.score === null) {
    for (const score of ["1", "2", "3", "4", "5"] as const) keyboard.text(ctx.t(`rating-score-${score}`), producer.caseRate.pack({ caseId: item.id, score }));
    keyboard.row();
  }
  if (followUp.canReopen) keyboard.text(ctx.t("cases-reopen"), producer.caseReopen.pack({ caseId: item.id })).row();
  keyboard.text(ctx.t("cases-back-to-list"), shared.myCasesPage.pack({ page: 0 }));
  await showScreen(ctx, text, keyboard);
}
