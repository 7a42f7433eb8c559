// The admin area (/admin) driven through the bot: add, rename and deactivate agencies,
// counties and industrial estates, set an agency's head, read the audit trail; refusals for
// non-admins and for admins of another group (forged buttons change nothing); the seed re-run
// keeps an admin's changes; an invitation accepted and a role revoked are on the same trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin as B } from "../../src/buttons";
import { seedReferenceData } from "../../src/seed/reference-data";
import { createInvitation, invitableAgencies, revokeMembership } from "../../src/services/invitations";
import { openCaseCard, queueAgencies } from "../../src/services/queue";
import { resolutionAgencies } from "../../src/services/resolutions/record";
import { triageAgencies } from "../../src/services/triage/lookups";
import { countiesOf, reportAgencies } from "../../src/services/units";
import { loadUser, userOfUpdate } from "../../src/services/users";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { reportCase, seedTaskWorld, sessionUserOf, type TaskWorld, type WorldUser } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let harness: TestBot;
let krmAdmin: WorldUser;
let khzAdmin: WorldUser;
let globalAdmin: WorldUser;
let khzId: number;

async function person(telegramId: number, firstName: string, language: "fa" | "en", membership?: { workingGroupId: number | null }): Promise<WorldUser> {
  const row = await env.container.db.user.create({
    data: { telegramId: String(telegramId), firstName, language, ...(membership ? { memberships: { create: { role: "ADMIN", workingGroupId: membership.workingGroupId } } } : {}) },
  });
  return { id: row.id, telegramId, firstName };
}

const audits = (where: Record<string, unknown> = {}) => env.container.db.auditEntry.findMany({ where, orderBy: { id: "asc" } });
const agency = (id: number) => env.container.db.agency.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM", "KHZ"] });
  world = await seedTaskWorld(env.container, { base: 8_800_000_000, group: "KRM", legalIdPrefix: "1410801234" });
  khzId = (await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  krmAdmin = await person(8_800_000_101, "Modir", "en", { workingGroupId: world.workingGroupId });
  khzAdmin = await person(8_800_000_102, "Ahvazi", "en", { workingGroupId: khzId });
  globalAdmin = await person(8_800_000_103, "Kol", "fa", { workingGroupId: null });
  harness = createTestBot(env.container);
});
afterAll(async () => env.cleanup());

