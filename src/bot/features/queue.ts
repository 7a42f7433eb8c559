// Scope: private chats; secretariat and admins of a working group (work the queue), its chair
// (reads only). /queue: the group's open cases, most urgent first then oldest, with filters
// by status, category and agency; the case card (q:open:<id>, also used by the alerts) with
// every detail, the files on request and the timeline. Triage buttons lead to triage.ts.
import { Composer, InlineKeyboard } from "grammy";
import { allowedActions, CASE_STATUSES, type CaseAction, type CaseStatus } from "../../domain/case-lifecycle";
import { CATEGORY_IDS } from "../../domain/categories";
import { formatJalaliDate } from "../../domain/jalali";
import { fullName, localizeDigits, truncate } from "../../domain/text";
import { type Locale, localName } from "../../i18n";
import { isEmptyScope, queueGroups, triageRole } from "../../services/authz";
import {
  caseAttachments,
  decodeQueueView,
  encodeQueueView,
  listQueue,
  openCaseCard,
  QueueAccessError,
  queueAgencies,
  queueWorkingGroups,
  type CaseCard,
  type QueueView,
} from "../../services/queue";
import { cb, idFrom } from "../callback-data";
import type { BotContext } from "../context";
import { addMenuEntry } from "../menu";
import { replyLong } from "../reply";
import { registerStartPayload } from "./start";
import { agencyName, caseDetailLines, timelineLines } from "../presenters/case";

/** At most this many files are sent back per tap (a case rarely has more). */
const MAX_FILES_PER_REQUEST = 30;

export const URGENCY_MARK: Record<string, string> = { critical: "🔴", high: "🟠", normal: "🟢", low: "⚪" };

export function canUseQueue(ctx: BotContext): boolean {
  return !isEmptyScope(queueGroups(ctx.user));
}

const view = (v: QueueView) => `q:l:${encodeQueueView(v)}`;

async function showGroupPicker(ctx: BotContext): Promise<void> {
  const groups = await queueWorkingGroups(ctx.deps, ctx.user);
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return showQueue(ctx, { workingGroupId: only.id, page: 0 });
  const keyboard = new InlineKeyboard();
  groups.forEach((group, index) => {
    keyboard.text(truncate(localName(group, ctx.locale), 30), view({ workingGroupId: group.id, page: 0 }));
    if (index % 2 === 1) keyboard.row();
  });
  await ctx.reply(ctx.t("queue-pick-group"), { reply_markup: keyboard });
}

function filterSummary(ctx: BotContext, v: QueueView, agencyLabel: string | null): string {
  const parts: string[] = [];
  if (v.status) parts.push(ctx.t(`status-${v.status}`));
  if (v.category) parts.push(ctx.t(`category-${v.category}`));
  if (agencyLabel) parts.push(agencyLabel);
  return parts.length > 0 ? ctx.t("queue-filtered-by", { filters: parts.join("، ") }) : ctx.t("queue-open-only");
}

