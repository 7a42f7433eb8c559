// Scope: private chats. Officials (OFFICIAL memberships): /tasks lists their agency's open
// tasks (list.ts); the task card (card.ts); acknowledge, progress report, completion report,
// extension request, refusal with reasons (agency.ts, report-flow.ts); agency heads reassign
// within the agency (head.ts). The secretariat of the task's working group reads the card and
// confirms or sends back a completion, approves or refuses an extension (secretariat.ts).
// Callback data carries ids only; every action is re-checked against the database by the
// services.
import { Composer } from "../../composer";
import { shared, tasks as buttons } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { isSecretariat } from "../../secretariat";
import { agency } from "./agency";
import { card } from "./card";
import { head } from "./head";
import { list } from "./list";
import { isAgencyHead, isOfficial, readsTasks } from "./roles";
import { secretariat } from "./secretariat";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");

chat.filter(readsTasks).use(card);
const officials = chat.filter(isOfficial);
officials.use(list, agency);
officials.filter(isAgencyHead).use(head);
chat.filter(isSecretariat).use(secretariat);

// Anyone else (an old message, forged data): the list is for officials; a card is not found;
// an action is not allowed.
chat.command("tasks", (ctx) => ctx.reply(ctx.t("task-not-official")));
chat.callbackQuery(shared.taskList.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("task-not-official"));
});
chat.callbackQuery([shared.taskCard.filter, buttons.documents.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-found"));
});
chat.callbackQuery(
  [
    buttons.acknowledge, buttons.progress, buttons.complete, buttons.requestExtension, buttons.refuse, buttons.reassign,
    buttons.reassignTo, buttons.confirm, buttons.sendBack, buttons.approveExtension, buttons.refuseExtension,
  ].map((b) => b.filter),
  async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("task-error-forbidden"));
  },
);

export const tasks: Feature = {
  name: "tasks",
  composer,
  commands: [{ command: "tasks", audience: "official" }],
  menu: [{ labelKey: "menu-tasks", callback: shared.taskList.pack({ page: 0 }), visible: isOfficial }],
};

export { showTaskCard } from "./card";
