import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale, Translator } from "../i18n";
import { commandsFor, menuOf, PUBLIC_AUDIENCES } from "./command-list";
import type { FeatureCommand } from "./feature";
import { features } from "./features";

/**
 * The command menus, from the features' own declarations (their `commands`): nothing to keep in
 * step by hand. Everyone's menu (the default) has the public commands; a staff member's chat gets
 * their roles' commands too (syncCommandMenu in src/bot/command-list.ts). Each description is the
 * Fluent message `command-<name>`.
 */
export const FEATURE_COMMANDS: readonly FeatureCommand[] = features.flatMap((feature) => feature.commands ?? []);

/** Every command some feature declares (each needs its `command-<name>` description). */
export const BOT_COMMANDS: readonly string[] = [...new Set(FEATURE_COMMANDS.map((c) => c.command))];

/** The commands of the default menu: those of producers and everyone. */
export const PUBLIC_COMMANDS: readonly string[] = commandsFor(FEATURE_COMMANDS, new Set(PUBLIC_AUDIENCES)).map((c) => c.command);

export function commandMenu(t: Translator, locale: Locale): BotCommand[] {
  return menuOf(commandsFor(FEATURE_COMMANDS, new Set(PUBLIC_AUDIENCES)), (key) => t(locale, key));
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
