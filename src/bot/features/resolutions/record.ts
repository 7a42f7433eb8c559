// Recording resolutions on a held meeting (secretariat): the agenda items, then per item
// text → type → [agency → official] → [deadline] → review → saved.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { resolutions as buttons, shared } from "../../../buttons";
import { formatJalaliDate, formatJalaliYMD, instantToJalali, jalaliToInstant, parseJalaliDate } from "../../../domain/jalali";
import { fullName, normalizeText, truncate } from "../../../domain/text";
import type { ResolutionType } from "../../../generated/prisma/enums";
import { localName } from "../../../i18n";
import { agendaItemRef, meetingForSecretariat, type MeetingDetails } from "../../../services/meetings";
import {
  recordResolution,
  RESOLUTION_TEXT_MAX,
  RESOLUTION_TEXT_MIN,
  RESOLUTION_TYPES,
  resolutionAgencies,
  resolutionAgency,
  resolutionOfficials,
  resolutionReviewNames,
} from "../../../services/resolutions";
import type { BotContext } from "../../context";
import { on, say } from "../meetings/steps";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, type FlowState, type StepResult } from "../../flow-engine";
import { clearPick, searchList, turnList } from "../../pick-steps";
import { listPickerScreen, sortByName, type PickState } from "../../presenters/picker";
import { resolutionItemsScreen } from "../../presenters/resolutions";
import { refusedOr, showScreen } from "../../reply";

