// Scope: private chats; admins and secretariat members (re-checked by the service). /members:
// a group's active members, a page at a time, with revoke buttons and a confirmation.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { pageWindow } from "../../../domain/pagination";
import { isRefusal } from "../../../domain/refusal";
import { fullName, localizeDigits, truncate } from "../../../domain/text";
import { localName } from "../../../i18n";
import { canRevokeMembership } from "../../../services/authz";
import { listMembers, revocableMembership, revokeMembership, workingGroupNames } from "../../../services/invitations";
import { invitations as B } from "../../../buttons";
import type { BotContext } from "../../context";
import { showScreen } from "../../reply";
import { canManageMembers, groupsFor, roleLabel } from "./access";

const MEMBERS_PER_PAGE = 10;
/** A page number from a button is never trusted beyond this. */
const MAX_PAGE = 1000;

/** The group whose members to show: the only one, or null after asking which. */
async function pickGroup(ctx: BotContext): Promise<number | null> {
  const groups = await groupsFor(ctx);
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return null;
  }
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return only.id;
  const keyboard = new InlineKeyboard();
  groups.forEach((group, index) => {
    keyboard.text(truncate(localName(group, ctx.locale), 30), B.membersPage.pack({ groupId: group.id, page: 0 }));
    if (index % 2 === 1) keyboard.row();
  });
  await showScreen(ctx, ctx.t("invitations-pick-group"), keyboard);
  return null;
}

async function showMembers(ctx: BotContext, workingGroupId: number, page: number, options: { asNew?: boolean } = {}): Promise<void> {
  let members;
  try {
    members = await listMembers(ctx.deps, ctx.user, workingGroupId);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const group = await workingGroupNames(ctx.deps, workingGroupId);
  const groupName = group ? localName(group, ctx.locale) : "—";
  if (members.length === 0) {
    await showScreen(ctx, ctx.t("invitations-members-empty", { group: groupName }), undefined, options);
    return;
  }
  const { page: current, pages, offset } = pageWindow(members.length, MEMBERS_PER_PAGE, page);
  const slice = members.slice(offset, offset + MEMBERS_PER_PAGE);
  const numberOf = (index: number) => localizeDigits(String(current * MEMBERS_PER_PAGE + index + 1), ctx.locale);
  const lines = slice.map((member, index) => {
    const username = member.user.username ? ` @${member.user.username}` : "";
    return `${numberOf(index)}. ${fullName(member.user)}${username} — ${roleLabel(ctx, member)}`;
  });
  const keyboard = new InlineKeyboard();
  slice.forEach((member, index) => {
    if (!canRevokeMembership(ctx.user, member)) return;
    const label = ctx.t("invitations-members-revoke", { number: numberOf(index), name: truncate(fullName(member.user), 24) });
    keyboard.text(label, B.memberRevoke.pack({ membershipId: member.id })).row();
  });
  if (current > 0) keyboard.text(ctx.t("button-previous"), B.membersPage.pack({ groupId: workingGroupId, page: current - 1 }));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), B.membersPage.pack({ groupId: workingGroupId, page: current + 1 }));
  const title = ctx.t("invitations-members-title", { group: groupName, total: localizeDigits(String(members.length), ctx.locale) });
  await showScreen(ctx, [title, "", ...lines].join("\n"), keyboard, options);
}

export async function startMembers(ctx: BotContext): Promise<void> {
  const id = await pickGroup(ctx);
  if (id) await showMembers(ctx, id, 0);
}

export const members = new Composer<BotContext>();
const chat = members.chatType("private");
chat.command("members", startMembers);

const staff = chat.filter(canManageMembers);
staff.callbackQuery(B.membersHome.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startMembers(ctx);
});

staff.callbackQuery(B.membersPage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.membersPage.unpack(ctx.callbackQuery.data);
  if (p) await showMembers(ctx, p.groupId, Math.max(0, Math.min(p.page, MAX_PAGE)));
});

staff.callbackQuery(B.memberRevoke.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.memberRevoke.unpack(ctx.callbackQuery.data);
  const member = p ? await revocableMembership(ctx.deps, ctx.user, p.membershipId) : null;
  if (!member) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const keyboard = new InlineKeyboard().text(ctx.t("button-confirm"), B.memberRevokeConfirm.pack({ membershipId: member.id }));
  if (member.workingGroupId) keyboard.text(ctx.t("button-back"), B.membersPage.pack({ groupId: member.workingGroupId, page: 0 }));
  await showScreen(ctx, ctx.t("invitations-members-revoke-confirm", { name: fullName(member.user), role: roleLabel(ctx, member) }), keyboard);
});

staff.callbackQuery(B.memberRevokeConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = B.memberRevokeConfirm.unpack(ctx.callbackQuery.data);
  const member = p ? await revocableMembership(ctx.deps, ctx.user, p.membershipId) : null;
  if (!member || !p) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  try {
    await revokeMembership(ctx.deps, ctx.user, p.membershipId);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  ctx.logger.info({ membershipId: p.membershipId }, "membership revoked");
  // News (a new message), then the list again below it.
  await ctx.reply(ctx.t("invitations-members-revoked", { name: fullName(member.user) }));
  if (member.workingGroupId) await showMembers(ctx, member.workingGroupId, 0, { asNew: true });
});
