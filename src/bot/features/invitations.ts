// Scope: private chats. /invite, /members, /invitations: admins (their groups, or every group)
// and secretariat members (their own group; officials only). /start inv_<code>: anyone
// holding an invitation link. Every button re-checks the role on the server (authz.ts).
import { Composer, InlineKeyboard } from "grammy";
import type { Role } from "../../generated/prisma/enums";
import { formatJalaliDate } from "../../domain/jalali";
import { fullName, localizeDigits, truncate } from "../../domain/text";
import { type Locale, localName } from "../../i18n";
import { canRevokeMembership, invitableRoles, isEmptyScope, managedGroups } from "../../services/authz";
import {
  createInvitation,
  InvitationError,
  invitationLink,
  listMembers,
  listOpenInvitations,
  managedWorkingGroups,
  redeemInvitation,
  revokeInvitation,
  revokeMembership,
} from "../../services/invitations";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { advanceFlow, backButton, currentFlow, endFlow, inFlow, registerFlow, startFlow } from "../flow";
import { addMenuEntry, showMainMenu } from "../menu";
import { replyLong } from "../reply";
import { registerStartPayload } from "./start";
import { pageWindow } from "../../domain/pagination";

const FLOW = "invite";
const ROLES: Role[] = ["SECRETARIAT", "OFFICIAL", "CHAIR", "ADMIN"];
const MEMBERS_PER_PAGE = 10;

interface InviteData {
  role?: Role;
  workingGroupId?: number;
  agencyId?: number;
  isAgencyHead?: boolean;
}

const dataOf = (flow: Flow) => flow.data as InviteData;

export function canManageMembers(ctx: BotContext): boolean {
  return !isEmptyScope(managedGroups(ctx.user));
}

/** Groups where the user may invite this role (all roles when none is given). */
async function groupsFor(ctx: BotContext, role?: Role) {
  const groups = await managedWorkingGroups(ctx.deps, ctx.user);
  return groups.filter((group) => {
    const roles = invitableRoles(ctx.user, group.id);
    return role ? roles.includes(role) : roles.length > 0;
  });
}

