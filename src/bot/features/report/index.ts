// The producer's report of a problem (/report and the menu's button).
import { Composer } from "grammy";
import { shared } from "../../../buttons";
import { representsAnyUnit } from "../../../services/units";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { reportFlow, startReport } from "./flow";

export { attachmentFrom } from "../../attachments";
export { startReport };

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.command("report", startReport);
chat.callbackQuery(shared.newReport.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startReport(ctx);
});
composer.use(reportFlow.composer);

export const hasUnits = (ctx: BotContext): Promise<boolean> => representsAnyUnit(ctx.deps, ctx.user.id);

export const report: Feature = {
  name: "report",
  composer,
  commands: [{ command: "report", audience: "producer" }],
};
