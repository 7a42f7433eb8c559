// The queue for its readers (secretariat and admins, who work it; the chair, who reads it):
// the working-group picker, a page of open cases and the filters. Every tap edits the screen
// it was made on; the service re-checks the reader's groups for every page.
import { Composer } from "../../composer";
import { desk } from "../../../buttons";
import { decodeQueueView, listQueue, queueAgencies, queueCounties, queueHeading, queueWorkingGroups, type QueueView } from "../../../services/queue";
import type { BotContext } from "../../context";
import { searchNames, type GroupSection } from "../../presenters/picker";
import { filterScreen, groupPickerScreen, groupSearchScreen, queueListScreen, type FilterKind } from "../../presenters/queue";
import { refusedOr, showScreen } from "../../reply";

/** The session's mark that the queue's group picker takes typed letters. */
const SEARCH = "queue";

/** /queue: the only group's queue at once, else which group (a few typed letters find one). */
export async function showGroupPicker(ctx: BotContext, at: { section?: GroupSection; page?: number } = {}): Promise<void> {
  const groups = await queueWorkingGroups(ctx.deps, ctx.user);
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return showQueue(ctx, { workingGroupId: only.id, page: 0 });
  if (groups.length === 0) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  ctx.session.search = SEARCH;
  const screen = groupPickerScreen(ctx, groups, at);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Typed letters after the picker: the groups whose Persian or English name has them. */
async function searchGroups(ctx: BotContext, query: string): Promise<void> {
  const groups = await queueWorkingGroups(ctx.deps, ctx.user);
  const screen = groupSearchScreen(ctx, query, searchNames(groups, query));
  await ctx.reply(screen.text, { reply_markup: screen.keyboard });
}

export async function showQueue(ctx: BotContext, requested: QueueView): Promise<void> {
  if (ctx.session.search === SEARCH) delete ctx.session.search;
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
  const agencies =
    kind === "a"
      ? await refusedOr(ctx, () => queueAgencies(ctx.deps, ctx.user, view.workingGroupId))
      : kind === "k"
        ? await refusedOr(ctx, () => queueCounties(ctx.deps, ctx.user, view.workingGroupId))
        : [];
  if (!agencies) return;
  const screen = filterScreen(ctx, kind, view, agencies);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Handlers for queue readers only (the feature filters by role). */
export const list = new Composer<BotContext>();

list.command("queue", (ctx) => showGroupPicker(ctx));
list.callbackQuery(desk.queueHome.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showGroupPicker(ctx);
});
list.callbackQuery(desk.queueGroups.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = desk.queueGroups.unpack(ctx.callbackQuery.data);
  if (p) await showGroupPicker(ctx, p);
});
list.on("message:text").filter(
  (ctx) => ctx.session.search === SEARCH && !ctx.session.flow && !ctx.msg.text.startsWith("/"),
  (ctx) => searchGroups(ctx, ctx.msg.text),
);

list.callbackQuery(desk.queueList.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const view = decodeQueueView(desk.queueList.unpack(ctx.callbackQuery.data)?.view);
  if (view) await showQueue(ctx, view);
});

const FILTERS: Array<[typeof desk.filterStatus, FilterKind]> = [
  [desk.filterStatus, "s"],
  [desk.filterCategory, "c"],
  [desk.filterAgency, "a"],
  [desk.filterCounty, "k"],
];
for (const [button, kind] of FILTERS) {
  list.callbackQuery(button.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    const view = decodeQueueView(button.unpack(ctx.callbackQuery.data)?.view);
    if (view) await showFilter(ctx, kind, view);
  });
}
