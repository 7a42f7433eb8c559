/**
 * A flow's step that picks from a long list (src/bot/presenters/picker.ts): typed letters
 * narrow the list, a page or tab button edits the list's message in place, a choice made
 * forgets where the list was. The list's place lives in the flow's data (PickState).
 */
import type { InlineKeyboard } from "grammy";
import type { BotContext } from "./context";
import { handled, next, retry, type FlowState, type StepResult } from "./flow-engine";
import { readQuery, type GroupSection, type PickState } from "./presenters/picker";
import { showScreen } from "./reply";

export interface PickScreen {
  text: string;
  keyboard: InlineKeyboard;
}

/** The step's text handler: the letters typed are searched (the step asks again with what they found). */
export function searchList(step: string) {
  return async (_ctx: BotContext, text: string, flow: FlowState<PickState>): Promise<StepResult> => {
    const query = readQuery(text);
    if (!query) return retry("expected-button");
    flow.data.pickQuery = query;
    delete flow.data.pickPage;
    return next(step);
  };
}

/** A picking step: asks with the list's screen (a new message) and searches what is typed. */
export function pickStep<F extends FlowState<PickState>>(screen: (ctx: BotContext, flow: F) => Promise<PickScreen>, step: string) {
  return {
    async ask(ctx: BotContext, flow: F): Promise<void> {
      const shown = await screen(ctx, flow);
      await ctx.reply(shown.text, { reply_markup: shown.keyboard });
    },
    text: searchList(step),
  };
}

/** A page or tab turned, or the whole list again after a search: the list's message, edited. */
export async function turnList(ctx: BotContext, flow: FlowState<PickState>, at: { page: number; section?: GroupSection }, screen: () => Promise<PickScreen>): Promise<StepResult> {
  flow.data.pickPage = at.page;
  if (at.section) flow.data.pickSection = at.section;
  delete flow.data.pickQuery;
  const shown = await screen();
  await showScreen(ctx, shown.text, shown.keyboard);
  return handled;
}

/** A choice made: the flow's next list starts whole, at its first page. */
export function clearPick(data: PickState): void {
  delete data.pickPage;
  delete data.pickQuery;
  delete data.pickSection;
}
