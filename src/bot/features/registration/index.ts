// Registration of a production unit (/register and the menu's button).
import { Composer } from "../../composer";
import { shared } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { registrationFlow, startRegistration } from "./flow";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.command("register", (ctx) => startRegistration(ctx));
chat.callbackQuery(shared.newUnit.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startRegistration(ctx);
});
composer.use(registrationFlow.composer);

export { startRegistration };

export const registration: Feature = {
  name: "registration",
  composer,
  commands: [{ command: "register", audience: "everyone" }],
};
