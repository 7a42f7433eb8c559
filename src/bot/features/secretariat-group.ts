// Scope: group and supergroup chats; secretariat members of exactly the working group they
// link. /linkgroup makes this chat the secretariat's group: new-case alerts go here too.
// /unlinkgroup stops that. The bot's answer goes to the group (a direct reply).
import { Composer } from "grammy";
import { secretariatGroups } from "../../services/authz";
import type { BotContext } from "../context";
import { localName } from "../../i18n";

export const secretariatGroup = new Composer<BotContext>();
const group = secretariatGroup.chatType(["group", "supergroup"]);

/** The one working group the user works as secretariat (global admins must use a member). */
function ownGroup(ctx: BotContext): number | null {
  const scope = secretariatGroups(ctx.user);
  if (scope.all || scope.ids.length !== 1) return null;
  return scope.ids[0] ?? null;
}

group.command("linkgroup", async (ctx) => {
  const workingGroupId = ownGroup(ctx);
  if (!workingGroupId) {
    await ctx.reply(ctx.t("group-link-not-allowed"));
    return;
  }
  const linked = await ctx.deps.db.workingGroup.update({
    where: { id: workingGroupId },
    data: { secretariatChatId: String(ctx.chat.id) },
  });
  ctx.logger.info({ workingGroupId, chatId: ctx.chat.id }, "secretariat group linked");
  await ctx.reply(ctx.t("group-linked", { group: localName(linked, ctx.locale) }));
});

group.command("unlinkgroup", async (ctx) => {
  const workingGroupId = ownGroup(ctx);
  const current = workingGroupId ? await ctx.deps.db.workingGroup.findUnique({ where: { id: workingGroupId } }) : null;
  if (!current || current.secretariatChatId !== String(ctx.chat.id)) {
    await ctx.reply(ctx.t("group-link-not-allowed"));
    return;
  }
  await ctx.deps.db.workingGroup.update({ where: { id: current.id }, data: { secretariatChatId: null } });
  await ctx.reply(ctx.t("group-unlinked"));
});
