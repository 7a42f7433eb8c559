import { autoRetry } from "@grammyjs/auto-retry";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, session, type ApiClientOptions, type Middleware, type StorageAdapter } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Deps } from "../deps";
import { applyPlatform } from "./api";
import type { BotContext, SessionData } from "./context";
import { features } from "./features";
import { addMenuEntry } from "./menu";
import { registerStartPayload } from "./start-payloads";
import { attachDeps } from "./middlewares/deps";
import { handleBotError } from "./middlewares/errors";
import { attachUser } from "./middlewares/user";
import { tellUnconfirmedSubmissions } from "./middlewares/submissions";
import { writeThroughStorage } from "./session-storage";

export interface CreateBotOptions {
  /** Known bot identity (tests, or a process that already called getMe). */
  botInfo?: UserFromGetMe;
  client?: ApiClientOptions;
  /** Middleware that must run before everything else (main.ts: the runner's sequentialize). */
  before?: Array<Middleware<BotContext>>;
}

/** A session is idle this long before Redis forgets it (a draft report lives there). */
const SESSION_TTL_SECONDS = 60 * 24 * 3600;

const sessionKey = (ctx: { from?: { id: number } }) => (ctx.from ? `session:${ctx.from.id}` : undefined);

/**
 * grammY saves the session after the handler returns, but the user may already see the next
 * question by then; a crash in between would lose the answer they just gave. So the session
 * is written before every message or edit the update sends (and again, as usual, at the end).
 * The storage skips a write that repeats what Redis holds (src/bot/session-storage.ts), so
 * an update writes once per change it shows: most write once, before their one reply.
 */
function saveSessionBeforeReplying(storage: StorageAdapter<SessionData>): Middleware<BotContext> {
  return async (ctx, next) => {
    const key = sessionKey(ctx);
    if (key) {
      ctx.api.config.use(async (prev, method, payload, signal) => {
        if (/^(send|edit|copy)/.test(method)) await storage.write(key, ctx.session);
        return prev(method, payload, signal);
      });
    }
    await next();
  };
}

/** Builds the bot; starts nothing. main.ts decides between long polling and webhooks. */
export function createBot(deps: Deps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { apiRoot: deps.config.BOT_API_ROOT, ...options.client },
  });
  applyPlatform(bot.api, deps.config);
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  if (options.before?.length) bot.use(...options.before);
  bot.use(attachDeps(deps));
  // Everything after the dependencies runs inside the boundary: a failure (PostgreSQL or Redis
  // down included) is logged and the user told plainly, whether we poll, take webhooks or test.
  const guarded = bot.errorBoundary(handleBotError);
  const storage = writeThroughStorage(new RedisAdapter<SessionData>({ instance: deps.redis, ttl: SESSION_TTL_SECONDS }), deps, SESSION_TTL_SECONDS * 1000);
  guarded.use(session<SessionData, BotContext>({ initial: () => ({}), storage, getSessionKey: sessionKey }));
  guarded.use(saveSessionBeforeReplying(storage));
  guarded.use(attachUser);
  guarded.use(deps.i18n);
  guarded.use(tellUnconfirmedSubmissions);
  for (const feature of features) {
    for (const entry of feature.menu ?? []) addMenuEntry(entry);
    for (const payload of feature.startPayloads ?? []) registerStartPayload(payload.prefix, payload.handle);
  }
  guarded.use(...features.map((feature) => feature.composer));
  bot.catch(handleBotError);
  return bot;
}
