/**
 * Issue 15 item 3, PostgreSQL's side: the pg pool behind Prisma reports its errors to pino. The
 * test's database has its connections terminated by the server (as a PostgreSQL restart or a
 * failover does): the idle pooled connections fail, which is told as one outage, "PostgreSQL
 * unreachable, retrying", and closed by "PostgreSQL reachable again" once a query connects anew.
 */
import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { createTestEnv, type TestEnv } from "../support/env";
import { ADMIN_URL } from "../support/global-setup";

const lines: Array<Record<string, unknown>> = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"], overrides: { logger: createLogger("info", {}, stream) } });
});
afterAll(async () => {
  await env?.cleanup();
});

describe("PostgreSQL terminating the pool's connections", () => {
  it("is logged once as an outage and once as over, every line JSON", async () => {
    const { db, config } = env.container;
    // Several idle connections in the pool.
    await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      const name = new URL(config.DATABASE_URL).pathname.slice(1);
      const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
      expect(rowCount).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
    }
    await expect.poll(() => lines.filter((line) => line.msg === "PostgreSQL unreachable, retrying").length, { timeout: 5_000 }).toBe(1);
    // The next query connects again (the dead connections have left the pool).
    await expect.poll(async () => (await db.user.count()) >= 0, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => lines.some((line) => line.msg === "PostgreSQL reachable again"), { timeout: 5_000 }).toBe(true);
    const outage = lines.filter((line) => line.dependency === "PostgreSQL");
    expect(outage.map((line) => line.msg)).toEqual(["PostgreSQL unreachable, retrying", "PostgreSQL reachable again"]);
    expect(outage[0]).toMatchObject({ level: 40, err: { code: "57P01" } });
  });
});
