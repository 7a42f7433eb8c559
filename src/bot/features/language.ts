// Scope: any chat; everyone. /language switches between Persian and English.
import { Composer, InlineKeyboard } from "grammy";
import { isLocale } from "../../i18n";
import type { BotContext } from "../context";
import { showMainMenu } from "../menu";

export const language = new Composer<BotContext>();

async function offerLanguages(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard().text("فارسی", "lang:set:fa").text("English", "lang:set:en");
  await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
}

language.command("language", offerLanguages);
language.callbackQuery("lang:menu", async (ctx) => {
  await ctx.answerCallbackQuery();
  await offerLanguages(ctx);
});

language.callbackQuery(/^lang:set:(\w+)$/, async (ctx) => {
  const chosen = ctx.match[1];
  if (!isLocale(chosen)) return ctx.answerCallbackQuery();
  ctx.session.locale = chosen;
  ctx.locale = chosen;
  await ctx.deps.db.user.update({ where: { id: ctx.user.id }, data: { language: chosen } });
  ctx.user.language = chosen;
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-changed"));
  await showMainMenu(ctx);
});
