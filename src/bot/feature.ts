import type { Composer } from "./composer";
import type { BotContext } from "./context";
import type { MenuEntry } from "./menu";

/** A deep link t.me/<bot>?start=<prefix><rest>: true when the feature took it. */
export interface StartPayload {
  prefix: string;
  handle(ctx: BotContext, rest: string): Promise<boolean>;
}

/** Who a command is for (its place in /help and the per-role command menus). */
export type CommandAudience = "everyone" | "producer" | "secretariat" | "official" | "chair" | "county" | "admin";

export interface FeatureCommand {
  /** Without the slash; its menu description is the Fluent message `command-<name>`. */
  command: string;
  audience: CommandAudience;
  /** Other audiences that use it too (the chair reads /queue; the secretariat reads /stats). */
  alsoFor?: CommandAudience[];
}

/**
 * What a feature folder exports: one object. src/bot/features/index.ts lists them in the order
 * they see updates; the bot, the main menu, the command menus and the deep-link dispatcher
 * are all built from that list, so it is the one place that says what the bot can do.
 */
export interface Feature {
  name: string;
  composer: Composer<BotContext>;
  commands?: FeatureCommand[];
  menu?: MenuEntry[];
  startPayloads?: StartPayload[];
}
