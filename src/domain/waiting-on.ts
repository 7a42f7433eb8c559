/**
 * Who is waiting on whom, derived (never stored) from a case's status, its tasks with their
 * running pauses (src/domain/clock-pause.ts) and the meeting whose agenda it is on. Every card
 * shows it: the producer's, the secretariat's and the task card.
 *
 * - A finished case (resolved, closed, rejected, duplicate) waits on nobody.
 * - needs_info: the producer (the secretariat asked for information).
 * - on_agenda: the meeting.
 * - An unfinished task: its agency while the ball is in the agency's court; the party its
 *   clock is paused for while it waits on someone else; the secretariat while the agency's
 *   report awaits its review.
 * - submitted (back in the queue, e.g. after the producer answered): the secretariat too.
 * - Nobody else named: the secretariat, whose turn it then is.
 */
import { isOpenStatus, type CaseStatus } from "./case-lifecycle";
import type { WaitingOn } from "./clock-pause";
import { isTaskOpen, needsReminders, type TaskStatus } from "./task-lifecycle";

export type WaitedParty =
  | { kind: "producer" }
  | { kind: "secretariat" }
  /** null: an agency the pause does not name. */
  | { kind: "agency"; agencyId: number | null }
  /** null: a meeting the pause does not name. */
  | { kind: "meeting"; meetingId: number | null };

export interface WaitingTask {
  agencyId: number;
  status: TaskStatus;
  /** The pause running now, if any (at most one). */
  runningPause: { waitingOn: WaitingOn } | null;
}

/** The party a pause waits on. */
export function pauseParty(waitingOn: WaitingOn): WaitedParty {
  if (waitingOn === "producer") return { kind: "producer" };
  if (waitingOn === "agency") return { kind: "agency", agencyId: null };
  return { kind: "meeting", meetingId: null };
}

/** Whom one task waits on now; null once it is finished. */
export function taskWaitingOn(task: WaitingTask): WaitedParty | null {
  if (!isTaskOpen(task.status)) return null;
  if (task.runningPause) return pauseParty(task.runningPause.waitingOn);
  if (!needsReminders(task.status)) return { kind: "secretariat" }; // the agency's report awaits review
  return { kind: "agency", agencyId: task.agencyId };
}

const same = (a: WaitedParty, b: WaitedParty): boolean => {
  if (a.kind !== b.kind) return false;
  if (a.kind === "agency" && b.kind === "agency") return a.agencyId === b.agencyId;
  if (a.kind === "meeting" && b.kind === "meeting") return a.meetingId === b.meetingId;
  return true;
};

/**
 * Whom a case waits on now, each party once, in this order: the producer, the meeting, the
 * secretariat (a case back in its queue), then the agencies and other parties its tasks wait
 * on (task order). Empty for a finished case.
 */
export function caseWaitingOn(input: { status: CaseStatus; tasks: readonly WaitingTask[]; meetingId: number | null }): WaitedParty[] {
  if (!isOpenStatus(input.status)) return [];
  const parties: WaitedParty[] = [];
  const add = (party: WaitedParty | null) => {
    if (party && !parties.some((p) => same(p, party))) parties.push(party);
  };
  if (input.status === "needs_info") add({ kind: "producer" });
  if (input.status === "on_agenda") add({ kind: "meeting", meetingId: input.meetingId });
  if (input.status === "submitted") add({ kind: "secretariat" });
  for (const task of input.tasks) add(taskWaitingOn(task));
  if (parties.length === 0) add({ kind: "secretariat" });
  return parties;
}
