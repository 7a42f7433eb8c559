// Scope: private chats; the secretariat (and admins) of a working group. From the queue's
// "🧩 Clusters": the group's proposed clusters (open cases sharing agency, subject and estate or
// county) and its confirmed ones; a cluster's card, edited in place; and what can be done to the
// cluster as a whole (flow.ts): assign at once, put on an agenda, one collective resolution.
// Callback data is never trusted: each service re-checks the actor's group and every case.
import { Composer } from "../../composer";
import { clusters as C } from "../../../buttons";
import { clusterCard, closeCluster, clusterToAgenda, confirmProposal, removeFromCluster } from "../../../services/clusters";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { refusedOr } from "../../reply";
import { isSecretariat, secretariatGroupKeyboard, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { staffOnly } from "../../staff-only";
import { clusterFlow, startClusterFlow, type ClusterDraft } from "./flow";
import { showClusterCard, showClusterMeetings, showClusterMembers, showClustersHome } from "./screens";

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
const staff = chat.filter(isSecretariat);

// Anyone else (a producer, an official, a forged tap): refused, nothing read or written.
chat.filter((ctx) => !isSecretariat(ctx)).callbackQuery(Object.values(C).map((b) => b.filter), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});

// /clusters: the only group's screen at once, else which group.
chat.filter((ctx) => !isSecretariat(ctx)).command("clusters", staffOnly("clusters"));
staff.command("clusters", async (ctx) => {
  const sole = soleSecretariatGroup(ctx);
  if (sole) return showClustersHome(ctx, sole);
  await ctx.reply(ctx.t("clusters-ask-group"), { reply_markup: await secretariatGroupKeyboard(ctx, (groupId) => C.home.pack({ groupId })) });
});
staff.callbackQuery(C.home.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.home.unpack(ctx.callbackQuery.data);
  if (p) await showClustersHome(ctx, p.groupId);
});
staff.callbackQuery(C.confirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.confirm.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const made = await refusedOr(ctx, () => confirmProposal(ctx.deps, ctx.user, { workingGroupId: p.groupId, anchorCaseId: p.caseId, locale: ctx.locale }));
  if (made) await showClusterCard(ctx, made.clusterId);
});
staff.callbackQuery(C.card.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.card.unpack(ctx.callbackQuery.data);
  if (p) await showClusterCard(ctx, p.clusterId);
});
staff.callbackQuery(C.members.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.members.unpack(ctx.callbackQuery.data);
  if (p) await showClusterMembers(ctx, p.clusterId);
});
staff.callbackQuery(C.remove.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.remove.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const done = await refusedOr(ctx, async () => (await removeFromCluster(ctx.deps, ctx.user, p.clusterId, p.caseId), true));
  if (done) await showClusterMembers(ctx, p.clusterId);
});
staff.callbackQuery(C.close.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.close.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const done = await refusedOr(ctx, async () => (await closeCluster(ctx.deps, ctx.user, p.clusterId), true));
  if (done) await showClusterCard(ctx, p.clusterId);
});
staff.callbackQuery(C.agenda.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.agenda.unpack(ctx.callbackQuery.data);
  if (p) await showClusterMeetings(ctx, p.clusterId, "agenda");
});
staff.callbackQuery(C.toMeeting.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.toMeeting.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const placed = await refusedOr(ctx, () => clusterToAgenda(ctx.deps, ctx.user, p.clusterId, p.meetingId));
  if (!placed) return;
  await ctx.reply(ctx.t("clusters-on-agenda", { count: placed.placed.length, skipped: placed.skipped.length }));
  await showClusterCard(ctx, p.clusterId, { fresh: true });
});
staff.callbackQuery(C.resolve.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.resolve.unpack(ctx.callbackQuery.data);
  if (p) await showClusterMeetings(ctx, p.clusterId, "resolve");
});

/** A flow over one cluster: its group read back from the card (the service checks it). */
async function startOnCluster(ctx: BotContext, clusterId: number, data: Omit<ClusterDraft, "groupId" | "clusterId">): Promise<void> {
  const card = await refusedOr(ctx, () => clusterCard(ctx.deps, ctx.user, clusterId));
  if (card) await startClusterFlow(ctx, { ...data, clusterId, groupId: card.workingGroupId });
}
staff.callbackQuery(C.resolveIn.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.resolveIn.unpack(ctx.callbackQuery.data);
  if (p) await startOnCluster(ctx, p.clusterId, { mode: "resolve", meetingId: p.meetingId });
});
staff.callbackQuery(C.assign.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.assign.unpack(ctx.callbackQuery.data);
  if (p) await startOnCluster(ctx, p.clusterId, { mode: "refer" });
});
staff.callbackQuery(C.rename.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.rename.unpack(ctx.callbackQuery.data);
  if (p) await startOnCluster(ctx, p.clusterId, { mode: "rename" });
});
staff.callbackQuery(C.build.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = C.build.unpack(ctx.callbackQuery.data);
  if (!p) return;
  if (!worksGroup(ctx, p.groupId)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  await startClusterFlow(ctx, { mode: "build", groupId: p.groupId });
});
composer.use(clusterFlow.composer);

export const clusters: Feature = {
  name: "clusters",
  composer,
  commands: [{ command: "clusters", audience: "secretariat" }],
};
