// The queue for its readers (secretariat and admins, who work it; the chair, who reads it):
// the working-group picker, a page of open cases and the filters. Every tap edits the screen
// it was made on; the service re-checks the reader's groups for every page.
import { Composer } from "grammy";
import { desk } from "../../../buttons";
import { decodeQueueView, listQueue, queueAgencies, queueHeading, queueWorkingGroups, type QueueView } from "../../../services/queue";
import type { BotContext } from "../../context";
import { filterScreen, groupPickerScreen, queueListScreen, type FilterKind } from "../../presenters/queue";
import { refusedOr, showScreen } from "../../reply";

/** /queue: the only group's queue at once, else which group. */
export async function showGroupPicker(ctx: BotContext): Promise<void> {
  const groups = await queueWorkingGroups(ctx.deps, ctx.user);
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return showQueue(ctx, { workingGroupId: only.id, page: 0 });
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const screen = groupPickerScreen(ctx, groups);
  await showScreen(ctx, screen.text, screen.keyboard);
}

export async function showQueue(ctx: BotContext, requested: QueueView): Promise<void> {
  const found = await refusedOr(ctx, async () => {
    const page = await listQueue(ctx.deps, ctx.user, requested);
    return { page, heading: await queueHeading(ctx.deps, ctx.user, requested) };
  });
  if (!found) return;
  // The page actually shown (a page past the end, e.g. after cases left the queue, is the last).
  const view: QueueView = { ...requested, page: found.page.page };
  const screen = queueListScreen(ctx, view, found.page, found.heading);
  await showScreen(ctx, screen.text, screen.keyboard);
}

async function showFilter(ctx: BotContext, kind: FilterKind, view: QueueView): Promise<void> {
  const agencies = kind === "a" ? await refusedOr(ctx, () => queueAgencies(ctx.deps, ctx.user, view.workingGroupId)) : [];
  if (!agencies) return;
  const screen = filterScreen(ctx, kind, view, agencies);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Handlers for queue readers only (the feature filters by role). */
export const list = new Composer<BotContext>();

list.command("queue", showGroupPicker);
list.callbackQuery(desk.queueHome.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showGroupPicker(ctx);
});

list.callbackQuery(desk.queueList.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const view = decodeQueueView(desk.queueList.unpack(ctx.callbackQuery.data)?.view);
  if (view) await showQueue(ctx, view);
});

const FILTERS: Array<[typeof desk.filterStatus, FilterKind]> = [
  [desk.filterStatus, "s"],
  [desk.filterCategory, "c"],
  [desk.filterAgency, "a"],
];
for (const [button, kind] of FILTERS) {
  list.callbackQuery(button.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    const view = decodeQueueView(button.unpack(ctx.callbackQuery.data)?.view);
    if (view) await showFilter(ctx, kind, view);
  });
}
