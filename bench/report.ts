/**
 * Quarterly report benchmark (issue 12): the year report (PeriodReport for Jalali 1405 and the
 * year before, the scorecards, the twelve months) at 50,000 cases and 100,000 timeline events
 * (bench/statistics-data.ts, the /stats benchmark's synthetic data, with subcategories and the
 * banks' loan decisions added), through the app's own Prisma client; then every SQL statement it
 * sends, with its database time (EXPLAIN ANALYZE) and the total.
 *
 *   npm run bench:report
 *
 * A throwaway database (CREATE DATABASE, `prisma migrate deploy`, reference data, the rows,
 * VACUUM ANALYZE), dropped at the end. Options: BENCH_RUNS (10), BENCH_EXPLAINS (5 EXPLAINs per
 * statement, their median counted), BENCH_PLANS=1 (print the plans),
 * BENCH_KEEP=1, TEST_POSTGRES_URL. Exit code 0 when the database time is within the goal
 * (≤ 200 ms in total), 2 when slower.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseConfig } from "../src/config";
import { CONNECTION_OPTIONS, createDatabase, type Db } from "../src/db";
import { yearPeriod } from "../src/domain/report-period";
import { PrismaClient } from "../src/generated/prisma/client";
import { createI18n, translatorFor } from "../src/i18n";
import { loadPolicies } from "../src/policies";
import { seedReferenceData } from "../src/seed/reference-data";
import { buildPeriodReport, type ReportDeps } from "../src/services/report";
import { prismaSql, type SqlDb } from "../src/sql";
import { CASES, EVENTS, seedSyntheticData } from "./statistics-data";
import { ADMIN_URL, log, median, ROOT } from "./support";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const GOAL_MS = 200;
const EXPLAINS = Number(process.env.BENCH_EXPLAINS ?? 5);
// Sunday 15 Azar 1405, 10:30 in Tehran (the /stats benchmark's moment).
const NOW = new Date("2026-12-06T07:00:00Z");
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

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

/** What the synthetic data lacks for the report: subcategories, and the banks' loan decisions. */
async function addReportData(client: pg.Client): Promise<{ loans: number }> {
  await client.query(`
    UPDATE "Case" SET subcategory = (ARRAY['overdue_loan', 'rescheduling', 'guarantee', 'loan_refused', 'working_capital'])[1 + id % 5]
    WHERE category = 'bank'`);
  await client.query(`
    UPDATE "Case" SET subcategory = (ARRAY['insurance_debt', 'penalty_forgiveness'])[1 + id % 2]
    WHERE category = 'social_security'`);
  // Of the banks' tasks reported done, two in three approved with an amount, the rest refused with reasons.
  const result = await client.query(`
    UPDATE "Task" t SET
      "loanDecision" = (CASE WHEN t.id % 3 = 0 THEN 'refused' ELSE 'approved' END)::"LoanDecision",
      "loanAmountRials" = CASE WHEN t.id % 3 = 0 THEN NULL ELSE (1 + t.id % 50) * 1000000000::bigint END,
      "loanRefusalReasons" = CASE WHEN t.id % 3 = 0 THEN 'وثیقه کافی ارائه نشده است' END
    FROM "Agency" a
    WHERE a.id = t."agencyId" AND a.kind = 'BANK' AND t.status IN ('done', 'done_pending_review')`);
  return { loans: result.rowCount ?? 0 };
}

interface Statement {
  query: string;
  params: unknown[];
}

async function capture(url: string, deps: Omit<ReportDeps, "db" | "sql">, run: (deps: ReportDeps) => Promise<unknown>): Promise<Statement[]> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
  const statements: Statement[] = [];
  db.$on("query", (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    // The raw SQL port through this client too, so its statements are logged with the rest.
    await run({ ...deps, db: db as unknown as Db, sql: prismaSql(db) });
  } finally {
    await db.$disconnect();
  }
  return statements;
}

