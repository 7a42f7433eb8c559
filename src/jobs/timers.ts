import { UnrecoverableError } from "bullmq";
import type { Deps } from "../deps";
import { timerPayload, type TimerData, type TimerJobData, type TimerType } from "../services/timers";
import { handleCriticalRealert } from "./critical-realert";
import { handleNeedsInfoReminder } from "./needs-info-reminder";
import { handleRemindersReconcile, handleTaskReminder } from "./reminders";
import { sendMorningDigest } from "./digest";
import { remindMeeting } from "./meeting-reminders";
import { updateBroadcastProgress } from "./broadcast-progress";
import { handleCountdownReconcile, handleCountdownStep, handleDateCheck } from "./countdown";
import { handleObjectionWindowClose, handleStatutoryReconcile } from "./statutory";
import { handleReportSend } from "./report-send";
import { handleOutboxPrune } from "./outbox-prune";

/**
 * The timers queue carries delayed work (reminders, re-alerts, digests). Each job type has
 * one handler, written next to the feature it serves; handlers write outbox rows (and call
 * deps.flushOutbox()), they never call the Bot API themselves. A handler must be idempotent:
 * BullMQ may run a timer job again after a crash or a retry.
 *
 * To add a handler: import it here and add one line to `timerHandlers`, e.g.
 *   import { remindTask } from "../services/task-reminders";
 *   …
 *   "task-reminder": remindTask,
 */

export type { TimerData, TimerType } from "../services/timers";
export type TimerHandler<K extends TimerType> = (data: TimerData<K>, deps: Deps) => Promise<void>;
export type TimerHandlers = Partial<{ [K in TimerType]: TimerHandler<K> }>;

export const timerHandlers: TimerHandlers = {
  "task-reminder": handleTaskReminder,
  "reminders-reconcile": handleRemindersReconcile,
  "critical-realert": handleCriticalRealert,
  "needs-info-reminder": handleNeedsInfoReminder,
  "meeting-reminder": remindMeeting,
  "morning-digest": sendMorningDigest,
  "broadcast-progress": updateBroadcastProgress,
  "countdown-step": handleCountdownStep,
  "date-check": handleDateCheck,
  "countdown-reconcile": handleCountdownReconcile,
  "objection-window-close": handleObjectionWindowClose,
  "statutory-reconcile": handleStatutoryReconcile,
  "report-send": handleReportSend,
  "outbox-prune": handleOutboxPrune,
};

/** Registers a handler at run time (tests, or a module that cannot be imported here). */
export function registerTimerHandler<K extends TimerType>(type: K, handler: TimerHandler<K>): void {
  (timerHandlers as Record<K, TimerHandler<K>>)[type] = handler;
}

/** Runs the handler of a timer job; an unknown type fails the job at once (no retries). */
export async function handleTimer(data: TimerJobData, deps: Deps, handlers: TimerHandlers = timerHandlers): Promise<void> {
  const type = (data as { type?: unknown } | null)?.type;
  const handler = typeof type === "string" && Object.hasOwn(handlers, type) ? handlers[type as TimerType] : undefined;
  if (!handler) {
    throw new UnrecoverableError(
      `no handler for timer job type ${JSON.stringify(type)}: add one to timerHandlers in src/jobs/timers.ts`,
    );
  }
  // A payload of another shape (an older deploy's job) fails once, loudly, instead of running
  // a handler on data it does not understand.
  const parsed = timerPayload.safeParse(data);
  if (!parsed.success) {
    throw new UnrecoverableError(`timer job ${String(type)} has an invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  // The map's type pairs each key with the handler of its own data shape.
  await (handler as TimerHandler<TimerType>)(parsed.data as TimerData<TimerType>, deps);
}
