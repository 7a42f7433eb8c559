import type { BotContext } from "./context";

/**
 * What a staff command (/queue, /meetings, /stats, /invite…) says to someone without the role:
 * not a bare "not allowed", but what the command is for (its menu description, `command-<name>`)
 * and how access is given (an invitation from the working group's secretariat).
 */
export async function explainStaffCommand(ctx: BotContext, command: string): Promise<void> {
  await ctx.reply(ctx.t("staff-only", { command, purpose: ctx.t(`command-${command}`) }));
}

/** A handler for `chat.command(name, …)` that explains the command to an outsider. */
export const staffOnly = (command: string) => (ctx: BotContext) => explainStaffCommand(ctx, command);
