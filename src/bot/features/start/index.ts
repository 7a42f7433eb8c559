// Scope: private chats; everyone. /start (with deep-link payloads), /help, /cancel, the main
// menu (its producer entries are declared here; staff features add theirs).
import { Composer, InlineKeyboard } from "grammy";
import { shared } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { endFlow, repromptFlow } from "../../flow";
import { showMainMenu } from "../../menu";
import { dispatchStartPayload } from "../../start-payloads";

export { registerStartPayload } from "../../start-payloads";

/** Whether the user represents a unit (ctx.user holds them: no query). */
export const hasUnits = async (ctx: BotContext): Promise<boolean> => ctx.user.units.length > 0;

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");

chat.command("start", async (ctx) => {
  if (await dispatchStartPayload(ctx, ctx.match.trim())) return;
  if (ctx.session.flow) {
    // Never lose what was typed so far: say where we are and ask the same question again.
    await ctx.reply(ctx.t("start-flow-in-progress"));
    if (await repromptFlow(ctx)) return;
  }
  if (await hasUnits(ctx)) {
    await ctx.reply(ctx.t("start-welcome-back", { name: ctx.user.firstName }));
    await showMainMenu(ctx);
    return;
  }
  const staff = ctx.user.memberships.length > 0;
  const keyboard = new InlineKeyboard().text(ctx.t("menu-register-unit"), shared.newUnit.pack());
  await ctx.reply(ctx.t("start-welcome", { name: ctx.user.firstName }), { reply_markup: keyboard });
  if (staff) await showMainMenu(ctx);
});

/** Help lists the producer's commands, then those of each staff role the user holds. */
chat.command("help", async (ctx) => {
  const roles = new Set(ctx.user.memberships.map((membership) => membership.role));
  const sections = [ctx.t("help-text")];
  if (roles.has("SECRETARIAT") || roles.has("ADMIN")) sections.push(ctx.t("help-secretariat"));
  if (roles.has("OFFICIAL")) sections.push(ctx.t("help-official"));
  if (roles.has("CHAIR")) sections.push(ctx.t("help-chair"));
  if (roles.has("ADMIN")) sections.push(ctx.t("help-admin"));
  await ctx.reply(sections.join("\n\n"));
});

chat.command("menu", showMainMenu);
chat.callbackQuery(shared.mainMenu.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});

async function cancel(ctx: BotContext): Promise<void> {
  endFlow(ctx);
  await ctx.reply(ctx.t("cancel-done"), { reply_markup: { remove_keyboard: true } });
  await showMainMenu(ctx);
}

// /cancel works at every prompt of every flow.
composer.command("cancel", async (ctx) => {
  if (!ctx.session.flow) {
    await ctx.reply(ctx.t("cancel-nothing"), { reply_markup: { remove_keyboard: true } });
    return;
  }
  await cancel(ctx);
});
composer.callbackQuery(shared.flowCancel.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await cancel(ctx);
});

export const start: Feature = {
  name: "start",
  composer,
  commands: [
    { command: "start", audience: "everyone" },
    { command: "help", audience: "everyone" },
    { command: "cancel", audience: "everyone" },
  ],
  menu: [
    { labelKey: "menu-report", callback: shared.newReport.pack(), visible: hasUnits },
    { labelKey: "menu-my-cases", callback: shared.myCasesPage.pack({ page: 0 }), visible: hasUnits },
    { labelKey: "menu-register-unit", callback: shared.newUnit.pack(), visible: () => true },
    { labelKey: "menu-language", callback: shared.languageMenu.pack(), visible: () => true },
  ],
};
