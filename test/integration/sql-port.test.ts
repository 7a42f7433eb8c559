/**
 * The raw SQL port (src/sql.ts) on real PostgreSQL: a statement answers on the pg pool exactly
 * as it answers through Prisma's $queryRaw (the hot path moved there and its callers read the
 * same values), its transactions commit and roll back on one connection, and the server
 * closing that connection mid-transaction fails the transaction, not the process.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, Prisma, utc } from "../../src/db";
import { prismaSql, sqlOf } from "../../src/sql";
import { createTestEnv, type TestEnv } from "../support/env";
import { ADMIN_URL } from "../support/global-setup";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"] });
});
afterAll(async () => {
  await env?.cleanup();
});

// Every type the hot path's statements read, in one row.
const everyType = Prisma.sql`
  SELECT 7::int AS int4, 9007199254740993::bigint AS int8, count(*) AS counted, true AS bool, 'متن'::text AS text,
         ${"2026-12-07T09:30:15.123Z"}::timestamptz AS timestamptz,
         ${utc(new Date("2026-12-07T09:30:15.123Z"))} AS "timestampUtc",
         '1405-09-16'::text AS "jalaliText", '2026-12-07'::date AS date,
         '{"a":[1,"ب"],"n":null}'::jsonb AS jsonb, json_build_object('role', 'SECRETARIAT') AS json,
         ARRAY[3, 1, 2]::int[] AS ints, ARRAY['x', 'ی']::text[] AS texts,
         '3f2504e0-4f89-11d3-9a0c-0305e82c3301'::uuid AS uuid, NULL::int AS nothing
  FROM (VALUES (1), (2)) v(x)`;

describe("the raw SQL port", () => {
  it("answers a statement as Prisma's $queryRaw does", async () => {
    const viaPrisma = await env.container.db.$queryRaw<unknown[]>(everyType);
    const viaPort = await env.container.sql.rows(everyType);
    expect(viaPort).toEqual(viaPrisma);
    expect(viaPort[0]).toMatchObject({
      int4: 7,
      int8: 9007199254740993n,
      counted: 2n,
      timestamptz: new Date("2026-12-07T09:30:15.123Z"),
      // A timestamp column holds UTC wall time (utc()): read back as that instant, whatever TZ is.
      timestampUtc: new Date("2026-12-07T09:30:15.123Z"),
      date: new Date("2026-12-07T00:00:00.000Z"),
      jsonb: { a: [1, "ب"], n: null },
      ints: [3, 1, 2],
      nothing: null,
    });
  });

  it("takes its statement as a tag, with fragments and lists", async () => {
    const ids = [3, 5];
    const rows = await env.container.sql.rows<{ id: number }>`SELECT id FROM unnest(${ids}::int[]) AS id WHERE id IN (${Prisma.join(ids)}) ORDER BY id`;
    expect(rows).toEqual([{ id: 3 }, { id: 5 }]);
    expect(await env.container.sql.run`UPDATE "User" SET "updatedAt" = ${utc(new Date())} WHERE id = -1`).toBe(0);
  });

  it("commits a transaction's statements together, and rolls all of them back on an error", async () => {
    const { sql, db } = env.container;
    const insert = (tx: Parameters<Parameters<typeof sql.transaction>[0]>[0], telegramId: string) =>
      tx.rows<{ id: number }>`INSERT INTO "User" ("telegramId", "firstName", language, "createdAt", "updatedAt")
                              VALUES (${telegramId}, 'تراکنش', 'fa', ${utc(new Date())}, ${utc(new Date())}) RETURNING id`;
    await sql.transaction(async (tx) => {
      await insert(tx, "880001");
      await insert(tx, "880002");
    });
    await expect(
      sql.transaction(async (tx) => {
        await insert(tx, "880003");
        await insert(tx, "880001"); // the unique telegram id: the whole transaction goes
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const stored = await db.user.findMany({ where: { telegramId: { in: ["880001", "880002", "880003"] } }, select: { telegramId: true }, orderBy: { telegramId: "asc" } });
    expect(stored.map((user) => user.telegramId)).toEqual(["880001", "880002"]);
  });

  it("fails a transaction whose connection the server closes, and the pool goes on", async () => {
    const { sql } = env.container;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      const failed = sql.transaction(async (tx) => {
        const [{ pid }] = (await tx.rows<{ pid: number }>`SELECT pg_backend_pid() AS pid`) as [{ pid: number }];
        await admin.query("SELECT pg_terminate_backend($1)", [pid]);
        // The connection is gone: an 'error' event on the client (not an uncaught exception), and this statement fails.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await tx.rows`SELECT 1 AS one`;
      });
      await expect(failed).rejects.toThrow();
    } finally {
      await admin.end();
    }
    expect(await sql.rows`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("runs through a Prisma client where there is no pool of ours, with the same results", async () => {
    const throughPrisma = prismaSql(env.container.db);
    expect(await throughPrisma.rows(everyType)).toEqual(await env.container.sql.rows(everyType));
    const committed = await throughPrisma.transaction((tx) => tx.rows<{ n: number }>`SELECT 41 + 1 AS n`);
    expect(committed).toEqual([{ n: 42 }]);
    // sqlOf: a Prisma transaction handle or the port itself, whichever a caller holds.
    await env.container.db.$transaction(async (tx) => {
      expect(await sqlOf(tx).rows`SELECT 'tx' AS via`).toEqual([{ via: "tx" }]);
    });
    expect(sqlOf(env.container.sql)).toBe(env.container.sql);
  });

  it("closes its pool on end, whether Prisma ever connected on it or not", async () => {
    const connectionsOf = async (name: string) =>
      Number((await env.container.sql.rows<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${name}`)[0]?.n);
    for (const prismaToo of [false, true]) {
      const name = `tashil-sql-port-end-${prismaToo ? "prisma" : "port"}`;
      const url = new URL(env.config.DATABASE_URL);
      url.searchParams.set("application_name", name);
      const { db, sql } = createDatabase(url.toString());
      await sql.rows`SELECT 1`;
      if (prismaToo) await db.$queryRaw`SELECT 2`;
      expect(await connectionsOf(name)).toBeGreaterThan(0);
      // What the container's close does: Prisma first (its adapter ends the pool if it ran), then the port.
      await db.$disconnect();
      await sql.end();
      await sql.end();
      await expect.poll(() => connectionsOf(name), { timeout: 5_000 }).toBe(0);
      await expect(sql.rows`SELECT 1`).rejects.toThrow();
    }
  });

  it("opens its connections with the app's settings, and a URL's own options win", async () => {
    const settings = (sql: typeof env.container.sql) => sql.rows<{ jit: string; cost: string }>`SELECT current_setting('jit') AS jit, current_setting('random_page_cost') AS cost`;
    // Both the port and Prisma's adapter run on the one pool (src/db.ts: poolConfig).
    expect(await settings(env.container.sql)).toEqual([{ jit: "off", cost: "2" }]);
    expect(await env.container.db.$queryRaw`SELECT current_setting('random_page_cost') AS cost`).toEqual([{ cost: "2" }]);
    const url = new URL(env.config.DATABASE_URL);
    url.searchParams.set("options", "-c random_page_cost=4");
    const { db, sql } = createDatabase(url.toString());
    try {
      expect(await settings(sql)).toEqual([{ jit: "off", cost: "4" }]);
    } finally {
      await db.$disconnect();
      await sql.end();
    }
  });
});
