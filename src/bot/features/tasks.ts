// Scope: private chats. Officials (OFFICIAL memberships): /tasks lists their agency's open
// tasks; the task card; acknowledge, progress report, completion report, extension request,
// refusal with reasons; agency heads reassign within the agency. The secretariat of the task's
// working group: confirm or send back a completion, approve or refuse an extension. Callback
// data carries ids only; every action is re-checked against the database by the services.
import { Composer, InlineKeyboard } from "grammy";
import { endOfJalaliDay, formatJalaliDate, formatJalaliYMD, parseJalaliDate } from "../../domain/jalali";
import { allowedTaskActions, type TaskAction, type TaskRole } from "../../domain/task-lifecycle";
import { fullName, localizeDigits, normalizeText, truncate } from "../../domain/text";
import type { DraftAttachment } from "../../services/cases";
import {
  acknowledgeTask,
  completeTask,
  confirmTask,
  decideExtension,
  LETTER_NUMBER_MAX,
  refuseTask,
  REFUSAL_MIN,
  reassignTask,
  reportProgress,
  REPORT_ATTACHMENT_LIMIT,
  requestExtension,
  sendBackTask,
  TaskActionError,
  TEXT_MIN,
  TEXT_MAX,
} from "../../services/task-actions";
import {
  dueLabel,
  listOfficialTasks,
  loadTaskCard,
  reassignCandidates,
  taskDocuments,
  type TaskCard,
  taskTitleBesideCode,
} from "../../services/tasks";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { advanceFlow, backButton, currentFlow, endFlow, inFlow, isCommand, registerFlow, retryFlow, startFlow } from "../flow";
import { addMenuEntry } from "../menu";
import { replyLong } from "../reply";
import { caseDetailLines, timelineLines } from "../presenters/case";
import { attachmentFrom } from "./report";
import { localName } from "../../i18n";

const FLOW = "task";
const PAGE_SIZE = 6;
const MAX_FILES_PER_REQUEST = 20;
const HISTORY_LINES = 15;

export const openTaskCallback = (taskId: number): string => cb("t", "o", taskId);

type FlowKind = "progress" | "done" | "extension" | "refuse" | "send_back";

/** JSON-safe state of the one task prompt in progress (Redis session). */
type TaskFlowData = {
  kind: FlowKind;
  taskId: number;
  text?: string;
  letter?: string | null;
  /** Jalali "YYYY/MM/DD". */
  due?: string;
  attachments?: DraftAttachment[];
};

const dataOf = (flow: Flow) => flow.data as TaskFlowData;

const isOfficial = (ctx: BotContext) => ctx.user.memberships.some((m) => m.role === "OFFICIAL" && m.agencyId !== null);

// ---------------------------------------------------------------------------------------------
// List and card

async function showTaskList(ctx: BotContext, page: number): Promise<void> {
  const list = await listOfficialTasks(ctx.deps, ctx.user.id, page, PAGE_SIZE);
  if (list.total === 0) {
    await ctx.reply(ctx.t(isOfficial(ctx) ? "task-list-empty" : "task-not-official"));
    return;
  }
  const now = ctx.deps.now();
  const rows = list.items.map((item) => {
    const mark = item.dueAt.getTime() < now.getTime() ? "🔴" : item.officialId === ctx.user.id ? "📌" : "▫️";
    const due = formatJalaliDate(item.dueAt, ctx.locale);
    const title = taskTitleBesideCode(item.title, item.trackingCode, 24);
    return [InlineKeyboard.text(`${mark} ${item.trackingCode} · ${due} · ${title}`, openTaskCallback(item.id))];
  });
  const paging = [
    ...(list.page > 0 ? [InlineKeyboard.text(ctx.t("button-previous"), cb("t", "l", list.page - 1))] : []),
    ...(list.page < list.pages - 1 ? [InlineKeyboard.text(ctx.t("button-next"), cb("t", "l", list.page + 1))] : []),
  ];
  const keyboard = InlineKeyboard.from(paging.length > 0 ? [...rows, paging] : rows);
  await ctx.reply(
    ctx.t("task-list-title", {
      total: localizeDigits(String(list.total), ctx.locale),
      page: localizeDigits(String(list.page + 1), ctx.locale),
      pages: localizeDigits(String(list.pages), ctx.locale),
    }),
    { reply_markup: keyboard },
  );
}

