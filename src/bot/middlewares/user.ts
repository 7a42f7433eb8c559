import type { MiddlewareFn } from "grammy";
import { isLocale } from "../../i18n";
import { userOfUpdate } from "../../services/users";
import type { BotContext } from "../context";

/** Loads the user (and roles) behind every update that has one; sets the locale. */
export const attachUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from || ctx.from.is_bot) return;
  ctx.user = await userOfUpdate(ctx.deps, ctx.from, ctx.reads?.user);
  const sessionLocale = ctx.session.locale;
  ctx.locale = isLocale(sessionLocale) ? sessionLocale : ctx.user.language;
  await next();
};
