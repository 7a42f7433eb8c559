import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/generated/prisma/client";
import { addProducerInformation, submitCase } from "../../src/services/cases";
import { createInvitation, redeemInvitation, revokeMembership } from "../../src/services/invitations";
import { Refusal } from "../../src/domain/refusal";
import { listQueue, openCaseCard } from "../../src/services/queue";
import { listOfficialTasks, loadTaskCard } from "../../src/services/tasks";
import { assignCase, requestInformation, resolveCase, takeCase } from "../../src/services/triage";
import { forgetUsers } from "../../src/services/user-cache";
import type { SessionUser } from "../../src/services/users";
import { buttonsOf, createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

let env: TestEnv;
let harness: TestBot;
const START = new Date("2026-11-22T07:00:00Z");

/** Telegram ids of the cast. X = KRM, Y = KHZ. */
const T = { secX: 8101, secY: 8102, chairX: 8103, producerA: 8104, producerB: 8105, officialA: 8106, officialB: 8107 };
const ids: Record<keyof typeof T, number> = { secX: 0, secY: 0, chairX: 0, producerA: 0, producerB: 0, officialA: 0, officialB: 0 };
let krm: { id: number };
let khz: { id: number };
let mellat: { id: number };
let melli: { id: number };
let caseA: { caseId: number; trackingCode: string };
let caseY: { caseId: number; trackingCode: string };

async function sessionUser(telegramId: number): Promise<SessionUser> {
  const user = await env.container.db.user.findUniqueOrThrow({
    where: { telegramId: String(telegramId) },
    include: { memberships: { where: { revokedAt: null }, select: { id: true, role: true, workingGroupId: true, agencyId: true, isAgencyHead: true } } },
  });
  return { id: user.id, telegramId: user.telegramId, firstName: user.firstName, language: "en", phone: user.phone, memberships: user.memberships };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof Refusal) return error.reason;
    throw error;
  }
}

const seen = (user: TestUser, mark: number) => user.textsSince(mark).join("\n");

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(START), workingGroups: ["KRM", "KHZ"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  khz = await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } });
  mellat = await db.agency.findFirstOrThrow({ where: { workingGroupId: krm.id, nameEn: { startsWith: "Bank Mellat" } } });
  melli = await db.agency.findFirstOrThrow({ where: { workingGroupId: krm.id, nameEn: { startsWith: "Bank Melli" } } });
  const member = (telegramId: number, firstName: string, membership?: Prisma.MembershipUncheckedCreateWithoutUserInput) =>
    db.user.create({
      data: { telegramId: String(telegramId), firstName, language: "en", phone: "09121111111", ...(membership ? { memberships: { create: membership } } : {}) },
    });
  ids.secX = (await member(T.secX, "SecX", { role: "SECRETARIAT", workingGroupId: krm.id })).id;
  ids.secY = (await member(T.secY, "SecY", { role: "SECRETARIAT", workingGroupId: khz.id })).id;
  ids.chairX = (await member(T.chairX, "ChairX", { role: "CHAIR", workingGroupId: krm.id })).id;
  ids.officialA = (await member(T.officialA, "OffA", { role: "OFFICIAL", workingGroupId: krm.id, agencyId: mellat.id })).id;
  ids.officialB = (await member(T.officialB, "OffB", { role: "OFFICIAL", workingGroupId: krm.id, agencyId: melli.id })).id;
  ids.producerA = (await member(T.producerA, "ProdA")).id;
  ids.producerB = (await member(T.producerB, "ProdB")).id;
  const unit = (name: string, workingGroupId: number, first10: string, userId: number) =>
    db.productionUnit.create({
      data: {
        workingGroupId,
        name,
        legalId: legalEntityIdFrom(first10),
        county: "Kerman",
        sector: "INDUSTRY",
        activityStatus: "ACTIVE",
        employees: 10,
        representatives: { create: { userId } },
      },
    });
  const unitA = await unit("Unit A", krm.id, "1000000001", ids.producerA);
  await unit("Unit B", krm.id, "1000000002", ids.producerB);
  const unitY = await unit("Unit Y", khz.id, "1000000003", ids.producerB);
  const draft = (unitId: number) => ({
    unitId,
    category: "bank",
    subcategory: "overdue_loan",
    agencyId: null,
    irreversibleAt: null,
    amountRials: null,
    description: "Overdue instalments after the power cuts; the bank threatens legal action.",
    attachments: [{ kind: "DOCUMENT", fileId: "secret-file", fileUniqueId: "secret-u", fileName: "a.pdf", mimeType: "application/pdf", sizeBytes: 10 }],
  });
  caseA = await submitCase(env.container, ids.producerA, draft(unitA.id));
  caseY = await submitCase(env.container, ids.producerB, draft(unitY.id));
});
afterAll(async () => env.cleanup());

