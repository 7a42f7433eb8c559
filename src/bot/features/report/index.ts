// The producer's report of a problem (/report and the menu's button).
import { Composer } from "../../composer";
import { shared } from "../../../buttons";
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

/** Whether the user represents a unit (ctx.user holds them: no query). */
export const hasUnits = async (ctx: BotContext): Promise<boolean> => ctx.user.units.length > 0;

export const report: Feature = {
  name: "report",
  composer,
  commands: [{ command: "report", audience: "producer" }],
};
