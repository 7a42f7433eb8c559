// The typed range of the period picker: "۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱" (any digits, "تا", "to" or a
// dash). Back or cancel return to the period picker.
import { report as buttons } from "../../../buttons";
import { hasBegun, MAX_CUSTOM_DAYS, parseCustomRange } from "../../../domain/report-period";
import { localizeDigits } from "../../../domain/text";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled, retry } from "../../flow-engine";
import { showPeriodPicker, showPeriodReport } from "./screens";
import { InlineKeyboard } from "grammy";
import { shared } from "../../../buttons";

interface RangeDraft {
  workingGroupId: number;
}

const navigation = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("button-back"), buttons.flowBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());

export const rangeFlow = defineFlow<RangeDraft>({
  name: "period-report-range",
  version: 1,
  backButton: buttons.flowBack,
  leave: (ctx, flow) => showPeriodPicker(ctx, flow.data.workingGroupId),
  steps: {
    range: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("report-ask-range"), { reply_markup: navigation(ctx) });
      },
      text: async (ctx, input, flow) => {
        const parsed = parseCustomRange(input);
        if ("problem" in parsed) return retry(`report-range-${parsed.problem.replace("_", "-")}`, { max: localizeDigits(String(MAX_CUSTOM_DAYS), ctx.locale) });
        if (!hasBegun(parsed.period, ctx.deps.now())) return retry("report-future");
        endFlow(ctx);
        await showPeriodReport(ctx, flow.data.workingGroupId, parsed.period);
        return handled;
      },
    },
  },
});
