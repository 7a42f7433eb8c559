/**
 * The database schema at start-up. Migrations are applied by their own command
 * (`npm run db:deploy`, compose's one-shot `migrate` service), not by every start of the bot;
 * the bot only checks, cheaply, that none is pending — one query of `_prisma_migrations`
 * compared with the directory names under prisma/migrations, no Prisma schema engine — and
 * refuses to start with one log line if one is. `--migrate` (main.ts) applies them instead.
 */
import { spawn } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Logger } from "./logger";
import { PROJECT_ROOT } from "./runtime";

export const MIGRATIONS_DIRECTORY = path.join(PROJECT_ROOT, "prisma", "migrations");

export interface MigrationState {
  /** The database of DATABASE_URL does not exist (yet). */
  databaseMissing: boolean;
  /** In prisma/migrations but not applied (oldest first). */
  pending: string[];
  /** Started and neither finished nor rolled back: `prisma migrate deploy` refuses until resolved. */
  failed: string[];
  /** Applied but not in prisma/migrations: the database is ahead of this code (a rollback?). */
  unknown: string[];
}

/** The migrations this code ships: prisma/migrations/<timestamp>_<name>/migration.sql. */
export function shippedMigrations(directory = MIGRATIONS_DIRECTORY): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** One connection, one query. A database without `_prisma_migrations` has every migration pending. */
export async function migrationState(databaseUrl: string, directory = MIGRATIONS_DIRECTORY): Promise<MigrationState> {
  const shipped = shippedMigrations(directory);
  const client = new pg.Client({ connectionString: databaseUrl });
  let rows: Array<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }> = [];
  try {
    await client.connect();
    rows = (await client.query("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations")).rows;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 3D000 invalid_catalog_name: no such database; 42P01 undefined_table: never migrated.
    if (code === "3D000") return { databaseMissing: true, pending: shipped, failed: [], unknown: [] };
    if (code !== "42P01") throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  // A migration rolled back (`migrate resolve --rolled-back`) may have been applied again later.
  const applied = new Set(rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => row.migration_name));
  const failed = [...new Set(rows.filter((row) => !row.finished_at && !row.rolled_back_at).map((row) => row.migration_name))]
    .filter((name) => !applied.has(name))
    .sort();
  return {
    databaseMissing: false,
    pending: shipped.filter((name) => !applied.has(name) && !failed.includes(name)),
    failed,
    unknown: [...applied].filter((name) => !shipped.includes(name)).sort(),
  };
}

/**
 * Checks the schema before the process takes any work. Returns false after logging one fatal
 * line when migrations are pending or failed (the caller exits 1); a database ahead of the code
 * is only a warning (rolling back the code is allowed; the schema should stay compatible).
 */
export async function checkMigrations(databaseUrl: string, logger: Logger): Promise<boolean> {
  const state = await migrationState(databaseUrl);
  const how = "apply them with `npm run db:deploy` (Docker: `docker compose run --rm migrate`, the image built with --target migrate), or start from a checkout with --migrate";
  if (state.databaseMissing) {
    logger.fatal({ database: new URL(databaseUrl).pathname.slice(1) }, `the database does not exist: ${how}`);
    return false;
  }
  if (state.failed.length > 0) {
    logger.fatal({ failed: state.failed }, "a migration failed half-way: resolve it (`npx prisma migrate status`) before starting");
    return false;
  }
  if (state.pending.length > 0) {
    logger.fatal({ pending: state.pending }, `${state.pending.length} database migration(s) pending: ${how}`);
    return false;
  }
  if (state.unknown.length > 0) {
    logger.warn({ unknown: state.unknown }, "the database has migrations this code does not know (is it older than the schema?)");
  }
  return true;
}

/** Creates the database of DATABASE_URL when it does not exist yet (a first start with --migrate). */
export async function ensureDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return;
  } catch (error) {
    // 3D000 invalid_catalog_name: the server is there, the database is not.
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    logger.info({ database: name }, "created the database");
  } finally {
    await admin.end();
  }
}

/** `npm run db:deploy` (prisma migrate deploy on the wasm schema engine) as a child process. */
export function deployMigrations(): Promise<void> {
  return new Promise((resolve, reject) => {
    // The child's stdout goes to our stderr: stdout stays one JSON log line per event.
    const child = spawn("npm", ["run", "--silent", "db:deploy"], { cwd: PROJECT_ROOT, stdio: ["ignore", process.stderr, "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`npm run db:deploy failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
