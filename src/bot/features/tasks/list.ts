// An official's list of their agency's open tasks (/tasks, the main menu): their own first,
// then overdue ones, then by due date, a page at a time. Paging edits the list in place.
import { Composer } from "../../composer";
import { shared } from "../../../buttons";
import { listOfficialTasks } from "../../../services/tasks";
import type { BotContext } from "../../context";
import { taskListScreen } from "../../presenters/tasks";
import { showScreen } from "../../reply";

const PAGE_SIZE = 6;

/** A page of the list (out-of-range pages show the nearest one). */
export async function showTaskList(ctx: BotContext, page: number): Promise<void> {
  const list = await listOfficialTasks(ctx.deps, ctx.user.id, page, PAGE_SIZE);
  const screen = taskListScreen(ctx, list);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Handlers for officials only (the feature filters by role). */
export const list = new Composer<BotContext>();

list.command("tasks", (ctx) => showTaskList(ctx, 0));
list.callbackQuery(shared.taskList.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTaskList(ctx, shared.taskList.unpack(ctx.callbackQuery.data)?.page ?? 0);
});
