// The broadcast's preview: the notice exactly as recipients will get it, the recipient count,
// and the buttons to send it, change the audience or drop it (sending.ts handles them).
import { InlineKeyboard } from "grammy";

import { localName } from "../../../i18n";
import { broadcastPayload, createBroadcastDraft, workingGroupOf, type BroadcastAudience } from "../../../services/broadcasts";
import { broadcasts as B } from "../../../buttons";
import type { BotContext } from "../../context";
import type { DefinedFlow, FlowState } from "../../flow-engine";
import type { PickState } from "../../presenters/picker";
import { answerRefusal } from "../../reply";
import type { ActivityStatus, AgencyKind, Sector } from "../../../generated/prisma/enums";

/** The compose flow's draft: JSON-safe (it lives in the session); where its group list is (PickState). */
export interface BroadcastDraft extends PickState {
  workingGroupId?: number;
  text?: string;
  photoFileId?: string | null;
  documentFileId?: string | null;
  audience?: BroadcastAudience["kind"];
  agencyKinds?: AgencyKind[];
  meetingId?: number;
  sector?: Sector | null;
  activityStatus?: ActivityStatus | null;
  countyId?: number;
  /** The chosen county's name in the author's language, for the preview's audience line. */
  countyName?: string;
}

/** The audience as the service validates it, from the draft's choices (null: incomplete). */
export function audienceOf(draft: BroadcastDraft): BroadcastAudience | null {
  switch (draft.audience) {
    case "everyone":
    case "producers":
      return { kind: draft.audience };
    case "officials":
      return draft.agencyKinds && draft.agencyKinds.length > 0 ? { kind: "officials", agencyKinds: draft.agencyKinds } : null;
    case "meeting":
      return draft.meetingId ? { kind: "meeting", meetingId: draft.meetingId } : null;
    case "units":
      return draft.sector || draft.activityStatus ? { kind: "units", sector: draft.sector ?? null, activityStatus: draft.activityStatus ?? null } : null;
    case "county":
      return draft.countyId ? { kind: "county", countyId: draft.countyId } : null;
    default:
      return null;
  }
}

function audienceLabel(ctx: BotContext, audience: BroadcastAudience, draft: BroadcastDraft): string {
  switch (audience.kind) {
    case "county":
      return `${ctx.t("broadcasts-audience-county")}: ${draft.countyName ?? ""}`;
    case "officials":
      return `${ctx.t("broadcasts-audience-officials")}: ${audience.agencyKinds.map((k) => ctx.t(`broadcasts-agency-kind-${k}`)).join("، ")}`;
    case "units":
      return `${ctx.t("broadcasts-audience-units")}: ${[audience.sector ? ctx.t(`sector-${audience.sector}`) : null, audience.activityStatus ? ctx.t(`activity-${audience.activityStatus}`) : null].filter(Boolean).join(" + ")}`;
    default:
      return ctx.t(`broadcasts-audience-${audience.kind}`);
  }
}

export async function showPreview(ctx: BotContext, flow: FlowState<BroadcastDraft>, definedFlow: DefinedFlow<BroadcastDraft>): Promise<void> {
  const draft = flow.data;
  const audience = audienceOf(draft);
  if (!draft.workingGroupId || !draft.text || !audience) {
    await definedFlow.go(ctx, flow, draft.text ? "audience" : "content");
    return;
  }
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  let created: { id: number; total: number };
  try {
    created = await createBroadcastDraft(ctx.deps, ctx.user.id, {
      workingGroupId: draft.workingGroupId,
      text: draft.text,
      photoFileId: draft.photoFileId ?? null,
      documentFileId: draft.documentFileId ?? null,
      audience,
    });
  } catch (error) {
    await answerRefusal(ctx, error);
    return;
  }
  const group = await workingGroupOf(ctx.deps, draft.workingGroupId);
  const media = { text: draft.text, photoFileId: draft.photoFileId ?? null, documentFileId: draft.documentFileId ?? null };
  const payload = broadcastPayload(ctx.deps.t, ctx.locale, media, group ? localName(group, ctx.locale) : "");
  // Show exactly what recipients will get (in the author's language).
  if (payload.method === "sendPhoto" && typeof payload.params.photo === "string") await ctx.replyWithPhoto(payload.params.photo, { caption: payload.params.caption ?? "" });
  else if (payload.method === "sendDocument" && typeof payload.params.document === "string") await ctx.replyWithDocument(payload.params.document, { caption: payload.params.caption ?? "" });
  else if (payload.method === "sendMessage") await ctx.reply(payload.params.text);
  const total = created.total;
  const keyboard = new InlineKeyboard();
  if (created.total > 0) keyboard.text(ctx.t("broadcasts-confirm", { count: total }), B.broadcastSend.pack({ broadcastId: created.id })).row();
  keyboard.text(ctx.t("broadcasts-change-audience"), B.broadcastDrop.pack({ broadcastId: created.id, then: "aud" })).row();
  keyboard.text(ctx.t("button-cancel"), B.broadcastDrop.pack({ broadcastId: created.id, then: "x" }));
  await ctx.reply(ctx.t(created.total > 0 ? "broadcasts-preview" : "broadcasts-preview-empty", { count: total, audience: audienceLabel(ctx, audience, draft) }), {
    reply_markup: keyboard,
  });
}
