// Scope: private chats; producers. /cases lists the cases of the units the user represents
// (open ones first, most urgent then newest), a case card with its timeline, and adding
// information or a document to an open case. Paging and opening a card edit the list in place.
import { Composer } from "../../composer";
import { shared } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { addInfoFlow, askForInformation } from "./add-info";
import { showCase, showList } from "./screens";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.command("cases", (ctx) => showList(ctx, 0));
chat.callbackQuery(shared.myCasesPage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx, shared.myCasesPage.unpack(ctx.callbackQuery.data)?.page ?? 0);
});
chat.callbackQuery(shared.myCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.myCase.unpack(ctx.callbackQuery.data);
  if (p) await showCase(ctx, p.caseId);
});
chat.callbackQuery(shared.addInfo.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.addInfo.unpack(ctx.callbackQuery.data);
  if (p) await askForInformation(ctx, p.caseId);
});
composer.use(addInfoFlow.composer);

export const cases: Feature = {
  name: "cases",
  composer,
  commands: [{ command: "cases", audience: "producer" }],
};
