// The decision on an agency's objection (the secretariat or the chair of the working group):
// the decision screen (from the notice or the task card), confirm as recorded, or amend the
// text (text → review → save). The service re-checks the role and that it is still pending.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { resolutions as buttons, shared } from "../../../buttons";
import { isRefusal } from "../../../domain/refusal";
import { normalizeText } from "../../../domain/text";
import { decideObjection, objectionForDecision, RESOLUTION_TEXT_MAX, RESOLUTION_TEXT_MIN } from "../../../services/resolutions";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, retry, type FlowState, type StepResult } from "../../flow-engine";
import { decisionScreen } from "../../presenters/objections";
import { openTaskKeyboard } from "../../presenters/tasks";
import { showScreen } from "../../reply";
import { answerObjection, objectionOr } from "./answers";

async function showDecision(ctx: BotContext, resolutionId: number): Promise<void> {
  const view = await objectionOr(ctx, () => objectionForDecision(ctx.deps, ctx.user.id, resolutionId));
  if (!view) return;
  const screen = decisionScreen(ctx, view);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** JSON-safe state of the amendment (Redis session). */
interface AmendDraft {
  resolutionId: number;
  code: string;
  text?: string;
}
type Draft = FlowState<AmendDraft>;

const navigation = (ctx: BotContext, keyboard = new InlineKeyboard()) =>
  keyboard.row().text(ctx.t("button-back"), buttons.amendBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());

async function save(ctx: BotContext, flow: Draft): Promise<StepResult> {
  const draft = flow.data;
  let view;
  try {
    view = await decideObjection(ctx.deps, ctx.user.id, draft.resolutionId, { decision: "amended", text: draft.text ?? "" });
  } catch (error) {
    if (isRefusal(error)) endFlow(ctx);
    await answerObjection(ctx, error);
    return handled;
  }
  endFlow(ctx);
  await ctx.reply(ctx.t("objection-amended-done", { code: view.trackingCode }), view.taskId ? { reply_markup: openTaskKeyboard(ctx, view.taskId) } : {});
  return handled;
}

const amendFlow = defineFlow<AmendDraft>({
  name: "objection-amend",
  version: 1,
  backButton: buttons.amendBack,
  leave: (ctx, flow) => showDecision(ctx, flow.data.resolutionId),
  review: "review",
  steps: {
    text: {
      ask: async (ctx, flow) => {
        await ctx.reply(ctx.t("objection-ask-amendment", { code: flow.data.code, min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX }), { reply_markup: navigation(ctx) });
      },
      text: async (_ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length < RESOLUTION_TEXT_MIN || text.length > RESOLUTION_TEXT_MAX) return retry("objection-amendment-invalid", { min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX });
        flow.data.text = text;
        return next("review");
      },
    },
    review: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard().text(ctx.t("objection-button-save-amendment"), buttons.amendSave.pack());
        await ctx.reply(ctx.t("objection-amendment-review", { code: flow.data.code, text: flow.data.text ?? "" }), { reply_markup: navigation(ctx, keyboard) });
      },
    },
  },
  buttons: [{ button: buttons.amendSave, handle: async (ctx, _payload, flow) => (flow.step === "review" ? save(ctx, flow) : handled) }],
});

/** Handlers for the secretariat and the chair (the feature filters by role). */
export const decide = new Composer<BotContext>();
decide.use(amendFlow.composer);

decide.callbackQuery(buttons.decide.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.decide.unpack(ctx.callbackQuery.data);
  if (p) await showDecision(ctx, p.resolutionId);
});

decide.callbackQuery(buttons.uphold.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.uphold.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const view = await objectionOr(ctx, () => decideObjection(ctx.deps, ctx.user.id, p.resolutionId, { decision: "confirmed" }));
  if (!view) return;
  await ctx.reply(ctx.t("objection-confirmed-done", { code: view.trackingCode }), view.taskId ? { reply_markup: openTaskKeyboard(ctx, view.taskId) } : {});
});

decide.callbackQuery(buttons.amend.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.amend.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const view = await objectionOr(ctx, () => objectionForDecision(ctx.deps, ctx.user.id, p.resolutionId));
  if (!view) return;
  await amendFlow.start(ctx, "text", { resolutionId: view.resolutionId, code: view.trackingCode });
});
