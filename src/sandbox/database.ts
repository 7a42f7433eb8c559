/**
 * The sandbox's database. By default an embedded PostgreSQL (PGlite, in memory, through the
 * Prisma driver adapter `pglite-prisma-adapter`): nothing to install, gone when the sandbox
 * stops. With DATABASE_URL given, that PostgreSQL (migrated with `prisma migrate deploy`); when
 * PGlite cannot start, or SANDBOX_DATABASE=postgresql, a throwaway database of the local server.
 * Migrations on PGlite are the SQL files of prisma/migrations executed in order, as
 * `migrate deploy` would; then the reference data is seeded, as `npm start -- --migrate` does.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type Db, Prisma, TRANSACTION_MAX_WAIT_MS, TRANSACTION_TIMEOUT_MS, createDb } from "../db";
import { PrismaClient } from "../generated/prisma/client";
import type { Logger } from "../logger";
import { deployMigrations, ensureDatabase, MIGRATIONS_DIRECTORY } from "../migrations";
import { seedReferenceData } from "../seed/reference-data";

export interface SandboxDatabase {
  db: Db;
  /** Where the data lives, for the ready line and the page. */
  kind: "pglite" | "postgresql";
  close(): Promise<void>;
}

/** What the sandbox uses of PGlite and its adapter (loaded at run time: only the sandbox needs them). */
interface PGliteLike { exec(sql: string): Promise<unknown>; close(): Promise<void>; waitReady: Promise<void> }
type PGliteModule = { PGlite: new (dataDir?: string) => PGliteLike };
type Adapter = NonNullable<Prisma.PrismaClientOptions["adapter"]>;
type AdapterModule = { PrismaPGlite: new (client: PGliteLike) => Adapter };

async function openPGlite(logger: Logger): Promise<SandboxDatabase> {
  const pgliteName = "@electric-sql/pglite";
  const adapterName = "pglite-prisma-adapter";
  const { PGlite } = (await import(pgliteName)) as PGliteModule;
  const { PrismaPGlite } = (await import(adapterName)) as AdapterModule;
  const pglite = new PGlite();
  await pglite.waitReady;
  const migrations = readdirSync(MIGRATIONS_DIRECTORY, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of migrations) {
    await pglite.exec(readFileSync(path.join(MIGRATIONS_DIRECTORY, name, "migration.sql"), "utf8"));
  }
  logger.info({ migrations: migrations.length }, "embedded database (PGlite) migrated");
  const db = new PrismaClient({
    adapter: new PrismaPGlite(pglite),
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  return {
    db,
    kind: "pglite",
    async close() {
      await db.$disconnect().catch(() => undefined);
      await pglite.close().catch(() => undefined);
    },
  };
}

/** Drops the throwaway database of an earlier run (the local server's, never a given DATABASE_URL). */
async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function openPostgres(databaseUrl: string, logger: Logger, throwaway = false): Promise<SandboxDatabase> {
  if (throwaway) await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl, logger);
  // prisma.config.ts reads the URL from the environment of the migrate step.
  process.env.DATABASE_URL = databaseUrl;
  await deployMigrations();
  const db = createDb(databaseUrl, { poolSize: 5 });
  return { db, kind: "postgresql", close: () => db.$disconnect() };
}

/**
 * PGlite unless `databaseUrl` is given (or SANDBOX_DATABASE=postgresql asks for the local
 * server's throwaway database `fallbackUrl`); the reference data is seeded either way.
 */
export async function openSandboxDatabase(options: { databaseUrl?: string; fallbackUrl: string; preferPostgres: boolean }, logger: Logger): Promise<SandboxDatabase> {
  let database: SandboxDatabase;
  if (options.databaseUrl) database = await openPostgres(options.databaseUrl, logger);
  else if (options.preferPostgres) database = await openPostgres(options.fallbackUrl, logger, true);
  else {
    try {
      database = await openPGlite(logger);
    } catch (error) {
      logger.warn({ err: error, fallback: new URL(options.fallbackUrl).pathname }, "the embedded database (PGlite) could not start; using the local PostgreSQL instead");
      database = await openPostgres(options.fallbackUrl, logger, true);
    }
  }
  await seedReferenceData(database.db);
  return database;
}
