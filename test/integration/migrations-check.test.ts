// The start-up check of src/migrations.ts: one query of `_prisma_migrations` against the
// directory names of prisma/migrations (no schema engine).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { checkMigrations, migrationState, shippedMigrations } from "../../src/migrations";
import { createTestDatabase, dropTestDatabase } from "../support/env";

let url: string;
const shipped = shippedMigrations();

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  url = await createTestDatabase();
});
afterAll(async () => dropTestDatabase(url));

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger("info", {}, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe("pending migrations", () => {
  it("ships the migration directories, oldest first", () => {
    expect(shipped.length).toBeGreaterThan(3);
    expect(shipped).toEqual([...shipped].sort());
    expect(shipped.every((name) => /^\d{14}_\w+$/.test(name))).toBe(true);
  });

  it("a migrated database has none pending, and the check passes silently", async () => {
    expect(await migrationState(url)).toEqual({ databaseMissing: false, pending: [], failed: [], unknown: [] });
    const { logger, lines } = capture();
    expect(await checkMigrations(url, logger)).toBe(true);
    expect(lines).toEqual([]);
  });

  it("finds a migration not applied, one that failed half-way, and one the code does not know", async () => {
    const last = shipped.at(-1) as string;
    const previous = shipped.at(-2) as string;
    await sql("DELETE FROM _prisma_migrations WHERE migration_name = $1", [last]);
    expect((await migrationState(url)).pending).toEqual([last]);
    const { logger, lines } = capture();
    expect(await checkMigrations(url, logger)).toBe(false);
    expect(lines).toEqual([expect.objectContaining({ level: 60, pending: [last] })]);

    await sql("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1", [previous]);
    await sql(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x-future', 'x', '29991231000000_from_the_future', now(), now(), 1)",
    );
    expect(await migrationState(url)).toEqual({ databaseMissing: false, pending: [last], failed: [previous], unknown: ["29991231000000_from_the_future"] });
    const failed = capture();
    expect(await checkMigrations(url, failed.logger)).toBe(false);
    expect(failed.lines).toEqual([expect.objectContaining({ level: 60, failed: [previous] })]);
  });

  it("a database never migrated has all pending; a missing database says so", async () => {
    await sql("DROP TABLE _prisma_migrations");
    expect(await migrationState(url)).toEqual({ databaseMissing: false, pending: shipped, failed: [], unknown: [] });
    const missing = new URL(url);
    missing.pathname = `${missing.pathname}_missing`;
    expect(await migrationState(missing.toString())).toEqual({ databaseMissing: true, pending: shipped, failed: [], unknown: [] });
  });
});
