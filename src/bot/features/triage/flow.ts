// The short flows behind the case card's triage buttons (each ends in a confirmation):
// ask the producer, refer to an agency (agency → official → due date), duplicate, reject
// (reason → [text]), subject (category → [subcategory]), urgency, internal note, resolve,
// close, reopen. Back and /cancel work at every step; the service re-checks everything when
// the action runs, and a refused answer asks the same question again.
import { desk } from "../../../buttons";
import { CATEGORIES, isSubcategoryOf } from "../../../domain/categories";
import { formatJalaliYMD } from "../../../domain/jalali";
import { isRefusal, type Refusal } from "../../../domain/refusal";
import { rejectReasonNeedsText } from "../../../domain/reject-reasons";
import { localizeDigits, normalizeText } from "../../../domain/text";
import {
  addInternalNote,
  assignCase,
  changeCategory,
  changeUrgency,
  closeCase,
  markDuplicate,
  parseDueDate,
  previewDuplicate,
  rejectCase,
  reopenCase,
  requestInformation,
  resolveCase,
  type TriageRefusalReason,
} from "../../../services/triage";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, on, retry, type FlowState, type StepResult } from "../../flow-engine";
import { openCaseKeyboard } from "../../presenters/case-card";
import { clearPick, searchList, turnList } from "../../pick-steps";
import { answerRefusal } from "../../reply";
import { textLimits, type TriageDraft } from "./draft";
import * as prompts from "./prompts";

type Draft = FlowState<TriageDraft>;

/** Refusals the user can fix by answering a step again; the others end the flow. */
const INPUT_REFUSALS: Partial<Record<TriageRefusalReason, string>> = {
  invalid_text: "text",
  invalid_date: "due",
  past_date: "due",
  far_date: "due",
  duplicate_not_found: "code",
  duplicate_self: "code",
  invalid_official: "official",
};

/** A refusal that ends the triage flow (if one runs): why, and the case again. */
export async function refuseAction(ctx: BotContext, error: unknown, caseId: number): Promise<void> {
  if (!isRefusal(error)) return answerRefusal(ctx, error);
  if (triageFlow.current(ctx)) endFlow(ctx);
  ctx.logger.info({ caseId, reason: error.reason }, "triage action refused");
  await ctx.reply(ctx.t(error.messageKey, error.args), { reply_markup: openCaseKeyboard(ctx, caseId) });
}

async function perform(ctx: BotContext, draft: TriageDraft): Promise<unknown> {
  const { deps, user } = ctx;
  const id = draft.caseId;
  switch (draft.action) {
    case "ask":
      return requestInformation(deps, user, id, { question: draft.text ?? "" });
    case "asg":
      return assignCase(deps, user, id, { agencyId: draft.agencyId ?? 0, officialId: draft.officialId ?? null, dueDate: draft.due ?? "" });
    case "dup":
      return markDuplicate(deps, user, id, { originalCode: draft.original ?? "" });
    case "rej":
      return rejectCase(deps, user, id, { reason: draft.reason ?? "other", text: draft.text ?? null });
    case "cat":
      return changeCategory(deps, user, id, { category: draft.category ?? "", subcategory: draft.subcategory ?? null });
    case "urg":
      return changeUrgency(deps, user, id, { urgency: draft.urgency ?? "" });
    case "note":
      return addInternalNote(deps, user, id, { text: draft.text ?? "" });
    case "res":
      return resolveCase(deps, user, id, { outcome: draft.text ?? "" });
    case "cls":
      return closeCase(deps, user, id);
    case "reo":
      return reopenCase(deps, user, id);
  }
}

async function confirm(ctx: BotContext, flow: Draft): Promise<StepResult> {
  if (flow.step !== "confirm") return handled;
  const draft = flow.data;
  try {
    await perform(ctx, draft);
  } catch (error) {
    const step = isRefusal(error) ? INPUT_REFUSALS[error.reason as TriageRefusalReason] : undefined;
    if (!step) {
      await refuseAction(ctx, error, draft.caseId);
      return handled;
    }
    // Fixable: say why, then ask that step again.
    await ctx.reply(ctx.t((error as Refusal).messageKey));
    return next(step);
  }
  endFlow(ctx);
  ctx.logger.info({ caseId: draft.caseId, action: draft.action }, "triage action done");
  await ctx.reply(ctx.t(`triage-done-${draft.action}`, { code: draft.code }), { reply_markup: openCaseKeyboard(ctx, draft.caseId) });
  return handled;
}

/** A typed answer the service refuses (a date, a tracking code): why, and the same question. */
async function checked(ctx: BotContext, flow: Draft, check: () => Promise<void>): Promise<StepResult> {
  try {
    await check();
    return next("confirm");
  } catch (error) {
    if (!isRefusal(error)) throw error;
    if (error.reason === "not_found") {
      await refuseAction(ctx, error, flow.data.caseId);
      return handled;
    }
    return retry(error.messageKey, error.args);
  }
}

