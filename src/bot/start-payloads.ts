import type { BotContext } from "./context";
import type { StartPayload } from "./feature";

/**
 * Deep links t.me/<bot>?start=<prefix>… are dispatched to the feature that owns the prefix.
 * createBot fills this from the features list (feature.startPayloads); the start feature reads it.
 */
const payloads: StartPayload[] = [];

export function registerStartPayload(prefix: string, handle: (ctx: BotContext, rest: string) => Promise<boolean>): void {
  if (!payloads.some((payload) => payload.prefix === prefix)) payloads.push({ prefix, handle });
}

/** Runs the payload's handler; false when no feature took it. */
export async function dispatchStartPayload(ctx: BotContext, payload: string): Promise<boolean> {
  for (const handler of payloads) {
    if (payload.startsWith(handler.prefix) && (await handler.handle(ctx, payload.slice(handler.prefix.length)))) return true;
  }
  return false;
}
