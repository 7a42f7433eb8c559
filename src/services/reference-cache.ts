/**
 * Reference data — working groups, counties, agencies, industrial estates — is written by the
 * seed (and the rare admin change, which calls forgetReferenceData) and read by every step of
 * a producer's wizards. Each process keeps what it read for REFERENCE_TTL_MS, per database
 * client (so every container, and every test's, has its own), and asks PostgreSQL again after
 * that: a change shows at once in the process that made it, within a minute elsewhere. What a
 * wizard picks is checked again, in the transaction, when it is submitted.
 *
 * The values are shared between callers: treat them as read-only.
 */
import type { Deps } from "../deps";

export const REFERENCE_TTL_MS = 60_000;
/** Far more keys than the reference data has (groups × kinds); a safety bound only. */
const MAX_KEYS = 5_000;

interface Remembered {
  until: number;
  value: Promise<unknown>;
}

const memos = new WeakMap<object, Map<string, Remembered>>();

/** The value under `key`, loaded at most once per REFERENCE_TTL_MS (concurrent callers share the load). */
export function remembered<T>(deps: Pick<Deps, "db">, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(deps.db);
  if (!memo) {
    memo = new Map();
    memos.set(deps.db, memo);
  }
  const now = performance.now();
  const found = memo.get(key);
  if (found && found.until > now) return found.value as Promise<T>;
  if (memo.size >= MAX_KEYS) memo.clear();
  const value = load();
  const entry = { until: now + REFERENCE_TTL_MS, value };
  memo.set(key, entry);
  // A failed load is not remembered: the next caller tries again.
  value.catch(() => {
    if (memo.get(key) === entry) memo.delete(key);
  });
  return value;
}

/**
 * Forgets everything this process remembered for this database client: called after an admin
 * changes reference data (src/services/reference-data/), so the pickers of this process show
 * the change at once. Other processes (replicas, workers) see it within REFERENCE_TTL_MS.
 */
export function forgetReferenceData(deps: Pick<Deps, "db">): void {
  memos.get(deps.db)?.clear();
}
