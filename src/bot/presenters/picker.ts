/**
 * Long lists to pick one name from (working groups, agencies): sorted by the name in the
 * reader's language, a page of at most PICKER_PAGE_SIZE buttons with « / » to turn, working
 * groups split into provinces and free zones (two tabs), and a typed search (a few letters of
 * the Persian or English name, src/domain/text.ts findByName). Text and buttons only: each
 * picker's owner supplies the buttons' data (pick one, turn a page).
 */
import { InlineKeyboard } from "grammy";
import { pageWindow } from "../../domain/pagination";
import { findByName, truncate } from "../../domain/text";
import { type Locale, localName } from "../../i18n";
import type { BotContext } from "../context";

/** At most this many names a page (Telegram shows more, but nobody reads them). */
export const PICKER_PAGE_SIZE = 20;
/** From this many names on, the picker says a few typed letters find one. */
export const SEARCH_HINT_FROM = 10;

export interface Pickable {
  id: number;
  nameFa: string;
  nameEn: string;
}

export type GroupKind = "PROVINCE" | "FREE_ZONE";
export type GroupSection = "p" | "f";
export const SECTION_KIND: Record<GroupSection, GroupKind> = { p: "PROVINCE", f: "FREE_ZONE" };

const collators: Partial<Record<Locale, Intl.Collator>> = {};
const collator = (locale: Locale) => (collators[locale] ??= new Intl.Collator(locale, { sensitivity: "base", numeric: true }));

/** By the name the reader reads, in their language's alphabetical order. */
export function sortByName<T extends Pickable>(items: readonly T[], locale: Locale): T[] {
  const compare = collator(locale);
  return [...items].sort((a, b) => compare.compare(localName(a, locale), localName(b, locale)) || a.id - b.id);
}

/** Provinces first, then free zones, each by name. */
export function sortGroups<T extends Pickable & { kind: string }>(items: readonly T[], locale: Locale): T[] {
  const rank = (item: T) => (item.kind === "FREE_ZONE" ? 1 : 0);
  const sorted = sortByName(items, locale);
  return [...sorted.filter((item) => rank(item) === 0), ...sorted.filter((item) => rank(item) === 1)];
}

/** What a few typed letters find, in the given order (nothing for an empty query). */
export function searchNames<T extends Pickable>(items: readonly T[], query: string): T[] {
  const found = new Set(findByName(items, query));
  return items.filter((item) => found.has(item));
}

export interface PickerOptions<T> {
  /** The data of the button that picks this item. */
  pick: (item: T) => string;
  /** The data of the button that shows this page; without it, only the first page shows. */
  turn?: (page: number) => string;
  page?: number;
  columns?: 1 | 2;
  width?: number;
  keyboard?: InlineKeyboard;
}

/** One page of the (already ordered) items as buttons, then « n/m » when there are more pages. */
export function pickerKeyboard<T extends Pickable>(ctx: BotContext, items: readonly T[], options: PickerOptions<T>): InlineKeyboard {
  const keyboard = options.keyboard ?? new InlineKeyboard();
  const columns = options.columns ?? 1;
  const window = pageWindow(items.length, PICKER_PAGE_SIZE, options.turn ? (options.page ?? 0) : 0);
  const shown = items.slice(window.offset, window.offset + PICKER_PAGE_SIZE);
  shown.forEach((item, index) => {
    keyboard.text(truncate(localName(item, ctx.locale), options.width ?? (columns === 2 ? 30 : 60)), options.pick(item));
    if (index % columns === columns - 1 || index === shown.length - 1) keyboard.row();
  });
  const turn = options.turn;
  if (turn && window.pages > 1) {
    if (window.page > 0) keyboard.text(ctx.t("button-previous"), turn(window.page - 1));
    keyboard.text(ctx.t("picker-page", { page: window.page + 1, pages: window.pages }), turn(window.page));
    if (window.page < window.pages - 1) keyboard.text(ctx.t("button-next"), turn(window.page + 1));
    keyboard.row();
  }
  return keyboard;
}

/** The question, with the search hint when the list is long. */
export function pickerText(ctx: BotContext, question: string, count: number): string {
  return count >= SEARCH_HINT_FROM ? `${question}\n${ctx.t("picker-type-to-search")}` : question;
}

/** What a search found, or that nothing matched, as the picker's text. */
export function searchText(ctx: BotContext, query: string, found: number): string {
  return found > 0 ? ctx.t("picker-found", { query: truncate(query, 40) }) : ctx.t("picker-not-found", { query: truncate(query, 40) });
}

