import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolConfig } from "pg";
import { PrismaClient, Prisma } from "./generated/prisma/client";
import { poolSql, type SqlDb } from "./sql";

export { Prisma };
export type Db = PrismaClient;
/** A transaction handle; services take it so the outbox row commits with the change. */
export type Tx = Prisma.TransactionClient;

/**
 * An instant in raw SQL. DateTime columns are `timestamp(3)` holding UTC wall time (how Prisma
 * stores them), so a raw comparison or write must say so explicitly; neither the server's nor
 * the process's time zone plays a part. Null stays NULL. (Moved here from the statistics'
 * queries, which used it first, for the services' raw writes.)
 */
export const utc = (instant: Date | null) => Prisma.sql`(${instant?.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Settings of every connection the app opens. JIT is off: this is an OLTP database of short
 * queries, and PostgreSQL's JIT compiles any plan it estimates as costly — on /stats it added
 * ~450 ms of compilation to a 630 ms query. A random page costs 2 sequential ones, not 4: the
 * working set of a province's cases is in memory (or on SSD), and at 4 the planner read a
 * year's ~23,000 cases from the table (11-16 ms) instead of the period index that carries every
 * column /stats reads (4-8 ms, bench/statistics.ts); at 1.1 it walked a year's tasks through
 * their index, slower than reading the table. Options already in the URL (`?options=…`) are
 * kept and come after ours, so an explicit `-c jit=on` there still wins.
 */
export const CONNECTION_OPTIONS = "-c jit=off -c random_page_cost=2";

/** Connections per process when DATABASE_POOL_SIZE is not given (pg's own default). */
export const DEFAULT_POOL_SIZE = 10;

/**
 * The pg pool configuration behind the app's Prisma client (the benchmark uses it too). `max`
 * is DATABASE_POOL_SIZE: every bot and worker process holds up to this many connections, so
 * (bot replicas + worker processes) × pool + the migrate step's one ≤ max_connections (README).
 */
export function poolConfig(databaseUrl: string, max = DEFAULT_POOL_SIZE): PoolConfig {
  let connectionString = databaseUrl;
  let options = CONNECTION_OPTIONS;
  // pg lets the URL's parameters override the config object's: move the URL's options here.
  if (/[?&]options=/.test(databaseUrl)) {
    const url = new URL(databaseUrl);
    options = `${CONNECTION_OPTIONS} ${url.searchParams.get("options") ?? ""}`.trim();
    url.searchParams.delete("options");
    connectionString = url.toString();
  }
  return { connectionString, max, options };
}

/**
 * Interactive transactions wait this long for a pooled connection before failing. Prisma's
 * default (2 s) fails a burst: 100 producers submitting at once on a 10-connection pool, on a
 * busy 2-core machine, queue longer than that, and a failed submission is an error answer to
 * the producer for nothing but a short wait. A transaction still may not run for longer than
 * TRANSACTION_TIMEOUT_MS once it has its connection.
 */
export const TRANSACTION_MAX_WAIT_MS = 15_000;
export const TRANSACTION_TIMEOUT_MS = 15_000;

export interface DbOptions {
  /** Connections of the pool (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** An idle pooled connection or a transaction's connection failed (PostgreSQL went away). */
  onError?: (error: Error) => void;
  /** A new connection was made (after an outage: PostgreSQL is back). */
  onConnect?: () => void;
}

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  return createDatabase(databaseUrl, options).db;
}

/**
 * The app's database: the Prisma client, and the raw SQL port (src/sql.ts) on the same pg pool
 * (one pool, so DATABASE_POOL_SIZE still bounds the process's connections).
 */
export function createDatabase(databaseUrl: string, options: DbOptions = {}): { db: Db; sql: SqlDb } {
  // Our own pool (Prisma's adapter would make the same one) so its connects can be watched.
  // A connection waits in the pool's queue at most as long as a Prisma transaction may (the raw
  // SQL port has no maxWait of its own).
  const pool = new pg.Pool({ ...poolConfig(databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE), connectionTimeoutMillis: TRANSACTION_MAX_WAIT_MS });
  if (options.onConnect) pool.on("connect", options.onConnect);
  // The pool's idle-connection errors are ours to report, for the pool's whole life: Prisma's
  // adapter (its onPoolError) stops listening when it is disposed, before the pool has ended,
  // and a connection the server terminates in between would be an 'error' event nobody
  // listens to, which Node turns into an uncaught exception.
  pool.on("error", (error) => options.onError?.(error));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, onConnectionError: options.onError });
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS } });
  return { db, sql: poolSql(pool) };
}
