/**
 * The morning digest: on working days at the start of working hours (Tehran), every official
 * with tasks due this week or overdue gets ONE message listing them, with buttons to open
 * them. A BullMQ job scheduler (cron, Asia/Tehran) produces one job a day; the handler skips
 * days off and dedupes per official per Jalali day, so a re-run or a second worker never
 * sends a second digest.
 */
import { shared } from "../buttons";
import type { Deps } from "../deps";
import {
  addJalaliDays,
  endOfJalaliDay,
  formatJalaliYMD,
  jalaliWeekday,
  TEHRAN_TZ,
  todayInTehran,
  type JalaliDate,
} from "../domain/jalali";
import { isWorkingDay, type WorkingCalendar } from "../domain/working-calendar";
import type { Locale } from "../i18n";
import { notify, recipientOf, type NoticeButton } from "../services/notifications";
import { dueLabel, REMINDED_TASK_STATUSES, RUNNING_PAUSE, sortTasksForOfficial, taskTitleBesideCode } from "../services/tasks";

export const DIGEST_SCHEDULER_ID = "morning-digest";
const FRIDAY = 5;
/** Lines listed in one digest; the rest are counted ("…and 4 more"). */
export const DIGEST_MAX_LINES = 15;
const DIGEST_MAX_BUTTONS = 8;
const DEFAULT_DIGEST_TIME = "08:00";

type DigestDeps = Pick<Deps, "db" | "t" | "now" | "policies" | "queues" | "flushOutbox" | "logger">;

/** "M H * * *": when quiet hours end (08:00 by default), or 08:00 when there are none. */
export function digestCronPattern(calendar: Pick<WorkingCalendar, "quietStart" | "quietEnd">): string {
  const time = calendar.quietStart === calendar.quietEnd ? DEFAULT_DIGEST_TIME : calendar.quietEnd;
  const [hour, minute] = time.split(":").map(Number);
  return `${minute ?? 0} ${hour ?? 8} * * *`;
}

/** The last day of the Jalali week (Saturday … Friday) that contains `day`. */
export function endOfJalaliWeek(day: JalaliDate): JalaliDate {
  return addJalaliDays(day, (FRIDAY - jalaliWeekday(day) + 7) % 7);
}

/** Worker start hook: (re)registers the daily scheduler; upserting keeps exactly one. */
export async function startMorningDigest(deps: Pick<Deps, "queues" | "policies">): Promise<void> {
  await deps.queues.timers.upsertJobScheduler(
    DIGEST_SCHEDULER_ID,
    { pattern: digestCronPattern(deps.policies.calendar), tz: TEHRAN_TZ },
    { name: DIGEST_SCHEDULER_ID, data: { type: "morning-digest" } },
  );
}

interface DigestTask {
  id: number;
  title: string;
  dueAt: Date;
  agencyId: number;
  workingGroupId: number;
  officialId: number | null;
  trackingCode: string;
}

/** The timer handler (src/jobs/timers.ts). */
export async function sendMorningDigest(data: { type: "morning-digest" }, deps: DigestDeps): Promise<void> {
  await writeMorningDigest(data, deps);
}

/**
 * One digest per official with something due this week or overdue; returns the rows written. A
 * task whose clock is paused (its case waits on someone else) is left out, like its reminders.
 */
export async function writeMorningDigest(_data: { type: "morning-digest" }, deps: DigestDeps): Promise<{ sent: number }> {
  const now = deps.now();
  const today = todayInTehran(now);
  if (!isWorkingDay(today, deps.policies.calendar)) return { sent: 0 };
  const rows = await deps.db.task.findMany({
    where: { status: { in: REMINDED_TASK_STATUSES }, clockPauses: { none: RUNNING_PAUSE }, dueAt: { lte: endOfJalaliDay(endOfJalaliWeek(today)) } },
    select: {
      id: true,
      title: true,
      dueAt: true,
      agencyId: true,
      workingGroupId: true,
      officialId: true,
      case: { select: { trackingCode: true } },
    },
  });
  if (rows.length === 0) return { sent: 0 };
  const tasks: DigestTask[] = rows.map(({ case: c, ...task }) => ({ ...task, trackingCode: c.trackingCode }));
  const memberships = await deps.db.membership.findMany({
    where: { role: "OFFICIAL", revokedAt: null, agencyId: { in: [...new Set(tasks.map((t) => t.agencyId))] } },
    select: { agencyId: true, workingGroupId: true, isAgencyHead: true, user: { select: { id: true, telegramId: true, language: true } } },
  });
  const activeOfficials = new Map<number, Set<number>>();
  for (const m of memberships) {
    if (m.agencyId === null) continue;
    const set = activeOfficials.get(m.agencyId) ?? new Set<number>();
    set.add(m.user.id);
    activeOfficials.set(m.agencyId, set);
  }

  // Per official: own tasks, tasks nobody (active) has, and for heads everything of the agency.
  const perUser = new Map<number, { user: (typeof memberships)[number]["user"]; tasks: Map<number, DigestTask> }>();
  for (const m of memberships) {
    const mine = tasks.filter((task) => {
      if (task.agencyId !== m.agencyId || task.workingGroupId !== m.workingGroupId) return false;
      const assigned = task.officialId !== null && (activeOfficials.get(task.agencyId)?.has(task.officialId) ?? false);
      return m.isAgencyHead || !assigned || task.officialId === m.user.id;
    });
    if (mine.length === 0) continue;
    const entry = perUser.get(m.user.id) ?? { user: m.user, tasks: new Map<number, DigestTask>() };
    for (const task of mine) entry.tasks.set(task.id, task);
    perUser.set(m.user.id, entry);
  }

  const day = formatJalaliYMD(today).replaceAll("/", "");
  let sent = 0;
  for (const { user, tasks: own } of perUser.values()) {
    const list = sortTasksForOfficial([...own.values()], user.id, now);
    const overdue = list.filter((task) => task.dueAt.getTime() < now.getTime()).length;
    const lines = (locale: Locale) => {
      const shown = list.slice(0, DIGEST_MAX_LINES).map(
        (task) => `• ${task.trackingCode} — ${taskTitleBesideCode(task.title, task.trackingCode, 80)} — ${dueLabel(deps.t, locale, task.dueAt, now)}`,
      );
      if (list.length > DIGEST_MAX_LINES) shown.push(deps.t(locale, "digest-more", { count: list.length - DIGEST_MAX_LINES }));
      return shown.join("\n");
    };
    const buttons: NoticeButton[][] = list
      .slice(0, DIGEST_MAX_BUTTONS)
      .map((task) => [{ labelKey: "digest-button-task", callback: shared.taskCard.pack({ taskId: task.id }), args: { code: task.trackingCode } }]);
    buttons.push([{ labelKey: "digest-button-all", callback: shared.taskList.pack({ page: 0 }) }]);
    sent += await notify(deps.db, deps, [recipientOf(user)], {
      key: "digest-message",
      args: (locale) => ({ overdue, week: list.length - overdue, tasks: lines(locale) }),
      dedupeKey: `digest:${user.id}:${day}`,
      kind: "DIGEST",
      buttons,
    });
  }
  if (sent > 0) deps.flushOutbox();
  deps.logger.info({ officials: perUser.size, sent, day }, "morning digest written");
  return { sent };
}
