// The agency's objection to a resolution (its officials, while the window is open): the
// written reasons (at least objectionReasonMin characters) → review → sent to the secretariat
// and the chair. The service checks the official, the window and "only once" again on sending.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { resolutions as buttons, shared } from "../../../buttons";
import { formatJalaliDate } from "../../../domain/jalali";
import { isRefusal } from "../../../domain/refusal";
import { localizeDigits, normalizeText, truncate } from "../../../domain/text";
import { fileObjection, OBJECTION_REASONS_MAX, objectionPrompt } from "../../../services/resolutions";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, retry, type FlowState, type StepResult } from "../../flow-engine";
import { showMainMenu } from "../../menu";
import { openTaskKeyboard } from "../../presenters/tasks";
import { showTaskCard } from "../tasks/card";
import { answerObjection, objectionOr } from "./answers";

/** JSON-safe state of the prompt (Redis session). */
interface ObjectionDraft {
  resolutionId: number;
  taskId: number | null;
  code: string;
  text: string;
  /** The window's last instant (ms), for the question. */
  untilMs: number;
  reasons?: string;
}
type Draft = FlowState<ObjectionDraft>;

const navigation = (ctx: BotContext, keyboard = new InlineKeyboard()) =>
  keyboard.row().text(ctx.t("button-back"), buttons.objectionBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());

async function send(ctx: BotContext, flow: Draft): Promise<StepResult> {
  const draft = flow.data;
  try {
    await fileObjection(ctx.deps, ctx.user.id, draft.resolutionId, draft.reasons ?? "");
  } catch (error) {
    if (isRefusal(error)) endFlow(ctx);
    await answerObjection(ctx, error);
    return handled;
  }
  endFlow(ctx);
  await ctx.reply(ctx.t("objection-sent"), draft.taskId ? { reply_markup: openTaskKeyboard(ctx, draft.taskId) } : {});
  return handled;
}

const objectionFlow = defineFlow<ObjectionDraft>({
  name: "objection",
  version: 1,
  backButton: buttons.objectionBack,
  leave: async (ctx, flow) => {
    if (flow.data.taskId) return showTaskCard(ctx, flow.data.taskId);
    await ctx.reply(ctx.t("cancel-done"));
    await showMainMenu(ctx);
  },
  review: "confirm",
  steps: {
    reasons: {
      ask: async (ctx, flow) => {
        const until = formatJalaliDate(new Date(flow.data.untilMs), ctx.locale, { monthName: true, weekday: true });
        const min = ctx.deps.policies.statutory.objectionReasonMin;
        await ctx.reply(ctx.t("objection-ask-reasons", { code: flow.data.code, text: truncate(flow.data.text, 600), until, min }), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const reasons = normalizeText(input);
        const min = ctx.deps.policies.statutory.objectionReasonMin;
        if (reasons.length < min) return retry("objection-reasons-short", { min, count: localizeDigits(String(reasons.length), ctx.locale) });
        if (reasons.length > OBJECTION_REASONS_MAX) return retry("objection-error-reasons_too_long", { max: OBJECTION_REASONS_MAX });
        flow.data.reasons = reasons;
        return next("confirm");
      },
    },
    confirm: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard().text(ctx.t("objection-button-send"), buttons.objectionSend.pack());
        await ctx.reply(ctx.t("objection-review", { reasons: flow.data.reasons ?? "" }), { reply_markup: navigation(ctx, keyboard) });
      },
    },
  },
  buttons: [{ button: buttons.objectionSend, handle: async (ctx, _payload, flow) => (flow.step === "confirm" ? send(ctx, flow) : handled) }],
});

/** Handlers for officials only (the feature filters by role). */
export const agency = new Composer<BotContext>();
agency.use(objectionFlow.composer);

// "✋ Object" on the task notice or the task card: refused at once after the window, a second
// time, or for anyone not an official of the agency; otherwise the prompt starts.
agency.callbackQuery(buttons.object.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.object.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const view = await objectionOr(ctx, () => objectionPrompt(ctx.deps, ctx.user.id, p.resolutionId));
  if (!view) return;
  await objectionFlow.start(ctx, "reasons", {
    resolutionId: view.resolutionId,
    taskId: view.taskId,
    code: view.trackingCode,
    text: view.text,
    untilMs: view.objectionDeadline?.getTime() ?? ctx.deps.now().getTime(),
  });
});
