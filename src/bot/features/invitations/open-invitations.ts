// Scope: private chats; admins and secretariat members. /invitations: the links not yet used,
// with revoke buttons (the service re-checks that the invitation is the user's to revoke).
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { formatJalaliDate } from "../../../domain/jalali";
import { isRefusal } from "../../../domain/refusal";
import { fullName, localizeDigits } from "../../../domain/text";
import { localName } from "../../../i18n";
import { invitableRoles } from "../../../services/authz";
import { listOpenInvitations, revokeInvitation } from "../../../services/invitations";
import { invitations as B } from "../../../buttons";
import type { BotContext } from "../../context";
import { replyLong, showScreen } from "../../reply";
import { canManageMembers, roleLabel } from "./access";

async function showInvitations(ctx: BotContext, options: { asNew?: boolean } = {}): Promise<void> {
  if (!canManageMembers(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const open = await listOpenInvitations(ctx.deps, ctx.user);
  const revocable = open.filter((invitation) => invitableRoles(ctx.user, invitation.workingGroupId).includes(invitation.role));
  if (revocable.length === 0) {
    const keyboard = new InlineKeyboard().text(ctx.t("invitations-menu-invite"), B.inviteStart.pack());
    await showScreen(ctx, ctx.t("invitations-list-empty"), keyboard, options);
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = revocable.map((invitation, index) => {
    const number = localizeDigits(String(index + 1), ctx.locale);
    keyboard.text(ctx.t("invitations-list-revoke", { number }), B.invitationRevoke.pack({ invitationId: invitation.id }));
    if (index % 3 === 2) keyboard.row();
    return ctx.t("invitations-list-item", {
      number,
      role: roleLabel(ctx, invitation),
      group: localName(invitation.workingGroup, ctx.locale),
      by: fullName(invitation.createdBy),
      expires: formatJalaliDate(invitation.expiresAt, ctx.locale, { monthName: true, time: true }),
    });
  });
  const text = [ctx.t("invitations-list-title"), "", ...lines].join("\n");
  // Up to 50 invitations: more than one message can hold, and then it cannot be one screen.
  if (text.length > 4096) await replyLong(ctx, text, keyboard);
  else await showScreen(ctx, text, keyboard, options);
}

export const openInvitations = new Composer<BotContext>();
const chat = openInvitations.chatType("private");
chat.command("invitations", (ctx) => showInvitations(ctx));

const staff = chat.filter(canManageMembers);
staff.callbackQuery(B.openInvitations.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showInvitations(ctx);
});

staff.callbackQuery(B.invitationRevoke.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.invitationRevoke.unpack(ctx.callbackQuery.data);
  if (!p) return;
  try {
    const revoked = await revokeInvitation(ctx.deps, ctx.user, p.invitationId);
    await ctx.reply(ctx.t(revoked ? "invitations-list-revoked" : "invitations-list-revoke-failed"));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // Another group's invitation, or none: say only that it is not there.
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  await showInvitations(ctx, { asNew: true });
});
