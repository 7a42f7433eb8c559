import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context";
import { tellUnconfirmed } from "../submission";

/**
 * Before anything else a producer's update does (a message, /start, /cases, a button): the
 * code of a submission they were never told about. Private chats only (the code goes to the
 * producer's own chat). Costs one Redis MGET on most updates (src/services/submissions.ts).
 */
export const tellUnconfirmedSubmissions: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.chat?.type === "private" && ctx.user) await tellUnconfirmed(ctx);
  await next();
};
