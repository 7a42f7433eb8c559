import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/**
 * The driver adapter the Prisma CLI uses for migrations (prisma.config.ts, `engine: "js"`),
 * with two workarounds so every command runs on the wasm schema engine with no native binary:
 *
 * 1. prisma/orm#27403: the schema engine reads catalog columns of PostgreSQL's `name` (OID 19)
 *    and `"char"` (OID 18) types, which the pg adapter cannot map. Both are text on the wire,
 *    so we relabel them.
 * 2. The adapter splits migration scripts on every `;`, which breaks dollar-quoted function
 *    bodies (our append-only trigger); we send the script whole (simple query protocol).
 * 3. The shadow database of `migrate dev` is dropped while its pool is still connected; we
 *    close the pool first and drop with FORCE.
 * 4. The CLI lingered ~10 s after its work (`migrate deploy` took 12–15 s for well under one of
 *    work), for two timers nobody clears: pg-pool's 10 s idle timeout of the connection the
 *    CLI never releases for good (`allowExitOnIdle` lets the process exit while it is idle), and
 *    the wasm schema engine's advisory-lock timeout (its `setTimeout` glue has no matching
 *    `clearTimeout`; unref'ed below, it no longer holds the process — a lock really waited for
 *    is a query in flight, which still does). Now `migrate deploy` exits when it is done.
 * One connection per pool, so the engine's advisory lock and its statements share a session.
 */
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type FieldCarrier = { fields?: Array<{ dataTypeID: number }> };

function relabelNameColumns<T>(result: T): T {
  const carriers = Array.isArray(result) ? (result as FieldCarrier[]) : [result as FieldCarrier];
  for (const carrier of carriers) {
    for (const field of carrier?.fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class NameAsTextClient extends pg.Client {
  // pg.Client.query has many overloads; we only post-process whatever result it yields.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : relabelNameColumns(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned && typeof (returned as Promise<unknown>).then === "function") {
      return (returned as Promise<unknown>).then(relabelNameColumns) as never;
    }
    return returned as never;
  }
}

function poolFor(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: NameAsTextClient, max: 1, allowExitOnIdle: true });
}

/** Workaround 4: timers the wasm engine sets (a wasm frame right below the glue) never hold the process. */
function unrefWasmTimers(): void {
  const marker = Symbol.for("tashil.unrefWasmTimers");
  const global = globalThis as typeof globalThis & { [marker]?: boolean };
  if (global[marker]) return;
  global[marker] = true;
  const original = globalThis.setTimeout;
  const patched = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if (/\bwasm:\/\//.test(new Error().stack ?? "")) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}

async function connectWholeScripts(factory: PrismaPg) {
  const adapter = await factory.connect();
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export function createMigrationAdapter(connectionString: string) {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  unrefWasmTimers();
  const main = new PrismaPg(poolFor(connectionString), { disposeExternalPool: true });
  return {
    provider: "postgres" as const,
    adapterName: main.adapterName,
    connect: () => connectWholeScripts(main),
    async connectToShadowDb() {
      const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${database}"`);
      } finally {
        await admin.end();
      }
      const adapter = await connectWholeScripts(
        new PrismaPg(poolFor(withDatabase(connectionString, database)), { disposeExternalPool: true }),
      );
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client({ connectionString });
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
  };
}
