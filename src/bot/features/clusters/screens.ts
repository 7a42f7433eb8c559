// The clusters' screens: the group's proposals and clusters, a cluster's card, its cases and
// the meetings to choose. Each reads through a service that re-checks the actor's group.
import { clusterCard, clusterMeetings, listClusters, proposeForGroup } from "../../../services/clusters";
import type { BotContext } from "../../context";
import { clusterCardScreen, clusterMeetingsScreen, clusterMembersScreen, clustersHomeScreen } from "../../presenters/clusters";
import { refusedOr, showScreen } from "../../reply";

export async function showClustersHome(ctx: BotContext, groupId: number): Promise<void> {
  const found = await refusedOr(ctx, async () => ({ proposals: await proposeForGroup(ctx.deps, ctx.user, groupId), confirmed: await listClusters(ctx.deps, ctx.user, groupId) }));
  if (!found) return;
  const screen = clustersHomeScreen(ctx, groupId, found.proposals, found.confirmed);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** The card; `fresh`: as a new message (after an action's news), else edited in place. */
export async function showClusterCard(ctx: BotContext, clusterId: number, options: { fresh?: boolean } = {}): Promise<void> {
  const card = await refusedOr(ctx, () => clusterCard(ctx.deps, ctx.user, clusterId));
  if (!card) return;
  const screen = clusterCardScreen(ctx, card);
  await showScreen(ctx, screen.text, screen.keyboard, { asNew: options.fresh });
}

export async function showClusterMembers(ctx: BotContext, clusterId: number): Promise<void> {
  const card = await refusedOr(ctx, () => clusterCard(ctx.deps, ctx.user, clusterId));
  if (!card) return;
  const screen = clusterMembersScreen(ctx, card);
  await showScreen(ctx, screen.text, screen.keyboard);
}

export async function showClusterMeetings(ctx: BotContext, clusterId: number, purpose: "agenda" | "resolve"): Promise<void> {
  const meetings = await refusedOr(ctx, () => clusterMeetings(ctx.deps, ctx.user, clusterId));
  if (!meetings) return;
  const screen = clusterMeetingsScreen(ctx, clusterId, meetings, purpose);
  await showScreen(ctx, screen.text, screen.keyboard);
}
