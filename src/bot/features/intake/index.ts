// Assisted intake (/intake, issue 13 item 5): the secretariat files a case for a producer who
// came in person or wrote a letter — the unit by its national id (or registered here with no
// representative), the subject, the description, how the producer came and their name — and
// gets the tracking code and a single-use link that makes the producer the unit's
// representative and the case's reporter (src/services/intake.ts, representatives.ts). A county
// desk files the same way for its county's units; a unit it registers goes to its county.
import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import { Composer } from "../../composer";
import { intake as B, shared } from "../../../buttons";
import { CATEGORY_IDS, isCategoryId } from "../../../domain/categories";
import { normalizeText, parseInteger } from "../../../domain/text";
import { ActivityStatus, Sector } from "../../../generated/prisma/enums";
import { localName } from "../../../i18n";
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from "../../../services/cases";
import { cleanName, fileOnBehalf, intakeCountyChoices, intakeUnit, PRODUCER_NAME_MAX, PRODUCER_NAME_MIN, UNIT_NAME_MAX, UNIT_NAME_MIN, type IntakeChannel } from "../../../services/intake";
import { representativeLink } from "../../../services/representatives";
import { countyDeskGroups, isCountyDesk } from "../../../services/authz";
import type { BotContext } from "../../context";
import type { Feature } from "../../feature";
import { endFlow } from "../../flow";
import { defineFlow, handled, next, on, retry, retryOnRefusal, type FlowState } from "../../flow-engine";
import { clearPick, pickStep, turnList } from "../../pick-steps";
import { sortByName, type PickState } from "../../presenters/picker";
import { answerRefusal, refusedOr } from "../../reply";
import { isSecretariat, secretariatGroupScreen, soleSecretariatGroup, worksGroup } from "../../secretariat";
import { staffOnly } from "../../staff-only";

interface IntakeDraft extends PickState {
  workingGroupId?: number;
  legalId?: string;
  unitId?: number | null;
  unitName?: string;
  countyId?: number;
  sector?: Sector;
  activity?: ActivityStatus;
  employees?: number;
  category?: string;
  description?: string;
  channel?: IntakeChannel;
  producerName?: string;
  submissionKey?: string;
}

const SECTORS = Object.values(Sector);
const ACTIVITIES = Object.values(ActivityStatus);

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.back.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function ask(ctx: BotContext, key: string, keyboard?: InlineKeyboard, args?: Record<string, string | number>) {
  await ctx.reply(ctx.t(key, args), { reply_markup: navigation(ctx, keyboard) });
}

