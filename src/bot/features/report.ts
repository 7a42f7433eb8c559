// Scope: private chats; producers (users who represent at least one unit). /report: the guided
// report of a problem — category, counterpart agency, when it becomes irreversible, amount,
// description, attachments, review with edits, submit. The draft lives in the Redis session.
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { agencyKindsFor, CATEGORIES, isCategoryId, isSubcategoryOf, type CategoryId } from "../../domain/categories";
import { endOfJalaliDay, formatJalaliDate, jalaliToInstant, parseJalaliDate, isValidJalaliDate } from "../../domain/jalali";
import { formatAmount, parseAmount, type MoneyUnit } from "../../domain/money";
import { localizeDigits, normalizeText, truncate } from "../../domain/text";
import { irreversibleFromChoice, type IrreversibleChoice } from "../../domain/urgency";
import { ATTACHMENT_LIMIT, CaseAccessError, DESCRIPTION_MAX, DESCRIPTION_MIN, type DraftAttachment } from "../../services/cases";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { currentFlow, goBack, goTo, inFlow, isCommand, registerFlow, retryFlow, startFlow } from "../flow";
import { isInfrastructureError } from "../middlewares/errors";
import { startRegistration } from "./registration";
import { categoryLabel, irreversibleLabel } from "../presenters/case";
import { localName } from "../../i18n";
import { submitReport, withSubmissionKey } from "../submission";

const FLOW = "report";
const IRREVERSIBLE_CHOICES: IrreversibleChoice[] = ["happened", "3d", "week", "month"];
const ALLOWED_DOCUMENT_TYPES = new Set([
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);

/** The draft: JSON-safe, so it survives in Redis across restarts of the bot. */
interface ReportDraft {
  unitId?: number;
  category?: CategoryId;
  subcategory?: string | null;
  agencyId?: number | null;
  irreversibleAt?: string | null;
  amountRials?: string | null;
  amountUnit?: MoneyUnit;
  description?: string;
  attachments?: DraftAttachment[];
  /** Set while a field is edited from the review screen: answer it, then back to review. */
  editing?: boolean;
}

const draftOf = (flow: Flow) => flow.data as ReportDraft;

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "rp:back").text(ctx.t("button-cancel"), "flow:cancel");
}

