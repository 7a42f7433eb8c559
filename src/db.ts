import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolConfig } from "pg";
import { PrismaClient, Prisma } from "./generated/prisma/client";

export { Prisma };
export type Db = PrismaClient;
/** A transaction handle; services take it so the outbox row commits with the change. */
export type Tx = Prisma.TransactionClient;

/**
 * Settings of every connection the app opens. JIT is off: this is an OLTP database of short
 * queries, and PostgreSQL's JIT compiles any plan it estimates as costly — on /stats it added
 * ~450 ms of compilation to a 630 ms query. Options already in the URL (`?options=…`) are kept
 * and come after ours, so an explicit `-c jit=on` there still wins.
 */
export const CONNECTION_OPTIONS = "-c jit=off";

/** The pg pool configuration behind the app's Prisma client (the benchmark uses it too). */
export function poolConfig(databaseUrl: string): PoolConfig {
  let connectionString = databaseUrl;
  let options = CONNECTION_OPTIONS;
  // pg lets the URL's parameters override the config object's: move the URL's options here.
  if (/[?&]options=/.test(databaseUrl)) {
    const url = new URL(databaseUrl);
    options = `${CONNECTION_OPTIONS} ${url.searchParams.get("options") ?? ""}`.trim();
    url.searchParams.delete("options");
    connectionString = url.toString();
  }
  return { connectionString, max: 10, options };
}

export interface DbEvents {
  /** An idle pooled connection or a transaction's connection failed (PostgreSQL went away). */
  onError?: (error: Error) => void;
  /** A new connection was made (after an outage: PostgreSQL is back). */
  onConnect?: () => void;
}

export function createDb(databaseUrl: string, events: DbEvents = {}): Db {
  // Our own pool (Prisma's adapter would make the same one) so its connects can be watched.
  const pool = new pg.Pool(poolConfig(databaseUrl));
  if (events.onConnect) pool.on("connect", events.onConnect);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, onPoolError: events.onError, onConnectionError: events.onError });
  return new PrismaClient({ adapter });
}
