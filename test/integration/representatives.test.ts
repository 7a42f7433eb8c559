/**
 * More than one representative per unit (issue 13, item 6), through the bot: the secretariat
 * invites a second representative from the case card, removes one (who loses the unit's cases
 * at once, though their user was cached in Redis), a representative leaves; the last one
 * cannot go; forged callback data from another group's secretariat or a producer changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin as A, representatives as R, shared } from "../../src/buttons";
import { submitCase } from "../../src/services/cases";
import { removeRepresentative } from "../../src/services/representatives";
import { createTestBot, buttonsOf, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { noticesTo, sessionUserOf } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let unitId: number;
let caseId: number;
let trackingCode: string;
const SECRETARIAT = 9300;
const OTHER_SECRETARIAT = 9301;
const FIRST = 9302; // the unit's registrant, Persian
const SECOND = 9303; // invited, English
const THIRD = 9304; // invited later, English
const ids: Record<number, number> = {};

const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));
const menuLabels = (chatId: number) => buttonsOf(harness.telegram.screen(chatId).at(-1)).map((b) => b.text);

async function person(telegramId: number, firstName: string, language: "fa" | "en") {
  ids[telegramId] = (await env.container.db.user.create({ data: { telegramId: String(telegramId), firstName, language } })).id;
}

function codeFrom(text: string): string {
  const match = /start=rep_([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[1]!;
}

async function invite(): Promise<string> {
  const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
  await clerk.press(R.invite.pack({ unitId }));
  return codeFrom(lastText(SECRETARIAT));
}

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KHZ", "KRM"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  const khz = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  const krm = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).id;
  await person(SECRETARIAT, "Dabir", "en");
  await person(OTHER_SECRETARIAT, "Dabir2", "fa");
  await person(FIRST, "Reza", "fa");
  await person(SECOND, "Sara", "en");
  await person(THIRD, "Omid", "en");
  await db.membership.createMany({
    data: [
      { userId: ids[SECRETARIAT]!, workingGroupId: khz, role: "SECRETARIAT" },
      { userId: ids[OTHER_SECRETARIAT]!, workingGroupId: krm, role: "SECRETARIAT" },
    ],
  });
  const unit = await db.productionUnit.create({
    data: {
      workingGroupId: khz,
      name: "Karun Steel",
      legalId: legalEntityIdFrom("1400000001"),
      county: "اهواز",
      sector: "INDUSTRY",
      activityStatus: "ACTIVE",
      employees: 40,
      representatives: { create: { userId: ids[FIRST]! } },
    },
  });
  unitId = unit.id;
  const submitted = await submitCase(env.container, ids[FIRST]!, {
    unitId,
    category: "bank",
    subcategory: null,
    agencyId: null,
    irreversibleAt: null,
    amountRials: null,
    description: "The bank refuses to renew the working-capital facility of the unit.",
    attachments: [],
  });
  caseId = submitted.caseId;
  trackingCode = submitted.trackingCode;
});
afterAll(async () => env.cleanup());

describe("a unit's representatives", () => {
  it("the secretariat invites a second representative from the case card; the link works once", async () => {
    const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
    await clerk.press(shared.queueCase.pack({ caseId }));
    await clerk.tap("The unit's representatives");
    expect(lastText(SECRETARIAT)).toContain("Representatives of Karun Steel (1)");
    expect(menuLabels(SECRETARIAT).some((l) => l.startsWith("✖ Remove"))).toBe(false);
    await clerk.tap("Invite a representative");
    const code = codeFrom(lastText(SECRETARIAT));

    const second = harness.user(SECOND, { firstName: "Sara", languageCode: "en" });
    await second.send(`/start rep_${code}`);
    expect(harness.telegram.screen(SECOND).map(textOf).join("\n")).toContain("You now represent Karun Steel");
    await second.send("/cases");
    expect(lastText(SECOND) + menuLabels(SECOND).join(" ")).toContain(trackingCode);
    expect((await noticesTo(env.container, SECRETARIAT)).some((n) => n.text.includes("Sara now represents Karun Steel"))).toBe(true);

    const third = harness.user(THIRD, { firstName: "Omid", languageCode: "en" });
    await third.send(`/start rep_${code}`);
    expect(lastText(THIRD)).not.toContain("You now represent");
    expect(await env.container.db.unitRepresentative.count({ where: { unitId } })).toBe(2);
  });

  it("forged callback data changes nothing", async () => {
    const before = await env.container.db.unitRepresentative.findMany({ where: { unitId }, orderBy: { userId: "asc" } });
    const other = harness.user(OTHER_SECRETARIAT, { firstName: "Dabir2", languageCode: "fa" });
    await other.press(R.removeYes.pack({ unitId, userId: ids[FIRST]! }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("در حوزهٔ کار شما نیست");
    await other.press(R.invite.pack({ unitId }));
    await other.press(R.ofCase.pack({ caseId }));
    expect(harness.telegram.screen(OTHER_SECRETARIAT).map(textOf).join("\n")).not.toContain("rep_");
    const second = harness.user(SECOND, { firstName: "Sara", languageCode: "en" });
    await second.press(R.removeYes.pack({ unitId, userId: ids[FIRST]! }));
    await second.press(R.invite.pack({ unitId }));
    expect(harness.telegram.screen(SECOND).map(textOf).join("\n")).not.toContain("start=rep_");
    // Someone who does not represent the unit cannot "leave" it for another.
    const third = harness.user(THIRD, { firstName: "Omid", languageCode: "en" });
    await third.press(R.leaveYes.pack({ unitId }));
    expect(lastText(THIRD)).toContain("does not represent this unit");
    expect(await env.container.db.unitRepresentative.findMany({ where: { unitId }, orderBy: { userId: "asc" } })).toEqual(before);
    expect(await env.container.db.unitInvitation.count({ where: { createdById: { not: ids[SECRETARIAT]! } } })).toBe(0);
  });

  it("removed: the representative loses the unit's cases at once (cached user too); their cases pass on", async () => {
    const first = harness.user(FIRST, { firstName: "Reza", languageCode: "fa" });
    // Cached in Redis with the unit: the menu offers "my units".
    await first.send("/start");
    expect(menuLabels(FIRST)).toContain("🏭 واحدهای من");
    await first.press(shared.myCase.pack({ caseId }));
    expect(lastText(FIRST)).toContain("The bank refuses");

    const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
    await clerk.press(R.unit.pack({ unitId }));
    await clerk.tap("Remove Reza");
    expect(lastText(SECRETARIAT)).toContain("Remove Reza as a representative of Karun Steel?");
    await clerk.tap("Yes, remove");
    expect(harness.telegram.screen(SECRETARIAT).map(textOf).join("\n")).toContain("Reza no longer represents Karun Steel. One case they reported passed");
    const row = await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.reporterId).toBe(ids[SECOND]);
    expect((await noticesTo(env.container, FIRST)).at(-1)?.text).toContain("دیگر نمایندهٔ Karun Steel");
    expect((await noticesTo(env.container, SECOND)).at(-1)?.text).toContain("One case of Karun Steel now has you");

    harness.telegram.clear();
    await first.press(shared.myCase.pack({ caseId }));
    expect(harness.telegram.calls.map((c) => textOf({ method: c.method, payload: c.payload })).join("\n")).not.toContain("The bank refuses");
    await first.send("/start");
    expect(menuLabels(FIRST)).not.toContain("🏭 واحدهای من");
    await first.send("/units");
    expect(lastText(FIRST)).toContain("نمایندهٔ هیچ واحدی نیستید");
    const audit = await env.container.db.auditEntry.findMany({ where: { entityType: "unit_representative" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["added", "removed"]);
    // The group's admin reads them on the audit trail.
    const { db } = env.container;
    const admin = await db.user.create({ data: { telegramId: "9309", firstName: "Modir", language: "en" } });
    await db.membership.create({ data: { userId: admin.id, workingGroupId: audit[0]!.workingGroupId!, role: "ADMIN" } });
    const adminChat = harness.user(9309, { firstName: "Modir", languageCode: "en" });
    await adminChat.press(A.adminAudit.pack({ groupId: audit[0]!.workingGroupId!, page: 0 }));
    expect(lastText(9309)).toContain("removed Reza as a representative of Karun Steel");
    expect(lastText(9309)).toContain("Sara became a representative of Karun Steel (invitation)");
  });

  it("the last representative cannot leave; with another invited, they can, and the secretariat is told", async () => {
    const second = harness.user(SECOND, { firstName: "Sara", languageCode: "en" });
    await second.press(R.leaveYes.pack({ unitId }));
    expect(lastText(SECOND)).toContain("keeps at least one representative");
    const code = await invite();
    const third = harness.user(THIRD, { firstName: "Omid", languageCode: "en" });
    await third.send(`/start rep_${code}`);
    await second.send("/units");
    await second.tap("Leave Karun Steel");
    await second.tap("Yes, leave");
    expect(harness.telegram.screen(SECOND).map(textOf).join("\n")).toContain("You no longer represent Karun Steel");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).reporterId).toBe(ids[THIRD]);
    expect((await noticesTo(env.container, SECRETARIAT)).some((n) => n.text.includes("Sara left Karun Steel"))).toBe(true);
  });

  it("two removals at once cannot leave a unit with none", async () => {
    const code = await invite();
    const first = harness.user(FIRST, { firstName: "Reza", languageCode: "fa" });
    await first.send(`/start rep_${code}`);
    const actor = await sessionUserOf(env.container, { id: ids[SECRETARIAT]!, telegramId: SECRETARIAT, firstName: "Dabir" });
    const outcomes = await Promise.allSettled([
      removeRepresentative(env.container, actor, unitId, ids[FIRST]!),
      removeRepresentative(env.container, actor, unitId, ids[THIRD]!),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await env.container.db.unitRepresentative.count({ where: { unitId } })).toBe(1);
  });
});
