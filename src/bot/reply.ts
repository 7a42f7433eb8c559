import type { InlineKeyboard } from "grammy";
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
 * Tells the user why a service refused an action: an error of `refusal`'s class as the message
 * `<keyPrefix>-<reason>`, an unreachable database or Redis plainly. Anything else is a bug and
 * goes on to the error boundary.
 */
export async function replyRefusal(
  ctx: BotContext,
  error: unknown,
  refusal: abstract new (...args: never[]) => { reason: string },
  keyPrefix: string,
): Promise<void> {
  if (error instanceof refusal) {
    await ctx.reply(ctx.t(`${keyPrefix}-${error.reason}`));
    return;
  }
  if (isInfrastructureError(error)) {
    await ctx.reply(ctx.t("error-unavailable"));
    return;
  }
  throw error;
}
