import { z } from "zod";

/**
 * The payload of every timer job, one zod schema per type. Services schedule these through the
 * scheduler port (deps.scheduler); the timers worker parses each payload before its handler
 * runs, so a job written by an older deploy with another shape fails loudly, once, instead of
 * running a handler on data it does not understand.
 */
const id = z.number().int().positive();

export const timerPayload = z.discriminatedUnion("type", [
  z.object({ type: z.literal("task-reminder"), taskId: id, scheduleVersion: z.number().int().nonnegative(), key: z.string().min(1).max(80) }),
  z.object({ type: z.literal("critical-realert"), caseId: id, round: z.number().int().nonnegative() }),
  z.object({ type: z.literal("needs-info-reminder"), caseId: id, eventId: id }),
  z.object({ type: z.literal("meeting-reminder"), meetingId: id, key: z.string().min(1).max(80) }),
  z.object({ type: z.literal("morning-digest") }),
  z.object({ type: z.literal("reminders-reconcile") }),
  z.object({ type: z.literal("broadcast-progress"), broadcastId: id }),
  // The countdown to a case's irreversible date (src/services/countdown): the job names the
  // date it was scheduled for, so a job left over from before a postponement does nothing.
  z.object({ type: z.literal("countdown-step"), caseId: id, dateMs: z.number().int(), urgency: z.enum(["critical", "high", "normal"]) }),
  z.object({ type: z.literal("date-check"), caseId: id, dateMs: z.number().int() }),
  z.object({ type: z.literal("countdown-reconcile") }),
  // A resolution's objection window closes (src/services/resolutions/statutory.ts).
  z.object({ type: z.literal("objection-window-close"), resolutionId: id }),
  z.object({ type: z.literal("statutory-reconcile") }),
  // The report sent by itself at the end of a Jalali quarter or month (src/services/report/dispatch.ts).
  z.object({ type: z.literal("report-send"), period: z.string().regex(/^(q\d{4}[1-4]|m\d{6})$/) }),
  // The daily retention sweep of finished outbox rows (src/jobs/outbox-prune.ts).
  z.object({ type: z.literal("outbox-prune") }),
]);

export type TimerJobData = z.infer<typeof timerPayload>;
export type TimerType = TimerJobData["type"];
export type TimerData<K extends TimerType> = Extract<TimerJobData, { type: K }>;