async function rolesFor(ctx: BotContext): Promise<Role[]> {
  const groups = await groupsFor(ctx);
  const roles = new Set(groups.flatMap((group) => invitableRoles(ctx.user, group.id)));
  return ROLES.filter((role) => roles.has(role));
}

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "iv:back").text(ctx.t("button-cancel"), "flow:cancel");
}

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const data = dataOf(flow);
  switch (flow.step) {
    case "role": {
      const keyboard = new InlineKeyboard();
      for (const role of await rolesFor(ctx)) keyboard.text(ctx.t(`invitations-role-${role}`), cb("iv:role", role)).row();
      await ctx.reply(ctx.t("invitations-ask-role"), {
        reply_markup: keyboard.text(ctx.t("button-cancel"), "flow:cancel"),
      });
      return;
    }
    case "group": {
      const keyboard = new InlineKeyboard();
      const groups = await groupsFor(ctx, data.role);
      groups.forEach((group, index) => {
        keyboard.text(truncate(localName(group, ctx.locale), 30), cb("iv:wg", group.id));
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(ctx.t("invitations-ask-group"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "agency": {
      const agencies = await ctx.deps.db.agency.findMany({
        where: { workingGroupId: data.workingGroupId ?? 0, active: true },
        orderBy: { id: "asc" },
        select: { id: true, nameFa: true, nameEn: true },
      });
      const keyboard = new InlineKeyboard();
      for (const agency of agencies) keyboard.text(truncate(localName(agency, ctx.locale), 60), cb("iv:ag", agency.id)).row();
      await ctx.reply(ctx.t("invitations-ask-agency"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "head": {
      const keyboard = new InlineKeyboard()
        .text(ctx.t("invitations-head-no"), "iv:head:0")
        .row()
        .text(ctx.t("invitations-head-yes"), "iv:head:1");
      await ctx.reply(ctx.t("invitations-ask-head"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "confirm": {
      const group = await ctx.deps.db.workingGroup.findUnique({ where: { id: data.workingGroupId ?? 0 } });
      const agency = data.agencyId ? await ctx.deps.db.agency.findUnique({ where: { id: data.agencyId } }) : null;
      const text = ctx.t("invitations-summary", {
        role: ctx.t(`invitations-role-${data.role ?? "OFFICIAL"}`),
        group: group ? localName(group, ctx.locale) : "—",
        agency: agency ? localName(agency, ctx.locale) + (data.isAgencyHead ? ` (${ctx.t("invitations-head-label")})` : "") : "—",
        hours: localizeDigits(String(ctx.deps.config.INVITATION_TTL_HOURS), ctx.locale),
      });
      await ctx.reply(text, { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-confirm"), "iv:ok")) });
      return;
    }
    default:
      endFlow(ctx);
  }
}

async function startInvite(ctx: BotContext): Promise<void> {
  if ((await rolesFor(ctx)).length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const flow = startFlow(ctx, FLOW, "role");
  await ask(ctx, flow);
}

export const invitations = new Composer<BotContext>();
const chat = invitations.chatType("private");

chat.command("invite", startInvite);
chat.callbackQuery("iv:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startInvite(ctx);
});

registerFlow(FLOW, ask);
const inInvite = chat.filter(inFlow(FLOW));

inInvite.callbackQuery("iv:back", backButton(FLOW, (ctx) => ctx.reply(ctx.t("cancel-done"))));

inInvite.callbackQuery(/^iv:role:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const role = ROLES.find((r) => r === ctx.match[1]);
  if (!flow || flow.step !== "role" || !role) return;
  const groups = await groupsFor(ctx, role);
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const data = dataOf(flow);
  data.role = role;
  delete data.agencyId;
  data.isAgencyHead = false;
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) {
    // A secretariat member invites to their own group: no question to ask.
    data.workingGroupId = only.id;
    return advanceFlow(ctx, flow, role === "OFFICIAL" ? "agency" : "confirm");
  }
  delete data.workingGroupId;
  await advanceFlow(ctx, flow, "group");
});

inInvite.callbackQuery(/^iv:wg:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || flow.step !== "group" || !id) return;
  const data = dataOf(flow);
  if (!data.role || !invitableRoles(ctx.user, id).includes(data.role)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  data.workingGroupId = id;
  await advanceFlow(ctx, flow, data.role === "OFFICIAL" ? "agency" : "confirm");
});

inInvite.callbackQuery(/^iv:ag:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || flow.step !== "agency" || !id) return;
  const data = dataOf(flow);
  const agency = await ctx.deps.db.agency.findFirst({ where: { id, workingGroupId: data.workingGroupId ?? 0, active: true } });
  if (!agency) {
    await ctx.reply(ctx.t("expected-button"));
    return;
  }
  data.agencyId = id;
  await advanceFlow(ctx, flow, "head");
});

inInvite.callbackQuery(/^iv:head:([01])$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "head") return;
  dataOf(flow).isAgencyHead = ctx.match[1] === "1";
  await advanceFlow(ctx, flow, "confirm");
});

inInvite.callbackQuery("iv:ok", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "confirm") return;
  const data = dataOf(flow);
  if (!data.role || !data.workingGroupId) return ask(ctx, flow);
  try {
    const invitation = await createInvitation(ctx.deps, ctx.user, {
      role: data.role,
      workingGroupId: data.workingGroupId,
      agencyId: data.agencyId ?? null,
      isAgencyHead: data.isAgencyHead === true,
    });
    endFlow(ctx);
    ctx.logger.info({ invitationId: invitation.id, role: data.role, workingGroupId: data.workingGroupId }, "invitation created");
    await ctx.reply(
      ctx.t("invitations-created", {
        link: invitationLink(ctx.me.username, invitation.code),
        expires: formatJalaliDate(invitation.expiresAt, ctx.locale, { monthName: true, time: true }),
      }),
      { link_preview_options: { is_disabled: true } },
    );
  } catch (error) {
    if (!(error instanceof InvitationError)) throw error;
    endFlow(ctx);
    await ctx.reply(ctx.t("error-not-allowed"));
  }
});

inInvite.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return next();
  await ctx.reply(ctx.t("expected-button"));
  await ask(ctx, flow);
});

// ---------------------------------------------------------------------------------------------
// Redeeming a link: /start inv_<code>

registerStartPayload("inv_", async (ctx, code) => {
  const result = await redeemInvitation(ctx.deps, ctx.user.id, code);
  if (!result.ok) {
    ctx.logger.info({ reason: result.reason }, "invitation refused");
    await ctx.reply(ctx.t(`invitations-refused-${result.reason}`));
    return true;
  }
  const { membership } = result;
  if (!ctx.user.memberships.some((m) => m.id === membership.id)) ctx.user.memberships.push(membership);
  ctx.logger.info({ membershipId: membership.id, role: membership.role }, "invitation accepted");
  await ctx.reply(
    ctx.t(result.alreadyMember ? "invitations-already-member" : "invitations-accepted", {
      role: ctx.t(`invitations-role-${membership.role}`),
      group: localName(result.workingGroup, ctx.locale),
      agency: result.agency ? localName(result.agency, ctx.locale) : "-",
    }),
  );
  await showMainMenu(ctx);
  return true;
});

// ---------------------------------------------------------------------------------------------
// /members: the members of a group, with revoke buttons

/** The group whose members to show: the only one, or null after asking which (mb:wg buttons). */
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
    keyboard.text(truncate(localName(group, ctx.locale), 30), cb("mb:wg", group.id, 0));
    if (index % 2 === 1) keyboard.row();
  });
  await ctx.reply(ctx.t("invitations-pick-group"), { reply_markup: keyboard });
  return null;
}

