// Scope: private chats; producers. Adding information (text, a photo or a document) to an open
// case of theirs, or answering the secretariat's question: one step, then the notice goes to
// whoever works the case.
import { InlineKeyboard } from "grammy";
import { isOpenStatus, type CaseStatus } from "../../../domain/case-lifecycle";
import { isRefusal } from "../../../domain/refusal";
import { normalizeText } from "../../../domain/text";
import { ADD_INFO_MAX, addProducerInformation, ownCaseStatus } from "../../../services/cases";
import { shared } from "../../../buttons";
import { attachmentFrom } from "../../attachments";
import type { BotContext } from "../../context";
import { defineFlow, handled, retry, type DefinedFlow } from "../../flow-engine";
import { isInfrastructureError } from "../../middlewares/errors";
import { showCase } from "./screens";

interface AddInfoData {
  caseId: number;
  code?: string;
}

export const addInfoFlow: DefinedFlow<AddInfoData> = defineFlow<AddInfoData>({
  name: "addinfo",
  version: 2,
  // Cancel returns to the case's card (where "add information" was tapped).
  leave: (ctx, flow) => showCase(ctx, flow.data.caseId),
  steps: {
    input: {
      async ask(ctx, flow) {
        await ctx.reply(ctx.t("cases-ask-info", { code: flow.data.code ?? "", max: ADD_INFO_MAX }), {
          reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), shared.flowCancel.pack()),
        });
      },
      // Text, or a photo or document (with an optional caption).
      async message(ctx, flow) {
        const message = ctx.message;
        const text = normalizeText(message.text ?? message.caption ?? "");
        // A refused answer says why; the prompt above still stands (one step: nothing to repeat).
        const refuse = async (key: string, args?: Record<string, string | number>) => {
          await ctx.reply(ctx.t(key, args));
          return handled;
        };
        if (text.length > ADD_INFO_MAX) return refuse("cases-info-too-long", { max: ADD_INFO_MAX });
        // The same files as the report accepts (size and type).
        const file = attachmentFrom(message, ctx.deps.config.MAX_ATTACHMENT_MB * 1024 * 1024);
        if (file === "too_big") return refuse("report-attachment-too-big", { mb: ctx.deps.config.MAX_ATTACHMENT_MB });
        if (file === "bad_type") return refuse("report-attachment-bad-type");
        if (!file && text.length === 0) return retry("expected-text");
        try {
          const result = await addProducerInformation(ctx.deps, ctx.user.id, flow.data.caseId, { text, attachment: file });
          ctx.session.flow = undefined;
          await ctx.reply(ctx.t(result.answeredRequest ? "cases-info-answered" : "cases-info-added", { code: result.trackingCode }));
        } catch (error) {
          if (isInfrastructureError(error)) {
            await ctx.reply(ctx.t("error-unavailable"));
            return handled;
          }
          if (!isRefusal(error)) throw error;
          ctx.session.flow = undefined;
          await ctx.reply(ctx.t("error-not-found"));
        }
        return handled;
      },
    },
  },
});

/** Opens the prompt for a case of the user's that is still open (forged ids find nothing). */
export async function askForInformation(ctx: BotContext, caseId: number): Promise<void> {
  const item = await ownCaseStatus(ctx.deps, ctx.user.id, caseId);
  if (!item || !isOpenStatus(item.status as CaseStatus)) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  await addInfoFlow.start(ctx, "input", { caseId, code: item.trackingCode });
}
