/**
 * Names in the reader's language and long lists a person can use, through the bot, with every
 * working group of the reference data: an English secretariat member reads the group, the
 * agencies and the unit's county in English on the queue, the case card, the agency picker, a
 * task card, an invitation and the statistics, a Persian reader reads them in Persian; a global
 * admin's group pickers (/queue, /stats) are sorted in the reader's language with provinces and
 * free zones apart, a page at a time, and a few typed letters (Persian, Arabic or Latin) find a
 * group; the agency pickers (referral, invitation) are paged and searched the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKING_GROUPS } from "../../src/seed/reference-data";
import { buttonsOf, createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let harness: TestBot;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: WORKING_GROUPS.map((group) => group.code), clock: new TestClock(new Date("2026-11-22T06:00:00Z")) });
  world = await seedTaskWorld(env.container, { base: 8_710_000_000, group: "KRM", legalIdPrefix: "1410701235" });
  harness = createTestBot(env.container);
}, 60_000);
afterAll(async () => env.cleanup());

const PERSIAN_KERMAN = /کرمان/;
const labels = (user: TestUser) => buttonsOf(user.screen().at(-1)).map((button) => button.text);
const sortedIn = (locale: string, names: string[]) => [...names].sort(new Intl.Collator(locale, { sensitivity: "base" }).compare);

async function globalAdmin(telegramId: number, language: "fa" | "en"): Promise<TestUser> {
  const admin = await env.container.db.user.create({ data: { telegramId: String(telegramId), firstName: "Modir", language } });
  await env.container.db.membership.create({ data: { userId: admin.id, role: "ADMIN" } });
  return harness.user(telegramId, { firstName: "Modir", languageCode: language });
}

describe("names in the reader's language", () => {
  it("an English secretariat member reads English group, agency and county names; a Persian reader Persian", async () => {
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "guarantee", agencyId: world.bankAgencyId, description: "The bank wants a new guarantee before rescheduling." });
    const dabir = harness.user(world.secretariat.telegramId, { languageCode: "en" });

    // The queue and its agency filter.
    await dabir.send("/queue");
    expect(dabir.lastText()).toContain("Queue of Kerman");
    expect(dabir.lastText()).not.toMatch(PERSIAN_KERMAN);
    await dabir.tap("Agency ▾");
    expect(labels(dabir)).toContain("Bank Melli — Kerman branches");
    expect(labels(dabir).join(" ")).not.toMatch(PERSIAN_KERMAN);

    // The case card: the agency and the unit's county (stored by its Persian name) in English.
    await dabir.send("/queue");
    await dabir.tap(item.trackingCode);
    const card = dabir.lastText();
    expect(card).toContain("County: Kerman");
    expect(card).toContain("Bank Melli — Kerman branches");
    expect(card).not.toMatch(PERSIAN_KERMAN);

    // The referral's agency picker: 25 agencies, the suggested (banks) first, a page at a time;
    // a few typed letters find one.
    await dabir.tap("Refer to an agency");
    expect(dabir.lastText()).toContain("refer it to which executive agency");
    expect(dabir.lastText()).toContain("type a few letters");
    const firstPage = labels(dabir);
    expect(firstPage[0]).toBe("Bank Melli — Kerman branches");
    expect(firstPage).toContain("page 1 of 2");
    expect(firstPage.join(" ")).not.toMatch(PERSIAN_KERMAN);
    const before = dabir.mark();
    await dabir.tap("Next »");
    expect(dabir.screen().slice(before).map((call) => call.method)).toEqual(["editMessageText"]);
    expect(labels(dabir)).toContain("page 2 of 2");
    await dabir.send("gas");
    expect(dabir.lastText()).toContain("Found for «gas»");
    expect(labels(dabir)).toContain("Kerman Gas Company");
    expect(labels(dabir)).not.toContain("Kerman Power Distribution Company");
    await dabir.tap("Kerman Gas Company");
    await dabir.tap("The agency as a whole");
    await dabir.send("1405/09/20");
    expect(dabir.lastText()).toContain("Agency: Kerman Gas Company");
    await dabir.tap("Confirm");
    const task = await env.container.db.task.findFirstOrThrow({ where: { caseId: item.caseId } });
    expect(task.agencyId).toBe(world.gasAgencyId);

    // The task card: the Persian official reads Persian, an English one English.
    const official = harness.user(world.official.telegramId, { languageCode: "fa" });
    await official.press(`t:o:${task.id}`);
    expect(official.lastText()).toContain("دستگاه اجرایی: شرکت گاز استان کرمان");
    await env.container.db.user.update({ where: { id: world.colleague.id }, data: { language: "en" } });
    const colleague = harness.user(world.colleague.telegramId, { languageCode: "en" });
    await colleague.press(`t:o:${task.id}`);
    expect(colleague.lastText()).toContain("Executive agency: Kerman Gas Company");
    expect(colleague.lastText()).not.toMatch(PERSIAN_KERMAN);

    // The chair reads the same card in Persian.
    const chair = harness.user(world.chair.telegramId, { languageCode: "fa" });
    await chair.send(`/start case_${item.caseId}`);
    expect(chair.lastText()).toContain("شهرستان: کرمان");
    expect(chair.lastText()).toContain("شرکت گاز استان کرمان");
    expect(chair.lastText()).not.toContain("Kerman Gas Company");

    // An invitation: the agency picker by English name, searched; the summary in English.
    await dabir.send("/invite");
    await dabir.tap("Official of an executive agency");
    expect(dabir.lastText()).toContain("Which executive agency");
    const agencies = labels(dabir).filter((label) => !/page|Next|Back|Cancel/.test(label));
    expect(agencies).toHaveLength(20);
    expect(agencies).toEqual(sortedIn("en", agencies));
    expect(agencies[0]).toMatch(/^Bank /);
    await dabir.send("tax");
    expect(labels(dabir)).toContain("Kerman Tax Administration");
    await dabir.tap("Kerman Tax Administration");
    await dabir.tap("No, an official");
    expect(dabir.lastText()).toContain("Working group: Kerman");
    expect(dabir.lastText()).toContain("Agency: Kerman Tax Administration");
    expect(dabir.lastText()).not.toMatch(PERSIAN_KERMAN);
    await dabir.tap("Cancel");

    // The statistics: the group and the agencies in English.
    await dabir.send("/stats");
    expect(dabir.lastText()).toContain("Statistics of the Kerman working group");
    expect(dabir.lastText()).toContain("Kerman Gas Company");
    expect(dabir.lastText()).not.toMatch(PERSIAN_KERMAN);
  });
});

describe("a global admin's group pickers", () => {
  const provinces = WORKING_GROUPS.filter((group) => group.kind === "PROVINCE");
  const freeZones = WORKING_GROUPS.filter((group) => group.kind === "FREE_ZONE");
  const names = (user: TestUser, all: string[]) => labels(user).filter((label) => all.includes(label));

  it("/queue in Persian: provinces and free zones apart, each by Persian name, 20 a page; «کرم» finds Kerman", async () => {
    const admin = await globalAdmin(8_710_000_091, "fa");
    const allFa = WORKING_GROUPS.map((group) => group.nameFa);
    await admin.send("/queue");
    expect(admin.lastText()).toContain("چند حرف از نامش را بنویسید");
    expect(labels(admin).slice(0, 2)).toEqual([`• استان‌ها (${toFa(provinces.length)})`, `مناطق آزاد (${toFa(freeZones.length)})`]);
    const page1 = names(admin, allFa);
    expect(page1).toHaveLength(20);
    await admin.tap("بعدی »");
    const page2 = names(admin, allFa);
    expect([...page1, ...page2]).toEqual(sortedIn("fa", provinces.map((group) => group.nameFa)));
    await admin.tap("مناطق آزاد");
    expect(names(admin, allFa)).toEqual(sortedIn("fa", freeZones.map((group) => group.nameFa)));

    await admin.send("کرم");
    expect(admin.lastText()).toContain("«کرم»");
    expect(names(admin, allFa)).toEqual(["کرمان", "کرمانشاه"]);
    // Arabic letters (ك) find the same.
    await admin.send("كرمان");
    expect(names(admin, allFa)).toEqual(["کرمان"]);
    await admin.tap("کرمان");
    expect(admin.lastText()).toContain("صف پرونده‌های کرمان");
    // Once a group is chosen, typed text is no longer a search.
    await admin.send("کرم");
    expect(admin.lastText()).not.toContain("«کرم»");
  });

  it("/stats in English: by English name, free zones apart; «kerm» finds Kerman", async () => {
    const admin = await globalAdmin(8_710_000_092, "en");
    const allEn = WORKING_GROUPS.map((group) => group.nameEn);
    await admin.send("/stats");
    expect(labels(admin).slice(0, 2)).toEqual([`• Provinces (${provinces.length})`, `Free zones (${freeZones.length})`]);
    const page1 = names(admin, allEn);
    expect(page1).toEqual(sortedIn("en", provinces.map((group) => group.nameEn)).slice(0, 20));
    await admin.tap("Free zones");
    expect(names(admin, allEn)).toEqual(sortedIn("en", freeZones.map((group) => group.nameEn)));
    await admin.send("kerm");
    expect(names(admin, allEn)).toEqual(["Kerman", "Kermanshah"]);
    await admin.tap("Kerman");
    expect(admin.lastText()).toContain("Statistics of the Kerman working group");
  });

  it("the broadcast and meeting flows' group pickers: free zones apart, typed letters", async () => {
    const admin = await globalAdmin(8_710_000_094, "en");
    const allEn = WORKING_GROUPS.map((group) => group.nameEn);
    await admin.send("/broadcast");
    expect(admin.lastText()).toContain("Which working group is the notice from?");
    expect(names(admin, allEn)).toHaveLength(20);
    const before = admin.mark();
    await admin.tap("Free zones");
    expect(admin.screen().slice(before).map((call) => call.method)).toEqual(["editMessageText"]);
    expect(names(admin, allEn)).toEqual(sortedIn("en", freeZones.map((group) => group.nameEn)));
    await admin.send("کیش");
    expect(names(admin, allEn)).toEqual(["Kish Free Zone"]);
    await admin.tap("Kish Free Zone");
    expect(admin.lastText()).toContain("Write the notice");
    await admin.send("/cancel");

    await admin.send("/meetings");
    await admin.tap("Schedule a meeting");
    await admin.send("kerm");
    expect(names(admin, allEn)).toEqual(["Kerman", "Kermanshah"]);
    await admin.tap("Kermanshah");
    expect(admin.lastText()).toContain("What kind of meeting?");
    await admin.send("/cancel");
  });

  it("the invite flow's group picker takes typed letters too", async () => {
    const admin = await globalAdmin(8_710_000_093, "en");
    await admin.send("/invite");
    await admin.tap("Secretariat of the working group");
    expect(labels(admin)[0]).toBe(`• Provinces (${provinces.length})`);
    await admin.send("qesh");
    expect(names(admin, WORKING_GROUPS.map((group) => group.nameEn))).toEqual(["Qeshm Free Zone"]);
    await admin.tap("Qeshm Free Zone");
    expect(admin.lastText()).toContain("Working group: Qeshm Free Zone");
    await admin.tap("Cancel");
  });
});

function toFa(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}
