// Scope: private chats. Secretariat (and admins) of a working group: /meetings — schedule
// committee and working-group meetings, build the agenda from cases (suggested by the bot),
// send invitations, mark held, record resolutions per agenda item, close the minutes;
// /resolutions — the ledger of resolutions with their status. Invitees (members and unit
// representatives): RSVP buttons on the invitation (attending / a delegate / cannot attend).
// Every button re-checks the role (or that the presser is the invitee) on the server.
import { Composer, InlineKeyboard } from "grammy";
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
} from "../../domain/jalali";
import { fullName, localizeDigits, normalizeInput, normalizeText, truncate } from "../../domain/text";
import type { MeetingKind, ResolutionType, Rsvp } from "../../generated/prisma/enums";
import { scheduleMeetingReminders } from "../../jobs/meeting-reminders";
import { triageRole } from "../../services/authz";
import {
  addAgendaItem,
  agendaLines,
  answerInvitation,
  cancelMeeting,
  clockTime,
  createMeeting,
  DELEGATE_NAME_MAX,
  inviteeOf,
  listMeetings,
  markMeetingHeld,
  MeetingError,
  meetingForSecretariat,
  meetingTitle,
  meetingWhen,
  moveAgendaItem,
  nextCommitteeDate,
  PLACE_MAX,
  PLACE_MIN,
  removeAgendaItem,
  RSVP_CODES,
  sendInvitations,
  setAgendaSlot,
  suggestAgendaCases,
  validatePlace,
  type MeetingDetails,
  type RsvpCode,
} from "../../services/meetings";
import {
  closeMinutes,
  LEDGER_FILTERS,
  listResolutions,
  recordResolution,
  RESOLUTION_TEXT_MAX,
  RESOLUTION_TEXT_MIN,
  RESOLUTION_TYPES,
  type LedgerFilter,
} from "../../services/resolutions";
import { officialsOfAgency } from "../../services/triage";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { advanceFlow, backButton, currentFlow, endFlow, goTo, inFlow, isCommand, registerFlow, startFlow } from "../flow";
import { addMenuEntry } from "../menu";
import { replyLong, replyRefusal } from "../reply";
import { isSecretariat, secretariatGroupIds, secretariatGroupKeyboard, soleSecretariatGroup, worksGroup } from "../secretariat";
import { localName } from "../../i18n";

const NEW_FLOW = "meeting-new";
const SLOT_FLOW = "meeting-slot";
const CODE_FLOW = "meeting-addcode";
const DELEGATE_FLOW = "meeting-delegate";
const RESOLUTION_FLOW = "resolution";
const LEDGER_PAGE_SIZE = 8;

export const meetings = new Composer<BotContext>();
const chat = meetings.chatType("private");

// ---------------------------------------------------------------------------------------------
// Helpers

/** Shows a refused action in the user's language; unknown errors go to the error boundary. */
const replyError = (ctx: BotContext, error: unknown) => replyRefusal(ctx, error, MeetingError, "meetings-error");

/** Runs a secretariat action; refusals are shown, not thrown. */
async function attempt<T>(ctx: BotContext, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    await replyError(ctx, error);
    return undefined;
  }
}

function titleOf(ctx: BotContext, meeting: { kind: MeetingKind; number: number; jalaliYear: number }): string {
  return meetingTitle(ctx.deps.t, ctx.locale, meeting);
}

// ---------------------------------------------------------------------------------------------
// List and card

