import type { MiddlewareFn } from "grammy";
import type { Deps } from "../../deps";
import type { Logger } from "../../logger";
import type { BotContext } from "../context";

/**
 * Puts the dependencies on the context, with a child logger per update. The logger is made
 * when a handler first logs: pino's child() serialises its bindings through the redaction
 * paths on creation (~12 KB of garbage each), and most updates log nothing.
 */
export function attachDeps(deps: Deps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    let logger: Logger | undefined;
    Object.defineProperty(ctx, "logger", {
      enumerable: true,
      get: () => (logger ??= deps.logger.child({ updateId: ctx.update.update_id, userId: ctx.from?.id })),
    });
    return next();
  };
}
