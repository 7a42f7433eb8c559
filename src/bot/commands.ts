import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale, Translator } from "../i18n";

/**
 * The command menu, in one place. Every user sees the same list: staff commands answer
 * "not allowed" to anyone without the role, so showing them costs nothing and keeps one list.
 * Each description is the Fluent message `command-<name>`.
 */
export const BOT_COMMANDS = ["start", "report", "cases", "register", "queue", "tasks", "invite", "members", "invitations", "meetings", "resolutions", "broadcast", "stats", "language", "help", "cancel"] as const;

export type BotCommandName = (typeof BOT_COMMANDS)[number];

export function commandMenu(t: Translator, locale: Locale): BotCommand[] {
  return BOT_COMMANDS.map((command) => ({ command, description: t(locale, `command-${command}`) }));
}

/**
 * Registers the menu per language: Persian also as the default (users whose app language is
 * neither fa nor en get Persian, the bot's first language), English for `en` clients.
 */
export async function setBotCommands(api: Pick<Api, "setMyCommands">, t: Translator, defaultLocale: Locale = "fa"): Promise<void> {
  await api.setMyCommands(commandMenu(t, defaultLocale));
  await api.setMyCommands(commandMenu(t, "fa"), { language_code: "fa" });
  await api.setMyCommands(commandMenu(t, "en"), { language_code: "en" });
}
