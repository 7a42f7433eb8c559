/**
 * How the statutory clock of a resolution reads: its phase in the ledger, its section on the
 * task card (with the objection or decision button), the objection prompt and the decision
 * screen. Text and keyboards only.
 */
import { InlineKeyboard } from "grammy";
import { resolutions as buttons } from "../../buttons";
import { formatJalaliDate } from "../../domain/jalali";
import type { ResolutionPhase } from "../../domain/statutory";
import { fullName } from "../../domain/text";
import type { ObjectionDecision } from "../../generated/prisma/enums";
import { localName } from "../../i18n";
import type { ObjectionView, ResolutionStatutory } from "../../services/resolutions";
import type { BotContext } from "../context";
import type { Screen } from "./meetings";

interface PhaseFacts {
  phase: ResolutionPhase;
  objectionDeadline: Date;
  objectedAt: Date | null;
  objectionDecision: ObjectionDecision | null;
  decidedAt: Date | null;
}

const day = (ctx: BotContext, instant: Date) => formatJalaliDate(instant, ctx.locale, { monthName: true });

/** "(objection window closed …)", "(objection overruled …)", "(amended …)". */
function howBinding(ctx: BotContext, facts: PhaseFacts): string {
  if (facts.objectionDecision && facts.decidedAt) return ctx.t(`statutory-how-${facts.objectionDecision}`, { decided: day(ctx, facts.decidedAt) });
  return ctx.t("statutory-how-window", { until: day(ctx, facts.objectionDeadline) });
}

/** The ledger's phase: window open until…, objected on…, binding (how), overdue, implemented. */
export function statutoryPhaseText(ctx: BotContext, facts: PhaseFacts): string {
  const args = {
    until: day(ctx, facts.objectionDeadline),
    objected: facts.objectedAt ? day(ctx, facts.objectedAt) : "-",
    how: howBinding(ctx, facts),
  };
  return facts.phase === "not_notified" ? "" : ctx.t(`statutory-phase-${facts.phase}`, args);
}

/** The task card's statutory section and its button (object, or decide), under the card. */
export function withStatutory(ctx: BotContext, screen: Screen, statutory: ResolutionStatutory | null): Screen {
  if (!statutory) return screen;
  const facts = { ...statutory, objectionDecision: statutory.decision };
  const lines = [ctx.t("statutory-card-notified", { notified: day(ctx, statutory.notifiedAt) })];
  if (statutory.phase === "objection_open") lines.push(ctx.t("statutory-card-open", { until: formatJalaliDate(statutory.objectionDeadline, ctx.locale, { monthName: true, weekday: true }) }));
  else if (statutory.phase === "objected") {
    lines.push(ctx.t("statutory-card-objected", { objected: day(ctx, statutory.objectedAt ?? statutory.notifiedAt), reasons: statutory.objectionReasons ?? "" }));
  } else if (statutory.bindingAt) lines.push(ctx.t("statutory-card-binding", { since: day(ctx, statutory.bindingAt), how: howBinding(ctx, facts) }));
  else lines.push(statutoryPhaseText(ctx, facts));
  if (statutory.amendedText) lines.push(ctx.t("statutory-card-amended", { text: statutory.amendedText }));
  const keyboard = new InlineKeyboard();
  if (statutory.canObject) keyboard.text(ctx.t("objection-button-object"), buttons.object.pack({ resolutionId: statutory.resolutionId })).row();
  if (statutory.canDecide) keyboard.text(ctx.t("objection-button-decide"), buttons.decide.pack({ resolutionId: statutory.resolutionId })).row();
  const merged = InlineKeyboard.from([...keyboard.inline_keyboard, ...screen.keyboard.inline_keyboard].filter((row) => row.length > 0));
  return { text: `${screen.text}\n\n${lines.join("\n")}`, keyboard: merged };
}

/** The decision screen of a pending objection: the resolution, the reasons; confirm or amend. */
export function decisionScreen(ctx: BotContext, view: ObjectionView): Screen {
  const text = ctx.t("objection-decision-screen", {
    code: view.trackingCode,
    unit: view.unit,
    text: view.text,
    agency: view.agency ? localName(view.agency, ctx.locale) : "-",
    objected: view.objectedAt ? formatJalaliDate(view.objectedAt, ctx.locale, { monthName: true, time: true }) : "-",
    by: view.objectedBy ? fullName(view.objectedBy) : "-",
    reasons: view.objectionReasons ?? "",
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("objection-button-uphold"), buttons.uphold.pack({ resolutionId: view.resolutionId }))
    .row()
    .text(ctx.t("objection-button-amend"), buttons.amend.pack({ resolutionId: view.resolutionId }));
  return { text, keyboard };
}