describe("an admin manages a working group's agencies", () => {
  it("adds an agency: its kind, the Persian and the English name (Arabic letters and any digits accepted), on the trail", async () => {
    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    await admin.send("/admin");
    // One group administered: straight to its home.
    expect(admin.lastText()).toContain("Reference data of Kerman");
    await admin.tap("Executive agencies");
    expect(admin.lastText()).toContain("Executive agencies of Kerman");
    await admin.tap("Add an agency");
    expect(admin.lastText()).toContain("What kind of agency");
    await admin.tap(/^Gas$/);
    await admin.send("۱۲");
    expect(admin.textsSince(admin.mark() - 2).join("\n")).toContain("at least two letters");
    await admin.send("شركت گاز شهرك 2");
    expect(admin.lastText()).toContain("English name");
    await admin.send("Банк");
    expect(admin.textsSince(admin.mark() - 2).join("\n")).toContain("Latin letters");
    await admin.send("Kerman Estates Gas ۲");
    expect(admin.lastText()).toContain("Add this executive agency?");
    await admin.tap("Confirm");

    const created = await env.container.db.agency.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId, nameEn: "Kerman Estates Gas 2" } });
    expect(created).toMatchObject({ nameFa: "شرکت گاز شهرک ۲", kind: "GAS", active: true, seedKey: null });
    expect(admin.textsSince(admin.mark() - 2).join("\n")).toContain("Added: شرکت گاز شهرک ۲");
    const [entry] = await audits({ entityType: "agency", entityId: created.id });
    expect(entry).toMatchObject({ actorId: krmAdmin.id, workingGroupId: world.workingGroupId, action: "created", after: { nameFa: "شرکت گاز شهرک ۲", nameEn: "Kerman Estates Gas 2", kind: "GAS", active: true } });
    // Offered at once (this process's reference cache was forgotten).
    expect((await reportAgencies(env.container, world.workingGroupId, ["GAS"])).map((a) => a.id)).toContain(created.id);
  });

  it("renames a seeded agency (a taken name is refused and asked again; a name may be kept), on the trail", async () => {
    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    const before = await agency(world.bankAgencyId);
    const gas = await agency(world.gasAgencyId);
    await admin.press(B.adminItem.pack({ entity: "ag", id: world.bankAgencyId }));
    expect(admin.lastText()).toContain(`Persian name: ${before.nameFa}`);
    await admin.tap("Rename");
    // Another agency's name: refused at save, the Persian name is asked again.
    await admin.send(gas.nameFa);
    await admin.tap("Keep it as it is");
    await admin.tap("Confirm");
    expect(admin.textsSince(admin.mark() - 2).join("\n")).toContain("already has this name");
    expect((await agency(world.bankAgencyId)).nameFa).toBe(before.nameFa);
    await admin.send("بانک ملی — مدیریت امور شعب استان کرمان");
    await admin.send("Bank Melli — Kerman province branches");
    expect(admin.lastText()).toContain("Rename the executive agency to:");
    await admin.tap("Confirm");

    const after = await agency(world.bankAgencyId);
    expect(after).toMatchObject({ nameFa: "بانک ملی — مدیریت امور شعب استان کرمان", nameEn: "Bank Melli — Kerman province branches", seedKey: before.seedKey });
    const renamed = (await audits({ entityType: "agency", entityId: world.bankAgencyId, action: "renamed" })).at(-1);
    expect(renamed).toMatchObject({ actorId: krmAdmin.id, before: { nameFa: before.nameFa, nameEn: before.nameEn }, after: { nameFa: after.nameFa, nameEn: after.nameEn } });
  });

  it("sets an agency's head: one head, the old one cleared, both people's cached roles forgotten", async () => {
    const colleagueFrom = { id: world.colleague.telegramId, is_bot: false, first_name: world.colleague.firstName };
    const headFrom = { id: world.head.telegramId, is_bot: false, first_name: world.head.firstName };
    // Both cached as they are now.
    expect((await userOfUpdate(env.container, colleagueFrom)).memberships.some((m) => m.isAgencyHead)).toBe(false);
    expect((await userOfUpdate(env.container, headFrom)).memberships.some((m) => m.isAgencyHead)).toBe(true);

    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    await admin.press(B.adminItem.pack({ entity: "ag", id: world.gasAgencyId }));
    expect(admin.lastText()).toContain("Head: Sarparast");
    await admin.tap("Set the head");
    expect(admin.lastText()).toContain("Who heads");
    await admin.tap("Hamkar");
    expect(admin.textsSince(admin.mark() - 2).join("\n")).toContain("Hamkar is now the head");
    expect(admin.lastText()).toContain("Head: Hamkar");

    const heads = await env.container.db.membership.findMany({ where: { agencyId: world.gasAgencyId, isAgencyHead: true }, select: { userId: true } });
    expect(heads).toEqual([{ userId: world.colleague.id }]);
    expect((await userOfUpdate(env.container, colleagueFrom)).memberships.some((m) => m.isAgencyHead)).toBe(true);
    expect((await userOfUpdate(env.container, headFrom)).memberships.some((m) => m.isAgencyHead)).toBe(false);
    const entry = (await audits({ action: "head_set" })).at(-1);
    expect(entry).toMatchObject({ entityType: "agency", entityId: world.gasAgencyId, actorId: krmAdmin.id });
    expect(JSON.stringify(entry?.before)).toContain("Sarparast");
    expect(JSON.stringify(entry?.after)).toContain("Hamkar");
  });

  it("deactivates an agency: gone from the pickers, old cases still show it; a second press changes nothing", async () => {
    const gas = await agency(world.gasAgencyId);
    const { caseId } = await reportCase(env.container, world, { category: "utility_cutoff", subcategory: "gas", agencyId: gas.id, description: "Gas cut-off warning for the kiln line, dated next week." });
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    expect((await triageAgencies(env.container, secretariat, caseId)).map((a) => a.id)).toContain(gas.id);
    expect((await queueAgencies(env.container, secretariat, world.workingGroupId)).map((a) => a.id)).toContain(gas.id);
    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    await admin.press(B.adminItem.pack({ entity: "ag", id: gas.id }));
    await admin.tap("Deactivate");
    expect(admin.textsSince(admin.mark() - 2).join("\n")).toContain("is inactive");
    expect(admin.lastText()).toContain("inactive");
    expect((await agency(gas.id)).active).toBe(false);

    expect((await invitableAgencies(env.container, world.workingGroupId)).map((a) => a.id)).not.toContain(gas.id);
    expect((await reportAgencies(env.container, world.workingGroupId, ["GAS"])).map((a) => a.id)).not.toContain(gas.id);
    expect((await triageAgencies(env.container, secretariat, caseId)).map((a) => a.id)).not.toContain(gas.id);
    expect((await resolutionAgencies(env.container, world.workingGroupId, gas.id)).map((a) => a.id)).not.toContain(gas.id);
    expect((await queueAgencies(env.container, secretariat, world.workingGroupId)).map((a) => a.id)).not.toContain(gas.id);
    // The case reported before still names it.
    const card = await openCaseCard(env.container, secretariat, caseId);
    expect(card?.agency?.nameFa).toBe(gas.nameFa);

    const count = (await audits({ entityId: gas.id, action: "deactivated" })).length;
    await admin.press(B.adminSetActive.pack({ entity: "ag", id: gas.id, active: "0" }));
    expect((await audits({ entityId: gas.id, action: "deactivated" })).length).toBe(count);
    expect(count).toBe(1);
  });

  it("lists the latest audit entries, newest first, in both languages", async () => {
    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    await admin.send("/admin");
    await admin.tap("Audit trail");
    const text = admin.lastText();
    expect(text).toContain("Audit trail of Kerman");
    expect(text).toContain("Modir · deactivated the agency");
    expect(text).toContain("renamed the agency");
    expect(text).toContain("set the head of");
    expect(text.indexOf("deactivated the agency")).toBeLessThan(text.indexOf("added the agency"));

    const kol = harness.user(globalAdmin.telegramId, { firstName: globalAdmin.firstName, languageCode: "fa" });
    await kol.send("/admin");
    expect(kol.lastText()).toContain("اطلاعات پایه کدام کارگروه");
    await kol.tap("کرمان");
    await kol.tap("سابقه تغییرات");
    expect(kol.lastText()).toContain("سابقه تغییرات کرمان");
    expect(kol.lastText()).toContain("را غیرفعال کرد");
    expect(kol.lastText()).toContain("۱. ");
  });
});

