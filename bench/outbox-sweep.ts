/**
 * What looking for lost delivery jobs costs at BENCH_ROWS (50,000) outbox rows, and how long
 * putting them all back takes after Redis lost its data (src/jobs/outbox-relay.ts,
 * src/jobs/redis-loss.ts).
 *
 *   npm run bench:sweep
 *
 * Two tables of BENCH_ROWS rows: "steady" (everything SENT but 100 QUEUED rows, the usual
 * state) and "backlog" (60 % QUEUED: a broadcast going out). For each: the query plan and time
 * of one sweep page with and without the (status, id) index, a whole periodic-sweep call (query
 * + one pipelined EXISTS per page, jobs present), the relay's PENDING query, the sentinel
 * check, and a full recovery after the queue's keys were deleted (what FLUSHDB does to us; the
 * shared Redis is never flushed, only this run's prefix). Throwaway database and Redis prefix,
 * removed at the end. Environment: BENCH_ROWS, TEST_POSTGRES_URL, REDIS_URL.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parseConfig } from "../src/config";
import { createContainer, type Container } from "../src/container";
import { deliveryJobId, lostJobSweep, LOST_JOB_AFTER_MS, recoverLostDeliveries } from "../src/jobs/outbox-relay";
import { SENTINEL_KEY } from "../src/jobs/redis-loss";
import { clearRedisPrefix } from "../test/support/redis-keys";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const INDEX = "OutboxMessage_status_id_idx";
const log = (line: string) => process.stdout.write(`${line}\n`);

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/**
 * BENCH_ROWS rows, `queued` of them QUEUED (queued 5 minutes ago), the rest SENT a day ago.
 * "spread": the QUEUED rows scattered among the others (notices in flight); "newest": they
 * are the last block (a broadcast going out, after everything sent before it).
 */
async function fill(db: pg.Client, queued: number, layout: "spread" | "newest"): Promise<void> {
  await db.query(`TRUNCATE "OutboxMessage" RESTART IDENTITY CASCADE`);
  const isQueued =
    layout === "spread" ? `n % ${Math.max(1, Math.floor(ROWS / Math.max(1, queued)))} = 0` : `n > ${ROWS - queued}`;
  await db.query(
    `INSERT INTO "OutboxMessage" ("dedupeKey", kind, "chatId", priority, payload, status, attempts, "createdAt", "queuedAt", "finishedAt")
     SELECT 'bench:' || n, 'BROADCAST', (9100000000 + n)::text, 10, '{"method":"sendMessage","params":{"text":"x"}}'::jsonb,
            CASE WHEN ${isQueued} THEN 'QUEUED' ELSE 'SENT' END::"DeliveryStatus", 1,
            now() - interval '1 day', now() - interval '5 minutes',
            CASE WHEN ${isQueued} THEN NULL ELSE now() - interval '1 day' END
     FROM generate_series(1, $1) AS n`,
    [ROWS],
  );
  await db.query(`ANALYZE "OutboxMessage"`);
}

/** The SQL of one periodic sweep page after `afterId` (what requeueLostDeliveries asks Prisma for). */
const pageSql = (afterId: number) => `SELECT id, priority FROM "OutboxMessage"
  WHERE status = 'QUEUED' AND id > ${afterId} AND "queuedAt" < now() - interval '${LOST_JOB_AFTER_MS / 1000} seconds'
  ORDER BY id ASC LIMIT 500`;
const RELAY_SQL = `SELECT id, priority FROM "OutboxMessage" WHERE status = 'PENDING' ORDER BY priority ASC, id ASC LIMIT 500`;