describe("producers", () => {
  it("cannot open, read the files of, or act on another producer's case, even with forged callback data", async () => {
    const intruder = harness.user(T.producerB, { languageCode: "en" });
    await intruder.send("/start");
    const mark = intruder.mark();
    for (const data of [`cases:view:${caseA.caseId}`, `cases:addinfo:${caseA.caseId}`, `q:open:${caseA.caseId}`, `q:att:${caseA.caseId}`, `tr:ask:${caseA.caseId}`, `tr:take:${caseA.caseId}`]) {
      await intruder.press(data);
    }
    const texts = intruder.textsSince(mark);
    expect(texts).toHaveLength(6);
    for (const text of texts) expect(text).toMatch(/not found|not in your working group/);
    expect(intruder.screen().some((call) => call.method === "sendDocument")).toBe(false);
    expect(seen(intruder, 0)).not.toContain(caseA.trackingCode);
    await intruder.send("/queue");
    expect(intruder.lastText()).toContain("not allowed");

    const producerB = await sessionUser(T.producerB);
    expect(await refusal(takeCase(env.container, producerB, caseA.caseId))).toBe("forbidden");
    expect(await refusal(requestInformation(env.container, producerB, caseA.caseId, { question: "What is going on here?" }))).toBe("forbidden");
    expect(await refusal(addProducerInformation(env.container, ids.producerB, caseA.caseId, { text: "hijack", attachment: null }))).toBe("not_yours");
    expect(await openCaseCard(env.container, producerB, caseA.caseId)).toBeNull();
    const untouched = await env.container.db.case.findUniqueOrThrow({ where: { id: caseA.caseId }, include: { events: true } });
    expect(untouched.status).toBe("submitted");
    expect(untouched.takenById).toBeNull();
    expect(untouched.events.map((e) => e.type)).toEqual(["submitted"]);
  });
});

describe("secretariat scope", () => {
  it("a member of group Y cannot open or act on a case of group X with forged callback data", async () => {
    const secY = harness.user(T.secY, { languageCode: "en" });
    await secY.send("/start");
    const mark = secY.mark();
    await secY.press(`q:open:${caseA.caseId}`);
    await secY.press(`q:att:${caseA.caseId}`);
    await secY.press(`q:l:${krm.id}.0.-.-.-`);
    await secY.press(`q:fa:${krm.id}.0.-.-.-`);
    for (const action of ["take", "ask", "asg", "dup", "rej", "cat", "urg", "note", "res", "cls", "reo"]) {
      await secY.press(`tr:${action}:${caseA.caseId}`);
    }
    const texts = secY.textsSince(mark);
    expect(texts).toHaveLength(15);
    for (const text of texts) expect(text).toMatch(/not found|not allowed|not in your working group/);
    expect(seen(secY, 0)).not.toContain(caseA.trackingCode);
    expect(secY.screen().some((call) => call.method === "sendDocument")).toBe(false);
    expect(await env.container.db.outboxMessage.count({ where: { chatId: String(T.secY), payload: { path: ["params", "text"], string_contains: caseA.trackingCode } } })).toBe(0);

    const secYUser = await sessionUser(T.secY);
    expect(await refusal(listQueue(env.container, secYUser, { workingGroupId: krm.id, page: 0 }))).toBe("forbidden");
    expect(await openCaseCard(env.container, secYUser, caseA.caseId)).toBeNull();
    expect(await refusal(assignCase(env.container, secYUser, caseA.caseId, { agencyId: mellat.id, dueDate: "1405/09/20" }))).toBe("forbidden");
    expect(await refusal(resolveCase(env.container, secYUser, caseA.caseId, { outcome: "Closed from the wrong group" }))).toBe("forbidden");
    const untouched = await env.container.db.case.findUniqueOrThrow({ where: { id: caseA.caseId } });
    expect(untouched).toMatchObject({ status: "submitted", firstOpenedAt: null, takenById: null });
    expect(await env.container.db.task.count({ where: { caseId: caseA.caseId } })).toBe(0);
  });

  it("inside a flow, a forged agency of another group is refused and the flow stays put", async () => {
    const secY = harness.user(T.secY, { languageCode: "en" });
    await secY.press(`q:open:${caseY.caseId}`);
    await secY.press(`tr:asg:${caseY.caseId}`);
    expect(secY.lastText()).toContain("refer it to which executive agency");
    await secY.press(`tr:ag:${mellat.id}`); // Bank Mellat of Kerman: not an agency of KHZ
    expect(secY.textsSince(secY.mark() - 2)[0]).toContain("Please choose one of the options");
    expect(secY.lastText()).toContain("refer it to which executive agency");
    await secY.send("/cancel");
  });

  it("a member whose role is revoked mid-flow cannot finish the action", async () => {
    const secX = harness.user(T.secX, { languageCode: "en" });
    await secX.press(`q:open:${caseA.caseId}`);
    await secX.tap("Resolved");
    await secX.send("The bank agreed to reschedule the instalments.");
    const membership = await env.container.db.membership.findFirstOrThrow({ where: { userId: ids.secX } });
    await env.container.db.membership.update({ where: { id: membership.id }, data: { revokedAt: env.clock.now() } });
    // A write behind the services' back: announced to the user cache as the services do.
    await forgetUsers(env.container, [ids.secX]);
    await secX.tap("Confirm");
    expect(secX.lastText()).toContain("not in your working group");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseA.caseId } })).status).toBe("submitted");
    await env.container.db.membership.update({ where: { id: membership.id }, data: { revokedAt: null } });
    await forgetUsers(env.container, [ids.secX]);
  });

  it("the chair reads the card without the producer's phone and cannot act", async () => {
    await env.container.db.case.update({ where: { id: caseA.caseId }, data: { firstOpenedAt: null } });
    const chair = harness.user(T.chairX, { languageCode: "en" });
    await chair.press(`q:open:${caseA.caseId}`);
    const card = chair.screen().at(-1);
    expect(chair.lastText()).toContain(caseA.trackingCode);
    expect(chair.lastText()).toContain("read only");
    expect(chair.lastText()).not.toContain("09121111111");
    expect(buttonsOf(card).map((b) => ("callback_data" in b ? b.callback_data : "")).filter((d) => d?.startsWith("tr:"))).toEqual([]);
    await chair.press(`tr:res:${caseA.caseId}`);
    expect(chair.lastText()).toContain("not found");
    expect(await refusal(resolveCase(env.container, await sessionUser(T.chairX), caseA.caseId, { outcome: "The chair closes it" }))).toBe("forbidden");
    // The chair's look does not count as the secretariat opening the case.
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseA.caseId } })).firstOpenedAt).toBeNull();
  });
});