export async function showQueue(ctx: BotContext, requested: QueueView): Promise<void> {
  let page;
  try {
    page = await listQueue(ctx.deps, ctx.user, requested);
  } catch (error) {
    if (!(error instanceof QueueAccessError)) throw error;
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  // The page actually shown (a page past the end, e.g. after cases left the queue, is the last).
  const v: QueueView = { ...requested, page: page.page };
  const group = await ctx.deps.db.workingGroup.findUniqueOrThrow({ where: { id: v.workingGroupId } });
  const agency = v.agencyId ? await ctx.deps.db.agency.findFirst({ where: { id: v.agencyId, workingGroupId: v.workingGroupId } }) : null;
  const n = (value: number) => localizeDigits(String(value), ctx.locale);
  const lines = [
    ctx.t("queue-title", { group: localName(group, ctx.locale), total: n(page.total), page: n(v.page + 1), pages: n(page.pages) }),
    filterSummary(ctx, v, agency ? localName(agency, ctx.locale) : null),
  ];
  if (page.total === 0) lines.push("", ctx.t("queue-empty"));
  const keyboard = new InlineKeyboard();
  for (const item of page.items) {
    const fresh = item.firstOpenedAt === null ? "🆕 " : "";
    const label = `${URGENCY_MARK[item.urgency] ?? ""} ${fresh}${item.trackingCode} · ${truncate(item.unit.name, 22)} · ${ctx.t(`queue-status-${item.status}`)}`;
    keyboard.text(truncate(label, 64), cb("q:open", item.id)).row();
  }
  if (v.page > 0) keyboard.text(ctx.t("button-previous"), view({ ...v, page: v.page - 1 }));
  if (v.page < page.pages - 1) keyboard.text(ctx.t("button-next"), view({ ...v, page: v.page + 1 }));
  if (v.page > 0 || v.page < page.pages - 1) keyboard.row();
  const encoded = encodeQueueView({ ...v, page: 0 });
  keyboard
    .text(ctx.t("queue-filter-status"), `q:fs:${encoded}`)
    .text(ctx.t("queue-filter-category"), `q:fc:${encoded}`)
    .text(ctx.t("queue-filter-agency"), `q:fa:${encoded}`);
  if (v.status || v.category || v.agencyId) keyboard.row().text(ctx.t("queue-filter-clear"), view({ workingGroupId: v.workingGroupId, page: 0 }));
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
}

async function showFilterOptions(ctx: BotContext, kind: "s" | "c" | "a", v: QueueView): Promise<void> {
  const keyboard = new InlineKeyboard();
  const base = { ...v, page: 0 };
  if (kind === "s") {
    keyboard.text(ctx.t("queue-filter-all-open"), view({ ...base, status: null })).row();
    CASE_STATUSES.forEach((status, index) => {
      keyboard.text(ctx.t(`queue-status-${status}`), view({ ...base, status }));
      if (index % 2 === 1) keyboard.row();
    });
  } else if (kind === "c") {
    keyboard.text(ctx.t("queue-filter-all"), view({ ...base, category: null })).row();
    CATEGORY_IDS.forEach((category, index) => {
      keyboard.text(ctx.t(`category-${category}`), view({ ...base, category }));
      if (index % 2 === 1) keyboard.row();
    });
  } else {
    let agencies;
    try {
      agencies = await queueAgencies(ctx.deps, ctx.user, v.workingGroupId);
    } catch (error) {
      if (!(error instanceof QueueAccessError)) throw error;
      await ctx.reply(ctx.t("error-not-allowed"));
      return;
    }
    keyboard.text(ctx.t("queue-filter-all"), view({ ...base, agencyId: null })).row();
    for (const agency of agencies) keyboard.text(truncate(localName(agency, ctx.locale), 60), view({ ...base, agencyId: agency.id })).row();
  }
  keyboard.row().text(ctx.t("button-back"), view(v));
  await ctx.reply(ctx.t(`queue-filter-pick-${kind}`), { reply_markup: keyboard });
}

// ---------------------------------------------------------------------------------------------
// The case card

/** Triage buttons: the actions the case state machine allows this role now. */
const ACTION_BUTTONS: Array<{ action: CaseAction; code: string; key: string }> = [
  { action: "take", code: "take", key: "queue-action-take" },
  { action: "ask_info", code: "ask", key: "queue-action-ask" },
  { action: "assign", code: "asg", key: "queue-action-assign" },
  { action: "mark_duplicate", code: "dup", key: "queue-action-duplicate" },
  { action: "reject", code: "rej", key: "queue-action-reject" },
  { action: "change_category", code: "cat", key: "queue-action-category" },
  { action: "change_category", code: "urg", key: "queue-action-urgency" },
  { action: "add_note", code: "note", key: "queue-action-note" },
  { action: "resolve", code: "res", key: "queue-action-resolve" },
  { action: "close", code: "cls", key: "queue-action-close" },
  { action: "reopen", code: "reo", key: "queue-action-reopen" },
];

export function cardText(ctx: BotContext, card: CaseCard): string {
  const t = ctx.deps.t;
  const locale = ctx.locale;
  const now = ctx.deps.now();
  const lines = caseDetailLines(t, locale, card, now);
  // The shared status labels speak to the producer ("waiting for your information"); staff
  // read the queue's own labels.
  const producerStatus = t(locale, "case-field-status", { status: t(locale, `status-${card.status}`) });
  const statusIndex = lines.indexOf(producerStatus);
  if (statusIndex >= 0) lines[statusIndex] = t(locale, "case-field-status", { status: t(locale, `queue-status-${card.status}`) });
  // Before the description (the presenter's last line): what only staff see.
  const description = lines.pop();
  lines.push(
    ctx.t("queue-field-legal-id", { legalId: localizeDigits(card.unit.legalId, locale) }),
    ctx.t("queue-field-county", { county: card.unit.county }),
    ctx.t("queue-field-sector", {
      sector: ctx.t(`sector-${card.unit.sector}`),
      activity: ctx.t(`activity-${card.unit.activityStatus}`),
      employees: localizeDigits(String(card.unit.employees), locale),
    }),
    ctx.t("queue-field-reporter", { name: fullName(card.reporter) }),
  );
  if (card.reporterPhone) lines.push(ctx.t("queue-field-phone", { phone: localizeDigits(card.reporterPhone, locale) }));
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
    }
  }
  // An assignment records who referred the case to whom; its task's own creation line would repeat it.
  const assignedTasks = new Set(card.events.filter((e) => e.type === "assigned" && e.taskId !== null).map((e) => e.taskId));
  const events = card.events.filter((e) => !(e.type === "task_created" && assignedTasks.has(e.taskId)));
  const timeline = timelineLines(t, locale, events, { includeInternal: true });
  lines.push("", ctx.t("case-timeline-title"), ...timeline);
  if (!card.canAct) lines.push("", ctx.t("queue-read-only"));
  return lines.join("\n");
}

