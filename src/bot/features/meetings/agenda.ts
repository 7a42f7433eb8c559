// A scheduled meeting's agenda (secretariat): suggested cases, by tracking code, from a case
// card; reorder, time slot, remove. Every action re-checks the role on the server.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { meetings as buttons, shared } from "../../../buttons";
import { parseTimeOfDay, type TimeOfDay } from "../../../domain/jalali";
import { isRefusal } from "../../../domain/refusal";
import { normalizeInput } from "../../../domain/text";
import {
  addAgendaItem,
  agendaItemRef,
  meetingForSecretariat,
  meetingsForCase,
  moveAgendaItem,
  removeAgendaItem,
  setAgendaSlot,
  suggestAgendaCases,
} from "../../../services/meetings";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, type StepResult } from "../../flow-engine";
import { say } from "./steps";
import { agendaScreen, pickMeetingScreen, suggestionsScreen } from "../../presenters/meetings";
import { answerRefusal, refusedOr, showScreen } from "../../reply";

export async function showAgenda(ctx: BotContext, meetingId: number): Promise<void> {
  const meeting = await refusedOr(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return;
  const screen = agendaScreen(ctx, meeting);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Runs an agenda change; on success the agenda is shown again. */
async function change(ctx: BotContext, meetingId: number, action: () => Promise<unknown>): Promise<void> {
  const done = await refusedOr(ctx, async () => {
    await action();
    return true;
  });
  if (done) await showAgenda(ctx, meetingId);
}

/** Handlers for the secretariat only (the feature filters by role). */
export const agenda = new Composer<BotContext>();

agenda.callbackQuery(buttons.agenda.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.agenda.unpack(ctx.callbackQuery.data);
  if (p) await showAgenda(ctx, p.meetingId);
});

agenda.callbackQuery(buttons.suggest.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.suggest.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const suggestions = await refusedOr(ctx, () => suggestAgendaCases(ctx.deps, ctx.user.id, p.meetingId));
  if (!suggestions) return;
  const screen = suggestionsScreen(ctx, p.meetingId, suggestions);
  await showScreen(ctx, screen.text, screen.keyboard);
});

// From the secretariat's case card: choose which upcoming meeting hears this case.
agenda.callbackQuery(shared.agendaPickMeeting.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.agendaPickMeeting.unpack(ctx.callbackQuery.data);
  if (!p) return;
  // Callback data is not trusted: only the case's own secretariat sees its group's meetings.
  const found = await meetingsForCase(ctx.deps, ctx.user, p.caseId);
  if (!found) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  if (found.upcoming.length === 0) {
    await ctx.reply(ctx.t("meetings-pick-none", { code: found.trackingCode }));
    return;
  }
  const screen = pickMeetingScreen(ctx, found.trackingCode, p.caseId, found.upcoming);
  await ctx.reply(screen.text, { reply_markup: screen.keyboard });
});

agenda.callbackQuery(buttons.addCase.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.addCase.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const added = await refusedOr(ctx, () => addAgendaItem(ctx.deps, ctx.user.id, p.meetingId, { caseId: p.caseId }));
  if (added) await ctx.reply(ctx.t("meetings-agenda-added", { code: added.trackingCode }));
  await showAgenda(ctx, p.meetingId);
});

/** An agenda item's button: the item must exist (its meeting is shown again after the change). */
async function onItem(ctx: BotContext, itemId: number, action: (meetingId: number) => Promise<unknown>): Promise<void> {
  const item = await agendaItemRef(ctx.deps, itemId);
  if (!item) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  await change(ctx, item.meetingId, () => action(item.meetingId));
}

agenda.callbackQuery(buttons.itemUp.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.itemUp.unpack(ctx.callbackQuery.data);
  if (p) await onItem(ctx, p.itemId, () => moveAgendaItem(ctx.deps, ctx.user.id, p.itemId, "up"));
});
agenda.callbackQuery(buttons.itemDown.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.itemDown.unpack(ctx.callbackQuery.data);
  if (p) await onItem(ctx, p.itemId, () => moveAgendaItem(ctx.deps, ctx.user.id, p.itemId, "down"));
});
agenda.callbackQuery(buttons.itemRemove.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.itemRemove.unpack(ctx.callbackQuery.data);
  if (p) await onItem(ctx, p.itemId, () => removeAgendaItem(ctx.deps, ctx.user.id, p.itemId));
});


// The time an agenda item is heard (for the unit's representative).
interface SlotDraft {
  itemId: number;
  meetingId: number;
  code: string;
}

async function saveSlot(ctx: BotContext, draft: SlotDraft, time: TimeOfDay | null): Promise<StepResult> {
  endFlow(ctx);
  await change(ctx, draft.meetingId, () => setAgendaSlot(ctx.deps, ctx.user.id, draft.itemId, time));
  return handled;
}

const slotFlow = defineFlow<SlotDraft>({
  name: "meeting-slot",
  version: 1,
  leave: (ctx, flow) => showAgenda(ctx, flow.data.meetingId),
  steps: {
    time: {
      ask: async (ctx, flow) => {
        const keyboard = new InlineKeyboard().text(ctx.t("meetings-slot-clear"), buttons.slotClear.pack()).row().text(ctx.t("button-cancel"), shared.flowCancel.pack());
        await ctx.reply(ctx.t("meetings-ask-slot", { code: flow.data.code }), { reply_markup: keyboard });
      },
      text: async (ctx, text, flow) => {
        const time = parseTimeOfDay(text);
        if (!time) return say(ctx, "meetings-invalid-time");
        return saveSlot(ctx, flow.data, time);
      },
    },
  },
  buttons: [{ button: buttons.slotClear, handle: (ctx, _payload, flow) => saveSlot(ctx, flow.data, null) }],
});

agenda.use(slotFlow.composer);
agenda.callbackQuery(buttons.itemSlot.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.itemSlot.unpack(ctx.callbackQuery.data);
  const item = p ? await agendaItemRef(ctx.deps, p.itemId) : null;
  if (!item) return;
  const meeting = await refusedOr(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, item.meetingId));
  if (!meeting) return;
  await slotFlow.start(ctx, "time", { itemId: item.itemId, meetingId: item.meetingId, code: item.trackingCode });
});

// Adding a case by its tracking code.
const codeFlow = defineFlow<{ meetingId: number }>({
  name: "meeting-addcode",
  version: 1,
  leave: (ctx, flow) => showAgenda(ctx, flow.data.meetingId),
  steps: {
    code: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("meetings-ask-code"), { reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), shared.flowCancel.pack()) });
      },
      text: async (ctx, text, flow) => {
        const { meetingId } = flow.data;
        const code = normalizeInput(text).toUpperCase().replace(/\s+/g, "");
        try {
          const added = await addAgendaItem(ctx.deps, ctx.user.id, meetingId, { trackingCode: code });
          endFlow(ctx);
          await ctx.reply(ctx.t("meetings-agenda-added", { code: added.trackingCode }));
          await showAgenda(ctx, meetingId);
        } catch (error) {
          if (isRefusal(error) && error.reason === "not_found") return say(ctx, "meetings-code-not-found"); // the flow stays
          endFlow(ctx);
          await answerRefusal(ctx, error);
        }
        return handled;
      },
    },
  },
});

agenda.use(codeFlow.composer);
agenda.callbackQuery(buttons.byCode.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.byCode.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const meeting = await refusedOr(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, p.meetingId));
  if (meeting) await codeFlow.start(ctx, "code", { meetingId: p.meetingId });
});
