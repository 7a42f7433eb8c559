import type { Prisma } from "../db";
import type { TimerJobData } from "./timers";

/**
 * What services ask of the job layer, as a port on the container (deps.scheduler): services
 * never import src/jobs. The implementation (src/jobs/scheduler.ts) owns BullMQ; tests get the
 * real one through the container.
 *
 * Every call is made after the transaction that made the timer necessary has committed: a
 * timer for a row that does not exist would fire into nothing. Scheduling is idempotent (job
 * ids are deterministic), so a retried action or the worker's reconciliation cannot double it.
 */
export interface Scheduler {
  /** A timer job at `at` (at once if that has passed); the same id again is a no-op. */
  at(data: TimerJobData, jobId: string, at: Date): Promise<void>;
  /** Removes a pending timer job; a missing one is fine. */
  cancel(jobId: string): Promise<void>;
  /**
   * Brings a task's reminder jobs in line with the task row. Never throws: a failure (Redis
   * down) is logged and the worker's reconciliation catches up.
   */
  syncTaskReminders(taskId: number): Promise<void>;
  /** The meeting's reminders (day before, 2 h before); returns how many are pending. */
  scheduleMeetingReminders(meetingId: number): Promise<number>;
  /** Starts the live progress of a broadcast (edited in `progressChatId`'s message). */
  startBroadcastProgress(broadcastId: number, progressChatId?: string): Promise<void>;
  /** Drops delivery jobs of outbox rows that were cancelled (a cancelled broadcast). */
  dropQueuedDeliveries(outboxIds: readonly number[]): Promise<void>;
}

/** A stored flow: the JSON-safe state of src/bot/context.ts `Flow` (checked by the caller). */
export type StoredFlow = Prisma.JsonObject;

/** Session drafts queued for PostgreSQL, written behind (src/services/drafts.ts). */
export interface DraftWriter {
  /** Queues the key's flow (null: its deletion); written within DRAFT_FLUSH_MS. */
  put(key: string, flow: StoredFlow | null): void;
  /** What is queued and not yet written for a key: a flow, null (deleted) or undefined (nothing). */
  queued(key: string): StoredFlow | null | undefined;
  /** Writes everything queued now (resolves once it is in PostgreSQL or failed and re-queued). */
  flush(): Promise<void>;
  /** Flushes and stops the timer; later puts are written at once. */
  close(): Promise<void>;
}
