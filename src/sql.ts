// The raw SQL port: the statements of the hot path (every update's user, a producer's
// registration and submit, the outbox relay and sender) run on the pg pool directly, not
// through Prisma. Prisma 6's client costs ~0.2 ms of CPU per raw statement on top of pg's
// ~0.08 ms (it still plans each $queryRaw through its query compiler and its request
// pipeline), and an interactive transaction of five statements 2.5 ms against pg's 0.5 ms
// (bench/sql-port.ts measures both). The statements stay Prisma.sql templates (the same
// placeholders, fragments such as utc() and Prisma.join), so a query reads the same either
// way, and the results are converted as Prisma's raw queries convert them:
//   int8 → BigInt, timestamp (UTC wall time, see utc()) → Date, date → Date at UTC midnight,
//   timestamptz → Date, json/jsonb → parsed; numeric stays a string (Prisma: Decimal; no
//   statement on this port reads one).
// Where there is no pg pool (the sandbox's PGlite, a test's own Prisma client) the port runs
// through Prisma instead (prismaSql): same statements, same results, Prisma's cost.
import pg from "pg";
import { Prisma } from "./generated/prisma/client";

type PrismaRaw = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** One statement: a Prisma.sql template, or used as a tag itself (sql.rows`SELECT …`). */
type Statement = [query: Prisma.Sql] | [strings: TemplateStringsArray, ...values: unknown[]];

export interface Sql {
  /** The rows of one statement. */
  rows<T>(...statement: Statement): Promise<T[]>;
  /** One statement's count of rows affected. */
  run(...statement: Statement): Promise<number>;
}

export interface SqlDb extends Sql {
  /** BEGIN … COMMIT on one connection (ROLLBACK when `work` throws, and the error goes on). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Closes the pool's connections, unless already closed (Prisma's adapter ends the shared pool
   * when it is disposed, but only if Prisma ever connected: a bot that served only producers
   * never did). Through Prisma (prismaSql) there is nothing of the port's own to close.
   */
  end(): Promise<void>;
}

/** A Prisma transaction or client, or the port: what a service that writes raw SQL takes. */
export type Executor = PrismaRaw | Sql;

const statementOf = (statement: Statement): Prisma.Sql =>
  statement[0] instanceof Prisma.Sql ? statement[0] : Prisma.sql(statement[0] as TemplateStringsArray, ...statement.slice(1));

const utcWallTime = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const PARSERS = new Map<number, (value: string) => unknown>([
  [pg.types.builtins.INT8, (value) => BigInt(value)],
  [pg.types.builtins.TIMESTAMP, utcWallTime],
  [pg.types.builtins.DATE, (value) => new Date(`${value}T00:00:00Z`)],
]);
// Per query, so the pool's other user (Prisma's adapter, which sets its own) is not affected.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (format !== "binary" && PARSERS.get(oid)) || pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function clientSql(client: pg.Pool | pg.PoolClient): Sql {
  const query = (statement: Statement) => {
    const { text, values } = statementOf(statement);
    return client.query({ text, values, types });
  };
  return {
    async rows<T>(...statement: Statement) {
      return (await query(statement)).rows as T[];
    },
    async run(...statement: Statement) {
      return (await query(statement)).rowCount ?? 0;
    },
  };
}

/** The port on a pg pool (the app's, shared with Prisma's adapter: src/db.ts). */
export function poolSql(pool: pg.Pool): SqlDb {
  return {
    ...clientSql(pool),
    end: async () => {
      if (!pool.ended) await pool.end();
    },
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A connection that failed, or whose ROLLBACK failed, is in no known state: it leaves the
      // pool. The pool stops listening to a client it has handed out: this listener keeps the
      // server closing the connection mid-transaction from being an uncaught 'error' event (the
      // statement in flight fails with it anyway).
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await work(clientSql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
  };
}

function prismaRaw(client: PrismaRaw): Sql {
  return {
    rows: <T>(...statement: Statement) => client.$queryRaw<T[]>(statementOf(statement)),
    run: (...statement: Statement) => client.$executeRaw(statementOf(statement)),
  };
}

/** The port through a Prisma client (no pg pool of ours: the sandbox's PGlite, tests). */
export function prismaSql(db: PrismaRaw & { $transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> }): SqlDb {
  return { ...prismaRaw(db), transaction: (work) => db.$transaction((tx) => work(prismaRaw(tx))), end: async () => undefined };
}

/** The port of whatever the caller holds: itself, or a Prisma transaction or client. */
export function sqlOf(executor: Executor): Sql {
  return "$queryRaw" in executor ? prismaRaw(executor) : executor;
}
