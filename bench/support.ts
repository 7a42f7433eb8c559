/**
 * What the process benchmarks (throughput, memory, start-up) share: a throwaway database and
 * Redis prefix, the two processes under test — Tashil as production runs it (`node
 * dist/main.js`, built by `npm run build`) and the bare-grammY baseline (bench/baseline-bot.mjs)
 * — and readings of a process from /proc (CPU time, resident memory). Not a test.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb } from "../src/db";
import { seedReferenceData } from "../src/seed/reference-data";
import { clearRedisPrefix } from "../test/support/redis-keys";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const TOKEN = "123456789:BENCH_token_for_tashil_benchmarks";

export const log = (line = ""): void => void process.stdout.write(`${line}\n`);
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, Node ${process.version}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface World {
  databaseUrl: string;
  prefix: string;
  /** Transactions committed in the world's database so far (pg_stat_database; 0 without one). */
  transactions(): Promise<number>;
  /** Drops the database and the Redis keys. */
  dispose(): Promise<void>;
}

/**
 * Committed transactions of one database. Every statement outside a transaction is one, so
 * this counts round trips of work. A backend reports its counts at the end of a transaction at
 * most once a second and otherwise when it has idled for ten, so the reading first waits that
 * long (the process's own periodic sweeps in that time count too: a few, against thousands).
 */
async function committed(name: string): Promise<number> {
  await sleep(Number(process.env.BENCH_STAT_WAIT_MS ?? 11_000));
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1", [name]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database with Kerman's reference data (and one secretariat member, so every
 * submitted case sends an alert through the outbox), and a fresh Redis prefix.
 */
export async function createWorld(options: { secretariatChat?: number; database?: boolean } = {}): Promise<World> {
  const { secretariatChat, database = true } = options;
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const name = `tashil_bench_${runId}`;
  const url = databaseUrl(name);
  const prefix = `tashil-bench-${runId}`;
  if (!database) {
    return { databaseUrl: "", prefix, transactions: async () => 0, dispose: () => clearRedisPrefix(prefix, REDIS_URL).catch(() => undefined) };
  }
  await admin(`CREATE DATABASE "${name}"`);
  // BENCH_LOG_STATEMENTS=1: every statement of this database in PostgreSQL's log (looking into a run).
  if (process.env.BENCH_LOG_STATEMENTS) await admin(`ALTER DATABASE "${name}" SET log_statement = 'all'`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
  const db = createDb(url);
  try {
    await seedReferenceData(db, ["KRM"]);
    if (secretariatChat !== undefined) {
      const group = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
      await db.user.create({
        data: { telegramId: String(secretariatChat), firstName: "Dabir", language: "en", memberships: { create: { role: "SECRETARIAT", workingGroupId: group.id } } },
      });
    }
  } finally {
    await db.$disconnect();
  }
  return {
    databaseUrl: url,
    prefix,
    transactions: () => committed(name),
    async dispose() {
      await clearRedisPrefix(prefix, REDIS_URL).catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) => log(`could not drop ${name}: ${String(error)}`));
    },
  };
}

export type Subject = "tashil" | "baseline";

export interface Started {
  child: ChildProcess;
  pid: number;
  /** ms from spawn to the ready line. */
  readyMs: number;
  /** Where the bot's HTTP server (/healthz, /readyz) listens, from its ready line. */
  httpPort?: number;
  spawnedAt: number;
  stop(): Promise<void>;
}

/**
 * The process as production runs it: `node dist/main.js` (Tashil) or the bare-grammY baseline.
 * BENCH_NODE_ARGS adds node options to Tashil's (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
export function command(subject: Subject, flags?: readonly string[]): string[] {
  if (subject === "baseline") return [path.join(ROOT, "bench/baseline-bot.mjs")];
  // BENCH_TASHIL_MAIN: another build's entry (relative to the root), to compare two builds in
  // one run, e.g. `node scripts/build.mjs --outdir=dist-before` on the earlier commit.
  const main = path.join(ROOT, process.env.BENCH_TASHIL_MAIN ?? "dist/main.js");
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (the bench:* scripts do)`);
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // BENCH_TASHIL_ARGS: the bot's own flags, e.g. `--no-workers` (the bot alone, as compose runs
  // it), unless the benchmark gives them (bench/memory.ts measures both layouts).
  const own = flags ?? (process.env.BENCH_TASHIL_ARGS ?? "").split(" ").filter(Boolean);
  return [...extra, main, ...own];
}

export function environment(subject: Subject, apiRoot: string, world: World, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", BOT_TOKEN: TOKEN, BOT_API_ROOT: apiRoot, REDIS_URL, REDIS_PREFIX: world.prefix };
  if (subject === "baseline") return { ...base, ...extra };
  // BENCH_TASHIL_ENV="NAME=value …": settings of the bot's own for a run (e.g. RATE_LIMIT_UPDATES=0).
  const tuned = Object.fromEntries((process.env.BENCH_TASHIL_ENV ?? "").split(" ").filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  return {
    ...base,
    ENV_FILE: "",
    NODE_ENV: "production",
    DATABASE_URL: world.databaseUrl,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: "0",
    LOG_LEVEL: "info",
    ...tuned,
    ...extra,
  };
}

/** Spawns the subject and resolves once it printed its ready line (or rejects if it exits). */
export function start(subject: Subject, env: NodeJS.ProcessEnv, options: { flags?: readonly string[]; onOutput?: (line: string) => void } = {}): Promise<Started> {
  const { flags, onOutput } = options;
  const ready = subject === "baseline" ? "baseline ready" : "Tashil bot ready";
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, command(subject, flags), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  // BENCH_CHILD_LOG=<file>: everything the subject prints, for looking into a run.
  const childLog = process.env.BENCH_CHILD_LOG;
  if (childLog) {
    child.stdout.on("data", (chunk: string) => appendFileSync(childLog, chunk));
    child.stderr.on("data", (chunk: string) => appendFileSync(childLog, chunk));
  }
  return new Promise((resolve, reject) => {
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        onOutput?.(line);
        if (line.includes(`"msg":"${ready}"`)) {
          resolve({
            child,
            pid: child.pid as number,
            readyMs: performance.now() - spawnedAt,
            spawnedAt,
            ...(subject === "tashil" && { httpPort: (JSON.parse(line) as { httpPort?: number }).httpPort }),
            stop: () => stopChild(child),
          });
        }
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.once("exit", (code, signal) => reject(new Error(`${subject} exited (${signal ?? code}) before it was ready:\n${output.slice(-3000)}`)));
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** User + system CPU time of a process, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) → indices 11, 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...(children.get(current) ?? []));
  }
  return kb / 1024;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
