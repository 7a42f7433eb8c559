// Scope: private chats; secretariat (and admins) of a working group. /broadcast — write a
// notice (text, or a photo or document with a caption), choose an audience (everyone in the
// working group, officials of chosen agency kinds, producers, a meeting's invitees, units of a
// sector or activity status), preview it with the recipient count, confirm. A progress
// message is then edited as it goes, with a cancel button; a final report follows.
// Every button re-checks the role on the server (the services do, in their transactions).
import { Composer, InlineKeyboard } from "grammy";
import { localizeDigits, normalizeText, truncate } from "../../domain/text";
import { ActivityStatus, Sector, type AgencyKind } from "../../generated/prisma/enums";
import { cancelKeyboard, dropQueuedDeliveries, startBroadcastProgress } from "../../jobs/broadcast-progress";
import {
  BROADCAST_CAPTION_MAX,
  BROADCAST_TEXT_MAX,
  BROADCAST_TEXT_MIN,
  BroadcastError,
  broadcastCounts,
  broadcastPayload,
  cancelBroadcast,
  createBroadcastDraft,
  discardBroadcastDraft,
  progressText,
  startBroadcast,
  validateBroadcastText,
  type BroadcastAudience,
} from "../../services/broadcasts";
import { meetingTitle } from "../../services/meetings";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { advanceFlow, backButton, currentFlow, endFlow, goTo, inFlow, isCommand, registerFlow, startFlow } from "../flow";
import { addMenuEntry } from "../menu";
import { replyRefusal } from "../reply";
import { isSecretariat, secretariatGroupKeyboard, soleSecretariatGroup, worksGroup } from "../secretariat";
import { isInfrastructureError } from "../middlewares/errors";
import { localName } from "../../i18n";

const FLOW = "broadcast";
const SECTORS = Object.values(Sector);
const ACTIVITY_STATUSES = Object.values(ActivityStatus);

interface BroadcastDraft {
  workingGroupId?: number;
  text?: string;
  photoFileId?: string | null;
  documentFileId?: string | null;
  audience?: BroadcastAudience["kind"];
  agencyKinds?: AgencyKind[];
  meetingId?: number;
  sector?: Sector | null;
  activityStatus?: ActivityStatus | null;
}
const draftOf = (flow: Flow) => flow.data as BroadcastDraft;

export const broadcasts = new Composer<BotContext>();
const chat = broadcasts.chatType("private");

const replyError = (ctx: BotContext, error: unknown) => replyRefusal(ctx, error, BroadcastError, "broadcasts-error");

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "bc:back").text(ctx.t("button-cancel"), "flow:cancel");
}

