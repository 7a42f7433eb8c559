// Scope: private chats; everyone. /start (with deep-link payloads), /help, /cancel, the main
// menu (its producer entries are declared here; staff features add theirs).
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { invitations, shared } from "../../../buttons";
import { groupsWithoutSecretariat } from "../../../services/onboarding";
import { audiencesOf, commandsFor, registeredCommands, STAFF_AUDIENCES, syncCommandMenu } from "../../command-list";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { leaveFlow, repromptFlow } from "../../flow";
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
  if (!staff) return;
  await syncCommandMenu(ctx);
  await tellFirstSteps(ctx);
  await showMainMenu(ctx);
});

/** An administrator whose working groups have no secretariat yet: invite it first. */
async function tellFirstSteps(ctx: BotContext): Promise<void> {
  const groups = await groupsWithoutSecretariat(ctx.deps, ctx.user);
  if (groups === 0) return;
  const keyboard = new InlineKeyboard().text(ctx.t("invitations-menu-invite"), invitations.inviteStart.pack());
  await ctx.reply(ctx.t("start-admin-first-steps", { groups }), { reply_markup: keyboard });
}

/**
 * Help: the producer's commands (help-text), then a section per staff role the user holds, built
 * from the features' declared commands (src/bot/command-list.ts), so a new command is never missed.
 */
chat.command("help", async (ctx) => {
  const audiences = audiencesOf(ctx.user.memberships.map((membership) => membership.role));
  const sections = [ctx.t("help-text")];
  for (const audience of STAFF_AUDIENCES) {
    if (!audiences.has(audience)) continue;
    const lines = commandsFor(registeredCommands(), new Set([audience])).map(({ command }) => `/${command} — ${ctx.t(`command-${command}`)}`);
    sections.push([ctx.t(`help-section-${audience}`), ...lines].join("\n"));
  }
  await ctx.reply(sections.join("\n\n"));
  await syncCommandMenu(ctx);
});

chat.command("menu", showMainMenu);
chat.callbackQuery(shared.mainMenu.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});

/** Leaves the flow to where it was started from (its `leave`), else "cancelled" + the menu. */
async function cancel(ctx: BotContext): Promise<void> {
  if (await leaveFlow(ctx)) return;
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
