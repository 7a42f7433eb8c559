/**
 * The case card as the secretariat (and the group's chair, read only) reads it: every detail,
 * the staff-only fields, the tasks and the full timeline, with the triage actions the case
 * state machine allows the reader now.
 */
import { InlineKeyboard } from "grammy";
import { desk, fastTrack, representatives, shared, type Button } from "../../buttons";
import { allowedActions, type CaseAction, type CaseStatus } from "../../domain/case-lifecycle";
import { formatJalaliDate } from "../../domain/jalali";
import { fullName, localizeDigits } from "../../domain/text";
import { localName } from "../../i18n";
import { triageRole } from "../../services/authz";
import type { CaseCard } from "../../services/queue";
import type { BotContext } from "../context";
import { agencyName, caseDetailLines, timelineLines } from "./case";
import type { Screen } from "./meetings";
import { queueViewData } from "./queue";
import { caseWaitingLine, pausedTaskLine } from "./waiting";

/** How a case filed on a unit's behalf came (Case.intakeChannel): the card's line. */
const ON_BEHALF_KEYS: Record<string, string> = {
  in_person: "intake-field-in_person",
  letter: "intake-field-letter",
  visit: "visits-field-visit",
  restart_plan: "restart-field-plan",
};

/** Triage buttons: the actions the case state machine allows this role now. */
const ACTION_BUTTONS: Array<{ action: CaseAction; button: Button<{ caseId: "id" }>; key: string }> = [
  { action: "take", button: desk.take, key: "queue-action-take" },
  { action: "ask_info", button: desk.askInfo, key: "queue-action-ask" },
  { action: "assign", button: desk.assign, key: "queue-action-assign" },
  { action: "mark_duplicate", button: desk.duplicate, key: "queue-action-duplicate" },
  { action: "reject", button: desk.reject, key: "queue-action-reject" },
  { action: "change_category", button: desk.category, key: "queue-action-category" },
  { action: "change_category", button: desk.urgency, key: "queue-action-urgency" },
  { action: "add_note", button: desk.note, key: "queue-action-note" },
  { action: "resolve", button: desk.resolve, key: "queue-action-resolve" },
  { action: "close", button: desk.close, key: "queue-action-close" },
  { action: "reopen", button: desk.reopen, key: "queue-action-reopen" },
];