describe("counties and industrial estates", () => {
  it("renames and deactivates a county, adds an estate, and registration offers what is active", async () => {
    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    const zarand = await env.container.db.county.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId, nameEn: "Zarand" } });
    await admin.press(B.adminItem.pack({ entity: "co", id: zarand.id }));
    await admin.tap("Deactivate");
    const bam = await env.container.db.county.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId, nameEn: "Bam" } });
    await admin.press(B.adminItem.pack({ entity: "co", id: bam.id }));
    await admin.tap("Rename");
    await admin.send("بم و نرماشیر");
    await admin.send("Bam and Narmashir");
    await admin.tap("Confirm");
    await admin.press(B.adminList.pack({ groupId: world.workingGroupId, entity: "es", page: 0 }));
    expect(admin.lastText()).toContain("none yet");
    await admin.tap("Add an industrial estate");
    await admin.send("شهرک صنعتی خضرا");
    await admin.send("Khazra Industrial Estate");
    await admin.tap("Confirm");
    expect(await audits({ entityType: "industrial_estate", action: "created" })).toHaveLength(1);
    expect(await audits({ entityType: "county", action: "renamed", entityId: bam.id })).toHaveLength(1);

    const counties = await countiesOf(env.container, world.workingGroupId);
    expect(counties.map((c) => c.nameEn)).not.toContain("Zarand");
    expect(counties.map((c) => c.nameEn)).toContain("Bam and Narmashir");

    // A producer registers in Kerman: the deactivated county is not offered; the estate is.
    const producer = harness.user(8_800_000_201, { firstName: "Tolid", languageCode: "en" });
    await producer.send("/register");
    await producer.shareContact("09123334455");
    await producer.send("Khazra Tiles");
    await producer.send(legalEntityIdFrom("1410801299"));
    await producer.tap("Skip");
    await producer.tap("Kerman");
    const countyButtons = producer.lastText();
    expect(countyButtons).toBeTruthy();
    expect(() => producer.buttonData(/^Zarand$/)).toThrow();
    await producer.tap("Bam and Narmashir");
    expect(producer.lastText()).toContain("industrial estates");
    await producer.tap("Khazra Industrial Estate");
    await producer.tap("Industry");
    await producer.tap("Active");
    await producer.send("۱۲");
    expect(producer.lastText()).toContain("Industrial estate: Khazra Industrial Estate");
    await producer.tap("Confirm");
    const unit = await env.container.db.productionUnit.findFirstOrThrow({ where: { name: "Khazra Tiles" }, include: { industrialEstate: true } });
    expect(unit).toMatchObject({ countyId: bam.id, county: "بم و نرماشیر" });
    expect(unit.industrialEstate?.nameEn).toBe("Khazra Industrial Estate");
  });
});

