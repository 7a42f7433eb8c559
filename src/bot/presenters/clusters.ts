/**
 * Clusters in chat: the group's screen (proposals, then confirmed clusters), a cluster's card
 * (title, its cases with their units, progress done/total, what can be done to it), the list
 * of its cases to take one out, and the meetings to choose from.
 */
import { InlineKeyboard } from "grammy";
import { clusters as C, shared } from "../../buttons";
import { localizeDigits, truncate } from "../../domain/text";
import { localName } from "../../i18n";
import type { ClusterCard, ClusterLine, ProposalView } from "../../services/clusters";
import { meetingTitle, type MeetingTitleParts } from "../../services/meetings";
import type { BotContext } from "../context";

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

const digits = (ctx: BotContext, n: number) => localizeDigits(String(n), ctx.locale);

export function clustersHomeScreen(ctx: BotContext, groupId: number, proposals: ProposalView[], confirmed: ClusterLine[]): Screen {
  const lines = [ctx.t("clusters-home-title")];
  const keyboard = new InlineKeyboard();
  lines.push("", proposals.length > 0 ? ctx.t("clusters-proposals", { count: proposals.length }) : ctx.t("clusters-no-proposals", { min: ctx.deps.config.CLUSTER_MIN_CASES }));
  proposals.slice(0, 8).forEach((p, index) => {
    const subject = ctx.t(p.key.subcategory ? `subcategory-${p.key.subcategory}` : `category-${p.key.category}`);
    lines.push(ctx.t("clusters-proposal-line", { n: index + 1, count: p.caseIds.length, subject, place: localName(p.place, ctx.locale), agency: localName(p.agency, ctx.locale) }));
    keyboard.text(truncate(ctx.t("clusters-button-confirm", { n: index + 1, count: p.caseIds.length }), 60), C.confirm.pack({ groupId, caseId: p.caseIds[0]! })).row();
  });
  if (confirmed.length > 0) {
    lines.push("", ctx.t("clusters-confirmed", { count: confirmed.length }));
    for (const line of confirmed) {
      keyboard.text(truncate(`🧩 ${digits(ctx, line.progress.done)}/${digits(ctx, line.progress.total)} · ${line.title}`, 60), C.card.pack({ clusterId: line.id })).row();
    }
  }
  keyboard.text(ctx.t("clusters-button-build"), C.build.pack({ groupId })).row();
  return { text: lines.join("\n"), keyboard };
}

export function clusterCardScreen(ctx: BotContext, card: ClusterCard): Screen {
  const lines = [
    ctx.t("clusters-card-title", { title: card.title }),
    ctx.t("clusters-card-progress", { done: card.progress.done, total: card.progress.total }),
    card.status === "closed" ? ctx.t("clusters-card-closed") : "",
    "",
    ...card.cases.map((c, index) => ctx.t("clusters-card-case", { n: index + 1, code: c.trackingCode, unit: c.unitName, status: ctx.t(`queue-status-${c.status}`) })),
  ].filter((line, index) => line !== "" || index === 3);
  const keyboard = new InlineKeyboard();
  if (card.status === "open") {
    keyboard.text(ctx.t("clusters-button-assign"), C.assign.pack({ clusterId: card.id })).text(ctx.t("clusters-button-agenda"), C.agenda.pack({ clusterId: card.id })).row();
    keyboard.text(ctx.t("clusters-button-resolve"), C.resolve.pack({ clusterId: card.id })).row();
    keyboard.text(ctx.t("clusters-button-members"), C.members.pack({ clusterId: card.id })).text(ctx.t("clusters-button-rename"), C.rename.pack({ clusterId: card.id })).row();
    keyboard.text(ctx.t("clusters-button-close"), C.close.pack({ clusterId: card.id })).row();
  }
  keyboard.text(ctx.t("button-back"), C.home.pack({ groupId: card.workingGroupId }));
  return { text: lines.join("\n"), keyboard };
}

/** The cluster's cases: open one, or take it out of the cluster. */
export function clusterMembersScreen(ctx: BotContext, card: ClusterCard): Screen {
  const keyboard = new InlineKeyboard();
  for (const c of card.cases) {
    keyboard.text(truncate(`${c.trackingCode} · ${c.unitName}`, 40), shared.queueCase.pack({ caseId: c.id })).text(ctx.t("clusters-button-remove"), C.remove.pack({ clusterId: card.id, caseId: c.id })).row();
  }
  keyboard.text(ctx.t("button-back"), C.card.pack({ clusterId: card.id }));
  return { text: ctx.t("clusters-members-title", { title: card.title }), keyboard };
}

type MeetingChoice = MeetingTitleParts & { id: number; startsAt: Date; status: string; hasCluster: boolean };

export function clusterMeetingsScreen(ctx: BotContext, clusterId: number, meetings: MeetingChoice[], purpose: "agenda" | "resolve"): Screen {
  const keyboard = new InlineKeyboard();
  const wanted = meetings.filter((m) => (purpose === "agenda" ? m.status === "SCHEDULED" && !m.hasCluster : m.status === "HELD" && m.hasCluster));
  for (const m of wanted) {
    const title = meetingTitle(ctx.deps.t, ctx.locale, m);
    keyboard.text(truncate(title, 60), (purpose === "agenda" ? C.toMeeting : C.resolveIn).pack({ clusterId, meetingId: m.id })).row();
  }
  keyboard.text(ctx.t("button-back"), C.card.pack({ clusterId }));
  const text = wanted.length > 0 ? ctx.t(`clusters-pick-meeting-${purpose}`) : ctx.t(`clusters-no-meeting-${purpose}`);
  return { text, keyboard };
}
