/**
 * How "who is waiting on whom" and the paused clocks read on the cards (the rules:
 * src/domain/waiting-on.ts and src/domain/clock-pause.ts). The producer's card calls the
 * producer "you"; staff cards name the producer, the secretariat, the agencies and meetings.
 */
import { pausedWorkingDays, type WaitingOn } from "../../domain/clock-pause";
import { formatJalaliDate } from "../../domain/jalali";
import { caseWaitingOn, taskWaitingOn, type WaitedParty, type WaitingTask } from "../../domain/waiting-on";
import type { TaskStatus } from "../../domain/task-lifecycle";
import type { WorkingCalendar } from "../../domain/working-calendar";
import { localName, type Locale, type Translator } from "../../i18n";

type Named = { nameFa: string; nameEn: string };

/** The names a party may need: agencies by id, meetings by id (their start). */
export interface PartyNames {
  agencies: ReadonlyMap<number, Named>;
  meetings: ReadonlyMap<number, Date>;
}

export type Audience = "producer" | "staff";

export function partyLabel(t: Translator, locale: Locale, party: WaitedParty, names: PartyNames, audience: Audience): string {
  switch (party.kind) {
    case "producer":
      return t(locale, audience === "producer" ? "waiting-party-producer-you" : "waiting-party-producer");
    case "secretariat":
      return t(locale, "waiting-party-secretariat");
    case "agency": {
      const agency = party.agencyId === null ? undefined : names.agencies.get(party.agencyId);
      return agency ? t(locale, "waiting-party-agency", { agency: localName(agency, locale) }) : t(locale, "waiting-party-agency-other");
    }
    case "meeting": {
      const startsAt = party.meetingId === null ? undefined : names.meetings.get(party.meetingId);
      return startsAt
        ? t(locale, "waiting-party-meeting", { date: formatJalaliDate(startsAt, locale, { monthName: true, time: true }) })
        : t(locale, "waiting-party-meeting-other");
    }
  }
}

/** "⏳ Waiting on: …" for a list of parties; null when nobody is waited on (a finished case). */
export function waitingOnLine(t: Translator, locale: Locale, parties: readonly WaitedParty[], names: PartyNames, audience: Audience): string | null {
  if (parties.length === 0) return null;
  const labels = parties.map((party) => partyLabel(t, locale, party, names, audience));
  return t(locale, "waiting-on", { parties: labels.join(locale === "fa" ? "، " : ", ") });
}

/** What a card reads of a case to say whom it waits on. */
export interface CaseWaitFacts {
  status: string;
  tasks: ReadonlyArray<{ agencyId: number; status: string; agency: Named; clockPauses: ReadonlyArray<{ waitingOn: WaitingOn }> }>;
  /** The meeting whose agenda the case is on (the latest), if any. */
  agendaItems: ReadonlyArray<{ meeting: { id: number; startsAt: Date } }>;
}

const waitingTask = (task: CaseWaitFacts["tasks"][number]): WaitingTask => ({
  agencyId: task.agencyId,
  status: task.status as TaskStatus,
  runningPause: task.clockPauses[0] ?? null,
});

/** The case's "⏳ Waiting on: …" line (null for a finished case). */
export function caseWaitingLine(t: Translator, locale: Locale, item: CaseWaitFacts, audience: Audience): string | null {
  const meeting = item.agendaItems[0]?.meeting ?? null;
  const parties = caseWaitingOn({ status: item.status as never, tasks: item.tasks.map(waitingTask), meetingId: meeting?.id ?? null });
  const names: PartyNames = {
    agencies: new Map(item.tasks.map((task) => [task.agencyId, task.agency])),
    meetings: new Map(meeting ? [[meeting.id, meeting.startsAt]] : []),
  };
  return waitingOnLine(t, locale, parties, names, audience);
}

export interface PauseForDisplay {
  waitingOn: WaitingOn;
  reason: string;
  startedAt: Date;
  endedAt: Date | null;
  pausedWorkingDays: number | null;
}

const when = (instant: Date, locale: Locale) => formatJalaliDate(instant, locale, { monthName: true, time: true });

/**
 * The task card's lines about its clock: whom the task waits on, the running pause (since when,
 * for whom, why, working days so far) and every finished pause that moved the due date.
 */
export function taskClockLines(
  t: Translator,
  locale: Locale,
  task: { agencyId: number; status: string; agency: Named },
  pauses: readonly PauseForDisplay[],
  now: Date,
  calendar: WorkingCalendar,
): string[] {
  const running = pauses.find((pause) => pause.endedAt === null) ?? null;
  const lines: string[] = [];
  for (const pause of pauses) {
    if (pause.endedAt === null || !pause.pausedWorkingDays) continue;
    const party = t(locale, `clock-party-${pause.waitingOn}`);
    lines.push(t(locale, "task-card-due-moved", { days: pause.pausedWorkingDays, party, from: when(pause.startedAt, locale), to: when(pause.endedAt, locale) }));
  }
  if (running) {
    lines.push(
      t(locale, "task-card-paused", {
        since: when(running.startedAt, locale),
        party: t(locale, `clock-party-${running.waitingOn}`),
        reason: t(locale, `clock-reason-${running.reason}`),
        days: pausedWorkingDays(running, now, calendar),
      }),
    );
  }
  const party = taskWaitingOn({ agencyId: task.agencyId, status: task.status as TaskStatus, runningPause: running });
  const names: PartyNames = { agencies: new Map([[task.agencyId, task.agency]]), meetings: new Map() };
  const waiting = waitingOnLine(t, locale, party ? [party] : [], names, "staff");
  if (waiting) lines.push(waiting);
  return lines;
}

/** The staff case card's sub-line under a paused task: since when, for whom. */
export function pausedTaskLine(t: Translator, locale: Locale, pause: { waitingOn: WaitingOn; startedAt: Date }): string {
  return t(locale, "queue-task-paused", { since: when(pause.startedAt, locale), party: t(locale, `clock-party-${pause.waitingOn}`) });
}
