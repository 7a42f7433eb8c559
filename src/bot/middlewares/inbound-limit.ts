import type { Middleware } from "grammy";
import type { Redis } from "ioredis";
import type { Deps } from "../../deps";
import { localeFromTelegram } from "../../i18n";
import { logUnlessOutage } from "../../outage-log";
import type { BotContext } from "../context";

/**
 * Per-user inbound limit: at most RATE_LIMIT_UPDATES updates per RATE_LIMIT_WINDOW_MS from one
 * user, counted in Redis so every bot process shares the count. Past it the user's updates are
 * dropped until the window ends; the first update over the limit (whichever process gets it)
 * is answered with a polite notice, once per window.
 *
 * The count is taken with the update's claim (src/bot/middlewares/dedupe.ts: one Lua script,
 * one round trip for both, where @grammyjs/ratelimiter's middleware, used before, made a
 * second call on every update); an update that arrives without it (Redis failed there, a claim
 * taken over from a stopped process) is counted here with the same increment. The decision is
 * the plugin's: at most the limit passes, the limit + 1st is told, the rest dropped.
 *
 * The defaults (30 in 3 s) are far above a person: typing is a message every few seconds,
 * tapping through a menu a few a second, an album ten updates at once. A script is cut off.
 */

const KEY_PREFIX = "ratelimit:user:";

/** The sender's counter key (undefined for updates without a sender: a channel post is not a person flooding us). */
export const inboundCounterKey = (ctx: { from?: { id: number } }) => (ctx.from ? `${KEY_PREFIX}${ctx.from.id}` : undefined);

/**
 * Lua that counts an update in the sender's window, leaving the count in `hits`: INCR and the
 * window's expiry in one step. @grammyjs/ratelimiter's Redis store sent PEXPIRE after INCR as
 * a second command: a process dying, or Redis blinking, between the two leaves a counter that
 * never expires, and that user is silenced for good. Here a counter without an expiry gets one
 * on the next update. `counterKey` and `windowMs` are the script's KEYS and ARGV entries
 * holding them. The claim's script (dedupe.ts) runs it too.
 */
export const countInWindowLua = (counterKey: string, windowMs: string) => `
local hits = redis.call('INCR', ${counterKey})
if redis.call('PTTL', ${counterKey}) < 0 then redis.call('PEXPIRE', ${counterKey}, ${windowMs}) end`;

const INCREMENT_SCRIPT = `${countInWindowLua("KEYS[1]", "ARGV[1]")}
return hits`;

/** The counter on our (prefixed) ioredis client, for updates the claim did not count. */
function windowCounter(redis: Redis, windowMs: number, logger: Deps["logger"], outages?: Deps["outages"]) {
  return {
    async incr(key: string): Promise<number> {
      try {
        return Number(await redis.eval(INCREMENT_SCRIPT, 1, key, windowMs));
      } catch (error) {
        // Open when Redis cannot count: the session fails next and the user is told plainly,
        // which beats dropping every update unseen.
        const message = "could not count the user's updates; letting this one through";
        logUnlessOutage(outages, () => logger.warn({ err: error }, message), error, {}, message);
        return 0;
      }
    },
  };
}

export function limitInbound(deps: Pick<Deps, "redis" | "config" | "logger" | "t"> & Partial<Pick<Deps, "outages">>): Middleware<BotContext> {
  const { RATE_LIMIT_UPDATES: updates, RATE_LIMIT_WINDOW_MS: windowMs, DEFAULT_LOCALE } = deps.config;
  if (updates === 0) return (_ctx, next) => next();
  const counter = windowCounter(deps.redis, windowMs, deps.logger, deps.outages);
  const tell = async (ctx: BotContext) => {
    deps.logger.warn({ userId: ctx.from?.id, limit: updates, windowMs }, "inbound limit reached: dropping the user's updates for the window");
    // The app's language, not the stored choice: that needs the database, which a flood
    // must not reach.
    const text = deps.t(localeFromTelegram(ctx.from?.language_code, DEFAULT_LOCALE), "error-rate-limited");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
      else if (ctx.chat) await ctx.reply(text);
    } catch (error) {
      deps.logger.warn({ err: error, userId: ctx.from?.id }, "could not tell a flooding user about the limit");
    }
  };
  return async (ctx, next) => {
    const key = inboundCounterKey(ctx);
    if (!key) return next();
    const hits = ctx.inboundHits ?? (await counter.incr(key));
    if (hits <= updates) return next();
    if (hits === updates + 1) await tell(ctx);
  };
}
