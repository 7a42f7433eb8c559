// Scope: private chats; secretariat members and admins of the case's working group. The triage
// buttons of the case card: take (actions.ts), and the short flows — ask the producer, refer
// to an agency with a due date, duplicate, reject, subject, urgency, internal note, resolve,
// close, reopen (flow.ts). The service (src/services/triage/) re-checks the actor's group and
// the case's status when each action runs.
import { Composer } from "../../composer";
import { desk } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { endFlow } from "../../flow";
import { isSecretariat } from "../../secretariat";
import { actions } from "./actions";
import { FLOW_ACTIONS } from "./draft";
import { FLOW_BUTTONS, triageFlow } from "./flow";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter(isSecretariat).use(triageFlow.composer, actions);

// Anyone else — a chair reading the card, a producer with forged data, a member whose role was
// revoked mid-flow: nothing to act on here.
chat.callbackQuery([desk.take, ...FLOW_ACTIONS.map((a) => a.button)].map((b) => b.filter), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (triageFlow.current(ctx)) endFlow(ctx);
  await ctx.reply(ctx.t("triage-error-not_found"));
});
chat.callbackQuery(FLOW_BUTTONS.map((b) => b.filter), async (ctx) => {
  // A button of a flow that is no longer the user's (confirmed, cancelled, replaced) …
  if (!triageFlow.current(ctx)) return ctx.answerCallbackQuery({ text: ctx.t("error-not-found") });
  // … or of one whose author is no longer secretariat.
  await ctx.answerCallbackQuery();
  endFlow(ctx);
  await ctx.reply(ctx.t("triage-error-not_found"));
});

export const triage: Feature = { name: "triage", composer };
