// Batch referral (/refer): the secretariat chooses cases by filters and refers them to one
// agency in one act — one task per case, one letter to the agency's officials (src/services/referrals).
import { Composer } from "../../composer";
import { batch as B } from "../../../buttons";
import { CASE_STATUSES } from "../../../domain/case-lifecycle";
import { decodeQueueView } from "../../../services/queue";
import { REFERRABLE_STATUSES } from "../../../services/referrals";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { isSecretariat } from "../../secretariat";
import { staffOnly } from "../../staff-only";
import { batchFlow, startBatchFlow } from "./flow";
import { confirmBatch } from "./preview";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter((ctx) => !isSecretariat(ctx)).command("refer", staffOnly("refer"));
const staff = chat.filter(isSecretariat);
staff.command("refer", (ctx) => startBatchFlow(ctx));
staff.callbackQuery(B.start.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startBatchFlow(ctx);
});
// From the queue: its group, category, county and (a referable) status become the batch's filters.
staff.callbackQuery(B.fromQueue.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const view = decodeQueueView(B.fromQueue.unpack(ctx.callbackQuery.data)?.view);
  if (!view) return;
  const status = view.status && (CASE_STATUSES as readonly string[]).includes(view.status) && REFERRABLE_STATUSES.includes(view.status as never) ? view.status : null;
  await startBatchFlow(ctx, { workingGroupId: view.workingGroupId, category: view.category ?? null, countyId: view.countyId ?? null, status: status as never });
});
// Outside the flow: a second tap after the first ended it still finds the batch (the service
// re-checks the actor's group for it).
composer.callbackQuery(B.confirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const key = B.confirm.unpack(ctx.callbackQuery.data)?.key;
  if (key) await confirmBatch(ctx, key, batchFlow.current(ctx));
});
composer.use(batchFlow.composer);

export const batchReferral: Feature = {
  name: "batch-referral",
  composer,
  commands: [{ command: "refer", audience: "secretariat" }],
  menu: [{ labelKey: "batch-menu", callback: B.start.pack(), visible: isSecretariat }],
};
