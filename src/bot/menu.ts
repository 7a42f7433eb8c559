import { InlineKeyboard } from "grammy";
import type { BotContext } from "./context";

/** An entry of the main menu; features add theirs, shown only to the roles they serve. */
export interface MenuEntry {
  labelKey: string;
  callback: string;
  visible: (ctx: BotContext) => boolean | Promise<boolean>;
}

const entries: MenuEntry[] = [];

export function addMenuEntry(entry: MenuEntry): void {
  if (!entries.some((existing) => existing.callback === entry.callback)) entries.push(entry);
}

export async function mainMenuKeyboard(ctx: BotContext): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard();
  let inRow = 0;
  for (const entry of entries) {
    if (!(await entry.visible(ctx))) continue;
    keyboard.text(ctx.t(entry.labelKey), entry.callback);
    inRow += 1;
    if (inRow === 2) {
      keyboard.row();
      inRow = 0;
    }
  }
  return keyboard;
}

export async function showMainMenu(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("menu-title"), { reply_markup: await mainMenuKeyboard(ctx) });
}