async function showList(ctx: BotContext): Promise<void> {
  if (!isSecretariat(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const { upcoming, recent } = await listMeetings(ctx.deps, secretariatGroupIds(ctx));
  const keyboard = new InlineKeyboard();
  const label = (m: (typeof upcoming)[number]) =>
    truncate(`${m.status === "SCHEDULED" ? "🗓" : m.status === "HELD" ? "✅" : "✖"} ${titleOf(ctx, m)} — ${formatJalaliDate(m.startsAt, ctx.locale, { monthName: true })}`, 60);
  for (const m of upcoming) keyboard.text(label(m), cb("mtg:open", m.id)).row();
  for (const m of recent) keyboard.text(label(m), cb("mtg:open", m.id)).row();
  keyboard.text(ctx.t("meetings-new"), "mtg:new").row().text(ctx.t("meetings-ledger"), "res:list:0:0");
  const text = upcoming.length + recent.length === 0 ? ctx.t("meetings-list-empty") : ctx.t("meetings-list-title");
  await ctx.reply(text, { reply_markup: keyboard });
}

function rsvpSummary(ctx: BotContext, meeting: MeetingDetails): string[] {
  if (meeting.invitees.length === 0) return [ctx.t("meetings-card-not-invited")];
  const count = (rsvp: Rsvp) => localizeDigits(String(meeting.invitees.filter((i) => i.rsvp === rsvp).length), ctx.locale);
  const lines = [
    ctx.t("meetings-card-rsvp-summary", {
      attending: count("ATTENDING"),
      delegate: count("DELEGATE"),
      declined: count("DECLINED"),
      pending: count("PENDING"),
    }),
  ];
  for (const invitee of meeting.invitees) {
    const name = fullName(invitee.user);
    lines.push(
      ctx.t(invitee.delegateName ? "meetings-card-invitee-delegate" : "meetings-card-invitee", {
        name: invitee.unit ? `${name} (${invitee.unit.name})` : name,
        answer: ctx.t(`meetings-rsvp-state-${invitee.rsvp}`),
        delegate: invitee.delegateName ?? "",
      }),
    );
  }
  return lines;
}

function cardText(ctx: BotContext, meeting: MeetingDetails): string {
  const lines = [
    `📋 ${titleOf(ctx, meeting)}`,
    ctx.t("meetings-card-when", { when: meetingWhen(ctx.locale, meeting.startsAt) }),
    ctx.t("meetings-card-place", { place: meeting.place }),
    ctx.t("meetings-card-status", { status: ctx.t(`meetings-status-${meeting.status}`) }),
  ];
  if (meeting.recurringWeekly) lines.push(ctx.t("meetings-card-recurring"));
  lines.push("", ctx.t("meetings-card-agenda"));
  lines.push(...(meeting.agenda.length > 0 ? agendaLines(ctx.deps.t, ctx.locale, meeting.agenda) : [ctx.t("meetings-agenda-empty")]));
  lines.push("", ...rsvpSummary(ctx, meeting));
  if (meeting.status === "HELD") {
    lines.push("", ctx.t("meetings-card-resolutions", { count: localizeDigits(String(meeting._count.resolutions), ctx.locale) }));
    if (meeting.minutesClosedAt) lines.push(ctx.t("meetings-card-minutes-closed", { date: formatJalaliDate(meeting.minutesClosedAt, ctx.locale, { time: true }) }));
  }
  return lines.join("\n");
}

function cardKeyboard(ctx: BotContext, meeting: MeetingDetails): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (meeting.status === "SCHEDULED") {
    keyboard.text(ctx.t("meetings-button-agenda"), cb("mtg:ag", meeting.id));
    keyboard.text(ctx.t(meeting.invitees.length > 0 ? "meetings-button-invite-more" : "meetings-button-invite"), cb("mtg:inv", meeting.id)).row();
    keyboard.text(ctx.t("meetings-button-held"), cb("mtg:held", meeting.id));
    keyboard.text(ctx.t("meetings-button-cancel"), cb("mtg:cancel", meeting.id)).row();
  } else if (meeting.status === "HELD" && !meeting.minutesClosedAt) {
    keyboard.text(ctx.t("meetings-button-resolutions"), cb("mtg:res", meeting.id)).row();
    keyboard.text(ctx.t("meetings-button-close-minutes"), cb("mtg:min", meeting.id)).row();
  }
  keyboard.text(ctx.t("meetings-button-refresh"), cb("mtg:open", meeting.id)).text(ctx.t("meetings-button-list"), "mtg:list");
  return keyboard;
}

async function showCard(ctx: BotContext, meetingId: number): Promise<void> {
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return;
  await replyLong(ctx, cardText(ctx, meeting), cardKeyboard(ctx, meeting));
}

chat.command("meetings", showList);
chat.callbackQuery("mtg:list", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx);
});
chat.callbackQuery(/^mtg:open:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (id) await showCard(ctx, id);
});

addMenuEntry({ labelKey: "meetings-menu", callback: "mtg:list", visible: isSecretariat });
addMenuEntry({ labelKey: "meetings-ledger", callback: "res:list:0:0", visible: isSecretariat });

// ---------------------------------------------------------------------------------------------
// Creating a meeting: [group] → kind → date → time → place → [recurring] → confirm

interface NewMeetingDraft {
  workingGroupId?: number;
  kind?: MeetingKind;
  date?: string;
  time?: string;
  place?: string;
  recurring?: boolean;
}
const newDraft = (flow: Flow) => flow.data as NewMeetingDraft;

function newNavigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "mtg:n:back").text(ctx.t("button-cancel"), "flow:cancel");
}

function ymdOf(text: string | undefined): JalaliDate | null {
  return text ? parseJalaliDate(text) : null;
}

async function askNew(ctx: BotContext, flow: Flow): Promise<void> {
  const draft = newDraft(flow);
  switch (flow.step) {
    case "group":
      await ctx.reply(ctx.t("meetings-ask-group"), { reply_markup: newNavigation(ctx, await secretariatGroupKeyboard(ctx, (id) => `mtg:n:wg:${id}`)) });
      return;
    case "kind": {
      const keyboard = new InlineKeyboard()
        .text(ctx.t("meetings-kind-button-COMMITTEE"), "mtg:n:kind:COMMITTEE")
        .row()
        .text(ctx.t("meetings-kind-button-WORKING_GROUP"), "mtg:n:kind:WORKING_GROUP");
      await ctx.reply(ctx.t("meetings-ask-kind"), { reply_markup: newNavigation(ctx, keyboard) });
      return;
    }
    case "date": {
      const keyboard = new InlineKeyboard();
      if (draft.kind === "COMMITTEE") {
        const sunday = nextCommitteeDate(ctx.deps.now());
        const label = formatJalaliDate(jalaliNoon(sunday), ctx.locale, { weekday: true, monthName: true });
        keyboard.text(ctx.t("meetings-date-default", { date: label }), cb("mtg:n:date", formatJalaliYMD(sunday).replaceAll("/", "")));
      }
      await ctx.reply(ctx.t("meetings-ask-date"), { reply_markup: newNavigation(ctx, keyboard) });
      return;
    }
    case "time": {
      const keyboard = new InlineKeyboard().text(localizeDigits("09:00", ctx.locale), "mtg:n:time:0900").text(localizeDigits("10:00", ctx.locale), "mtg:n:time:1000");
      await ctx.reply(ctx.t("meetings-ask-time"), { reply_markup: newNavigation(ctx, keyboard) });
      return;
    }
    case "place": {
      const keyboard = new InlineKeyboard();
      const last = await ctx.deps.db.meeting.findFirst({
        where: { workingGroupId: draft.workingGroupId ?? -1, kind: draft.kind ?? "WORKING_GROUP" },
        orderBy: { id: "desc" },
        select: { id: true, place: true },
      });
      if (last) keyboard.text(truncate(last.place, 40), cb("mtg:n:place", last.id));
      await ctx.reply(ctx.t("meetings-ask-place", { min: PLACE_MIN, max: PLACE_MAX }), { reply_markup: newNavigation(ctx, keyboard) });
      return;
    }
    case "recurring": {
      const keyboard = new InlineKeyboard().text(ctx.t("meetings-recurring-yes"), "mtg:n:rec:1").row().text(ctx.t("meetings-recurring-no"), "mtg:n:rec:0");
      await ctx.reply(ctx.t("meetings-ask-recurring"), { reply_markup: newNavigation(ctx, keyboard) });
      return;
    }
    case "confirm": {
      const date = ymdOf(draft.date);
      const time = draft.time ? parseTimeOfDay(draft.time) : null;
      if (!date || !time || !draft.kind || !draft.place) {
        goTo(ctx, flow, "kind");
        await askNew(ctx, flow);
        return;
      }
      const keyboard = new InlineKeyboard().text(ctx.t("meetings-create-confirm"), "mtg:n:save");
      await ctx.reply(
        ctx.t("meetings-create-review", {
          kind: ctx.t(`meetings-kind-${draft.kind}`),
          when: formatJalaliDate(instantOf(date, draft.time ?? "09:00"), ctx.locale, { weekday: true, monthName: true, time: true }),
          place: draft.place,
          recurring: ctx.t(draft.recurring ? "meetings-recurring-on" : "meetings-recurring-off"),
        }),
        { reply_markup: newNavigation(ctx, keyboard) },
      );
      return;
    }
  }
}

