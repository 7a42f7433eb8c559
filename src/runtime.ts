import { existsSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { ConfigError, parseConfig, type Config } from "./config";
import type { Logger } from "./logger";

/** What main.ts and worker.ts share: environment, configuration and an orderly exit. */

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Reads `.env` (or ENV_FILE; empty = none) into process.env. Variables already set win, so
 * Docker and CI environments are never overridden by a stray file.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const file = env.ENV_FILE ?? ".env";
  if (file && existsSync(file)) process.loadEnvFile(file);
}

/**
 * Runs `build` (parsing the configuration, loading the JSON policies…); a ConfigError exits 1
 * with its one line naming the bad variables, and no stack trace.
 */
export function orExitOnConfigError<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export function configOrExit(): Config {
  return orExitOnConfigError(() => parseConfig(process.env));
}

/**
 * The old generation's growth between full collections (HEAP_GROWING_PERCENT), unless the
 * process was started with its own `--heap-growing-percent`. V8 by default lets the old
 * generation grow to up to 4× what survived the last full collection before collecting again;
 * under 200 producers at once the bot's heap then filled with garbage promoted out of the young
 * generation (updates waiting in line outlive two scavenges), its peak resident memory ~240 MB
 * for ~45 MB live. At 20 % the peak is ~160 MB, the extra collections' CPU within the runs'
 * noise (README, "Benchmarks"); a heap cap (--max-old-space-size) would have done it too, but turns a large
 * report export into a crash instead of a slower collection. V8 reads the flag whenever it sets
 * the next limit, so setting it once at start is enough.
 */
export function tuneHeap(config: Pick<Config, "HEAP_GROWING_PERCENT">, execArgv: readonly string[] = process.execArgv): void {
  if (config.HEAP_GROWING_PERCENT === 0) return;
  if (execArgv.some((arg) => arg.startsWith("--heap-growing-percent") || arg.startsWith("--heap_growing_percent"))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${config.HEAP_GROWING_PERCENT}`);
}

/** What an orderly stop may take beyond SHUTDOWN_GRACE_MS: closing the connections. */
export const CLOSE_MARGIN_MS = 5_000;

/**
 * Runs `stop` once on SIGINT/SIGTERM, then flushes the log and exits 0. `stop` gets its
 * deadline (now + graceMs, SHUTDOWN_GRACE_MS) for the work in progress; a stop that hangs past
 * the deadline plus CLOSE_MARGIN_MS, or a second signal, exits 1 at once (an orchestrator's
 * SIGKILL would come anyway: compose's stop_grace_period is longer than both).
 */
export function onShutdown(logger: Logger, stop: (deadline: number) => Promise<void>, graceMs = 10_000): void {
  let stopping = false;
  const exit = (code: number) => {
    // pino writes stdout synchronously; flush() is for a buffered destination.
    const done = () => process.exit(code);
    try {
      logger.flush(() => done());
    } catch {
      done();
    }
    // Not unref'd: should flush never call back, this still exits with the right code.
    setTimeout(done, 1_000);
  };
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal, graceMs }, "shutting down");
    const force = setTimeout(() => {
      logger.error({ graceMs, marginMs: CLOSE_MARGIN_MS }, "shutdown took too long: exiting");
      exit(1);
    }, graceMs + CLOSE_MARGIN_MS);
    force.unref();
    stop(Date.now() + graceMs).then(
      () => {
        logger.info("stopped");
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

/** Resolves with `work`, or with undefined at `deadline` (ms since the epoch) if it is still running. */
export async function untilDeadline<T>(work: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Logs a fatal error as one line (start-up failed, long polling died…) and exits 1. */
export function exitOnFatalError(logger: Logger | undefined, error: unknown, message = "failed to start"): never {
  if (logger) logger.fatal({ err: error }, message);
  else process.stderr.write(`${message}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/** The command-line flags, refusing unknown ones (a typo must not silently change the mode). */
export function parseFlags<const F extends string>(argv: readonly string[], known: readonly F[]): Set<F> {
  const unknown = argv.filter((arg) => !(known as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown option ${unknown.join(" ")} (known: ${known.join(" ") || "none"})\n`);
    process.exit(2);
  }
  return new Set(argv as F[]);
}
