// Scope: private chats; secretariat members and admins of the case's working group. The triage
// buttons of the case card (tr:<action>:<caseId>): take, ask the producer, assign to an agency
// with a due date, duplicate, reject, category, priority, internal note, resolve, close,
// reopen. Each is a short flow in the session (back and /cancel work) ending in a confirmation;
// the service (src/services/triage.ts) re-checks everything when it runs.
import { Composer, InlineKeyboard } from "grammy";
import { allowedActions, type CaseAction, type CaseStatus } from "../../domain/case-lifecycle";
import { agencyKindsFor, CATEGORIES, isCategoryId, isSubcategoryOf, type CategoryId } from "../../domain/categories";
import { addJalaliDays, endOfJalaliDay, formatJalaliDate, formatJalaliYMD, parseJalaliDate, todayInTehran } from "../../domain/jalali";
import { fullName, localizeDigits, normalizeText, truncate } from "../../domain/text";
import { URGENCIES } from "../../domain/urgency";
import { type Locale, localName } from "../../i18n";
import { triageRole } from "../../services/authz";
import {
  addInternalNote,
  assignCase,
  changeCategory,
  changeUrgency,
  closeCase,
  isRejectReason,
  markDuplicate,
  NOTE_MAX,
  officialsOfAgency,
  OUTCOME_MAX,
  OUTCOME_MIN,
  parseDueDate,
  previewDuplicate,
  QUESTION_MAX,
  QUESTION_MIN,
  REASON_TEXT_MAX,
  REASON_TEXT_MIN,
  REJECT_REASONS,
  rejectCase,
  reopenCase,
  requestInformation,
  resolveCase,
  RESPONSIBLE_MAX,
  RESPONSIBLE_MIN,
  takeCase,
  TriageError,
  type RejectReason,
  type TriageErrorCode,
} from "../../services/triage";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { advanceFlow, backButton, currentFlow, endFlow, goTo, inFlow, registerFlow, retryFlow, startFlow } from "../flow";

const FLOW = "triage";

/** Button code → the case action it performs and the step it starts at. */
const ACTIONS = {
  ask: { action: "ask_info", first: "text" },
  asg: { action: "assign", first: "agency" },
  dup: { action: "mark_duplicate", first: "code" },
  rej: { action: "reject", first: "reason" },
  cat: { action: "change_category", first: "category" },
  urg: { action: "change_category", first: "urgency" },
  note: { action: "add_note", first: "text" },
  res: { action: "resolve", first: "text" },
  cls: { action: "close", first: "confirm" },
  reo: { action: "reopen", first: "confirm" },
} as const satisfies Record<string, { action: CaseAction; first: string }>;
type ActionCode = keyof typeof ACTIONS;

const isActionCode = (value: string | undefined): value is ActionCode => value !== undefined && Object.hasOwn(ACTIONS, value);

interface TriageData {
  caseId: number;
  code: string;
  action: ActionCode;
  text?: string;
  agencyId?: number;
  officialId?: number | null;
  due?: string;
  original?: string;
  reason?: RejectReason;
  category?: CategoryId;
  subcategory?: string | null;
  urgency?: string;
}

const dataOf = (flow: Flow) => flow.data as unknown as TriageData;

/** Length limits of the typed answer at the "text" step of each action. */
function textLimits(data: TriageData): { min: number; max: number } {
  switch (data.action) {
    case "ask":
      return { min: QUESTION_MIN, max: QUESTION_MAX };
    case "res":
      return { min: OUTCOME_MIN, max: OUTCOME_MAX };
    case "rej":
      return data.reason === "not_in_remit" ? { min: RESPONSIBLE_MIN, max: RESPONSIBLE_MAX } : { min: REASON_TEXT_MIN, max: REASON_TEXT_MAX };
    default:
      return { min: 1, max: NOTE_MAX };
  }
}

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "tr:back").text(ctx.t("button-cancel"), "flow:cancel");
}

/** The case, if the user works its group; with the role for the state machine. */
async function loadWorkable(ctx: BotContext, caseId: number) {
  const row = await ctx.deps.db.case.findUnique({
    where: { id: caseId },
    select: { id: true, trackingCode: true, workingGroupId: true, status: true, category: true, subcategory: true, agencyId: true },
  });
  if (!row) return null;
  const role = triageRole(ctx.user, row.workingGroupId);
  return role ? { ...row, role } : null;
}

