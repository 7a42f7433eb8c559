// Scope: private chats; producers (users who represent at least one unit). /report: the guided
// report of a problem — unit, category, counterpart agency, when it becomes irreversible,
// amount, description, attachments, review with edits, submit. The draft lives in the session
// (Redis, written through to PostgreSQL) and carries a submission key: it is submitted once.
import { InlineKeyboard } from "grammy";
import { agencyKindsFor, CATEGORIES, isCategoryId, isSubcategoryOf } from "../../../domain/categories";
import { endOfJalaliDay, formatJalaliDate, isValidJalaliDate, jalaliToInstant, parseJalaliDate } from "../../../domain/jalali";
import { parseAmount } from "../../../domain/money";
import { localizeDigits, normalizeText, readFreeText, truncate } from "../../../domain/text";
import { irreversibleFromChoice } from "../../../domain/urgency";
import { localName } from "../../../i18n";
import { ATTACHMENT_LIMIT, DESCRIPTION_MAX, DESCRIPTION_MIN } from "../../../services/cases";
import { reportAgencies } from "../../../services/units";
import { producer as B, shared } from "../../../buttons";
import { attachmentFrom } from "../../attachments";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, on, retry, type DefinedFlow, type FlowState } from "../../flow-engine";
import { showMainMenu } from "../../menu";
import { submitReport, withSubmissionKey } from "../../submission";
import { startRegistration } from "../registration";
import { showReview, submitDraft, type ReportDraft } from "./review";

type State = FlowState<ReportDraft>;

export function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.reportBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

/** The agencies the report may name: of the unit's group, of the kinds its category concerns. */
export async function candidateAgencies(ctx: BotContext, draft: ReportDraft) {
  const unit = ctx.user.units.find((u) => u.id === draft.unitId);
  if (!unit || !draft.category) return [];
  return reportAgencies(ctx.deps, unit.workingGroupId, agencyKindsFor(draft.category, draft.subcategory ?? null));
}

function twoARow(keyboard: InlineKeyboard, index: number): void {
  if (index % 2 === 1) keyboard.row();
}