function roleOf(card: TaskCard): TaskRole | null {
  if (card.actor.agencyHead) return "agency_head";
  if (card.actor.official) return "official";
  return card.actor.secretariat ? "secretariat" : null;
}

export function taskCardText(ctx: BotContext, card: TaskCard): string {
  const { t } = ctx.deps;
  const now = ctx.deps.now();
  const locale = ctx.locale;
  const official = card.task.official
    ? fullName(card.task.official)
    : t(locale, "task-unassigned");
  const lines = [
    t(locale, "task-card-title", { title: card.task.title }),
    t(locale, "task-card-agency", { agency: localName(card.task.agency, locale) }),
    t(locale, "task-card-official", { official }),
    t(locale, "task-card-due", { due: dueLabel(t, locale, card.task.dueAt, now) }),
    t(locale, "task-card-status", { status: t(locale, `task-status-${card.task.status}`) }),
    "",
    ...caseDetailLines(t, locale, card.case, now),
  ];
  if (card.contact) {
    lines.push(t(locale, "task-card-contact", { name: card.contact.name, phone: card.contact.phone ? localizeDigits(card.contact.phone, locale) : t(locale, "task-card-no-phone") }));
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
  ["acknowledge", "task-button-acknowledge", (id) => cb("t", "ack", id)],
  ["progress", "task-button-progress", (id) => cb("t", "prg", id)],
  ["complete", "task-button-complete", (id) => cb("t", "done", id)],
  ["request_extension", "task-button-extension", (id) => cb("t", "ext", id)],
  ["refuse", "task-button-refuse", (id) => cb("t", "ref", id)],
  ["reassign", "task-button-reassign", (id) => cb("t", "ra", id)],
  ["confirm", "task-button-confirm", (id) => cb("t", "cf", id)],
  ["send_back", "task-button-send-back", (id) => cb("t", "sb", id)],
];

function taskCardKeyboard(ctx: BotContext, card: TaskCard): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const role = roleOf(card);
  const allowed = role ? allowedTaskActions(card.task.status, role) : [];
  let inRow = 0;
  for (const [action, labelKey, callback] of ACTION_BUTTONS) {
    // The secretariat's reassign lives on its case card; here only agency heads reassign.
    if (!allowed.includes(action) || (action === "reassign" && role !== "agency_head")) continue;
    if (action === "request_extension" && card.pendingExtension) continue;
    keyboard.text(ctx.t(labelKey), callback(card.task.id));
    if (++inRow % 2 === 0) keyboard.row();
  }
  if (inRow % 2 !== 0) keyboard.row();
  if (card.pendingExtension && card.actor.secretariat) {
    keyboard
      .text(ctx.t("task-button-approve"), cb("t", "xa", card.pendingExtension.id))
      .text(ctx.t("task-button-refuse-extension"), cb("t", "xr", card.pendingExtension.id))
      .row();
  }
  if (card.documentCount > 0) {
    keyboard.text(ctx.t("task-button-documents", { count: localizeDigits(String(card.documentCount), ctx.locale) }), cb("t", "docs", card.task.id)).row();
  }
  if (card.actor.official) keyboard.text(ctx.t("task-button-list"), cb("t", "l", 0));
  return keyboard;
}

async function showTaskCard(ctx: BotContext, taskId: number): Promise<void> {
  const card = await loadTaskCard(ctx.deps, ctx.user.id, taskId);
  if (!card) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  await replyLong(ctx, taskCardText(ctx, card), taskCardKeyboard(ctx, card));
}

async function sendTaskDocuments(ctx: BotContext, taskId: number): Promise<void> {
  const files = await taskDocuments(ctx.deps, ctx.user.id, taskId, MAX_FILES_PER_REQUEST);
  if (!files) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  if (files.length === 0) {
    await ctx.reply(ctx.t("task-documents-none"));
    return;
  }
  for (const file of files) {
    const caption = file.fileName ? truncate(file.fileName, 200) : undefined;
    if (file.kind === "PHOTO") await ctx.replyWithPhoto(file.fileId, caption ? { caption } : {});
    else await ctx.replyWithDocument(file.fileId, caption ? { caption } : {});
  }
}

