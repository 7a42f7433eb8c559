// Scope: private chats; the secretariat (and admins) of the case's working group. The cut-off
// fast track on the case card (src/services/fast-track): "ask the utility to hold the cut-off"
// and "joint meeting with the utility", each confirmed on the card before anything is sent.
// Every action is re-checked on the server (role, scope, category, an open hold request).
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { fastTrack as B, meetings as M, shared } from "../../../buttons";
import { formatJalaliDate } from "../../../domain/jalali";
import { localName } from "../../../i18n";
import { planJointMeeting, previewHold, proposeJointMeeting, requestCutoffHold } from "../../../services/fast-track";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { refusedOr, showScreen } from "../../reply";
import { isSecretariat } from "../../secretariat";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
const staff = chat.filter(isSecretariat);

const when = (ctx: BotContext, at: Date) => formatJalaliDate(at, ctx.locale, { weekday: true, monthName: true, time: true });
const confirmKeyboard = (ctx: BotContext, confirm: string, caseId: number) =>
  new InlineKeyboard().text(ctx.t("fast-track-button-send"), confirm).row().text(ctx.t("button-back"), shared.queueCase.pack({ caseId }));

staff.callbackQuery(B.hold.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.hold.unpack(ctx.callbackQuery.data);
  if (!payload) return;
  const preview = await refusedOr(ctx, () => previewHold(ctx.deps, ctx.user, payload.caseId));
  if (!preview) return;
  const text = ctx.t("fast-track-hold-confirm", {
    code: preview.trackingCode,
    agency: localName(preview.agency, ctx.locale),
    at: when(ctx, preview.dueAt),
    hours: ctx.deps.policies.fastTrack.holdDeadlineOfficeHours,
  });
  await showScreen(ctx, text, confirmKeyboard(ctx, B.holdConfirm.pack({ caseId: payload.caseId }), payload.caseId));
});

staff.callbackQuery(B.holdConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.holdConfirm.unpack(ctx.callbackQuery.data);
  if (!payload) return;
  const result = await refusedOr(ctx, () => requestCutoffHold(ctx.deps, ctx.user, payload.caseId));
  if (!result) return;
  // News: the request is out (the confirmation screen becomes this message).
  await showScreen(
    ctx,
    ctx.t("fast-track-hold-sent", { code: result.trackingCode, at: when(ctx, result.dueAt) }),
    new InlineKeyboard().text(ctx.t("button-open-case"), shared.queueCase.pack({ caseId: payload.caseId })),
  );
});

staff.callbackQuery(B.meeting.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.meeting.unpack(ctx.callbackQuery.data);
  if (!payload) return;
  const plan = await refusedOr(ctx, () => planJointMeeting(ctx.deps, ctx.user, payload.caseId));
  if (!plan) return;
  const text = ctx.t("fast-track-meeting-confirm", { code: plan.trackingCode, agency: localName(plan.agency, ctx.locale), when: when(ctx, plan.startsAt), place: plan.place });
  await showScreen(ctx, text, confirmKeyboard(ctx, B.meetingConfirm.pack({ caseId: payload.caseId }), payload.caseId));
});

staff.callbackQuery(B.meetingConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const payload = B.meetingConfirm.unpack(ctx.callbackQuery.data);
  if (!payload) return;
  const result = await refusedOr(ctx, () => proposeJointMeeting(ctx.deps, ctx.user, payload.caseId));
  if (!result) return;
  await showScreen(
    ctx,
    ctx.t("fast-track-meeting-sent", { code: result.trackingCode, when: when(ctx, result.startsAt), place: result.place, invited: result.invited }),
    new InlineKeyboard().text(ctx.t("fast-track-button-meeting"), M.open.pack({ meetingId: result.meetingId })).row().text(ctx.t("button-open-case"), shared.queueCase.pack({ caseId: payload.caseId })),
  );
});

// Anyone else pressing these (an old message, forged data): the case is not theirs to act on.
chat.callbackQuery([B.hold.filter, B.holdConfirm.filter, B.meeting.filter, B.meetingConfirm.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("triage-error-not_found"));
});

export const fastTrack: Feature = { name: "fast-track", composer };
