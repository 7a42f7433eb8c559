import type { Deps } from "../deps";
import { Prisma, utc } from "../db";
import { sqlOf, type Executor } from "../sql";
import type { Urgency } from "../domain/urgency";

/**
 * "Submitted, but the producer has not been shown the tracking code yet." A submission made
 * with a submission key (the bot's report wizard) writes an UnconfirmedSubmission row in the
 * transaction that creates the case; the row is deleted only after the reply with the code
 * went out. If the process dies in between, the row is still there, and the next time the
 * producer talks to the bot they are told the code first (src/bot/middlewares/submissions.ts).
 *
 * That check runs on every private update, so two Redis keys (under REDIS_PREFIX) spare most
 * updates the SQL:
 * - `submission:clear:<userId>`: the table was checked and holds nothing for the user (a day);
 *   deleted when a submission starts. Missing (never checked, Redis flushed) → check the table.
 * - `submission:pending:<userId>`: a submission is in flight (a minute: longer than any
 *   transaction). While it is there the check always asks the table, and never sets "clear":
 *   a check that raced an in-flight submission cannot hide its case.
 */
const CLEAR_TTL_SECONDS = 24 * 3600;
const PENDING_TTL_SECONDS = 60;
const pendingKey = (userId: number) => `submission:pending:${userId}`;
const clearKey = (userId: number) => `submission:clear:${userId}`;
/** The two flags a check reads, in MGET order (src/services/update-reads.ts reads them with others). */
export const submissionFlagKeys = (userId: number): [string, string] => [pendingKey(userId), clearKey(userId)];

/** What MGET answered for submissionFlagKeys(userId). */
export interface SubmissionFlags {
  userId: number;
  pending: string | null;
  clear: string | null;
}

/** SET clear unless pending exists, atomically (KEYS[1] pending, KEYS[2] clear, ARGV[1] ttl). */
const SET_CLEAR_UNLESS_PENDING = `if redis.call('EXISTS', KEYS[1]) == 0 then return redis.call('SET', KEYS[2], '1', 'EX', ARGV[1]) end return false`;

export interface UnconfirmedCase {
  caseId: number;
  trackingCode: string;
  urgency: Urgency;
  submissionKey: string | null;
}

/** Called before a keyed submission's transaction: from now on the check asks the table. */
export async function markSubmissionInFlight(deps: Pick<Deps, "redis">, userId: number): Promise<void> {
  await deps.redis.multi().set(pendingKey(userId), "1", "EX", PENDING_TTL_SECONDS).del(clearKey(userId)).exec();
}

/** Inside the case's transaction: the case waits for its confirmation (idempotent). */
export async function recordUnconfirmed(tx: Executor, caseId: number, reporterId: number): Promise<void> {
  // Raw, on the SQL port (here and below): part of every submit, where compiling the query
  // builder's statement cost more than running it.
  await sqlOf(tx).run(unconfirmedInsert(caseId, reporterId, new Date()));
}

/**
 * recordUnconfirmed's INSERT, for a statement that writes it with the case: `caseId` may be SQL
 * read from `from` (the submit's CTE of the new case, src/services/cases.ts).
 */
export function unconfirmedInsert(caseId: number | Prisma.Sql, reporterId: number, at: Date, from: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "UnconfirmedSubmission" ("caseId", "reporterId", "createdAt") SELECT ${caseId}::int, ${reporterId}::int, ${utc(at)} ${from}
    ON CONFLICT DO NOTHING`;
}

/**
 * The user has no submission to be told about (a row made a moment ago): "clear" is set as
 * after a check of the table, unless a submission is in flight.
 */
export async function noSubmissionsYet(deps: Pick<Deps, "redis">, userId: number): Promise<void> {
  await deps.redis.eval(SET_CLEAR_UNLESS_PENDING, 2, pendingKey(userId), clearKey(userId), CLEAR_TTL_SECONDS);
}

/**
 * Submissions may now wait for the user that were not theirs when the table was last checked
 * (a departing representative's, moved to them): their next check asks the table. Never
 * throws; a failure is logged, and "clear" expires within a day.
 */
export async function recheckSubmissions(deps: Pick<Deps, "redis" | "logger">, userId: number): Promise<void> {
  await deps.redis.del(clearKey(userId)).catch((error: unknown) => deps.logger.warn({ err: error, userId }, "could not reset a user's submissions check"));
}

/** The reply with the code was sent: nothing left to tell. */
export async function confirmSubmission(deps: Pick<Deps, "sql">, caseId: number): Promise<void> {
  await deps.sql.run`DELETE FROM "UnconfirmedSubmission" WHERE "caseId" = ${caseId}`;
}

/**
 * The user's submissions whose code they have not been shown, oldest first. Most calls answer
 * from Redis alone (one MGET); the table is asked after a submission or when Redis forgot.
 */
export async function unconfirmedSubmissions(deps: Pick<Deps, "sql" | "redis">, userId: number, read?: SubmissionFlags): Promise<UnconfirmedCase[]> {
  // `read`: the flags as the update's reads took them (used only if they are this user's).
  const [pending, clear] = read?.userId === userId ? [read.pending, read.clear] : await deps.redis.mget(...submissionFlagKeys(userId));
  if (!pending && clear) return [];
  // Raw: asked on a producer's first update and after every submit (two compiled statements before).
  const rows = await deps.sql.rows<UnconfirmedCase>`
    SELECT c.id AS "caseId", c."trackingCode", c.urgency::text AS urgency, c."submissionKey"
    FROM "UnconfirmedSubmission" s JOIN "Case" c ON c.id = s."caseId"
    WHERE s."reporterId" = ${userId} ORDER BY s."createdAt", s."caseId"`;
  if (rows.length === 0) await noSubmissionsYet(deps, userId);
  return rows;
}
