// Scheduling a meeting (secretariat): [group] → kind → date → time → place → [recurring] → review.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { meetings as buttons, shared } from "../../../buttons";
import {
  formatJalaliDate,
  formatJalaliYMD,
  formatTimeOfDay,
  instantToJalali,
  isValidJalaliDate,
  jalaliToInstant,
  parseJalaliDate,
  parseTimeOfDay,
  type JalaliDate,
} from "../../../domain/jalali";
import { isRefusal } from "../../../domain/refusal";
import { localizeDigits, truncate } from "../../../domain/text";
import type { MeetingKind } from "../../../generated/prisma/enums";
import { createMeeting, lastMeetingPlace, nextCommitteeDate, placeOfMeeting, PLACE_MAX, PLACE_MIN, validatePlace } from "../../../services/meetings";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, type FlowState, type StepResult } from "../../flow-engine";
import { titleOf } from "../../presenters/meetings";
import { answerRefusal } from "../../reply";
import { clearPick, searchList, turnList } from "../../pick-steps";
import type { PickState } from "../../presenters/picker";
import { secretariatGroupScreen, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { showCard, showList } from "./card";
import { on, say } from "./steps";

interface NewMeetingDraft extends PickState {
  workingGroupId?: number;
  kind?: MeetingKind;
  /** Jalali YYYY/MM/DD. */
  date?: string;
  /** HH:MM. */
  time?: string;
  place?: string;
  recurring?: boolean;
}
type Draft = FlowState<NewMeetingDraft>;

const navigation = (ctx: BotContext, keyboard = new InlineKeyboard()) =>
  keyboard.row().text(ctx.t("button-back"), buttons.newBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());

const jalaliNoon = (date: JalaliDate) => jalaliToInstant(date, { hour: 12, minute: 0 });
const instantOf = (date: JalaliDate, hhmm: string) => jalaliToInstant(date, parseTimeOfDay(hhmm) ?? { hour: 9, minute: 0 });
const afterPlace = (draft: NewMeetingDraft) => (draft.kind === "COMMITTEE" ? "recurring" : "confirm");



async function save(ctx: BotContext, flow: Draft): Promise<StepResult> {
  const draft = flow.data;
  const date = draft.date ? parseJalaliDate(draft.date) : null;
  const time = draft.time ? parseTimeOfDay(draft.time) : null;
  if (!draft.workingGroupId || !draft.kind || !date || !time || !draft.place) return next(draft.workingGroupId ? "kind" : "group");
  const kind = draft.kind;
  const input = { workingGroupId: draft.workingGroupId, kind, date, time, place: draft.place, recurringWeekly: draft.recurring === true };
  try {
    const created = await createMeeting(ctx.deps, ctx.user.id, input);
    endFlow(ctx);
    await ctx.reply(ctx.t("meetings-created", { title: titleOf(ctx, { kind, ...created }) }));
    await showCard(ctx, created.id);
  } catch (error) {
    if (isRefusal(error) && error.reason === "in_past") {
      await ctx.reply(ctx.t("meetings-error-in_past"));
      return next("date");
    }
    await answerRefusal(ctx, error);
  }
  return handled;
}

/** Which group (a global admin serves them all): tabs, pages, typed letters. */
async function groupScreen(ctx: BotContext, flow: Draft) {
  const screen = await secretariatGroupScreen(ctx, ctx.t("meetings-ask-group"), flow.data, {
    pick: (workingGroupId) => buttons.newGroup.pack({ workingGroupId }),
    turn: (section, page) => buttons.newGroupPage.pack({ section, page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

export const scheduleFlow = defineFlow<NewMeetingDraft>({
  name: "meeting-new",
  version: 1,
  backButton: buttons.newBack,
  leave: (ctx) => showList(ctx),
  review: "confirm",
  steps: {
    group: {
      ask: async (ctx, flow) => {
        const screen = await groupScreen(ctx, flow);
        await ctx.reply(screen.text, { reply_markup: screen.keyboard });
      },
      text: searchList("group"),
    },
    kind: {
      ask: async (ctx) => {
        const keyboard = new InlineKeyboard()
          .text(ctx.t("meetings-kind-button-COMMITTEE"), buttons.newKind.pack({ kind: "COMMITTEE" }))
          .row()
          .text(ctx.t("meetings-kind-button-WORKING_GROUP"), buttons.newKind.pack({ kind: "WORKING_GROUP" }));
        await ctx.reply(ctx.t("meetings-ask-kind"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    date: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard();
        if (flow.data.kind === "COMMITTEE") {
          const sunday = nextCommitteeDate(ctx.deps.now());
          const label = formatJalaliDate(jalaliNoon(sunday), ctx.locale, { weekday: true, monthName: true });
          keyboard.text(ctx.t("meetings-date-default", { date: label }), buttons.newDate.pack({ ymd: formatJalaliYMD(sunday).replaceAll("/", "") }));
        }
        await ctx.reply(ctx.t("meetings-ask-date"), { reply_markup: navigation(ctx, keyboard) });
      },
      text: async (ctx, text, flow) => {
        const date = parseJalaliDate(text);
        if (!date) return say(ctx, "meetings-invalid-date");
        if (formatJalaliYMD(date) < formatJalaliYMD(instantToJalali(ctx.deps.now()))) return say(ctx, "meetings-error-in_past");
        flow.data.date = formatJalaliYMD(date);
        return next("time");
      },
    },
    time: {
      ask: async (ctx) => {
        const keyboard = new InlineKeyboard()
          .text(localizeDigits("09:00", ctx.locale), buttons.newTime.pack({ hhmm: "0900" }))
          .text(localizeDigits("10:00", ctx.locale), buttons.newTime.pack({ hhmm: "1000" }));
        await ctx.reply(ctx.t("meetings-ask-time"), { reply_markup: navigation(ctx, keyboard) });
      },
      text: async (ctx, text, flow) => {
        const time = parseTimeOfDay(text);
        if (!time) return say(ctx, "meetings-invalid-time");
        flow.data.time = formatTimeOfDay(time);
        return next("place");
      },
    },
    place: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard();
        const last = await lastMeetingPlace(ctx.deps, flow.data.workingGroupId ?? -1, flow.data.kind ?? "WORKING_GROUP");
        if (last) keyboard.text(truncate(last.place, 40), buttons.newPlace.pack({ meetingId: last.meetingId }));
        await ctx.reply(ctx.t("meetings-ask-place", { min: PLACE_MIN, max: PLACE_MAX }), { reply_markup: navigation(ctx, keyboard) });
      },
      text: async (ctx, text, flow) => {
        const place = validatePlace(text);
        if (!place) return say(ctx, "meetings-invalid-place", { min: PLACE_MIN, max: PLACE_MAX });
        flow.data.place = place;
        return next(afterPlace(flow.data));
      },
    },
    recurring: {
      ask: async (ctx) => {
        const keyboard = new InlineKeyboard()
          .text(ctx.t("meetings-recurring-yes"), buttons.newRecurring.pack({ weekly: "1" }))
          .row()
          .text(ctx.t("meetings-recurring-no"), buttons.newRecurring.pack({ weekly: "0" }));
        await ctx.reply(ctx.t("meetings-ask-recurring"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    confirm: {
      ask: async (ctx, flow) => {
        const draft = flow.data;
        const date = draft.date ? parseJalaliDate(draft.date) : null;
        if (!date || !draft.time || !draft.kind || !draft.place) {
          await scheduleFlow.go(ctx, flow, "kind");
          return;
        }
        const keyboard = new InlineKeyboard().text(ctx.t("meetings-create-confirm"), buttons.newSave.pack());
        await ctx.reply(
          ctx.t("meetings-create-review", {
            kind: ctx.t(`meetings-kind-${draft.kind}`),
            when: formatJalaliDate(instantOf(date, draft.time), ctx.locale, { weekday: true, monthName: true, time: true }),
            place: draft.place,
            recurring: ctx.t(draft.recurring ? "meetings-recurring-on" : "meetings-recurring-off"),
          }),
          { reply_markup: navigation(ctx, keyboard) },
        );
      },
    },
  },
  buttons: [
    on(buttons.newGroupPage, async (ctx, p, flow) => (flow.step === "group" ? turnList(ctx, flow, p, () => groupScreen(ctx, flow)) : handled)),
    on(buttons.newGroup, async (ctx, p, flow) => {
      if (!worksGroup(ctx, p.workingGroupId)) return handled;
      flow.data.workingGroupId = p.workingGroupId;
      clearPick(flow.data);
      return next("kind");
    }),
    on(buttons.newKind, async (_ctx, p, flow) => {
      flow.data.kind = p.kind;
      return next("date");
    }),
    on(buttons.newDate, async (_ctx, p, flow) => {
      const date = { year: Number(p.ymd.slice(0, 4)), month: Number(p.ymd.slice(4, 6)), day: Number(p.ymd.slice(6, 8)) };
      if (!isValidJalaliDate(date)) return handled;
      flow.data.date = formatJalaliYMD(date);
      return next("time");
    }),
    on(buttons.newTime, async (_ctx, p, flow) => {
      const time = parseTimeOfDay(`${p.hhmm.slice(0, 2)}:${p.hhmm.slice(2)}`);
      if (!time) return handled;
      flow.data.time = formatTimeOfDay(time);
      return next("place");
    }),
    on(buttons.newPlace, async (ctx, p, flow) => {
      const place = await placeOfMeeting(ctx.deps, p.meetingId, flow.data.workingGroupId ?? -1);
      if (!place) return handled;
      flow.data.place = place;
      return next(afterPlace(flow.data));
    }),
    on(buttons.newRecurring, async (_ctx, p, flow) => {
      flow.data.recurring = p.weekly === "1";
      return next("confirm");
    }),
    { button: buttons.newSave, handle: (ctx, _payload, flow) => save(ctx, flow) },
  ],
});

/** "Schedule a meeting": asks the group only when the user serves more than one. */
async function startSchedule(ctx: BotContext): Promise<void> {
  const single = soleSecretariatGroup(ctx);
  await scheduleFlow.start(ctx, single ? "kind" : "group", single ? { workingGroupId: single } : {});
}

export const schedule = new Composer<BotContext>();
schedule.use(scheduleFlow.composer);
schedule.callbackQuery(buttons.create.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startSchedule(ctx);
});
