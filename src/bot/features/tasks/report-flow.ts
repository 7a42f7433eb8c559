// The official's prompts on a task: a progress update (text → files), the completion report
// (letter number → text → files), an extension request (new date → reason) and a refusal
// (reasons → confirm). The service checks everything again when the prompt is sent.
import { InlineKeyboard } from "grammy";
import { tasks as buttons } from "../../../buttons";
import { endOfJalaliDay, formatJalaliDate, formatJalaliYMD, parseJalaliDate } from "../../../domain/jalali";
import { refusal } from "../../../domain/refusal";
import type { TaskAction } from "../../../domain/task-lifecycle";
import { localizeDigits, normalizeText } from "../../../domain/text";
import type { DraftAttachment } from "../../../services/cases";
import {
  completeTask,
  LETTER_NUMBER_MAX,
  refuseTask,
  REFUSAL_MIN,
  reportProgress,
  REPORT_ATTACHMENT_LIMIT,
  requestExtension,
  TEXT_MAX,
  TEXT_MIN,
} from "../../../services/task-actions";
import { loadTaskCard, taskCardForAction, taskTitleBesideCode } from "../../../services/tasks";
import { attachmentFrom } from "../../attachments";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, retry, type FlowState, type StepResult } from "../../flow-engine";
import { refusedOr } from "../../reply";
import { navigation, submitPrompt } from "./answers";
import { showTaskCard } from "./card";

export type ReportKind = "progress" | "done" | "extension" | "refuse";

/** JSON-safe state of the prompt (Redis session). */
interface ReportDraft {
  kind: ReportKind;
  taskId: number;
  text?: string;
  letter?: string | null;
  /** Jalali "YYYY/MM/DD". */
  due?: string;
  attachments?: DraftAttachment[];
}
type Draft = FlowState<ReportDraft>;

const FIRST_STEP: Record<ReportKind, string> = { progress: "text", done: "letter", extension: "date", refuse: "reason" };
const ACTION: Record<ReportKind, TaskAction> = { progress: "progress", done: "complete", extension: "request_extension", refuse: "refuse" };

async function submit(ctx: BotContext, flow: Draft): Promise<StepResult> {
  const draft = flow.data;
  const { deps } = ctx;
  const userId = ctx.user.id;
  const text = draft.text ?? "";
  const attachments = draft.attachments ?? [];
  switch (draft.kind) {
    case "progress":
      return submitPrompt(ctx, draft.taskId, () => reportProgress(deps, userId, draft.taskId, { text, attachments }), "task-done-progress");
    case "done":
      return submitPrompt(
        ctx,
        draft.taskId,
        () => completeTask(deps, userId, draft.taskId, { letterNumber: draft.letter ?? null, text, attachments }),
        "task-done-complete",
      );
    case "extension":
      return submitPrompt(
        ctx,
        draft.taskId,
        () => {
          const due = parseJalaliDate(draft.due ?? "");
          if (!due) throw refusal("task-error", "invalid_input");
          return requestExtension(deps, userId, draft.taskId, { newDueDate: due, reason: text });
        },
        "task-done-extension",
      );
    case "refuse":
      return submitPrompt(ctx, draft.taskId, () => refuseTask(deps, userId, draft.taskId, { reason: text }), "task-done-refuse");
  }
}

