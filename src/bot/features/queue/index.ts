// Scope: private chats; the queue's readers: secretariat and admins of a working group (who
// work it) and its chair (reads only). /queue: the group's open cases, most urgent first then
// oldest, with filters by status, subject and agency (list.ts); the case card with every
// detail, the files on request and the timeline (card.ts). The card's triage buttons are the
// triage feature's. In a group chat, an alert's "open" button opens the card in private.
import { Composer } from "../../composer";
import { desk, shared } from "../../../buttons";
import { isCountyDesk, isEmptyScope, queueGroups } from "../../../services/authz";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { staffOnly } from "../../staff-only";
import { card, showCaseCard } from "./card";
import { list } from "./list";

/** Secretariat, admins and chairs of some working group, and county desks (their county's cases). */
export const isQueueReader = (ctx: BotContext): boolean => !isEmptyScope(queueGroups(ctx.user)) || isCountyDesk(ctx.user);

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter(isQueueReader).use(list, card);

// Anyone else (an old message, forged data): refused, without a hint of what is there.
chat.command("queue", staffOnly("queue"));
chat.callbackQuery([desk.queueHome, desk.queueGroups, desk.queueList, desk.filterStatus, desk.filterCategory, desk.filterAgency, desk.filterCounty].map((b) => b.filter), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-allowed"));
});
chat.callbackQuery([shared.queueCase.filter, desk.caseFiles.filter], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("error-not-found"));
});

// An alert in the secretariat's group chat: the card (with the producer's phone) opens in the
// member's private chat with the bot, never in the group.
composer.chatType(["group", "supergroup"]).callbackQuery(shared.queueCase.filter, async (ctx) => {
  const p = shared.queueCase.unpack(ctx.callbackQuery.data);
  if (!p) return ctx.answerCallbackQuery();
  await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=case_${p.caseId}` });
});

export const queue: Feature = {
  name: "queue",
  composer,
  commands: [{ command: "queue", audience: "secretariat", alsoFor: ["chair", "county"] }],
  menu: [{ labelKey: "queue-menu", callback: desk.queueHome.pack(), visible: isQueueReader }],
  startPayloads: [
    {
      // t.me/<bot>?start=case_<id>, from an alert in the group chat.
      prefix: "case_",
      handle: async (ctx, rest) => {
        if (!/^[1-9]\d{0,8}$/.test(rest)) return false;
        await showCaseCard(ctx, Number(rest));
        return true;
      },
    },
  ],
};
