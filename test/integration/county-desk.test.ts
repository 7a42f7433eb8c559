/**
 * County desks (issue 13, item 5), through the bot: the secretariat invites "county desk of
 * <county>" (the county chosen from the group's active list); the desk's queue and case card
 * hold only its county's cases (forged case ids and queue views of elsewhere are refused); it
 * files a case on a producer's behalf for a unit of its county (a new unit is put in its
 * county, another county's unit is refused); /help shows its section in en and fa.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desk as D, intake as I, invitations as V, shared } from "../../src/buttons";
import { submitCase } from "../../src/services/cases";
import { encodeQueueView } from "../../src/services/queue";
import { createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

let env: TestEnv;
let harness: TestBot;
const SECRETARIAT = 9500;
const DESK = 9501;
const DESK_FA = 9502;
const PRODUCER = 9503;
let khz: number;
let krm: number;
let countyA: { id: number; nameEn: string; nameFa: string };
let countyB: { id: number; nameEn: string };
let krmCounty: number;
let caseA: { caseId: number; trackingCode: string };
let caseB: { caseId: number; trackingCode: string };
let krmCase: { caseId: number; trackingCode: string };
const LEGAL_B = legalEntityIdFrom("1412345002");
const LEGAL_NEW = legalEntityIdFrom("1412345003");
const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));
const allText = (chatId: number) => harness.telegram.screen(chatId).map(textOf).join("\n");
/** The last message's text and its buttons' labels (a queue page lists its cases as buttons). */
function lastScreen(chatId: number): string {
  const call = harness.telegram.screen(chatId).at(-1);
  const markup = (call?.payload as { reply_markup?: { inline_keyboard?: Array<Array<{ text: string }>> } } | undefined)?.reply_markup;
  return [textOf(call), ...(markup?.inline_keyboard ?? []).flat().map((b) => b.text)].join("\n");
}

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KHZ", "KRM"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  khz = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  krm = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).id;
  const counties = await db.county.findMany({ where: { workingGroupId: khz, active: true }, orderBy: { id: "asc" }, take: 2 });
  countyA = counties[0]!;
  countyB = counties[1]!;
  krmCounty = (await db.county.findFirstOrThrow({ where: { workingGroupId: krm }, orderBy: { id: "asc" } })).id;
  const clerk = await db.user.create({ data: { telegramId: String(SECRETARIAT), firstName: "Dabir", language: "en" } });
  await db.membership.create({ data: { userId: clerk.id, workingGroupId: khz, role: "SECRETARIAT" } });
  const producer = await db.user.create({ data: { telegramId: String(PRODUCER), firstName: "Karimi", language: "en" } });
  const unit = async (workingGroupId: number, county: { id: number; nameFa: string }, legal: string, name: string) =>
    db.productionUnit.create({
      data: {
        workingGroupId,
        name,
        legalId: legalEntityIdFrom(legal),
        county: county.nameFa,
        countyId: county.id,
        sector: "INDUSTRY",
        activityStatus: "ACTIVE",
        employees: 30,
        representatives: { create: { userId: producer.id } },
      },
    });
  const file = async (unitId: number, description: string) => {
    const submitted = await submitCase(env.container, producer.id, {
      unitId,
      category: "social_security",
      subcategory: null,
      agencyId: null,
      irreversibleAt: null,
      amountRials: null,
      description,
      attachments: [],
    });
    return { caseId: submitted.caseId, trackingCode: submitted.trackingCode };
  };
  const unitA = await unit(khz, countyA, "1412345001", "Unit in county A");
  const unitB = await unit(khz, { id: countyB.id, nameFa: (counties[1] as { nameFa: string }).nameFa }, "1412345002", "Unit in county B");
  const krmCountyRow = await db.county.findUniqueOrThrow({ where: { id: krmCounty } });
  const unitK = await unit(krm, krmCountyRow, "1412345004", "Unit in Kerman");
  caseA = await file(unitA.id, "Social security will not spread the arrears of county A's unit into instalments.");
  caseB = await file(unitB.id, "Social security will not spread the arrears of county B's unit into instalments.");
  krmCase = await file(unitK.id, "Social security will not spread the arrears of the Kerman unit into instalments.");
});
afterAll(async () => env.cleanup());

