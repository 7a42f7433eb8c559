import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Deps } from "../deps";
import type { Logger } from "../logger";
import type { Locale } from "../i18n";
import type { UpdateUser } from "../services/users";
import type { UpdateReads } from "../services/update-reads";

/**
 * What lives in the Redis session. Small and JSON-safe (ids, strings, numbers): a draft
 * report must survive a restart of the bot and never hold ORM objects.
 */
export interface SessionData {
  locale?: Locale;
  /** The one multi-step flow the user is in (registration, report wizard, a prompt…). */
  flow?: Flow;
  /** The picker outside any flow that takes a few typed letters ("queue", "stats"): the last shown. */
  search?: string;
}

/** Each feature owns one flow name and its JSON-safe state. */
export interface Flow {
  name: string;
  step: string;
  data: Record<string, unknown>;
  /** Steps visited, for the back button. */
  history?: string[];
}

export type BotContext = Context &
  SessionFlavor<SessionData> &
  I18nFlavor & {
    deps: Deps;
    logger: Logger;
    /** The user behind the update, loaded (or created) by the user middleware. */
    user: UpdateUser;
    locale: Locale;
    /** What the update's one MGET took for the user middlewares (src/services/update-reads.ts). */
    reads?: Omit<UpdateReads, "session">;
    /** The sender's updates in the inbound limit's window, this one included (counted with the claim, dedupe.ts). */
    inboundHits?: number;
  };