const reportFlow = defineFlow<ReportDraft>({
  // The name and data of the prompts before flows were declared; version 1 also held the
  // secretariat's send-back, now a flow of its own (secretariat.ts).
  name: "task",
  version: 2,
  migrate: (data) => (data.kind === "send_back" ? null : (data as unknown as ReportDraft)),
  backButton: buttons.flowBack,
  leave: (ctx, flow) => showTaskCard(ctx, flow.data.taskId),
  steps: {
    letter: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("task-ask-letter"), { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-skip"), buttons.flowSkip.pack())) });
      },
      text: async (_ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length < 1 || text.length > LETTER_NUMBER_MAX) return retry("task-letter-invalid", { max: LETTER_NUMBER_MAX });
        flow.data.letter = text;
        return next("text");
      },
    },
    text: {
      ask: async (ctx, flow) => {
        await ctx.reply(ctx.t(flow.data.kind === "done" ? "task-ask-completion-text" : "task-ask-progress-text"), { reply_markup: navigation(ctx) });
      },
      text: async (_ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length < TEXT_MIN || text.length > TEXT_MAX) return retry("task-text-invalid", { min: TEXT_MIN, max: TEXT_MAX });
        flow.data.text = text;
        return next("files");
      },
    },
    files: {
      ask: async (ctx, flow) => {
        const count = localizeDigits(String(flow.data.attachments?.length ?? 0), ctx.locale);
        await ctx.reply(ctx.t("task-ask-files", { count, limit: REPORT_ATTACHMENT_LIMIT }), {
          reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("task-button-send-report"), buttons.flowSend.pack())),
        });
      },
      text: async () => retry("task-files-expected"),
      message: async (ctx, flow) => {
        const attachments = flow.data.attachments ?? [];
        if (attachments.length >= REPORT_ATTACHMENT_LIMIT) return retry("report-attachments-full", { limit: REPORT_ATTACHMENT_LIMIT });
        const file = attachmentFrom(ctx.message, ctx.deps.config.MAX_ATTACHMENT_MB * 1024 * 1024);
        if (file === "too_big") return retry("report-attachment-too-big", { mb: ctx.deps.config.MAX_ATTACHMENT_MB });
        if (file === "bad_type") return retry("report-attachment-bad-type");
        if (!file) return retry("task-files-expected");
        if (!attachments.some((a) => a.fileUniqueId === file.fileUniqueId)) flow.data.attachments = [...attachments, file];
        return next("files");
      },
    },
    date: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("task-ask-extension-date"), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const due = parseJalaliDate(normalizeText(input));
        const card = due ? await loadTaskCard(ctx.deps, ctx.user.id, flow.data.taskId) : null;
        if (!due || !card) return retry("task-extension-date-invalid");
        const dueAt = endOfJalaliDay(due);
        if (dueAt.getTime() <= card.task.dueAt.getTime() || dueAt.getTime() <= ctx.deps.now().getTime()) {
          return retry("task-extension-date-not-later", { due: formatJalaliDate(card.task.dueAt, ctx.locale, { monthName: true }) });
        }
        flow.data.due = formatJalaliYMD(due);
        return next("reason");
      },
    },
    reason: {
      ask: async (ctx, flow) => {
        const key = flow.data.kind === "extension" ? "task-ask-extension-reason" : "task-ask-refusal-reason";
        await ctx.reply(ctx.t(key, { min: REFUSAL_MIN }), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const min = flow.data.kind === "refuse" ? REFUSAL_MIN : TEXT_MIN;
        const text = normalizeText(input);
        if (text.length < min || text.length > TEXT_MAX) return retry("task-text-invalid", { min, max: TEXT_MAX });
        flow.data.text = text;
        return flow.data.kind === "refuse" ? next("confirm") : submit(ctx, flow);
      },
    },
    confirm: {
      ask: async (ctx, flow) => {
        await ctx.reply(ctx.t("task-confirm-refusal", { reason: flow.data.text ?? "" }), {
          reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("task-button-confirm-refusal"), buttons.flowSend.pack())),
        });
      },
    },
  },
  buttons: [
    {
      button: buttons.flowSkip,
      handle: async (_ctx, _payload, flow) => {
        if (flow.step !== "letter") return handled;
        flow.data.letter = null;
        return next("text");
      },
    },
    {
      button: buttons.flowSend,
      handle: async (ctx, _payload, flow) => (flow.step === "files" || flow.step === "confirm" ? submit(ctx, flow) : handled),
    },
  ],
});

export const reportComposer = reportFlow.composer;

/** Opens a prompt from the card's button, when the official may take that action now. */
export async function startReport(ctx: BotContext, kind: ReportKind, taskId: number): Promise<void> {
  const card = await refusedOr(ctx, () => taskCardForAction(ctx.deps, ctx.user.id, taskId, ACTION[kind], "agency"));
  if (!card) return;
  await ctx.reply(ctx.t("task-prompt-intro", { code: card.case.trackingCode, title: taskTitleBesideCode(card.task.title, card.case.trackingCode, 80) }));
  await reportFlow.start(ctx, FIRST_STEP[kind], { kind, taskId, attachments: [] });
}
