/**
 * The user behind an update — roles, memberships, units — is read on every update; it changes
 * a few times in a user's life. So it is cached in Redis, per Telegram id, and PostgreSQL is
 * asked only on a miss:
 *
 *   user:v<VERSION>:<telegramId>  JSON {gen, user, username, unreachable}, expires after TTL_SECONDS
 *   user:gen:<telegramId>         a counter, bumped by every change (forgetUsers)
 *
 * A reader takes both in one MGET and trusts the entry only when its `gen` is the counter's
 * current value. The counter, not just a DEL, is what makes a change stick: an update that
 * missed, read the old rows and writes them back after the change committed and bumped the
 * counter writes them under the old gen, and no reader trusts that entry.
 *
 * Every service that writes User, Membership or UnitRepresentative calls forgetUsers after its
 * commit (grep for it). A write that bypasses the services (psql, a test's fixture) is seen
 * when the entry expires; a crash between a commit and its forgetUsers likewise. VERSION
 * changes with the entry's shape, so a deploy never reads entries of the code before it.
 */
import type { Deps } from "../deps";

const VERSION = 2;
/** How long an entry is trusted without a change being announced (the bound on staleness). */
export const USER_CACHE_TTL_SECONDS = 10 * 60;
/** The counter outlives every entry written under its previous value. */
const GEN_TTL_SECONDS = 2 * USER_CACHE_TTL_SECONDS;

const entryKey = (telegramId: string) => `user:v${VERSION}:${telegramId}`;
const genKey = (telegramId: string) => `user:gen:${telegramId}`;

/** The two keys a reader takes, in MGET order (src/services/update-reads.ts reads them with others). */
export const userCacheKeys = (telegramId: string): [string, string] => [entryKey(telegramId), genKey(telegramId)];

/** What MGET answered for userCacheKeys: the entry's JSON and the counter. */
export type CachedUserRaw = [entry: string | null, counter: string | null];

/**
 * What the cache keeps: the user as ctx.user holds it (UpdateUser, src/services/users.ts — a
 * type parameter here, so the two modules need no import circle) and what loadUser compares
 * with the update.
 */
export interface CachedUser<U = unknown> {
  user: U;
  username: string | null;
  /** unreachableAt was set (the sender met a 403): the next update must clear it in PostgreSQL. */
  unreachable: boolean;
}

interface Entry<U> extends CachedUser<U> {
  gen: string;
}

export interface CacheRead<U> {
  /** The entry, when it is current. */
  hit: CachedUser<U> | undefined;
  /** The counter as read with it: a miss writes its entry under this value. */
  gen: string;
}

type CacheDeps = Pick<Deps, "redis">;

/** `read`: the keys as an MGET of the update's reads already answered (else they are read here). */
export async function readCachedUser<U>(deps: CacheDeps, telegramId: string, read?: CachedUserRaw): Promise<CacheRead<U>> {
  const [raw, counter] = read ?? ((await deps.redis.mget(...userCacheKeys(telegramId))) as CachedUserRaw);
  const gen = counter ?? "0";
  if (!raw) return { hit: undefined, gen };
  try {
    const entry = JSON.parse(raw) as Entry<U>;
    if (entry.gen !== gen) return { hit: undefined, gen };
    return { hit: { user: entry.user, username: entry.username, unreachable: entry.unreachable }, gen };
  } catch {
    return { hit: undefined, gen };
  }
}

/** Stores what a miss read from PostgreSQL, under the counter value read before it. */
export async function writeCachedUser<U>(deps: CacheDeps, telegramId: string, gen: string, value: CachedUser<U>): Promise<void> {
  const entry: Entry<U> = { gen, ...value };
  await deps.redis.set(entryKey(telegramId), JSON.stringify(entry), "EX", USER_CACHE_TTL_SECONDS);
}

/**
 * The one helper every write to a user's roles, memberships, units, language, phone or
 * reachability calls, after its commit: the next update of these users reads PostgreSQL.
 * Takes user ids (what services know); the Telegram ids are looked up. Never throws: the change
 * itself is committed; a Redis failure here is logged and the entries expire on their own.
 */
export async function forgetUsers(deps: Pick<Deps, "sql" | "redis" | "logger">, userIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  let telegramIds: string[];
  try {
    // Raw: after every change to roles, units or phones (compiling findMany cost more than running it).
    const rows = await deps.sql.rows<{ telegramId: string }>`SELECT "telegramId" FROM "User" WHERE id = ANY(${ids}::int[])`;
    telegramIds = rows.map((row) => row.telegramId);
  } catch (error) {
    deps.logger.error({ err: error, userIds: ids }, STALE_CACHE);
    return;
  }
  await forgetTelegramIds(deps, telegramIds);
}

const STALE_CACHE = "could not invalidate cached users: they may act on stale roles until the cache expires";

/**
 * forgetUsers when the Telegram ids are at hand (a write that returned them saves the lookup).
 * Never throws either.
 */
export async function forgetTelegramIds(deps: Pick<Deps, "redis" | "logger">, telegramIds: Iterable<string>): Promise<void> {
  const pipeline = deps.redis.multi();
  const ids = [...new Set(telegramIds)];
  for (const telegramId of ids) pipeline.incr(genKey(telegramId)).expire(genKey(telegramId), GEN_TTL_SECONDS).del(entryKey(telegramId));
  if (ids.length === 0) return;
  await pipeline.exec().catch((error: unknown) => deps.logger.error({ err: error, telegramIds: ids }, STALE_CACHE));
}