describe("officials", () => {
  it("an official of agency A cannot see agency B's tasks", async () => {
    const secX = await sessionUser(T.secX);
    const toMellat = await assignCase(env.container, secX, caseA.caseId, { agencyId: mellat.id, officialId: ids.officialA, dueDate: "1405/09/20" });
    const other = await submitCase(env.container, ids.producerB, {
      unitId: (await env.container.db.productionUnit.findFirstOrThrow({ where: { name: "Unit B" } })).id,
      category: "bank",
      subcategory: null,
      agencyId: null,
      irreversibleAt: null,
      amountRials: null,
      description: "The bank refuses a working-capital loan without giving reasons in writing.",
      attachments: [],
    });
    const toMelli = await assignCase(env.container, secX, other.caseId, { agencyId: melli.id, dueDate: "1405/09/25" });

    expect(await loadTaskCard(env.container, ids.officialA, toMellat.taskId)).not.toBeNull();
    expect(await loadTaskCard(env.container, ids.officialA, toMelli.taskId)).toBeNull();
    expect(await loadTaskCard(env.container, ids.officialB, toMellat.taskId)).toBeNull();
    const listA = await listOfficialTasks(env.container, ids.officialA, 0, 20);
    expect(listA.items.map((t) => t.id)).toEqual([toMellat.taskId]);
    // Only the chosen official of A was told; B's officials heard of their own task only.
    const toldA = await env.container.db.outboxMessage.findMany({ where: { chatId: String(T.officialA) } });
    expect(toldA.map((m) => m.dedupeKey)).toEqual([expect.stringContaining(`task:${toMellat.taskId}:assigned`)]);
    const toldB = await env.container.db.outboxMessage.findMany({ where: { chatId: String(T.officialB) } });
    expect(toldB.map((m) => m.dedupeKey)).toEqual([expect.stringContaining(`task:${toMelli.taskId}:assigned`)]);
    // Through the bot, with forged callback data: B's task card and documents stay closed to A.
    const officialA = harness.user(T.officialA, { languageCode: "en" });
    await officialA.press(`t:o:${toMellat.taskId}`);
    expect(officialA.lastText()).toContain(caseA.trackingCode);
    const mark = officialA.mark();
    await officialA.press(`t:o:${toMelli.taskId}`);
    await officialA.press(`t:docs:${toMelli.taskId}`);
    expect(officialA.textsSince(mark)).toEqual([expect.stringContaining("not found"), expect.stringContaining("not found")]);
    expect(officialA.textsSince(mark).join("\n")).not.toContain(other.trackingCode);
    // Officials are not the secretariat: the case card stays closed to them.
    await officialA.press(`q:open:${caseA.caseId}`);
    expect(officialA.lastText()).toContain("not found");
    // An official of another agency cannot be named on a task.
    expect(await refusal(assignCase(env.container, secX, other.caseId, { agencyId: melli.id, officialId: ids.officialA, dueDate: "1405/09/25" }))).toBe("invalid_official");
  });
});