async function unitsOf(ctx: BotContext) {
  return ctx.deps.db.productionUnit.findMany({
    where: { representatives: { some: { userId: ctx.user.id } } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, workingGroupId: true },
  });
}

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const draft = draftOf(flow);
  switch (flow.step) {
    case "unit": {
      const keyboard = new InlineKeyboard();
      for (const unit of await unitsOf(ctx)) keyboard.text(truncate(unit.name, 40), cb("rp:unit", unit.id)).row();
      await ctx.reply(ctx.t("report-ask-unit"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "category": {
      const keyboard = new InlineKeyboard();
      CATEGORIES.forEach((category, index) => {
        keyboard.text(ctx.t(`category-${category.id}`), cb("rp:cat", category.id));
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(ctx.t("report-ask-category"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "subcategory": {
      const category = CATEGORIES.find((c) => c.id === draft.category);
      const keyboard = new InlineKeyboard();
      category?.subcategories.forEach((sub, index) => {
        keyboard.text(ctx.t(`subcategory-${sub}`), cb("rp:sub", sub));
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(ctx.t("report-ask-subcategory"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "agency": {
      const agencies = await candidateAgencies(ctx, draft);
      const keyboard = new InlineKeyboard();
      for (const agency of agencies) keyboard.text(truncate(localName(agency, ctx.locale), 48), cb("rp:ag", agency.id)).row();
      keyboard.text(ctx.t("report-agency-unknown"), "rp:ag:none");
      await ctx.reply(ctx.t("report-ask-agency"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "irreversible": {
      const keyboard = new InlineKeyboard();
      IRREVERSIBLE_CHOICES.forEach((choice, index) => {
        keyboard.text(ctx.t(`report-irreversible-${choice}`), cb("rp:irr", choice));
        if (index % 2 === 1) keyboard.row();
      });
      keyboard.row().text(ctx.t("report-irreversible-date"), "rp:irr:date").text(ctx.t("report-irreversible-unknown"), "rp:irr:unknown");
      const hintKey = draft.category === "utility_cutoff" ? "report-ask-irreversible-cutoff" : "report-ask-irreversible";
      await ctx.reply(ctx.t(hintKey), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "irreversible_date":
      await ctx.reply(ctx.t("report-ask-date"), { reply_markup: navigation(ctx) });
      return;
    case "amount": {
      const unit = draft.amountUnit ?? "toman";
      const other: MoneyUnit = unit === "toman" ? "rial" : "toman";
      const keyboard = new InlineKeyboard()
        .text(ctx.t(`report-amount-switch-${other}`), cb("rp:amtunit", other))
        .row()
        .text(ctx.t("button-skip"), "rp:amt:skip");
      await ctx.reply(ctx.t("report-ask-amount", { unit: ctx.t(`money-unit-${unit}`) }), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "description":
      await ctx.reply(ctx.t("report-ask-description", { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }), { reply_markup: navigation(ctx) });
      return;
    case "attachments": {
      const count = draft.attachments?.length ?? 0;
      const keyboard = new InlineKeyboard().text(ctx.t(count > 0 ? "button-done" : "report-attachments-none"), "rp:att:done");
      await ctx.reply(
        ctx.t("report-ask-attachments", {
          count: localizeDigits(String(count), ctx.locale),
          limit: localizeDigits(String(ATTACHMENT_LIMIT), ctx.locale),
          mb: localizeDigits(String(ctx.deps.config.MAX_ATTACHMENT_MB), ctx.locale),
        }),
        { reply_markup: navigation(ctx, keyboard) },
      );
      return;
    }
    case "review":
      await showReview(ctx, draft);
      return;
  }
}

async function candidateAgencies(ctx: BotContext, draft: ReportDraft) {
  const unit = (await unitsOf(ctx)).find((u) => u.id === draft.unitId);
  if (!unit || !draft.category) return [];
  return ctx.deps.db.agency.findMany({
    where: { workingGroupId: unit.workingGroupId, active: true, kind: { in: agencyKindsFor(draft.category, draft.subcategory ?? null) } },
    orderBy: [{ kind: "asc" }, { id: "asc" }],
    take: 30,
  });
}

async function showReview(ctx: BotContext, draft: ReportDraft): Promise<void> {
  const unit = (await unitsOf(ctx)).find((u) => u.id === draft.unitId);
  const agency = draft.agencyId ? await ctx.deps.db.agency.findUnique({ where: { id: draft.agencyId } }) : null;
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
  const keyboard = new InlineKeyboard()
    .text(ctx.t("report-edit-category"), "rp:edit:category")
    .text(ctx.t("report-edit-agency"), "rp:edit:agency")
    .row()
    .text(ctx.t("report-edit-irreversible"), "rp:edit:irreversible")
    .text(ctx.t("report-edit-amount"), "rp:edit:amount")
    .row()
    .text(ctx.t("report-edit-description"), "rp:edit:description")
    .text(ctx.t("report-edit-attachments"), "rp:edit:attachments")
    .row()
    .text(ctx.t("report-submit"), "rp:submit");
  await ctx.reply(text, { reply_markup: navigation(ctx, keyboard) });
}

/** Moves on after an answer: back to the review when editing, else to the next step. */
async function advance(ctx: BotContext, flow: Flow, next: string): Promise<void> {
  const draft = draftOf(flow);
  const target = draft.editing && !["subcategory", "irreversible_date", "agency"].includes(next) ? "review" : next;
  if (target === "review") draft.editing = false;
  goTo(ctx, flow, target);
  await ask(ctx, flow);
}

/** Starts the wizard; a user with no unit registers one first. */
export async function startReport(ctx: BotContext): Promise<void> {
  const units = await unitsOf(ctx);
  if (units.length === 0) {
    await ctx.reply(ctx.t("report-needs-unit"));
    await startRegistration(ctx, { thenReport: true });
    return;
  }
  const only = units.length === 1 ? units[0] : undefined;
  const flow = startFlow(ctx, FLOW, only ? "category" : "unit", withSubmissionKey(only ? { unitId: only.id, attachments: [] } : { attachments: [] }));
  await ctx.reply(ctx.t("report-intro"));
  await ask(ctx, flow);
}

export const report = new Composer<BotContext>();
const chat = report.chatType("private");

chat.command("report", startReport);
chat.callbackQuery("report:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startReport(ctx);
});

registerFlow(FLOW, ask);
const inReport = chat.filter(inFlow(FLOW));

inReport.callbackQuery("rp:back", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  draftOf(flow).editing = false;
  goBack(ctx, flow);
  await ask(ctx, flow);
});

inReport.callbackQuery(/^rp:unit:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || flow.step !== "unit" || !id) return;
  // Callback data is never trusted: the unit must be one the user represents.
  if (!(await unitsOf(ctx)).some((unit) => unit.id === id)) return retryFlow(ctx, flow, "error-not-allowed");
  draftOf(flow).unitId = id;
  await advance(ctx, flow, "category");
});

inReport.callbackQuery(/^rp:cat:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const category = ctx.match[1] ?? "";
  if (!flow || flow.step !== "category" || !isCategoryId(category)) return;
  const draft = draftOf(flow);
  if (draft.category !== category) {
    draft.subcategory = null;
    draft.agencyId = null;
  }
  draft.category = category;
  const hasSubcategories = (CATEGORIES.find((c) => c.id === category)?.subcategories.length ?? 0) > 0;
  await advance(ctx, flow, hasSubcategories ? "subcategory" : "agency");
});

inReport.callbackQuery(/^rp:sub:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const sub = ctx.match[1] ?? "";
  const draft = flow ? draftOf(flow) : undefined;
  if (!flow || !draft || flow.step !== "subcategory" || !draft.category || !isSubcategoryOf(draft.category, sub)) return;
  draft.subcategory = sub;
  await advance(ctx, flow, "agency");
});

inReport.callbackQuery(/^rp:ag:(\d+|none)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "agency") return;
  const draft = draftOf(flow);
  if (ctx.match[1] === "none") {
    draft.agencyId = null;
  } else {
    const id = idFrom(ctx.match[1]);
    if (!id || !(await candidateAgencies(ctx, draft)).some((agency) => agency.id === id)) return retryFlow(ctx, flow, "expected-button");
    draft.agencyId = id;
  }
  await advance(ctx, flow, "irreversible");
});

inReport.callbackQuery(/^rp:irr:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "irreversible") return;
  const draft = draftOf(flow);
  const choice = ctx.match[1];
  if (choice === "date") return advance(ctx, flow, "irreversible_date");
  if (choice === "unknown") draft.irreversibleAt = null;
  else {
    const known = IRREVERSIBLE_CHOICES.find((c) => c === choice);
    if (!known) return;
    draft.irreversibleAt = irreversibleFromChoice(known, ctx.deps.now()).toISOString();
  }
  await advance(ctx, flow, "amount");
});

inReport.callbackQuery(/^rp:amtunit:(rial|toman)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "amount") return;
  draftOf(flow).amountUnit = ctx.match[1] === "rial" ? "rial" : "toman";
  await ask(ctx, flow);
});

inReport.callbackQuery("rp:amt:skip", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "amount") return;
  draftOf(flow).amountRials = null;
  await advance(ctx, flow, "description");
});

inReport.callbackQuery("rp:att:done", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "attachments") return;
  await advance(ctx, flow, "review");
});

inReport.callbackQuery(/^rp:edit:(category|agency|irreversible|amount|description|attachments)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "review") return;
  draftOf(flow).editing = true;
  goTo(ctx, flow, ctx.match[1] ?? "review");
  await ask(ctx, flow);
});

inReport.callbackQuery("rp:submit", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "review") return;
  const draft = draftOf(flow);
  try {
    // Submits once per draft (its submission key), tells the code, then confirms it.
    await submitReport(ctx, flow, {
      unitId: draft.unitId,
      category: draft.category,
      subcategory: draft.subcategory ?? null,
      agencyId: draft.agencyId ?? null,
      irreversibleAt: draft.irreversibleAt ?? null,
      amountRials: draft.amountRials ?? null,
      description: draft.description ?? "",
      attachments: draft.attachments ?? [],
    });
  } catch (error) {
    // The draft stays in the session: nothing typed is lost, the user can submit again.
    if (isInfrastructureError(error)) {
      ctx.logger.error({ err: error }, "submission failed: database unavailable");
      await ctx.reply(ctx.t("report-submit-unavailable"));
      return;
    }
    if (error instanceof CaseAccessError) {
      await ctx.reply(ctx.t("error-not-allowed"));
      return;
    }
    if (error instanceof Error && error.name === "ZodError") {
      ctx.logger.warn({ err: error }, "draft failed validation at submit");
      await retryFlow(ctx, flow, "report-incomplete");
      return;
    }
    throw error;
  }
});

