import http from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./bot/context";
import type { Deps } from "./container";

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
}

export interface HttpServer {
  server: http.Server;
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

type ProbeDeps = Pick<Deps, "db" | "redis" | "logger">;

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
    postgres: () => deps.db.$queryRaw`SELECT 1`,
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
        deps.logger.warn({ err: error, dependency: name }, "readiness probe failed");
        return [name, error instanceof Error ? error.message.split("\n")[0] ?? "failed" : "failed"] as const;
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  return { ok: entries.every(([, state]) => state === "ok"), checks };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

export function createHttpServer(deps: ProbeDeps, options: HttpServerOptions = {}): HttpServer {
  const { bot, webhookPath, secretToken, probeTimeoutMs = 2_000 } = options;
  if (bot && !webhookPath) throw new Error("createHttpServer: a bot needs a webhookPath");
  // "return": answer 200 after the timeout and let the update finish, rather than make the
  // platform deliver it again (which would run it twice).
  const handleWebhook = bot
    ? webhookCallback(bot, "http", { secretToken, onTimeout: "return", timeoutMilliseconds: 25_000 })
    : undefined;

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") return sendJson(res, 200, { ok: true });
    if (req.method === "GET" && path === "/readyz") {
      checkReadiness(deps, probeTimeoutMs).then(
        (result) => sendJson(res, result.ok ? 200 : 503, result),
        (error: unknown) => sendJson(res, 503, { ok: false, error: String(error) }),
      );
      return;
    }
    if (handleWebhook && path === webhookPath) {
      if (req.method !== "POST") return sendJson(res, 405, { ok: false });
      handleWebhook(req, res).catch((error: unknown) => {
        deps.logger.error({ err: error }, "webhook update failed");
        if (!res.headersSent) sendJson(res, 500, { ok: false });
        else res.end();
      });
      return;
    }
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
    close() {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
