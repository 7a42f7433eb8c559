// Scope: private chats; admins and secretariat members. /invite: role → group (when more than
// one) → agency and head (officials) or county (county desks) → confirm → a single-use link. The service re-checks
// every choice (a forged role or group button is refused there and here).
import { InlineKeyboard } from "grammy";
import type { Role } from "../../../generated/prisma/enums";
import { formatJalaliDate } from "../../../domain/jalali";
import { localName } from "../../../i18n";
import { invitableRoles } from "../../../services/authz";
import { countiesOf } from "../../../services/units";
import { createInvitation, invitableAgencies, invitationLink, invitationNames, isInvitableAgency, isInvitableCounty } from "../../../services/invitations";
import { invitations as B, shared } from "../../../buttons";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, on, type FlowState } from "../../flow-engine";
import { clearPick, searchList, turnList, type PickScreen } from "../../pick-steps";
import { groupListScreen, listPickerScreen, sortByName, type PickState } from "../../presenters/picker";
import { isRefusal } from "../../../domain/refusal";
import { groupsFor, rolesFor } from "./access";

interface InviteData extends PickState {
  role?: Role;
  workingGroupId?: number;
  agencyId?: number;
  isAgencyHead?: boolean;
  countyId?: number;
}

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.inviteBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function reply(ctx: BotContext, screen: PickScreen): Promise<void> {
  await ctx.reply(screen.text, { reply_markup: navigation(ctx, screen.keyboard) });
}

/** Which group: provinces and free zones apart, by name, a page at a time, or what typed letters found. */
async function groupScreen(ctx: BotContext, flow: FlowState<InviteData>): Promise<PickScreen> {
  return groupListScreen(ctx, ctx.t("invitations-ask-group"), await groupsFor(ctx, flow.data.role), flow.data, {
    pick: (group) => B.inviteGroup.pack({ groupId: group.id }),
    turn: (section, page) => B.inviteGroupPage.pack({ section, page }),
  });
}

/** Which agency: by name, a page at a time, or what typed letters found. */
async function agencyScreen(ctx: BotContext, flow: FlowState<InviteData>): Promise<PickScreen> {
  const agencies = sortByName(await invitableAgencies(ctx.deps, flow.data.workingGroupId ?? 0), ctx.locale);
  return listPickerScreen(ctx, ctx.t("invitations-ask-agency"), agencies, flow.data, {
    pick: (agency) => B.inviteAgency.pack({ agencyId: agency.id }),
    turn: (page) => B.inviteAgencyPage.pack({ page }),
  });
}

/** Which county (a county desk's): the group's active counties, by name. */
async function countyScreen(ctx: BotContext, flow: FlowState<InviteData>): Promise<PickScreen> {
  const counties = sortByName(await countiesOf(ctx.deps, flow.data.workingGroupId ?? 0), ctx.locale);
  return listPickerScreen(ctx, ctx.t("county-desk-ask-county"), counties, flow.data, {
    pick: (county) => B.inviteCounty.pack({ countyId: county.id }),
    turn: (page) => B.inviteAgencyPage.pack({ page }),
  });
}

/** A list's screen with the flow's back and cancel buttons. */
async function listed(ctx: BotContext, flow: FlowState<InviteData>, screen: typeof groupScreen): Promise<PickScreen> {
  const shown = await screen(ctx, flow);
  return { text: shown.text, keyboard: navigation(ctx, shown.keyboard) };
}

/** After the group is known: officials need an agency, everyone else goes to the summary. */
const afterGroup = (data: InviteData) => (data.role === "OFFICIAL" ? "agency" : data.role === "COUNTY_DESK" ? "county" : "confirm");

