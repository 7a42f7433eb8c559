// How the objection handlers answer a refusal: the window's closing date in the reader's
// digits, then the usual answer (src/bot/reply.ts).
import { isRefusal, Refusal } from "../../../domain/refusal";
import { localizeDigits } from "../../../domain/text";
import type { BotContext } from "../../context";
import { answerRefusal } from "../../reply";

export async function answerObjection(ctx: BotContext, error: unknown): Promise<void> {
  if (isRefusal(error) && typeof error.args.closed === "string") {
    await answerRefusal(ctx, new Refusal(error.reason, error.messageKey, { ...error.args, closed: localizeDigits(error.args.closed, ctx.locale) }));
    return;
  }
  await answerRefusal(ctx, error);
}

/** Runs a service call; a refusal is answered and gives undefined. */
export async function objectionOr<T>(ctx: BotContext, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    await answerObjection(ctx, error);
    return undefined;
  }
}
