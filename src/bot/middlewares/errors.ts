import { BotError, GrammyError, HttpError } from "grammy";
import type { BotContext } from "../context";
import { isConnectionError, logUnlessOutage } from "../../outage-log";

/**
 * Whether an error means PostgreSQL or Redis cannot be reached right now: what the outage log
 * calls a connection error (src/outage-log.ts, the one list of them), or no pooled connection
 * came free in time (Prisma's P2024, pg-pool's timeout) — not an outage, but the user is told
 * the same: try again shortly.
 */
export function isInfrastructureError(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === "object" && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (code === "P2024" || (typeof message === "string" && message.includes("timeout exceeded when trying to connect"))) return true;
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
