// Scope: private chats; the chair, secretariat and admins of a working group (read only).
// /stats: the group's numbers for this Jalali month, this season (the quarterly report) or
// this year — cases, meetings and resolutions, the agencies' performance worst first with the
// overdue resolutions by agency, producers' ratings — and the agency table as a CSV file
// (report.ts; the text in src/bot/presenters/statistics.ts, the numbers from
// src/services/statistics). Everyone else is told plainly that it is not for them.
import { Composer } from "../../composer";
import { statistics as buttons } from "../../../buttons";
import { isEmptyScope } from "../../../services/authz";
import { statisticsGroups } from "../../../services/statistics";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { report } from "./report";

export const canReadAnyStatistics = (ctx: BotContext): boolean => !isEmptyScope(statisticsGroups(ctx.user));

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");

chat.filter(canReadAnyStatistics).use(report);

// Anyone else (a producer, an official, a revoked chair, forged data): refused.
chat.command("stats", staffOnly("stats"));
chat.callbackQuery([buttons.home.filter, buttons.groups.filter, buttons.report.filter, buttons.file.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});

export const statistics: Feature = {
  name: "statistics",
  composer,
  commands: [{ command: "stats", audience: "chair", alsoFor: ["secretariat"] }],
  menu: [{ labelKey: "stats-menu", callback: buttons.home.pack(), visible: canReadAnyStatistics }],
};
