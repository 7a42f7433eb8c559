// After a score: an optional comment (or skip), and after a low score on a finished case the
// offer to reopen it with a reason; the reopen from the case card or the "resolved" notice is
// the same reason step. The service re-checks the producer and the reopen window.
import { InlineKeyboard } from "grammy";
import { rating as buttons, shared } from "../../../buttons";
import { normalizeText } from "../../../domain/text";
import { commentOnRating, COMMENT_MAX, reopenAfterRating, reopenOwnCase, REOPEN_REASON_MIN } from "../../../services/ratings";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, retry } from "../../flow-engine";
import { showMainMenu } from "../../menu";
import { answerRefusal } from "../../reply";
import { showCase } from "../cases/screens";

interface RatingDraft {
  /** The rated task; 0 when the case itself was rated or is reopened from its card. */
  taskId: number;
  /** The case, when reopened as a whole (the card, the "resolved" notice). */
  caseId?: number;
  /** A low score on a case the producer may reopen now (the service decides again). */
  canReopen: boolean;
}

/** "Reopen the case" under the comment question or its confirmation. */
export const reopenKeyboard = (ctx: BotContext, taskId: number, keyboard = new InlineKeyboard()) =>
  keyboard.text(ctx.t("rating-button-reopen"), buttons.reopen.pack({ taskId }));

/** Runs the service call that ends the prompt; a refusal says why (and ends it too). */
async function finish(ctx: BotContext, action: () => Promise<void>): Promise<typeof handled> {
  try {
    await action();
  } catch (error) {
    endFlow(ctx);
    await answerRefusal(ctx, error);
  }
  return handled;
}

export const ratingFlow = defineFlow<RatingDraft>({
  name: "rating",
  version: 1,
  // Cancel returns to the case's card when it was opened from there, else to the menu.
  leave: async (ctx, flow) => {
    if (flow.data.caseId) return showCase(ctx, flow.data.caseId);
    await ctx.reply(ctx.t("cancel-done"));
    await showMainMenu(ctx);
  },
  steps: {
    comment: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard().text(ctx.t("button-skip"), buttons.skip.pack());
        if (flow.data.canReopen) reopenKeyboard(ctx, flow.data.taskId, keyboard.row());
        await ctx.reply(ctx.t("rating-ask-comment"), { reply_markup: keyboard });
      },
      text: async (ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length === 0 || text.length > COMMENT_MAX) return retry("rating-reason-invalid", { min: 1, max: COMMENT_MAX });
        const { taskId, canReopen } = flow.data;
        return finish(ctx, async () => {
          await commentOnRating(ctx.deps, ctx.user.id, taskId, text);
          endFlow(ctx);
          await ctx.reply(ctx.t("rating-comment-saved"), canReopen ? { reply_markup: reopenKeyboard(ctx, taskId) } : {});
        });
      },
    },
    reopen: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("rating-ask-reopen-reason", { min: REOPEN_REASON_MIN }), {
          reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), shared.flowCancel.pack()),
        });
      },
      text: async (ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length < REOPEN_REASON_MIN || text.length > COMMENT_MAX) return retry("rating-reason-invalid", { min: REOPEN_REASON_MIN, max: COMMENT_MAX });
        const { taskId, caseId } = flow.data;
        return finish(ctx, async () => {
          const { trackingCode } = caseId
            ? await reopenOwnCase(ctx.deps, ctx.user.id, caseId, text)
            : await reopenAfterRating(ctx.deps, ctx.user.id, taskId, text);
          endFlow(ctx);
          await ctx.reply(ctx.t("rating-reopened", { code: trackingCode }));
        });
      },
    },
  },
  buttons: [
    {
      button: buttons.skip,
      handle: async (ctx) => {
        endFlow(ctx);
        await ctx.reply(ctx.t("rating-done"));
        return handled;
      },
    },
  ],
});
