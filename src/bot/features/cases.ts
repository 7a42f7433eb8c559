// Scope: private chats; producers. /cases lists the cases of the units the user represents
// (open ones first, most urgent then newest), a case card with its timeline, and adding
// information or a document to an open case.
import { Composer, InlineKeyboard } from "grammy";
import { isOpenStatus, type CaseStatus } from "../../domain/case-lifecycle";
import { localizeDigits, normalizeText } from "../../domain/text";
import { addProducerInformation, ADD_INFO_MAX, listProducerCases, producerCaseScope } from "../../services/cases";
import { cb, idFrom } from "../callback-data";
import type { BotContext } from "../context";
import { currentFlow, endFlow, inFlow, isCommand, registerFlow, startFlow } from "../flow";
import { caseDetailLines, timelineLines } from "../presenters/case";
import { replyLong } from "../reply";
import { isInfrastructureError } from "../middlewares/errors";
import { attachmentFrom } from "../attachments";

const PAGE_SIZE = 6;
const FLOW = "addinfo";

async function showList(ctx: BotContext, page: number): Promise<void> {
  const { total, page: current, pages, items } = await listProducerCases(ctx.deps, ctx.user.id, page, PAGE_SIZE);
  if (total === 0) {
    await ctx.reply(ctx.t("cases-empty"), { reply_markup: new InlineKeyboard().text(ctx.t("menu-report"), "report:new") });
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const item of items) {
    const label = `${item.urgency === "critical" ? "🔴 " : ""}${item.trackingCode} · ${ctx.t(`status-${item.status}`)}`;
    keyboard.text(label, cb("cases:view", item.id)).row();
  }
  if (current > 0) keyboard.text(ctx.t("button-previous"), cb("cases:list", current - 1));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), cb("cases:list", current + 1));
  await ctx.reply(
    ctx.t("cases-title", {
      total: localizeDigits(String(total), ctx.locale),
      page: localizeDigits(String(current + 1), ctx.locale),
      pages: localizeDigits(String(pages), ctx.locale),
    }),
    { reply_markup: keyboard },
  );
}

/** Loads a case only if the user represents its unit: forged ids find nothing. */
async function findOwnCase(ctx: BotContext, caseId: number) {
  return ctx.deps.db.case.findFirst({
    where: { id: caseId, ...producerCaseScope(ctx.user.id) },
    include: {
      unit: { select: { name: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      events: { orderBy: { id: "asc" }, include: { actor: { select: { firstName: true } } } },
    },
  });
}

async function showCase(ctx: BotContext, caseId: number): Promise<void> {
  const item = await findOwnCase(ctx, caseId);
  if (!item) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const t = ctx.deps.t;
  const details = caseDetailLines(t, ctx.locale, item, ctx.deps.now());
  const timeline = timelineLines(t, ctx.locale, item.events, { includeInternal: false });
  const text = [...details, "", ctx.t("case-timeline-title"), ...timeline].join("\n");
  const keyboard = new InlineKeyboard();
  if (isOpenStatus(item.status as CaseStatus)) {
    keyboard.text(ctx.t(item.status === "needs_info" ? "cases-answer" : "cases-add-info"), cb("cases:addinfo", item.id)).row();
  }
  keyboard.text(ctx.t("cases-back-to-list"), cb("cases:list", 0));
  await replyLong(ctx, text, keyboard);
}

export const cases = new Composer<BotContext>();
const chat = cases.chatType("private");

chat.command("cases", (ctx) => showList(ctx, 0));
chat.callbackQuery(/^cases:list:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx, Number(ctx.match[1]));
});
chat.callbackQuery(/^cases:view:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  await showCase(ctx, id);
});

async function askForInformation(ctx: BotContext, caseId: number): Promise<void> {
  const item = await ctx.deps.db.case.findFirst({
    where: { id: caseId, ...producerCaseScope(ctx.user.id) },
    select: { trackingCode: true, status: true },
  });
  if (!item || !isOpenStatus(item.status as CaseStatus)) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  startFlow(ctx, FLOW, "input", { caseId });
  await ctx.reply(ctx.t("cases-ask-info", { code: item.trackingCode, max: ADD_INFO_MAX }), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), "flow:cancel"),
  });
}

chat.callbackQuery(/^cases:addinfo:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (id) await askForInformation(ctx, id);
});

registerFlow(FLOW, async (ctx, flow) => {
  const caseId = Number(flow.data.caseId);
  await askForInformation(ctx, caseId);
});

const inAddInfo = chat.filter(inFlow(FLOW));
inAddInfo.on(["message:text", "message:photo", "message:document"], async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  const caseId = Number(flow?.data.caseId);
  if (!flow || !caseId) return;
  const message = ctx.message;
  const text = normalizeText(message.text ?? message.caption ?? "");
  if (text.length > ADD_INFO_MAX) {
    await ctx.reply(ctx.t("cases-info-too-long", { max: ADD_INFO_MAX }));
    return;
  }
  // The same files as the report accepts (size and type).
  const file = attachmentFrom(message, ctx.deps.config.MAX_ATTACHMENT_MB * 1024 * 1024);
  if (file === "too_big") {
    await ctx.reply(ctx.t("report-attachment-too-big", { mb: ctx.deps.config.MAX_ATTACHMENT_MB }));
    return;
  }
  if (file === "bad_type") {
    await ctx.reply(ctx.t("report-attachment-bad-type"));
    return;
  }
  if (!file && text.length === 0) return;
  try {
    const result = await addProducerInformation(ctx.deps, ctx.user.id, caseId, { text, attachment: file });
    endFlow(ctx);
    await ctx.reply(ctx.t(result.answeredRequest ? "cases-info-answered" : "cases-info-added", { code: result.trackingCode }));
  } catch (error) {
    if (isInfrastructureError(error)) {
      await ctx.reply(ctx.t("error-unavailable"));
      return;
    }
    endFlow(ctx);
    await ctx.reply(ctx.t("error-not-found"));
  }
});

