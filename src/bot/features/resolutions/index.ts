// Scope: private chats, secretariat (and admins) of a working group: after a meeting is held,
// record resolutions per agenda item (record.ts), close and send the minutes (minutes.ts);
// /resolutions — the ledger of resolutions with their follow-up status (ledger.ts). Every
// action re-checks the role on the server.
import { Composer } from "../../composer";
import { resolutions as buttons } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { isSecretariat } from "../../secretariat";
import { ledger } from "./ledger";
import { minutes } from "./minutes";
import { record } from "./record";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter(isSecretariat).use(record, minutes, ledger);

// Anyone else pressing a secretariat screen's button (an old message, forged data): refused.
chat.command("resolutions", staffOnly("resolutions"));
chat.callbackQuery(buttons.ledger.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});
chat.callbackQuery([buttons.items.filter, buttons.item.filter, buttons.minutes.filter, buttons.minutesConfirm.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("meetings-error-forbidden"));
});

export const resolutions: Feature = {
  name: "resolutions",
  composer,
  commands: [{ command: "resolutions", audience: "secretariat" }],
  menu: [{ labelKey: "meetings-ledger", callback: buttons.ledger.pack({ filter: "0", page: "0" }), visible: isSecretariat }],
};
