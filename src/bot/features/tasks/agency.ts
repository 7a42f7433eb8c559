// The official's actions from the task card: acknowledge at once; progress, completion,
// extension and refusal through a prompt (report-flow.ts). The service re-checks that the
// user is an official of the task's agency and that the task's status allows the action.
import { Composer } from "../../composer";
import { tasks as buttons } from "../../../buttons";
import { acknowledgeTask } from "../../../services/task-actions";
import type { BotContext } from "../../context";
import { performed } from "./answers";
import { reportComposer, startReport, type ReportKind } from "./report-flow";

/** Handlers for officials only (the feature filters by role). */
export const agency = new Composer<BotContext>();
agency.use(reportComposer);

agency.callbackQuery(buttons.acknowledge.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.acknowledge.unpack(ctx.callbackQuery.data);
  if (p) await performed(ctx, p.taskId, () => acknowledgeTask(ctx.deps, ctx.user.id, p.taskId), "task-done-acknowledge");
});

const PROMPTS: Array<[ReportKind, typeof buttons.progress]> = [
  ["progress", buttons.progress],
  ["done", buttons.complete],
  ["extension", buttons.requestExtension],
  ["refuse", buttons.refuse],
];
for (const [kind, button] of PROMPTS) {
  agency.callbackQuery(button.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    const p = button.unpack(ctx.callbackQuery.data);
    if (p) await startReport(ctx, kind, p.taskId);
  });
}
