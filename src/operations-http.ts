import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Deps } from "./deps";

/**
 * What operators reach over HTTP besides health: /metrics for Prometheus and the queue
 * dashboard (bull-board) for people. Both are closed unless configured (src/config.ts):
 *
 * - /metrics on the main HTTP server answers 404 unless METRICS_TOKEN is set, and then only
 *   with `Authorization: Bearer <token>`. METRICS_PORT serves it on a listener of its own
 *   (METRICS_HOST, 127.0.0.1 by default), with the token when one is set and open otherwise;
 *   an open one is announced in the log at start-up.
 * - The dashboard (QUEUE_DASHBOARD=on) lives under QUEUE_DASHBOARD_PATH, behind
 *   QUEUE_DASHBOARD_TOKEN (HTTP basic auth with the token as the password, for a browser, or a
 *   bearer token), read-only unless QUEUE_DASHBOARD_WRITE=true.
 */

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

type OperationsDeps = Pick<Deps, "config" | "metrics" | "queues" | "logger">;

export interface OperationsHttp {
  /** Answers the request if it is ours; false lets the caller route it. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean;
  /** Starts the METRICS_PORT listener when one is configured; resolves with its address. */
  listen(): Promise<AddressInfo | undefined>;
  close(): Promise<void>;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares in constant time (of the digests), so the answer's timing says nothing of the secret. */
function sameSecret(given: string | undefined, secret: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}

/** The credential of a request: a bearer token, or the password of basic auth. */
export function presentedSecret(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme ?? "")) return value.trim();
  if (/^basic$/i.test(scheme ?? "")) {
    const decoded = Buffer.from(value.trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

function answer(res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

async function serveMetrics(deps: OperationsDeps, req: http.IncomingMessage, res: http.ServerResponse, token: string | undefined): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return answer(res, 405, "method not allowed\n");
  if (token !== undefined && !sameSecret(presentedSecret(req.headers.authorization), token)) {
    return answer(res, 401, "unauthorized\n", { "www-authenticate": 'Bearer realm="metrics"' });
  }
  try {
    const text = await deps.metrics.registry.metrics();
    answer(res, 200, text, { "content-type": deps.metrics.registry.contentType });
  } catch (error) {
    deps.logger.warn({ err: error }, "could not render the metrics");
    answer(res, 500, "metrics unavailable\n");
  }
}

type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Loaded only when the dashboard is on: bull-board, Express and its templates take half a
 * second to import, which a bot that does not serve them should not pay at every start.
 */
async function createDashboard(deps: OperationsDeps): Promise<RequestHandler> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import("@bull-board/api"),
    import("@bull-board/api/bullMQAdapter"),
    import("@bull-board/express"),
  ]);
  const readOnlyMode = !deps.config.QUEUE_DASHBOARD_WRITE;
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(deps.queues.deliveries, { readOnlyMode }), new BullMQAdapter(deps.queues.timers, { readOnlyMode })],
    // @bull-board/express pins its own copy of @bull-board/api: the same shapes, other declarations.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]["serverAdapter"],
    options: { uiConfig: { boardTitle: "Tashil queues" } },
  });
  // The adapter's router is an Express app of its own, routing below the base path.
  const app = serverAdapter.getRouter() as (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void;
  return (req, res) => {
    const url = req.url ?? "/";
    const rest = url.slice(QUEUE_DASHBOARD_PATH.length);
    // Mounted like Express's app.use(path, …): the app sees the URL below the base path.
    req.url = rest.startsWith("/") ? rest : `/${rest}`;
    app(req, res, (error) => {
      if (error) deps.logger.warn({ err: error }, "queue dashboard request failed");
      if (!res.headersSent) answer(res, error ? 500 : 404, error ? "error\n" : "not found\n");
    });
  };
}

export function createOperationsHttp(deps: OperationsDeps): OperationsHttp {
  const { config } = deps;
  const dashboardToken = config.QUEUE_DASHBOARD === "on" ? config.QUEUE_DASHBOARD_TOKEN : undefined;
  const dashboard = dashboardToken ? createDashboard(deps) : undefined;
  // A failure to load is answered per request (500) and logged once.
  dashboard?.catch((error: unknown) => deps.logger.error({ err: error }, "could not load the queue dashboard"));
  let separate: http.Server | undefined;

  return {
    handle(req, res, path) {
      if (path === "/metrics") {
        // Off on the main server without a token: it may face the internet (the webhook).
        if (!config.METRICS_TOKEN) return false;
        void serveMetrics(deps, req, res, config.METRICS_TOKEN);
        return true;
      }
      if (dashboard && dashboardToken && (path === QUEUE_DASHBOARD_PATH || path.startsWith(`${QUEUE_DASHBOARD_PATH}/`))) {
        if (!sameSecret(presentedSecret(req.headers.authorization), dashboardToken)) {
          answer(res, 401, "unauthorized\n", { "www-authenticate": 'Basic realm="Tashil queues", charset="UTF-8"' });
        } else {
          dashboard.then(
            (serve) => serve(req, res),
            () => answer(res, 500, "queue dashboard unavailable\n"),
          );
        }
        return true;
      }
      return false;
    },
    async listen() {
      if (config.METRICS_PORT === undefined) return undefined;
      const server = http.createServer((req, res) => {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        if (path !== "/metrics") return answer(res, 404, "not found\n");
        void serveMetrics(deps, req, res, config.METRICS_TOKEN);
      });
      separate = server;
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.METRICS_PORT, config.METRICS_HOST, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
      if (!config.METRICS_TOKEN) {
        deps.logger.warn({ host: config.METRICS_HOST, port: address.port }, "metrics are served WITHOUT a token on their own listener (set METRICS_TOKEN to require one)");
      }
      return address;
    },
    close() {
      return new Promise((resolve) => {
        if (!separate?.listening) return resolve();
        separate.close(() => resolve());
        separate.closeIdleConnections();
      });
    },
  };
}