export const reportFlow: DefinedFlow<ReportDraft> = defineFlow<ReportDraft>({
  name: "report",
  version: 2,
  backButton: B.reportBack,
  editButton: B.reportEdit,
  review: "review",
  leave: async (ctx) => {
    await ctx.reply(ctx.t("cancel-done"));
    await showMainMenu(ctx);
  },
  migrate: (data) => data as ReportDraft,
  steps: {
    unit: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        for (const unit of ctx.user.units) keyboard.text(truncate(unit.name, 40), B.reportUnit.pack({ unitId: unit.id })).row();
        await ctx.reply(ctx.t("report-ask-unit"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    category: {
      editable: true,
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        CATEGORIES.forEach((category, index) => {
          keyboard.text(ctx.t(`category-${category.id}`), B.reportCategory.pack({ category: category.id }));
          twoARow(keyboard, index);
        });
        await ctx.reply(ctx.t("report-ask-category"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    subcategory: {
      chained: true,
      async ask(ctx, flow) {
        const category = CATEGORIES.find((c) => c.id === flow.data.category);
        const keyboard = new InlineKeyboard();
        category?.subcategories.forEach((sub, index) => {
          keyboard.text(ctx.t(`subcategory-${sub}`), B.reportSubcategory.pack({ subcategory: sub }));
          twoARow(keyboard, index);
        });
        await ctx.reply(ctx.t("report-ask-subcategory"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    agency: {
      editable: true,
      chained: true,
      async ask(ctx, flow) {
        const keyboard = new InlineKeyboard();
        for (const agency of await candidateAgencies(ctx, flow.data)) keyboard.text(truncate(localName(agency, ctx.locale), 48), B.reportAgency.pack({ agency: String(agency.id) })).row();
        keyboard.text(ctx.t("report-agency-unknown"), B.reportAgency.pack({ agency: "none" }));
        await ctx.reply(ctx.t("report-ask-agency"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    irreversible: {
      editable: true,
      async ask(ctx, flow) {
        const keyboard = new InlineKeyboard();
        (["happened", "3d", "week", "month"] as const).forEach((answer, index) => {
          keyboard.text(ctx.t(`report-irreversible-${answer}`), B.reportIrreversible.pack({ answer }));
          twoARow(keyboard, index);
        });
        keyboard
          .row()
          .text(ctx.t("report-irreversible-date"), B.reportIrreversible.pack({ answer: "date" }))
          .text(ctx.t("report-irreversible-unknown"), B.reportIrreversible.pack({ answer: "unknown" }));
        const hintKey = flow.data.category === "utility_cutoff" ? "report-ask-irreversible-cutoff" : "report-ask-irreversible";
        await ctx.reply(ctx.t(hintKey), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    irreversible_date: {
      chained: true,
      ask: (ctx) => ctx.reply(ctx.t("report-ask-date"), { reply_markup: navigation(ctx) }).then(() => undefined),
      async text(ctx, text, flow) {
        const date = parseJalaliDate(normalizeText(text));
        if (!date || !isValidJalaliDate(date)) return retry("report-date-invalid");
        const end = endOfJalaliDay(date);
        if (end.getTime() < ctx.deps.now().getTime()) return retry("report-date-past");
        flow.data.irreversibleAt = end.toISOString();
        await ctx.reply(ctx.t("report-date-understood", { date: formatJalaliDate(jalaliToInstant(date), ctx.locale, { weekday: true, monthName: true }) }));
        return next("amount");
      },
    },
    amount: {
      editable: true,
      async ask(ctx, flow) {
        const unit = flow.data.amountUnit ?? "toman";
        const other = unit === "toman" ? "rial" : "toman";
        const keyboard = new InlineKeyboard()
          .text(ctx.t(`report-amount-switch-${other}`), B.reportAmountUnit.pack({ unit: other }))
          .row()
          .text(ctx.t("button-skip"), B.reportAmountSkip.pack());
        await ctx.reply(ctx.t("report-ask-amount", { unit: ctx.t(`money-unit-${unit}`) }), { reply_markup: navigation(ctx, keyboard) });
      },
      async text(_ctx, text, flow) {
        const rials = parseAmount(normalizeText(text), flow.data.amountUnit ?? "toman");
        if (rials === null) return retry("report-amount-invalid");
        flow.data.amountRials = rials.toString();
        return next("description");
      },
    },
    description: {
      editable: true,
      ask: (ctx) => ctx.reply(ctx.t("report-ask-description", { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }), { reply_markup: navigation(ctx) }).then(() => undefined),
      async text(_ctx, text, flow) {
        const read = readFreeText(text, { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX });
        if (!read.ok && read.problem === "short") return retry("report-description-short", { min: DESCRIPTION_MIN });
        if (!read.ok) return retry("report-description-long", { max: DESCRIPTION_MAX, length: [...normalizeText(text)].length });
        flow.data.description = read.value;
        return next("attachments");
      },
    },
    attachments: {
      editable: true,
      async ask(ctx, flow) {
        const count = flow.data.attachments?.length ?? 0;
        const keyboard = new InlineKeyboard().text(ctx.t(count > 0 ? "button-done" : "report-attachments-none"), B.reportAttachmentsDone.pack());
        const args = {
          count: localizeDigits(String(count), ctx.locale),
          limit: localizeDigits(String(ATTACHMENT_LIMIT), ctx.locale),
          mb: localizeDigits(String(ctx.deps.config.MAX_ATTACHMENT_MB), ctx.locale),
        };
        await ctx.reply(ctx.t("report-ask-attachments", args), { reply_markup: navigation(ctx, keyboard) });
      },
      text: async () => retry("report-attachments-expected"),
      async message(ctx, flow) {
        const attachments = flow.data.attachments ?? [];
        if (attachments.length >= ATTACHMENT_LIMIT) return retry("report-attachments-full", { limit: ATTACHMENT_LIMIT });
        const result = attachmentFrom(ctx.message, ctx.deps.config.MAX_ATTACHMENT_MB * 1024 * 1024);
        if (result === "too_big") return retry("report-attachment-too-big", { mb: ctx.deps.config.MAX_ATTACHMENT_MB });
        if (result === "bad_type") return retry("report-attachment-bad-type");
        if (!result) return retry("report-attachments-expected");
        if (attachments.some((a) => a.fileUniqueId === result.fileUniqueId)) return handled;
        flow.data.attachments = [...attachments, result];
        await reportFlow.ask(ctx, flow);
        return handled;
      },
    },
    review: { ask: (ctx, flow) => showReview(ctx, flow.data) },
  },
  buttons: [
    on(B.reportUnit, async (ctx, { unitId }, flow) => {
      if (flow.step !== "unit") return handled;
      // Callback data is never trusted: the unit must be one the user represents.
      if (!ctx.user.units.some((unit) => unit.id === unitId)) return retry("error-not-allowed");
      flow.data.unitId = unitId;
      return next("category");
    }),
    on(B.reportCategory, async (_ctx, { category }, flow) => {
      if (flow.step !== "category" || !isCategoryId(category)) return handled;
      if (flow.data.category !== category) {
        flow.data.subcategory = null;
        flow.data.agencyId = null;
      }
      flow.data.category = category;
      const hasSubcategories = (CATEGORIES.find((c) => c.id === category)?.subcategories.length ?? 0) > 0;
      return next(hasSubcategories ? "subcategory" : "agency");
    }),
    on(B.reportSubcategory, async (_ctx, { subcategory }, flow) => {
      if (flow.step !== "subcategory" || !flow.data.category || !isSubcategoryOf(flow.data.category, subcategory)) return handled;
      flow.data.subcategory = subcategory;
      return next("agency");
    }),
    on(B.reportAgency, async (ctx, { agency }, flow) => {
      if (flow.step !== "agency") return handled;
      if (agency === "none") flow.data.agencyId = null;
      else {
        const id = Number(agency);
        if (!(await candidateAgencies(ctx, flow.data)).some((candidate) => candidate.id === id)) return retry("expected-button");
        flow.data.agencyId = id;
      }
      return next("irreversible");
    }),
    on(B.reportIrreversible, async (ctx, { answer }, flow) => {
      if (flow.step !== "irreversible") return handled;
      if (answer === "date") return next("irreversible_date");
      flow.data.irreversibleAt = answer === "unknown" ? null : irreversibleFromChoice(answer, ctx.deps.now()).toISOString();
      return next("amount");
    }),
    on(B.reportAmountUnit, async (ctx, { unit }, flow) => {
      if (flow.step !== "amount") return handled;
      flow.data.amountUnit = unit;
      await reportFlow.ask(ctx, flow);
      return handled;
    }),
    on(B.reportAmountSkip, async (_ctx, _p, flow) => {
      if (flow.step !== "amount") return handled;
      flow.data.amountRials = null;
      return next("description");
    }),
    on(B.reportAttachmentsDone, async (_ctx, _p, flow) => (flow.step === "attachments" ? next("review") : handled)),
    on(B.reportSubmit, async (ctx, _p, flow: State) => (flow.step === "review" ? submitDraft(ctx, flow, submitReport) : handled)),
  ],
});

/** Starts the wizard; a user with no unit registers one first. */
export async function startReport(ctx: BotContext): Promise<void> {
  const units = ctx.user.units;
  if (units.length === 0) {
    await ctx.reply(ctx.t("report-needs-unit"));
    await startRegistration(ctx, { thenReport: true });
    return;
  }
  const only = units.length === 1 ? units[0] : undefined;
  await ctx.reply(ctx.t("report-intro"));
  await reportFlow.start(ctx, only ? "category" : "unit", withSubmissionKey(only ? { unitId: only.id, attachments: [] } : { attachments: [] }));
}
