import type { Deps } from "../deps";
import type { Prisma } from "../db";

/**
 * The flow drafts of sessions, mirrored in PostgreSQL (the session itself lives in Redis):
 * written when the session is written, read back when Redis has no session for the key (a
 * FLUSHDB, a restart without persistence), deleted when the flow ends. The bot's session
 * storage (src/bot/session-storage.ts) is the only caller.
 */

/** A stored flow: the JSON-safe state of src/bot/context.ts `Flow` (checked by the caller). */
export type StoredFlow = Prisma.JsonObject;

export async function saveSessionDraft(deps: Pick<Deps, "db" | "now">, key: string, flow: StoredFlow): Promise<void> {
  // On the injected clock (not the database's), so the age check below reads the same clock;
  // stored as UTC like Prisma stores DateTime in a timestamp column.
  const updatedAt = deps.now().toISOString();
  // Every answer of every wizard step comes here: one plain statement (a model upsert costs
  // ~4 × the CPU in Prisma's query compiler for the same INSERT … ON CONFLICT).
  await deps.db.$executeRaw`
    INSERT INTO "SessionDraft" ("key", "flow", "updatedAt")
    VALUES (${key}, ${JSON.stringify(flow)}::jsonb, ${updatedAt}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT ("key") DO UPDATE SET "flow" = EXCLUDED."flow", "updatedAt" = EXCLUDED."updatedAt"`;
}

export async function deleteSessionDraft(deps: Pick<Deps, "db">, key: string): Promise<void> {
  await deps.db.sessionDraft.deleteMany({ where: { key } });
}

/** The draft of a session key, unless it is older than `maxAgeMs` (the session's own TTL). */
export async function loadSessionDraft(deps: Pick<Deps, "db" | "now">, key: string, maxAgeMs: number): Promise<StoredFlow | undefined> {
  const row = await deps.db.sessionDraft.findUnique({ where: { key }, select: { flow: true, updatedAt: true } });
  if (!row || row.updatedAt.getTime() < deps.now().getTime() - maxAgeMs) return undefined;
  const flow = row.flow;
  return flow && typeof flow === "object" && !Array.isArray(flow) ? flow : undefined;
}
