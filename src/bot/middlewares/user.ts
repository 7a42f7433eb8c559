import type { MiddlewareFn } from "grammy";
import { isLocale } from "../../i18n";
import { loadUser } from "../../services/users";
import type { BotContext } from "../context";

/** Loads the user (and roles) behind every update that has one; sets the locale. */
export const attachUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from || ctx.from.is_bot) return;
  const { config } = ctx.deps;
  ctx.user = await loadUser(ctx.deps.db, ctx.from, {
    adminTelegramIds: config.ADMIN_TELEGRAM_IDS,
    defaultLocale: config.DEFAULT_LOCALE,
  });
  const sessionLocale = ctx.session.locale;
  ctx.locale = isLocale(sessionLocale) ? sessionLocale : ctx.user.language;
  await next();
};
