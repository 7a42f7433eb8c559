import type { Logger } from "./logger";

/**
 * Connection errors, logged as an outage rather than as a flood. While Redis (or PostgreSQL, or
 * the Bot API) is unreachable every client and worker reports every failed reconnect, every
 * loop every failed run: hundreds of lines that say one thing. Through here they say it as:
 *
 *   "Redis unreachable, retrying"                        the first error (with it, redacted)
 *   "Redis still unreachable, N errors suppressed"       at most once a minute meanwhile
 *   "Redis reachable again"                              once it answers (with the count)
 *
 * One tracker per dependency per process, shared by all its clients (src/container.ts), so an
 * outage is one story however many connections see it. Errors that are not about reaching the
 * dependency are logged as they come, one line each.
 */

export interface OutageTracker {
  /** Reports an error; a connection error during an outage is counted rather than logged. */
  error(error: unknown, fields?: Record<string, unknown>, message?: string): void;
  /** The dependency answered: closes an outage with one line (a no-op otherwise). */
  up(): void;
  readonly down: boolean;
  /**
   * The container's close: stops the summary timer, and from then on the connection errors of
   * closing (a client told to quit, a pool ended) are not an outage and are not logged.
   */
  stop(): void;
}

/** Node's socket errors, Prisma's "cannot reach", PostgreSQL's "shutting down / terminated". */
const CONNECTION_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|ECONNABORTED|P1001|P1002|P1008|P1017|57P01|57P02|57P03|08\d{3}|53300)$/;
const CONNECTION_NAMES = /^(MaxRetriesPerRequestError|PrismaClientInitializationError|DriverAdapterError)$/;
const CONNECTION_MESSAGES =
  /(did not answer within|Connection is closed|connect ECONNREFUSED|ECONNREFUSED|ECONNRESET|Stream isn't writeable|enableOfflineQueue|Can't reach database|Connection terminated|Reached the max retries per request|socket hang up|Client network socket disconnected|getaddrinfo)/i;

/** Whether an error (or one of its causes) means the other side cannot be reached. */
export function isConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, name, message, errors } = current as { code?: unknown; name?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === "string" && CONNECTION_CODES.test(code)) return true;
    if (typeof name === "string" && CONNECTION_NAMES.test(name)) return true;
    if (typeof message === "string" && CONNECTION_MESSAGES.test(message)) return true;
    // AggregateError (a dual-stack connect that failed on both addresses).
    if (Array.isArray(errors) && errors.some((inner) => isConnectionError(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export interface OutageTrackerOptions {
  /** How often the summary line is written while the outage lasts. */
  summaryEveryMs?: number;
  now?: () => number;
}

export function createOutageTracker(logger: Logger, dependency: string, options: OutageTrackerOptions = {}): OutageTracker {
  const summaryEveryMs = options.summaryEveryMs ?? 60_000;
  const now = options.now ?? Date.now;
  const log = logger.child({ dependency });
  let since: number | undefined;
  let suppressed = 0;
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const summarize = () => {
    if (since === undefined || suppressed === 0) return;
    log.warn({ suppressed, downForMs: now() - since }, `${dependency} still unreachable, ${suppressed} errors suppressed`);
    suppressed = 0;
  };

  return {
    get down() {
      return since !== undefined;
    },
    error(error, fields = {}, message) {
      if (stopped && isConnectionError(error)) return;
      if (!isConnectionError(error)) {
        log.error({ err: error, ...fields }, message ?? `${dependency} error`);
        return;
      }
      total += 1;
      if (since !== undefined) {
        suppressed += 1;
        return;
      }
      since = now();
      log.warn({ err: error, ...fields }, `${dependency} unreachable, retrying`);
      timer = setInterval(summarize, summaryEveryMs);
      timer.unref();
    },
    up() {
      if (since === undefined) return;
      clearInterval(timer);
      timer = undefined;
      log.info({ downForMs: now() - since, errors: total }, `${dependency} reachable again`);
      since = undefined;
      suppressed = 0;
      total = 0;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/** Which dependency a connection error is about: Prisma's and pg's errors are PostgreSQL's. */
export function dependencyOf(error: unknown): "postgres" | "redis" {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof name === "string" && /^(Prisma|DriverAdapterError)/.test(name)) return "postgres";
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return "postgres";
    // A SQLSTATE (pg's errors on the raw SQL port, src/sql.ts): two digits, then three of 0-9A-Z.
    if (typeof code === "string" && /^\d{2}[0-9A-Z]{3}$/.test(code)) return "postgres";
    if (typeof message === "string" && /(Can't reach database|Connection terminated|:5432\b)/.test(message)) return "postgres";
    current = (current as { cause?: unknown }).cause;
  }
  return "redis";
}

/**
 * Logs `error` as usual, unless it is a connection error and a tracker is at hand: then the
 * outage's tracker counts it (one line per outage instead of one per update).
 */
export function logUnlessOutage(
  trackers: Partial<Record<"redis" | "postgres", OutageTracker>> | undefined,
  log: () => void,
  error: unknown,
  fields: Record<string, unknown>,
  message: string,
): void {
  const tracker = trackers && isConnectionError(error) ? trackers[dependencyOf(error)] : undefined;
  if (tracker) tracker.error(error, fields, message);
  else log();
}