// ---------------------------------------------------------------------------------------------
// Running an action and telling the user how it went

/** Runs a service action; a refusal is explained to the user and returned (null: done). */
async function perform(ctx: BotContext, taskId: number, action: () => Promise<unknown>, doneKey: string): Promise<TaskActionError | null> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof TaskActionError)) throw error;
    await ctx.reply(ctx.t(`task-error-${error.reason}`));
    return error;
  }
  await ctx.reply(ctx.t(doneKey), { reply_markup: new InlineKeyboard().text(ctx.t("task-button-open"), openTaskCallback(taskId)) });
  return null;
}

// ---------------------------------------------------------------------------------------------
// Prompts (progress, completion, extension, refusal, send back)

const FIRST_STEP: Record<FlowKind, string> = {
  progress: "text",
  done: "letter",
  extension: "date",
  refuse: "reason",
  send_back: "reason",
};

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "t:f:back").text(ctx.t("button-cancel"), "flow:cancel");
}

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const data = dataOf(flow);
  switch (flow.step) {
    case "text":
      await ctx.reply(ctx.t(data.kind === "done" ? "task-ask-completion-text" : "task-ask-progress-text"), { reply_markup: navigation(ctx) });
      return;
    case "letter":
      await ctx.reply(ctx.t("task-ask-letter"), { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-skip"), "t:f:skip")) });
      return;
    case "files": {
      const count = data.attachments?.length ?? 0;
      await ctx.reply(ctx.t("task-ask-files", { count: localizeDigits(String(count), ctx.locale), limit: REPORT_ATTACHMENT_LIMIT }), {
        reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("task-button-send-report"), "t:f:send")),
      });
      return;
    }
    case "date":
      await ctx.reply(ctx.t("task-ask-extension-date"), { reply_markup: navigation(ctx) });
      return;
    case "reason": {
      const key = data.kind === "extension" ? "task-ask-extension-reason" : data.kind === "refuse" ? "task-ask-refusal-reason" : "task-ask-send-back-reason";
      await ctx.reply(ctx.t(key, { min: REFUSAL_MIN }), { reply_markup: navigation(ctx) });
      return;
    }
    case "confirm":
      await ctx.reply(ctx.t("task-confirm-refusal", { reason: data.text ?? "" }), {
        reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("task-button-confirm-refusal"), "t:f:send")),
      });
      return;
  }
}

registerFlow(FLOW, ask);

async function startPrompt(ctx: BotContext, kind: FlowKind, taskId: number): Promise<void> {
  const card = await loadTaskCard(ctx.deps, ctx.user.id, taskId);
  const role = card ? roleOf(card) : null;
  const action: TaskAction = { progress: "progress", done: "complete", extension: "request_extension", refuse: "refuse", send_back: "send_back" }[kind] as TaskAction;
  if (!card || !role || !allowedTaskActions(card.task.status, role).includes(action)) {
    await ctx.reply(ctx.t(card ? "task-error-illegal_transition" : "error-not-found"));
    return;
  }
  const data: TaskFlowData = { kind, taskId, attachments: [] };
  const flow = startFlow(ctx, FLOW, FIRST_STEP[kind], data);
  await ctx.reply(ctx.t("task-prompt-intro", { code: card.case.trackingCode, title: taskTitleBesideCode(card.task.title, card.case.trackingCode, 80) }));
  await ask(ctx, flow);
}

