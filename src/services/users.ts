import { BoundedMap } from "../bounded-map";
import type { Deps } from "../deps";
import type { User as TelegramUser } from "grammy/types";
import { utc, type Db } from "../db";
import { sqlOf, type Sql } from "../sql";
import type { Role } from "../generated/prisma/enums";
import { isLocale, localeFromTelegram, type Locale } from "../i18n";
import { fullName } from "../domain/text";
import { recordAudit } from "./audit";
import { noSubmissionsYet } from "./submissions";
import { forgetUsers, readCachedUser, writeCachedUser, type CachedUser, type CachedUserRaw } from "./user-cache";

export interface MembershipView {
  id: number;
  role: Role;
  workingGroupId: number | null;
  agencyId: number | null;
  isAgencyHead: boolean;
  /** COUNTY_DESK: the county of the group it serves (null for every other role). */
  countyId?: number | null;
}

/** A production unit the user represents (what a producer's flows choose from). */
export interface UnitView {
  id: number;
  name: string;
  workingGroupId: number;
}

/** The user as handlers see it: ids and roles only, never an ORM object. */
export interface SessionUser {
  id: number;
  telegramId: string;
  firstName: string;
  language: Locale;
  phone: string | null;
  memberships: MembershipView[];
}

/** The user behind an update (ctx.user): also the units they represent. JSON-safe (cached). */
export interface UpdateUser extends SessionUser {
  /** Oldest first; empty: not a producer (yet). */
  units: UnitView[];
}

const membershipSelect = { id: true, role: true, workingGroupId: true, agencyId: true, isAgencyHead: true, countyId: true } as const;

/** Whether a cached user still says what loadUser would (it also follows names and admins). */
function isCurrent(cached: CachedUser<UpdateUser>, from: TelegramUser, adminTelegramIds: readonly string[]): boolean {
  return (
    !cached.unreachable &&
    cached.user.firstName === from.first_name &&
    cached.username === (from.username ?? null) &&
    (!adminTelegramIds.includes(cached.user.telegramId) || cached.user.memberships.some((m) => m.role === "ADMIN"))
  );
}

/** How many Telegram ids knownUserIds remembers (the least recently seen is forgotten first). */
const KNOWN_USER_IDS = 10_000;

/**
 * The user id behind a Telegram id, as this process last saw it: a row's two ids never change,
 * so the update's reads (src/services/update-reads.ts) can take the user's submission flags
 * together with the cached user. Forgetting one only costs that update a second MGET.
 */
const knownUserIds = new BoundedMap<string, number>(KNOWN_USER_IDS);

export const knownUserId = (telegramId: string): number | undefined => knownUserIds.get(telegramId);

/**
 * The user behind an update (the bot's user middleware): from the Redis cache
 * (src/services/user-cache.ts), or loadUser with the configured admins on a miss — so most
 * updates run no SQL for it. A failure to fill the cache is logged; the update goes on.
 */
export async function userOfUpdate(deps: Pick<Deps, "db" | "sql" | "config" | "redis" | "logger">, from: TelegramUser, read?: CachedUserRaw): Promise<UpdateUser> {
  const telegramId = String(from.id);
  const cached = await readCachedUser<UpdateUser>(deps, telegramId, read);
  if (cached.hit && isCurrent(cached.hit, from, deps.config.ADMIN_TELEGRAM_IDS)) {
    knownUserIds.set(telegramId, cached.hit.user.id);
    return cached.hit.user;
  }
  const { user, created } = await findOrCreateUser(deps.db, from, { adminTelegramIds: deps.config.ADMIN_TELEGRAM_IDS, defaultLocale: deps.config.DEFAULT_LOCALE, sql: deps.sql });
  knownUserIds.set(telegramId, user.id);
  // loadUser has just made the row follow Telegram's names and cleared unreachableAt: cache the
  // row as it is now (loadUser itself answers with the name the row had before this update).
  const stored: UpdateUser = { ...user, firstName: from.first_name };
  await Promise.all([
    writeCachedUser(deps, telegramId, cached.gen, { user: stored, username: from.username ?? null, unreachable: false }).catch((error: unknown) =>
      deps.logger.warn({ err: error }, "could not cache the user"),
    ),
    // A user made by this update has submitted nothing: the check for submissions they were
    // never told about (src/bot/middlewares/submissions.ts) need not ask the table. (Only a
    // saving: if Redis fails here, the check asks the table.)
    created ? noSubmissionsYet(deps, user.id).catch((error: unknown) => deps.logger.warn({ err: error }, "could not note a new user's empty submissions")) : undefined,
  ]);
  return user;
}

/**
 * Finds the user behind an update, creating it on first contact. Configured administrators
 * get their ADMIN membership here, so the first admin needs no invitation.
 */
export async function loadUser(db: Db, from: TelegramUser, options: LoadUserOptions): Promise<UpdateUser> {
  return (await findOrCreateUser(db, from, options)).user;
}

