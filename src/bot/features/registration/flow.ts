// Scope: private chats; anyone (a producer-to-be). /register: the user's own phone number by
// contact sharing, then the production unit: name, legal-entity ID, licence, working group,
// county, industrial estate (when the group lists any), sector, activity status, employees; a
// summary to confirm. One person may represent
// several units; joining an already registered unit goes through the secretariat.
import { InlineKeyboard, Keyboard } from "grammy";
import { parseIranianMobile, parseLegalEntityId } from "../../../domain/identifiers";
import { pageWindow } from "../../../domain/pagination";
import { isRefusal } from "../../../domain/refusal";
import { findByName, localizeDigits, parseInteger, readFreeText } from "../../../domain/text";
import { localName } from "../../../i18n";
import { allWorkingGroups, countiesOf, countyNamed, countyOf, estateOf, estatesOf, legalIdStatus, registerUnit, verifyPhone, workingGroupById } from "../../../services/units";
import { ACTIVITY_STATUSES, SECTORS } from "../../../buttons/producer";
import { producer as B, shared } from "../../../buttons";
import type { BotContext } from "../../context";
import { defineFlow, handled, next, on, retry, type DefinedFlow, type FlowState, type StepResult } from "../../flow-engine";
import { showMainMenu } from "../../menu";

const GROUPS_PER_PAGE = 12;
const NAME_MIN = 3;
const NAME_MAX = 120;
const COUNTY_MAX = 60;
const EMPLOYEES_MAX = 100_000;

interface RegistrationData {
  name?: string;
  legalId?: string;
  licenceNo?: string | null;
  workingGroupId?: number;
  county?: string;
  /** The industrial estate chosen (null: not in one; asked only where the group lists estates). */
  industrialEstateId?: number | null;
  sector?: (typeof SECTORS)[number];
  activityStatus?: (typeof ACTIVITY_STATUSES)[number];
  employees?: number;
  /** Go on to the report wizard once the unit is saved. */
  thenReport?: boolean;
  /** Counties matching a typed search, shown as buttons instead of all of them. */
  countyMatches?: number[];
}
type State = FlowState<RegistrationData>;

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), B.registerBack.pack()).text(ctx.t("button-cancel"), shared.flowCancel.pack());
}