const jalaliNoon = (date: JalaliDate) => jalaliToInstant(date, { hour: 12, minute: 0 });
function instantOf(date: JalaliDate, hhmm: string): Date {
  return jalaliToInstant(date, parseTimeOfDay(hhmm) ?? { hour: 9, minute: 0 });
}

async function startNewMeeting(ctx: BotContext): Promise<void> {
  if (!isSecretariat(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const single = soleSecretariatGroup(ctx);
  const flow = startFlow(ctx, NEW_FLOW, single ? "kind" : "group", single ? { workingGroupId: single } : {});
  await askNew(ctx, flow);
}

chat.callbackQuery("mtg:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startNewMeeting(ctx);
});
registerFlow(NEW_FLOW, askNew);

const inNew = chat.filter(inFlow(NEW_FLOW));

function afterPlace(draft: NewMeetingDraft): string {
  return draft.kind === "COMMITTEE" ? "recurring" : "confirm";
}

inNew.callbackQuery("mtg:n:back", backButton(NEW_FLOW, showList));
inNew.callbackQuery(/^mtg:n:wg:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || !id || !worksGroup(ctx, id)) return;
  newDraft(flow).workingGroupId = id;
  await advanceFlow(ctx, flow, "kind");
});
inNew.callbackQuery(/^mtg:n:kind:(COMMITTEE|WORKING_GROUP)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  if (!flow) return;
  newDraft(flow).kind = ctx.match[1] as MeetingKind;
  await advanceFlow(ctx, flow, "date");
});
inNew.callbackQuery(/^mtg:n:date:(\d{4})(\d{2})(\d{2})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  const date = { year: Number(ctx.match[1]), month: Number(ctx.match[2]), day: Number(ctx.match[3]) };
  if (!flow || !isValidJalaliDate(date)) return;
  newDraft(flow).date = formatJalaliYMD(date);
  await advanceFlow(ctx, flow, "time");
});
inNew.callbackQuery(/^mtg:n:time:(\d{2})(\d{2})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  if (!flow) return;
  newDraft(flow).time = `${ctx.match[1]}:${ctx.match[2]}`;
  await advanceFlow(ctx, flow, "place");
});
inNew.callbackQuery(/^mtg:n:place:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  const id = idFrom(ctx.match[1]);
  const draft = flow ? newDraft(flow) : undefined;
  if (!flow || !draft || !id) return;
  const previous = await ctx.deps.db.meeting.findFirst({ where: { id, workingGroupId: draft.workingGroupId ?? -1 }, select: { place: true } });
  if (!previous) return;
  draft.place = previous.place;
  await advanceFlow(ctx, flow, afterPlace(draft));
});
inNew.callbackQuery(/^mtg:n:rec:([01])$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  if (!flow) return;
  newDraft(flow).recurring = ctx.match[1] === "1";
  await advanceFlow(ctx, flow, "confirm");
});
inNew.callbackQuery("mtg:n:save", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, NEW_FLOW);
  if (!flow) return;
  const draft = newDraft(flow);
  const date = ymdOf(draft.date);
  const time = draft.time ? parseTimeOfDay(draft.time) : null;
  if (!draft.workingGroupId || !draft.kind || !date || !time || !draft.place) {
    await askNew(ctx, flow);
    return;
  }
  const input = { workingGroupId: draft.workingGroupId, kind: draft.kind, date, time, place: draft.place, recurringWeekly: draft.recurring === true };
  try {
    const created = await createMeeting(ctx.deps, ctx.user.id, input);
    endFlow(ctx);
    await ctx.reply(ctx.t("meetings-created", { title: titleOf(ctx, { kind: draft.kind, ...created }) }));
    await showCard(ctx, created.id);
  } catch (error) {
    if (error instanceof MeetingError && error.reason === "in_past") {
      await ctx.reply(ctx.t("meetings-error-in_past"));
      await advanceFlow(ctx, flow, "date");
      return;
    }
    await replyError(ctx, error);
  }
});
inNew.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, NEW_FLOW);
  if (!flow) return;
  const draft = newDraft(flow);
  const text = ctx.message.text;
  switch (flow.step) {
    case "date": {
      const date = parseJalaliDate(text);
      if (!date) {
        await ctx.reply(ctx.t("meetings-invalid-date"));
        return;
      }
      const today = instantToJalali(ctx.deps.now());
      if (formatJalaliYMD(date) < formatJalaliYMD(today)) {
        await ctx.reply(ctx.t("meetings-error-in_past"));
        return;
      }
      draft.date = formatJalaliYMD(date);
      await advanceFlow(ctx, flow, "time");
      return;
    }
    case "time": {
      const time = parseTimeOfDay(text);
      if (!time) {
        await ctx.reply(ctx.t("meetings-invalid-time"));
        return;
      }
      draft.time = formatTimeOfDay(time);
      await advanceFlow(ctx, flow, "place");
      return;
    }
    case "place": {
      const place = validatePlace(text);
      if (!place) {
        await ctx.reply(ctx.t("meetings-invalid-place", { min: PLACE_MIN, max: PLACE_MAX }));
        return;
      }
      draft.place = place;
      await advanceFlow(ctx, flow, afterPlace(draft));
      return;
    }
    default:
      await ctx.reply(ctx.t("expected-button"));
  }
});