describe("refusals: forged buttons change nothing", () => {
  it("tells a non-admin the area is not theirs and refuses every forged admin button", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { firstName: world.secretariat.firstName, languageCode: "en" });
    await secretariat.send("/admin");
    expect(secretariat.lastText()).toContain("You are not allowed");
    expect(secretariat.lastText()).not.toContain("Reference data of Kerman");
    const trail = (await audits()).length;
    for (const data of [
      B.adminSetActive.pack({ entity: "ag", id: world.bankAgencyId, active: "0" }),
      B.adminSetHead.pack({ agencyId: world.gasAgencyId, membershipId: 1 }),
      B.adminAdd.pack({ groupId: world.workingGroupId, entity: "ag" }),
      B.adminAudit.pack({ groupId: world.workingGroupId, page: 0 }),
    ]) {
      const mark = secretariat.mark();
      await secretariat.press(data);
      expect(secretariat.textsSince(mark).join("\n")).toContain("You are not allowed");
    }
    expect((await agency(world.bankAgencyId)).active).toBe(true);
    expect((await audits()).length).toBe(trail);
  });

  it("refuses an admin of another working group: rows read as not found, the group as not theirs", async () => {
    const ahvaz = harness.user(khzAdmin.telegramId, { firstName: khzAdmin.firstName, languageCode: "en" });
    const official = await env.container.db.membership.findFirstOrThrow({ where: { userId: world.official.id } });
    const kerman = await env.container.db.county.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId } });
    const trail = (await audits()).length;
    const cases: Array<[string, string]> = [
      [B.adminSetActive.pack({ entity: "ag", id: world.bankAgencyId, active: "0" }), "not one of your working groups"],
      [B.adminItem.pack({ entity: "ag", id: world.bankAgencyId }), "not one of your working groups"],
      [B.adminRename.pack({ entity: "co", id: kerman.id }), "not one of your working groups"],
      [B.adminSetHead.pack({ agencyId: world.gasAgencyId, membershipId: official.id }), "not one of your working groups"],
      [B.adminAdd.pack({ groupId: world.workingGroupId, entity: "es" }), "Only an administrator of this working group"],
      [B.adminAudit.pack({ groupId: world.workingGroupId, page: 0 }), "Only an administrator of this working group"],
      [B.adminList.pack({ groupId: world.workingGroupId, entity: "ag", page: 0 }), "Only an administrator of this working group"],
    ];
    for (const [data, expected] of cases) {
      const mark = ahvaz.mark();
      await ahvaz.press(data);
      expect(ahvaz.textsSince(mark).join("\n")).toContain(expected);
    }
    expect((await agency(world.bankAgencyId)).active).toBe(true);
    expect(await env.container.db.membership.findUniqueOrThrow({ where: { id: official.id } })).toMatchObject({ isAgencyHead: false });
    expect((await audits()).length).toBe(trail);
    // Their own group is theirs.
    await ahvaz.send("/admin");
    expect(ahvaz.lastText()).toContain("Reference data of Khuzestan");
  });
});

