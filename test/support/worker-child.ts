/**
 * Runs test/support/worker-process.ts (the real workers) as a child process with a test env's
 * configuration, for tests that kill workers mid-job. Each child is remembered until
 * killWorkerChildren(), which test files call after each test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, vi } from "vitest";
import type { Config } from "../../src/config";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WorkerChild {
  process: ChildProcess;
  exited: Promise<number | null>;
  /** Waits until the child printed this line (READY, FROZEN…); fails early if it exits. */
  waitForLine(line: string, timeout?: number): Promise<void>;
  /** What the child printed, for failure messages. */
  output(): string;
}

const children = new Set<ChildProcess>();

/** Starts the workers in a child process; `extraEnv` adds test knobs (see worker-process.ts). */
export function spawnWorker(config: Config, extraEnv: Record<string, string> = {}): WorkerChild {
  const lines: string[] = [];
  let stderr = "";
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/support/worker-process.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ENV_FILE: "",
      NODE_ENV: "test",
      BOT_TOKEN: config.BOT_TOKEN,
      BOT_API_ROOT: config.BOT_API_ROOT,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      SEND_RATE_PER_SECOND: String(config.SEND_RATE_PER_SECOND),
      SENDER_CONCURRENCY: String(config.SENDER_CONCURRENCY),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts.map((line) => line.trim()));
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    process: child,
    exited,
    output: () => `stdout:\n${lines.join("\n")}\nstderr:\n${stderr.slice(-4000)}`,
    async waitForLine(line, timeout = 30_000) {
      await vi.waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`worker process exited (${child.exitCode}) before printing ${line}\n${stderr.slice(-4000)}`);
          expect(lines).toContain(line);
        },
        { timeout, interval: 25 },
      );
    },
  };
}

/** BullMQ timing for kill tests: a killed worker's jobs come back in seconds, not a minute. */
export const FAST_RECOVERY = { WORKER_LOCK_MS: "1500", WORKER_STALLED_MS: "500", WORKER_RELAY_MS: "200" };

/**
 * A worker (FAST_RECOVERY timing) whose Bot API calls hang after `calls`, as in a process
 * killed while its jobs are active; resolves once it is frozen, ready to be killed.
 */
export async function spawnFrozenWorker(config: Config, calls: number): Promise<WorkerChild> {
  const worker = spawnWorker(config, { ...FAST_RECOVERY, WORKER_FREEZE_AFTER_CALLS: String(calls) });
  try {
    await worker.waitForLine("FROZEN");
  } catch (error) {
    throw new Error(`${String(error)}\n${worker.output()}`);
  }
  return worker;
}

/** SIGKILLs every child started since the last call. */
export function killWorkerChildren(): void {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
}
