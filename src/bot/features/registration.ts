// Scope: private chats; anyone (a producer-to-be). /register: the user's own phone number by
// contact sharing, then the production unit: name, legal-entity ID, licence, working group,
// county, sector, activity status, employees. One person may represent several units.
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import type { Sector, ActivityStatus } from "../../generated/prisma/enums";
import { parseIranianMobile, parseLegalEntityId } from "../../domain/identifiers";
import { localizeDigits, normalizeText, parseInteger } from "../../domain/text";
import { cb, idFrom } from "../callback-data";
import type { BotContext, Flow } from "../context";
import { advanceFlow, currentFlow, endFlow, goBack, goTo, inFlow, isCommand, registerFlow, retryFlow, startFlow } from "../flow";
import { showMainMenu } from "../menu";
import { localName } from "../../i18n";
import { pageWindow } from "../../domain/pagination";

const FLOW = "register";
const GROUPS_PER_PAGE = 12;
const SECTORS: Sector[] = ["INDUSTRY", "MINING", "AGRICULTURE", "SERVICES"];
const ACTIVITY: ActivityStatus[] = ["ACTIVE", "SEMI_ACTIVE", "IDLE"];
const NAME_MIN = 3;
const NAME_MAX = 120;
const EMPLOYEES_MAX = 100_000;

interface RegistrationData {
  name?: string;
  legalId?: string;
  licenceNo?: string | null;
  workingGroupId?: number;
  county?: string;
  sector?: Sector;
  activityStatus?: ActivityStatus;
  employees?: number;
  /** Go on to the report wizard once the unit is saved. */
  thenReport?: boolean;
}

const dataOf = (flow: Flow) => flow.data as RegistrationData;

function navigation(ctx: BotContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t("button-back"), "reg:back").text(ctx.t("button-cancel"), "flow:cancel");
}

