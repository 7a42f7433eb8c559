// Invitees (members and unit representatives): the RSVP buttons on an invitation — attending,
// a delegate (asks the delegate's name), cannot attend. The server checks that the presser is
// the invitee and that the meeting is still scheduled.
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { shared } from "../../../buttons";
import { normalizeText } from "../../../domain/text";
import type { Rsvp } from "../../../generated/prisma/enums";
import { answerInvitation, DELEGATE_NAME_MAX, inviteeOf, meetingWhen, RSVP_CODES } from "../../../services/meetings";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import { defineFlow, handled } from "../../flow-engine";
import { titleOf } from "../../presenters/meetings";
import { refusedOr } from "../../reply";

async function saveRsvp(ctx: BotContext, inviteeId: number, answer: Rsvp, delegateName: string | null): Promise<void> {
  const result = await refusedOr(ctx, () => answerInvitation(ctx.deps, ctx.user.id, inviteeId, answer, delegateName));
  if (!result) return;
  await ctx.reply(
    ctx.t(`meetings-rsvp-saved-${answer}`, {
      title: titleOf(ctx, result.title),
      when: meetingWhen(ctx.locale, result.startsAt),
      delegate: delegateName ?? "",
    }),
  );
}

const delegateFlow = defineFlow<{ inviteeId: number }>({
  name: "meeting-delegate",
  version: 1,
  steps: {
    name: {
      ask: async (ctx) => {
        await ctx.reply(ctx.t("meetings-ask-delegate", { max: DELEGATE_NAME_MAX }), {
          reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), shared.flowCancel.pack()),
        });
      },
      text: async (ctx, text, flow) => {
        const name = normalizeText(text);
        if (name.length < 2 || name.length > DELEGATE_NAME_MAX) {
          await ctx.reply(ctx.t("meetings-invalid-delegate", { max: DELEGATE_NAME_MAX }));
          return handled;
        }
        endFlow(ctx);
        await saveRsvp(ctx, flow.data.inviteeId, "DELEGATE", name);
        return handled;
      },
    },
  },
});

/** Anyone invited (the feature does not filter by role: the invitee row is checked). */
export const rsvp = new Composer<BotContext>();
rsvp.use(delegateFlow.composer);

rsvp.callbackQuery(shared.meetingRsvp.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const p = shared.meetingRsvp.unpack(ctx.callbackQuery.data);
  if (!p) return;
  const invitee = await inviteeOf(ctx.deps, ctx.user.id, p.inviteeId);
  if (!invitee) {
    await ctx.reply(ctx.t("meetings-error-forbidden"));
    return;
  }
  if (invitee.meeting.status !== "SCHEDULED") {
    await ctx.reply(ctx.t("meetings-error-not_scheduled"));
    return;
  }
  if (p.answer === "d") {
    await delegateFlow.start(ctx, "name", { inviteeId: p.inviteeId });
    return;
  }
  await saveRsvp(ctx, p.inviteeId, RSVP_CODES[p.answer], null);
});