function roleLabel(ctx: BotContext, member: { role: Role; isAgencyHead: boolean; agency: { nameFa: string; nameEn: string } | null }): string {
  const role = ctx.t(`invitations-role-${member.role}`);
  if (!member.agency) return role;
  const head = member.isAgencyHead ? `, ${ctx.t("invitations-head-label")}` : "";
  return `${role} — ${localName(member.agency, ctx.locale)}${head}`;
}

async function showMembers(ctx: BotContext, workingGroupId: number, page: number): Promise<void> {
  let members;
  try {
    members = await listMembers(ctx.deps, ctx.user, workingGroupId);
  } catch (error) {
    if (!(error instanceof InvitationError)) throw error;
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const group = await ctx.deps.db.workingGroup.findUniqueOrThrow({ where: { id: workingGroupId } });
  if (members.length === 0) {
    await ctx.reply(ctx.t("invitations-members-empty", { group: localName(group, ctx.locale) }));
    return;
  }
  const { page: current, pages, offset } = pageWindow(members.length, MEMBERS_PER_PAGE, page);
  const slice = members.slice(offset, offset + MEMBERS_PER_PAGE);
  const lines = slice.map((member, index) => {
    const number = localizeDigits(String(current * MEMBERS_PER_PAGE + index + 1), ctx.locale);
    const username = member.user.username ? ` @${member.user.username}` : "";
    return `${number}. ${fullName(member.user)}${username} — ${roleLabel(ctx, member)}`;
  });
  const keyboard = new InlineKeyboard();
  slice.forEach((member, index) => {
    if (!canRevokeMembership(ctx.user, member)) return;
    const number = localizeDigits(String(current * MEMBERS_PER_PAGE + index + 1), ctx.locale);
    keyboard.text(ctx.t("invitations-members-revoke", { number, name: truncate(fullName(member.user), 24) }), cb("mb:rv", member.id)).row();
  });
  if (current > 0) keyboard.text(ctx.t("button-previous"), cb("mb:wg", workingGroupId, current - 1));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), cb("mb:wg", workingGroupId, current + 1));
  const title = ctx.t("invitations-members-title", {
    group: localName(group, ctx.locale),
    total: localizeDigits(String(members.length), ctx.locale),
  });
  await ctx.reply([title, "", ...lines].join("\n"), { reply_markup: keyboard });
}

async function startMembers(ctx: BotContext): Promise<void> {
  const id = await pickGroup(ctx);
  if (id) await showMembers(ctx, id, 0);
}

