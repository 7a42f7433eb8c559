import http from "node:http";
import type { AddressInfo } from "node:net";
import { BotError, webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./bot/context";
import { UpdateInProgressError } from "./bot/middlewares/dedupe";
import type { Deps } from "./container";
import type { OperationsHttp } from "./operations-http";

/**
 * The process's HTTP face, in every mode: liveness and readiness for the orchestrator, and
 * (in webhook mode) the endpoint Telegram or Bale posts updates to.
 */
export interface HttpServerOptions {
  /** Serve webhooks for this bot (omit in polling mode and in the worker). */
  bot?: Bot<BotContext>;
  /** The path updates are posted to (on Bale it ends with the secret). */
  webhookPath?: string;
  /** Telegram's X-Telegram-Bot-Api-Secret-Token; omit on Bale, whose path carries the secret. */
  secretToken?: string;
  /** How long a dependency may take to answer a readiness probe. */
  probeTimeoutMs?: number;
  /** Largest webhook body accepted (WEBHOOK_MAX_BODY_BYTES); larger ones get 413. */
  maxBodyBytes?: number;
  /** /metrics and the queue dashboard (src/operations-http.ts), each closed unless configured. */
  operations?: OperationsHttp;
}

/** A Telegram update is a few kilobytes; a megabyte leaves room for the largest real one. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** grammY answers the platform after this long even if the update is still being handled. */
export const WEBHOOK_ANSWER_MS = 25_000;
/**
 * The whole request (headers and body) must arrive within this: a client trickling a body in
 * must not hold a connection and its buffer for Node's default five minutes.
 */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;

export interface HttpServer {
  server: http.Server;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * An orderly stop begins: /readyz answers 503 (a load balancer stops sending here) and a new
   * webhook request gets 503 with Retry-After (the platform delivers it again, to another
   * replica or to our successor); requests already in progress are answered as usual.
   */
  stopAccepting(): void;
  /** Stops listening; resolves once the requests in progress have been answered. */
  close(): Promise<void>;
}

type ProbeDeps = Pick<Deps, "sql" | "redis" | "logger"> & Partial<Pick<Deps, "outages">>;

/** The webhook's path and secret as main.ts registers them with the platform. */
export function webhookRoute(config: Pick<Deps["config"], "WEBHOOK_URL" | "WEBHOOK_SECRET" | "BOT_PLATFORM">): {
  url: string;
  path: string;
  secretToken?: string;
} {
  if (!config.WEBHOOK_URL || !config.WEBHOOK_SECRET) throw new Error("webhookRoute needs WEBHOOK_URL and WEBHOOK_SECRET");
  const base = config.WEBHOOK_URL.replace(/\/+$/, "");
  if (config.BOT_PLATFORM === "bale") {
    // Bale sends no secret-token header: the secret is the last path segment instead.
    const url = `${base}/${config.WEBHOOK_SECRET}`;
    return { url, path: new URL(url).pathname };
  }
  return { url: base, path: new URL(base).pathname || "/", secretToken: config.WEBHOOK_SECRET };
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Pings PostgreSQL and Redis; the result names what failed (never a connection string). */
export async function checkReadiness(deps: ProbeDeps, timeoutMs = 2_000): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const probes: Record<string, () => Promise<unknown>> = {
    // On the raw SQL port: a probe every few seconds must not be what loads Prisma's query
    // compiler into a bot that otherwise never needs it.
    postgres: () => deps.sql.rows`SELECT 1`,
    redis: async () => {
      const answer = await deps.redis.ping();
      if (answer !== "PONG") throw new Error(`unexpected answer ${answer}`);
    },
  };
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      try {
        await withTimeout(probe(), timeoutMs, name);
        return [name, "ok"] as const;
      } catch (error) {
        // During an outage every probe fails: the dependency's tracker tells it once.
        const tracker = deps.outages?.[name as keyof Deps["outages"]];
        if (tracker) tracker.error(error, { probe: "readiness" }, "readiness probe failed");
        else deps.logger.warn({ err: error, dependency: name }, "readiness probe failed");
        return [name, error instanceof Error ? error.message.split("\n")[0] ?? "failed" : "failed"] as const;
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  return { ok: entries.every(([, state]) => state === "ok"), checks };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json), ...headers });
  res.end(json);
}