/** Sends what the prompt collected; the flow ends only once the action is committed. */
async function submit(ctx: BotContext, flow: Flow): Promise<void> {
  const data = dataOf(flow);
  const { deps } = ctx;
  const userId = ctx.user.id;
  const run: Record<FlowKind, [() => Promise<unknown>, string]> = {
    progress: [() => reportProgress(deps, userId, data.taskId, { text: data.text ?? "", attachments: data.attachments ?? [] }), "task-done-progress"],
    done: [
      () => completeTask(deps, userId, data.taskId, { letterNumber: data.letter ?? null, text: data.text ?? "", attachments: data.attachments ?? [] }),
      "task-done-complete",
    ],
    extension: [
      () => {
        const due = parseJalaliDate(data.due ?? "");
        if (!due) throw new TaskActionError("invalid_input");
        return requestExtension(deps, userId, data.taskId, { newDueDate: due, reason: data.text ?? "" });
      },
      "task-done-extension",
    ],
    refuse: [() => refuseTask(deps, userId, data.taskId, { reason: data.text ?? "" }), "task-done-refuse"],
    send_back: [() => sendBackTask(deps, userId, data.taskId, { reason: data.text ?? "" }), "task-done-send-back"],
  };
  const [action, doneKey] = run[data.kind];
  const failure = await perform(ctx, data.taskId, action, doneKey);
  // Bad input: ask again with everything typed so far kept; anything else ends the prompt.
  if (failure?.reason === "invalid_input") await ask(ctx, flow);
  else endFlow(ctx);
}

export const tasks = new Composer<BotContext>();
const chat = tasks.chatType("private");

chat.command("tasks", (ctx) => showTaskList(ctx, 0));
chat.callbackQuery(/^t:l:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTaskList(ctx, Number(ctx.match[1]));
});