interface LoadUserOptions {
  adminTelegramIds: readonly string[];
  defaultLocale: Locale;
  /** The raw reads' port (src/sql.ts); through `db` when not given. */
  sql?: Sql;
}

/** loadUser, and whether this call made the row. */
async function findOrCreateUser(db: Db, from: TelegramUser, options: LoadUserOptions): Promise<{ user: UpdateUser; created: boolean }> {
  const telegramId = String(from.id);
  const sql = options.sql ?? sqlOf(db);
  let user = await userWithRoles(sql, telegramId);
  let made = false;
  if (!user) {
    // First contact. A new row has no memberships and no units, so its INSERT … RETURNING is
    // all there is to read: one raw statement, where an upsert that includes the relations made
    // a transaction of seven. Two first updates at once: the second insert meets the unique key
    // (ON CONFLICT, nothing returned) and reads the row the first one made.
    const now = utc(new Date());
    const language = localeFromTelegram(from.language_code, options.defaultLocale);
    const created = await sql.rows<{ id: number }>`
      INSERT INTO "User" ("telegramId", "firstName", "lastName", username, language, "createdAt", "updatedAt")
      VALUES (${telegramId}, ${from.first_name}, ${from.last_name ?? null}, ${from.username ?? null}, ${language}, ${now}, ${now})
      ON CONFLICT ("telegramId") DO NOTHING
      RETURNING id`;
    const id = created[0]?.id;
    made = id !== undefined;
    user =
      id === undefined
        ? await userWithRoles(sql, telegramId)
        : { id, firstName: from.first_name, lastName: from.last_name ?? null, username: from.username ?? null, language, phone: null, unreachableAt: null, memberships: [], units: [] };
    if (!user) throw new Error(`user ${telegramId} neither inserted nor found`);
  } else if (user.unreachableAt || user.firstName !== from.first_name || user.username !== (from.username ?? null)) {
    // Writing to us again means the user unblocked the bot; names follow Telegram.
    await db.user.update({
      where: { id: user.id },
      data: { unreachableAt: null, firstName: from.first_name, username: from.username ?? null },
    });
  }
  const memberships: MembershipView[] = user.memberships;
  if (options.adminTelegramIds.includes(telegramId) && !memberships.some((m) => m.role === "ADMIN")) {
    const userId = user.id;
    const name = fullName(user);
    const admin = await db.$transaction(async (tx) => {
      const created = await tx.membership.create({ data: { userId, role: "ADMIN" }, select: membershipSelect });
      // On the roles' trail too: granted by the configuration (ADMIN_TELEGRAM_IDS), not a person.
      await recordAudit(tx, {
        actorId: null,
        workingGroupId: null,
        entityType: "membership",
        entityId: created.id,
        action: "granted",
        after: { userId, name, role: "ADMIN", workingGroupId: null, source: "ADMIN_TELEGRAM_IDS" },
        at: new Date(),
      });
      return created;
    });
    memberships.push(admin);
  }
  const view: UpdateUser = {
    id: user.id,
    telegramId,
    firstName: user.firstName,
    language: isLocale(user.language) ? user.language : options.defaultLocale,
    phone: user.phone,
    memberships,
    units: user.units,
  };
  return { user: view, created: made };
}

interface UserWithRoles {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  language: string;
  phone: string | null;
  unreachableAt: Date | null;
  memberships: MembershipView[];
  units: UnitView[];
}

/**
 * The user row with its active memberships and its units, in one statement. Raw SQL because
 * this is read on every cache miss of every update (src/services/user-cache.ts): the same read
 * through the query builder (findUnique with both relations included) was three statements
 * and cost 1.4 ms of CPU per call, most of it compiling the query (bench: 0.2 ms this way).
 * The JSON built here has the shapes of MembershipView and UnitView (test/integration/user-cache).
 */
async function userWithRoles(sql: Sql, telegramId: string): Promise<UserWithRoles | undefined> {
  const rows = await sql.rows<UserWithRoles>`
    SELECT u.id, u."firstName", u."lastName", u.username, u.language, u.phone, u."unreachableAt",
      COALESCE((
        SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'workingGroupId', m."workingGroupId", 'agencyId', m."agencyId",
                                          'isAgencyHead', m."isAgencyHead", 'countyId', m."countyId") ORDER BY m.id)
        FROM "Membership" m WHERE m."userId" = u.id AND m."revokedAt" IS NULL), '[]'::json) AS memberships,
      COALESCE((
        SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'workingGroupId', p."workingGroupId") ORDER BY r."unitId")
        FROM "UnitRepresentative" r JOIN "ProductionUnit" p ON p.id = r."unitId" WHERE r."userId" = u.id), '[]'::json) AS units
    FROM "User" u WHERE u."telegramId" = ${telegramId}`;
  return rows[0];
}

/** The user's chosen language (also kept in the session, which wins while it lives). */
export async function setUserLanguage(deps: Pick<Deps, "db" | "sql" | "redis" | "logger">, userId: number, language: Locale): Promise<void> {
  await deps.db.user.update({ where: { id: userId }, data: { language } });
  await forgetUsers(deps, [userId]);
}
