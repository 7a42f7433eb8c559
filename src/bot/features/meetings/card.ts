// The secretariat's meeting list and card, and the card's actions: send invitations, mark held,
// cancel. Every action re-checks the role on the server (src/services/meetings).
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { meetings as buttons } from "../../../buttons";
import { localizeDigits } from "../../../domain/text";
import { cancelMeeting, listMeetings, markMeetingHeld, meetingForSecretariat, meetingHeading, meetingWhen, sendInvitations } from "../../../services/meetings";
import type { BotContext } from "../../context";
import { meetingCardScreen, meetingListScreen, titleOf } from "../../presenters/meetings";
import { refusedOr, showScreen } from "../../reply";
import { secretariatGroupIds } from "../../secretariat";

/** /meetings: the list (edits the screen it was opened from). */
export async function showList(ctx: BotContext): Promise<void> {
  const { upcoming, recent } = await listMeetings(ctx.deps, secretariatGroupIds(ctx));
  const screen = meetingListScreen(ctx, upcoming, recent);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** A meeting's card (edits the screen it was opened from). */
export async function showCard(ctx: BotContext, meetingId: number): Promise<void> {
  const meeting = await refusedOr(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return;
  const screen = meetingCardScreen(ctx, meeting);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Handlers for the secretariat only (the feature filters by role). */
export const card = new Composer<BotContext>();

card.command("meetings", showList);
card.callbackQuery(buttons.list.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx);
});
card.callbackQuery(buttons.open.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.open.unpack(ctx.callbackQuery.data);
  if (p) await showCard(ctx, p.meetingId);
});

card.callbackQuery(buttons.invite.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.invite.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const result = await refusedOr(ctx, () => sendInvitations(ctx.deps, ctx.user.id, p.meetingId));
  if (!result) return;
  try {
    await ctx.deps.scheduler.scheduleMeetingReminders(p.meetingId);
  } catch (error) {
    // The invitations are committed; sending them again schedules the reminders again.
    ctx.logger.warn({ err: error, meetingId: p.meetingId }, "could not schedule meeting reminders");
  }
  await ctx.reply(
    ctx.t(result.invited > 0 ? "meetings-invitations-sent" : "meetings-invitations-none-new", {
      count: localizeDigits(String(result.invited), ctx.locale),
      total: localizeDigits(String(result.totalInvitees), ctx.locale),
    }),
  );
  await showCard(ctx, p.meetingId);
});

card.callbackQuery(buttons.held.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.held.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const keyboard = new InlineKeyboard().text(ctx.t("button-confirm"), buttons.heldConfirm.pack(p)).text(ctx.t("button-back"), buttons.open.pack(p));
  await showScreen(ctx, ctx.t("meetings-held-confirm"), keyboard);
});
card.callbackQuery(buttons.heldConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.heldConfirm.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const result = await refusedOr(ctx, () => markMeetingHeld(ctx.deps, ctx.user.id, p.meetingId));
  if (!result) return;
  await ctx.reply(ctx.t("meetings-held-done"));
  if (result.next) {
    const next = await meetingHeading(ctx.deps, result.next.id);
    if (next) await ctx.reply(ctx.t("meetings-next-created", { title: titleOf(ctx, next), when: meetingWhen(ctx.locale, next.startsAt) }));
  }
  await showCard(ctx, p.meetingId);
});

card.callbackQuery(buttons.cancel.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.cancel.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const keyboard = new InlineKeyboard().text(ctx.t("meetings-cancel-yes"), buttons.cancelConfirm.pack(p)).text(ctx.t("button-back"), buttons.open.pack(p));
  await showScreen(ctx, ctx.t("meetings-cancel-confirm"), keyboard);
});
card.callbackQuery(buttons.cancelConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.cancelConfirm.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const done = await refusedOr(ctx, async () => {
    await cancelMeeting(ctx.deps, ctx.user.id, p.meetingId);
    return true;
  });
  if (!done) return;
  await ctx.reply(ctx.t("meetings-cancelled"));
  await showCard(ctx, p.meetingId);
});