export interface GroupPickerOptions<T> {
  pick: (group: T) => string;
  /** The data of the button that shows this section's page. */
  turn: (section: GroupSection, page: number) => string;
  section?: GroupSection;
  page?: number;
}

/**
 * Working groups: a tab each for provinces and free zones (when both are there), the chosen
 * section's groups by name, two a row, a page at a time.
 */
export function groupPickerKeyboard<T extends Pickable & { kind: string }>(ctx: BotContext, groups: readonly T[], options: GroupPickerOptions<T>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const provinces = groups.filter((group) => group.kind !== "FREE_ZONE");
  const freeZones = groups.filter((group) => group.kind === "FREE_ZONE");
  let section: GroupSection = options.section ?? "p";
  if (section === "p" && provinces.length === 0) section = "f";
  if (section === "f" && freeZones.length === 0) section = "p";
  if (provinces.length > 0 && freeZones.length > 0) {
    const tab = (key: GroupSection, label: string, count: number) =>
      keyboard.text(`${key === section ? "• " : ""}${ctx.t(label, { count })}`, options.turn(key, 0));
    tab("p", "picker-provinces", provinces.length);
    tab("f", "picker-free-zones", freeZones.length);
    keyboard.row();
  }
  const shown = sortByName(section === "p" ? provinces : freeZones, ctx.locale);
  return pickerKeyboard(ctx, shown, { keyboard, pick: options.pick, turn: (page) => options.turn(section, page), page: options.page, columns: 2 });
}

/** The groups a search found: provinces then free zones, by name, two a row. */
export function groupSearchKeyboard<T extends Pickable & { kind: string }>(ctx: BotContext, found: readonly T[], pick: (group: T) => string): InlineKeyboard {
  return pickerKeyboard(ctx, sortGroups(found, ctx.locale), { pick, columns: 2 });
}

/** Where a flow's list is: its page, or the letters typed to search it (kept in the flow's data). */
export interface PickState {
  pickPage?: number;
  pickQuery?: string;
  /** A group picker's tab. */
  pickSection?: GroupSection;
}

/**
 * A list inside a flow (agencies): the question, then a page of the (already ordered) names,
 * or the names a few typed letters found with a button back to the whole list (`turn(0)`,
 * whose handler forgets the letters).
 */
export function listPickerScreen<T extends Pickable>(
  ctx: BotContext,
  question: string,
  ordered: readonly T[],
  state: PickState,
  buttons: { pick: (item: T) => string; turn: (page: number) => string; allLabel?: string },
): { text: string; keyboard: InlineKeyboard } {
  const query = state.pickQuery;
  if (query) {
    const found = searchNames(ordered, query);
    const keyboard = pickerKeyboard(ctx, found, { pick: buttons.pick });
    keyboard.text(ctx.t(buttons.allLabel ?? "picker-all-agencies"), buttons.turn(0)).row();
    return { text: `${question}\n${searchText(ctx, query, found.length)}`, keyboard };
  }
  const keyboard = pickerKeyboard(ctx, ordered, { pick: buttons.pick, turn: buttons.turn, page: state.pickPage ?? 0 });
  return { text: pickerText(ctx, question, ordered.length), keyboard };
}

/** Typed letters to search a list with: some letter or digit, at most 60 characters; else null. */
export function readQuery(text: string): string | null {
  const query = text.trim();
  return /[\p{L}\p{N}]/u.test(query) && [...query].length <= 60 ? query : null;
}

/** A group list inside a flow: the question, the provinces / free zones tabs and a page, or what typed letters found. */
export function groupListScreen<T extends Pickable & { kind: string }>(
  ctx: BotContext,
  question: string,
  groups: readonly T[],
  state: PickState,
  buttons: { pick: (group: T) => string; turn: (section: GroupSection, page: number) => string },
): { text: string; keyboard: InlineKeyboard } {
  const query = state.pickQuery;
  if (query) {
    const found = searchNames(groups, query);
    const keyboard = groupSearchKeyboard(ctx, found, buttons.pick).text(ctx.t("picker-all-groups"), buttons.turn(state.pickSection ?? "p", 0)).row();
    return { text: `${question}\n${searchText(ctx, query, found.length)}`, keyboard };
  }
  const keyboard = groupPickerKeyboard(ctx, groups, { pick: buttons.pick, turn: buttons.turn, section: state.pickSection, page: state.pickPage });
  return { text: pickerText(ctx, question, groups.length), keyboard };
}
