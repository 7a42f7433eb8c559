import type { Deps } from "../deps";
import type { DraftWriter, StoredFlow } from "./ports";

export type { DraftWriter, StoredFlow } from "./ports";

/**
 * The flow drafts of sessions, mirrored in PostgreSQL (the session itself lives in Redis):
 * queued when the session is written, read back when Redis has no session for the key (a
 * FLUSHDB, a restart without persistence), deleted when the flow ends. The bot's session
 * storage (src/bot/session-storage.ts) is the only caller.
 *
 * Written behind, not through: a wizard step answers from Redis and queues its draft here;
 * every DRAFT_FLUSH_MS one statement writes every queued draft of the process (issue 10: a
 * wizard step runs no SQL of its own until the submit; 200 producers typing at once cost one
 * statement per interval instead of one per answer). What that costs, and why it is enough:
 * - Redis already holds the session before the reply goes out, so a lost queue alone loses
 *   nothing; it takes Redis losing the session AND this process dying within the interval.
 * - A Redis loss alone (FLUSHDB, a restart without persistence) is covered in this process:
 *   a session miss reads the queue first, then PostgreSQL (`queued`). Another replica's miss
 *   may read a draft up to one interval old.
 * - Shutdown flushes (`close`, from the container's close).
 */


/** How long a queued draft waits for the statement that writes it (SESSION_DRAFT_FLUSH_MS). */
export const DRAFT_FLUSH_MS = 200;
/** After a failed write, the next attempt waits this long (PostgreSQL is likely down). */
const RETRY_MS = 2_000;

interface Queued {
  /** The flow, or null: the flow ended, delete the draft. */
  flow: StoredFlow | null;
  /** On the injected clock, so the age check of `loadSessionDraft` reads the same clock. */
  at: Date;
}


export function createDraftWriter(deps: Pick<Deps, "sql" | "now" | "logger">, intervalMs = DRAFT_FLUSH_MS): DraftWriter {
  // Newest first: `waiting` fills while `writing` is in flight; a failed write goes back under
  // whatever was queued for its keys since (newer wins).
  let waiting = new Map<string, Queued>();
  let writing = new Map<string, Queued>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let failing = false;

  function schedule(delayMs: number): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delayMs);
  }

  async function write(batch: Map<string, Queued>): Promise<void> {
    const upserts = [...batch].filter(([, q]) => q.flow !== null).map(([key, q]) => ({ key, flow: q.flow, updatedAt: q.at.toISOString() }));
    const deletes = [...batch].filter(([, q]) => q.flow === null).map(([key]) => key);
    // One statement for the whole batch: the deletions in a CTE, the upserts from one JSON
    // array (stored as UTC like Prisma stores DateTime in a timestamp column).
    await deps.sql.run`
      WITH gone AS (DELETE FROM "SessionDraft" WHERE "key" = ANY(${deletes}::text[]))
      INSERT INTO "SessionDraft" ("key", "flow", "updatedAt")
      SELECT d."key", d."flow", d."updatedAt" AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(upserts)}::jsonb) AS d("key" text, "flow" jsonb, "updatedAt" timestamptz)
      ON CONFLICT ("key") DO UPDATE SET "flow" = EXCLUDED."flow", "updatedAt" = EXCLUDED."updatedAt"`;
  }

  async function flushOnce(): Promise<void> {
    if (waiting.size === 0) return;
    writing = waiting;
    waiting = new Map();
    try {
      await write(writing);
      if (failing) deps.logger.info({ drafts: writing.size }, "session drafts written to PostgreSQL again");
      failing = false;
    } catch (error) {
      for (const [key, queued] of writing) if (!waiting.has(key)) waiting.set(key, queued);
      if (!failing) deps.logger.warn({ err: error, drafts: waiting.size }, "could not write session drafts to PostgreSQL; retrying (the sessions themselves are safe in Redis)");
      failing = true;
    } finally {
      writing = new Map();
    }
  }

  function flush(): Promise<void> {
    // One write at a time; a flush asked for during one runs right after it.
    const next = (running ?? Promise.resolve()).then(flushOnce);
    running = next.finally(() => {
      if (running === guarded) running = undefined;
      if (waiting.size > 0) schedule(failing ? RETRY_MS : intervalMs);
    });
    const guarded = running;
    return running;
  }

  return {
    put(key, flow) {
      waiting.set(key, { flow, at: deps.now() });
      if (closed) void flush();
      else schedule(intervalMs);
    },
    queued(key) {
      return (waiting.get(key) ?? writing.get(key))?.flow;
    },
    flush,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
}

/** The draft of a session key, unless it is older than `maxAgeMs` (the session's own TTL). */
export async function loadSessionDraft(deps: Pick<Deps, "sql" | "now">, key: string, maxAgeMs: number): Promise<StoredFlow | undefined> {
  // Raw, on the SQL port: asked on every session Redis does not hold, a new user's first update included.
  const [row] = await deps.sql.rows<{ flow: unknown; updatedAt: Date }>`SELECT flow, "updatedAt" FROM "SessionDraft" WHERE key = ${key}`;
  if (!row || row.updatedAt.getTime() < deps.now().getTime() - maxAgeMs) return undefined;
  const flow = row.flow;
  return flow && typeof flow === "object" && !Array.isArray(flow) ? flow : undefined;
}
