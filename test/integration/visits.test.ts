/**
 * Field visits (issue 13, item 4; seed 003), through the bot: the secretariat records a visit
 * with two demands — two cases filed on the unit's behalf, linked to the visit, the unit's
 * representative told (in Persian) and made the cases' reporter; a unit without one gets an
 * invitation that links all the visit's cases; the visit list shows each visit's cases and
 * statuses, latest first. Another group's secretariat and forged callback data change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shared, visits as B } from "../../src/buttons";
import { buttonsOf, createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { randomUUID } from "node:crypto";
import { addJalaliDays, todayInTehran } from "../../src/domain/jalali";
import { recordVisit } from "../../src/services/visits";
import { noticesTo, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;
let bareUnitId: number;
let otherUnitId: number;
const OTHER_SECRETARIAT = 9591;
const NEWCOMER = 9592;
const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));
const allText = (chatId: number) => harness.telegram.screen(chatId).map(textOf).join("\n");

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KRM", "KHZ"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 9580, group: "KRM", legalIdPrefix: "1512345678" });
  const { db } = env.container;
  const khz = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  const bare = await db.productionUnit.create({
    data: { workingGroupId: world.workingGroupId, name: "Rafsanjan Pistachio Packers", legalId: legalEntityIdFrom("1512345679"), county: "رفسنجان", sector: "AGRICULTURE", activityStatus: "SEMI_ACTIVE", employees: 30 },
  });
  bareUnitId = bare.id;
  const other = await db.productionUnit.create({
    data: { workingGroupId: khz, name: "Ahvaz Steel Rollers", legalId: legalEntityIdFrom("1512345670"), county: "اهواز", sector: "INDUSTRY", activityStatus: "ACTIVE", employees: 200 },
  });
  otherUnitId = other.id;
  const dabir2 = await db.user.create({ data: { telegramId: String(OTHER_SECRETARIAT), firstName: "Dabir2", language: "fa" } });
  await db.membership.create({ data: { userId: dabir2.id, workingGroupId: khz, role: "SECRETARIAT" } });
});
afterAll(async () => env.cleanup());

describe("field visits", () => {
  it("a visit with two demands files two cases on the unit's behalf; the representative is told and follows them", async () => {
    const clerk = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/visit");
    expect(lastText(world.secretariat.telegramId)).toContain("Which unit was visited?");
    await clerk.send("Tile"); // part of the name
    expect(allText(world.secretariat.telegramId)).toContain("The unit: Kerman Tile Co.");
    expect(lastText(world.secretariat.telegramId)).toContain("The visit's day?");
    await clerk.send("1405/12/01");
    expect(allText(world.secretariat.telegramId)).toContain("cannot be recorded for a day still to come");
    await clerk.send("۱۴۰۵/۰۸/۲۸"); // Persian digits, a few days back
    await clerk.send("Governor's deputy, Dabir, the factory's manager Mr Karimi");
    expect(lastText(world.secretariat.telegramId)).toContain("Demand 1: its subject?");
    await clerk.tap("Banking");
    await clerk.tap("Working capital");
    await clerk.send("The bank has not paid the loan.");
    expect(lastText(world.secretariat.telegramId)).toContain("One demand recorded.");
    // Back to the description and typed again: the demand is replaced, not added twice.
    await clerk.press(B.back.pack());
    expect(lastText(world.secretariat.telegramId)).toContain("Describe the demand");
    await clerk.send("The bank has not paid the working capital loan approved by the working group in Mehr.");
    expect(lastText(world.secretariat.telegramId)).toContain("One demand recorded.");
    await clerk.tap("➕ Another demand");
    expect(lastText(world.secretariat.telegramId)).toContain("Demand 2: its subject?");
    await clerk.tap("Tax"); // no subcategories: straight to the description
    await clerk.send("The tax office refuses to spread last year's assessment into instalments.");
    await clerk.tap("✅ Review");
    const review = lastText(world.secretariat.telegramId);
    expect(review).toContain("Unit: Kerman Tile Co.");
    expect(review).toContain("Day: 28 Aban 1405");
    expect(review).toContain("1. Banking — Working capital: The bank has not paid");
    expect(review).toContain("2. Tax: The tax office refuses");
    const confirm = clerk.buttonData(/Record the visit and file its 2 cases/);
    await clerk.press(confirm);
    const recorded = lastText(world.secretariat.telegramId);
    expect(recorded).toMatch(/its 2 demands are cases KRM-\d{4}-\d{5}، KRM-\d{4}-\d{5}/);
    expect(recorded).toContain("The unit's representative was told");

    const { db } = env.container;
    const visit = await db.fieldVisit.findFirstOrThrow({ include: { cases: { orderBy: { id: "asc" }, include: { events: true } } } });
    expect(visit).toMatchObject({ unitId: world.unitId, participants: "Governor's deputy, Dabir, the factory's manager Mr Karimi" });
    expect(visit.cases.map((c) => [c.category, c.subcategory, c.intakeChannel, c.filedById, c.reporterId])).toEqual([
      ["bank", "working_capital", "visit", world.secretariat.id, world.producer.id],
      ["tax", null, "visit", world.secretariat.id, world.producer.id],
    ]);
    for (const row of visit.cases) expect(row.events.map((e) => e.type)).toEqual(["submitted", "producer_linked"]);
    // The representative is told once, in Persian, of both cases.
    const told = (await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.dedupeKey.startsWith(`visit:${visit.id}:`));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("۲ مطالبه");
    for (const row of visit.cases) expect(told[0]!.text).toContain(row.trackingCode);
    // A second tap files nothing more and tells no one again.
    await clerk.press(confirm);
    expect(await db.case.count({ where: { fieldVisitId: visit.id } })).toBe(2);
    expect(await db.fieldVisit.count()).toBe(1);
    expect((await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.dedupeKey.startsWith(`visit:${visit.id}:`))).toHaveLength(1);
    // The representative follows them like their own reports.
    const producer = harness.user(world.producer.telegramId, { firstName: "Reza", languageCode: "fa" });
    await producer.send("/cases");
    const labels = buttonsOf(harness.telegram.screen(world.producer.telegramId).at(-1)).map((b) => b.text).join(" ");
    expect(lastText(world.producer.telegramId)).toContain("۲ پرونده");
    for (const row of visit.cases) expect(labels).toContain(row.trackingCode);
    // The case card says it came from a field visit.
    await clerk.press(shared.queueCase.pack({ caseId: visit.cases[0]!.id }));
    expect(allText(world.secretariat.telegramId)).toContain("Recorded by Dabir on a field visit");
  });

  it("a unit with no representative: found by its national id, today by default, an invitation links all the visit's cases", async () => {
    const clerk = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/visit");
    await clerk.send(legalEntityIdFrom("1512345679"));
    expect(allText(world.secretariat.telegramId)).toContain("The unit: Rafsanjan Pistachio Packers");
    await clerk.tap(/Today/);
    await clerk.send("Dabir and the owner");
    await clerk.tap("Social security");
    await clerk.tap("Insurance debt");
    await clerk.send("Social security has frozen the unit's account over insurance arrears of 1403.");
    await clerk.tap("✅ Review");
    const confirm = clerk.buttonData(/Record the visit and file its case/);
    await clerk.press(confirm);
    const recorded = lastText(world.secretariat.telegramId);
    expect(recorded).toContain("has no representative in the bot yet");
    const code = /start=rep_([A-Za-z0-9_-]+)/.exec(recorded)![1]!;
    // A second tap after the reply makes no second case nor a second link.
    await clerk.press(confirm);
    const { db } = env.container;
    expect(await db.unitInvitation.count({ where: { unitId: bareUnitId } })).toBe(1);
    const visit = await db.fieldVisit.findFirstOrThrow({ where: { unitId: bareUnitId }, include: { cases: true } });
    expect(visit.cases).toHaveLength(1);
    expect(visit.cases[0]!.reporterId).toBe(world.secretariat.id);

    const newcomer = harness.user(NEWCOMER, { firstName: "Owner", languageCode: "fa" });
    await newcomer.send(`/start rep_${code}`);
    const newcomerId = (await db.user.findUniqueOrThrow({ where: { telegramId: String(NEWCOMER) } })).id;
    expect((await db.case.findUniqueOrThrow({ where: { id: visit.cases[0]!.id } })).reporterId).toBe(newcomerId);
  });

  it("the visit list: latest first, each visit's cases with their statuses", async () => {
    const clerk = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/visits");
    const list = lastText(world.secretariat.telegramId);
    expect(list).toContain("Field visits (2), latest first:");
    // Today's visit (Rafsanjan) before the one of 28 Aban.
    expect(list.indexOf("Rafsanjan Pistachio Packers")).toBeLessThan(list.indexOf("Kerman Tile Co."));
    const cases = await env.container.db.case.findMany({ where: { fieldVisitId: { not: null } }, orderBy: { id: "asc" } });
    for (const row of cases) expect(list).toContain(`${row.trackingCode} — `);
    expect(list).toContain("Banking: New");
  });

  it("in Persian: a second secretariat member reads the same list", async () => {
    const { db } = env.container;
    const farsi = await db.user.create({ data: { telegramId: "9593", firstName: "Dabir3", language: "fa" } });
    await db.membership.create({ data: { userId: farsi.id, workingGroupId: world.workingGroupId, role: "SECRETARIAT" } });
    const member = harness.user(9593, { firstName: "Dabir3", languageCode: "fa" });
    await member.send("/visits");
    const list = lastText(9593);
    expect(list).toContain("بازدیدهای میدانی (۲)، تازه‌ترین نخست:");
    expect(list).toContain("۲۸ آبان ۱۴۰۵ — Kerman Tile Co.");
    expect(list).toContain("بانکی: جدید");
    await member.send("/visit");
    expect(lastText(9593)).toContain("از کدام واحد بازدید شد؟");
    await member.send("/cancel");
  });

  it("another group's secretariat, a producer and forged data change nothing", async () => {
    const { db } = env.container;
    const before = await db.case.count();
    // Another group's secretariat cannot list this group's visits nor pick its unit.
    const other = harness.user(OTHER_SECRETARIAT, { firstName: "Dabir2", languageCode: "fa" });
    await other.press(B.list.pack({ groupId: world.workingGroupId, page: 0 }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("فقط دبیرخانهٔ کارگروه");
    await other.send("/visit");
    await other.send(legalEntityIdFrom("1512345678"));
    expect(allText(OTHER_SECRETARIAT)).toContain("در کارگروه دیگری ثبت شده");
    expect(allText(OTHER_SECRETARIAT)).not.toContain("Kerman Tile Co.");
    // A forged unit id of this group's unit while on the unit step.
    await other.press(B.unit.pack({ unitId: world.unitId }));
    expect(allText(OTHER_SECRETARIAT)).toContain("از واحدهای این کارگروه نیست");
    await other.send("/cancel");
    // This group's secretariat forging another group's unit.
    const clerk = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/visit");
    await clerk.press(B.unit.pack({ unitId: otherUnitId }));
    expect(allText(world.secretariat.telegramId)).toContain("not one of this working group's");
    await clerk.send("/cancel");
    // A producer pressing the flow's buttons.
    const producer = harness.user(world.producer.telegramId, { firstName: "Reza", languageCode: "fa" });
    await producer.send("/visit");
    await producer.press(B.confirm.pack());
    await producer.press(B.list.pack({ groupId: world.workingGroupId, page: 0 }));
    expect(allText(world.producer.telegramId)).not.toContain("Field visits");
    expect(await db.case.count()).toBe(before);
    expect(await db.fieldVisit.count()).toBe(2);
  });
});

describe("seed 003: fifty field visits whose demands were recorded and followed", () => {
  it("50 visits × 2 demands leave 100 followed cases; the list pages them latest first", async () => {
    const { db } = env.container;
    const actor = await sessionUserOf(env.container, world.secretariat);
    const before = await db.case.count({ where: { fieldVisitId: { not: null } } });
    const today = todayInTehran(env.container.now());
    for (let i = 0; i < 50; i++) {
      await recordVisit(env.container, actor, {
        workingGroupId: world.workingGroupId,
        unitId: world.unitId,
        visitedOn: addJalaliDays(today, -(i + 30)),
        participants: `Visit team ${i + 1}`,
        demands: [
          { category: "bank", subcategory: "rescheduling", description: `Visit ${i + 1}: the bank asks for a new guarantee before rescheduling.`, submissionKey: randomUUID() },
          { category: "fuel_energy", subcategory: null, description: `Visit ${i + 1}: the diesel quota was cut by half this season.`, submissionKey: randomUUID() },
        ],
        submissionKey: randomUUID(),
      });
    }
    expect((await db.case.count({ where: { fieldVisitId: { not: null } } })) - before).toBe(100);
    // Every case is followed: the unit's representative is its reporter and was told once per visit.
    expect(await db.case.count({ where: { fieldVisit: { participants: { startsWith: "Visit team" } }, reporterId: world.producer.id } })).toBe(100);
    const notices = (await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.dedupeKey.startsWith("visit:"));
    expect(new Set(notices.map((n) => n.dedupeKey.split(":")[1])).size).toBe(51); // the first test's visit and these 50

    const clerk = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/visits");
    const first = lastText(world.secretariat.telegramId);
    expect(first).toContain("Field visits (52), latest first:");
    expect(first).toContain("Rafsanjan Pistachio Packers"); // today's visit leads
    expect(clerk.buttonData("1/11")).toBeTruthy();
    await clerk.tap("Older ›");
    expect(lastText(world.secretariat.telegramId)).toContain("Visit team");
    await clerk.press(B.list.pack({ groupId: world.workingGroupId, page: 10 }));
    const last = lastText(world.secretariat.telegramId);
    expect(last).toContain("Visit team 49)");
    expect(last).toContain("Visit team 50)");
    expect(last).not.toContain("Visit team 1)");
    expect(buttonsOf(harness.telegram.screen(world.secretariat.telegramId).at(-1)).map((b) => b.text)).toContain("‹ Newer");
  }, 60_000);
});

describe("a retried confirmation", () => {
  it("finds the visit and its cases, and leaves one live invitation for a unit with no representative", async () => {
    const { db } = env.container;
    const unit = await db.productionUnit.create({
      data: { workingGroupId: world.workingGroupId, name: "Sirjan Brick Kiln", legalId: legalEntityIdFrom("1512345671"), county: "سیرجان", sector: "INDUSTRY", activityStatus: "ACTIVE", employees: 12 },
    });
    const actor = await sessionUserOf(env.container, world.secretariat);
    const input = {
      workingGroupId: world.workingGroupId,
      unitId: unit.id,
      visitedOn: todayInTehran(env.container.now()),
      participants: "Dabir and the kiln's owner",
      demands: [{ category: "fuel_energy", subcategory: null, description: "The kiln's mazut quota has not been delivered for two months.", submissionKey: randomUUID() }],
      submissionKey: randomUUID(),
    };
    const first = await recordVisit(env.container, actor, input);
    const again = await recordVisit(env.container, actor, input);
    expect(again.visitId).toBe(first.visitId);
    expect(again.cases).toEqual(first.cases);
    expect(again.invitationCode).not.toBe(first.invitationCode);
    expect(await db.unitInvitation.count({ where: { unitId: unit.id, revokedAt: null } })).toBe(1);
    expect(await db.case.count({ where: { unitId: unit.id } })).toBe(1);
  });
});
