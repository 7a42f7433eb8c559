/**
 * The task screens in chat: the official's list and the task card (details, the case, the
 * pending extension, the report, the history, and the buttons of the reader's role). Text and
 * keyboards only; the handlers in src/bot/features/tasks/ show them.
 */
import { InlineKeyboard } from "grammy";
import { shared, tasks as buttons } from "../../buttons";
import { formatJalaliDate } from "../../domain/jalali";
import { allowedTaskActions, type TaskAction } from "../../domain/task-lifecycle";
import { fullName, localizeDigits } from "../../domain/text";
import { localName } from "../../i18n";
import { cardRole, dueLabel, taskTitleBesideCode, type TaskCard, type TaskListItem } from "../../services/tasks";
import type { BotContext } from "../context";
import { caseDetailLines, timelineLines } from "./case";
import { taskClockLines } from "./waiting";

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

const HISTORY_LINES = 15;

/** "📌 Open the task" under a confirmation or a notice-like answer. */
export function openTaskKeyboard(ctx: BotContext, taskId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("task-button-open"), shared.taskCard.pack({ taskId }));
}

export interface TaskListPage {
  total: number;
  page: number;
  pages: number;
  items: TaskListItem[];
}

/** /tasks: one button a task (⏸ its clock paused, 🔴 overdue, 📌 the reader's own), then the paging buttons. */
export function taskListScreen(ctx: BotContext, list: TaskListPage): { text: string; keyboard?: InlineKeyboard } {
  if (list.total === 0) return { text: ctx.t("task-list-empty") };
  const now = ctx.deps.now();
  const rows = list.items.map((item) => {
    const mark = item.paused ? "⏸" : item.dueAt.getTime() < now.getTime() ? "🔴" : item.officialId === ctx.user.id ? "📌" : "▫️";
    const due = formatJalaliDate(item.dueAt, ctx.locale);
    const title = taskTitleBesideCode(item.title, item.trackingCode, 24);
    return [InlineKeyboard.text(`${mark} ${item.trackingCode} · ${due} · ${title}`, shared.taskCard.pack({ taskId: item.id }))];
  });
  const paging = [
    ...(list.page > 0 ? [InlineKeyboard.text(ctx.t("button-previous"), shared.taskList.pack({ page: list.page - 1 }))] : []),
    ...(list.page < list.pages - 1 ? [InlineKeyboard.text(ctx.t("button-next"), shared.taskList.pack({ page: list.page + 1 }))] : []),
  ];
  const keyboard = InlineKeyboard.from(paging.length > 0 ? [...rows, paging] : rows);
  const text = ctx.t("task-list-title", {
    total: localizeDigits(String(list.total), ctx.locale),
    page: localizeDigits(String(list.page + 1), ctx.locale),
    pages: localizeDigits(String(list.pages), ctx.locale),
  });
  return { text, keyboard };
}

export function taskCardText(ctx: BotContext, card: TaskCard): string {
  const { t } = ctx.deps;
  const now = ctx.deps.now();
  const locale = ctx.locale;
  const official = card.task.official ? fullName(card.task.official) : t(locale, "task-unassigned");
  const lines = [
    t(locale, "task-card-title", { title: card.task.title }),
    t(locale, "task-card-agency", { agency: localName(card.task.agency, locale) }),
    t(locale, "task-card-official", { official }),
    // A cut-off hold request is due at an hour of an office day, not at the end of a day.
    card.task.kind === "CUTOFF_HOLD"
      ? t(locale, "task-card-due-at", { at: formatJalaliDate(card.task.dueAt, locale, { weekday: true, monthName: true, time: true }) })
      : t(locale, "task-card-due", { due: dueLabel(t, locale, card.task.dueAt, now) }),
    t(locale, "task-card-status", { status: t(locale, `task-status-${card.task.status}`) }),
    ...taskClockLines(t, locale, card.task, card.pauses, now, ctx.deps.policies.calendar),
    "",
    ...caseDetailLines(t, locale, card.case, now, ctx.deps.policies.calendar),
  ];
  if (card.contact) {
    const phone = card.contact.phone ? localizeDigits(card.contact.phone, locale) : t(locale, "task-card-no-phone");
    lines.push(t(locale, "task-card-contact", { name: card.contact.name, phone }));
  }
  if (card.pendingExtension) {
    lines.push(
      t(locale, "task-card-extension-pending", {
        date: formatJalaliDate(card.pendingExtension.newDueAt, locale, { monthName: true }),
        reason: card.pendingExtension.reason,
      }),
    );
  }
  if (card.task.completionNote) {
    lines.push(t(locale, "task-card-report", { text: card.task.completionNote, letter: card.task.letterNumber ?? t(locale, "task-letter-none") }));
  }
  if (card.task.refusalReason) lines.push(t(locale, "task-card-refusal", { reason: card.task.refusalReason }));
  const history = timelineLines(t, locale, card.events, { includeInternal: true });
  if (history.length > 0) {
    lines.push("", t(locale, "task-card-history"), ...history.slice(-HISTORY_LINES));
  }
  return lines.join("\n");
}

const ACTION_BUTTONS: Array<[TaskAction, string, (taskId: number) => string]> = [
  ["acknowledge", "task-button-acknowledge", (taskId) => buttons.acknowledge.pack({ taskId })],
  ["progress", "task-button-progress", (taskId) => buttons.progress.pack({ taskId })],
  ["complete", "task-button-complete", (taskId) => buttons.complete.pack({ taskId })],
  ["request_extension", "task-button-extension", (taskId) => buttons.requestExtension.pack({ taskId })],
  ["refuse", "task-button-refuse", (taskId) => buttons.refuse.pack({ taskId })],
  ["reassign", "task-button-reassign", (taskId) => buttons.reassign.pack({ taskId })],
  ["confirm", "task-button-confirm", (taskId) => buttons.confirm.pack({ taskId })],
  ["send_back", "task-button-send-back", (taskId) => buttons.sendBack.pack({ taskId })],
];

/** The actions the reader's role allows now (two a row), the extension decision, documents, the list. */
function taskCardKeyboard(ctx: BotContext, card: TaskCard): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const role = cardRole(card);
  const allowed = role ? allowedTaskActions(card.task.status, role) : [];
  let inRow = 0;
  for (const [action, labelKey, pack] of ACTION_BUTTONS) {
    // The secretariat's reassign lives on its case card; here only agency heads reassign.
    if (!allowed.includes(action) || (action === "reassign" && role !== "agency_head")) continue;
    if (action === "request_extension" && card.pendingExtension) continue;
    keyboard.text(ctx.t(labelKey), pack(card.task.id));
    if (++inRow % 2 === 0) keyboard.row();
  }
  if (inRow % 2 !== 0) keyboard.row();
  if (card.pendingExtension && card.actor.secretariat) {
    const extensionId = card.pendingExtension.id;
    keyboard
      .text(ctx.t("task-button-approve"), buttons.approveExtension.pack({ extensionId }))
      .text(ctx.t("task-button-refuse-extension"), buttons.refuseExtension.pack({ extensionId }))
      .row();
  }
  if (card.documentCount > 0) {
    const count = localizeDigits(String(card.documentCount), ctx.locale);
    keyboard.text(ctx.t("task-button-documents", { count }), buttons.documents.pack({ taskId: card.task.id })).row();
  }
  if (card.actor.official) keyboard.text(ctx.t("task-button-list"), shared.taskList.pack({ page: 0 }));
  return keyboard;
}

export function taskCardScreen(ctx: BotContext, card: TaskCard): Screen {
  return { text: taskCardText(ctx, card), keyboard: taskCardKeyboard(ctx, card) };
}
