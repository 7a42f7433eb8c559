// A unit's representatives (issue 13, item 6). The secretariat (and admins) of the unit's
// group: the list from the case card, an invitation link to add one, removing one (asked
// first). A representative: /units lists their units, and they may leave one (asked first).
// The deep link rep_<code> makes whoever opens it a representative. Every button's ids are
// re-checked by the service (src/services/representatives.ts).
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { representatives as B, shared } from "../../../buttons";
import { formatJalaliDate } from "../../../domain/jalali";
import { fullName } from "../../../domain/text";
import {
  inviteRepresentative,
  leaveUnit,
  myUnits,
  redeemRepresentativeInvitation,
  removeRepresentative,
  REPRESENTATIVE_PAYLOAD_PREFIX,
  representativeLink,
  unitOfCase,
  unitRepresentatives,
} from "../../../services/representatives";
import type { BotContext } from "../../context";
import type { Feature, StartPayload } from "../../feature";
import { syncCommandMenu } from "../../command-list";
import { showMainMenu } from "../../menu";
import { refusedOr, showScreen } from "../../reply";

async function showUnit(ctx: BotContext, unitId: number, edit = true): Promise<void> {
  const found = await refusedOr(ctx, () => unitRepresentatives(ctx.deps, ctx.user, unitId));
  if (!found) return;
  const { unit, representatives, openInvitations } = found;
  const lines = [ctx.t("reps-title", { unit: unit.name, count: representatives.length })];
  const keyboard = new InlineKeyboard();
  representatives.forEach((rep, index) => {
    lines.push(ctx.t("reps-line", { number: index + 1, name: fullName(rep), since: formatJalaliDate(rep.since, ctx.locale, { monthName: true }) }));
    if (representatives.length > 1) keyboard.text(ctx.t("reps-button-remove", { name: fullName(rep) }), B.remove.pack({ unitId, userId: rep.id })).row();
  });
  if (openInvitations > 0) lines.push(ctx.t("reps-open-invitations", { count: openInvitations }));
  keyboard.text(ctx.t("reps-button-invite"), B.invite.pack({ unitId })).row();
  keyboard.text(ctx.t("reps-button-menu"), shared.mainMenu.pack());
  if (edit) await showScreen(ctx, lines.join("\n"), keyboard);
  else await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
}

async function showMine(ctx: BotContext): Promise<void> {
  const units = await myUnits(ctx.deps, ctx.user);
  if (units.length === 0) {
    await ctx.reply(ctx.t("reps-mine-none"));
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("reps-mine-title")];
  units.forEach((unit, index) => {
    lines.push(ctx.t("reps-mine-line", { number: index + 1, unit: unit.name, count: unit.representatives }));
    if (unit.representatives > 1) keyboard.text(ctx.t("reps-button-leave", { unit: unit.name }), B.leave.pack({ unitId: unit.id })).row();
  });
  if (units.some((u) => u.representatives === 1)) lines.push("", ctx.t("reps-mine-only-one"));
  await showScreen(ctx, lines.join("\n"), keyboard);
}

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");

chat.callbackQuery(B.ofCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.ofCase.unpack(ctx.callbackQuery.data);
  const unitId = p ? await refusedOr(ctx, () => unitOfCase(ctx.deps, ctx.user, p.caseId)) : undefined;
  if (unitId) await showUnit(ctx, unitId, false);
});
chat.callbackQuery(B.unit.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.unit.unpack(ctx.callbackQuery.data);
  if (p) await showUnit(ctx, p.unitId);
});
chat.callbackQuery(B.invite.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.invite.unpack(ctx.callbackQuery.data);
  const made = p ? await refusedOr(ctx, () => inviteRepresentative(ctx.deps, ctx.user, p.unitId)) : undefined;
  if (!made) return;
  await ctx.reply(
    ctx.t("reps-invitation", {
      unit: made.unit.name,
      link: representativeLink(ctx.me.username, made.code),
      expires: formatJalaliDate(made.expiresAt, ctx.locale, { monthName: true, time: true }),
    }),
    { reply_markup: new InlineKeyboard().text(ctx.t("reps-button-back"), B.unit.pack({ unitId: made.unit.id })) },
  );
});
chat.callbackQuery(B.remove.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.remove.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const found = await refusedOr(ctx, () => unitRepresentatives(ctx.deps, ctx.user, p.unitId));
  const rep = found?.representatives.find((r) => r.id === p.userId);
  if (!found || !rep) return;
  const keyboard = new InlineKeyboard().text(ctx.t("reps-button-remove-yes"), B.removeYes.pack(p)).text(ctx.t("reps-button-back"), B.unit.pack({ unitId: p.unitId }));
  await showScreen(ctx, ctx.t("reps-remove-ask", { name: fullName(rep), unit: found.unit.name }), keyboard);
});
chat.callbackQuery(B.removeYes.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.removeYes.unpack(ctx.callbackQuery.data);
  const done = p ? await refusedOr(ctx, () => removeRepresentative(ctx.deps, ctx.user, p.unitId, p.userId)) : undefined;
  if (!done) return;
  await ctx.reply(ctx.t("reps-removed", { name: done.name, unit: done.unit.name, count: done.movedCases }));
  await showUnit(ctx, done.unit.id, false);
});

chat.command("units", showMine);
chat.callbackQuery(B.mine.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMine(ctx);
});
chat.callbackQuery(B.leave.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.leave.unpack(ctx.callbackQuery.data);
  const unit = p ? (await myUnits(ctx.deps, ctx.user)).find((u) => u.id === p.unitId) : undefined;
  if (!p || !unit) return;
  const keyboard = new InlineKeyboard().text(ctx.t("reps-button-leave-yes"), B.leaveYes.pack(p)).text(ctx.t("reps-button-back"), B.mine.pack());
  await showScreen(ctx, ctx.t("reps-leave-ask", { unit: unit.name }), keyboard);
});
chat.callbackQuery(B.leaveYes.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.leaveYes.unpack(ctx.callbackQuery.data);
  const done = p ? await refusedOr(ctx, () => leaveUnit(ctx.deps, ctx.user, p.unitId)) : undefined;
  if (!done) return;
  ctx.user.units = ctx.user.units.filter((u) => u.id !== done.unit.id);
  await ctx.reply(ctx.t("reps-left", { unit: done.unit.name }));
  await syncCommandMenu(ctx);
  await showMainMenu(ctx);
});

async function redeem(ctx: BotContext, code: string): Promise<boolean> {
  const result = await redeemRepresentativeInvitation(ctx.deps, ctx.user, code);
  if (!result.ok) {
    await ctx.reply(ctx.t(`invitations-refused-${result.reason}`));
    return true;
  }
  if (!ctx.user.units.some((u) => u.id === result.unit.id)) ctx.user.units.push(result.unit);
  await ctx.reply(ctx.t(result.already ? "reps-already" : "reps-joined", { unit: result.unit.name }));
  if (result.linkedCase) await ctx.reply(ctx.t("intake-linked", { code: result.linkedCase, unit: result.unit.name }));
  await syncCommandMenu(ctx);
  await showMainMenu(ctx);
  return true;
}

const redeemPayload: StartPayload = { prefix: REPRESENTATIVE_PAYLOAD_PREFIX, handle: redeem };

export const representatives: Feature = {
  name: "representatives",
  composer,
  commands: [{ command: "units", audience: "producer" }],
  menu: [{ labelKey: "reps-menu-mine", callback: B.mine.pack(), visible: (ctx) => ctx.user.units.length > 0 }],
  startPayloads: [redeemPayload],
};