/** A flow button pressed at another step (an older question's message): ignored. */
const at = (flow: Draft, step: string) => flow.step === step;

export const triageFlow = defineFlow<TriageDraft>({
  name: "triage",
  version: 1,
  backButton: desk.flowBack,
  leave: (ctx, flow) => ctx.reply(ctx.t("cancel-done"), { reply_markup: openCaseKeyboard(ctx, flow.data.caseId) }),
  steps: {
    text: {
      ask: prompts.askText,
      text: async (ctx, input, flow) => {
        const text = normalizeText(input);
        const { min, max } = textLimits(flow.data);
        if (text.length < min || text.length > max) {
          const n = (value: number) => localizeDigits(String(value), ctx.locale);
          return retry("triage-error-text-length", { min: n(min), max: n(max), length: n(text.length) });
        }
        flow.data.text = text;
        return next("confirm");
      },
    },
    agency: {
      ask: prompts.askAgency,
      // A few letters of the agency's name (Persian or English) narrow the list.
      text: searchList("agency"),
    },
    official: { ask: prompts.askOfficial },
    due: {
      ask: prompts.askDue,
      text: (ctx, text, flow) =>
        checked(ctx, flow, async () => {
          flow.data.due = formatJalaliYMD(parseDueDate(text, ctx.deps.now()));
        }),
    },
    code: {
      ask: prompts.askDuplicate,
      text: (ctx, text, flow) =>
        checked(ctx, flow, async () => {
          flow.data.original = await previewDuplicate(ctx.deps, ctx.user, flow.data.caseId, text);
        }),
    },
    reason: { ask: prompts.askRejectReason },
    category: { ask: prompts.askCategory },
    subcategory: { ask: prompts.askSubcategory },
    urgency: { ask: prompts.askUrgency },
    confirm: { ask: prompts.askConfirm },
  },
  buttons: [
    on(desk.agencyPage, async (ctx, { page }, flow) => (at(flow, "agency") ? turnList(ctx, flow, { page }, () => prompts.agencyScreen(ctx, flow)) : handled)),
    on(desk.pickAgency, async (ctx, { agencyId }, flow) => {
      if (!at(flow, "agency")) return handled;
      // Only an agency of the case's own group (forged data is refused like a wrong answer).
      if (!(await prompts.agencyChoices(ctx, flow)).some((agency) => agency.id === agencyId)) return retry("expected-button");
      flow.data.agencyId = agencyId;
      flow.data.officialId = null;
      clearPick(flow.data);
      return next("official");
    }),
    on(desk.pickOfficial, async (ctx, p, flow) => {
      if (!at(flow, "official")) return handled;
      const officialId = p.officialId === "0" ? null : Number(p.officialId);
      if (officialId !== null && !(await prompts.officialChoices(ctx, flow)).some((official) => official.id === officialId)) return retry("expected-button");
      flow.data.officialId = officialId;
      return next("due");
    }),
    on(desk.pickRejectReason, async (_ctx, { reason }, flow) => {
      if (!at(flow, "reason")) return handled;
      flow.data.reason = reason;
      delete flow.data.text;
      // "Not within this working group's remit" asks who is responsible; "other" asks why.
      return next(rejectReasonNeedsText(reason) ? "text" : "confirm");
    }),
    on(desk.pickCategory, async (_ctx, { category }, flow) => {
      if (!at(flow, "category")) return handled;
      flow.data.category = category;
      flow.data.subcategory = null;
      const hasSubcategories = (CATEGORIES.find((c) => c.id === category)?.subcategories.length ?? 0) > 0;
      return next(hasSubcategories ? "subcategory" : "confirm");
    }),
    on(desk.pickSubcategory, async (_ctx, { subcategory }, flow) => {
      const category = flow.data.category;
      if (!at(flow, "subcategory") || !category) return handled;
      if (subcategory !== "-" && !isSubcategoryOf(category, subcategory)) return handled;
      flow.data.subcategory = subcategory === "-" ? null : subcategory;
      return next("confirm");
    }),
    on(desk.pickUrgency, async (_ctx, { urgency }, flow) => {
      if (!at(flow, "urgency")) return handled;
      flow.data.urgency = urgency;
      return next("confirm");
    }),
    on(desk.flowConfirm, (ctx, _payload, flow) => confirm(ctx, flow)),
  ],
});

/** The flow's own buttons (pressed after it ended, they are only acknowledged). */
export const FLOW_BUTTONS = [
  desk.flowBack,
  desk.pickAgency,
  desk.agencyPage,
  desk.pickOfficial,
  desk.pickRejectReason,
  desk.pickCategory,
  desk.pickSubcategory,
  desk.pickUrgency,
  desk.flowConfirm,
];
