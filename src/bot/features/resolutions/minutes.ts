// Closing a held meeting's minutes (secretariat): confirm, then they are sent to the attendees.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { meetings as meetingButtons, resolutions as buttons } from "../../../buttons";
import { localizeDigits } from "../../../domain/text";
import { meetingForSecretariat } from "../../../services/meetings";
import { closeMinutes } from "../../../services/resolutions";
import type { BotContext } from "../../context";
import { refusedOr, showScreen } from "../../reply";
import { showCard } from "../meetings/card";

/** Handlers for the secretariat only (the feature filters by role). */
export const minutes = new Composer<BotContext>();

minutes.callbackQuery(buttons.minutes.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.minutes.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const meeting = await refusedOr(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, p.meetingId));
  if (!meeting) return;
  const keyboard = new InlineKeyboard().text(ctx.t("resolutions-close-yes"), buttons.minutesConfirm.pack(p)).text(ctx.t("button-back"), meetingButtons.open.pack(p));
  await showScreen(ctx, ctx.t("resolutions-close-confirm", { count: meeting._count.resolutions }), keyboard);
});

minutes.callbackQuery(buttons.minutesConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.minutesConfirm.unpack(ctx.callbackQuery.data);
  if (!p) return;
  // Closing writes the minutes and queues them to every attendee: "typing…" while it runs.
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const result = await refusedOr(ctx, () => closeMinutes(ctx.deps, ctx.user.id, p.meetingId));
  if (!result) return;
  await ctx.reply(ctx.t("resolutions-minutes-sent", { count: localizeDigits(String(result.recipients), ctx.locale) }));
  await showCard(ctx, p.meetingId);
});