async function plan(db: pg.Client, sql: string): Promise<string> {
  const { rows } = await db.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`);
  const top = rows[0]?.["QUERY PLAN"][0];
  if (!top) return "?";
  const nodes: string[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node["Index Name"] ? `${node["Node Type"]} on ${node["Index Name"]}` : node["Node Type"]);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(top.Plan);
  const buffers = (top.Plan["Shared Hit Blocks"] ?? 0) + (top.Plan["Shared Read Blocks"] ?? 0);
  return `${ms(top["Execution Time"])}, ${buffers} buffers: ${nodes.join(" → ")}`;
}
interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

async function addJobs(container: Container, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await container.queues.deliveries.addBulk(
      ids.slice(i, i + 1000).map((id) => ({ name: "deliver", data: { outboxId: id }, opts: { jobId: deliveryJobId(id), priority: 10 } })),
    );
  }
}

async function scenario(name: string, queued: number, layout: "spread" | "newest", container: Container, db: pg.Client, prefix: string): Promise<void> {
  await clearRedisPrefix(`${prefix}:bull`, REDIS_URL);
  await fill(db, queued, layout);
  const { rows } = await db.query<{ id: number }>(`SELECT id FROM "OutboxMessage" WHERE status = 'QUEUED' ORDER BY id`);
  await addJobs(container, rows.map((row) => row.id));
  log(`\n${name}: ${ROWS} rows, ${rows.length} QUEUED (${layout}), each with its job in Redis`);

  // A first page and one from the middle of the QUEUED rows (the sweep moves on page by page).
  const middle = rows[Math.floor(rows.length / 2)]?.id ?? 0;
  await db.query(`DROP INDEX IF EXISTS "${INDEX}"`);
  log(`  sweep page, first, without the index   ${await plan(db, pageSql(0))}`);
  log(`  sweep page, middle, without the index  ${await plan(db, pageSql(middle))}`);
  await db.query(`CREATE INDEX IF NOT EXISTS "${INDEX}" ON "OutboxMessage"("status", "id")`);
  await db.query(`ANALYZE "OutboxMessage"`);
  log(`  sweep page, first, (status, id) index  ${await plan(db, pageSql(0))}`);
  log(`  sweep page, middle, (status, id) index ${await plan(db, pageSql(middle))}`);
  log(`  relay query (PENDING, every second)    ${await plan(db, RELAY_SQL)}`);

  const sweep = lostJobSweep(container);
  log(`  periodic sweep call (query + EXISTS)   ${ms(await median(20, sweep))} median of 20 (one page of ≤ 500 rows)`);
  log(`  sentinel check (EXISTS, every second)  ${ms(await median(200, () => container.redis.exists(SENTINEL_KEY)))} median of 200`);

  await clearRedisPrefix(`${prefix}:bull`, REDIS_URL);
  const started = Date.now();
  const result = await recoverLostDeliveries(container);
  const took = Date.now() - started;
  const jobs = await container.queues.deliveries.getJobCountByTypes("delayed", "prioritized", "waiting");
  log(`  recovery after the queue's data went   ${took} ms: ${result.checked} rows checked, ${result.requeued} jobs added (${jobs} in the queue)`);
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const dbName = `tashil_bench_${runId}`;
  const prefix = `tashil-bench-${runId}`;
  let container: Container | undefined;
  try {
    log(`Outbox sweep benchmark: ${ROWS} outbox rows (PostgreSQL ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")}, Redis ${REDIS_URL})`);
    await withClient(ADMIN_URL, (client) => client.query(`CREATE DATABASE "${dbName}"`));
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl(dbName) }, stdio: ["ignore", "ignore", "inherit"] });
    const config = parseConfig({
      NODE_ENV: "production",
      BOT_TOKEN: "123456789:BENCH_token_for_tashil_benchmarks",
      DATABASE_URL: databaseUrl(dbName),
      REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "warn",
    });
    container = createContainer(config);
    const ready = container;
    await withClient(databaseUrl(dbName), async (db) => {
      await scenario("steady", 100, "spread", ready, db, prefix);
      await scenario("backlog", Math.floor(ROWS * 0.6), "newest", ready, db, prefix);
      await scenario("small backlog after a long history", 2_000, "newest", ready, db, prefix);
    });
    log("\nPer worker in normal operation: the relay query every second, one sweep page every 30 s,");
    log("and the sentinel check every second on Redis only.");
  } finally {
    if (container) {
      await container.queues.deliveries.obliterate({ force: true }).catch(() => undefined);
      await container.close().catch(() => undefined);
    }
    await clearRedisPrefix(prefix, REDIS_URL).catch(() => undefined);
    await withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((error: unknown) => log(`could not drop ${dbName}: ${String(error)}`));
  }
}

await main();