function cardText(ctx: BotContext, card: CaseCard): string {
  const t = ctx.deps.t;
  const locale = ctx.locale;
  // Who is waiting on whom goes under the status.
  const lines = caseDetailLines(t, locale, card, ctx.deps.now(), ctx.deps.policies.calendar, caseWaitingLine(t, locale, card, "staff"));
  // The shared status labels speak to the producer ("waiting for your information"); staff
  // read the queue's own labels.
  const producerStatus = t(locale, "case-field-status", { status: t(locale, `status-${card.status}`) });
  const statusIndex = lines.indexOf(producerStatus);
  if (statusIndex >= 0) lines[statusIndex] = t(locale, "case-field-status", { status: t(locale, `queue-status-${card.status}`) });
  // Before the description (the presenter's last line): what only staff see.
  const description = lines.pop();
  lines.push(
    ctx.t("queue-field-legal-id", { legalId: localizeDigits(card.unit.legalId, locale) }),
    ctx.t("queue-field-county", { county: localName(card.county, locale) }),
    ...(card.unit.industrialEstate ? [ctx.t("admin-field-estate", { estate: localName(card.unit.industrialEstate, locale) })] : []),
    ctx.t("queue-field-sector", {
      sector: ctx.t(`sector-${card.unit.sector}`),
      activity: ctx.t(`activity-${card.unit.activityStatus}`),
      employees: localizeDigits(String(card.unit.employees), locale),
    }),
    ctx.t("queue-field-reporter", { name: fullName(card.reporter) }),
  );
  if (card.reporterPhone) lines.push(ctx.t("queue-field-phone", { phone: localizeDigits(card.reporterPhone, locale) }));
  if (card.onBehalfName && card.filedBy) {
    lines.push(ctx.t(ON_BEHALF_KEYS[card.intakeChannel ?? ""] ?? "intake-field-in_person", { producer: card.onBehalfName, filer: fullName(card.filedBy) }));
  }
  if (card.takenBy) lines.push(ctx.t("queue-field-taken-by", { name: fullName(card.takenBy) }));
  if (card.urgencyOverridden) lines.push(ctx.t("queue-field-urgency-overridden"));
  if (card.duplicateOf) lines.push(ctx.t("queue-field-duplicate-of", { code: card.duplicateOf.trackingCode }));
  if (card.outcome) lines.push(ctx.t("queue-field-outcome", { outcome: card.outcome }));
  lines.push(ctx.t("queue-field-attachments", { count: localizeDigits(String(card._count.attachments), locale) }));
  if (description !== undefined) lines.push(description);
  if (card.tasks.length > 0) {
    lines.push("", ctx.t("queue-tasks-title"));
    for (const task of card.tasks) {
      lines.push(
        ctx.t("queue-task-line", {
          agency: agencyName(task.agency, locale) ?? "",
          official: task.official ? fullName(task.official) : ctx.t("triage-official-any"),
          due: formatJalaliDate(task.dueAt, locale, { monthName: true }),
          status: ctx.t(`queue-task-status-${task.status}`),
        }),
      );
      const pause = task.clockPauses[0];
      if (pause) lines.push(pausedTaskLine(t, locale, pause));
    }
  }
  // An assignment records who referred the case to whom; its task's own creation line would repeat it.
  const assignedTasks = new Set(card.events.filter((e) => e.type === "assigned" && e.taskId !== null).map((e) => e.taskId));
  const events = card.events.filter((e) => !(e.type === "task_created" && assignedTasks.has(e.taskId)));
  lines.push("", ctx.t("case-timeline-title"), ...timelineLines(t, locale, events, { includeInternal: true }));
  if (!card.canAct) lines.push("", ctx.t("queue-read-only"));
  return lines.join("\n");
}

function cardKeyboard(ctx: BotContext, card: CaseCard): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const role = card.canAct ? triageRole(ctx.user, card.workingGroupId) : null;
  const allowed = new Set(role ? allowedActions(card.status as CaseStatus, role) : []);
  let inRow = 0;
  for (const { action, button, key } of ACTION_BUTTONS) {
    if (!allowed.has(action)) continue;
    if (action === "take" && card.takenById === ctx.user.id) continue;
    keyboard.text(ctx.t(key), button.pack({ caseId: card.id }));
    inRow += 1;
    if (inRow % 2 === 0) keyboard.row();
  }
  if (inRow % 2 === 1) keyboard.row();
  if (allowed.has("put_on_agenda")) keyboard.text(ctx.t("queue-action-agenda"), shared.agendaPickMeeting.pack({ caseId: card.id })).row();
  // The cut-off fast track (seed 000: the secretariat acts "at once" with the utility).
  if (card.category === "utility_cutoff" && allowed.has("assign")) {
    keyboard.text(ctx.t("fast-track-action-hold"), fastTrack.hold.pack({ caseId: card.id }));
    if (allowed.has("put_on_agenda")) keyboard.text(ctx.t("fast-track-action-meeting"), fastTrack.meeting.pack({ caseId: card.id }));
    keyboard.row();
  }
  if (card._count.attachments > 0) keyboard.text(ctx.t("queue-button-files"), desk.caseFiles.pack({ caseId: card.id })).row();
  // The unit's representatives: add one by invitation, remove one (issue 13, item 6).
  if (card.canAct) keyboard.text(ctx.t("reps-button-of-case"), representatives.ofCase.pack({ caseId: card.id })).row();
  keyboard.text(ctx.t("queue-button-back"), queueViewData({ workingGroupId: card.workingGroupId, page: 0 }));
  return keyboard;
}

export function caseCardScreen(ctx: BotContext, card: CaseCard): Screen {
  return { text: cardText(ctx, card), keyboard: cardKeyboard(ctx, card) };
}

/** "Open the case" under news about it (a triage confirmation, a refusal). */
export function openCaseKeyboard(ctx: BotContext, caseId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("button-open-case"), shared.queueCase.pack({ caseId }));
}
