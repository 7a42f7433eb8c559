/**
 * The working groups a user serves as secretariat (SECRETARIAT or ADMIN memberships, read from
 * the database for every update), as the secretariat's features (meetings, broadcasts) ask.
 */
import { InlineKeyboard } from "grammy";
import { inScope, isEmptyScope, secretariatGroups } from "../services/authz";
import { secretariatWorkingGroups } from "../services/working-groups";
import type { BotContext } from "./context";
import { localName } from "../i18n";
import { groupListScreen, sortGroups, type GroupSection, type PickState } from "./presenters/picker";

/** The group ids, or "all" for a global admin. */
export function secretariatGroupIds(ctx: BotContext): number[] | "all" {
  const scope = secretariatGroups(ctx.user);
  return scope.all ? "all" : scope.ids;
}

export const isSecretariat = (ctx: BotContext): boolean => !isEmptyScope(secretariatGroups(ctx.user));

/** Whether the user works this group as secretariat (a group id from callback data is checked here). */
export const worksGroup = (ctx: BotContext, workingGroupId: number): boolean => inScope(secretariatGroups(ctx.user), workingGroupId);

/** The user's only group, when there is exactly one: a flow need not ask which. */
export function soleSecretariatGroup(ctx: BotContext): number | undefined {
  const groups = secretariatGroupIds(ctx);
  return groups !== "all" && groups.length === 1 ? groups[0] : undefined;
}

/**
 * A button per group the user serves (`pack(id)` is the button's data), two a row: provinces
 * then free zones, each by name in the reader's language.
 */
export async function secretariatGroupKeyboard(ctx: BotContext, pack: (groupId: number) => string): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard();
  sortGroups(await secretariatWorkingGroups(ctx.deps, ctx.user), ctx.locale).forEach((group, index) => {
    keyboard.text(localName(group, ctx.locale), pack(group.id));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/**
 * The group step of a secretariat flow (meetings, broadcasts): provinces and free zones apart,
 * by name, a page at a time, or what typed letters found (src/bot/pick-steps.ts).
 */
export async function secretariatGroupScreen(
  ctx: BotContext,
  question: string,
  state: PickState,
  buttons: { pick: (groupId: number) => string; turn: (section: GroupSection, page: number) => string },
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const groups = await secretariatWorkingGroups(ctx.deps, ctx.user);
  return groupListScreen(ctx, question, groups, state, { pick: (group) => buttons.pick(group.id), turn: buttons.turn });
}