// ---------------------------------------------------------------------------------------------
// Agenda

async function showAgenda(ctx: BotContext, meetingId: number): Promise<void> {
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return;
  const keyboard = new InlineKeyboard();
  meeting.agenda.forEach((item, index) => {
    const n = localizeDigits(String(index + 1), ctx.locale);
    const slot = item.slotStartsAt ? ` 🕒${clockTime(ctx.locale, item.slotStartsAt)}` : "";
    keyboard.text(`${n}. ${item.case.trackingCode}${slot}`, cb("mtg:slot", item.id)).row();
    keyboard.text("⬆", cb("mtg:up", item.id)).text("⬇", cb("mtg:dn", item.id)).text("🕒", cb("mtg:slot", item.id)).text("✖", cb("mtg:rm", item.id)).row();
  });
  keyboard.text(ctx.t("meetings-agenda-suggest"), cb("mtg:sug", meeting.id)).row();
  keyboard.text(ctx.t("meetings-agenda-by-code"), cb("mtg:code", meeting.id)).row();
  keyboard.text(ctx.t("meetings-button-back-card"), cb("mtg:open", meeting.id));
  const lines = meeting.agenda.length > 0 ? agendaLines(ctx.deps.t, ctx.locale, meeting.agenda) : [ctx.t("meetings-agenda-empty")];
  await replyLong(ctx, [ctx.t("meetings-agenda-title", { title: titleOf(ctx, meeting) }), ...lines].join("\n"), keyboard);
}

chat.callbackQuery(/^mtg:ag:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (id) await showAgenda(ctx, id);
});

chat.callbackQuery(/^mtg:sug:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const suggestions = await attempt(ctx, () => suggestAgendaCases(ctx.deps, ctx.user.id, id));
  if (!suggestions) return;
  const keyboard = new InlineKeyboard();
  for (const s of suggestions) {
    keyboard.text(truncate(`${s.urgency === "critical" ? "🔴 " : ""}${s.trackingCode} — ${s.unitName}`, 60), cb("mtg:add", id, s.caseId)).row();
  }
  keyboard.text(ctx.t("meetings-agenda-by-code"), cb("mtg:code", id)).row().text(ctx.t("meetings-button-back-agenda"), cb("mtg:ag", id));
  const lines = suggestions.map((s) =>
    ctx.t("meetings-suggestion-line", {
      code: s.trackingCode,
      unit: s.unitName,
      reasons: s.reasons.map((r) => ctx.t(`meetings-reason-${r}`)).join("، "),
    }),
  );
  const text = suggestions.length === 0 ? ctx.t("meetings-suggestions-empty") : [ctx.t("meetings-suggestions-title"), ...lines].join("\n");
  await replyLong(ctx, text, keyboard);
});

// From the secretariat's case card: choose which upcoming meeting hears this case.
chat.callbackQuery(/^mtg:pick:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const caseId = idFrom(ctx.match[1]);
  if (!caseId) return;
  const item = await ctx.deps.db.case.findUnique({ where: { id: caseId }, select: { trackingCode: true, workingGroupId: true } });
  // Callback data is not trusted: only the case's own secretariat sees its group's meetings.
  if (!item || !triageRole(ctx.user, item.workingGroupId)) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const { upcoming } = await listMeetings(ctx.deps, [item.workingGroupId]);
  if (upcoming.length === 0) {
    await ctx.reply(ctx.t("meetings-pick-none", { code: item.trackingCode }));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const m of upcoming) {
    keyboard.text(truncate(`${titleOf(ctx, m)} — ${formatJalaliDate(m.startsAt, ctx.locale, { monthName: true })}`, 60), cb("mtg:add", m.id, caseId)).row();
  }
  await ctx.reply(ctx.t("meetings-pick-title", { code: item.trackingCode }), { reply_markup: keyboard });
});

chat.callbackQuery(/^mtg:add:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const meetingId = idFrom(ctx.match[1]);
  const caseId = idFrom(ctx.match[2]);
  if (!meetingId || !caseId) return;
  const added = await attempt(ctx, () => addAgendaItem(ctx.deps, ctx.user.id, meetingId, { caseId }));
  if (added) await ctx.reply(ctx.t("meetings-agenda-added", { code: added.trackingCode }));
  await showAgenda(ctx, meetingId);
});

async function agendaItemAction(ctx: BotContext, itemId: number, action: () => Promise<void>): Promise<void> {
  const item = await ctx.deps.db.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
  if (!item) {
    await ctx.reply(ctx.t("error-not-found"));
    return;
  }
  const done = await attempt(ctx, async () => {
    await action();
    return true;
  });
  if (done) await showAgenda(ctx, item.meetingId);
}

