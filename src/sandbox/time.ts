/**
 * The sandbox's clock: real time plus an offset that only grows. It is the container's injected
 * clock (`createContainer(config, { now })`), so every service, reminder plan and countdown
 * reads it. Timers are BullMQ delayed jobs, due in real time; after a jump every delayed job of
 * the timers and deliveries queues that is due by the sandbox's clock is promoted, so
 * reminders, escalations and countdowns fire as they would have. The morning digest is a cron
 * job scheduler in real time: a jump across a working morning runs it once for that morning.
 */
import type { Job, Queue } from "bullmq";
import { endOfTehranDay } from "../domain/jalali";
import { isWorkingMoment, nextWorkingMoment, type WorkingCalendar } from "../domain/working-calendar";

export type Jump = "hour" | "day" | "morning";

const HOUR_MS = 3600_000;

export class SandboxClock {
  /** Offsets in force from a real instant on, oldest first: what a job's add time meant. */
  private readonly history: Array<{ fromRealMs: number; offsetMs: number }>;

  constructor(start?: Date, private readonly realNow: () => number = Date.now) {
    const offsetMs = start ? start.getTime() - realNow() : 0;
    this.history = [{ fromRealMs: 0, offsetMs }];
  }

  now = (): Date => new Date(this.realNow() + this.offsetMs);

  get offsetMs(): number {
    return this.history[this.history.length - 1]?.offsetMs ?? 0;
  }

  /** The sandbox's instant at a real instant (a job's `timestamp`). */
  sandboxTimeAt(realMs: number): number {
    let offset = 0;
    for (const entry of this.history) if (entry.fromRealMs <= realMs) offset = entry.offsetMs;
    return realMs + offset;
  }

  /** Where a jump lands from `from`. */
  static target(from: Date, jump: Jump, calendar: WorkingCalendar): Date {
    if (jump === "hour") return new Date(from.getTime() + HOUR_MS);
    if (jump === "day") return new Date(from.getTime() + 24 * HOUR_MS);
    // Outside working time the next window opens on the next working morning; inside, that is tomorrow's.
    if (!isWorkingMoment(from, calendar)) return nextWorkingMoment(from, calendar);
    return nextWorkingMoment(new Date(endOfTehranDay(from).getTime() + 1), calendar);
  }

  /** Moves the clock forward to `to` (never back); returns the instant left behind. */
  advanceTo(to: Date): Date {
    const before = this.now();
    const gain = Math.max(0, to.getTime() - before.getTime());
    this.history.push({ fromRealMs: this.realNow(), offsetMs: this.offsetMs + gain });
    return before;
  }
}

/** The working mornings (start of working time on a working day) in (from, to]. */
export function morningsBetween(from: Date, to: Date, calendar: WorkingCalendar): Date[] {
  const mornings: Date[] = [];
  let cursor = new Date(from.getTime() + 1);
  for (let i = 0; i < 400; i++) {
    const start = isWorkingMoment(cursor, calendar) ? nextWorkingMoment(new Date(endOfTehranDay(cursor).getTime() + 1), calendar) : nextWorkingMoment(cursor, calendar);
    if (start.getTime() > to.getTime()) break;
    mornings.push(start);
    cursor = new Date(start.getTime() + 1);
  }
  return mornings;
}

/** The delayed jobs whose due time by the sandbox's clock has come, promoted to run now. */
export async function promoteDueJobs(clock: SandboxClock, queues: ReadonlyArray<Queue>): Promise<number> {
  const now = clock.now().getTime();
  let promoted = 0;
  for (const queue of queues) {
    const delayed: Job[] = await queue.getDelayed(0, -1);
    for (const job of delayed) {
      if (!job) continue;
      const due = clock.sandboxTimeAt(job.timestamp) + (job.opts.delay ?? 0);
      if (due > now) continue;
      // A job that started meanwhile (or a scheduler's, replaced) is no longer delayed: skip it.
      await job.promote().then(() => promoted++, () => undefined);
    }
  }
  return promoted;
}
