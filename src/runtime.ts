import { existsSync } from "node:fs";
import path from "node:path";
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
 * Runs `stop` once on SIGINT/SIGTERM, then exits. A second signal, or a stop that hangs past
 * the grace period, exits at once: an orchestrator's SIGKILL would come anyway.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>, graceMs = 15_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error({ graceMs }, "shutdown took too long: exiting");
      process.exit(1);
    }, graceMs);
    force.unref();
    stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
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