inReport.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const draft = draftOf(flow);
  const text = normalizeText(ctx.message.text);
  switch (flow.step) {
    case "irreversible_date": {
      const date = parseJalaliDate(text);
      if (!date || !isValidJalaliDate(date)) return retryFlow(ctx, flow, "report-date-invalid");
      const end = endOfJalaliDay(date);
      if (end.getTime() < ctx.deps.now().getTime()) return retryFlow(ctx, flow, "report-date-past");
      draft.irreversibleAt = end.toISOString();
      await ctx.reply(ctx.t("report-date-understood", { date: formatJalaliDate(jalaliToInstant(date), ctx.locale, { weekday: true, monthName: true }) }));
      return advance(ctx, flow, "amount");
    }
    case "amount": {
      const rials = parseAmount(text, draft.amountUnit ?? "toman");
      if (rials === null) return retryFlow(ctx, flow, "report-amount-invalid");
      draft.amountRials = rials.toString();
      return advance(ctx, flow, "description");
    }
    case "description":
      if (text.length < DESCRIPTION_MIN) return retryFlow(ctx, flow, "report-description-short", { min: DESCRIPTION_MIN });
      if (text.length > DESCRIPTION_MAX) return retryFlow(ctx, flow, "report-description-long", { max: DESCRIPTION_MAX, length: text.length });
      draft.description = text;
      return advance(ctx, flow, "attachments");
    case "attachments":
      return retryFlow(ctx, flow, "report-attachments-expected");
    default:
      return retryFlow(ctx, flow, "expected-button");
  }
});

