import { BotError, GrammyError, HttpError } from "grammy";
import type { BotContext } from "../context";
import { logUnlessOutage } from "../../outage-log";

/** Whether an error means PostgreSQL or Redis cannot be reached right now. */
export function isInfrastructureError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    // pg's own errors too (the raw SQL port, src/sql.ts): the server going away (57P01-03),
    // a broken connection (class 08), too many connections (53300).
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|P1001|P1002|P1008|P1017|P2024|57P0[123]|08\d{3}|53300)$/.test(code)) return true;
    if (typeof name === "string" && /^(PrismaClientInitializationError|DriverAdapterError|MaxRetriesPerRequestError)$/.test(name)) return true;
    if (typeof message === "string" && /(Connection is closed|connect ECONNREFUSED|Can't reach database|Connection terminated|timeout exceeded when trying to connect|Stream isn't writeable|enableOfflineQueue)/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The last line of defence: log with context and tell the user plainly. Nothing the user
 * typed is lost: the draft lives in the session and is only cleared after a commit.
 */
export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const cause = error.error;
  const logger = ctx.logger ?? ctx.deps?.logger;
  if (cause instanceof GrammyError || cause instanceof HttpError) {
    logger?.warn({ err: cause }, "Bot API call failed while handling an update");
    return;
  }
  const infrastructure = isInfrastructureError(cause);
  // During an outage every update fails the same way: its tracker tells it once.
  logUnlessOutage(infrastructure ? ctx.deps?.outages : undefined, () => logger?.error({ err: cause, infrastructure }, "update failed"), cause, { updateId: ctx.update?.update_id }, "update failed");
  const locale = ctx.locale ?? (ctx.from?.language_code?.startsWith("en") ? "en" : "fa");
  const key = infrastructure ? "error-unavailable" : "error-unexpected";
  try {
    const text = ctx.deps ? ctx.deps.t(locale, key) : key;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat) await ctx.reply(text);
  } catch (replyError) {
    logger?.warn({ err: replyError }, "could not tell the user about the failure");
  }
}
