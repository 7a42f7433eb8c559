import { GrammyError, type InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { isRefusal } from "../domain/refusal";
import { splitMessage } from "../domain/text";
import type { BotContext } from "./context";
import { isInfrastructureError } from "./middlewares/errors";

/**
 * Replies with a text that may be longer than Telegram's 4096 characters: as several messages
 * (split at line breaks), the buttons under the last one, where the reader's eye ends.
 */
export async function replyLong(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(text);
  for (const [index, part] of parts.entries()) {
    await ctx.reply(part, index === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {});
  }
}

/**
 * Shows a screen (a card, a list page, a filter, a menu) where the user expects it: a tap on a
 * button of a text message edits that message in place; anything else (a command, a typed
 * answer, a long text, a message that can no longer be edited) posts a new one. News (a notice
 * to someone else, a confirmation after a flow) never goes through here: it is a new message.
 */
export async function showScreen(
  ctx: BotContext,
  text: string,
  keyboard?: InlineKeyboard | InlineKeyboardMarkup,
  options: { asNew?: boolean } = {},
): Promise<void> {
  const message = ctx.callbackQuery?.message;
  // asNew: the screen follows news just sent (editing the old message would hide it).
  const editable = !options.asNew && message && "text" in message && message.text !== undefined && text.length <= 4096;
  if (editable) {
    try {
      await ctx.editMessageText(text, keyboard ? { reply_markup: keyboard } : {});
      return;
    } catch (error) {
      // The same text and buttons again (a double tap): the screen already shows it.
      if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
      // Too old, deleted, or not ours to edit: fall back to a new message.
      if (!(error instanceof GrammyError)) throw error;
    }
  }
  const parts = splitMessage(text);
  for (const [index, part] of parts.entries()) {
    await ctx.reply(part, index === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {});
  }
}

/**
 * Tells the user why a service refused an action (a Refusal: its message), or plainly that the
 * system is unavailable (PostgreSQL or Redis down). Anything else is a bug and goes on to the
 * error boundary.
 */
export async function answerRefusal(ctx: BotContext, error: unknown): Promise<void> {
  if (isRefusal(error)) {
    await ctx.reply(ctx.t(error.messageKey, error.args));
    return;
  }
  if (isInfrastructureError(error)) {
    await ctx.reply(ctx.t("error-unavailable"));
    return;
  }
  throw error;
}

/**
 * Runs a service call and answers a refusal; returns the result, or undefined when refused.
 *   const result = await refusedOr(ctx, () => assignCase(ctx.deps, ctx.user, id, input));
 *   if (!result) return;
 */
export async function refusedOr<T>(ctx: BotContext, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    await answerRefusal(ctx, error);
    return undefined;
  }
}