export function attachmentFrom(message: Message, maxBytes: number): DraftAttachment | "too_big" | "bad_type" | null {
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1];
    if (!largest) return null;
    if ((largest.file_size ?? 0) > maxBytes) return "too_big";
    return { kind: "PHOTO", fileId: largest.file_id, fileUniqueId: largest.file_unique_id, fileName: null, mimeType: "image/jpeg", sizeBytes: largest.file_size ?? null };
  }
  if (message.document) {
    const doc = message.document;
    if ((doc.file_size ?? 0) > maxBytes) return "too_big";
    if (!doc.mime_type || !ALLOWED_DOCUMENT_TYPES.has(doc.mime_type)) return "bad_type";
    return {
      kind: "DOCUMENT",
      fileId: doc.file_id,
      fileUniqueId: doc.file_unique_id,
      fileName: doc.file_name ? truncate(doc.file_name, 200) : null,
      mimeType: doc.mime_type,
      sizeBytes: doc.file_size ?? null,
    };
  }
  return null;
}

inReport.on(["message:photo", "message:document"], async (ctx) => {
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  if (flow.step !== "attachments") return retryFlow(ctx, flow, flow.step === "review" ? "expected-button" : "expected-text");
  const draft = draftOf(flow);
  const attachments = draft.attachments ?? [];
  if (attachments.length >= ATTACHMENT_LIMIT) return retryFlow(ctx, flow, "report-attachments-full", { limit: ATTACHMENT_LIMIT });
  const result = attachmentFrom(ctx.message, ctx.deps.config.MAX_ATTACHMENT_MB * 1024 * 1024);
  if (result === "too_big") return retryFlow(ctx, flow, "report-attachment-too-big", { mb: ctx.deps.config.MAX_ATTACHMENT_MB });
  if (result === "bad_type") return retryFlow(ctx, flow, "report-attachment-bad-type");
  if (!result) return;
  if (attachments.some((a) => a.fileUniqueId === result.fileUniqueId)) return;
  draft.attachments = [...attachments, result];
  await ask(ctx, flow);
});

inReport.on("message", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (flow) await retryFlow(ctx, flow, "expected-text");
});