export const inviteFlow = defineFlow<InviteData>({
  name: "invite",
  version: 2,
  backButton: B.inviteBack,
  // Started from the main menu (or its command): leaving says "cancelled" and shows the menu.
  steps: {
    role: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        for (const role of await rolesFor(ctx)) keyboard.text(ctx.t(`invitations-role-${role}`), B.inviteRole.pack({ role })).row();
        await ctx.reply(ctx.t("invitations-ask-role"), { reply_markup: keyboard.text(ctx.t("button-cancel"), shared.flowCancel.pack()) });
      },
    },
    group: {
      ask: async (ctx, flow) => reply(ctx, await groupScreen(ctx, flow)),
      text: searchList("group"),
    },
    agency: {
      ask: async (ctx, flow) => reply(ctx, await agencyScreen(ctx, flow)),
      text: searchList("agency"),
    },
    county: {
      ask: async (ctx, flow) => reply(ctx, await countyScreen(ctx, flow)),
      text: searchList("county"),
    },
    head: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard()
          .text(ctx.t("invitations-head-no"), B.inviteHead.pack({ head: "0" }))
          .row()
          .text(ctx.t("invitations-head-yes"), B.inviteHead.pack({ head: "1" }));
        await ctx.reply(ctx.t("invitations-ask-head"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    confirm: {
      async ask(ctx, flow) {
        const { data } = flow;
        const { group, agency, county } = await invitationNames(ctx.deps, { workingGroupId: data.workingGroupId ?? 0, agencyId: data.agencyId ?? null, countyId: data.countyId ?? null });
        const text = ctx.t("invitations-summary", {
          role: ctx.t(`invitations-role-${data.role ?? "OFFICIAL"}`),
          group: group ? localName(group, ctx.locale) : "—",
          agency: agency
            ? localName(agency, ctx.locale) + (data.isAgencyHead ? ` (${ctx.t("invitations-head-label")})` : "")
            : county
              ? ctx.t("county-desk-of", { county: localName(county, ctx.locale) })
              : "—",
          hours: ctx.deps.config.INVITATION_TTL_HOURS,
        });
        await ctx.reply(text, { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-confirm"), B.inviteConfirm.pack())) });
      },
    },
  },
  buttons: [
    on(B.inviteRole, async (ctx, { role }, flow) => {
      if (flow.step !== "role") return handled;
      const groups = await groupsFor(ctx, role);
      if (groups.length === 0) {
        await ctx.reply(ctx.t("error-not-allowed"));
        return handled;
      }
      const { data } = flow;
      data.role = role;
      clearPick(data);
      delete data.agencyId;
      delete data.countyId;
      data.isAgencyHead = false;
      const only = groups.length === 1 ? groups[0] : undefined;
      if (only) {
        // A secretariat member invites to their own group: no question to ask.
        data.workingGroupId = only.id;
        return next(afterGroup(data));
      }
      delete data.workingGroupId;
      return next("group");
    }),
    on(B.inviteGroupPage, async (ctx, { section, page }, flow) => (flow.step === "group" ? turnList(ctx, flow, { page, section }, () => listed(ctx, flow, groupScreen)) : handled)),
    on(B.inviteAgencyPage, async (ctx, { page }, flow) => {
      if (flow.step === "agency") return turnList(ctx, flow, { page }, () => listed(ctx, flow, agencyScreen));
      if (flow.step === "county") return turnList(ctx, flow, { page }, () => listed(ctx, flow, countyScreen));
      return handled;
    }),
    on(B.inviteGroup, async (ctx, { groupId }, flow) => {
      if (flow.step !== "group") return handled;
      if (!flow.data.role || !invitableRoles(ctx.user, groupId).includes(flow.data.role)) {
        await ctx.reply(ctx.t("error-not-allowed"));
        return handled;
      }
      flow.data.workingGroupId = groupId;
      clearPick(flow.data);
      return next(afterGroup(flow.data));
    }),
    on(B.inviteAgency, async (ctx, { agencyId }, flow) => {
      if (flow.step !== "agency") return handled;
      if (!(await isInvitableAgency(ctx.deps, flow.data.workingGroupId ?? 0, agencyId))) {
        await ctx.reply(ctx.t("expected-button"));
        return handled;
      }
      flow.data.agencyId = agencyId;
      clearPick(flow.data);
      return next("head");
    }),
    on(B.inviteCounty, async (ctx, { countyId }, flow) => {
      if (flow.step !== "county") return handled;
      if (!(await isInvitableCounty(ctx.deps, flow.data.workingGroupId ?? 0, countyId))) {
        await ctx.reply(ctx.t("expected-button"));
        return handled;
      }
      flow.data.countyId = countyId;
      clearPick(flow.data);
      return next("confirm");
    }),
    on(B.inviteHead, async (_ctx, { head }, flow) => {
      if (flow.step !== "head") return handled;
      flow.data.isAgencyHead = head === "1";
      return next("confirm");
    }),
    on(B.inviteConfirm, async (ctx, _payload, flow) => {
      if (flow.step !== "confirm") return handled;
      const { data } = flow;
      if (!data.role || !data.workingGroupId) return next("role");
      try {
        const invitation = await createInvitation(ctx.deps, ctx.user, {
          role: data.role,
          workingGroupId: data.workingGroupId,
          agencyId: data.agencyId ?? null,
          isAgencyHead: data.isAgencyHead === true,
          countyId: data.countyId ?? null,
        });
        ctx.session.flow = undefined;
        ctx.logger.info({ invitationId: invitation.id, role: data.role, workingGroupId: data.workingGroupId }, "invitation created");
        await ctx.reply(
          ctx.t("invitations-created", {
            link: invitationLink(ctx.me.username, invitation.code),
            expires: formatJalaliDate(invitation.expiresAt, ctx.locale, { monthName: true, time: true }),
          }),
          { link_preview_options: { is_disabled: true } },
        );
      } catch (error) {
        if (!isRefusal(error)) throw error;
        ctx.session.flow = undefined;
        await ctx.reply(ctx.t("error-not-allowed"));
      }
      return handled;
    }),
  ],
});

/** /invite and the menu's button: the flow, for those who may invite anyone at all. */
export async function startInvite(ctx: BotContext): Promise<void> {
  if ((await rolesFor(ctx)).length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  await inviteFlow.start(ctx, "role", {});
}
