// The session storage: Redis, with each session's flow draft mirrored in PostgreSQL.
// Redis stays the session store (fast, shared by every bot process); PostgreSQL keeps the one
// thing a user would hate to lose, the flow they are in, so a FLUSHDB or a Redis restart
// without persistence loses no draft: on a session miss the draft is read back from there.
// The drafts are written behind, in one statement for all users every DRAFT_FLUSH_MS
// (src/services/drafts.ts, which says what that costs and why it is enough).
import type { StorageAdapter } from "grammy";
import { BoundedMap } from "../bounded-map";
import type { Deps } from "../deps";
import { loadSessionDraft, type DraftWriter } from "../services/drafts";
import type { Flow, SessionData } from "./context";

/** How many session keys the mirrors remember (what PostgreSQL and Redis hold), per process; forgetting one only costs a write that is not skipped. */
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
 * Wraps the Redis storage. Reads: Redis; on a miss, the draft still queued in this process,
 * else the draft in PostgreSQL (a PostgreSQL failure then fails the update plainly rather than
 * starting an empty session over a draft). Writes: Redis, then the draft queued for
 * PostgreSQL when the flow changed (upsert, or delete once it ended); the writer retries a
 * failed write and logs it, never raises it: the session itself is safe in Redis.
 *
 * A write of exactly what Redis already holds is skipped, Redis and PostgreSQL both: the bot
 * writes the session before every message an update sends and grammY again at the end
 * (src/bot/index.ts), and most of those writes repeat the last one. What "already holds"
 * means: the JSON this process last read from Redis for the key, or last wrote there. Every
 * update begins by reading its session, so within an update that is exact; across updates a
 * skipped write only matters if something else changed the key in between, and then the
 * update had nothing to add. So an update writes its session once per distinct state it shows
 * the user — once before its first message if it changed anything, again only if it changed
 * the session again before a later message or after its last one — and a draft is queued for
 * PostgreSQL before the question that follows it is on the screen. (An unchanged
 * session is not rewritten, so its 60-day TTL counts from its last change, not its last read.)
 */
export interface SessionStorage extends StorageAdapter<SessionData> {
  /**
   * The session's JSON as the update's reads just took it from Redis (src/services/update-reads.ts,
   * null: none): the next read of the key takes it instead of asking Redis. Only for the read
   * that follows at once (the session middleware, next in line). Returns what drops it if no
   * read took it (an update that failed in between must not leave it to a later update).
   */
  prime(key: string, json: string | null): () => void;
}

export function writeThroughStorage(
  redis: StorageAdapter<SessionData>,
  deps: Pick<Deps, "sql" | "now" | "logger" | "metrics"> & { drafts: DraftWriter },
  maxAgeMs: number,
): SessionStorage {
  // What PostgreSQL holds per key, as far as this process knows: the flow's JSON, or null for
  // none. Unknown keys are written; known ones only when the flow changed.
  const mirror = new BoundedMap<string, string | null>(MIRROR_SIZE);
  const remember = (key: string, json: string | null) => mirror.set(key, json);
  // What Redis holds per key, as this process last read or wrote it (the whole session's JSON).
  const inRedis = new BoundedMap<string, string>(MIRROR_SIZE);
  // Primed reads (see SessionStorage.prime), taken by the next read of their key.
  const primed = new Map<string, { json: string | null }>();

  /** The key's session from Redis: primed, else read (and what Redis holds is remembered). */
  async function fromRedis(key: string): Promise<SessionData | undefined> {
    const taken = primed.get(key);
    if (taken) {
      const json = taken.json;
      primed.delete(key);
      if (json === null) {
        inRedis.delete(key);
        return undefined;
      }
      inRedis.set(key, json);
      return JSON.parse(json) as SessionData;
    }
    const value = await redis.read(key);
    if (value === undefined) inRedis.delete(key);
    else inRedis.set(key, JSON.stringify(value));
    return value;
  }

  function persist(key: string, flow: Flow | undefined): void {
    const json = flow ? JSON.stringify(flow) : null;
    if (mirror.has(key) && mirror.get(key) === json) return;
    deps.drafts.put(key, json === null ? null : JSON.parse(json));
    remember(key, json);
  }

  return {
    prime(key, json) {
      const entry = { json };
      primed.set(key, entry);
      return () => {
        if (primed.get(key) === entry) primed.delete(key);
      };
    },
    async read(key) {
      const value = await fromRedis(key);
      if (value !== undefined) {
        // A session without a flow has no draft row (it was deleted when the flow ended); one
        // with a flow is written again on the next write, whatever this process remembers.
        if (value.flow) mirror.delete(key);
        else remember(key, null);
        return value;
      }
      deps.metrics.sessionMisses.inc();
      const queued = deps.drafts.queued(key);
      const stored = queued === undefined ? await loadSessionDraft(deps, key, maxAgeMs) : (queued ?? undefined);
      if (!isFlow(stored)) {
        remember(key, null);
        return undefined;
      }
      remember(key, JSON.stringify(stored));
      deps.metrics.draftsRestored.inc();
      deps.logger.info({ key, flow: stored.name, step: stored.step }, "session missing in Redis: the draft is restored from PostgreSQL");
      return { flow: stored };
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      if (inRedis.get(key) === json) return;
      inRedis.delete(key);
      await redis.write(key, value);
      inRedis.set(key, json);
      persist(key, value.flow);
    },
    async delete(key) {
      inRedis.delete(key);
      await redis.delete(key);
      persist(key, undefined);
    },
  };
}