describe("invitations", () => {
  it("a used, expired, revoked or made-up invitation grants nothing", async () => {
    const { db } = env.container;
    const secX = await sessionUser(T.secX);
    const roleCount = (telegramId: number) => db.membership.count({ where: { user: { telegramId: String(telegramId) }, revokedAt: null } });

    // Used: the first person gets the role, the second nothing.
    const used = await createInvitation(env.container, secX, { role: "OFFICIAL", workingGroupId: krm.id, agencyId: mellat.id });
    expect((await redeemInvitation(env.container, ids.producerA, used.code)).ok).toBe(true);
    const second = harness.user(8201, { languageCode: "en" });
    await second.send(`/start inv_${used.code}`);
    expect(second.textsSince(0)[0]).toContain("already been used");
    expect(await roleCount(8201)).toBe(0);

    // Revoked through /invitations by its creator's group.
    const revoked = await createInvitation(env.container, secX, { role: "OFFICIAL", workingGroupId: krm.id, agencyId: melli.id });
    const secXBot = harness.user(T.secX, { languageCode: "en" });
    const secYBot = harness.user(T.secY, { languageCode: "en" });
    await secYBot.press(`ivl:rv:${revoked.id}`); // forged: another group's invitation
    expect(secYBot.lastText()).toContain("not found");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: revoked.id } })).revokedAt).toBeNull();
    await secXBot.send("/invitations");
    await secXBot.press(`ivl:rv:${revoked.id}`);
    const third = harness.user(8202, { languageCode: "en" });
    await third.send(`/start inv_${revoked.code}`);
    expect(third.textsSince(0)[0]).toContain("cancelled");
    expect(await roleCount(8202)).toBe(0);

    // Made up.
    const fourth = harness.user(8203, { languageCode: "en" });
    await fourth.send("/start inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(fourth.textsSince(0)[0]).toContain("not valid");
    expect(await roleCount(8203)).toBe(0);

    // Expired.
    const expired = await createInvitation(env.container, secX, { role: "OFFICIAL", workingGroupId: krm.id, agencyId: mellat.id });
    env.clock.advance(env.config.INVITATION_TTL_HOURS * 3_600_000 + 1);
    const fifth = harness.user(8204, { languageCode: "en" });
    await fifth.send(`/start inv_${expired.code}`);
    expect(fifth.textsSince(0)[0]).toContain("expired");
    expect(await roleCount(8204)).toBe(0);
    env.clock.set(START);

    // Only the hash is stored.
    expect(await db.invitation.count({ where: { codeHash: { in: [used.code, revoked.code, expired.code] } } })).toBe(0);
  });

  it("a secretariat member invites only officials and county desks of their own group", async () => {
    const secX = await sessionUser(T.secX);
    for (const role of ["SECRETARIAT", "CHAIR", "ADMIN"] as const) {
      expect(await refusal(createInvitation(env.container, secX, { role, workingGroupId: krm.id }))).toBe("forbidden");
    }
    expect(await refusal(createInvitation(env.container, secX, { role: "OFFICIAL", workingGroupId: khz.id, agencyId: mellat.id }))).toBe("forbidden");
    // An agency of another group is refused even in the own group's invitation.
    const khzAgency = await env.container.db.agency.findFirstOrThrow({ where: { workingGroupId: khz.id } });
    expect(await refusal(createInvitation(env.container, secX, { role: "OFFICIAL", workingGroupId: krm.id, agencyId: khzAgency.id }))).toBe("invalid_agency");

    // Through the bot: a forged role button is refused, and so is a forged group.
    const bot = harness.user(T.secX, { languageCode: "en" });
    await bot.send("/invite");
    expect(buttonsOf(bot.screen().at(-1)).map((b) => b.text)).toEqual(["Official of an executive agency", "County desk", "✖ Cancel"]);
    const before = await env.container.db.invitation.count();
    await bot.press("iv:role:ADMIN");
    expect(bot.lastText()).toContain("not allowed");
    await bot.press(`iv:wg:${khz.id}`);
    await bot.send("/cancel");
    expect(await env.container.db.invitation.count()).toBe(before);

    // Nor can they revoke members of another group, or their own role.
    const secYMembership = await env.container.db.membership.findFirstOrThrow({ where: { userId: ids.secY } });
    await bot.press(`mb:rvy:${secYMembership.id}`);
    expect(bot.lastText()).toContain("not found");
    const own = await env.container.db.membership.findFirstOrThrow({ where: { userId: ids.secX } });
    expect(await refusal(revokeMembership(env.container, secX, own.id))).toBe("forbidden");
    expect(await env.container.db.membership.count({ where: { id: { in: [secYMembership.id, own.id] }, revokedAt: null } })).toBe(2);
  });
});