chat.callbackQuery(/^mtg:(up|dn):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const itemId = idFrom(ctx.match[2]);
  const direction = ctx.match[1] === "up" ? "up" : "down";
  if (itemId) await agendaItemAction(ctx, itemId, () => moveAgendaItem(ctx.deps, ctx.user.id, itemId, direction));
});
chat.callbackQuery(/^mtg:rm:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const itemId = idFrom(ctx.match[1]);
  if (itemId) await agendaItemAction(ctx, itemId, () => removeAgendaItem(ctx.deps, ctx.user.id, itemId));
});

// Time slot of an agenda item (for the unit's representative).
async function askSlot(ctx: BotContext, flow: Flow): Promise<void> {
  const keyboard = new InlineKeyboard().text(ctx.t("meetings-slot-clear"), "mtg:slot:clear").row().text(ctx.t("button-cancel"), "flow:cancel");
  await ctx.reply(ctx.t("meetings-ask-slot", { code: String(flow.data.code ?? "") }), { reply_markup: keyboard });
}
registerFlow(SLOT_FLOW, askSlot);

chat.callbackQuery(/^mtg:slot:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const itemId = idFrom(ctx.match[1]);
  if (!itemId) return;
  const item = await ctx.deps.db.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true, case: { select: { trackingCode: true } } } });
  if (!item) return;
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, item.meetingId));
  if (!meeting) return;
  await askSlot(ctx, startFlow(ctx, SLOT_FLOW, "time", { itemId, meetingId: item.meetingId, code: item.case.trackingCode }));
});

const inSlot = chat.filter(inFlow(SLOT_FLOW));
async function saveSlot(ctx: BotContext, time: ReturnType<typeof parseTimeOfDay>): Promise<void> {
  const flow = currentFlow(ctx, SLOT_FLOW);
  if (!flow) return;
  const itemId = Number(flow.data.itemId);
  const meetingId = Number(flow.data.meetingId);
  endFlow(ctx);
  const done = await attempt(ctx, async () => {
    await setAgendaSlot(ctx.deps, ctx.user.id, itemId, time);
    return true;
  });
  if (done) await showAgenda(ctx, meetingId);
}
inSlot.callbackQuery("mtg:slot:clear", async (ctx) => {
  await ctx.answerCallbackQuery();
  await saveSlot(ctx, null);
});
inSlot.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const time = parseTimeOfDay(ctx.message.text);
  if (!time) {
    await ctx.reply(ctx.t("meetings-invalid-time"));
    return;
  }
  await saveSlot(ctx, time);
});

// Adding a case by its tracking code.
async function askCode(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("meetings-ask-code"), { reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), "flow:cancel") });
}
registerFlow(CODE_FLOW, (ctx) => askCode(ctx));
chat.callbackQuery(/^mtg:code:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const meetingId = idFrom(ctx.match[1]);
  if (!meetingId) return;
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return;
  startFlow(ctx, CODE_FLOW, "code", { meetingId });
  await askCode(ctx);
});
chat.filter(inFlow(CODE_FLOW)).on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, CODE_FLOW);
  if (!flow) return;
  const meetingId = Number(flow.data.meetingId);
  const code = normalizeInput(ctx.message.text).toUpperCase().replace(/\s+/g, "");
  try {
    const added = await addAgendaItem(ctx.deps, ctx.user.id, meetingId, { trackingCode: code });
    endFlow(ctx);
    await ctx.reply(ctx.t("meetings-agenda-added", { code: added.trackingCode }));
    await showAgenda(ctx, meetingId);
  } catch (error) {
    if (error instanceof MeetingError && error.reason === "not_found") {
      await ctx.reply(ctx.t("meetings-code-not-found"));
      return; // ask again; the flow stays
    }
    endFlow(ctx);
    await replyError(ctx, error);
  }
});

// ---------------------------------------------------------------------------------------------
// Invitations, held, cancelled

chat.callbackQuery(/^mtg:inv:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const result = await attempt(ctx, () => sendInvitations(ctx.deps, ctx.user.id, id));
  if (!result) return;
  try {
    await scheduleMeetingReminders(ctx.deps, id);
  } catch (error) {
    // The invitations are committed; sending them again schedules the reminders again.
    ctx.logger.warn({ err: error, meetingId: id }, "could not schedule meeting reminders");
  }
  await ctx.reply(
    ctx.t(result.invited > 0 ? "meetings-invitations-sent" : "meetings-invitations-none-new", {
      count: localizeDigits(String(result.invited), ctx.locale),
      total: localizeDigits(String(result.totalInvitees), ctx.locale),
    }),
  );
  await showCard(ctx, id);
});

chat.callbackQuery(/^mtg:held:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const keyboard = new InlineKeyboard().text(ctx.t("button-confirm"), cb("mtg:heldok", id)).text(ctx.t("button-back"), cb("mtg:open", id));
  await ctx.reply(ctx.t("meetings-held-confirm"), { reply_markup: keyboard });
});
chat.callbackQuery(/^mtg:heldok:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const result = await attempt(ctx, () => markMeetingHeld(ctx.deps, ctx.user.id, id));
  if (!result) return;
  await ctx.reply(ctx.t("meetings-held-done"));
  if (result.next) {
    const next = await ctx.deps.db.meeting.findUnique({ where: { id: result.next.id }, select: { kind: true, number: true, jalaliYear: true, startsAt: true } });
    if (next) await ctx.reply(ctx.t("meetings-next-created", { title: titleOf(ctx, next), when: meetingWhen(ctx.locale, next.startsAt) }));
  }
  await showCard(ctx, id);
});

