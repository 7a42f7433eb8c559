// The ledger of resolutions (secretariat): /resolutions, filtered by follow-up status, paged.
import { Composer } from "../../composer";
import { resolutions as buttons } from "../../../buttons";
import { LEDGER_FILTERS, listResolutions, type LedgerFilter } from "../../../services/resolutions";
import type { BotContext } from "../../context";
import { ledgerScreen } from "../../presenters/resolutions";
import { showScreen } from "../../reply";
import { secretariatGroupIds } from "../../secretariat";

const LEDGER_PAGE_SIZE = 8;

async function showLedger(ctx: BotContext, filter: LedgerFilter, page: number): Promise<void> {
  const result = await listResolutions(ctx.deps, secretariatGroupIds(ctx), filter, page, LEDGER_PAGE_SIZE);
  const screen = ledgerScreen(ctx, filter, result);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** Handlers for the secretariat only (the feature filters by role). */
export const ledger = new Composer<BotContext>();

ledger.command("resolutions", (ctx) => showLedger(ctx, "all", 0));
ledger.callbackQuery(buttons.ledger.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = buttons.ledger.unpack(ctx.callbackQuery.data);
  if (!p) return;
  await showLedger(ctx, LEDGER_FILTERS[Number(p.filter)] ?? "all", Math.min(Number(p.page), 10_000));
});
