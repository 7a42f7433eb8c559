// Scope: any chat; everyone. /language switches between Persian and English.
import { InlineKeyboard } from "grammy";
import { Composer } from "../composer";
import { setUserLanguage } from "../../services/users";
import { producer as B, shared } from "../../buttons";
import type { BotContext } from "../context";
import type { Feature } from "../feature";
import { showMainMenu } from "../menu";
import { showScreen } from "../reply";

async function offerLanguages(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard().text("فارسی", B.languageSet.pack({ locale: "fa" })).text("English", B.languageSet.pack({ locale: "en" }));
  await showScreen(ctx, ctx.t("language-choose"), keyboard);
}

const composer = new Composer<BotContext>();
composer.command("language", offerLanguages);
composer.callbackQuery(shared.languageMenu.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await offerLanguages(ctx);
});

composer.callbackQuery(B.languageSet.filter, async (ctx) => {
  const chosen = B.languageSet.unpack(ctx.callbackQuery.data)?.locale;
  if (!chosen) return ctx.answerCallbackQuery();
  ctx.session.locale = chosen;
  ctx.locale = chosen;
  await setUserLanguage(ctx.deps, ctx.user.id, chosen);
  ctx.user.language = chosen;
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-changed"));
  await showMainMenu(ctx);
});

export const language: Feature = {
  name: "language",
  composer,
  commands: [{ command: "language", audience: "everyone" }],
};