chat.command("members", startMembers);
chat.callbackQuery("mb:home", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startMembers(ctx);
});
chat.callbackQuery(/^mb:wg:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (id) await showMembers(ctx, id, Math.min(Number(ctx.match[2]), 1000));
});

async function loadRevocable(ctx: BotContext, membershipId: number) {
  const member = await ctx.deps.db.membership.findUnique({
    where: { id: membershipId },
    select: {
      id: true,
      userId: true,
      role: true,
      workingGroupId: true,
      isAgencyHead: true,
      revokedAt: true,
      user: { select: { firstName: true, lastName: true } },
      agency: { select: { nameFa: true, nameEn: true } },
    },
  });
  return member && member.revokedAt === null && canRevokeMembership(ctx.user, member) ? member : null;
}

chat.callbackQuery(/^mb:rv:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  const member = id ? await loadRevocable(ctx, id) : null;
  if (!member) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const keyboard = new InlineKeyboard().text(ctx.t("button-confirm"), cb("mb:rvy", member.id));
  if (member.workingGroupId) keyboard.text(ctx.t("button-back"), cb("mb:wg", member.workingGroupId, 0));
  await ctx.reply(ctx.t("invitations-members-revoke-confirm", { name: fullName(member.user), role: roleLabel(ctx, member) }), {
    reply_markup: keyboard,
  });
});

chat.callbackQuery(/^mb:rvy:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  const member = id ? await loadRevocable(ctx, id) : null;
  if (!member || !id) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  try {
    await revokeMembership(ctx.deps, ctx.user, id);
  } catch (error) {
    if (!(error instanceof InvitationError)) throw error;
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  ctx.logger.info({ membershipId: id }, "membership revoked");
  await ctx.reply(ctx.t("invitations-members-revoked", { name: fullName(member.user) }));
  if (member.workingGroupId) await showMembers(ctx, member.workingGroupId, 0);
});

// ---------------------------------------------------------------------------------------------
// /invitations: open invitations, with revoke buttons

async function showInvitations(ctx: BotContext): Promise<void> {
  if (!canManageMembers(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const open = await listOpenInvitations(ctx.deps, ctx.user);
  const revocable = open.filter((invitation) => invitableRoles(ctx.user, invitation.workingGroupId).includes(invitation.role));
  if (revocable.length === 0) {
    await ctx.reply(ctx.t("invitations-list-empty"), { reply_markup: new InlineKeyboard().text(ctx.t("invitations-menu-invite"), "iv:new") });
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = revocable.map((invitation, index) => {
    const number = localizeDigits(String(index + 1), ctx.locale);
    keyboard.text(ctx.t("invitations-list-revoke", { number }), cb("ivl:rv", invitation.id));
    if (index % 3 === 2) keyboard.row();
    return ctx.t("invitations-list-item", {
      number,
      role: roleLabel(ctx, invitation),
      group: localName(invitation.workingGroup, ctx.locale),
      by: fullName(invitation.createdBy),
      expires: formatJalaliDate(invitation.expiresAt, ctx.locale, { monthName: true, time: true }),
    });
  });
  // Up to 50 invitations: more than one message can hold.
  await replyLong(ctx, [ctx.t("invitations-list-title"), "", ...lines].join("\n"), keyboard);
}

chat.command("invitations", showInvitations);
chat.callbackQuery("ivl:home", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showInvitations(ctx);
});
chat.callbackQuery(/^ivl:rv:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  try {
    const revoked = await revokeInvitation(ctx.deps, ctx.user, id);
    await ctx.reply(ctx.t(revoked ? "invitations-list-revoked" : "invitations-list-revoke-failed"));
  } catch (error) {
    if (!(error instanceof InvitationError)) throw error;
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  await showInvitations(ctx);
});

addMenuEntry({ labelKey: "invitations-menu-invite", callback: "iv:new", visible: canManageMembers });
addMenuEntry({ labelKey: "invitations-menu-members", callback: "mb:home", visible: canManageMembers });
addMenuEntry({ labelKey: "invitations-menu-open", callback: "ivl:home", visible: canManageMembers });

// A button of an invitation flow that has ended.
chat.callbackQuery(/^iv:/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("error-not-found") });
});