async function ask(ctx: BotContext, flow: Flow): Promise<void> {
  const data = dataOf(flow);
  switch (flow.step) {
    case "phone": {
      const keyboard = new Keyboard().requestContact(ctx.t("register-share-phone")).resized().oneTime();
      await ctx.reply(ctx.t("register-ask-phone"), { reply_markup: keyboard });
      return;
    }
    case "name":
      await ctx.reply(ctx.t("register-ask-name"), { reply_markup: navigation(ctx) });
      return;
    case "legal_id":
      await ctx.reply(ctx.t("register-ask-legal-id"), { reply_markup: navigation(ctx) });
      return;
    case "licence":
      await ctx.reply(ctx.t("register-ask-licence"), {
        reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-skip"), "reg:licence:skip")),
      });
      return;
    case "working_group":
      await askWorkingGroup(ctx, 0);
      return;
    case "county": {
      const counties = await ctx.deps.db.county.findMany({
        where: { workingGroupId: data.workingGroupId ?? 0 },
        orderBy: { id: "asc" },
      });
      const keyboard = new InlineKeyboard();
      counties.forEach((county, index) => {
        keyboard.text(localName(county, ctx.locale), cb("reg:county", county.id));
        if (index % 3 === 2) keyboard.row();
      });
      await ctx.reply(ctx.t(counties.length > 0 ? "register-ask-county-choose" : "register-ask-county"), {
        reply_markup: navigation(ctx, keyboard),
      });
      return;
    }
    case "sector": {
      const keyboard = new InlineKeyboard();
      SECTORS.forEach((sector, index) => {
        keyboard.text(ctx.t(`sector-${sector}`), cb("reg:sector", sector));
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(ctx.t("register-ask-sector"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "activity": {
      const keyboard = new InlineKeyboard();
      for (const status of ACTIVITY) keyboard.text(ctx.t(`activity-${status}`), cb("reg:act", status));
      await ctx.reply(ctx.t("register-ask-activity"), { reply_markup: navigation(ctx, keyboard) });
      return;
    }
    case "employees":
      await ctx.reply(ctx.t("register-ask-employees"), { reply_markup: navigation(ctx) });
      return;
    case "confirm": {
      const group = await ctx.deps.db.workingGroup.findUnique({ where: { id: data.workingGroupId ?? 0 } });
      const summary = ctx.t("register-summary", {
        name: data.name ?? "",
        legalId: localizeDigits(data.legalId ?? "", ctx.locale),
        licence: data.licenceNo ? localizeDigits(data.licenceNo, ctx.locale) : ctx.t("register-licence-none"),
        group: group ? localName(group, ctx.locale) : "",
        county: data.county ?? "",
        sector: ctx.t(`sector-${data.sector ?? "INDUSTRY"}`),
        activity: ctx.t(`activity-${data.activityStatus ?? "ACTIVE"}`),
        employees: localizeDigits(String(data.employees ?? 0), ctx.locale),
      });
      await ctx.reply(summary, {
        reply_markup: navigation(ctx, new InlineKeyboard().text(ctx.t("button-confirm"), "reg:save")),
      });
      return;
    }
  }
}

async function askWorkingGroup(ctx: BotContext, page: number): Promise<void> {
  const groups = await ctx.deps.db.workingGroup.findMany({ orderBy: [{ kind: "asc" }, { nameFa: "asc" }] });
  const { page: current, pages, offset } = pageWindow(groups.length, GROUPS_PER_PAGE, page);
  const keyboard = new InlineKeyboard();
  groups.slice(offset, offset + GROUPS_PER_PAGE).forEach((group, index) => {
    keyboard.text(localName(group, ctx.locale), cb("reg:wg", group.id));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (current > 0) keyboard.text(ctx.t("button-previous"), cb("reg:wgp", current - 1));
  if (current < pages - 1) keyboard.text(ctx.t("button-next"), cb("reg:wgp", current + 1));
  await ctx.reply(ctx.t("register-ask-working-group"), { reply_markup: navigation(ctx, keyboard) });
}

/** Starts registration; users who already shared their phone skip that step. */
export async function startRegistration(ctx: BotContext, options: { thenReport?: boolean } = {}): Promise<void> {
  const flow = startFlow(ctx, FLOW, ctx.user.phone ? "name" : "phone", options.thenReport ? { thenReport: true } : {});
  if (flow.step === "name") await ctx.reply(ctx.t("register-intro"));
  await ask(ctx, flow);
}

export const registration = new Composer<BotContext>();
const chat = registration.chatType("private");

chat.command("register", (ctx) => startRegistration(ctx));
chat.callbackQuery("unit:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startRegistration(ctx);
});

registerFlow(FLOW, ask);
const inRegistration = chat.filter(inFlow(FLOW));

inRegistration.callbackQuery("reg:back", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  goBack(ctx, flow);
  await ask(ctx, flow);
});

inRegistration.on("message:contact", async (ctx) => {
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  if (flow.step !== "phone") return retryFlow(ctx, flow, "expected-text");
  const contact = ctx.message.contact;
  // Only the user's own number: a forwarded contact carries someone else's user_id (or none).
  if (contact.user_id !== ctx.from.id) return retryFlow(ctx, flow, "register-phone-not-own");
  const phone = parseIranianMobile(contact.phone_number);
  if (!phone) return retryFlow(ctx, flow, "register-phone-invalid");
  await ctx.deps.db.user.update({ where: { id: ctx.user.id }, data: { phone, phoneVerifiedAt: ctx.deps.now() } });
  ctx.user.phone = phone;
  await ctx.reply(ctx.t("register-phone-saved"), { reply_markup: { remove_keyboard: true } });
  await advanceFlow(ctx, flow, "name");
});

inRegistration.on("message:text", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (!flow) return;
  const data = dataOf(flow);
  const text = normalizeText(ctx.message.text);
  switch (flow.step) {
    case "phone":
      return retryFlow(ctx, flow, "register-phone-use-button");
    case "name":
      if (text.length < NAME_MIN || text.length > NAME_MAX) return retryFlow(ctx, flow, "register-name-invalid", { min: NAME_MIN, max: NAME_MAX });
      data.name = text;
      return advanceFlow(ctx, flow, "legal_id");
    case "legal_id": {
      const parsed = parseLegalEntityId(text);
      if (!parsed.ok) return retryFlow(ctx, flow, parsed.reason === "format" ? "register-legal-id-format" : "register-legal-id-checksum");
      const existing = await ctx.deps.db.productionUnit.findUnique({
        where: { legalId: parsed.value },
        select: { id: true, representatives: { where: { userId: ctx.user.id }, select: { userId: true } } },
      });
      if (existing) {
        // Joining an existing unit needs the secretariat's check, not just knowing its ID.
        const key = existing.representatives.length > 0 ? "register-legal-id-yours" : "register-legal-id-taken";
        return retryFlow(ctx, flow, key);
      }
      data.legalId = parsed.value;
      return advanceFlow(ctx, flow, "licence");
    }
    case "licence":
      if (!/^[\p{L}\p{N}\/\-\s]{2,40}$/u.test(text)) return retryFlow(ctx, flow, "register-licence-invalid");
      data.licenceNo = text;
      return advanceFlow(ctx, flow, "working_group");
    case "county":
      if (text.length < 2 || text.length > 60) return retryFlow(ctx, flow, "register-county-invalid");
      data.county = text;
      return advanceFlow(ctx, flow, "sector");
    case "employees": {
      const count = parseInteger(text);
      if (count === null || count < 0 || count > EMPLOYEES_MAX) return retryFlow(ctx, flow, "register-employees-invalid");
      data.employees = count;
      return advanceFlow(ctx, flow, "confirm");
    }
    default:
      return retryFlow(ctx, flow, "expected-button");
  }
});

inRegistration.callbackQuery("reg:licence:skip", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "licence") return;
  dataOf(flow).licenceNo = null;
  await advanceFlow(ctx, flow, "working_group");
});

inRegistration.callbackQuery(/^reg:wgp:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "working_group") return;
  await askWorkingGroup(ctx, Number(ctx.match[1]));
});

