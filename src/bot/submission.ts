// Submitting a report draft so that it is never doubled and its producer always learns the
// code. The draft gets a submission key when it is created (withSubmissionKey); submitting
// goes through submitReport, which confirms the case only after the reply with the code was
// sent. Until then the case is "unconfirmed" in PostgreSQL, and tellUnconfirmed (run before
// every private update, src/bot/middlewares/submissions.ts) tells the producer the code first.
import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import { shared } from "../buttons";
import { submitCase } from "../services/cases";
import { confirmSubmission, unconfirmedSubmissions } from "../services/submissions";
import type { Urgency } from "../domain/urgency";
import type { BotContext, Flow } from "./context";
import { endFlow } from "./flow";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The data of a new report draft, with its submission key. */
export function withSubmissionKey<T extends Record<string, unknown>>(data: T): T & { submissionKey: string } {
  return { ...data, submissionKey: randomUUID() };
}

function submissionKeyOf(flow: Flow | undefined): string | undefined {
  const key = flow?.data.submissionKey;
  return typeof key === "string" && UUID.test(key) ? key : undefined;
}

async function replyWithCode(ctx: BotContext, key: string, code: string): Promise<void> {
  await ctx.reply(ctx.t(key, { code }), {
    reply_markup: new InlineKeyboard().text(ctx.t("menu-my-cases"), shared.myCasesPage.pack({ page: 0 })),
  });
}

const submittedKey = (urgency: Urgency) => (urgency === "critical" ? "report-submitted-critical" : "report-submitted");

/**
 * Submits the report flow's draft (`input`: the fields of CaseDraftSchema), ends the flow and
 * tells the code. Errors of submitCase reach the caller unchanged (the draft is kept).
 */
export async function submitReport(ctx: BotContext, flow: Flow, input: Record<string, unknown>): Promise<void> {
  // A draft from before submission keys gets one now (kept in the draft if the submit fails).
  const submissionKey = submissionKeyOf(flow) ?? (flow.data.submissionKey = randomUUID());
  const submitted = await submitCase(ctx.deps, ctx.user.id, input, { submissionKey });
  endFlow(ctx);
  ctx.logger.info(
    { caseId: submitted.caseId, urgency: submitted.urgency, repeated: submitted.repeated },
    submitted.repeated ? "draft submitted again: answered with its case" : "case submitted",
  );
  await replyWithCode(ctx, submittedKey(submitted.urgency), submitted.trackingCode);
  // Only now has the producer seen the code; had we died before, the next update tells them.
  await confirmSubmission(ctx.deps, submitted.caseId);
}

/**
 * Tells the user the codes of their submissions that were never confirmed to them (the bot
 * died between the commit and the reply), then confirms them. A draft still in the session
 * whose key made one of those cases is finished: it ends, so it cannot be submitted again.
 */
export async function tellUnconfirmed(ctx: BotContext): Promise<void> {
  const pending = await unconfirmedSubmissions(ctx.deps, ctx.user.id, ctx.reads?.submissions);
  if (pending.length === 0) return;
  const draftKey = submissionKeyOf(ctx.session.flow);
  if (draftKey && pending.some((item) => item.submissionKey === draftKey)) endFlow(ctx);
  for (const item of pending) {
    ctx.logger.info({ caseId: item.caseId }, "telling the producer the code of an unconfirmed submission");
    await replyWithCode(ctx, "report-submitted-earlier", item.trackingCode);
    await confirmSubmission(ctx.deps, item.caseId);
  }
}
