// The questions of the triage flows (one per step) and the confirmation's summary.
import { InlineKeyboard } from "grammy";
import { desk, shared } from "../../../buttons";
import { CATEGORIES } from "../../../domain/categories";
import { addJalaliDays, endOfJalaliDay, formatJalaliDate, formatJalaliYMD, parseJalaliDate, todayInTehran } from "../../../domain/jalali";
import { REJECT_REASONS } from "../../../domain/reject-reasons";
import { fullName, localizeDigits, truncate } from "../../../domain/text";
import { URGENCIES } from "../../../domain/urgency";
import { localName } from "../../../i18n";
import { listPickerScreen, sortByName } from "../../presenters/picker";
import { agencyOfficials, assignmentNames, triageAgencies } from "../../../services/triage";
import type { BotContext } from "../../context";
import type { FlowState } from "../../flow-engine";
import { textLimits, type TriageDraft } from "./draft";

type Draft = FlowState<TriageDraft>;

const navigation = (ctx: BotContext, keyboard = new InlineKeyboard()) =>
  keyboard.row().text(ctx.t("button-back"), desk.flowBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());

const ask = (ctx: BotContext, key: string, args: Record<string, string | number>, keyboard?: InlineKeyboard) =>
  ctx.reply(ctx.t(key, args), { reply_markup: navigation(ctx, keyboard) });

export async function askText(ctx: BotContext, flow: Draft): Promise<void> {
  const draft = flow.data;
  const key = draft.action === "rej" ? `triage-ask-reject-${draft.reason === "not_in_remit" ? "responsible" : "text"}` : `triage-ask-${draft.action}`;
  await ask(ctx, key, { code: draft.code, max: localizeDigits(String(textLimits(draft).max), ctx.locale) });
}

/** The agencies the case may go to (the producer's choice and the usual ones first). */
export const agencyChoices = (ctx: BotContext, flow: Draft) => triageAgencies(ctx.deps, ctx.user, flow.data.caseId);
export const officialChoices = (ctx: BotContext, flow: Draft) => agencyOfficials(ctx.deps, flow.data.agencyId ?? 0);

/** The agency list: the suggested ones first, then the rest by name; a page at a time or what typed letters found. */
export async function agencyScreen(ctx: BotContext, flow: Draft) {
  const choices = await agencyChoices(ctx, flow);
  const ordered = [...choices.filter((agency) => agency.suggested), ...sortByName(choices.filter((agency) => !agency.suggested), ctx.locale)];
  const screen = listPickerScreen(ctx, ctx.t("triage-ask-agency", { code: flow.data.code }), ordered, flow.data, {
    pick: (agency) => desk.pickAgency.pack({ agencyId: agency.id }),
    turn: (page) => desk.agencyPage.pack({ page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

export async function askAgency(ctx: BotContext, flow: Draft): Promise<void> {
  const screen = await agencyScreen(ctx, flow);
  await ctx.reply(screen.text, { reply_markup: screen.keyboard });
}

export async function askOfficial(ctx: BotContext, flow: Draft): Promise<void> {
  const officials = await officialChoices(ctx, flow);
  const keyboard = new InlineKeyboard().text(ctx.t("triage-official-any"), desk.pickOfficial.pack({ officialId: "0" })).row();
  for (const official of officials) {
    const head = official.isAgencyHead ? ` (${ctx.t("invitations-head-label")})` : "";
    keyboard.text(truncate(fullName(official) + head, 60), desk.pickOfficial.pack({ officialId: String(official.id) })).row();
  }
  await ask(ctx, officials.length > 0 ? "triage-ask-official" : "triage-ask-official-none", {}, keyboard);
}

export async function askDue(ctx: BotContext): Promise<void> {
  const example = formatJalaliYMD(addJalaliDays(todayInTehran(ctx.deps.now()), 7));
  await ask(ctx, "triage-ask-due", { example: localizeDigits(example, ctx.locale) });
}

export async function askDuplicate(ctx: BotContext, flow: Draft): Promise<void> {
  await ask(ctx, "triage-ask-duplicate", { code: flow.data.code });
}

export async function askRejectReason(ctx: BotContext, flow: Draft): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const reason of REJECT_REASONS) keyboard.text(ctx.t(`triage-reject-reason-${reason}`), desk.pickRejectReason.pack({ reason })).row();
  await ask(ctx, "triage-ask-reject-reason", { code: flow.data.code }, keyboard);
}

export async function askCategory(ctx: BotContext, flow: Draft): Promise<void> {
  const keyboard = new InlineKeyboard();
  CATEGORIES.forEach((category, index) => {
    keyboard.text(ctx.t(`category-${category.id}`), desk.pickCategory.pack({ category: category.id }));
    if (index % 2 === 1) keyboard.row();
  });
  await ask(ctx, "triage-ask-category", { code: flow.data.code }, keyboard);
}

export async function askSubcategory(ctx: BotContext, flow: Draft): Promise<void> {
  const category = CATEGORIES.find((c) => c.id === flow.data.category);
  const keyboard = new InlineKeyboard().text(ctx.t("triage-subcategory-none"), desk.pickSubcategory.pack({ subcategory: "-" })).row();
  for (const sub of category?.subcategories ?? []) keyboard.text(ctx.t(`subcategory-${sub}`), desk.pickSubcategory.pack({ subcategory: sub })).row();
  await ask(ctx, "triage-ask-subcategory", {}, keyboard);
}

export async function askUrgency(ctx: BotContext, flow: Draft): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const urgency of URGENCIES) keyboard.text(ctx.t(`urgency-${urgency}`), desk.pickUrgency.pack({ urgency }));
  await ask(ctx, "triage-ask-urgency", { code: flow.data.code }, keyboard);
}

export async function askConfirm(ctx: BotContext, flow: Draft): Promise<void> {
  const keyboard = new InlineKeyboard().text(ctx.t("button-confirm"), desk.flowConfirm.pack());
  await ctx.reply(await summary(ctx, flow.data), { reply_markup: navigation(ctx, keyboard) });
}

async function summary(ctx: BotContext, draft: TriageDraft): Promise<string> {
  const args: Record<string, string> = { code: draft.code, text: draft.text ?? "" };
  switch (draft.action) {
    case "asg": {
      const { agency, official } = await assignmentNames(ctx.deps, draft.agencyId, draft.officialId);
      const due = draft.due ? parseJalaliDate(draft.due) : null;
      args.agency = agency ? localName(agency, ctx.locale) : "-";
      args.official = official ? fullName(official) : ctx.t("triage-official-any");
      args.due = due ? formatJalaliDate(endOfJalaliDay(due), ctx.locale, { weekday: true, monthName: true }) : "-";
      break;
    }
    case "dup":
      args.original = draft.original ?? "";
      break;
    case "rej":
      args.reason = ctx.t(`triage-reject-reason-${draft.reason ?? "other"}`);
      break;
    case "cat":
      args.category = draft.category
        ? ctx.t(`category-${draft.category}`) + (draft.subcategory ? ` — ${ctx.t(`subcategory-${draft.subcategory}`)}` : "")
        : "-";
      break;
    case "urg":
      args.urgency = ctx.t(`urgency-${draft.urgency ?? "normal"}`);
      break;
  }
  return ctx.t(`triage-confirm-${draft.action}`, args);
}
