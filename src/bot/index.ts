import { randomUUID } from "node:crypto";
import { autoRetry } from "@grammyjs/auto-retry";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, session, type ApiClientOptions, type Middleware, type StorageAdapter, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Deps } from "../deps";
import { applyPlatform, botApiClient, metricsTransformer } from "./api";
import { countUpdates } from "./middlewares/metrics";
import type { BotContext, SessionData } from "./context";
import { features } from "./features";
import { addCommands } from "./command-list";
import { addMenuEntry } from "./menu";
import { registerStartPayload } from "./start-payloads";
import { attachDeps } from "./middlewares/deps";
import { dedupeUpdates, type UpdateTransport } from "./middlewares/dedupe";
import { inboundCounterKey, limitInbound } from "./middlewares/inbound-limit";
import { handleBotError } from "./middlewares/errors";
import { attachUser } from "./middlewares/user";
import { tellUnconfirmedSubmissions } from "./middlewares/submissions";
import { writeThroughStorage, type SessionStorage } from "./session-storage";
import { readUpdateKeys } from "../services/update-reads";
import { Composer } from "./composer";

export interface CreateBotOptions {
  /** Known bot identity (tests, or a process that already called getMe). */
  botInfo?: UserFromGetMe;
  client?: ApiClientOptions;
  /** Middleware that must run before everything else (main.ts: the runner's sequentialize). */
  before?: Array<Middleware<BotContext>>;
  /** Middleware around everything, the dedupe included (main.ts: the in-flight count of an orderly stop). */
  outermost?: Array<Middleware<BotContext>>;
  /** How updates arrive: decides what a copy another process is handling gets (dedupe.ts). */
  transport?: UpdateTransport;
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

/**
 * The update's Redis reads in one MGET (src/services/update-reads.ts): the session goes to the
 * storage for the session middleware, next in line; the cached user and the submission flags
 * to ctx.reads, for the user middleware and the unconfirmed-submissions check.
 */
function readUpdate(storage: SessionStorage): Middleware<BotContext> {
  return async (ctx, next) => {
    const key = sessionKey(ctx);
    if (!key || !ctx.from || ctx.from.is_bot) return next();
    const { session: json, ...reads } = await readUpdateKeys(ctx.deps, String(ctx.from.id), key);
    const drop = storage.prime(key, json);
    ctx.reads = reads;
    try {
      await next();
    } finally {
      drop();
    }
  };
}

/**
 * Logs a Bot API call that failed at the network level, and a getUpdates Telegram refused (a
 * second poller's 409): the poller (src/polling.ts) only retries, so this is where polling trouble shows.
 */
function logFailedCalls(logger: Deps["logger"]): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok && method === "getUpdates") {
        logger.warn({ method, error_code: result.error_code, description: result.description }, "could not fetch updates");
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) logger.warn({ err: error, method }, "Bot API call failed at the network level");
      throw error;
    }
  };
}

/** Builds the bot; starts nothing. main.ts decides between long polling and webhooks. */
export function createBot(deps: Deps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...botApiClient(deps.config), ...options.client },
  });
  applyPlatform(bot.api, deps.config);
  // Inside autoRetry, which retries network failures for ever and silently: each failed attempt
  // is logged (through the logger, which redacts the token the fetch error carries).
  bot.api.config.use(logFailedCalls(deps.logger));
  bot.api.config.use(metricsTransformer(deps.metrics));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  // The whole chain is one of our composers (src/bot/composer.ts), handed to the bot once:
  // grammY's Bot would wrap every registration of its own in two more async closures per update.
  const root = new Composer<BotContext>();
  if (options.outermost?.length) root.use(...options.outermost);

  // Zeroth: the update is counted and timed (in memory, no I/O), whatever becomes of it; the
  // markers below say how far it got (dropped as a copy, cut off by the limit, handled, failed).
  const counted = countUpdates(deps.metrics);
  root.use(counted.taken);
  // First, before the runner's per-chat queue: a copy of an update already handled (or being
  // handled) by any process is dropped here, before it waits in line, reads a session or runs
  // a handler. In the bot rather than the HTTP server so polling gets it too.
  // The claim also counts the sender's update for the inbound limit below (one Redis call).
  const counter = deps.config.RATE_LIMIT_UPDATES > 0 ? { key: inboundCounterKey, windowMs: deps.config.RATE_LIMIT_WINDOW_MS } : undefined;
  root.use(dedupeUpdates({ redis: deps.redis, logger: deps.logger, transport: options.transport ?? "polling", instanceId: randomUUID(), outages: deps.outages, counter }));
  // Second: a flooding user's updates end here, on the count the claim took, before they take a
  // place in the runner's queue, a session read and a PostgreSQL query (the user), which
  // everybody else shares; after the dedupe, so a redelivered copy is not counted twice.
  root.use(counted.mark("limited"));
  root.use(limitInbound(deps));
  root.use(counted.mark("handled"));
  if (options.before?.length) root.use(...options.before);
  root.use(attachDeps(deps));
  // Everything after the dependencies runs inside the boundary: a failure (PostgreSQL or Redis
  // down included) is logged and the user told plainly, whether we poll, take webhooks or test.
  const guarded = root.errorBoundary(handleBotError);
  // Inside the boundary, so an update that fails there is counted as an error before the
  // boundary answers it.
  guarded.use(counted.failures);
  const storage = writeThroughStorage(new RedisAdapter<SessionData>({ instance: deps.redis, ttl: SESSION_TTL_SECONDS }), deps, SESSION_TTL_SECONDS * 1000);
  guarded.use(readUpdate(storage));
  guarded.use(session<SessionData, BotContext>({ initial: () => ({}), storage, getSessionKey: sessionKey }));
  guarded.use(saveSessionBeforeReplying(storage));
  guarded.use(attachUser);
  guarded.use(deps.i18n);
  guarded.use(tellUnconfirmedSubmissions);
  for (const feature of features) {
    for (const entry of feature.menu ?? []) addMenuEntry(entry);
    addCommands(feature.commands ?? []);
    for (const payload of feature.startPayloads ?? []) registerStartPayload(payload.prefix, payload.handle);
  }
  guarded.use(...features.map((feature) => feature.composer));
  bot.use(root);
  bot.catch(handleBotError);
  return bot;
}
