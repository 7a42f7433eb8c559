/** A held meeting's agenda items to record resolutions on, and the ledger of resolutions. */
import { InlineKeyboard } from "grammy";
import { meetings as meetingButtons, resolutions as buttons } from "../../buttons";
import { formatJalaliDate } from "../../domain/jalali";
import { localizeDigits, truncate } from "../../domain/text";
import { localName } from "../../i18n";
import type { MeetingDetails } from "../../services/meetings";
import { LEDGER_FILTERS, type LedgerFilter, type listResolutions } from "../../services/resolutions";
import type { BotContext } from "../context";
import { titleOf, type Screen } from "./meetings";
import { statutoryPhaseText } from "./objections";

/** "Record resolutions": a button per agenda item (with its count), close the minutes, back. */
export function resolutionItemsScreen(ctx: BotContext, meeting: MeetingDetails): Screen {
  const meetingId = meeting.id;
  const keyboard = new InlineKeyboard();
  meeting.agenda.forEach((item, index) => {
    const count = item._count.resolutions;
    const label = `${localizeDigits(String(index + 1), ctx.locale)}. ${item.case.trackingCode} — ${truncate(item.case.unit.name, 24)}${count > 0 ? ` (${localizeDigits(String(count), ctx.locale)})` : ""}`;
    keyboard.text(label, buttons.item.pack({ itemId: item.id })).row();
  });
  keyboard.text(ctx.t("meetings-button-close-minutes"), buttons.minutes.pack({ meetingId })).row();
  keyboard.text(ctx.t("meetings-button-back-card"), meetingButtons.open.pack({ meetingId }));
  return { text: ctx.t("resolutions-choose-item", { title: titleOf(ctx, meeting) }), keyboard };
}

const STATUS_ICON: Record<string, string> = { open: "🟡", overdue: "🔴", done: "✅", recorded: "📝", refused: "⛔", cancelled: "✖" };

type LedgerPage = Awaited<ReturnType<typeof listResolutions>>;

/** A page of the ledger: a line per resolution with its status; filters and paging. */
export function ledgerScreen(ctx: BotContext, filter: LedgerFilter, result: LedgerPage): Screen {
  const lines = result.items.map((r) => {
    const line = ctx.t("resolutions-ledger-line", {
      icon: STATUS_ICON[r.status] ?? "•",
      code: r.case.trackingCode,
      text: truncate(r.amendedText ?? r.text, 90),
      agency: r.agency ? localName(r.agency, ctx.locale) : ctx.t("resolutions-no-agency"),
      deadline: r.deadline ? formatJalaliDate(r.deadline, ctx.locale) : ctx.t("resolutions-no-deadline"),
      status: ctx.t(`resolutions-status-${r.status}`),
      meeting: titleOf(ctx, r.meeting),
    });
    // The statutory phase of a resolution notified to its agency (notified, window, objection…).
    if (!r.notifiedAt || !r.objectionDeadline) return line;
    const phase = statutoryPhaseText(ctx, { ...r, objectionDeadline: r.objectionDeadline });
    return `${line}\n${ctx.t("resolutions-ledger-phase", { notified: formatJalaliDate(r.notifiedAt, ctx.locale), phase })}`;
  });
  const header = ctx.t("resolutions-ledger-title", {
    filter: ctx.t(`resolutions-filter-${filter}`),
    total: localizeDigits(String(result.total), ctx.locale),
    page: localizeDigits(String(result.page + 1), ctx.locale),
    pages: localizeDigits(String(result.pages), ctx.locale),
  });
  const index = (f: LedgerFilter) => String(LEDGER_FILTERS.indexOf(f)) as "0" | "1" | "2" | "3" | "4";
  const keyboard = new InlineKeyboard();
  for (const f of LEDGER_FILTERS) keyboard.text(`${f === filter ? "• " : ""}${ctx.t(`resolutions-filter-${f}`)}`, buttons.ledger.pack({ filter: index(f), page: "0" }));
  keyboard.row();
  if (result.page > 0) keyboard.text(ctx.t("button-previous"), buttons.ledger.pack({ filter: index(filter), page: String(result.page - 1) }));
  if (result.page < result.pages - 1) keyboard.text(ctx.t("button-next"), buttons.ledger.pack({ filter: index(filter), page: String(result.page + 1) }));
  return { text: [header, "", ...(lines.length > 0 ? lines : [ctx.t("resolutions-ledger-empty")])].join("\n"), keyboard };
}
