/**
 * What a raw statement costs in CPU through Prisma's client and through the raw SQL port
 * (src/sql.ts: pg directly, on the same pool), one at a time so the figure is the client's
 * own work: a one-row SELECT, and an interactive transaction of five statements. The reason
 * the hot path's statements run on the port; not a test.
 *
 *   npm run bench:sql-port         # BENCH_RUNS (3000 statements per round), TEST_POSTGRES_URL
 */
import { createDatabase } from "../src/db";
import { ADMIN_URL, log, machine } from "./support";

const RUNS = Number(process.env.BENCH_RUNS ?? 3000);
const ROUNDS = 3;
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function perCall(calls: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const before = cpuMs();
  for (let i = 0; i < calls; i++) await work(i);
  return (cpuMs() - before) / calls;
}

async function main(): Promise<void> {
  log(`CPU per raw statement, Prisma's client against the SQL port (pg), ${RUNS} statements a round; ${machine()}`);
  const { db, sql } = createDatabase(ADMIN_URL, { poolSize: 2 });
  try {
    const tx = Math.max(1, Math.floor(RUNS / 10));
    // The first round warms both up (Prisma loads its query compiler on the first query).
    for (let round = 1; round <= ROUNDS; round++) {
      const prismaRow = await perCall(RUNS, (i) => db.$queryRaw`SELECT ${i}::int AS n, 'row' AS label`);
      const portRow = await perCall(RUNS, (i) => sql.rows`SELECT ${i}::int AS n, 'row' AS label`);
      const prismaTx = await perCall(tx, () => db.$transaction(async (t) => {
        for (let j = 0; j < 5; j++) await t.$queryRaw`SELECT ${j}::int AS n`;
      }));
      const portTx = await perCall(tx, () => sql.transaction(async (t) => {
        for (let j = 0; j < 5; j++) await t.rows`SELECT ${j}::int AS n`;
      }));
      log(
        `round ${round}: one statement  Prisma ${prismaRow.toFixed(3)} ms  port ${portRow.toFixed(3)} ms  (${(prismaRow / portRow).toFixed(1)}×)   ` +
          `transaction of five  Prisma ${prismaTx.toFixed(3)} ms  port ${portTx.toFixed(3)} ms  (${(prismaTx / portTx).toFixed(1)}×)`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

await main();
