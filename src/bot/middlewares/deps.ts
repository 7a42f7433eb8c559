import type { MiddlewareFn } from "grammy";
import type { Deps } from "../../deps";
import type { BotContext } from "../context";

/** Puts the dependencies on the context, with a child logger per update. */
export function attachDeps(deps: Deps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id, userId: ctx.from?.id });
    return next();
  };
}
