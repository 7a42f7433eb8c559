/**
 * Statistics benchmark: every /queue and /stats query at 50,000 cases and 100,000 events
 * (bench/statistics-data.ts), timed through the app's own Prisma client, and each SQL statement
 * checked with EXPLAIN ANALYZE.
 *
 *   npm run bench:statistics
 *
 * It builds a throwaway database (CREATE DATABASE, `prisma migrate deploy`, reference data, the
 * synthetic rows, VACUUM ANALYZE) and drops it at the end. Options (environment):
 *   BENCH_RUNS (20 timed runs per operation, after 3 warm-ups),
 *   BENCH_PLANS=1 (print every statement's plan), BENCH_KEEP=1 (keep the database),
 *   TEST_POSTGRES_URL (postgresql://postgres@127.0.0.1:5432/postgres).
 * Exit code: 0 when /stats for a year is within the goal (median ≤ 100 ms), 2 when slower.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseConfig } from "../src/config";
import { CONNECTION_OPTIONS, createDatabase, type Db } from "../src/db";
import { PrismaClient } from "../src/generated/prisma/client";
import { loadPolicies } from "../src/policies";
import { seedReferenceData } from "../src/seed/reference-data";
import { prismaSql, type SqlDb } from "../src/sql";
import { listQueue, openCaseCard, queueAgencies, queueHeading, queueWorkingGroups } from "../src/services/queue";
import { readGroupStatistics, statisticsWorkingGroups } from "../src/services/statistics";
import type { SessionUser } from "../src/services/users";
import { CASES, EVENTS, seedSyntheticData, type BenchWorld } from "./statistics-data";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM_UPS = 3;
const GOAL_MS = 100;
// Sunday 15 Azar 1405, 10:30 in Tehran.
const NOW = new Date("2026-12-06T07:00:00Z");

const log = (line: string) => process.stdout.write(`${line}\n`);

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A plain pg client, with the settings of the app's connections (src/db.ts). */
async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, options: CONNECTION_OPTIONS });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type Deps = { db: Db; sql: SqlDb; now: () => Date; policies: ReturnType<typeof loadPolicies> };
interface Operation {
  screen: "/queue" | "/stats";
  name: string;
  run(deps: Deps): Promise<unknown>;
}

function operations(world: BenchWorld, user: SessionUser): Operation[] {
  const wg = world.workingGroupId;
  const view = { workingGroupId: wg, page: 0 };
  return [
    { screen: "/queue", name: "working groups (picker)", run: (d) => queueWorkingGroups(d, user) },
    { screen: "/queue", name: "page 1, no filter", run: (d) => listQueue(d, user, view) },
    { screen: "/queue", name: "page 1, status needs_info", run: (d) => listQueue(d, user, { ...view, status: "needs_info" }) },
    { screen: "/queue", name: "page 1, category bank", run: (d) => listQueue(d, user, { ...view, category: "bank" }) },
    { screen: "/queue", name: "page 1, agency filter", run: (d) => listQueue(d, user, { ...view, agencyId: world.agencyId }) },
    { screen: "/queue", name: "last page, no filter", run: (d) => listQueue(d, user, { ...view, page: 100_000 }) },
    { screen: "/queue", name: "heading", run: (d) => queueHeading(d, user, view) },
    { screen: "/queue", name: "agency filter's list", run: (d) => queueAgencies(d, user, wg) },
    { screen: "/queue", name: "case card", run: (d) => openCaseCard(d, user, world.caseId) },
    { screen: "/stats", name: "working groups (picker)", run: (d) => statisticsWorkingGroups(d, user) },
    { screen: "/stats", name: "this month", run: (d) => readGroupStatistics(d, user, wg, "month") },
    { screen: "/stats", name: "this season", run: (d) => readGroupStatistics(d, user, wg, "season") },
    { screen: "/stats", name: "this year", run: (d) => readGroupStatistics(d, user, wg, "year") },
  ];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function time(deps: Deps, op: Operation): Promise<{ median: number; max: number }> {
  for (let i = 0; i < WARM_UPS; i++) await op.run(deps);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await op.run(deps);
    runs.push(performance.now() - start);
  }
  return { median: median(runs), max: Math.max(...runs) };
}

interface Statement {
  query: string;
  params: unknown[];
}

