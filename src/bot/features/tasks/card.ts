// The task card and its documents, for whoever may read it: the officials of the task's agency
// and the secretariat of its working group (the service decides; anyone else: not found).
import { Composer } from "../../composer";
import { shared, tasks as buttons } from "../../../buttons";
import { truncate } from "../../../domain/text";
import { taskStatutory } from "../../../services/resolutions";
import { loadTaskCard, taskDocuments } from "../../../services/tasks";
import type { BotContext } from "../../context";
import { withStatutory } from "../../presenters/objections";
import { taskCardScreen } from "../../presenters/tasks";
import { refusedOr, showScreen } from "../../reply";

const MAX_FILES_PER_REQUEST = 20;

/** The task card (edits the screen it was opened from; a long card comes as new messages). */
export async function showTaskCard(ctx: BotContext, taskId: number): Promise<void> {
  const card = await loadTaskCard(ctx.deps, ctx.user.id, taskId);
  if (!card) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  // A resolution's task also shows its statutory clock (and the object / decide button).
  const screen = withStatutory(ctx, taskCardScreen(ctx, card), await taskStatutory(ctx.deps, ctx.user.id, taskId));
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** The case's documents and this task's reports, by file id (new messages under the card). */
async function sendTaskDocuments(ctx: BotContext, taskId: number): Promise<void> {
  const files = await refusedOr(ctx, () => taskDocuments(ctx.deps, ctx.user.id, taskId, MAX_FILES_PER_REQUEST));
  if (!files) return;
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

/** Handlers for officials and the secretariat (the feature filters by role). */
export const card = new Composer<BotContext>();

card.callbackQuery(shared.taskCard.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.taskCard.unpack(ctx.callbackQuery.data);
  if (p) await showTaskCard(ctx, p.taskId);
});
card.callbackQuery(buttons.documents.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.documents.unpack(ctx.callbackQuery.data);
  if (p) await sendTaskDocuments(ctx, p.taskId);
});