inRegistration.callbackQuery(/^reg:wg:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || flow.step !== "working_group" || !id) return;
  const group = await ctx.deps.db.workingGroup.findUnique({ where: { id } });
  if (!group) return retryFlow(ctx, flow, "expected-button");
  dataOf(flow).workingGroupId = group.id;
  await advanceFlow(ctx, flow, "county");
});

inRegistration.callbackQuery(/^reg:county:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const id = idFrom(ctx.match[1]);
  if (!flow || flow.step !== "county" || !id) return;
  const county = await ctx.deps.db.county.findFirst({ where: { id, workingGroupId: dataOf(flow).workingGroupId ?? 0 } });
  if (!county) return retryFlow(ctx, flow, "expected-button");
  dataOf(flow).county = county.nameFa;
  await advanceFlow(ctx, flow, "sector");
});

inRegistration.callbackQuery(/^reg:sector:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const sector = SECTORS.find((s) => s === ctx.match[1]);
  if (!flow || flow.step !== "sector" || !sector) return;
  dataOf(flow).sector = sector;
  await advanceFlow(ctx, flow, "activity");
});

inRegistration.callbackQuery(/^reg:act:(\w+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  const status = ACTIVITY.find((s) => s === ctx.match[1]);
  if (!flow || flow.step !== "activity" || !status) return;
  dataOf(flow).activityStatus = status;
  await advanceFlow(ctx, flow, "employees");
});

inRegistration.callbackQuery("reg:save", async (ctx) => {
  await ctx.answerCallbackQuery();
  const flow = currentFlow(ctx, FLOW);
  if (!flow || flow.step !== "confirm") return;
  const data = dataOf(flow);
  const { name, legalId, workingGroupId, county, sector, activityStatus, employees } = data;
  if (!name || !legalId || !workingGroupId || !county || !sector || !activityStatus || employees === undefined) {
    goTo(ctx, flow, "name");
    return retryFlow(ctx, flow, "register-incomplete");
  }
  const taken = await ctx.deps.db.productionUnit.findUnique({ where: { legalId }, select: { id: true } });
  if (taken) {
    goTo(ctx, flow, "legal_id");
    return retryFlow(ctx, flow, "register-legal-id-taken");
  }
  await ctx.deps.db.productionUnit.create({
    data: {
      name,
      legalId,
      licenceNo: data.licenceNo ?? null,
      workingGroupId,
      county,
      sector,
      activityStatus,
      employees,
      representatives: { create: { userId: ctx.user.id } },
    },
  });
  endFlow(ctx);
  ctx.logger.info({ workingGroupId }, "production unit registered");
  await ctx.reply(ctx.t("register-done", { name }), {
    reply_markup: new InlineKeyboard().text(ctx.t("menu-report"), "report:new"),
  });
  if (!data.thenReport) await showMainMenu(ctx);
});

// Anything else while registering (a photo, a sticker…) gets the same question again.
inRegistration.on("message", async (ctx, next) => {
  if (isCommand(ctx.message.text)) return next();
  const flow = currentFlow(ctx, FLOW);
  if (flow) await retryFlow(ctx, flow, flow.step === "phone" ? "register-phone-use-button" : "expected-text");
});
