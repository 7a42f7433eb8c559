// An agency head hands a task to another official of the same agency: the choice edits the
// card in place; the reassignment is news. The service re-checks the head and the official.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { shared, tasks as buttons } from "../../../buttons";
import { fullName } from "../../../domain/text";
import { reassignTask } from "../../../services/task-actions";
import { reassignCandidates } from "../../../services/tasks";
import type { BotContext } from "../../context";
import { refusedOr, showScreen } from "../../reply";
import { performed } from "./answers";

/** Handlers for agency heads only (the feature filters by role). */
export const head = new Composer<BotContext>();

head.callbackQuery(buttons.reassign.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.reassign.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const { taskId } = p;
  const candidates = await refusedOr(ctx, () => reassignCandidates(ctx.deps, ctx.user.id, taskId));
  if (!candidates) return;
  if (candidates.length === 0) {
    await ctx.reply(ctx.t("task-reassign-nobody"));
    return;
  }
  const keyboard = InlineKeyboard.from(
    candidates.map((official) => [InlineKeyboard.text(fullName(official), buttons.reassignTo.pack({ taskId, officialId: official.id }))]),
  ).row().text(ctx.t("button-back"), shared.taskCard.pack({ taskId }));
  await showScreen(ctx, ctx.t("task-reassign-choose"), keyboard);
});

head.callbackQuery(buttons.reassignTo.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.reassignTo.unpack(ctx.callbackQuery.data);
  if (p) await performed(ctx, p.taskId, () => reassignTask(ctx.deps, ctx.user.id, p.taskId, p.officialId), "task-done-reassign");
});