chat.callbackQuery(/^mtg:cancel:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const keyboard = new InlineKeyboard().text(ctx.t("meetings-cancel-yes"), cb("mtg:cancelok", id)).text(ctx.t("button-back"), cb("mtg:open", id));
  await ctx.reply(ctx.t("meetings-cancel-confirm"), { reply_markup: keyboard });
});
chat.callbackQuery(/^mtg:cancelok:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const done = await attempt(ctx, async () => {
    await cancelMeeting(ctx.deps, ctx.user.id, id);
    return true;
  });
  if (done) {
    await ctx.reply(ctx.t("meetings-cancelled"));
    await showCard(ctx, id);
  }
});

// ---------------------------------------------------------------------------------------------
// RSVP (invitees)

chat.callbackQuery(/^mtg:rsvp:(\d+):([adn])$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const inviteeId = idFrom(ctx.match[1]);
  const code = ctx.match[2] as RsvpCode;
  if (!inviteeId) return;
  const invitee = await inviteeOf(ctx.deps, ctx.user.id, inviteeId);
  if (!invitee) {
    await ctx.reply(ctx.t("meetings-error-forbidden"));
    return;
  }
  if (invitee.meeting.status !== "SCHEDULED") {
    await ctx.reply(ctx.t("meetings-error-not_scheduled"));
    return;
  }
  if (code === "d") {
    startFlow(ctx, DELEGATE_FLOW, "name", { inviteeId });
    await askDelegate(ctx);
    return;
  }
  await saveRsvp(ctx, inviteeId, RSVP_CODES[code], null);
});

async function saveRsvp(ctx: BotContext, inviteeId: number, answer: Rsvp, delegateName: string | null): Promise<void> {
  const result = await attempt(ctx, () => answerInvitation(ctx.deps, ctx.user.id, inviteeId, answer, delegateName));
  if (!result) return;
  await ctx.reply(
    ctx.t(`meetings-rsvp-saved-${answer}`, {
      title: titleOf(ctx, result.title),
      when: meetingWhen(ctx.locale, result.startsAt),
      delegate: delegateName ?? "",
    }),
  );
}

async function askDelegate(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("meetings-ask-delegate", { max: DELEGATE_NAME_MAX }), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), "flow:cancel"),
  });
}
registerFlow(DELEGATE_FLOW, (ctx) => askDelegate(ctx));
chat.filter(inFlow(DELEGATE_FLOW)).on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, DELEGATE_FLOW);
  if (!flow) return;
  const name = normalizeText(ctx.message.text);
  if (name.length < 2 || name.length > DELEGATE_NAME_MAX) {
    await ctx.reply(ctx.t("meetings-invalid-delegate", { max: DELEGATE_NAME_MAX }));
    return;
  }
  endFlow(ctx);
  await saveRsvp(ctx, Number(flow.data.inviteeId), "DELEGATE", name);
});

// ---------------------------------------------------------------------------------------------
// Resolutions: agenda item → text → type → [agency → official] → [deadline] → confirm

chat.callbackQuery(/^mtg:res:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (id) await showResolutionItems(ctx, id);
});

async function showResolutionItems(ctx: BotContext, meetingId: number): Promise<void> {
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, meetingId));
  if (!meeting) return;
  if (meeting.status !== "HELD" || meeting.minutesClosedAt) {
    await ctx.reply(ctx.t(meeting.status !== "HELD" ? "meetings-error-not_held" : "meetings-error-minutes_closed"));
    return;
  }
  const keyboard = new InlineKeyboard();
  meeting.agenda.forEach((item, index) => {
    const count = item._count.resolutions;
    keyboard
      .text(`${localizeDigits(String(index + 1), ctx.locale)}. ${item.case.trackingCode} — ${truncate(item.case.unit.name, 24)}${count > 0 ? ` (${localizeDigits(String(count), ctx.locale)})` : ""}`, cb("res:item", item.id))
      .row();
  });
  keyboard.text(ctx.t("meetings-button-close-minutes"), cb("mtg:min", meetingId)).row();
  keyboard.text(ctx.t("meetings-button-back-card"), cb("mtg:open", meetingId));
  await ctx.reply(ctx.t("resolutions-choose-item", { title: titleOf(ctx, meeting) }), { reply_markup: keyboard });
}

interface ResolutionDraft {
  itemId: number;
  meetingId: number;
  workingGroupId: number;
  code: string;
  caseAgencyId: number | null;
  text?: string;
  type?: ResolutionType;
  agencyId?: number | null;
  officialId?: number | null;
  deadline?: string | null;
}
const resDraft = (flow: Flow) => flow.data as unknown as ResolutionDraft;

function resNavigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "res:back").text(ctx.t("button-cancel"), "flow:cancel");
}

