import { Api, type ApiClientOptions, type Transformer } from "grammy";
import type { Config } from "../config";
import type { Metrics } from "../metrics";
import { proxyAgentFor } from "../proxy";
import { botApiFetch } from "./http";

/**
 * Bale's Bot API follows Telegram's but has no HTML entities: there we drop parse_mode and
 * the tags, so every feature writes one message and it reads right on both platforms.
 */
export const plainTextTransformer: Transformer = (prev, method, payload, signal) => {
  if (payload && typeof payload === "object") {
    const params = payload as Record<string, unknown>;
    if ("parse_mode" in params) {
      const { parse_mode: _dropped, ...rest } = params;
      for (const field of ["text", "caption"] as const) {
        if (typeof rest[field] === "string") rest[field] = stripHtml(rest[field] as string);
      }
      return prev(method, rest as typeof payload, signal);
    }
  }
  return prev(method, payload, signal);
};

export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** Escapes user text placed inside an HTML message. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * Drops empty rows from inline keyboards: building keyboards with `.row()` after optional
 * buttons leaves them behind, and clients (Bale especially) differ in how they treat them.
 */
export const compactKeyboardsTransformer: Transformer = (prev, method, payload, signal) => {
  const markup = (payload as { reply_markup?: { inline_keyboard?: unknown[][] } } | undefined)?.reply_markup;
  if (markup?.inline_keyboard?.some((row) => row.length === 0)) {
    const compacted = { ...markup, inline_keyboard: markup.inline_keyboard.filter((row) => row.length > 0) };
    return prev(method, { ...payload, reply_markup: compacted } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

export function applyPlatform(api: Api, config: Pick<Config, "BOT_PLATFORM">): Api {
  api.config.use(compactKeyboardsTransformer);
  if (config.BOT_PLATFORM === "bale") api.config.use(plainTextTransformer);
  return api;
}

const agents = new Map<string, ReturnType<typeof proxyAgentFor>>();

/** Where every Bot API client of the process connects: the root, through BOT_API_PROXY if set (one agent each). */
export function botApiClient(config: Pick<Config, "BOT_API_ROOT" | "BOT_API_PROXY">): ApiClientOptions {
  const proxy = config.BOT_API_PROXY;
  // Direct: undici (src/bot/http.ts). Through a proxy: node-fetch with the tunnelling agent.
  if (!proxy) return { apiRoot: config.BOT_API_ROOT, fetch: botApiFetch() };
  const agent = agents.get(proxy) ?? proxyAgentFor(proxy);
  agents.set(proxy, agent);
  // grammY's own default is { compress: true, agent: a keep-alive agent }; this replaces it whole.
  return { apiRoot: config.BOT_API_ROOT, baseFetchConfig: { compress: true, agent } };
}

/** The Api the workers send with (no auto-retry: BullMQ owns retries there). */
export function createSenderApi(config: Pick<Config, "BOT_TOKEN" | "BOT_API_ROOT" | "BOT_API_PROXY" | "BOT_PLATFORM">): Api {
  return applyPlatform(new Api(config.BOT_TOKEN, botApiClient(config)), config);
}

/**
 * Counts every Bot API call by method and status ("ok", the error code, or "network"), and the
 * retry_after seconds a 429 asked for. In-memory only. Installed beneath any retrying
 * transformer (src/bot/index.ts), so every attempt is counted.
 */
export function metricsTransformer(metrics: Pick<Metrics, "apiCalls" | "apiRetryAfter">): Transformer {
  return async (prev, method, payload, signal) => {
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (error) {
      if (!signal?.aborted) metrics.apiCalls.inc({ method, status: "network" });
      throw error;
    }
    if (result.ok) {
      metrics.apiCalls.inc({ method, status: "ok" });
    } else {
      metrics.apiCalls.inc({ method, status: String(result.error_code) });
      const retryAfter = result.parameters?.retry_after;
      if (result.error_code === 429 && typeof retryAfter === "number") metrics.apiRetryAfter.inc({ method }, retryAfter);
    }
    return result;
  };
}

export function instrumentApi(api: Api, metrics: Pick<Metrics, "apiCalls" | "apiRetryAfter">): Api {
  api.config.use(metricsTransformer(metrics));
  return api;
}