class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * After a 413 the rest of the body is read and dropped, so the client, still sending, gets to
 * read the answer (closing at once makes it fail writing instead); past this much, the
 * connection is cut.
 */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

function drainAndDrop(req: http.IncomingMessage, alreadyRead: number): void {
  let drained = alreadyRead;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}

/** Reads a request body of at most `limit` bytes; rejects with BodyTooLargeError past it. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        drainAndDrop(req, size);
        reject(new BodyTooLargeError(`request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/**
 * grammY's "http" adapter, with the body read under our size limit. grammY checks the secret
 * token before it asks for the update, so a forged request is refused before its body is read.
 */
function cappedHttpAdapter(req: http.IncomingMessage, res: http.ServerResponse, limit: number) {
  const header = req.headers["x-telegram-bot-api-secret-token"];
  return {
    get update(): Promise<Update> {
      return readBody(req, limit).then((body) => JSON.parse(body.toString("utf8")) as Update);
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json),
    unauthorized: () => res.writeHead(401).end("secret token is wrong"),
    handlerReturn: undefined,
  };
}

/** What a failed webhook request is answered with: 413 too big, 503 try later, 400, 500. */
function answerWebhookFailure(error: unknown, res: http.ServerResponse, logger: ProbeDeps["logger"]): void {
  const cause = error instanceof BotError ? error.error : error;
  if (cause instanceof BodyTooLargeError) {
    logger.warn({ reason: cause.message }, "webhook request refused: body too large");
    return sendJson(res, 413, { ok: false });
  }
  if (cause instanceof UpdateInProgressError) {
    // Another process holds this update: the platform redelivers later (see dedupe.ts).
    logger.info({ updateId: cause.updateId }, "webhook copy of an update in progress elsewhere: asked to retry");
    return sendJson(res, 503, { ok: false }, { "retry-after": "5" });
  }
  if (cause instanceof SyntaxError) return sendJson(res, 400, { ok: false });
  logger.error({ err: error }, "webhook update failed");
  sendJson(res, 500, { ok: false });
}

export function createHttpServer(deps: ProbeDeps, options: HttpServerOptions = {}): HttpServer {
  const { bot, webhookPath, secretToken, probeTimeoutMs = 2_000, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, operations } = options;
  if (bot && !webhookPath) throw new Error("createHttpServer: a bot needs a webhookPath");
  // "return": answer 200 after the timeout and let the update finish, rather than make the
  // platform deliver it again (the copy would be dropped as in progress, but late).
  const handleWebhook = bot
    ? webhookCallback(bot, cappedHttpAdapter, { secretToken, onTimeout: "return", timeoutMilliseconds: WEBHOOK_ANSWER_MS })
    : undefined;

  let draining = false;
  const server = http.createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS }, (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") return sendJson(res, 200, { ok: true });
    if (draining && (path === "/readyz" || path === webhookPath)) {
      // Connection: close, so a keep-alive client does not bring the next request here.
      return sendJson(res, 503, { ok: false, stopping: true }, { "retry-after": "5", connection: "close" });
    }
    if (req.method === "GET" && path === "/readyz") {
      checkReadiness(deps, probeTimeoutMs).then(
        (result) => sendJson(res, result.ok ? 200 : 503, result),
        (error: unknown) => sendJson(res, 503, { ok: false, error: String(error) }),
      );
      return;
    }
    if (handleWebhook && path === webhookPath) {
      if (req.method !== "POST") return sendJson(res, 405, { ok: false });
      // Refused before a byte is read when the client says how big it is.
      if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) {
        drainAndDrop(req, 0);
        return answerWebhookFailure(new BodyTooLargeError(`content-length over ${maxBodyBytes} bytes`), res, deps.logger);
      }
      handleWebhook(req, res, maxBodyBytes).catch((error: unknown) => {
        if (!res.headersSent) answerWebhookFailure(error, res, deps.logger);
        else {
          deps.logger.error({ err: error }, "webhook update failed");
          res.end();
        }
      });
      return;
    }
    if (operations?.handle(req, res, path)) return;
    sendJson(res, 404, { ok: false });
  });

  return {
    server,
    listen(port, host = "0.0.0.0") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    stopAccepting() {
      draining = true;
    },
    close() {
      draining = true;
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