/** The audience as the service validates it, from the draft's choices (null: incomplete). */
function audienceOf(draft: BroadcastDraft): BroadcastAudience | null {
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
    default:
      return null;
  }
}

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const draft = draftOf(flow);
  switch (flow.step) {
    case "group":
      await ctx.reply(ctx.t("broadcasts-ask-group"), { reply_markup: navigation(ctx, await secretariatGroupKeyboard(ctx, "bc:wg")) });
      return;
    case "content":
      await ctx.reply(ctx.t("broadcasts-ask-content", { min: BROADCAST_TEXT_MIN, max: BROADCAST_TEXT_MAX, caption: BROADCAST_CAPTION_MAX }), {
        reply_markup: navigation(ctx),
      });
      return;
    case "audience": {
      const keyboard = new InlineKeyboard();
      for (const kind of ["everyone", "officials", "producers", "meeting", "units"] as const) {
        keyboard.text(ctx.t(`broadcasts-audience-${kind}`), cb("bc:aud", kind)).row();
      }
      await ctx.reply(ctx.t("broadcasts-ask-audience"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "agency_kinds": {
      const kinds = await ctx.deps.db.agency.findMany({
        where: { workingGroupId: draft.workingGroupId ?? -1, active: true },
        distinct: ["kind"],
        orderBy: { kind: "asc" },
        select: { kind: true },
      });
      const chosen = new Set(draft.agencyKinds ?? []);
      const keyboard = new InlineKeyboard();
      kinds.forEach(({ kind }, index) => {
        keyboard.text(`${chosen.has(kind) ? "☑" : "☐"} ${ctx.t(`broadcasts-agency-kind-${kind}`)}`, cb("bc:ak", kind));
        if (index % 2 === 1) keyboard.row();
      });
      keyboard.row().text(ctx.t("button-done"), "bc:ak:done");
      await ctx.reply(ctx.t("broadcasts-ask-agency-kinds"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "meeting": {
      const meetings = await ctx.deps.db.meeting.findMany({
        where: { workingGroupId: draft.workingGroupId ?? -1, status: { in: ["SCHEDULED", "HELD"] }, invitees: { some: {} } },
        orderBy: { startsAt: "desc" },
        take: 8,
        select: { id: true, kind: true, number: true, jalaliYear: true },
      });
      const keyboard = new InlineKeyboard();
      for (const m of meetings) keyboard.text(truncate(meetingTitle(ctx.deps.t, ctx.locale, m), 60), cb("bc:mtg", m.id)).row();
      await ctx.reply(ctx.t(meetings.length > 0 ? "broadcasts-ask-meeting" : "broadcasts-no-meetings"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "units": {
      const keyboard = new InlineKeyboard();
      SECTORS.forEach((sector) => keyboard.text(`${draft.sector === sector ? "☑" : "☐"} ${ctx.t(`sector-${sector}`)}`, cb("bc:sec", sector)));
      keyboard.row();
      ACTIVITY_STATUSES.forEach((status) => keyboard.text(`${draft.activityStatus === status ? "☑" : "☐"} ${ctx.t(`activity-${status}`)}`, cb("bc:act", status)));
      keyboard.row().text(ctx.t("button-done"), "bc:units:done");
      await ctx.reply(ctx.t("broadcasts-ask-units"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "preview":
      await showPreview(ctx, flow);
      return;
  }
}

async function showPreview(ctx: BotContext, flow: Flow): Promise<void> {
  const draft = draftOf(flow);
  const audience = audienceOf(draft);
  if (!draft.workingGroupId || !draft.text || !audience) {
    goTo(ctx, flow, draft.text ? "audience" : "content");
    await ask(ctx, flow);
    return;
  }
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
    await replyError(ctx, error);
    return;
  }
  const group = await ctx.deps.db.workingGroup.findUniqueOrThrow({ where: { id: draft.workingGroupId }, select: { nameFa: true, nameEn: true } });
  const payload = broadcastPayload(ctx.deps.t, ctx.locale, { text: draft.text, photoFileId: draft.photoFileId ?? null, documentFileId: draft.documentFileId ?? null }, localName(group, ctx.locale));
  // Show exactly what recipients will get (in the author's language).
  if (payload.method === "sendPhoto") await ctx.replyWithPhoto(payload.params.photo, { caption: payload.params.caption ?? "" });
  else if (payload.method === "sendDocument" && typeof payload.params.document === "string") await ctx.replyWithDocument(payload.params.document, { caption: payload.params.caption ?? "" });
  else if (payload.method === "sendMessage") await ctx.reply(payload.params.text);
  const total = localizeDigits(String(created.total), ctx.locale);
  const keyboard = new InlineKeyboard();
  if (created.total > 0) keyboard.text(ctx.t("broadcasts-confirm", { count: total }), cb("bc:go", created.id)).row();
  keyboard.text(ctx.t("broadcasts-change-audience"), cb("bc:drop", created.id, "aud")).row();
  keyboard.text(ctx.t("button-cancel"), cb("bc:drop", created.id, "x"));
  await ctx.reply(
    ctx.t(created.total > 0 ? "broadcasts-preview" : "broadcasts-preview-empty", {
      count: total,
      audience: audienceLabel(ctx, audience),
    }),
    { reply_markup: keyboard },
  );
}

function audienceLabel(ctx: BotContext, audience: BroadcastAudience): string {
  switch (audience.kind) {
    case "officials":
      return `${ctx.t("broadcasts-audience-officials")}: ${audience.agencyKinds.map((k) => ctx.t(`broadcasts-agency-kind-${k}`)).join("، ")}`;
    case "units":
      return `${ctx.t("broadcasts-audience-units")}: ${[audience.sector ? ctx.t(`sector-${audience.sector}`) : null, audience.activityStatus ? ctx.t(`activity-${audience.activityStatus}`) : null].filter(Boolean).join(" + ")}`;
    default:
      return ctx.t(`broadcasts-audience-${audience.kind}`);
  }
}

async function startFlowFor(ctx: BotContext): Promise<void> {
  if (!isSecretariat(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const single = soleSecretariatGroup(ctx);
  await ask(ctx, startFlow(ctx, FLOW, single ? "content" : "group", single ? { workingGroupId: single } : {}));
}

chat.command("broadcast", startFlowFor);
chat.callbackQuery("bc:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startFlowFor(ctx);
});
addMenuEntry({ labelKey: "broadcasts-menu", callback: "bc:new", visible: isSecretariat });
registerFlow(FLOW, ask);

const inFlowChat = chat.filter(inFlow(FLOW));

inFlowChat.callbackQuery("bc:back", backButton(FLOW, (ctx) => ctx.reply(ctx.t("cancel-done"))));
inFlowChat.callbackQuery(/^bc:wg:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || !id || !worksGroup(ctx, id)) return;
  draftOf(flow).workingGroupId = id;
  await advanceFlow(ctx, flow, "content");
});
inFlowChat.on(["message:text", "message:photo", "message:document"], async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  if (flow.step !== "content") {
    await ctx.reply(ctx.t("expected-button"));
    return;
  }
  const message = ctx.message;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const documentId = message.document?.file_id ?? null;
  const text = normalizeText(message.text ?? message.caption ?? "");
  const problem = validateBroadcastText(text, Boolean(photo || documentId));
  if (problem) {
    await ctx.reply(
      ctx.t(problem === "short" ? "broadcasts-text-short" : "broadcasts-text-long", {
        min: BROADCAST_TEXT_MIN,
        max: photo || documentId ? BROADCAST_CAPTION_MAX : BROADCAST_TEXT_MAX,
      }),
    );
    return;
  }
  const draft = draftOf(flow);
  draft.text = text;
  draft.photoFileId = photo;
  draft.documentFileId = photo ? null : documentId;
  await advanceFlow(ctx, flow, "audience");
});
inFlowChat.callbackQuery(/^bc:aud:(everyone|officials|producers|meeting|units)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const kind = ctx.match[1] as BroadcastAudience["kind"];
  draftOf(flow).audience = kind;
  const next = kind === "officials" ? "agency_kinds" : kind === "meeting" ? "meeting" : kind === "units" ? "units" : "preview";
  await advanceFlow(ctx, flow, next);
});
inFlowChat.callbackQuery(/^bc:ak:([A-Z_]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const draft = draftOf(flow);
  const kind = ctx.match[1] as AgencyKind;
  const chosen = new Set(draft.agencyKinds ?? []);
  if (chosen.has(kind)) chosen.delete(kind);
  else chosen.add(kind);
  draft.agencyKinds = [...chosen];
  ctx.session.flow = flow;
  await ask(ctx, flow);
});
inFlowChat.callbackQuery("bc:ak:done", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  if ((draftOf(flow).agencyKinds ?? []).length === 0) {
    await ctx.reply(ctx.t("broadcasts-choose-one"));
    return;
  }
  await advanceFlow(ctx, flow, "preview");
});
inFlowChat.callbackQuery(/^bc:mtg:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || !id) return;
  draftOf(flow).meetingId = id;
  await advanceFlow(ctx, flow, "preview");
});
inFlowChat.callbackQuery(/^bc:(sec|act):([A-Z_]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const draft = draftOf(flow);
  const value = ctx.match[2] ?? "";
  if (ctx.match[1] === "sec" && (SECTORS as string[]).includes(value)) draft.sector = draft.sector === value ? null : (value as Sector);
  if (ctx.match[1] === "act" && (ACTIVITY_STATUSES as string[]).includes(value)) draft.activityStatus = draft.activityStatus === value ? null : (value as ActivityStatus);
  ctx.session.flow = flow;
  await ask(ctx, flow);
});
inFlowChat.callbackQuery("bc:units:done", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const draft = draftOf(flow);
  if (!draft.sector && !draft.activityStatus) {
    await ctx.reply(ctx.t("broadcasts-choose-one"));
    return;
  }
  await advanceFlow(ctx, flow, "preview");
});

// The preview's buttons carry the draft's id; the services re-check everything.
chat.callbackQuery(/^bc:drop:(\d+):(aud|x)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  try {
    await discardBroadcastDraft(ctx.deps, ctx.user.id, id);
  } catch (error) {
    if (!(error instanceof BroadcastError && error.reason === "not_draft")) return replyError(ctx, error);
  }
  const flow = currentFlow(ctx, FLOW);
  if (ctx.match[2] === "aud" && flow) {
    await advanceFlow(ctx, flow, "audience");
    return;
  }
  endFlow(ctx);
  await ctx.reply(ctx.t("broadcasts-discarded"));
});

chat.callbackQuery(/^bc:go:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id || !ctx.chat) return;
  const draft = await ctx.deps.db.broadcast.findUnique({ where: { id }, select: { status: true, total: true, workingGroupId: true } });
  if (draft && !worksGroup(ctx, draft.workingGroupId)) {
    await ctx.reply(ctx.t("broadcasts-error-forbidden"));
    return;
  }
  if (!draft || draft.status !== "DRAFT") {
    await ctx.reply(ctx.t("broadcasts-error-not_draft"));
    return;
  }
  // The progress message first: its id is stored with the broadcast, for the edits to come.
  const initial = { total: draft.total, sent: 0, failed: 0, blocked: 0, cancelled: 0, remaining: draft.total };
  const progress = await ctx.reply(progressText(ctx.deps.t, ctx.locale, { id, status: "SENDING" }, initial), {
    reply_markup: cancelKeyboard(ctx.t("broadcasts-cancel-button"), id),
  });
  try {
    const started = await startBroadcast(ctx.deps, ctx.user.id, id, { chatId: String(ctx.chat.id), messageId: progress.message_id });
    endFlow(ctx);
    try {
      await startBroadcastProgress(ctx.deps, id, String(ctx.chat.id));
    } catch (error) {
      ctx.logger.warn({ err: error, broadcastId: id }, "could not start the progress timer; delivery goes on");
    }
    ctx.logger.info({ broadcastId: id, total: started.total }, "broadcast started");
  } catch (error) {
    const key = error instanceof BroadcastError ? `broadcasts-error-${error.reason}` : isInfrastructureError(error) ? "error-unavailable" : null;
    if (!key) throw error;
    await ctx.api.editMessageText(ctx.chat.id, progress.message_id, ctx.t(key)).catch(() => undefined);
  }
});

chat.callbackQuery(/^bc:cancel:(\d+)$/, async (ctx) => {
  const id = idFrom(ctx.match[1]);
  if (!id) return ctx.answerCallbackQuery();
  try {
    const { cancelledIds } = await cancelBroadcast(ctx.deps, ctx.user.id, id);
    await ctx.answerCallbackQuery({ text: ctx.t("broadcasts-cancelled-toast") });
    await dropQueuedDeliveries(ctx.deps, cancelledIds).catch((error: unknown) => ctx.logger.warn({ err: error }, "could not drop cancelled jobs"));
    const counts = await broadcastCounts(ctx.deps.db, id);
    await ctx.editMessageText(progressText(ctx.deps.t, ctx.locale, { id, status: "CANCELLED" }, counts)).catch(() => undefined);
  } catch (error) {
    await ctx.answerCallbackQuery();
    await replyError(ctx, error);
  }
});
