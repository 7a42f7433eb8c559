// Scope: group and supergroup chats; secretariat members of exactly the working group they
// link. /linkgroup makes this chat the secretariat's group: new-case alerts go here too.
// /unlinkgroup stops that (in the private chat both say how: they work in the group). The bot's
// answer goes to the group (a direct reply). The service
// (src/services/secretariat-chat.ts) decides which group, and re-checks who may, every time.
import { Composer } from "../../composer";
import { localName } from "../../../i18n";
import { linkSecretariatChat, unlinkSecretariatChat } from "../../../services/secretariat-chat";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { refusedOr } from "../../reply";
import { isSecretariat } from "../../secretariat";
import { staffOnly } from "../../staff-only";

const composer = new Composer<BotContext>();
const group = composer.chatType(["group", "supergroup"]);
const secretariat = group.filter(isSecretariat);

secretariat.command("linkgroup", async (ctx) => {
  const linked = await refusedOr(ctx, () => linkSecretariatChat(ctx.deps, ctx.user, String(ctx.chat.id)));
  if (!linked) return;
  ctx.logger.info({ workingGroupId: linked.id, chatId: ctx.chat.id }, "secretariat group linked");
  await ctx.reply(ctx.t("group-linked", { group: localName(linked, ctx.locale) }));
});

secretariat.command("unlinkgroup", async (ctx) => {
  const done = await refusedOr(ctx, async () => {
    await unlinkSecretariatChat(ctx.deps, ctx.user, String(ctx.chat.id));
    return true;
  });
  if (done) await ctx.reply(ctx.t("group-unlinked"));
});

// Anyone else in the group.
group.command(["linkgroup", "unlinkgroup"], (ctx) => ctx.reply(ctx.t("group-link-not-allowed")));

// In the private chat (where the menu and /help name them): how to link, or what they are for.
const direct = composer.chatType("private");
direct.filter(isSecretariat).command(["linkgroup", "unlinkgroup"], (ctx) => ctx.reply(ctx.t("group-link-in-group")));
for (const command of ["linkgroup", "unlinkgroup"]) direct.command(command, staffOnly(command));

export const secretariatGroup: Feature = {
  name: "secretariat-group",
  composer,
  commands: [
    { command: "linkgroup", audience: "secretariat" },
    { command: "unlinkgroup", audience: "secretariat" },
  ],
};
