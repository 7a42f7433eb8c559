// Restart plans (issue 13 item 3): /restart makes one (flow.ts); /restarts is the ledger — the
// group's plans, least progressed first, done/total, the overdue milestones — with the
// secretariat's "mark semi-active / active" on each plan (the service re-checks the group).
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { restart as B } from "../../../buttons";
import { formatJalaliDate } from "../../../domain/jalali";
import { localizeDigits, truncate } from "../../../domain/text";
import { localName } from "../../../i18n";
import { markPlanUnit, movesForward, restartLedger } from "../../../services/restart-plans";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { refusedOr, showScreen } from "../../reply";
import { isSecretariat, secretariatGroupKeyboard, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { staffOnly } from "../../staff-only";
import { planFlow } from "./flow";

const MARK_CODES = { S: "SEMI_ACTIVE", A: "ACTIVE" } as const;

async function startPlan(ctx: BotContext): Promise<void> {
  const single = soleSecretariatGroup(ctx);
  await planFlow.start(ctx, single ? "unit" : "group", single ? { workingGroupId: single } : {});
}

async function showLedger(ctx: BotContext, groupId: number, page: number, asNew = false): Promise<void> {
  const ledger = await refusedOr(ctx, () => restartLedger(ctx.deps, ctx.user, groupId, page));
  if (!ledger) return;
  const lines = [ctx.t("restart-ledger-title", { total: ledger.total })];
  if (ledger.total === 0) lines.push(ctx.t("restart-ledger-empty"));
  const keyboard = new InlineKeyboard();
  for (const plan of ledger.plans) {
    lines.push(
      "",
      ctx.t("restart-ledger-plan", {
        unit: plan.unit.name,
        status: ctx.t(`activity-${plan.unit.activityStatus}`),
        done: localizeDigits(String(plan.done), ctx.locale),
        total: localizeDigits(String(plan.total), ctx.locale),
        code: plan.case.trackingCode,
      }),
    );
    for (const m of plan.overdue) {
      lines.push(ctx.t("restart-ledger-overdue", { title: truncate(m.title, 80), agency: localName(m.agency, ctx.locale), due: formatJalaliDate(m.dueAt, ctx.locale, { monthName: true }) }));
    }
    for (const [code, status] of Object.entries(MARK_CODES) as Array<["S" | "A", "SEMI_ACTIVE" | "ACTIVE"]>) {
      if (movesForward(plan.unit.activityStatus, status)) {
        keyboard.text(ctx.t("restart-mark-button", { unit: truncate(plan.unit.name, 24), status: ctx.t(`activity-${status}`) }), B.mark.pack({ planId: plan.id, to: code })).row();
      }
    }
  }
  if (ledger.page > 0) keyboard.text(ctx.t("visits-page-newer"), B.ledger.pack({ groupId, page: ledger.page - 1 }));
  if (ledger.page < ledger.pages - 1) keyboard.text(ctx.t("visits-page-older"), B.ledger.pack({ groupId, page: ledger.page + 1 }));
  keyboard.row().text(ctx.t("restart-menu"), B.start.pack());
  await showScreen(ctx, lines.join("\n"), keyboard, { asNew });
}

async function openLedger(ctx: BotContext): Promise<void> {
  const single = soleSecretariatGroup(ctx);
  if (single) return showLedger(ctx, single, 0);
  await ctx.reply(ctx.t("restart-ask-group"), { reply_markup: await secretariatGroupKeyboard(ctx, (groupId) => B.ledger.pack({ groupId, page: 0 })) });
}

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter((ctx) => !isSecretariat(ctx)).command("restart", staffOnly("restart"));
chat.filter((ctx) => !isSecretariat(ctx)).command("restarts", staffOnly("restarts"));
const staff = chat.filter(isSecretariat);
staff.command("restart", startPlan);
staff.command("restarts", openLedger);
staff.callbackQuery(B.start.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startPlan(ctx);
});
staff.callbackQuery(B.ledger.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.ledger.unpack(ctx.callbackQuery.data);
  if (!payload) return;
  if (!worksGroup(ctx, payload.groupId)) {
    await ctx.reply(ctx.t("restart-error-forbidden"));
    return;
  }
  await showLedger(ctx, payload.groupId, payload.page);
});
staff.callbackQuery(B.mark.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.mark.unpack(ctx.callbackQuery.data);
  if (!payload) return;
  const to = MARK_CODES[payload.to];
  // The plan's group is re-checked by the service: another group's plan id is "not found".
  const marked = await refusedOr(ctx, () => markPlanUnit(ctx.deps, ctx.user, payload.planId, to));
  if (!marked) return;
  await ctx.reply(ctx.t("restart-marked", { unit: marked.unit, status: ctx.t(`activity-${to}`) }));
  const single = soleSecretariatGroup(ctx);
  if (single) await showLedger(ctx, single, 0, true);
});
composer.use(planFlow.composer);

export const restartPlans: Feature = {
  name: "restart-plans",
  composer,
  commands: [
    { command: "restart", audience: "secretariat" },
    { command: "restarts", audience: "secretariat" },
  ],
  menu: [{ labelKey: "restart-menu", callback: B.start.pack(), visible: isSecretariat }],
};
