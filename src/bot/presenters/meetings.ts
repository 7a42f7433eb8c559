/**
 * The secretariat's meeting screens in chat: the list, the card (details, agenda, answers) and
 * the agenda editor. Text only; the handlers in src/bot/features/meetings/ show them.
 */
import { InlineKeyboard } from "grammy";
import { meetings as buttons, resolutions as resolutionButtons } from "../../buttons";
import { formatJalaliDate } from "../../domain/jalali";
import { fullName, localizeDigits, truncate } from "../../domain/text";
import type { MeetingStatus, Rsvp } from "../../generated/prisma/enums";
import {
  agendaLines,
  clockTime,
  meetingTitle,
  meetingWhen,
  type AgendaSuggestion,
  type MeetingDetails,
  type MeetingTitleParts,
} from "../../services/meetings";
import type { BotContext } from "../context";

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

export function titleOf(ctx: BotContext, meeting: MeetingTitleParts): string {
  return meetingTitle(ctx.deps.t, ctx.locale, meeting);
}

type ListedMeeting = MeetingTitleParts & { id: number; status: MeetingStatus; startsAt: Date };

/** /meetings: upcoming then recent meetings, a button each; schedule one; the ledger. */
export function meetingListScreen(ctx: BotContext, upcoming: ListedMeeting[], recent: ListedMeeting[]): Screen {
  const keyboard = new InlineKeyboard();
  const icon = (m: ListedMeeting) => (m.status === "SCHEDULED" ? "🗓" : m.status === "HELD" ? "✅" : "✖");
  const label = (m: ListedMeeting) => truncate(`${icon(m)} ${titleOf(ctx, m)} — ${formatJalaliDate(m.startsAt, ctx.locale, { monthName: true })}`, 60);
  for (const m of [...upcoming, ...recent]) keyboard.text(label(m), buttons.open.pack({ meetingId: m.id })).row();
  keyboard.text(ctx.t("meetings-new"), buttons.create.pack()).row().text(ctx.t("meetings-ledger"), resolutionButtons.ledger.pack({ filter: "0", page: "0" }));
  const text = upcoming.length + recent.length === 0 ? ctx.t("meetings-list-empty") : ctx.t("meetings-list-title");
  return { text, keyboard };
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
  const meetingId = meeting.id;
  const keyboard = new InlineKeyboard();
  if (meeting.status === "SCHEDULED") {
    keyboard.text(ctx.t("meetings-button-agenda"), buttons.agenda.pack({ meetingId }));
    keyboard.text(ctx.t(meeting.invitees.length > 0 ? "meetings-button-invite-more" : "meetings-button-invite"), buttons.invite.pack({ meetingId })).row();
    keyboard.text(ctx.t("meetings-button-held"), buttons.held.pack({ meetingId }));
    keyboard.text(ctx.t("meetings-button-cancel"), buttons.cancel.pack({ meetingId })).row();
  } else if (meeting.status === "HELD" && !meeting.minutesClosedAt) {
    keyboard.text(ctx.t("meetings-button-resolutions"), resolutionButtons.items.pack({ meetingId })).row();
    keyboard.text(ctx.t("meetings-button-close-minutes"), resolutionButtons.minutes.pack({ meetingId })).row();
  }
  keyboard.text(ctx.t("meetings-button-refresh"), buttons.open.pack({ meetingId })).text(ctx.t("meetings-button-list"), buttons.list.pack());
  return keyboard;
}

/** A meeting's card: when, where, status, agenda, answers; the actions its status allows. */
export function meetingCardScreen(ctx: BotContext, meeting: MeetingDetails): Screen {
  return { text: cardText(ctx, meeting), keyboard: cardKeyboard(ctx, meeting) };
}

/** The agenda editor: per item reorder, time slot, remove; add suggested cases or by code. */
export function agendaScreen(ctx: BotContext, meeting: MeetingDetails): Screen {
  const meetingId = meeting.id;
  const keyboard = new InlineKeyboard();
  meeting.agenda.forEach((item, index) => {
    const itemId = item.id;
    const n = localizeDigits(String(index + 1), ctx.locale);
    const slot = item.slotStartsAt ? ` 🕒${clockTime(ctx.locale, item.slotStartsAt)}` : "";
    keyboard.text(`${n}. ${item.case.trackingCode}${slot}`, buttons.itemSlot.pack({ itemId })).row();
    keyboard
      .text("⬆", buttons.itemUp.pack({ itemId }))
      .text("⬇", buttons.itemDown.pack({ itemId }))
      .text("🕒", buttons.itemSlot.pack({ itemId }))
      .text("✖", buttons.itemRemove.pack({ itemId }))
      .row();
  });
  keyboard.text(ctx.t("meetings-agenda-suggest"), buttons.suggest.pack({ meetingId })).row();
  keyboard.text(ctx.t("meetings-agenda-by-code"), buttons.byCode.pack({ meetingId })).row();
  keyboard.text(ctx.t("meetings-button-back-card"), buttons.open.pack({ meetingId }));
  const lines = meeting.agenda.length > 0 ? agendaLines(ctx.deps.t, ctx.locale, meeting.agenda) : [ctx.t("meetings-agenda-empty")];
  return { text: [ctx.t("meetings-agenda-title", { title: titleOf(ctx, meeting) }), ...lines].join("\n"), keyboard };
}

/** The bot's suggestions for the agenda, a button each. */
export function suggestionsScreen(ctx: BotContext, meetingId: number, suggestions: AgendaSuggestion[]): Screen {
  const keyboard = new InlineKeyboard();
  for (const s of suggestions) {
    keyboard.text(truncate(`${s.urgency === "critical" ? "🔴 " : ""}${s.trackingCode} — ${s.unitName}`, 60), buttons.addCase.pack({ meetingId, caseId: s.caseId })).row();
  }
  keyboard.text(ctx.t("meetings-agenda-by-code"), buttons.byCode.pack({ meetingId })).row().text(ctx.t("meetings-button-back-agenda"), buttons.agenda.pack({ meetingId }));
  const lines = suggestions.map((s) =>
    ctx.t("meetings-suggestion-line", {
      code: s.trackingCode,
      unit: s.unitName,
      reasons: s.reasons.map((r) => ctx.t(`meetings-reason-${r}`)).join("، "),
    }),
  );
  const text = suggestions.length === 0 ? ctx.t("meetings-suggestions-empty") : [ctx.t("meetings-suggestions-title"), ...lines].join("\n");
  return { text, keyboard };
}

/** From a case card: which upcoming meeting hears the case. */
export function pickMeetingScreen(ctx: BotContext, code: string, caseId: number, upcoming: ListedMeeting[]): Screen {
  const keyboard = new InlineKeyboard();
  for (const m of upcoming) {
    keyboard.text(truncate(`${titleOf(ctx, m)} — ${formatJalaliDate(m.startsAt, ctx.locale, { monthName: true })}`, 60), buttons.addCase.pack({ meetingId: m.id, caseId })).row();
  }
  return { text: ctx.t("meetings-pick-title", { code }), keyboard };
}