async function askResolution(ctx: BotContext, flow: Flow): Promise<void> {
  const draft = resDraft(flow);
  switch (flow.step) {
    case "text":
      await ctx.reply(ctx.t("resolutions-ask-text", { code: draft.code, min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX }), { reply_markup: resNavigation(ctx) });
      return;
    case "type": {
      const keyboard = new InlineKeyboard();
      for (const type of RESOLUTION_TYPES) keyboard.text(ctx.t(`resolutions-type-button-${type}`), cb("res:type", type)).row();
      await ctx.reply(ctx.t("resolutions-ask-type"), { reply_markup: resNavigation(ctx, keyboard) });
      return;
    }
    case "agency": {
      const agencies = await ctx.deps.db.agency.findMany({
        where: { workingGroupId: draft.workingGroupId, active: true },
        orderBy: { id: "asc" },
        select: { id: true, nameFa: true, nameEn: true },
      });
      agencies.sort((a, b) => Number(b.id === draft.caseAgencyId) - Number(a.id === draft.caseAgencyId));
      const keyboard = new InlineKeyboard();
      for (const agency of agencies) keyboard.text(truncate(localName(agency, ctx.locale), 48), cb("res:ag", agency.id)).row();
      if (draft.type !== "TASK") keyboard.text(ctx.t("button-skip"), "res:ag:none");
      await ctx.reply(ctx.t(draft.type === "TASK" ? "resolutions-ask-agency-task" : "resolutions-ask-agency"), { reply_markup: resNavigation(ctx, keyboard) });
      return;
    }
    case "official": {
      const keyboard = new InlineKeyboard();
      for (const official of await officialsOfAgency(ctx.deps.db, draft.agencyId ?? -1)) {
        keyboard.text(truncate(fullName(official), 40), cb("res:off", official.id)).row();
      }
      keyboard.text(ctx.t("resolutions-official-any"), "res:off:none");
      await ctx.reply(ctx.t("resolutions-ask-official"), { reply_markup: resNavigation(ctx, keyboard) });
      return;
    }
    case "deadline": {
      const keyboard = new InlineKeyboard();
      if (draft.type !== "TASK") keyboard.text(ctx.t("button-skip"), "res:dl:none");
      await ctx.reply(ctx.t(draft.type === "TASK" ? "resolutions-ask-deadline-task" : "resolutions-ask-deadline"), { reply_markup: resNavigation(ctx, keyboard) });
      return;
    }
    case "confirm": {
      const agency = draft.agencyId ? await ctx.deps.db.agency.findUnique({ where: { id: draft.agencyId }, select: { nameFa: true, nameEn: true } }) : null;
      const official = draft.officialId ? await ctx.deps.db.user.findUnique({ where: { id: draft.officialId }, select: { firstName: true, lastName: true } }) : null;
      const deadline = draft.deadline ? parseJalaliDate(draft.deadline) : null;
      const keyboard = new InlineKeyboard().text(ctx.t("resolutions-save"), "res:save");
      await ctx.reply(
        ctx.t("resolutions-review", {
          code: draft.code,
          text: draft.text ?? "",
          type: ctx.t(`resolutions-type-${draft.type ?? "DECISION"}`),
          agency: agency ? localName(agency, ctx.locale) : ctx.t("resolutions-no-agency"),
          official: official ? fullName(official) : ctx.t("resolutions-official-any"),
          deadline: deadline ? formatJalaliDate(jalaliNoon(deadline), ctx.locale, { monthName: true }) : ctx.t("resolutions-no-deadline"),
        }),
        { reply_markup: resNavigation(ctx, keyboard) },
      );
      return;
    }
  }
}
registerFlow(RESOLUTION_FLOW, askResolution);

chat.callbackQuery(/^res:item:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const itemId = idFrom(ctx.match[1]);
  if (!itemId) return;
  const item = await ctx.deps.db.agendaItem.findUnique({
    where: { id: itemId },
    select: { meetingId: true, case: { select: { trackingCode: true, agencyId: true } } },
  });
  if (!item) return;
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, item.meetingId));
  if (!meeting) return;
  if (meeting.status !== "HELD" || meeting.minutesClosedAt) {
    await ctx.reply(ctx.t(meeting.status !== "HELD" ? "meetings-error-not_held" : "meetings-error-minutes_closed"));
    return;
  }
  const draft: ResolutionDraft = {
    itemId,
    meetingId: item.meetingId,
    workingGroupId: meeting.workingGroupId,
    code: item.case.trackingCode,
    caseAgencyId: item.case.agencyId,
  };
  await askResolution(ctx, startFlow(ctx, RESOLUTION_FLOW, "text", draft as unknown as Record<string, unknown>));
});

const inResolution = chat.filter(inFlow(RESOLUTION_FLOW));

inResolution.callbackQuery("res:back", backButton(RESOLUTION_FLOW, (ctx, flow) => showResolutionItems(ctx, resDraft(flow).meetingId)));
inResolution.callbackQuery(/^res:type:(DECISION|TASK|INFORMATION)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, RESOLUTION_FLOW);
  if (!flow) return;
  const draft = resDraft(flow);
  draft.type = ctx.match[1] as ResolutionType;
  if (draft.type === "INFORMATION") {
    draft.agencyId = null;
    draft.officialId = null;
    draft.deadline = null;
    await advanceFlow(ctx, flow, "confirm");
    return;
  }
  await advanceFlow(ctx, flow, "agency");
});
inResolution.callbackQuery(/^res:ag:(\d+|none)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, RESOLUTION_FLOW);
  if (!flow) return;
  const draft = resDraft(flow);
  if (ctx.match[1] === "none") {
    if (draft.type === "TASK") return;
    draft.agencyId = null;
    draft.officialId = null;
    await advanceFlow(ctx, flow, "deadline");
    return;
  }
  const agencyId = idFrom(ctx.match[1]);
  const agency = agencyId ? await ctx.deps.db.agency.findFirst({ where: { id: agencyId, workingGroupId: draft.workingGroupId } }) : null;
  if (!agency) return;
  draft.agencyId = agency.id;
  draft.officialId = null;
  await advanceFlow(ctx, flow, "official");
});
inResolution.callbackQuery(/^res:off:(\d+|none)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, RESOLUTION_FLOW);
  if (!flow) return;
  const draft = resDraft(flow);
  draft.officialId = ctx.match[1] === "none" ? null : idFrom(ctx.match[1]);
  await advanceFlow(ctx, flow, "deadline");
});
inResolution.callbackQuery("res:dl:none", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, RESOLUTION_FLOW);
  if (!flow || resDraft(flow).type === "TASK") return;
  resDraft(flow).deadline = null;
  await advanceFlow(ctx, flow, "confirm");
});
inResolution.callbackQuery("res:save", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, RESOLUTION_FLOW);
  if (!flow) return;
  const draft = resDraft(flow);
  if (!draft.text || !draft.type) {
    await askResolution(ctx, flow);
    return;
  }
  const deadline = draft.deadline ? parseJalaliDate(draft.deadline) : null;
  const saved = await attempt(ctx, () =>
    recordResolution(ctx.deps, ctx.user.id, {
      agendaItemId: draft.itemId,
      text: draft.text ?? "",
      type: draft.type ?? "DECISION",
      agencyId: draft.agencyId ?? null,
      officialId: draft.officialId ?? null,
      deadline,
    }),
  );
  if (!saved) return;
  endFlow(ctx);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("resolutions-add-another"), cb("res:item", draft.itemId))
    .row()
    .text(ctx.t("resolutions-back-to-items"), cb("mtg:res", draft.meetingId));
  await ctx.reply(ctx.t(saved.taskId ? "resolutions-saved-task" : "resolutions-saved", { code: saved.trackingCode }), { reply_markup: keyboard });
});
inResolution.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, RESOLUTION_FLOW);
  if (!flow) return;
  const draft = resDraft(flow);
  if (flow.step === "text") {
    const text = normalizeText(ctx.message.text);
    if (text.length < RESOLUTION_TEXT_MIN || text.length > RESOLUTION_TEXT_MAX) {
      await ctx.reply(ctx.t("resolutions-invalid-text", { min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX }));
      return;
    }
    draft.text = text;
    await advanceFlow(ctx, flow, "type");
    return;
  }
  if (flow.step === "deadline") {
    const date = parseJalaliDate(ctx.message.text);
    if (!date) {
      await ctx.reply(ctx.t("meetings-invalid-date"));
      return;
    }
    if (formatJalaliYMD(date) < formatJalaliYMD(instantToJalali(ctx.deps.now()))) {
      await ctx.reply(ctx.t("resolutions-deadline-past"));
      return;
    }
    draft.deadline = formatJalaliYMD(date);
    await advanceFlow(ctx, flow, "confirm");
    return;
  }
  await ctx.reply(ctx.t("expected-button"));
});

