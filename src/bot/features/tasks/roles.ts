// Who the task screens are for, from the user's memberships (loaded for every update). These
// only route updates to the right handlers; every action is re-checked by the services
// against the task's agency and working group.
import type { BotContext } from "../../context";
import { isSecretariat } from "../../secretariat";

/** An active official of some agency. */
export const isOfficial = (ctx: BotContext): boolean => ctx.user.memberships.some((m) => m.role === "OFFICIAL" && m.agencyId !== null);

/** The head of some agency's officials (reassigns within the agency). */
export const isAgencyHead = (ctx: BotContext): boolean =>
  ctx.user.memberships.some((m) => m.role === "OFFICIAL" && m.agencyId !== null && m.isAgencyHead);

/** Someone who may read task cards: an official, or the secretariat of a working group. */
export const readsTasks = (ctx: BotContext): boolean => isOfficial(ctx) || isSecretariat(ctx);