/** Callback handlers of the form t:<verb>:<id>; the id is parsed, never trusted. */
function onTask(verb: string, handler: (ctx: BotContext, id: number) => Promise<void>): void {
  chat.callbackQuery(new RegExp(`^t:${verb}:(\\d+)$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = idFrom(ctx.match[1]);
    if (id === null) return;
    await handler(ctx, id);
  });
}

onTask("o", showTaskCard);
onTask("docs", sendTaskDocuments);
onTask("ack", async (ctx, id) => {
  await perform(ctx, id, () => acknowledgeTask(ctx.deps, ctx.user.id, id), "task-done-acknowledge");
});
onTask("prg", (ctx, id) => startPrompt(ctx, "progress", id));
onTask("done", (ctx, id) => startPrompt(ctx, "done", id));
onTask("ext", (ctx, id) => startPrompt(ctx, "extension", id));
onTask("ref", (ctx, id) => startPrompt(ctx, "refuse", id));
onTask("sb", (ctx, id) => startPrompt(ctx, "send_back", id));
onTask("cf", async (ctx, id) => {
  try {
    const result = await confirmTask(ctx.deps, ctx.user.id, id);
    await ctx.reply(ctx.t(result.caseHasOpenTasks ? "task-done-confirm" : "task-done-confirm-all"));
  } catch (error) {
    if (!(error instanceof TaskActionError)) throw error;
    await ctx.reply(ctx.t(`task-error-${error.reason}`));
  }
});
onTask("xa", async (ctx, extensionId) => {
  await decide(ctx, extensionId, true);
});
onTask("xr", async (ctx, extensionId) => {
  await decide(ctx, extensionId, false);
});

async function decide(ctx: BotContext, extensionId: number, approve: boolean): Promise<void> {
  try {
    const { taskId } = await decideExtension(ctx.deps, ctx.user.id, extensionId, approve);
    await ctx.reply(ctx.t(approve ? "task-done-extension-approved" : "task-done-extension-refused"), {
      reply_markup: new InlineKeyboard().text(ctx.t("task-button-open"), openTaskCallback(taskId)),
    });
  } catch (error) {
    if (!(error instanceof TaskActionError)) throw error;
    await ctx.reply(ctx.t(`task-error-${error.reason}`));
  }
}

onTask("ra", async (ctx, id) => {
  const candidates = await reassignCandidates(ctx.deps, ctx.user.id, id);
  if (!candidates) {
    await ctx.reply(ctx.t("task-error-forbidden"));
    return;
  }
  if (candidates.length === 0) {
    await ctx.reply(ctx.t("task-reassign-nobody"));
    return;
  }
  const keyboard = InlineKeyboard.from(
    candidates.map((official) => [InlineKeyboard.text(fullName(official), cb("t", "ras", id, official.id))]),
  );
  await ctx.reply(ctx.t("task-reassign-choose"), { reply_markup: keyboard });
});
chat.callbackQuery(/^t:ras:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const taskId = idFrom(ctx.match[1]);
  const officialId = idFrom(ctx.match[2]);
  if (taskId === null || officialId === null) return;
  await perform(ctx, taskId, () => reassignTask(ctx.deps, ctx.user.id, taskId, officialId), "task-done-reassign");
});

// ---------------------------------------------------------------------------------------------
// Prompt input

const inTaskFlow = chat.filter(inFlow(FLOW));

inTaskFlow.callbackQuery("t:f:back", backButton(FLOW, (ctx, flow) => showTaskCard(ctx, dataOf(flow).taskId)));

inTaskFlow.callbackQuery("t:f:skip", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "letter") return;
  dataOf(flow).letter = null;
  await advanceFlow(ctx, flow, "text");
});

inTaskFlow.callbackQuery("t:f:send", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || (flow.step !== "files" && flow.step !== "confirm")) return;
  await submit(ctx, flow);
});

inTaskFlow.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const data = dataOf(flow);
  const text = normalizeText(ctx.message.text);
  switch (flow.step) {
    case "letter":
      if (text.length < 1 || text.length > LETTER_NUMBER_MAX) return retryFlow(ctx, flow, "task-letter-invalid", { max: LETTER_NUMBER_MAX });
      data.letter = text;
      return advanceFlow(ctx, flow, "text");
    case "text":
      if (text.length < TEXT_MIN || text.length > TEXT_MAX) return retryFlow(ctx, flow, "task-text-invalid", { min: TEXT_MIN, max: TEXT_MAX });
      data.text = text;
      return advanceFlow(ctx, flow, "files");
    case "date": {
      const due = parseJalaliDate(text);
      const card = due ? await loadTaskCard(ctx.deps, ctx.user.id, data.taskId) : null;
      if (!due || !card) return retryFlow(ctx, flow, "task-extension-date-invalid");
      const dueAt = endOfJalaliDay(due);
      if (dueAt.getTime() <= card.task.dueAt.getTime() || dueAt.getTime() <= ctx.deps.now().getTime()) {
        return retryFlow(ctx, flow, "task-extension-date-not-later", { due: formatJalaliDate(card.task.dueAt, ctx.locale, { monthName: true }) });
      }
      data.due = formatJalaliYMD(due);
      return advanceFlow(ctx, flow, "reason");
    }
    case "reason": {
      const min = data.kind === "refuse" ? REFUSAL_MIN : TEXT_MIN;
      if (text.length < min || text.length > TEXT_MAX) return retryFlow(ctx, flow, "task-text-invalid", { min, max: TEXT_MAX });
      data.text = text;
      if (data.kind === "refuse") return advanceFlow(ctx, flow, "confirm");
      return submit(ctx, flow);
    }
    case "files":
      return retryFlow(ctx, flow, "task-files-expected");
    default:
      return retryFlow(ctx, flow, "expected-button");
  }
});

inTaskFlow.on(["message:photo", "message:document"], async (ctx) => {
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  if (flow.step !== "files") return retryFlow(ctx, flow, "expected-text");
  const data = dataOf(flow);
  const attachments = data.attachments ?? [];
  if (attachments.length >= REPORT_ATTACHMENT_LIMIT) return retryFlow(ctx, flow, "report-attachments-full", { limit: REPORT_ATTACHMENT_LIMIT });
  const file = attachmentFrom(ctx.message, ctx.deps.config.MAX_ATTACHMENT_MB * 1024 * 1024);
  if (file === "too_big") return retryFlow(ctx, flow, "report-attachment-too-big", { mb: ctx.deps.config.MAX_ATTACHMENT_MB });
  if (file === "bad_type") return retryFlow(ctx, flow, "report-attachment-bad-type");
  if (!file) return;
  if (!attachments.some((a) => a.fileUniqueId === file.fileUniqueId)) data.attachments = [...attachments, file];
  await ask(ctx, flow);
});

inTaskFlow.on("message", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (flow) await retryFlow(ctx, flow, "expected-text");
});

addMenuEntry({ labelKey: "menu-tasks", callback: "t:l:0", visible: isOfficial });
