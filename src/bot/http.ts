// The Bot API's HTTP client: grammY's `fetch` option, on undici's request API.
//
// grammY calls the Bot API through node-fetch over Node's http.Agent by default. That cost
// ~185 µs of CPU per call against ~80 µs for undici's request() on the same keep-alive
// connections (README, "Benchmarks"), and a bot makes about two calls an update (the answer to
// a button and the edited card, or a message): a tenth of the bot's CPU went to the HTTP client.
//
// grammY uses exactly this much of fetch: it POSTs a JSON string or a multipart stream (a file
// upload) with a content-type header and an AbortSignal (its timeout, or the caller's), and
// reads the answer with `.json()`. That is what this gives: an answer that is not JSON (a
// proxy's error page) rejects, as node-fetch's did, and grammY turns it into an HttpError.
// Unlike node-fetch it asks for no compression (the answers are small JSON, and inflating them
// cost more CPU than the bytes saved) and follows no redirect (the Bot API sends none; a 3xx
// is an HttpError). A network error's message no longer names the URL (node-fetch's did, with
// the token masked in logs): it names the reason, e.g. "connect ECONNREFUSED 10.0.0.5:443".
// Through BOT_API_PROXY the calls stay on node-fetch with the tunnelling agent (src/proxy.ts).
//
// Only the two parts used are loaded: undici's index loads everything it has (fetch,
// WebSocket, mocks, caches, interceptors), +20 MB of resident memory, against +11 MB for the
// Agent and request() (the package has no export map; the version is pinned in package.json,
// and test/unit/bot-http.test.ts drives both against real servers).
import Agent from "undici/lib/dispatcher/agent.js";
import request from "undici/lib/api/api-request.js";

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | NodeJS.ReadableStream | null;
  signal?: AbortSignal | null;
}

/** What grammY reads of an answer (its status is in the JSON: `ok`, `error_code`). */
interface FetchAnswer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/**
 * The keep-alive pool every Bot API client of the process shares (the bot's, the workers'
 * sender, the start-up check). Idle sockets are closed after KEEP_ALIVE_MS, or sooner if the
 * server says so, and never keep the process alive. A connection may take CONNECT_TIMEOUT_MS
 * to set up (undici's own default is 10 s): the deadlines that matter are grammY's per call and
 * the start-up check's, which grow to 30 s for a slow link (src/connectivity.ts).
 */
const KEEP_ALIVE_MS = 30_000;
const CONNECT_TIMEOUT_MS = 30_000;
let shared: InstanceType<typeof Agent> | undefined;

export function botApiFetch(): typeof fetch {
  const dispatcher = (shared ??= new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: 10 * 60_000, connect: { timeout: CONNECT_TIMEOUT_MS } }));
  const call = async (url: string | URL, init: FetchInit = {}): Promise<FetchAnswer> => {
    const target = new URL(url);
    // As undici's index does for dispatcher.request(): the function with the dispatcher as this.
    const answer = await request.call(dispatcher, {
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: (init.method ?? "GET") as "GET" | "POST",
      headers: init.headers,
      body: (init.body ?? null) as string | Buffer | null,
      signal: init.signal ?? undefined,
    });
    return {
      ok: answer.statusCode >= 200 && answer.statusCode < 300,
      status: answer.statusCode,
      json: () => answer.body.json(),
    };
  };
  return call as unknown as typeof fetch;
}
