// Scope: every chat; everyone. The last handler: whatever no feature took gets an answer.
// A button press (of a finished flow, an expired screen, a message from before a restart or a
// Redis flush) gets "this button is no longer active" and, in a flow, that flow's question
// again; a message in a private chat gets the flow's question again, or outside any flow a
// short hint and the main menu. Messages in groups that no feature took stay unanswered.
import { Composer } from "../../composer";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { repromptFlow } from "../../flow";
import { showMainMenu } from "../../menu";

const composer = new Composer<BotContext>();

composer.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("fallback-button-inactive") });
  if (ctx.chat?.type === "private") await repromptFlow(ctx);
});

composer.chatType("private").on("message", async (ctx) => {
  if (await repromptFlow(ctx)) return;
  await ctx.reply(ctx.t("fallback-hint"));
  await showMainMenu(ctx);
});

export const fallback: Feature = { name: "fallback", composer };