/** The meeting, when resolutions may still be recorded on it (else says why). */
async function openMeeting(ctx: BotContext, meetingId: number): Promise<MeetingDetails | undefined> {
  const meeting = await refusedOr(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return undefined;
  if (meeting.status !== "HELD" || meeting.minutesClosedAt) {
    await ctx.reply(ctx.t(meeting.status !== "HELD" ? "meetings-error-not_held" : "meetings-error-minutes_closed"));
    return undefined;
  }
  return meeting;
}

export async function showResolutionItems(ctx: BotContext, meetingId: number): Promise<void> {
  const meeting = await openMeeting(ctx, meetingId);
  if (!meeting) return;
  const screen = resolutionItemsScreen(ctx, meeting);
  await showScreen(ctx, screen.text, screen.keyboard);
}

interface ResolutionDraft extends PickState {
  itemId: number;
  meetingId: number;
  workingGroupId: number;
  code: string;
  caseAgencyId: number | null;
  text?: string;
  type?: ResolutionType;
  agencyId?: number | null;
  officialId?: number | null;
  /** Jalali YYYY/MM/DD, or null: none. */
  deadline?: string | null;
}
type Draft = FlowState<ResolutionDraft>;

/** Which agency: the case's own first, then the rest by name; a page at a time, or what typed letters found. */
async function agencyScreen(ctx: BotContext, flow: Draft) {
  const draft = flow.data;
  const agencies = await resolutionAgencies(ctx.deps, draft.workingGroupId, draft.caseAgencyId);
  const ordered = [...agencies.filter((a) => a.id === draft.caseAgencyId), ...sortByName(agencies.filter((a) => a.id !== draft.caseAgencyId), ctx.locale)];
  const question = ctx.t(draft.type === "TASK" ? "resolutions-ask-agency-task" : "resolutions-ask-agency");
  const screen = listPickerScreen(ctx, question, ordered, draft, {
    pick: (agency) => buttons.agency.pack({ agencyId: agency.id }),
    turn: (page) => buttons.agencyPage.pack({ page }),
  });
  if (draft.type !== "TASK") screen.keyboard.text(ctx.t("button-skip"), buttons.agencyNone.pack());
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

const navigation = (ctx: BotContext, keyboard = new InlineKeyboard()) =>
  keyboard.row().text(ctx.t("button-back"), buttons.back.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());

const jalaliNoon = (date: NonNullable<ReturnType<typeof parseJalaliDate>>) => jalaliToInstant(date, { hour: 12, minute: 0 });



async function save(ctx: BotContext, flow: Draft): Promise<StepResult> {
  const draft = flow.data;
  if (!draft.text || !draft.type) return next(draft.text ? "type" : "text");
  const deadline = draft.deadline ? parseJalaliDate(draft.deadline) : null;
  const input = { agendaItemId: draft.itemId, text: draft.text, type: draft.type, agencyId: draft.agencyId ?? null, officialId: draft.officialId ?? null, deadline };
  const saved = await refusedOr(ctx, () => recordResolution(ctx.deps, ctx.user.id, input));
  if (!saved) return handled;
  endFlow(ctx);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("resolutions-add-another"), buttons.item.pack({ itemId: draft.itemId }))
    .row()
    .text(ctx.t("resolutions-back-to-items"), buttons.items.pack({ meetingId: draft.meetingId }));
  await ctx.reply(ctx.t(saved.taskId ? "resolutions-saved-task" : "resolutions-saved", { code: saved.trackingCode }), { reply_markup: keyboard });
  return handled;
}

const recordFlow = defineFlow<ResolutionDraft>({
  name: "resolution",
  version: 1,
  backButton: buttons.back,
  leave: (ctx, flow) => showResolutionItems(ctx, flow.data.meetingId),
  review: "confirm",
  steps: {
    text: {
      ask: async (ctx, flow) => {
        await ctx.reply(ctx.t("resolutions-ask-text", { code: flow.data.code, min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX }), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const text = normalizeText(input);
        if (text.length < RESOLUTION_TEXT_MIN || text.length > RESOLUTION_TEXT_MAX) return say(ctx, "resolutions-invalid-text", { min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX });
        flow.data.text = text;
        return next("type");
      },
    },
    type: {
      ask: async (ctx) => {
        const keyboard = new InlineKeyboard();
        for (const type of RESOLUTION_TYPES) keyboard.text(ctx.t(`resolutions-type-button-${type}`), buttons.type.pack({ type })).row();
        await ctx.reply(ctx.t("resolutions-ask-type"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    agency: {
      ask: async (ctx, flow) => {
        const screen = await agencyScreen(ctx, flow);
        await ctx.reply(screen.text, { reply_markup: screen.keyboard });
      },
      text: searchList("agency"),
    },
    official: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard();
        for (const official of await resolutionOfficials(ctx.deps, flow.data.agencyId ?? -1)) {
          keyboard.text(truncate(fullName(official), 40), buttons.official.pack({ officialId: official.id })).row();
        }
        keyboard.text(ctx.t("resolutions-official-any"), buttons.officialNone.pack());
        await ctx.reply(ctx.t("resolutions-ask-official"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    deadline: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard();
        if (flow.data.type !== "TASK") keyboard.text(ctx.t("button-skip"), buttons.deadlineNone.pack());
        await ctx.reply(ctx.t(flow.data.type === "TASK" ? "resolutions-ask-deadline-task" : "resolutions-ask-deadline"), { reply_markup: navigation(ctx, keyboard) });
      },
      text: async (ctx, text, flow) => {
        const date = parseJalaliDate(text);
        if (!date) return say(ctx, "meetings-invalid-date");
        if (formatJalaliYMD(date) < formatJalaliYMD(instantToJalali(ctx.deps.now()))) return say(ctx, "resolutions-deadline-past");
        flow.data.deadline = formatJalaliYMD(date);
        return next("confirm");
      },
    },
    confirm: {
      ask: async (ctx, flow) => {
        const draft = flow.data;
        const { agency, official } = await resolutionReviewNames(ctx.deps, draft.agencyId, draft.officialId);
        const deadline = draft.deadline ? parseJalaliDate(draft.deadline) : null;
        const keyboard = new InlineKeyboard().text(ctx.t("resolutions-save"), buttons.save.pack());
        await ctx.reply(
          ctx.t("resolutions-review", {
            code: draft.code,
            text: draft.text ?? "",
            type: ctx.t(`resolutions-type-${draft.type ?? "DECISION"}`),
            agency: agency ? localName(agency, ctx.locale) : ctx.t("resolutions-no-agency"),
            official: official ? fullName(official) : ctx.t("resolutions-official-any"),
            deadline: deadline ? formatJalaliDate(jalaliNoon(deadline), ctx.locale, { monthName: true }) : ctx.t("resolutions-no-deadline"),
          }),
          { reply_markup: navigation(ctx, keyboard) },
        );
      },
    },
  },
  buttons: [
    on(buttons.type, async (_ctx, p, flow) => {
      const draft = flow.data;
      draft.type = p.type;
      if (draft.type !== "INFORMATION") return next("agency");
      draft.agencyId = null;
      draft.officialId = null;
      draft.deadline = null;
      return next("confirm");
    }),
    on(buttons.agencyPage, async (ctx, p, flow) => (flow.step === "agency" ? turnList(ctx, flow, p, () => agencyScreen(ctx, flow)) : handled)),
    on(buttons.agency, async (ctx, p, flow) => {
      const agency = await resolutionAgency(ctx.deps, flow.data.workingGroupId, p.agencyId);
      if (!agency) return handled;
      flow.data.agencyId = agency.id;
      clearPick(flow.data);
      flow.data.officialId = null;
      return next("official");
    }),
    {
      button: buttons.agencyNone,
      handle: async (_ctx, _payload, flow) => {
        if (flow.data.type === "TASK") return handled;
        flow.data.agencyId = null;
        flow.data.officialId = null;
        return next("deadline");
      },
    },
    on(buttons.official, async (_ctx, p, flow) => {
      flow.data.officialId = p.officialId;
      return next("deadline");
    }),
    {
      button: buttons.officialNone,
      handle: async (_ctx, _payload, flow) => {
        flow.data.officialId = null;
        return next("deadline");
      },
    },
    {
      button: buttons.deadlineNone,
      handle: async (_ctx, _payload, flow) => {
        if (flow.data.type === "TASK") return handled;
        flow.data.deadline = null;
        return next("confirm");
      },
    },
    { button: buttons.save, handle: (ctx, _payload, flow) => save(ctx, flow) },
  ],
});

/** Handlers for the secretariat only (the feature filters by role). */
export const record = new Composer<BotContext>();
record.use(recordFlow.composer);

record.callbackQuery(buttons.items.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.items.unpack(ctx.callbackQuery.data);
  if (p) await showResolutionItems(ctx, p.meetingId);
});

record.callbackQuery(buttons.item.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.item.unpack(ctx.callbackQuery.data);
  const item = p ? await agendaItemRef(ctx.deps, p.itemId) : null;
  if (!item) return;
  const meeting = await openMeeting(ctx, item.meetingId);
  if (!meeting) return;
  await recordFlow.start(ctx, "text", {
    itemId: item.itemId,
    meetingId: item.meetingId,
    workingGroupId: meeting.workingGroupId,
    code: item.trackingCode,
    caseAgencyId: item.caseAgencyId,
  });
});
