/**
 * What an update's middlewares read from Redis before its handler runs, in one MGET instead of
 * three: its session (the session plugin's read, src/bot/session-storage.ts), the cached user
 * (src/services/user-cache.ts) and, when this process knows the user's id, the user's
 * submission flags (src/services/submissions.ts). Each reader takes its part instead of
 * asking Redis itself; each key keeps its meaning and its writers (nothing here writes).
 *
 * Read after the runner's per-user queue, so no earlier update of the same user is still
 * writing the session these values come from.
 */
import type { Deps } from "../deps";
import { submissionFlagKeys, type SubmissionFlags } from "./submissions";
import { userCacheKeys, type CachedUserRaw } from "./user-cache";
import { knownUserId } from "./users";

export interface UpdateReads {
  /** The session's JSON as Redis holds it (null: none). */
  session: string | null;
  user: CachedUserRaw;
  /** Absent when the user's id is not known here yet (the check then reads its own flags). */
  submissions?: SubmissionFlags;
}

export async function readUpdateKeys(deps: Pick<Deps, "redis">, telegramId: string, sessionKey: string): Promise<UpdateReads> {
  const userId = knownUserId(telegramId);
  const keys = [sessionKey, ...userCacheKeys(telegramId), ...(userId === undefined ? [] : submissionFlagKeys(userId))];
  const [session = null, entry = null, counter = null, pending = null, clear = null] = await deps.redis.mget(...keys);
  return { session, user: [entry, counter], ...(userId === undefined ? {} : { submissions: { userId, pending, clear } }) };
}
