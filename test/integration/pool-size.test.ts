/**
 * DATABASE_POOL_SIZE is the most connections one process opens (README: the connection
 * budget): ten slow queries at once on a pool of three hold three connections, never more.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_URL } from "../support/global-setup";
import { createTestEnv, type TestEnv } from "../support/env";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ config: { DATABASE_POOL_SIZE: "3" }, workingGroups: [] });
});
afterAll(async () => {
  await env?.cleanup();
});

async function connectionsTo(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1", [database]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await admin.end();
  }
}

describe("DATABASE_POOL_SIZE", () => {
  it("caps the connections of the process's Prisma client", async () => {
    expect(env.config.DATABASE_POOL_SIZE).toBe(3);
    const database = new URL(env.config.DATABASE_URL).pathname.slice(1);
    const queries = Array.from({ length: 10 }, () => env.container.db.$queryRaw`SELECT pg_sleep(0.4)::text AS slept`);
    let peak = 0;
    const watching = (async () => {
      for (let i = 0; i < 8; i += 1) {
        peak = Math.max(peak, await connectionsTo(database));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.all([...queries, watching]);
    expect(peak).toBe(3);
  });
});
