// The case card for queue readers (q:open, also the button of every alert about a case), and
// the case's files on request. Opening the card edits the screen it was opened from; the files
// come as new messages. The service decides who may see the card and the producer's phone.
import { Composer } from "../../composer";
import { desk, shared } from "../../../buttons";
import { formatJalaliDate } from "../../../domain/jalali";
import { localizeDigits, truncate } from "../../../domain/text";
import { caseAttachments, openCaseCard } from "../../../services/queue";
import type { BotContext } from "../../context";
import { caseCardScreen } from "../../presenters/case-card";
import { showScreen } from "../../reply";

/** At most this many files are sent back per tap (a case rarely has more). */
const MAX_FILES_PER_REQUEST = 30;

/** The card (split at Telegram's limit when long; the buttons under the last part). */
export async function showCaseCard(ctx: BotContext, caseId: number): Promise<void> {
  const card = await openCaseCard(ctx.deps, ctx.user, caseId);
  if (!card) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const screen = caseCardScreen(ctx, card);
  await showScreen(ctx, screen.text, screen.keyboard);
}

async function sendFiles(ctx: BotContext, caseId: number): Promise<void> {
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
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
    const caption = truncate([file.fileName, formatJalaliDate(file.createdAt, ctx.locale, { time: true })].filter(Boolean).join(" — "), 1000);
    if (file.kind === "PHOTO") await ctx.replyWithPhoto(file.fileId, { caption });
    else await ctx.replyWithDocument(file.fileId, { caption });
  }
  if (files.length > MAX_FILES_PER_REQUEST) {
    await ctx.reply(ctx.t("queue-files-more", { count: localizeDigits(String(files.length - MAX_FILES_PER_REQUEST), ctx.locale) }));
  }
}

/** Handlers for queue readers only (the feature filters by role). */
export const card = new Composer<BotContext>();

card.callbackQuery(shared.queueCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.queueCase.unpack(ctx.callbackQuery.data);
  if (p) await showCaseCard(ctx, p.caseId);
});

card.callbackQuery(desk.caseFiles.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = desk.caseFiles.unpack(ctx.callbackQuery.data);
  if (p) await sendFiles(ctx, p.caseId);
});
