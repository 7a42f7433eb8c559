// Scope: private chats. The statutory side of resolutions: an official of the responsible
// agency objects to a resolution inside its window, once, with written reasons (agency.ts);
// the working group's secretariat or chair confirms it as recorded or amends it (decide.ts).
// The window, its close and the ledger's phases are in services/resolutions (statutory.ts).
// Every action is re-checked by the services against the database.
import { Composer } from "../../composer";
import { resolutions as buttons } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { isSecretariat } from "../../secretariat";
import { isOfficial } from "../tasks/roles";
import { agency } from "./agency";
import { decide } from "./decide";

/** A chair of some working group (decides on objections with the secretariat). */
const isChair = (ctx: BotContext): boolean => ctx.user.memberships.some((m) => m.role === "CHAIR" && m.workingGroupId !== null);
const decides = (ctx: BotContext): boolean => isSecretariat(ctx) || isChair(ctx);

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter(isOfficial).use(agency);
chat.filter(decides).use(decide);

// Anyone else (an old message, forged data): not theirs to object to or decide on.
chat.callbackQuery([buttons.object, buttons.decide, buttons.uphold, buttons.amend].map((b) => b.filter), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("objection-error-forbidden"));
});

export const objections: Feature = { name: "objections", composer };
