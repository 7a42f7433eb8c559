// The official's prompts on a task: a progress update (text → files), the completion report
// (letter number → text → files), an extension request (new date → reason) and a refusal
// (reasons → confirm). The service checks everything again when the prompt is sent.
import { InlineKeyboard } from "grammy";
import { tasks as buttons } from "../../../buttons";
import { endOfJalaliDay, formatJalaliDate, formatJalaliYMD, parseJalaliDate } from "../../../domain/jalali";
import { parseAmount } from "../../../domain/money";
import { refusal } from "../../../domain/refusal";
import { isLoanTask, REPORT_TOPICS } from "../../../domain/report-topics";
import type { TaskAction } from "../../../domain/task-lifecycle";
import { localizeDigits, normalizeText } from "../../../domain/text";
import type { DraftAttachment } from "../../../services/cases";
import {
  completeTask,
  LETTER_NUMBER_MAX,
  LOAN_AMOUNT_MAX,
  refuseTask,
  type LoanInput,
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
  /** A bank's task on a financing case: the completion asks for the loan decision too. */
  loanTask?: boolean;
  /** The loan decision: an amount in rials (decimal string), or refusal reasons. */
  loanAmount?: string | null;
  loanReasons?: string | null;
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
        () => completeTask(deps, userId, draft.taskId, { letterNumber: draft.letter ?? null, text, attachments, loan: loanOf(draft) }),
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

function loanOf(draft: ReportDraft): LoanInput | null {
  if (draft.loanAmount) return { decision: "approved", amountRials: BigInt(draft.loanAmount) };
  if (draft.loanReasons) return { decision: "refused", reasons: draft.loanReasons };
  return null;
}

/** After the files: a loan task's completion asks for the loan decision, anything else is sent. */
const afterFiles = (ctx: BotContext, flow: Draft): Promise<StepResult> | StepResult =>
  flow.data.kind === "done" && flow.data.loanTask ? next("loan") : submit(ctx, flow);

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
    loan: {
      ask: async (ctx) => {
        const keyboard = new InlineKeyboard()
          .text(ctx.t("report-loan-button-approved"), buttons.flowLoan.pack({ decision: "a" }))
          .text(ctx.t("report-loan-button-refused"), buttons.flowLoan.pack({ decision: "r" }))
          .row()
          .text(ctx.t("button-skip"), buttons.flowSkip.pack());
        await ctx.reply(ctx.t("report-loan-ask"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    loanAmount: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("report-loan-ask-amount"), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const amount = parseAmount(input, "rial");
        if (amount === null || amount > LOAN_AMOUNT_MAX) return retry("report-loan-amount-invalid");
        flow.data.loanAmount = amount.toString();
        flow.data.loanReasons = null;
        return submit(ctx, flow);
      },
    },
    loanReasons: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("report-loan-ask-reasons", { min: REFUSAL_MIN }), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length < REFUSAL_MIN || text.length > TEXT_MAX) return retry("task-text-invalid", { min: REFUSAL_MIN, max: TEXT_MAX });
        flow.data.loanReasons = text;
        flow.data.loanAmount = null;
        return submit(ctx, flow);
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
      handle: async (ctx, _payload, flow) => {
        if (flow.step === "loan") {
          flow.data.loanAmount = null;
          flow.data.loanReasons = null;
          return submit(ctx, flow);
        }
        if (flow.step !== "letter") return handled;
        flow.data.letter = null;
        return next("text");
      },
    },
    {
      button: buttons.flowSend,
      handle: async (ctx, _payload, flow) => (flow.step === "files" ? afterFiles(ctx, flow) : flow.step === "confirm" ? submit(ctx, flow) : handled),
    },
    {
      button: buttons.flowLoan,
      handle: async (_ctx, payload, flow) => (flow.step === "loan" ? next(payload.decision === "a" ? "loanAmount" : "loanReasons") : handled),
    },
  ],
});

export const reportComposer = reportFlow.composer;

/** Opens a prompt from the card's button, when the official may take that action now. */
export async function startReport(ctx: BotContext, kind: ReportKind, taskId: number): Promise<void> {
  const card = await refusedOr(ctx, () => taskCardForAction(ctx.deps, ctx.user.id, taskId, ACTION[kind], "agency"));
  if (!card) return;
  await ctx.reply(ctx.t("task-prompt-intro", { code: card.case.trackingCode, title: taskTitleBesideCode(card.task.title, card.case.trackingCode, 80) }));
  const loanTask = kind === "done" && isLoanTask(REPORT_TOPICS, card.task.agency.kind, card.case.category, card.case.subcategory);
  await reportFlow.start(ctx, FIRST_STEP[kind], { kind, taskId, attachments: [], ...(loanTask ? { loanTask } : {}) });
}