async function explain(client: pg.Client, statement: Statement, withText: boolean): Promise<{ executionMs: number; planningMs: number; text: string }> {
  const json = await client.query<{ "QUERY PLAN": Array<{ "Execution Time": number; "Planning Time": number }> }>(
    `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.query}`,
    statement.params,
  );
  const [result] = json.rows[0]?.["QUERY PLAN"] ?? [];
  if (!result) throw new Error("no plan");
  const text =
    process.env.BENCH_PLANS && withText
      ? (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, statement.params)).rows.map((r) => r["QUERY PLAN"]).join("\n")
      : "";
  return { executionMs: result["Execution Time"], planningMs: result["Planning Time"], text };
}


async function main(): Promise<void> {
  const dbName = `tashil_bench_report_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const url = databaseUrl(dbName);
  let db: Db | undefined;
  let sql: SqlDb | undefined;
  let exitCode = 0;
  try {
    log(`Quarterly report benchmark: the year report at ${CASES.toLocaleString("en")} cases, ${EVENTS.toLocaleString("en")} events; ${RUNS} timed runs`);
    await withClient(ADMIN_URL, (client) => client.query(`CREATE DATABASE "${dbName}"`));
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
    const config = parseConfig({ NODE_ENV: "production", BOT_TOKEN: "123456789:BENCH_token_for_tashil_benchmarks", DATABASE_URL: url, LOG_LEVEL: "warn" });
    ({ db, sql } = createDatabase(url));
    await seedReferenceData(db);
    const world = await withClient(url, async (client) => {
      const seeded = await seedSyntheticData(client, NOW);
      const extra = await addReportData(client);
      await client.query("VACUUM ANALYZE");
      return { ...seeded, loans: extra.loans };
    });
    log(`seeded: ${Object.entries(world.counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}, ${world.loans.toLocaleString("en")} loan decisions`);
    const t = translatorFor(createI18n("fa"));
    const base = { now: () => NOW, policies: loadPolicies(config), t };
    const deps: ReportDeps = { ...base, db, sql };
    const period = yearPeriod(1405);
    const run = (d: ReportDeps) => buildPeriodReport(d, world.workingGroupId, period);

    for (let i = 0; i < 3; i++) await run(deps);
    const walls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run(deps);
      walls.push(performance.now() - start);
    }
    const report = await run(deps);
    log(`year 1405 against 1404: ${report?.casesReported.current} cases reported, ${report?.unitsHeard.current} units heard, ${report?.agencies.length} agencies, ${report?.banks.length} banks`);
    log(`wall time through the app's Prisma client (the statements run side by side): median ${fmt(median(walls))}, max ${fmt(Math.max(...walls))}`);

    log(`\nEvery SQL statement, database time (EXPLAIN ANALYZE execution + planning, median of ${EXPLAINS}):`);
    let total = 0;
    // withClient's connection has the app's settings (src/db.ts: JIT off, random_page_cost).
    await withClient(url, async (client) => {
      for (const statement of await capture(url, base, run)) {
        // One EXPLAIN a statement moved the total ±30 % between runs: the median of a few.
        const plans = [];
        for (let i = 0; i < EXPLAINS; i++) plans.push(await explain(client, statement, i === 0));
        const ms = median(plans.map((plan) => plan.executionMs + plan.planningMs));
        const plan = plans[0] as (typeof plans)[number];
        total += ms;
        log(`  ${fmt(ms).padStart(9)}  ${statement.query.replace(/"public"\./g, "").replace(/\s+/g, " ").slice(0, 110)}`);
        if (plan.text) log(plan.text.split("\n").map((line) => `        ${line}`).join("\n"));
      }
    });
    log(`\nTotal database time of the year report: ${fmt(total)} (goal ≤ ${GOAL_MS} ms) — ${total <= GOAL_MS ? "within the goal" : "SLOWER than the goal"}`);
    if (total > GOAL_MS) exitCode = 2;
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
