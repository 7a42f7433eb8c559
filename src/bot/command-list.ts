import type { BotCommand } from "grammy/types";
import type { Role } from "../generated/prisma/enums";
import type { BotContext } from "./context";
import type { CommandAudience, FeatureCommand } from "./feature";

/**
 * The commands the features declare (src/bot/features/<name>/index.ts `commands`), registered by
 * createBot in the features' order: the one source of /help's sections and of each role's
 * command menu. (src/bot/commands.ts builds the default menu from the same declarations.)
 */
const registered: FeatureCommand[] = [];

export function addCommands(commands: readonly FeatureCommand[]): void {
  for (const command of commands) if (!registered.some((known) => known.command === command.command)) registered.push(command);
}

export const registeredCommands = (): readonly FeatureCommand[] => registered;

/** What everyone sees, with or without a role: the producer's commands and the general ones. */
export const PUBLIC_AUDIENCES: readonly CommandAudience[] = ["everyone", "producer"];
/** The staff sections of /help, in order. */
export const STAFF_AUDIENCES: readonly CommandAudience[] = ["secretariat", "official", "chair", "county", "admin"];

/** The audiences a user's roles open (an administrator also does the secretariat's work). */
export function audiencesOf(roles: Iterable<Role>): Set<CommandAudience> {
  const audiences = new Set<CommandAudience>(PUBLIC_AUDIENCES);
  for (const role of roles) {
    if (role === "SECRETARIAT") audiences.add("secretariat");
    if (role === "ADMIN") audiences.add("secretariat").add("admin");
    if (role === "OFFICIAL") audiences.add("official");
    if (role === "CHAIR") audiences.add("chair");
    if (role === "COUNTY_DESK") audiences.add("county");
  }
  return audiences;
}

/** The commands for any of these audiences, in the declared order. */
export function commandsFor(commands: readonly FeatureCommand[], audiences: ReadonlySet<CommandAudience>): FeatureCommand[] {
  return commands.filter((c) => audiences.has(c.audience) || (c.alsoFor ?? []).some((audience) => audiences.has(audience)));
}

/** A command menu: each description is the Fluent message `command-<name>`. */
export const menuOf = (commands: readonly FeatureCommand[], describe: (key: string) => string): BotCommand[] =>
  commands.map(({ command }) => ({ command, description: describe(`command-${command}`) }));

/**
 * A staff member's own command menu (Telegram's per-chat scope): the public commands and those of
 * their roles. Set when they open /start or /help or accept an invitation; a failure to set it
 * never stops the answer.
 */
export async function syncCommandMenu(ctx: BotContext): Promise<void> {
  if (ctx.chat?.type !== "private" || ctx.user.memberships.length === 0) return;
  const commands = commandsFor(registered, audiencesOf(ctx.user.memberships.map((m) => m.role)));
  await ctx.api
    .setMyCommands(menuOf(commands, (key) => ctx.t(key)), { scope: { type: "chat", chat_id: ctx.chat.id } })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, "could not set the command menu"));
}