async function askWorkingGroup(ctx: BotContext, page: number): Promise<void> {
  const groups = await allWorkingGroups(ctx.deps);
  const { page: current, pages, offset } = pageWindow(groups.length, GROUPS_PER_PAGE, page);
  const keyboard = new InlineKeyboard();
  groups.slice(offset, offset + GROUPS_PER_PAGE).forEach((group, index) => {
    keyboard.text(localName(group, ctx.locale), B.registerGroup.pack({ groupId: group.id }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (current > 0) keyboard.text(ctx.t("button-previous"), B.registerGroupPage.pack({ page: current - 1 }));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), B.registerGroupPage.pack({ page: current + 1 }));
  await ctx.reply(ctx.t("register-ask-working-group"), { reply_markup: navigation(ctx, keyboard) });
}

/** After the county: the industrial estate when the group lists any, else the sector. */
async function afterCounty(ctx: BotContext, flow: State): Promise<StepResult> {
  const estates = await estatesOf(ctx.deps, flow.data.workingGroupId ?? 0);
  if (estates.length > 0) return next("estate");
  flow.data.industrialEstateId = null;
  return next("sector");
}

/** The county from a typed name: one match is taken, several are offered, none is refused. */
async function countyFromText(ctx: BotContext, text: string, flow: State): Promise<StepResult> {
  const read = readFreeText(text, { min: 2, max: COUNTY_MAX, needsLetters: true });
  if (!read.ok) return retry("register-county-invalid");
  const counties = await countiesOf(ctx.deps, flow.data.workingGroupId ?? 0);
  // A group without seeded counties takes the typed name as it is.
  if (counties.length === 0) {
    flow.data.county = read.value;
    return afterCounty(ctx, flow);
  }
  const matches = findByName(counties, read.value);
  if (matches.length === 1 && matches[0]) {
    flow.data.county = matches[0].nameFa;
    delete flow.data.countyMatches;
    return afterCounty(ctx, flow);
  }
  if (matches.length === 0) return retry("register-county-not-found", { query: read.value });
  flow.data.countyMatches = matches.map((county) => county.id);
  return retry("register-county-several", { count: localizeDigits(String(matches.length), ctx.locale) });
}

async function save(ctx: BotContext, flow: State): Promise<StepResult> {
  const { name, legalId, workingGroupId, county, sector, activityStatus, employees } = flow.data;
  if (!name || !legalId || !workingGroupId || !county || !sector || !activityStatus || employees === undefined) {
    await ctx.reply(ctx.t("register-incomplete"));
    return next("name");
  }
  try {
    const unit = await registerUnit(ctx.deps, ctx.user.id, {
      name,
      legalId,
      licenceNo: flow.data.licenceNo ?? null,
      workingGroupId,
      county,
      industrialEstateId: flow.data.industrialEstateId ?? null,
      sector,
      activityStatus,
      employees,
    });
    // The rest of this update (the menu, a report that follows) sees the new unit too.
    ctx.user.units.push({ id: unit.id, name, workingGroupId });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // Someone registered this legal ID meanwhile: ask for it again.
    await ctx.reply(ctx.t(error.messageKey));
    return next("legal_id");
  }
  ctx.session.flow = undefined;
  ctx.logger.info({ workingGroupId }, "production unit registered");
  await ctx.reply(ctx.t("register-done", { name }), { reply_markup: new InlineKeyboard().text(ctx.t("menu-report"), shared.newReport.pack()) });
  if (!flow.data.thenReport) await showMainMenu(ctx);
  return handled;
}

export const registrationFlow: DefinedFlow<RegistrationData> = defineFlow<RegistrationData>({
  name: "register",
  version: 2,
  backButton: B.registerBack,
  leave: async (ctx) => {
    await ctx.reply(ctx.t("cancel-done"), { reply_markup: { remove_keyboard: true } });
    await showMainMenu(ctx);
  },
  steps: {
    phone: {
      async ask(ctx) {
        const keyboard = new Keyboard().requestContact(ctx.t("register-share-phone")).resized().oneTime();
        await ctx.reply(ctx.t("register-ask-phone"), { reply_markup: keyboard });
      },
      text: async () => retry("register-phone-use-button"),
      async message(ctx) {
        const contact = ctx.message.contact;
        if (!contact) return retry("register-phone-use-button");
        // Only the user's own number: a forwarded contact carries someone else's user_id (or none).
        if (contact.user_id !== ctx.from.id) return retry("register-phone-not-own");
        const phone = parseIranianMobile(contact.phone_number);
        if (!phone) return retry("register-phone-invalid");
        await verifyPhone(ctx.deps, ctx.user.id, phone);
        ctx.user.phone = phone;
        await ctx.reply(ctx.t("register-phone-saved"), { reply_markup: { remove_keyboard: true } });
        return next("name");
      },
    },
    name: {
      ask: (ctx) => ctx.reply(ctx.t("register-ask-name"), { reply_markup: navigation(ctx) }).then(() => undefined),
      async text(_ctx, text, flow) {
        const read = readFreeText(text, { min: NAME_MIN, max: NAME_MAX, needsLetters: true });
        if (!read.ok) return retry(read.problem === "no_letters" ? "register-name-letters" : "register-name-invalid", { min: NAME_MIN, max: NAME_MAX });
        flow.data.name = read.value;
        return next("legal_id");
      },
    },
    legal_id: {
      ask: (ctx) => ctx.reply(ctx.t("register-ask-legal-id"), { reply_markup: navigation(ctx) }).then(() => undefined),
      async text(ctx, text, flow) {
        const parsed = parseLegalEntityId(text);
        if (!parsed.ok) return retry(parsed.reason === "format" ? "register-legal-id-format" : "register-legal-id-checksum");
        const status = await legalIdStatus(ctx.deps, ctx.user.id, parsed.value);
        // Joining an existing unit needs the secretariat's check, not just knowing its ID.
        if (status !== "free") return retry(status === "yours" ? "register-legal-id-yours" : "register-legal-id-taken");
        flow.data.legalId = parsed.value;
        return next("licence");
      },
    },
    licence: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard().text(ctx.t("button-skip"), B.registerLicenceSkip.pack());
        await ctx.reply(ctx.t("register-ask-licence"), { reply_markup: navigation(ctx, keyboard) });
      },
      async text(_ctx, text, flow) {
        const read = readFreeText(text, { min: 2, max: 40 });
        if (!read.ok || !/^[\p{L}\p{N}/\-\s]{2,40}$/u.test(read.value)) return retry("register-licence-invalid");
        flow.data.licenceNo = read.value;
        return next("working_group");
      },
    },
    working_group: { ask: (ctx) => askWorkingGroup(ctx, 0) },
    county: {
      async ask(ctx, flow) {
        const all = await countiesOf(ctx.deps, flow.data.workingGroupId ?? 0);
        const shown = flow.data.countyMatches ? all.filter((county) => flow.data.countyMatches?.includes(county.id)) : all;
        const keyboard = new InlineKeyboard();
        shown.forEach((county, index) => {
          keyboard.text(localName(county, ctx.locale), B.registerCounty.pack({ countyId: county.id }));
          if (index % 3 === 2) keyboard.row();
        });
        await ctx.reply(ctx.t(all.length > 0 ? "register-ask-county-choose" : "register-ask-county"), { reply_markup: navigation(ctx, keyboard) });
      },
      text: (ctx, text, flow) => countyFromText(ctx, text, flow),
    },
    estate: {
      async ask(ctx, flow) {
        const keyboard = new InlineKeyboard();
        for (const estate of await estatesOf(ctx.deps, flow.data.workingGroupId ?? 0)) {
          keyboard.text(localName(estate, ctx.locale), B.registerEstate.pack({ estateId: estate.id })).row();
        }
        keyboard.text(ctx.t("admin-register-estate-none"), B.registerEstateNone.pack());
        await ctx.reply(ctx.t("admin-register-ask-estate"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    sector: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        SECTORS.forEach((sector, index) => {
          keyboard.text(ctx.t(`sector-${sector}`), B.registerSector.pack({ sector }));
          if (index % 2 === 1) keyboard.row();
        });
        await ctx.reply(ctx.t("register-ask-sector"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    activity: {
      async ask(ctx) {
        const keyboard = new InlineKeyboard();
        for (const status of ACTIVITY_STATUSES) keyboard.text(ctx.t(`activity-${status}`), B.registerActivity.pack({ status }));
        await ctx.reply(ctx.t("register-ask-activity"), { reply_markup: navigation(ctx, keyboard) });
      },
    },
    employees: {
      ask: (ctx) => ctx.reply(ctx.t("register-ask-employees"), { reply_markup: navigation(ctx) }).then(() => undefined),
      async text(_ctx, text, flow) {
        const count = parseInteger(text);
        if (count === null || count < 0 || count > EMPLOYEES_MAX) return retry("register-employees-invalid");
        flow.data.employees = count;
        return next("confirm");
      },
    },
    confirm: {
      async ask(ctx, flow) {
        const { data } = flow;
        const group = await workingGroupById(ctx.deps, data.workingGroupId ?? 0);
        const summary = ctx.t("register-summary", {
          name: data.name ?? "",
          legalId: localizeDigits(data.legalId ?? "", ctx.locale),
          licence: data.licenceNo ? localizeDigits(data.licenceNo, ctx.locale) : ctx.t("register-licence-none"),
          group: group ? localName(group, ctx.locale) : "",
          county: data.county ? localName(await countyNamed(ctx.deps, data.workingGroupId ?? 0, data.county), ctx.locale) : "",
          sector: ctx.t(`sector-${data.sector ?? "INDUSTRY"}`),
          activity: ctx.t(`activity-${data.activityStatus ?? "ACTIVE"}`),
          employees: localizeDigits(String(data.employees ?? 0), ctx.locale),
        });
        const estate = data.industrialEstateId ? await estateOf(ctx.deps, data.workingGroupId ?? 0, data.industrialEstateId) : null;
        const text = estate ? `${summary}\n${ctx.t("admin-field-estate", { estate: localName(estate, ctx.locale) })}` : summary;
        await ctx.reply(text, { reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-confirm"), B.registerSave.pack())) });
      },
    },
  },
  buttons: [
    on(B.registerLicenceSkip, async (_ctx, _p, flow) => {
      if (flow.step !== "licence") return handled;
      flow.data.licenceNo = null;
      return next("working_group");
    }),
    on(B.registerGroupPage, async (ctx, { page }, flow) => {
      if (flow.step === "working_group") await askWorkingGroup(ctx, Math.max(0, page));
      return handled;
    }),
    on(B.registerGroup, async (ctx, { groupId }, flow) => {
      if (flow.step !== "working_group") return handled;
      const group = await workingGroupById(ctx.deps, groupId);
      if (!group) return retry("expected-button");
      flow.data.workingGroupId = group.id;
      delete flow.data.countyMatches;
      return next("county");
    }),
    on(B.registerCounty, async (ctx, { countyId }, flow) => {
      if (flow.step !== "county") return handled;
      const county = await countyOf(ctx.deps, flow.data.workingGroupId ?? 0, countyId);
      if (!county) return retry("expected-button");
      flow.data.county = county.nameFa;
      delete flow.data.countyMatches;
      return afterCounty(ctx, flow);
    }),
    on(B.registerEstate, async (ctx, { estateId }, flow) => {
      if (flow.step !== "estate") return handled;
      const estate = await estateOf(ctx.deps, flow.data.workingGroupId ?? 0, estateId);
      if (!estate) return retry("expected-button");
      flow.data.industrialEstateId = estate.id;
      return next("sector");
    }),
    on(B.registerEstateNone, async (_ctx, _p, flow) => {
      if (flow.step !== "estate") return handled;
      flow.data.industrialEstateId = null;
      return next("sector");
    }),
    on(B.registerSector, async (_ctx, { sector }, flow) => {
      if (flow.step !== "sector") return handled;
      flow.data.sector = sector;
      return next("activity");
    }),
    on(B.registerActivity, async (_ctx, { status }, flow) => {
      if (flow.step !== "activity") return handled;
      flow.data.activityStatus = status;
      return next("employees");
    }),
    on(B.registerSave, async (ctx, _p, flow) => (flow.step === "confirm" ? save(ctx, flow) : handled)),
  ],
});

/** Starts registration; users who already shared their phone skip that step. */
export async function startRegistration(ctx: BotContext, options: { thenReport?: boolean } = {}): Promise<void> {
  const first = ctx.user.phone ? "name" : "phone";
  if (first === "name") await ctx.reply(ctx.t("register-intro"));
  await registrationFlow.start(ctx, first, options.thenReport ? { thenReport: true } : {});
}
