// Roles and invitations: the admin screens (/invite, /members, /invitations) for admins and
// secretariat members, and the deep link that redeems an invitation, for anyone.
import { Composer } from "../../composer";
import { invitations as B } from "../../../buttons";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { canManageMembers } from "./access";
import { inviteFlow, startInvite } from "./invite-flow";
import { members } from "./members";
import { openInvitations } from "./open-invitations";
import { redeemPayload } from "./redeem";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
// Anyone who manages no members: what each command is for and how access is given.
const outsider = chat.filter((ctx) => !canManageMembers(ctx));
for (const command of ["invite", "members", "invitations"]) outsider.command(command, staffOnly(command));
chat.command("invite", startInvite);
chat.filter(canManageMembers).callbackQuery(B.inviteStart.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startInvite(ctx);
});
composer.use(inviteFlow.composer, members, openInvitations);

export const invitations: Feature = {
  name: "invitations",
  composer,
  commands: [
    { command: "invite", audience: "secretariat" },
    { command: "members", audience: "secretariat" },
    { command: "invitations", audience: "secretariat" },
  ],
  menu: [
    { labelKey: "invitations-menu-invite", callback: B.inviteStart.pack(), visible: canManageMembers },
    { labelKey: "invitations-menu-members", callback: B.membersHome.pack(), visible: canManageMembers },
    { labelKey: "invitations-menu-open", callback: B.openInvitations.pack(), visible: canManageMembers },
  ],
  startPayloads: [redeemPayload],
};