export function cardKeyboard(ctx: BotContext, card: CaseCard): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const role = card.canAct ? triageRole(ctx.user, card.workingGroupId) : null;
  if (role) {
    const allowed = new Set(allowedActions(card.status as CaseStatus, role));
    let inRow = 0;
    for (const button of ACTION_BUTTONS) {
      if (!allowed.has(button.action)) continue;
      if (button.action === "take" && card.takenById === ctx.user.id) continue;
      keyboard.text(ctx.t(button.key), cb("tr", button.code, card.id));
      inRow += 1;
      if (inRow % 2 === 0) keyboard.row();
    }
    if (inRow % 2 === 1) keyboard.row();
  }
  if (role && allowedActions(card.status as CaseStatus, role).includes("put_on_agenda")) {
    keyboard.text(ctx.t("queue-action-agenda"), cb("mtg:pick", card.id)).row();
  }
  if (card._count.attachments > 0) keyboard.text(ctx.t("queue-button-files"), cb("q:att", card.id)).row();
  keyboard.text(ctx.t("queue-button-back"), view({ workingGroupId: card.workingGroupId, page: 0 }));
  return keyboard;
}

/** Sends the card (split at Telegram's limit; the buttons under the last part). */
export async function showCaseCard(ctx: BotContext, caseId: number): Promise<void> {
  const card = await openCaseCard(ctx.deps, ctx.user, caseId);
  if (!card) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  await replyLong(ctx, cardText(ctx, card), cardKeyboard(ctx, card));
}

async function sendFiles(ctx: BotContext, caseId: number): Promise<void> {
  const files = await caseAttachments(ctx.deps, ctx.user, caseId);
  if (!files) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  if (files.length === 0) {
    await ctx.reply(ctx.t("queue-files-none"));
    return;
  }
  for (const file of files.slice(0, MAX_FILES_PER_REQUEST)) {
    const caption = truncate(
      [file.fileName, formatJalaliDate(file.createdAt, ctx.locale, { time: true })].filter(Boolean).join(" — "),
      1000,
    );
    if (file.kind === "PHOTO") await ctx.replyWithPhoto(file.fileId, { caption });
    else await ctx.replyWithDocument(file.fileId, { caption });
  }
  if (files.length > MAX_FILES_PER_REQUEST) {
    await ctx.reply(ctx.t("queue-files-more", { count: localizeDigits(String(files.length - MAX_FILES_PER_REQUEST), ctx.locale) }));
  }
}

export const queue = new Composer<BotContext>();
const chat = queue.chatType("private");

chat.command("queue", showGroupPicker);
chat.callbackQuery("q:home", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showGroupPicker(ctx);
});

chat.callbackQuery(/^q:l:([\d.-]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const v = decodeQueueView(ctx.match[1]);
  if (!v) return;
  await showQueue(ctx, v);
});

chat.callbackQuery(/^q:f([sca]):([\d.-]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const v = decodeQueueView(ctx.match[2]);
  const kind = ctx.match[1] as "s" | "c" | "a";
  if (!v) return;
  await showFilterOptions(ctx, kind, v);
});

chat.callbackQuery(/^q:open:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  await showCaseCard(ctx, id);
});

// An alert in the secretariat's group chat: the card (with the producer's phone) opens in the
// member's private chat with the bot, never in the group.
queue.chatType(["group", "supergroup"]).callbackQuery(/^q:open:(\d+)$/, async (ctx) => {
  const id = idFrom(ctx.match[1]);
  if (!id) return ctx.answerCallbackQuery();
  await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=case_${id}` });
});

registerStartPayload("case_", async (ctx, payload) => {
  const id = idFrom(payload);
  if (!id) return false;
  await showCaseCard(ctx, id);
  return true;
});

chat.callbackQuery(/^q:att:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  await sendFiles(ctx, id);
});

addMenuEntry({ labelKey: "queue-menu", callback: "q:home", visible: canUseQueue });
