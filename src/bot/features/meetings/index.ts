// Scope: private chats. Secretariat (and admins) of a working group: /meetings — schedule
// committee and working-group meetings, build the agenda from cases (suggested by the bot),
// send invitations, mark held or cancel (card.ts, schedule.ts, agenda.ts). Invitees (members
// and unit representatives): RSVP buttons on the invitation (rsvp.ts). Resolutions and the
// minutes are the resolutions feature. Every button re-checks the role on the server.
import { Composer } from "../../composer";
import { meetings as buttons, shared } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { isSecretariat } from "../../secretariat";
import { agenda } from "./agenda";
import { card } from "./card";
import { rsvp } from "./rsvp";
import { schedule } from "./schedule";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");

chat.use(rsvp);
const secretariat = chat.filter(isSecretariat);
secretariat.use(schedule, card, agenda);

// Anyone else pressing a secretariat screen's button (an old message, forged data): refused.
chat.command("meetings", staffOnly("meetings"));
chat.callbackQuery([buttons.list.filter, buttons.create.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});
chat.callbackQuery(
  [
    buttons.open, buttons.agenda, buttons.suggest, buttons.addCase, buttons.itemUp, buttons.itemDown, buttons.itemRemove,
    buttons.itemSlot, buttons.byCode, buttons.invite, buttons.held, buttons.heldConfirm, buttons.cancel, buttons.cancelConfirm,
  ].map((b) => b.filter),
  async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("meetings-error-forbidden"));
  },
);
chat.callbackQuery(shared.agendaPickMeeting.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-found"));
});

export const meetings: Feature = {
  name: "meetings",
  composer,
  commands: [{ command: "meetings", audience: "secretariat" }],
  menu: [{ labelKey: "meetings-menu", callback: buttons.list.pack(), visible: isSecretariat }],
};

export { showCard as showMeetingCard } from "./card";