describe("county desk", () => {
  it("the secretariat invites a county desk of a county of its group; the link grants COUNTY_DESK with that county", async () => {
    const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/invite");
    await clerk.tap("County desk");
    expect(lastText(SECRETARIAT)).toContain("Which county will this desk serve?");
    // The group's counties are the buttons (seeded list).
    expect(clerk.buttonData(countyA.nameEn)).toBe(V.inviteCounty.pack({ countyId: countyA.id }));
    // Another group's county (forged button) is not taken.
    await clerk.press(V.inviteCounty.pack({ countyId: krmCounty }));
    expect(lastText(SECRETARIAT)).toContain("choose one of the options");
    await clerk.press(V.inviteCounty.pack({ countyId: countyA.id }));
    expect(lastText(SECRETARIAT)).toContain(`county desk of ${countyA.nameEn}`);
    await clerk.press(V.inviteConfirm.pack());
    const code = /start=(inv_[A-Za-z0-9_-]+)/.exec(lastText(SECRETARIAT))![1]!;

    const desk = harness.user(DESK, { firstName: "Shahrestan", languageCode: "en" });
    await desk.send(`/start ${code}`);
    expect(allText(DESK)).toContain("County desk");
    expect(allText(DESK)).toContain(`county desk of ${countyA.nameEn}`);
    const memberships = await env.container.db.membership.findMany({ where: { user: { telegramId: String(DESK) }, revokedAt: null } });
    expect(memberships).toEqual([expect.objectContaining({ role: "COUNTY_DESK", workingGroupId: khz, countyId: countyA.id })]);
    // The group's members list names the desk's county.
    await clerk.send("/members");
    expect(lastText(SECRETARIAT)).toContain(`Shahrestan — County desk — county desk of ${countyA.nameEn}`);
  });

  it("its queue lists only its county's cases; a forged case id or queue view of elsewhere is refused; the card is read-only", async () => {
    const desk = harness.user(DESK, { firstName: "Shahrestan", languageCode: "en" });
    await desk.send("/queue");
    const page = lastScreen(DESK);
    expect(page).toContain(caseA.trackingCode);
    expect(page).not.toContain(caseB.trackingCode);
    expect(page).not.toContain(krmCase.trackingCode);

    await desk.press(shared.queueCase.pack({ caseId: caseA.caseId }));
    expect(lastText(DESK)).toContain(caseA.trackingCode);
    expect(lastText(DESK)).toContain("(read only)");

    for (const forged of [caseB.caseId, krmCase.caseId]) {
      await desk.press(shared.queueCase.pack({ caseId: forged }));
      expect(lastText(DESK)).toContain("not found or is not available");
      await desk.press(D.caseFiles.pack({ caseId: forged }));
      expect(lastText(DESK)).toContain("not found or is not available");
    }
    await desk.send(`/start case_${caseB.caseId}`);
    expect(lastText(DESK)).not.toContain(caseB.trackingCode);
    // Another group's queue, or any status of this one, still only its county.
    await desk.press(D.queueList.pack({ view: encodeQueueView({ workingGroupId: krm, page: 0 }) }));
    expect(lastText(DESK)).toContain("not allowed");
    await desk.press(D.queueList.pack({ view: encodeQueueView({ workingGroupId: khz, page: 0, status: "any" }) }));
    expect(lastScreen(DESK)).toContain(caseA.trackingCode);
    expect(lastScreen(DESK)).not.toContain(caseB.trackingCode);
    // It does not triage: the case stays as it was.
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseA.caseId } })).firstOpenedAt).toBeNull();
  });

  it("files on a producer's behalf: a new unit goes to its county; another county's unit is refused", async () => {
    const desk = harness.user(DESK, { firstName: "Shahrestan", languageCode: "en" });
    await desk.send("/intake");
    await desk.send(LEGAL_B);
    expect(allText(DESK)).toContain("registered in another county");
    await desk.send(LEGAL_NEW);
    expect(lastText(DESK)).toContain("not registered yet");
    await desk.send("Shadegan Dates");
    expect(allText(DESK)).toContain(`registered in your county, ${countyA.nameEn}`);
    await desk.tap("Industry");
    await desk.tap("Active");
    await desk.send("12");
    await desk.tap("Social security");
    await desk.send("The producer came in person: social security refuses to spread the 1402 arrears into instalments.");
    await desk.tap("In person");
    await desk.send("Reza Bavi");
    await desk.press(desk.buttonData("File the case"));
    expect(lastText(DESK)).toMatch(/Case KHZ-\d{4}-\d{5} was filed on behalf of Reza Bavi/);
    const { db } = env.container;
    const deskUser = await db.user.findUniqueOrThrow({ where: { telegramId: String(DESK) } });
    const filed = await db.case.findFirstOrThrow({ where: { onBehalfName: "Reza Bavi" }, include: { unit: true } });
    expect(filed).toMatchObject({ filedById: deskUser.id, intakeChannel: "in_person", workingGroupId: khz });
    expect(filed.unit).toMatchObject({ legalId: LEGAL_NEW, countyId: countyA.id });
    // The filed case is in its queue.
    await desk.send("/queue");
    expect(lastScreen(DESK)).toContain(filed.trackingCode);
  });

  it("a forged county of another county is refused at filing time", async () => {
    const desk = harness.user(DESK, { firstName: "Shahrestan", languageCode: "en" });
    const before = await env.container.db.case.count();
    await desk.send("/intake");
    await desk.send(legalEntityIdFrom("1412345005"));
    await desk.send("Karun Bricks");
    await desk.press(I.county.pack({ countyId: countyB.id }));
    await desk.tap("Industry");
    await desk.tap("Active");
    await desk.send("5");
    await desk.tap("Social security");
    await desk.send("A forged county: this case must not be filed in another county at all.");
    await desk.tap("By letter");
    await desk.send("Someone Else");
    await desk.press(desk.buttonData("File the case"));
    expect(allText(DESK)).toContain("Choose the county from the list.");
    expect(await env.container.db.case.count()).toBe(before);
    expect(await env.container.db.productionUnit.count({ where: { legalId: legalEntityIdFrom("1412345005") } })).toBe(0);
    await desk.send("/cancel");
  });

  it("the secretariat filters its queue by a county of the seeded list", async () => {
    const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/queue");
    expect(lastScreen(SECRETARIAT)).toContain(caseB.trackingCode);
    await clerk.tap("📍 County");
    expect(lastText(SECRETARIAT)).toContain("Show the cases of which county?");
    await clerk.tap(countyB.nameEn);
    expect(lastScreen(SECRETARIAT)).toContain(caseB.trackingCode);
    expect(lastScreen(SECRETARIAT)).not.toContain(caseA.trackingCode);
    expect(lastText(SECRETARIAT)).toContain(countyB.nameEn);
    // A forged county of another group matches nothing.
    await clerk.press(D.queueList.pack({ view: encodeQueueView({ workingGroupId: khz, page: 0, countyId: krmCounty }) }));
    expect(lastText(SECRETARIAT)).toContain("No case matches.");
    // A county desk's queue has no county filter; a forged one cannot widen it.
    const desk = harness.user(DESK, { firstName: "Shahrestan", languageCode: "en" });
    await desk.press(D.queueList.pack({ view: encodeQueueView({ workingGroupId: khz, page: 0, countyId: countyB.id }) }));
    expect(lastScreen(DESK)).not.toContain("📍 County");
    expect(lastScreen(DESK)).not.toContain(caseB.trackingCode);
    expect(lastText(DESK)).toContain("No case matches.");
  });

  it("/help lists the county desk's commands, in en and fa", async () => {
    const desk = harness.user(DESK, { firstName: "Shahrestan", languageCode: "en" });
    await desk.send("/help");
    const help = lastText(DESK);
    const section = help.slice(help.indexOf("County desk (your county's cases only):"));
    expect(section).toContain("/queue");
    expect(section).toContain("/intake");
    expect(help).not.toContain("/invite");

    const { db } = env.container;
    const fa = await db.user.create({ data: { telegramId: String(DESK_FA), firstName: "Miz", language: "fa" } });
    await db.membership.create({ data: { userId: fa.id, workingGroupId: khz, role: "COUNTY_DESK", countyId: countyB.id } });
    const faDesk = harness.user(DESK_FA, { firstName: "Miz", languageCode: "fa" });
    await faDesk.send("/help");
    const faHelp = lastText(DESK_FA);
    expect(faHelp).toContain("میز شهرستان (فقط پرونده‌های شهرستان شما):");
    expect(faHelp).toContain("/intake");
    await faDesk.send("/queue");
    expect(lastScreen(DESK_FA)).toContain(caseB.trackingCode);
    expect(lastScreen(DESK_FA)).not.toContain(caseA.trackingCode);
  });
});
