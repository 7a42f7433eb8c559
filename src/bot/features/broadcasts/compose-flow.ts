// Scope: private chats; secretariat (and admins) of a working group. /broadcast: the group
// (when more than one), the notice (text, or a photo or document with a caption), the
// audience and its refinements, then the preview (preview.ts).
import { InlineKeyboard } from "grammy";
import { normalizeText, truncate } from "../../../domain/text";
import { localName } from "../../../i18n";
import { ActivityStatus, Sector, type AgencyKind } from "../../../generated/prisma/enums";
import { activeAgencyKinds, BROADCAST_CAPTION_MAX, BROADCAST_TEXT_MAX, BROADCAST_TEXT_MIN, broadcastableMeetings, validateBroadcastText } from "../../../services/broadcasts";
import { meetingTitle } from "../../../services/meetings";
import { countiesOf } from "../../../services/units";
import { AUDIENCE_KINDS } from "../../../buttons/broadcasts";
import { broadcasts as B, shared } from "../../../buttons";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, on, retry, type DefinedFlow, type FlowState } from "../../flow-engine";
import { clearPick, pickStep, turnList } from "../../pick-steps";
import { isSecretariat, secretariatGroupScreen, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { showPreview, type BroadcastDraft } from "./preview";

export type { BroadcastDraft };

const SECTORS = Object.values(Sector);
const ACTIVITY_STATUSES = Object.values(ActivityStatus);


function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.broadcastBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

const check = (on: boolean) => (on ? "☑" : "☐");

/** Which group (a global admin serves them all): tabs, pages, typed letters. */
async function groupScreen(ctx: BotContext, flow: FlowState<BroadcastDraft>) {
  const screen = await secretariatGroupScreen(ctx, ctx.t("broadcasts-ask-group"), flow.data, {
    pick: (groupId) => B.broadcastGroup.pack({ groupId }),
    turn: (section, page) => B.broadcastGroupPage.pack({ section, page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

export const broadcastFlow: DefinedFlow<BroadcastDraft> = defineFlow<BroadcastDraft>({
  name: "broadcast",
  version: 2,
  backButton: B.broadcastBack,
  // Started from the main menu (or its command): leaving says "cancelled" and shows the menu.
  steps: {
    group: pickStep(groupScreen, "group"),
    content: {
      async ask(ctx) {
        await ctx.reply(ctx.t("broadcasts-ask-content", { min: BROADCAST_TEXT_MIN, max: BROADCAST_TEXT_MAX, caption: BROADCAST_CAPTION_MAX }), {
          reply_markup: navigation(ctx),
        });
      },
      // Text, or a photo or document with its caption; anything else asks again.
      async message(ctx, flow) {
        const message = ctx.message;
        const photo = message.photo?.at(-1)?.file_id ?? null;
        const documentId = message.document?.file_id ?? null;
        if (message.text === undefined && !photo && !documentId) return retry("expected-text");
        const text = normalizeText(message.text ?? message.caption ?? "");
        const problem = validateBroadcastText(text, Boolean(photo || documentId));
        if (problem) {
          await ctx.reply(
            ctx.t(problem === "short" ? "broadcasts-text-short" : "broadcasts-text-long", {
              min: BROADCAST_TEXT_MIN,
              max: photo || documentId ? BROADCAST_CAPTION_MAX : BROADCAST_TEXT_MAX,
            }),
          );
          return handled;
        }
        flow.data.text = text;
        flow.data.photoFileId = photo;
        flow.data.documentFileId = photo ? null : documentId;
        return next("audience");
      },
    },
    audience: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        for (const kind of AUDIENCE_KINDS) keyboard.text(ctx.t(`broadcasts-audience-${kind}`), B.broadcastAudience.pack({ kind })).row();
        await ctx.reply(ctx.t("broadcasts-ask-audience"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    agency_kinds: {
      async ask(ctx, flow) {
        const chosen = new Set(flow.data.agencyKinds ?? []);
        const keyboard = new InlineKeyboard();
        (await activeAgencyKinds(ctx.deps, flow.data.workingGroupId ?? -1)).forEach((kind, index) => {
          keyboard.text(`${check(chosen.has(kind))} ${ctx.t(`broadcasts-agency-kind-${kind}`)}`, B.broadcastAgencyKind.pack({ kind }));
          if (index % 2 === 1) keyboard.row();
        });
        keyboard.row().text(ctx.t("button-done"), B.broadcastAgencyKindsDone.pack());
        await ctx.reply(ctx.t("broadcasts-ask-agency-kinds"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    meeting: {
      async ask(ctx, flow) {
        const meetings = await broadcastableMeetings(ctx.deps, flow.data.workingGroupId ?? -1);
        const keyboard = new InlineKeyboard();
        for (const m of meetings) keyboard.text(truncate(meetingTitle(ctx.deps.t, ctx.locale, m), 60), B.broadcastMeeting.pack({ meetingId: m.id })).row();
        await ctx.reply(ctx.t(meetings.length > 0 ? "broadcasts-ask-meeting" : "broadcasts-no-meetings"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    units: {
      async ask(ctx, flow) {
        const keyboard = new InlineKeyboard();
        SECTORS.forEach((sector) => keyboard.text(`${check(flow.data.sector === sector)} ${ctx.t(`sector-${sector}`)}`, B.broadcastSector.pack({ sector })));
        keyboard.row();
        ACTIVITY_STATUSES.forEach((status) =>
          keyboard.text(`${check(flow.data.activityStatus === status)} ${ctx.t(`activity-${status}`)}`, B.broadcastActivity.pack({ status })),
        );
        keyboard.row().text(ctx.t("button-done"), B.broadcastUnitsDone.pack());
        await ctx.reply(ctx.t("broadcasts-ask-units"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    county: {
      async ask(ctx, flow) {
        const counties = await countiesOf(ctx.deps, flow.data.workingGroupId ?? -1);
        const keyboard = new InlineKeyboard();
        counties.forEach((county, index) => {
          keyboard.text(localName(county, ctx.locale), B.broadcastCounty.pack({ countyId: county.id }));
          if (index % 2 === 1) keyboard.row();
        });
        await ctx.reply(ctx.t("broadcasts-ask-county"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    preview: { ask: (ctx, flow) => showPreview(ctx, flow as FlowState<BroadcastDraft>, broadcastFlow) },
  },
  buttons: [
    on(B.broadcastGroupPage, async (ctx, p, flow) => (flow.step === "group" ? turnList(ctx, flow, p, () => groupScreen(ctx, flow)) : handled)),
    on(B.broadcastGroup, async (ctx, { groupId }, flow) => {
      if (!worksGroup(ctx, groupId)) return handled;
      flow.data.workingGroupId = groupId;
      clearPick(flow.data);
      return next("content");
    }),
    on(B.broadcastAudience, async (_ctx, { kind }, flow) => {
      flow.data.audience = kind;
      return next(kind === "officials" ? "agency_kinds" : kind === "meeting" ? "meeting" : kind === "units" ? "units" : kind === "county" ? "county" : "preview");
    }),
    on(B.broadcastAgencyKind, async (ctx, { kind }, flow) => {
      const chosen = new Set<string>(flow.data.agencyKinds ?? []);
      if (chosen.has(kind)) chosen.delete(kind);
      else chosen.add(kind);
      flow.data.agencyKinds = [...chosen] as AgencyKind[];
      await broadcastFlow.ask(ctx, flow);
      return handled;
    }),
    on(B.broadcastAgencyKindsDone, async (_ctx, _payload, flow) =>
      (flow.data.agencyKinds ?? []).length === 0 ? retry("broadcasts-choose-one") : next("preview"),
    ),
    on(B.broadcastMeeting, async (_ctx, { meetingId }, flow) => {
      flow.data.meetingId = meetingId;
      return next("preview");
    }),
    on(B.broadcastSector, async (ctx, { sector }, flow) => {
      if ((SECTORS as string[]).includes(sector)) flow.data.sector = flow.data.sector === sector ? null : (sector as Sector);
      await broadcastFlow.ask(ctx, flow);
      return handled;
    }),
    on(B.broadcastActivity, async (ctx, { status }, flow) => {
      if ((ACTIVITY_STATUSES as string[]).includes(status)) flow.data.activityStatus = flow.data.activityStatus === status ? null : (status as ActivityStatus);
      await broadcastFlow.ask(ctx, flow);
      return handled;
    }),
    on(B.broadcastCounty, async (ctx, { countyId }, flow) => {
      if (flow.step !== "county") return handled;
      // A forged id finds no county of this group (the service checks again at the draft).
      const county = (await countiesOf(ctx.deps, flow.data.workingGroupId ?? -1)).find((c) => c.id === countyId);
      if (!county) return retry("expected-button");
      flow.data.countyId = county.id;
      flow.data.countyName = localName(county, ctx.locale);
      return next("preview");
    }),
    on(B.broadcastUnitsDone, async (_ctx, _payload, flow) => (!flow.data.sector && !flow.data.activityStatus ? retry("broadcasts-choose-one") : next("preview"))),
  ],
});

export async function startBroadcastFlow(ctx: BotContext): Promise<void> {
  if (!isSecretariat(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const single = soleSecretariatGroup(ctx);
  await broadcastFlow.start(ctx, single ? "content" : "group", single ? { workingGroupId: single } : {});
}
