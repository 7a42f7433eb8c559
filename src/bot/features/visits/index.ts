// Field visits (issue 13 item 4): /visit records one (flow.ts); /visits lists a group's visits,
// latest first, a page at a time, each with the cases its demands became and their statuses.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { visits as B } from "../../../buttons";
import { formatJalaliDate } from "../../../domain/jalali";
import { localizeDigits, truncate } from "../../../domain/text";
import { listVisits } from "../../../services/visits";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { refusedOr, showScreen } from "../../reply";
import { isSecretariat, secretariatGroupKeyboard, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { staffOnly } from "../../staff-only";
import { visitFlow } from "./flow";

async function startVisit(ctx: BotContext): Promise<void> {
  const single = soleSecretariatGroup(ctx);
  await visitFlow.start(ctx, single ? "unit" : "group", single ? { workingGroupId: single } : {});
}

async function showVisits(ctx: BotContext, groupId: number, page: number): Promise<void> {
  const list = await refusedOr(ctx, () => listVisits(ctx.deps, ctx.user, groupId, page));
  if (!list) return;
  const lines = [ctx.t("visits-list-title", { total: list.total })];
  if (list.total === 0) lines.push(ctx.t("visits-list-empty"));
  for (const visit of list.visits) {
    const date = formatJalaliDate(visit.visitedOn, ctx.locale, { monthName: true });
    lines.push("", ctx.t("visits-list-visit", { date, unit: visit.unit.name, participants: truncate(visit.participants, 120) }));
    for (const row of visit.cases) {
      lines.push(ctx.t("visits-list-case", { code: row.trackingCode, category: ctx.t(`category-${row.category}`), status: ctx.t(`queue-status-${row.status}`) }));
    }
  }
  const keyboard = new InlineKeyboard();
  if (list.page > 0) keyboard.text(ctx.t("visits-page-newer"), B.list.pack({ groupId, page: list.page - 1 }));
  if (list.pages > 1) keyboard.text(localizeDigits(`${list.page + 1}/${list.pages}`, ctx.locale), B.list.pack({ groupId, page: list.page }));
  if (list.page < list.pages - 1) keyboard.text(ctx.t("visits-page-older"), B.list.pack({ groupId, page: list.page + 1 }));
  keyboard.row().text(ctx.t("visits-menu-record"), B.start.pack());
  await showScreen(ctx, lines.join("\n"), keyboard);
}

async function openVisits(ctx: BotContext): Promise<void> {
  const single = soleSecretariatGroup(ctx);
  if (single) return showVisits(ctx, single, 0);
  await ctx.reply(ctx.t("visits-ask-group"), { reply_markup: await secretariatGroupKeyboard(ctx, (groupId) => B.list.pack({ groupId, page: 0 })) });
}

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter((ctx) => !isSecretariat(ctx)).command("visit", staffOnly("visit"));
chat.filter((ctx) => !isSecretariat(ctx)).command("visits", staffOnly("visits"));
const staff = chat.filter(isSecretariat);
staff.command("visit", startVisit);
staff.command("visits", openVisits);
staff.callbackQuery(B.start.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startVisit(ctx);
});
staff.callbackQuery(B.list.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.list.unpack(ctx.callbackQuery.data);
  // Another group's id (forged data) is answered as the service answers it: not allowed.
  if (!payload) return;
  if (!worksGroup(ctx, payload.groupId)) {
    await ctx.reply(ctx.t("visits-error-forbidden"));
    return;
  }
  await showVisits(ctx, payload.groupId, payload.page);
});
composer.use(visitFlow.composer);

export const visits: Feature = {
  name: "visits",
  composer,
  commands: [
    { command: "visit", audience: "secretariat" },
    { command: "visits", audience: "secretariat" },
  ],
  menu: [{ labelKey: "visits-menu", callback: B.start.pack(), visible: isSecretariat }],
};

