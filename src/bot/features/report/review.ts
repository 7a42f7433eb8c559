// The report's review screen (every answer, each editable) and its submit.
import { InlineKeyboard } from "grammy";
import type { CategoryId } from "../../../domain/categories";
import { formatAmount, type MoneyUnit } from "../../../domain/money";
import { isRefusal } from "../../../domain/refusal";
import { localizeDigits } from "../../../domain/text";
import { localName } from "../../../i18n";
import type { DraftAttachment } from "../../../services/cases";
import { agencyNames } from "../../../services/units";
import { producer as B, shared } from "../../../buttons";
import type { BotContext, Flow } from "../../context";
import { handled, retry, type FlowState, type StepResult } from "../../flow-engine";
import { isInfrastructureError } from "../../middlewares/errors";
import { categoryLabel, irreversibleLabel } from "../../presenters/case";

/** The draft: JSON-safe, so it survives in Redis (and PostgreSQL) across restarts. */
export interface ReportDraft {
  unitId?: number;
  category?: CategoryId;
  subcategory?: string | null;
  agencyId?: number | null;
  irreversibleAt?: string | null;
  amountRials?: string | null;
  amountUnit?: MoneyUnit;
  description?: string;
  attachments?: DraftAttachment[];
  /** The draft's submission key (src/bot/submission.ts): one case per draft. */
  submissionKey?: string;
}

export async function showReview(ctx: BotContext, draft: ReportDraft): Promise<void> {
  const unit = ctx.user.units.find((u) => u.id === draft.unitId);
  const agency = draft.agencyId ? await agencyNames(ctx.deps, draft.agencyId) : null;
  const t = ctx.deps.t;
  const text = ctx.t("report-review", {
    unit: unit?.name ?? "—",
    category: draft.category ? categoryLabel(t, ctx.locale, draft.category, draft.subcategory ?? null) : "—",
    agency: agency ? localName(agency, ctx.locale) : ctx.t("case-agency-unknown"),
    irreversible: irreversibleLabel(t, ctx.locale, draft.irreversibleAt ? new Date(draft.irreversibleAt) : null, ctx.deps.now()),
    amount: draft.amountRials ? formatAmount(BigInt(draft.amountRials), ctx.locale, draft.amountUnit ?? "rial") : ctx.t("report-amount-none"),
    description: draft.description ?? "—",
    attachments: localizeDigits(String(draft.attachments?.length ?? 0), ctx.locale),
  });
  const edit = (step: (typeof import("../../../buttons/producer").EDITABLE_REPORT_STEPS)[number]) => B.reportEdit.pack({ step });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("report-edit-category"), edit("category"))
    .text(ctx.t("report-edit-agency"), edit("agency"))
    .row()
    .text(ctx.t("report-edit-irreversible"), edit("irreversible"))
    .text(ctx.t("report-edit-amount"), edit("amount"))
    .row()
    .text(ctx.t("report-edit-description"), edit("description"))
    .text(ctx.t("report-edit-attachments"), edit("attachments"))
    .row()
    .text(ctx.t("report-submit"), B.reportSubmit.pack())
    .row()
    .text(ctx.t("button-back"), B.reportBack.pack())
    .text(ctx.t("button-cancel"), shared.flowCancel.pack());
  await ctx.reply(text, { reply_markup: keyboard });
}

type Submit = (ctx: BotContext, flow: Flow, input: Record<string, unknown>) => Promise<void>;

/** Submits the draft once (its submission key); on failure the draft stays, nothing is lost. */
export async function submitDraft(ctx: BotContext, flow: FlowState<ReportDraft>, submit: Submit): Promise<StepResult> {
  const draft = flow.data;
  try {
    await submit(ctx, flow, {
      unitId: draft.unitId,
      category: draft.category,
      subcategory: draft.subcategory ?? null,
      agencyId: draft.agencyId ?? null,
      irreversibleAt: draft.irreversibleAt ?? null,
      amountRials: draft.amountRials ?? null,
      description: draft.description ?? "",
      attachments: draft.attachments ?? [],
    });
    return handled;
  } catch (error) {
    if (isInfrastructureError(error)) {
      ctx.logger.error({ err: error }, "submission failed: database unavailable");
      await ctx.reply(ctx.t("report-submit-unavailable"));
      return handled;
    }
    if (isRefusal(error)) {
      await ctx.reply(ctx.t("error-not-allowed"));
      return handled;
    }
    if (error instanceof Error && error.name === "ZodError") {
      ctx.logger.warn({ err: error }, "draft failed validation at submit");
      return retry("report-incomplete");
    }
    throw error;
  }
}
