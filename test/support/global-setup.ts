import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * Builds one migrated template database per run (through the same `prisma migrate deploy`
 * users run); every test file clones it (CREATE DATABASE … TEMPLATE) so files are isolated
 * and can run in parallel. Everything is dropped at the end.
 */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    runId: string;
  }
}

function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const template = `tashil_test_${runId}_tpl`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(template) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await admin.end();
  project.provide("templateDatabase", template);
  project.provide("runId", runId);

  return async () => {
    const cleaner = new pg.Client({ connectionString: ADMIN_URL });
    await cleaner.connect();
    const { rows } = await cleaner.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`tashil_test_${runId}_%`],
    );
    for (const { datname } of rows) await cleaner.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await cleaner.end();
  };
}

export { databaseUrl };
