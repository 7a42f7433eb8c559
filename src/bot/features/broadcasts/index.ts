// Broadcasts: the secretariat writes a notice, chooses an audience, previews it with the
// recipient count and sends it; a progress message is edited as it goes, with a cancel button.
import { Composer } from "../../composer";
import { broadcasts as B } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { isSecretariat } from "../../secretariat";
import { broadcastFlow, startBroadcastFlow } from "./compose-flow";
import { sending } from "./sending";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter((ctx) => !isSecretariat(ctx)).command("broadcast", staffOnly("broadcast"));
chat.command("broadcast", startBroadcastFlow);
const staff = chat.filter(isSecretariat);
staff.callbackQuery(B.broadcastStart.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startBroadcastFlow(ctx);
});
composer.use(broadcastFlow.composer);
// Not filtered by role: an outsider pressing a forwarded preview or progress button is told
// plainly why not (the services refuse in their transactions).
composer.use(sending);

export const broadcasts: Feature = {
  name: "broadcasts",
  composer,
  commands: [{ command: "broadcast", audience: "secretariat" }],
  menu: [{ labelKey: "broadcasts-menu", callback: B.broadcastStart.pack(), visible: isSecretariat }],
};
