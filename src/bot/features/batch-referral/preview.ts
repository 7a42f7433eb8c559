// The preview ("N cases of M units will be referred to <agency> with deadline D", the request,
// the filters) and the confirmation: the batch runs in the service, which re-checks every case;
// the clerk gets the result (what was referred, what was skipped and why) and a copy of the letter.
import { randomUUID } from "node:crypto";
import { InlineKeyboard, InputFile } from "grammy";
import { batch as B, desk, shared } from "../../../buttons";
import { endOfJalaliDay, formatJalaliDate, parseJalaliDate } from "../../../domain/jalali";
import { localizeDigits } from "../../../domain/text";
import { localName } from "../../../i18n";
import { batchByKey, batchChoices, batchLetterFor, BATCH_MAX_CASES, referBatch, selectCases, type BatchResult } from "../../../services/referrals";
import type { BotContext } from "../../context";
import { endFlow } from "../../flow";
import type { FlowState } from "../../flow-engine";
import { answerRefusal, refusedOr } from "../../reply";
import { filterLines, filterOf, type BatchDraft } from "./filters";

/** At most this many skipped cases are named in the result (the rest are counted). */
const SKIPPED_SHOWN = 20;

export async function showPreview(ctx: BotContext, flow: FlowState<BatchDraft>): Promise<void> {
  const d = flow.data;
  const due = d.due ? parseJalaliDate(d.due) : null;
  if (!d.workingGroupId || !d.agencyId || !d.request || !due) {
    await ctx.reply(ctx.t("flow-stale"));
    endFlow(ctx);
    return;
  }
  const found = await refusedOr(ctx, async () => {
    const selection = await selectCases(ctx.deps, ctx.user, d.workingGroupId ?? -1, filterOf(d), d.agencyId);
    const choices = await batchChoices(ctx.deps, ctx.user, d.workingGroupId ?? -1);
    return { selection, agency: choices.agencies.find((a) => a.id === d.agencyId), lines: await filterLines(ctx, d) };
  });
  if (!found) return;
  const { selection, agency, lines } = found;
  const keyboard = new InlineKeyboard();
  const edits: Array<[string, string]> = [
    ["filters", "batch-edit-filters"],
    ["agency", "batch-edit-agency"],
    ["request", "batch-edit-request"],
    ["deadline", "batch-edit-deadline"],
  ];
  const cases = selection.caseIds.length;
  if (agency && cases > 0 && cases <= BATCH_MAX_CASES) {
    d.caseIds = selection.caseIds;
    d.requestKey = randomUUID();
    keyboard.text(ctx.t("batch-confirm", { cases }), B.confirm.pack({ key: d.requestKey })).row();
  }
  edits.forEach(([step, key], index) => {
    keyboard.text(ctx.t(key), B.edit.pack({ step }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("button-cancel"), shared.flowCancel.pack());
  const key = !agency ? "batch-preview-no-agency" : cases === 0 ? "batch-preview-empty" : cases > BATCH_MAX_CASES ? "batch-preview-too-many" : "batch-preview";
  await ctx.reply(
    ctx.t(key, {
      cases,
      units: selection.units,
      agency: agency ? localName(agency, ctx.locale) : "—",
      due: formatJalaliDate(endOfJalaliDay(due), ctx.locale, { monthName: true, weekday: true }),
      request: d.request,
      filters: lines.join("\n"),
      max: BATCH_MAX_CASES,
    }),
    { reply_markup: keyboard },
  );
}

function resultText(ctx: BotContext, result: BatchResult): string {
  const due = formatJalaliDate(result.dueAt, ctx.locale, { monthName: true, weekday: true });
  const lines = [
    ctx.t(result.created ? "batch-done" : "batch-done-before", {
      number: localizeDigits(String(result.batchId), ctx.locale),
      cases: result.referred.length,
      units: result.units,
      agency: localName(result.agency, ctx.locale),
      due,
    }),
    result.officials > 0 ? ctx.t("batch-done-letter", { officials: result.officials }) : ctx.t("batch-done-no-officials"),
  ];
  if (result.skipped.length > 0) {
    lines.push(ctx.t("batch-skipped", { count: result.skipped.length }));
    for (const skip of result.skipped.slice(0, SKIPPED_SHOWN)) {
      lines.push(ctx.t(`batch-skipped-${skip.reason}`, { code: skip.trackingCode ?? localizeDigits(`#${skip.caseId}`, ctx.locale) }));
    }
    if (result.skipped.length > SKIPPED_SHOWN) lines.push(ctx.t("batch-skipped-more", { count: result.skipped.length - SKIPPED_SHOWN }));
  }
  return lines.join("\n");
}

/**
 * The confirm button, for the preview whose key it carries: the draft's batch runs once; a
 * second tap (or a tap after the flow ended) finds the batch the first made and says so.
 */
export async function confirmBatch(ctx: BotContext, key: string, current: FlowState<BatchDraft> | undefined): Promise<void> {
  const d = current?.data;
  let result: BatchResult | null;
  try {
    if (d && d.requestKey === key && d.workingGroupId && d.agencyId && d.request && d.due && d.caseIds) {
      await ctx.reply(ctx.t("batch-working", { cases: d.caseIds.length }));
      result = await referBatch(ctx.deps, ctx.user, {
        requestKey: key,
        workingGroupId: d.workingGroupId,
        filter: filterOf(d),
        caseIds: d.caseIds,
        agencyId: d.agencyId,
        request: d.request,
        dueDate: d.due,
      });
      endFlow(ctx);
    } else {
      result = await batchByKey(ctx.deps, ctx.user, key);
      if (!result) {
        await ctx.reply(ctx.t("flow-stale"));
        return;
      }
    }
  } catch (error) {
    await answerRefusal(ctx, error);
    return;
  }
  await ctx.reply(resultText(ctx, result), { reply_markup: new InlineKeyboard().text(ctx.t("batch-button-queue"), desk.queueHome.pack()) });
  if (result.created) {
    const letter = await batchLetterFor(ctx.deps, ctx.user, result.batchId, ctx.locale);
    await ctx.replyWithDocument(new InputFile(Buffer.from(letter.contentBase64, "base64"), letter.filename), {
      caption: ctx.t("batch-letter-copy"),
    });
  }
}