function buttons<T extends string>(ctx: BotContext, values: readonly T[], label: (v: T) => string, pack: (v: T) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  values.forEach((value, index) => {
    keyboard.text(label(value), pack(value));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard;
}

async function groupScreen(ctx: BotContext, flow: FlowState<IntakeDraft>) {
  const screen = await secretariatGroupScreen(ctx, ctx.t("intake-ask-group"), flow.data, {
    pick: (groupId) => B.group.pack({ groupId }),
    turn: (section, page) => B.groupPage.pack({ section, page }),
  });
  return { text: screen.text, keyboard: navigation(ctx, screen.keyboard) };
}

const intakeFlow = defineFlow<IntakeDraft>({
  name: "intake",
  version: 1,
  backButton: B.back,
  steps: {
    group: pickStep(groupScreen, "group"),
    legal_id: {
      ask: (ctx) => ask(ctx, "intake-ask-legal-id"),
      async text(ctx, text, flow) {
        try {
          const found = await intakeUnit(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1, text);
          flow.data.legalId = found.legalId;
          flow.data.unitId = found.unit?.id ?? null;
          flow.data.unitName = found.unit?.name;
          if (found.unit) await ctx.reply(ctx.t("intake-unit-found", { unit: found.unit.name }));
          return next(found.unit ? "category" : "unit_name");
        } catch (error) {
          return retryOnRefusal(error);
        }
      },
    },
    unit_name: {
      ask: (ctx) => ask(ctx, "intake-ask-unit-name"),
      async text(ctx, text, flow) {
        try {
          flow.data.unitName = cleanName(text, UNIT_NAME_MIN, UNIT_NAME_MAX);
          // A county desk's new unit is in its county: nothing to ask when it serves one.
          const counties = await intakeCountyChoices(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1);
          const only = counties.length === 1 && !worksGroup(ctx, flow.data.workingGroupId ?? -1) ? counties[0] : undefined;
          if (only) {
            flow.data.countyId = only.id;
            await ctx.reply(ctx.t("county-desk-unit-county", { county: localName(only, ctx.locale) }));
            return next("sector");
          }
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("county");
      },
    },
    county: {
      async ask(ctx, flow) {
        const choices = await refusedOr(ctx, () => intakeCountyChoices(ctx.deps, ctx.user, flow.data.workingGroupId ?? -1));
        if (!choices) return;
        const counties = sortByName(choices, ctx.locale);
        const keyboard = buttons(ctx, counties.map((c) => String(c.id)), (id) => localName(counties.find((c) => String(c.id) === id)!, ctx.locale), (id) => B.county.pack({ countyId: Number(id) }));
        await ask(ctx, "intake-ask-county", keyboard);
      },
    },
    sector: { ask: (ctx) => ask(ctx, "intake-ask-sector", buttons(ctx, SECTORS, (s) => ctx.t(`sector-${s}`), (sector) => B.sector.pack({ sector }))) },
    activity: { ask: (ctx) => ask(ctx, "intake-ask-activity", buttons(ctx, ACTIVITIES, (s) => ctx.t(`activity-${s}`), (status) => B.activity.pack({ status }))) },
    employees: {
      ask: (ctx) => ask(ctx, "intake-ask-employees"),
      async text(_ctx, text, flow) {
        const employees = parseInteger(text);
        if (employees === null || employees < 0 || employees > 1_000_000) return retry("intake-error-invalid_employees");
        flow.data.employees = employees;
        return next("category");
      },
    },
    category: { ask: (ctx) => ask(ctx, "intake-ask-category", buttons(ctx, CATEGORY_IDS, (c) => ctx.t(`category-${c}`), (category) => B.category.pack({ category }))) },
    description: {
      ask: (ctx) => ask(ctx, "intake-ask-description", undefined, { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
      async text(_ctx, text, flow) {
        const description = normalizeText(text);
        if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX) return retry("intake-error-description", { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX });
        flow.data.description = description;
        return next("channel");
      },
    },
    channel: { ask: (ctx) => ask(ctx, "intake-ask-channel", buttons(ctx, ["in_person", "letter"] as const, (c) => ctx.t(`intake-channel-${c}`), (channel) => B.channel.pack({ channel }))) },
    producer: {
      ask: (ctx) => ask(ctx, "intake-ask-producer"),
      async text(_ctx, text, flow) {
        try {
          flow.data.producerName = cleanName(text, PRODUCER_NAME_MIN, PRODUCER_NAME_MAX);
        } catch (error) {
          return retryOnRefusal(error);
        }
        return next("review");
      },
    },
    review: {
      async ask(ctx, flow) {
        const d = flow.data;
        d.submissionKey ??= randomUUID();
        const keyboard = new InlineKeyboard().text(ctx.t("intake-confirm"), B.confirm.pack());
        await ask(ctx, "intake-review", keyboard, {
          unit: d.unitName ?? "—",
          category: ctx.t(`category-${d.category ?? "other"}`),
          description: d.description ?? "",
          channel: ctx.t(`intake-channel-${d.channel ?? "in_person"}`),
          producer: d.producerName ?? "",
        });
      },
    },
  },
  buttons: [
    on(B.groupPage, async (ctx, p, flow) => (flow.step === "group" ? turnList(ctx, flow, p, () => groupScreen(ctx, flow)) : handled)),
    on(B.group, async (ctx, { groupId }, flow) => {
      if (!worksGroup(ctx, groupId)) return handled;
      flow.data.workingGroupId = groupId;
      clearPick(flow.data);
      return next("legal_id");
    }),
    on(B.county, async (_ctx, { countyId }, flow) => {
      flow.data.countyId = countyId;
      return next("sector");
    }),
    on(B.sector, async (_ctx, { sector }, flow) => {
      if (!(SECTORS as string[]).includes(sector)) return handled;
      flow.data.sector = sector as Sector;
      return next("activity");
    }),
    on(B.activity, async (_ctx, { status }, flow) => {
      if (!(ACTIVITIES as string[]).includes(status)) return handled;
      flow.data.activity = status as ActivityStatus;
      return next("employees");
    }),
    on(B.category, async (_ctx, { category }, flow) => {
      if (!isCategoryId(category)) return handled;
      flow.data.category = category;
      return next("description");
    }),
    on(B.channel, async (_ctx, { channel }, flow) => {
      flow.data.channel = channel;
      return next("producer");
    }),
    on(B.confirm, async (ctx, _p, flow) => {
      if (flow.step !== "review") return handled;
      await file(ctx, flow.data);
      return handled;
    }),
  ],
});

async function file(ctx: BotContext, d: IntakeDraft): Promise<void> {
  if (!d.workingGroupId || !d.legalId || !d.category || !d.description || !d.channel || !d.producerName || !d.submissionKey) {
    endFlow(ctx);
    await ctx.reply(ctx.t("flow-stale"));
    return;
  }
  try {
    const filed = await fileOnBehalf(ctx.deps, ctx.user, {
      workingGroupId: d.workingGroupId,
      unitId: d.unitId ?? null,
      newUnit: d.unitId
        ? null
        : { legalId: d.legalId, name: d.unitName ?? "", countyId: d.countyId ?? -1, sector: d.sector ?? "INDUSTRY", activityStatus: d.activity ?? "ACTIVE", employees: d.employees ?? -1 },
      category: d.category,
      description: d.description,
      channel: d.channel,
      producerName: d.producerName,
      submissionKey: d.submissionKey,
    });
    endFlow(ctx);
    await ctx.reply(
      ctx.t("intake-filed", { code: filed.trackingCode, producer: filed.producerName, link: representativeLink(ctx.me.username, filed.code) }),
      { reply_markup: new InlineKeyboard().text(ctx.t("button-open-case"), shared.queueCase.pack({ caseId: filed.caseId })) },
    );
  } catch (error) {
    await answerRefusal(ctx, error);
  }
}

/** The secretariat and county desks (their county's units) file on a producer's behalf. */
const mayFile = (ctx: BotContext): boolean => isSecretariat(ctx) || isCountyDesk(ctx.user);

async function startIntake(ctx: BotContext): Promise<void> {
  if (!mayFile(ctx)) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  // A county desk (with no secretariat role) files in the group of its (first) county.
  const single = isSecretariat(ctx) ? soleSecretariatGroup(ctx) : countyDeskGroups(ctx.user).ids[0];
  await intakeFlow.start(ctx, single ? "legal_id" : "group", single ? { workingGroupId: single } : {});
}

const composer = new Composer<BotContext>();
const chat = composer.chatType("private");
chat.filter((ctx) => !mayFile(ctx)).command("intake", staffOnly("intake"));
const staff = chat.filter(mayFile);
staff.command("intake", startIntake);
staff.callbackQuery(B.start.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startIntake(ctx);
});
composer.use(intakeFlow.composer);

export const intake: Feature = {
  name: "intake",
  composer,
  commands: [{ command: "intake", audience: "secretariat", alsoFor: ["county"] }],
  menu: [{ labelKey: "intake-menu", callback: B.start.pack(), visible: mayFile }],
};