describe("two admins at once", () => {
  it("two renames to the same name: one wins, the other is told the name is taken", async () => {
    const { renameReferenceRow } = await import("../../src/services/reference-data/changes");
    const actor = await sessionUserOf(env.container, krmAdmin);
    const [first, second] = await env.container.db.county.findMany({ where: { workingGroupId: world.workingGroupId, active: true }, orderBy: { id: "asc" }, take: 2 });
    const names = { nameFa: "شهرستان همزمان", nameEn: "Concurrent County" };
    const results = await Promise.allSettled([
      renameReferenceRow(env.container, actor, { entity: "county", id: first?.id ?? 0, ...names }),
      renameReferenceRow(env.container, actor, { entity: "county", id: second?.id ?? 0, ...names }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && (refused.reason as { reason?: string }).reason).toBe("name-taken");
    expect(await env.container.db.county.count({ where: { workingGroupId: world.workingGroupId, nameFa: names.nameFa } })).toBe(1);
    expect(await audits({ entityType: "county", action: "renamed", after: { path: ["nameEn"], equals: "Concurrent County" } })).toHaveLength(1);
  });
});

describe("the seed stays the starting point", () => {
  it("re-running the seed keeps an admin's renames and deactivations and inserts nothing twice", async () => {
    const db = env.container.db;
    const agenciesBefore = await db.agency.count({ where: { workingGroupId: world.workingGroupId } });
    const countiesBefore = await db.county.count({ where: { workingGroupId: world.workingGroupId } });
    const bank = await agency(world.bankAgencyId);
    expect(bank.nameFa).not.toBe(bank.seedKey);
    await seedReferenceData(db, ["KRM", "KHZ"]);
    expect(await db.agency.count({ where: { workingGroupId: world.workingGroupId } })).toBe(agenciesBefore);
    expect(await db.county.count({ where: { workingGroupId: world.workingGroupId } })).toBe(countiesBefore);
    expect(await agency(world.bankAgencyId)).toEqual(bank);
    expect(await db.agency.count({ where: { workingGroupId: world.workingGroupId, nameFa: bank.seedKey ?? "" } })).toBe(0);
    expect((await agency(world.gasAgencyId)).active).toBe(false);
    expect(await db.county.findFirst({ where: { workingGroupId: world.workingGroupId, nameFa: "بم" } })).toBeNull();
    expect((await db.county.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId, seedKey: "زرند" } })).active).toBe(false);
  });
});

describe("roles on the same trail", () => {
  it("an invitation accepted and a role revoked write audit entries; so does a configured admin's first contact", async () => {
    const inviter = await sessionUserOf(env.container, world.secretariat);
    const { code } = await createInvitation(env.container, inviter, { role: "OFFICIAL", workingGroupId: world.workingGroupId, agencyId: world.bankAgencyId });
    const newcomer = harness.user(8_800_000_301, { firstName: "Tazeh", languageCode: "en" });
    await newcomer.send(`/start inv_${code}`);
    const user = await env.container.db.user.findUniqueOrThrow({ where: { telegramId: "8800000301" } });
    const membership = await env.container.db.membership.findFirstOrThrow({ where: { userId: user.id } });
    const [accepted] = await audits({ entityType: "membership", entityId: membership.id });
    expect(accepted).toMatchObject({ actorId: user.id, workingGroupId: world.workingGroupId, action: "invitation_accepted", after: { role: "OFFICIAL", agencyId: world.bankAgencyId, name: "Tazeh" } });

    expect(await revokeMembership(env.container, await sessionUserOf(env.container, krmAdmin), membership.id)).toBe(true);
    const revoked = (await audits({ entityType: "membership", entityId: membership.id })).at(-1);
    expect(revoked).toMatchObject({ actorId: krmAdmin.id, action: "revoked", before: { revokedAt: null, role: "OFFICIAL" } });

    const admin = harness.user(krmAdmin.telegramId, { firstName: krmAdmin.firstName, languageCode: "en" });
    await admin.press(B.adminAudit.pack({ groupId: world.workingGroupId, page: 0 }));
    expect(admin.lastText()).toContain("revoked the role Official");
    expect(admin.lastText()).toContain("Tazeh · accepted an invitation: Tazeh is now");

    const configured = await loadUser(env.container.db, { id: 8_800_000_401, is_bot: false, first_name: "Boot" }, { adminTelegramIds: ["8800000401"], defaultLocale: "fa" });
    const grant = await env.container.db.membership.findFirstOrThrow({ where: { userId: configured.id, role: "ADMIN" } });
    const [granted] = await audits({ entityType: "membership", entityId: grant.id });
    expect(granted).toMatchObject({ actorId: null, workingGroupId: null, action: "granted", after: { role: "ADMIN", source: "ADMIN_TELEGRAM_IDS" } });

    // The entries of no group are for global admins.
    const kol = harness.user(globalAdmin.telegramId, { firstName: globalAdmin.firstName, languageCode: "fa" });
    await kol.send("/admin");
    await kol.tap("سابقه تغییرات نقش‌های سراسری");
    expect(kol.lastText()).toContain("سامانه · نقش");
    expect(kol.lastText()).toContain("Boot");
    const mark = admin.mark();
    await admin.press(B.adminAuditGlobal.pack({ page: 0 }));
    expect(admin.textsSince(mark).join("\n")).toContain("Only an administrator");
  });

  it("keeps the trail append-only", async () => {
    await expect(env.container.db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(env.container.db.auditEntry.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
  });
});
