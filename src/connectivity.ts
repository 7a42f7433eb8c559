/**
 * A start that never hangs in silence. Where Telegram is filtered, a connection to
 * api.telegram.org is often neither refused nor answered: grammY's getMe would wait minutes
 * and the bot print nothing. So before anything else the bot says where it connects (the API
 * root, never the token), tries getMe with a short deadline per attempt, says within seconds
 * why it cannot get through (DNS, refused, timeout, TLS…), keeps trying and keeps saying so at
 * a calm interval, and gives up with one clear line after BOT_API_STARTUP_TIMEOUT_MS (0: never).
 * An answer from the API (even 401 for a wrong token) is not a network problem: it goes back to
 * the caller at once.
 */
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { botApiClient } from "./bot/api";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { describeProxy } from "./proxy";

export type UnreachableReason = "dns" | "refused" | "timeout" | "tls" | "unreachable" | "reset" | "proxy" | "network";

export interface ReachOptions {
  /** Deadline of the first getMe attempt (each later one doubles it, up to 30 s). */
  attemptTimeoutMs?: number;
  /** Pause between attempts. */
  retryEveryMs?: number;
  /** While the reason stays the same, it is logged again only this often. */
  noticeEveryMs?: number;
}

export class BotApiUnreachable extends Error {
  override name = "BotApiUnreachable";
  constructor(readonly reason: UnreachableReason, readonly waitedMs: number, readonly detail: string) {
    super(`the Bot API could not be reached for ${Math.round(waitedMs / 1000)} s (${reason}: ${detail})`);
  }
}

const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"]);
const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"]);
// undici's own codes (src/bot/http.ts) beside the system ones it passes on.
const RESET = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const TIMEOUT = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const TLS = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|HANDSHAKE/i;

/** The innermost error with a system code (grammY's HttpError wraps undici's or node-fetch's error). */
function codeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const { code, errno, error: inner, cause } = current as { code?: unknown; errno?: unknown; error?: unknown; cause?: unknown };
    if (typeof code === "string" && code !== "system") return code;
    if (typeof errno === "string") return errno;
    current = inner ?? cause;
  }
  return "";
}

export function classifyNetworkError(error: unknown, timedOut = false): { reason: UnreachableReason; detail: string } {
  if (timedOut) return { reason: "timeout", detail: "no answer within the attempt's deadline" };
  const code = codeOf(error);
  const inner = error instanceof HttpError ? error.error : error;
  // node-fetch says "request to <url> failed, reason: <why>"; the url (with the token) adds nothing.
  const message = (inner instanceof Error ? inner.message : String(inner)).replace(/^request to \S+ failed, reason: /, "");
  const detail = code || message.slice(0, 200);
  if (code === "EPROXY") return { reason: "proxy", detail: message.slice(0, 200) };
  if (DNS.has(code)) return { reason: "dns", detail };
  if (code === "ECONNREFUSED") return { reason: "refused", detail };
  if (TIMEOUT.has(code)) return { reason: "timeout", detail };
  if (UNREACHABLE.has(code)) return { reason: "unreachable", detail };
  if (TLS.test(code) || /certificate|ssl|tls/i.test(message)) return { reason: "tls", detail };
  if (RESET.has(code)) return { reason: "reset", detail };
  return { reason: "network", detail };
}

const MAX_ATTEMPT_TIMEOUT_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** getMe until it answers; throws BotApiUnreachable after BOT_API_STARTUP_TIMEOUT_MS without one. */
export async function reachBotApi(
  config: Pick<Config, "BOT_TOKEN" | "BOT_API_ROOT" | "BOT_API_PROXY" | "BOT_API_STARTUP_TIMEOUT_MS">,
  logger: Logger,
  { attemptTimeoutMs = 5_000, retryEveryMs = 5_000, noticeEveryMs = 30_000 }: ReachOptions = {},
): Promise<UserFromGetMe> {
  const where = { apiRoot: config.BOT_API_ROOT, ...(config.BOT_API_PROXY && { proxy: describeProxy(config.BOT_API_PROXY) }) };
  logger.info(where, `connecting to the Bot API at ${config.BOT_API_ROOT}${where.proxy ? ` through ${where.proxy}` : ""}`);
  const api = new Api(config.BOT_TOKEN, { ...botApiClient(config), timeoutSeconds: Math.ceil(MAX_ATTEMPT_TIMEOUT_MS / 1000) + 1 });
  const limit = config.BOT_API_STARTUP_TIMEOUT_MS;
  const started = Date.now();
  let last: { reason: UnreachableReason; detail: string; at: number } | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const controller = new AbortController();
    let timedOut = false;
    // The first deadline is short, so a silent network is reported within seconds; later ones
    // double (to 30 s), so a slow link or proxy that needs longer still gets through.
    const deadline = Math.min(attemptTimeoutMs * 2 ** Math.min(attempt - 1, 10), Math.max(attemptTimeoutMs, MAX_ATTEMPT_TIMEOUT_MS));
    const remaining = limit > 0 ? limit - (Date.now() - started) : deadline;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, Math.max(100, Math.min(deadline, remaining)));
    try {
      // grammY types its signal as the abort-controller package's; Node's own is the same at run time.
      const me = await api.getMe(controller.signal as Parameters<Api["getMe"]>[0]);
      if (last) logger.info({ ...where, attempts: attempt, waitedMs: Date.now() - started }, "reached the Bot API");
      return me;
    } catch (error) {
      // The API answered (a wrong token's 401, a wrong root's 404): no retry will change that.
      if (error instanceof GrammyError || !(error instanceof HttpError || timedOut)) throw error;
      const { reason, detail } = classifyNetworkError(error, timedOut);
      const waitedMs = Date.now() - started;
      if (!last || last.reason !== reason || Date.now() - last.at >= noticeEveryMs) {
        logger.warn(
          { ...where, reason, detail, attempts: attempt, waitedMs, giveUpInMs: limit === 0 ? null : Math.max(0, limit - waitedMs) },
          `cannot reach the Bot API at ${config.BOT_API_ROOT} (${reason}: ${detail}); still trying`,
        );
        last = { reason, detail, at: Date.now() };
      }
      if (limit > 0 && waitedMs + retryEveryMs >= limit) {
        await sleep(Math.max(0, limit - waitedMs));
        throw new BotApiUnreachable(reason, Date.now() - started, detail);
      }
    } finally {
      clearTimeout(timer);
    }
    await sleep(retryEveryMs);
  }
}