// ---------------------------------------------------------------------------------------------
// Minutes

chat.callbackQuery(/^mtg:min:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const meeting = await attempt(ctx, () => meetingForSecretariat(ctx.deps, ctx.user.id, id));
  if (!meeting) return;
  const keyboard = new InlineKeyboard().text(ctx.t("resolutions-close-yes"), cb("mtg:minok", id)).text(ctx.t("button-back"), cb("mtg:open", id));
  await ctx.reply(ctx.t("resolutions-close-confirm", { count: localizeDigits(String(meeting._count.resolutions), ctx.locale) }), { reply_markup: keyboard });
});
chat.callbackQuery(/^mtg:minok:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = idFrom(ctx.match[1]);
  if (!id) return;
  const result = await attempt(ctx, () => closeMinutes(ctx.deps, ctx.user.id, id));
  if (!result) return;
  await ctx.reply(ctx.t("resolutions-minutes-sent", { count: localizeDigits(String(result.recipients), ctx.locale) }));
  await showCard(ctx, id);
});

// ---------------------------------------------------------------------------------------------
// The ledger: /resolutions

const STATUS_ICON: Record<string, string> = { open: "🟡", overdue: "🔴", done: "✅", recorded: "📝", refused: "⛔", cancelled: "✖" };

async function showLedger(ctx: BotContext, filter: LedgerFilter, page: number): Promise<void> {
  if (!isSecretariat(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const groups = secretariatGroupIds(ctx);
  const ids = groups === "all" ? (await ctx.deps.db.workingGroup.findMany({ select: { id: true } })).map((g) => g.id) : groups;
  const result = await listResolutions(ctx.deps, ids, filter, page, LEDGER_PAGE_SIZE);
  const lines = result.items.map((r) =>
    ctx.t("resolutions-ledger-line", {
      icon: STATUS_ICON[r.status] ?? "•",
      code: r.case.trackingCode,
      text: truncate(r.text, 90),
      agency: r.agency ? localName(r.agency, ctx.locale) : ctx.t("resolutions-no-agency"),
      deadline: r.deadline ? formatJalaliDate(r.deadline, ctx.locale) : ctx.t("resolutions-no-deadline"),
      status: ctx.t(`resolutions-status-${r.status}`),
      meeting: titleOf(ctx, r.meeting),
    }),
  );
  const header = ctx.t("resolutions-ledger-title", {
    filter: ctx.t(`resolutions-filter-${filter}`),
    total: localizeDigits(String(result.total), ctx.locale),
    page: localizeDigits(String(result.page + 1), ctx.locale),
    pages: localizeDigits(String(result.pages), ctx.locale),
  });
  const keyboard = new InlineKeyboard();
  LEDGER_FILTERS.forEach((f, index) => keyboard.text(`${f === filter ? "• " : ""}${ctx.t(`resolutions-filter-${f}`)}`, cb("res:list", index, 0)));
  keyboard.row();
  const filterIndex = LEDGER_FILTERS.indexOf(filter);
  if (result.page > 0) keyboard.text(ctx.t("button-previous"), cb("res:list", filterIndex, result.page - 1));
  if (result.page < result.pages - 1) keyboard.text(ctx.t("button-next"), cb("res:list", filterIndex, result.page + 1));
  await replyLong(ctx, [header, "", ...(lines.length > 0 ? lines : [ctx.t("resolutions-ledger-empty")])].join("\n"), keyboard);
}

chat.command("resolutions", (ctx) => showLedger(ctx, "all", 0));
chat.callbackQuery(/^res:list:(\d):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const filter = LEDGER_FILTERS[Number(ctx.match[1])] ?? "all";
  await showLedger(ctx, filter, Math.min(Number(ctx.match[2]), 10_000));
});

/** Other features (the case card, the menu) may link to a meeting card. */
export { showCard as showMeetingCard };