/** The SQL statements an operation sends, as Prisma logs them. */
async function capture(url: string, deps: Omit<Deps, "db" | "sql">, op: Operation): Promise<Statement[]> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
  const statements: Statement[] = [];
  db.$on("query", (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    // The raw SQL port through this client too, so its statements are logged with the rest.
    await op.run({ ...deps, db: db as unknown as Db, sql: prismaSql(db) });
  } finally {
    await db.$disconnect();
  }
  return statements;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: string[] = []): string[] {
  const type = node["Node Type"];
  if (/Scan/.test(type) && (node["Relation Name"] || node["Index Name"])) {
    const loops = (node["Actual Loops"] ?? 1) > 1 ? ` ×${node["Actual Loops"]}` : "";
    out.push(`${type} ${node["Index Name"] ?? node["Relation Name"]} (${node["Actual Rows"]} rows${loops})`);
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

interface Explained {
  executionMs: number;
  planningMs: number;
  jitMs: number | null;
  scans: string[];
  text: string;
}

async function explain(client: pg.Client, statement: Statement, jit: "on" | "off"): Promise<Explained> {
  await client.query(`SET jit = ${jit}`);
  const json = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number; "Planning Time": number; JIT?: { Timing: { Total: number } } }> }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.query}`,
    statement.params,
  );
  const [result] = json.rows[0]?.["QUERY PLAN"] ?? [];
  if (!result) throw new Error("no plan");
  const text = process.env.BENCH_PLANS
    ? (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, statement.params)).rows.map((r) => r["QUERY PLAN"]).join("\n")
    : "";
  return { executionMs: result["Execution Time"], planningMs: result["Planning Time"], jitMs: result.JIT?.Timing.Total ?? null, scans: scans(result.Plan), text };
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const dbName = `tashil_bench_stats_${runId}`;
  const url = databaseUrl(dbName);
  let db: Db | undefined;
  let sql: SqlDb | undefined;
  let exitCode = 0;
  try {
    log(`Statistics benchmark: ${CASES.toLocaleString("en")} cases, ${EVENTS.toLocaleString("en")} events; ${RUNS} timed runs per operation`);
    await withClient(ADMIN_URL, (client) => client.query(`CREATE DATABASE "${dbName}"`));
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
    const config = parseConfig({ NODE_ENV: "production", BOT_TOKEN: "123456789:BENCH_token_for_tashil_benchmarks", DATABASE_URL: url, LOG_LEVEL: "warn" });
    ({ db, sql } = createDatabase(url));
    await seedReferenceData(db);
    const seedStart = performance.now();
    const world = await withClient(url, async (client) => {
      const seeded = await seedSyntheticData(client, NOW);
      await client.query("VACUUM ANALYZE");
      return seeded;
    });
    log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${Object.entries(world.counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}`);
    const server = await withClient(url, async (client) => (await client.query<{ v: string }>("SELECT version() AS v")).rows[0]?.v ?? "");
    log(`PostgreSQL: ${server.split(" on ")[0]}`);
    const appJit = (await db.$queryRaw<Array<{ jit: string }>>`SHOW jit`)[0]?.jit;
    const appPageCost = (await db.$queryRaw<Array<{ random_page_cost: string }>>`SHOW random_page_cost`)[0]?.random_page_cost;
    log(`the app's connections: jit ${appJit}, random_page_cost ${appPageCost}`);

    const user: SessionUser = {
      id: world.secretariat.id,
      telegramId: world.secretariat.telegramId,
      firstName: "Dabir",
      language: "fa",
      phone: null,
      memberships: [{ id: world.secretariat.membershipId, role: "SECRETARIAT", workingGroupId: world.workingGroupId, agencyId: null, isAgencyHead: false }],
    };
    const base = { now: () => NOW, policies: loadPolicies(config) };
    const deps: Deps = { ...base, db, sql };
    const ops = operations(world, user);

    log("\nWall time through the app's Prisma client (median / max):");
    const results = new Map<Operation, { median: number; max: number }>();
    for (const op of ops) {
      const result = await time(deps, op);
      results.set(op, result);
      log(`  ${op.screen.padEnd(7)} ${op.name.padEnd(28)} ${fmt(result.median).padStart(10)} / ${fmt(result.max)}`);
    }

    log("\nEvery SQL statement, EXPLAIN ANALYZE (execution time, jit off | on; scans):");
    await withClient(url, async (client) => {
      for (const op of ops) {
        const statements = await capture(url, base, op);
        log(`  ${op.screen} ${op.name}: ${statements.length} statement(s)`);
        for (const statement of statements) {
          const off = await explain(client, statement, "off");
          const on = await explain(client, statement, "on");
          const jit = on.jitMs === null ? "no JIT" : `JIT ${fmt(on.jitMs)}`;
          log(`    ${fmt(off.executionMs).padStart(9)} | ${fmt(on.executionMs).padStart(9)} (${jit})  ${statement.query.replace(/"public"\./g, "").slice(0, 90)}`);
          log(`        ${off.scans.join("; ")}`);
          if (off.text) log(off.text.split("\n").map((line) => `        ${line}`).join("\n"));
        }
      }
    });

    const year = ops.find((op) => op.screen === "/stats" && op.name === "this year");
    const yearMedian = year ? (results.get(year)?.median ?? Infinity) : Infinity;
    log(`\n/stats for the year: median ${fmt(yearMedian)} (goal ≤ ${GOAL_MS} ms) — ${yearMedian <= GOAL_MS ? "within the goal" : "SLOWER than the goal"}`);
    if (yearMedian > GOAL_MS) exitCode = 2;
  } finally {
    await db?.$disconnect();
    await sql?.end();
    if (!process.env.BENCH_KEEP) await withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    else log(`kept database ${dbName}`);
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
