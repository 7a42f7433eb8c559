// The session storage: Redis, with each session's flow draft written through to PostgreSQL.
// Redis stays the session store (fast, shared by every bot process); PostgreSQL keeps the one
// thing a user would hate to lose, the flow they are in, so a FLUSHDB or a Redis restart
// without persistence loses no draft: on a session miss the draft is read back from there.
import type { StorageAdapter } from "grammy";
import type { Deps } from "../deps";
import { deleteSessionDraft, loadSessionDraft, saveSessionDraft } from "../services/drafts";
import type { Flow, SessionData } from "./context";

/** How many session keys the mirror remembers (what PostgreSQL holds), per process. */
const MIRROR_SIZE = 10_000;

function isFlow(value: unknown): value is Flow {
  if (!value || typeof value !== "object") return false;
  const flow = value as Partial<Flow>;
  return (
    typeof flow.name === "string" &&
    typeof flow.step === "string" &&
    typeof flow.data === "object" &&
    flow.data !== null &&
    (flow.history === undefined || (Array.isArray(flow.history) && flow.history.every((step) => typeof step === "string")))
  );
}

/**
 * Wraps the Redis storage. Reads: Redis; on a miss, the draft in PostgreSQL (a PostgreSQL
 * failure then fails the update plainly rather than starting an empty session over a draft).
 * Writes: Redis, then PostgreSQL when the flow changed (upsert, or delete once it ended). A
 * PostgreSQL failure on write is logged, not raised: the session itself is safe in Redis.
 */
export function writeThroughStorage(
  redis: StorageAdapter<SessionData>,
  deps: Pick<Deps, "db" | "now" | "logger">,
  maxAgeMs: number,
): StorageAdapter<SessionData> {
  // What PostgreSQL holds per key, as far as this process knows: the flow's JSON, or null for
  // none. Unknown keys are written; known ones only when the flow changed (most writes of an
  // update repeat the same session: one before each reply, one at the end).
  const mirror = new Map<string, string | null>();
  const remember = (key: string, json: string | null) => {
    mirror.delete(key);
    mirror.set(key, json);
    if (mirror.size > MIRROR_SIZE) mirror.delete(mirror.keys().next().value as string);
  };

  async function persist(key: string, flow: Flow | undefined): Promise<void> {
    const json = flow ? JSON.stringify(flow) : null;
    if (mirror.has(key) && mirror.get(key) === json) return;
    try {
      if (json) await saveSessionDraft(deps, key, JSON.parse(json));
      else await deleteSessionDraft(deps, key);
      remember(key, json);
    } catch (error) {
      mirror.delete(key);
      deps.logger.warn({ err: error, key }, "could not write the session's draft through to PostgreSQL");
    }
  }

  return {
    async read(key) {
      const value = await redis.read(key);
      if (value !== undefined) {
        // A session without a flow has no draft row (it was deleted when the flow ended); one
        // with a flow is written again on the next write, whatever this process remembers.
        if (value.flow) mirror.delete(key);
        else remember(key, null);
        return value;
      }
      const stored = await loadSessionDraft(deps, key, maxAgeMs);
      if (!isFlow(stored)) {
        remember(key, null);
        return undefined;
      }
      remember(key, JSON.stringify(stored));
      deps.logger.info({ key, flow: stored.name, step: stored.step }, "session missing in Redis: the draft is restored from PostgreSQL");
      return { flow: stored };
    },
    async write(key, value) {
      await redis.write(key, value);
      await persist(key, value.flow);
    },
    async delete(key) {
      await redis.delete(key);
      await persist(key, undefined);
    },
  };
}
