// Scope: private chats; everyone. /start (with deep-link payloads), /help, /cancel, the menu.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context";
import { endFlow, repromptFlow } from "../flow";
import { addMenuEntry, showMainMenu } from "../menu";

type StartPayloadHandler = (ctx: BotContext, payload: string) => Promise<boolean>;
const payloadHandlers: Array<{ prefix: string; handle: StartPayloadHandler }> = [];

/** Deep links t.me/<bot>?start=<prefix>… are dispatched to the feature that owns the prefix. */
export function registerStartPayload(prefix: string, handle: StartPayloadHandler): void {
  payloadHandlers.push({ prefix, handle });
}

export async function hasUnits(ctx: BotContext): Promise<boolean> {
  return (await ctx.deps.db.unitRepresentative.count({ where: { userId: ctx.user.id } })) > 0;
}

export const start = new Composer<BotContext>();
const chat = start.chatType("private");

chat.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  for (const handler of payloadHandlers) {
    if (payload.startsWith(handler.prefix) && (await handler.handle(ctx, payload.slice(handler.prefix.length)))) return;
  }
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
  const keyboard = new InlineKeyboard().text(ctx.t("menu-register-unit"), "unit:new");
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
chat.callbackQuery("menu", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});

// /cancel works at every prompt of every flow.
start.command("cancel", async (ctx) => {
  if (!ctx.session.flow) {
    await ctx.reply(ctx.t("cancel-nothing"), { reply_markup: { remove_keyboard: true } });
    return;
  }
  endFlow(ctx);
  await ctx.reply(ctx.t("cancel-done"), { reply_markup: { remove_keyboard: true } });
  await showMainMenu(ctx);
});
start.callbackQuery("flow:cancel", async (ctx) => {
  await ctx.answerCallbackQuery();
  endFlow(ctx);
  await ctx.reply(ctx.t("cancel-done"), { reply_markup: { remove_keyboard: true } });
  await showMainMenu(ctx);
});

addMenuEntry({ labelKey: "menu-report", callback: "report:new", visible: hasUnits });
addMenuEntry({ labelKey: "menu-my-cases", callback: "cases:list:0", visible: hasUnits });
addMenuEntry({ labelKey: "menu-register-unit", callback: "unit:new", visible: () => true });
addMenuEntry({ labelKey: "menu-language", callback: "lang:menu", visible: () => true });
