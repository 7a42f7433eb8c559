// Scope: private chats; producers. The question on the irreversible date (src/services/countdown):
// "it did not happen", "it happened", or "it was postponed" → the new date (typed in Jalali, or
// a quick pick). The service re-checks that the case is the producer's and the question current.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { countdown as B, shared } from "../../../buttons";
import { addJalaliDays, parseJalaliDate, todayInTehran } from "../../../domain/jalali";
import { isRefusal } from "../../../domain/refusal";
import { answerDateCheck, postponeIrreversible } from "../../../services/countdown";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { defineFlow, handled, on, retry, type FlowState, type StepResult } from "../../flow-engine";
import { answerRefusal, refusedOr, showScreen } from "../../reply";

interface PostponeData {
  caseId: number;
  dateMs: number;
}

async function postponeTo(ctx: BotContext, flow: FlowState<PostponeData>, days: number | string): Promise<StepResult> {
  const day = typeof days === "number" ? addJalaliDays(todayInTehran(ctx.deps.now()), days) : parseJalaliDate(days);
  if (!day) return retry("countdown-error-bad_date");
  try {
    const result = await postponeIrreversible(ctx.deps, ctx.user.id, flow.data.caseId, flow.data.dateMs, day);
    ctx.session.flow = undefined;
    await ctx.reply(ctx.t("countdown-postponed", { code: result.trackingCode, date: result.date }));
  } catch (error) {
    // A date in the past or too far ahead: say why and ask again; anything else ends the flow.
    if (isRefusal(error) && (error.reason === "past" || error.reason === "beyond_horizon")) return retry(error.messageKey, error.args);
    ctx.session.flow = undefined;
    await answerRefusal(ctx, error);
  }
  return handled;
}

/** The date question's own answers, offered again when the new date is not given after all. */
function dateAnswers(ctx: BotContext, data: PostponeData): InlineKeyboard {
  const answer = (key: string, value: "averted" | "happened" | "postponed") =>
    keyboard.text(ctx.t(key), B.dateAnswer.pack({ caseId: data.caseId, dateMs: String(data.dateMs), answer: value })).row();
  const keyboard = new InlineKeyboard();
  answer("countdown-button-averted", "averted");
  answer("countdown-button-happened", "happened");
  return answer("countdown-button-postponed", "postponed");
}

const postponeFlow = defineFlow<PostponeData>({
  name: "postpone",
  version: 1,
  // Cancel returns to the question it came from: nothing changed, the question still stands.
  leave: (ctx, flow) => showScreen(ctx, ctx.t("countdown-question-stands"), dateAnswers(ctx, flow.data)),
  steps: {
    date: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard()
          .text(ctx.t("countdown-in-week"), B.postponeBy.pack({ days: "7" }))
          .text(ctx.t("countdown-in-two-weeks"), B.postponeBy.pack({ days: "14" }))
          .text(ctx.t("countdown-in-month"), B.postponeBy.pack({ days: "30" }))
          .row()
          .text(ctx.t("button-cancel"), shared.flowCancel.pack());
        await ctx.reply(ctx.t("countdown-ask-date"), { reply_markup: keyboard });
      },
      text: (ctx, text, flow) => postponeTo(ctx, flow, text),
    },
  },
  buttons: [on(B.postponeBy, async (ctx, { days }, flow) => {
    await ctx.answerCallbackQuery();
    return postponeTo(ctx, flow, Number(days));
  })],
});

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.use(postponeFlow.composer);

chat.callbackQuery(B.dateAnswer.filter, async (ctx) => {
  const payload = B.dateAnswer.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (!payload) return;
  const dateMs = Number(payload.dateMs);
  if (payload.answer === "postponed") {
    await postponeFlow.start(ctx, "date", { caseId: payload.caseId, dateMs });
    return;
  }
  const answer = await refusedOr(ctx, () => answerDateCheck(ctx.deps, ctx.user.id, payload.caseId, dateMs, payload.answer as "happened" | "averted"));
  if (!answer) return;
  // The question's own message now says what was answered (its buttons are spent).
  await showScreen(ctx, ctx.t(`countdown-answered-${answer.outcome}`, { code: answer.trackingCode }));
});

export const countdown: Feature = { name: "countdown", composer };
