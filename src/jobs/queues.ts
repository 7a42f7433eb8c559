import { Queue, type ConnectionOptions } from "bullmq";
import type { TimerJobData } from "../services/timers";

/**
 * Two queues: `deliveries` carries every outbound Bot API call (one job per outbox row,
 * priorities keep notices ahead of broadcasts); `timers` carries delayed work (reminders,
 * re-alerts, digests) whose handlers write outbox rows.
 */
export const QUEUE_NAMES = { deliveries: "deliveries", timers: "timers" } as const;

export { PRIORITY } from "../services/outbox";

export interface DeliveryJobData {
  outboxId: number;
}

export type { TimerJobData } from "../services/timers";

export interface Queues {
  deliveries: Queue<DeliveryJobData>;
  timers: Queue<TimerJobData>;
}

/**
 * Schedules a timer job for `at` (at once if that has passed; `now` is the injected clock). The
 * id is deterministic, so scheduling the same job again is a no-op.
 */
export async function addTimer(queues: Pick<Queues, "timers">, data: TimerJobData, jobId: string, at: Date, now: Date): Promise<void> {
  await queues.timers.add(data.type, data, { jobId, delay: Math.max(0, at.getTime() - now.getTime()) });
}

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const queuePrefix = `${prefix}:bull`;
  return {
    deliveries: new Queue<DeliveryJobData>(QUEUE_NAMES.deliveries, {
      connection,
      prefix: queuePrefix,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: "exponential", delay: 1_000 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    }),
    timers: new Queue<TimerJobData>(QUEUE_NAMES.timers, {
      connection,
      prefix: queuePrefix,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: "exponential", delay: 5_000 },
        removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    }),
  };
}
