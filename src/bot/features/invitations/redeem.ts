// Scope: private chats; anyone holding an invitation link. /start inv_<code> grants the role
// once (the service's conditional claim), then shows the menu the role opens.
import { localName } from "../../../i18n";
import { INVITATION_PAYLOAD_PREFIX, redeemInvitation } from "../../../services/invitations";
import type { BotContext } from "../../context";
import type { StartPayload } from "../../feature";
import { syncCommandMenu } from "../../command-list";
import { showMainMenu } from "../../menu";

async function redeem(ctx: BotContext, code: string): Promise<boolean> {
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
      agency: result.agency
        ? localName(result.agency, ctx.locale)
        : result.county
          ? ctx.t("county-desk-of", { county: localName(result.county, ctx.locale) })
          : "-",
    }),
  );
  await syncCommandMenu(ctx);
  await showMainMenu(ctx);
  return true;
}

export const redeemPayload: StartPayload = { prefix: INVITATION_PAYLOAD_PREFIX, handle: redeem };
