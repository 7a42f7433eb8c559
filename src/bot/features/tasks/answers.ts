// How the task handlers answer: a done action is news (a new message with the task's button);
// a refused one says why. Shared by the agency's and the secretariat's handlers and prompts.
import { InlineKeyboard } from "grammy";
import { shared, tasks as buttons } from "../../../buttons";
import { isRefusal } from "../../../domain/refusal";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { handled, retry, type StepResult } from "../../flow-engine";
import { openTaskKeyboard } from "../../presenters/tasks";
import { answerRefusal, refusedOr } from "../../reply";

/** A prompt's back and cancel buttons under its question (and its own buttons). */
export function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), buttons.flowBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

/** Runs a one-tap action; done: `doneKey` with the task's button, refused: why. */
export async function performed(ctx: BotContext, taskId: number, action: () => Promise<unknown>, doneKey: string): Promise<void> {
  const done = await refusedOr(ctx, async () => {
    await action();
    return true;
  });
  if (done) await ctx.reply(ctx.t(doneKey), { reply_markup: openTaskKeyboard(ctx, taskId) });
}

/**
 * Sends what a prompt collected. The prompt ends once the action is committed or refused for
 * good; input the service finds invalid is asked again with everything typed so far kept; an
 * outage keeps the prompt, so pressing "Send" again retries.
 */
export async function submitPrompt(ctx: BotContext, taskId: number, action: () => Promise<unknown>, doneKey: string): Promise<StepResult> {
  try {
    await action();
  } catch (error) {
    if (isRefusal(error) && error.reason === "invalid_input") return retry(error.messageKey, error.args);
    if (isRefusal(error)) endFlow(ctx);
    await answerRefusal(ctx, error);
    return handled;
  }
  endFlow(ctx);
  await ctx.reply(ctx.t(doneKey), { reply_markup: openTaskKeyboard(ctx, taskId) });
  return handled;
}
