import type { Role } from "../../../generated/prisma/enums";
import { invitableRoles, isEmptyScope, managedGroups } from "../../../services/authz";
import { managedWorkingGroups } from "../../../services/invitations";
import { localName } from "../../../i18n";
import { INVITABLE_ROLES } from "../../../buttons/invitations";
import type { BotContext } from "../../context";

/** Admins (their groups, or every group) and secretariat members (their own group). */
export function canManageMembers(ctx: BotContext): boolean {
  return !isEmptyScope(managedGroups(ctx.user));
}

/** Groups where the user may invite this role (any role when none is given). */
export async function groupsFor(ctx: BotContext, role?: Role) {
  const groups = await managedWorkingGroups(ctx.deps, ctx.user);
  return groups.filter((group) => {
    const roles = invitableRoles(ctx.user, group.id);
    return role ? roles.includes(role) : roles.length > 0;
  });
}

/** The roles the user may invite somewhere, in the picker's order. */
export async function rolesFor(ctx: BotContext): Promise<Role[]> {
  const groups = await groupsFor(ctx);
  const roles = new Set(groups.flatMap((group) => invitableRoles(ctx.user, group.id)));
  return INVITABLE_ROLES.filter((role) => roles.has(role));
}

/** "Official of an executive agency — Bank Mellat, head of the agency" */
export function roleLabel(
  ctx: BotContext,
  member: { role: Role; isAgencyHead: boolean; agency: { nameFa: string; nameEn: string } | null; county?: { nameFa: string; nameEn: string } | null },
): string {
  const role = ctx.t(`invitations-role-${member.role}`);
  // "County desk — county desk of Ahvaz"
  if (member.county) return `${role} — ${ctx.t("county-desk-of", { county: localName(member.county, ctx.locale) })}`;
  if (!member.agency) return role;
  const head = member.isAgencyHead ? `, ${ctx.t("invitations-head-label")}` : "";
  return `${role} — ${localName(member.agency, ctx.locale)}${head}`;
}
