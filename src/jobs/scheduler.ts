import type { Deps } from "../deps";
import type { Scheduler } from "../services/ports";
import { dropQueuedDeliveries, startBroadcastProgress } from "./broadcast-progress";
import { scheduleMeetingReminders } from "./meeting-reminders";
import { addTimer } from "./queues";
import { syncTaskRemindersSafely } from "./reminders";

/**
 * The job layer's side of the scheduler port (src/services/ports.ts). It reads `deps` lazily
 * (the container builds it before the scheduler exists) and only ever uses the injected clock.
 */
export function createScheduler(deps: Omit<Deps, "scheduler">): Scheduler {
  return {
    at: (data, jobId, at) => addTimer(deps.queues, data, jobId, at, deps.now()),
    cancel: async (jobId) => {
      await deps.queues.timers.remove(jobId);
    },
    syncTaskReminders: (taskId) => syncTaskRemindersSafely(deps, taskId),
    scheduleMeetingReminders: (meetingId) => scheduleMeetingReminders(deps, meetingId),
    startBroadcastProgress: (broadcastId, progressChatId) => startBroadcastProgress(deps, broadcastId, progressChatId),
    dropQueuedDeliveries: (outboxIds) => dropQueuedDeliveries(deps, outboxIds),
  };
}