async function agencyChoices(ctx: BotContext, data: TriageData) {
  const row = await loadWorkable(ctx, data.caseId);
  if (!row) return [];
  const agencies = await ctx.deps.db.agency.findMany({
    where: { workingGroupId: row.workingGroupId, active: true },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, nameFa: true, nameEn: true },
  });
  // The producer's choice first, then the agencies that usually handle this subject.
  const suggested = isCategoryId(row.category) ? agencyKindsFor(row.category, row.subcategory) : [];
  const rank = (agency: { id: number; kind: string }) =>
    agency.id === row.agencyId ? 0 : (suggested as string[]).includes(agency.kind) ? 1 : 2;
  return [...agencies].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const data = dataOf(flow);
  const code = data.code;
  switch (flow.step) {
    case "text": {
      const key = data.action === "rej" ? `triage-ask-reject-${data.reason === "not_in_remit" ? "responsible" : "text"}` : `triage-ask-${data.action}`;
      const { max } = textLimits(data);
      await ctx.reply(ctx.t(key, { code, max: localizeDigits(String(max), ctx.locale) }), { reply_markup: navigation(ctx) });
      return;
    }
    case "agency": {
      const keyboard = new InlineKeyboard();
      for (const agency of await agencyChoices(ctx, data)) keyboard.text(truncate(localName(agency, ctx.locale), 60), cb("tr:ag", agency.id)).row();
      await ctx.reply(ctx.t("triage-ask-agency", { code }), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "official": {
      const officials = await officialsOfAgency(ctx.deps.db, data.agencyId ?? 0);
      const keyboard = new InlineKeyboard().text(ctx.t("triage-official-any"), cb("tr:of", 0)).row();
      for (const official of officials) {
        const head = official.isAgencyHead ? ` (${ctx.t("invitations-head-label")})` : "";
        keyboard.text(truncate(fullName(official) + head, 60), cb("tr:of", official.id)).row();
      }
      await ctx.reply(ctx.t(officials.length > 0 ? "triage-ask-official" : "triage-ask-official-none"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "due": {
      const example = formatJalaliYMD(addJalaliDays(todayInTehran(ctx.deps.now()), 7));
      await ctx.reply(ctx.t("triage-ask-due", { example: localizeDigits(example, ctx.locale) }), { reply_markup: navigation(ctx) });
      return;
    }
    case "code":
      await ctx.reply(ctx.t("triage-ask-duplicate", { code }), { reply_markup: navigation(ctx) });
      return;
    case "reason": {
      const keyboard = new InlineKeyboard();
      for (const reason of REJECT_REASONS) keyboard.text(ctx.t(`triage-reject-reason-${reason}`), cb("tr:rr", reason)).row();
      await ctx.reply(ctx.t("triage-ask-reject-reason", { code }), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "category": {
      const keyboard = new InlineKeyboard();
      CATEGORIES.forEach((category, index) => {
        keyboard.text(ctx.t(`category-${category.id}`), cb("tr:c", category.id));
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(ctx.t("triage-ask-category", { code }), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "subcategory": {
      const category = CATEGORIES.find((c) => c.id === data.category);
      const keyboard = new InlineKeyboard().text(ctx.t("triage-subcategory-none"), "tr:s:-").row();
      for (const sub of category?.subcategories ?? []) keyboard.text(ctx.t(`subcategory-${sub}`), cb("tr:s", sub)).row();
      await ctx.reply(ctx.t("triage-ask-subcategory"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "urgency": {
      const keyboard = new InlineKeyboard();
      for (const urgency of URGENCIES) keyboard.text(ctx.t(`urgency-${urgency}`), cb("tr:u", urgency));
      await ctx.reply(ctx.t("triage-ask-urgency", { code }), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "confirm":
      await ctx.reply(await summary(ctx, data), {
        reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-confirm"), "tr:ok")),
      });
      return;
    default:
      endFlow(ctx);
  }
}

async function summary(ctx: BotContext, data: TriageData): Promise<string> {
  const args: Record<string, string> = { code: data.code, text: data.text ?? "" };
  switch (data.action) {
    case "asg": {
      const agency = await ctx.deps.db.agency.findUnique({ where: { id: data.agencyId ?? 0 } });
      const official = data.officialId ? await ctx.deps.db.user.findUnique({ where: { id: data.officialId } }) : null;
      const due = data.due ? parseJalaliDate(data.due) : null;
      args.agency = agency ? localName(agency, ctx.locale) : "-";
      args.official = official ? fullName(official) : ctx.t("triage-official-any");
      args.due = due ? formatJalaliDate(endOfJalaliDay(due), ctx.locale, { weekday: true, monthName: true }) : "-";
      break;
    }
    case "dup":
      args.original = data.original ?? "";
      break;
    case "rej":
      args.reason = ctx.t(`triage-reject-reason-${data.reason ?? "other"}`);
      break;
    case "cat":
      args.category = data.category
        ? ctx.t(`category-${data.category}`) + (data.subcategory ? ` — ${ctx.t(`subcategory-${data.subcategory}`)}` : "")
        : "-";
      break;
    case "urg":
      args.urgency = ctx.t(`urgency-${data.urgency ?? "normal"}`);
      break;
  }
  return ctx.t(`triage-confirm-${data.action}`, args);
}

function openCaseButton(ctx: BotContext, caseId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("button-open-case"), cb("q:open", caseId));
}

/** Errors the user can fix by answering again; the rest end the flow. */
const INPUT_ERRORS: Partial<Record<TriageErrorCode, string>> = {
  invalid_text: "text",
  invalid_date: "due",
  past_date: "due",
  far_date: "due",
  duplicate_not_found: "code",
  duplicate_self: "code",
  invalid_official: "official",
};

async function reportError(ctx: BotContext, flow: Flow | undefined, error: TriageError, caseId: number): Promise<void> {
  const step = INPUT_ERRORS[error.code];
  if (flow && step) {
    goTo(ctx, flow, step);
    return retryFlow(ctx, flow, `triage-error-${error.code}`);
  }
  endFlow(ctx);
  ctx.logger.info({ caseId, code: error.code }, "triage action refused");
  await ctx.reply(ctx.t(`triage-error-${error.code}`), { reply_markup: openCaseButton(ctx, caseId) });
}

async function perform(ctx: BotContext, data: TriageData): Promise<void> {
  const { deps, user } = ctx;
  const id = data.caseId;
  switch (data.action) {
    case "ask":
      await requestInformation(deps, user, id, { question: data.text ?? "" });
      return;
    case "asg":
      await assignCase(deps, user, id, { agencyId: data.agencyId ?? 0, officialId: data.officialId ?? null, dueDate: data.due ?? "" });
      return;
    case "dup":
      await markDuplicate(deps, user, id, { originalCode: data.original ?? "" });
      return;
    case "rej":
      await rejectCase(deps, user, id, { reason: data.reason ?? "other", text: data.text ?? null });
      return;
    case "cat":
      await changeCategory(deps, user, id, { category: data.category ?? "", subcategory: data.subcategory ?? null });
      return;
    case "urg":
      await changeUrgency(deps, user, id, { urgency: data.urgency ?? "" });
      return;
    case "note":
      await addInternalNote(deps, user, id, { text: data.text ?? "" });
      return;
    case "res":
      await resolveCase(deps, user, id, { outcome: data.text ?? "" });
      return;
    case "cls":
      await closeCase(deps, user, id);
      return;
    case "reo":
      await reopenCase(deps, user, id);
      return;
  }
}

export const triage = new Composer<BotContext>();
const chat = triage.chatType("private");

chat.callbackQuery(/^tr:take:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  try {
    const result = await takeCase(ctx.deps, ctx.user, id);
    await ctx.reply(ctx.t("triage-done-take", { code: result.trackingCode }), { reply_markup: openCaseButton(ctx, id) });
  } catch (error) {
    if (!(error instanceof TriageError)) throw error;
    await reportError(ctx, undefined, error, id);
  }
});

chat.callbackQuery(/^tr:(\w+):(\d+)$/, async (ctx, next) => {
  const code = ctx.match[1];
  if (!isActionCode(code)) return next();
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[2]);
  if (!id) return;
  const row = await loadWorkable(ctx, id);
  if (!row) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const meta = ACTIONS[code];
  if (!allowedActions(row.status as CaseStatus, row.role).includes(meta.action)) {
    await ctx.reply(ctx.t("triage-error-illegal_transition"), { reply_markup: openCaseButton(ctx, id) });
    return;
  }
  const data: TriageData = { caseId: row.id, code: row.trackingCode, action: code };
  const flow = startFlow(ctx, FLOW, meta.first, data as unknown as Record<string, unknown>);
  await ask(ctx, flow);
});

registerFlow(FLOW, ask);
const inTriage = chat.filter(inFlow(FLOW));

inTriage.callbackQuery("tr:back", backButton(FLOW, (ctx, flow) => ctx.reply(ctx.t("cancel-done"), { reply_markup: openCaseButton(ctx, dataOf(flow).caseId) })));

inTriage.callbackQuery(/^tr:ag:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || flow.step !== "agency" || !id) return;
  const data = dataOf(flow);
  if (!(await agencyChoices(ctx, data)).some((agency) => agency.id === id)) return retryFlow(ctx, flow, "expected-button");
  data.agencyId = id;
  data.officialId = null;
  await advanceFlow(ctx, flow, "official");
});

inTriage.callbackQuery(/^tr:of:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "official") return;
  const data = dataOf(flow);
  const id = ctx.match[1] === "0" ? null : idFrom(ctx.match[1]);
  if (id !== null && !(await officialsOfAgency(ctx.deps.db, data.agencyId ?? 0)).some((official) => official.id === id)) {
    return retryFlow(ctx, flow, "expected-button");
  }
  data.officialId = id;
  await advanceFlow(ctx, flow, "due");
});

inTriage.callbackQuery(/^tr:rr:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const reason = ctx.match[1] ?? "";
  if (!flow || flow.step !== "reason" || !isRejectReason(reason)) return;
  const data = dataOf(flow);
  data.reason = reason;
  delete data.text;
  // "Not within this working group's remit" asks who is responsible; "other" asks why.
  await advanceFlow(ctx, flow, reason === "not_in_remit" || reason === "other" ? "text" : "confirm");
});

inTriage.callbackQuery(/^tr:c:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const category = ctx.match[1] ?? "";
  if (!flow || flow.step !== "category" || !isCategoryId(category)) return;
  const data = dataOf(flow);
  data.category = category;
  data.subcategory = null;
  const hasSubcategories = (CATEGORIES.find((c) => c.id === category)?.subcategories.length ?? 0) > 0;
  await advanceFlow(ctx, flow, hasSubcategories ? "subcategory" : "confirm");
});

inTriage.callbackQuery(/^tr:s:([\w-]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const sub = ctx.match[1] ?? "";
  const data = flow ? dataOf(flow) : undefined;
  if (!flow || !data?.category || flow.step !== "subcategory") return;
  if (sub !== "-" && !isSubcategoryOf(data.category, sub)) return;
  data.subcategory = sub === "-" ? null : sub;
  await advanceFlow(ctx, flow, "confirm");
});

inTriage.callbackQuery(/^tr:u:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const urgency = URGENCIES.find((u) => u === ctx.match[1]);
  if (!flow || flow.step !== "urgency" || !urgency) return;
  dataOf(flow).urgency = urgency;
  await advanceFlow(ctx, flow, "confirm");
});

inTriage.callbackQuery("tr:ok", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "confirm") return;
  const data = dataOf(flow);
  try {
    await perform(ctx, data);
  } catch (error) {
    if (!(error instanceof TriageError)) throw error;
    return reportError(ctx, flow, error, data.caseId);
  }
  endFlow(ctx);
  ctx.logger.info({ caseId: data.caseId, action: data.action }, "triage action done");
  await ctx.reply(ctx.t(`triage-done-${data.action}`, { code: data.code }), { reply_markup: openCaseButton(ctx, data.caseId) });
});

inTriage.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return next();
  const data = dataOf(flow);
  const text = normalizeText(ctx.message.text);
  switch (flow.step) {
    case "text": {
      const { min, max } = textLimits(data);
      if (text.length < min || text.length > max) {
        return retryFlow(ctx, flow, "triage-error-text-length", {
          min: localizeDigits(String(min), ctx.locale),
          max: localizeDigits(String(max), ctx.locale),
          length: localizeDigits(String(text.length), ctx.locale),
        });
      }
      data.text = text;
      return advanceFlow(ctx, flow, "confirm");
    }
    case "due":
      try {
        data.due = formatJalaliYMD(parseDueDate(text, ctx.deps.now()));
      } catch (error) {
        if (!(error instanceof TriageError)) throw error;
        return retryFlow(ctx, flow, `triage-error-${error.code}`);
      }
      return advanceFlow(ctx, flow, "confirm");
    case "code":
      try {
        data.original = await previewDuplicate(ctx.deps, ctx.user, data.caseId, text);
      } catch (error) {
        if (!(error instanceof TriageError)) throw error;
        if (error.code === "not_found") return reportError(ctx, flow, error, data.caseId);
        return retryFlow(ctx, flow, `triage-error-${error.code}`);
      }
      return advanceFlow(ctx, flow, "confirm");
    default:
      return retryFlow(ctx, flow, "expected-button");
  }
});

// A button of a flow that has ended (confirmed, cancelled, or replaced by another flow).
chat.callbackQuery(/^tr:/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("error-not-found") });
});
