import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitCase } from "../../src/services/cases";
import {
  addInternalNote,
  assignCase,
  changeCategory,
  changeUrgency,
  closeCase,
  markDuplicate,
  rejectCase,
  reopenCase,
  requestInformation,
  resolveCase,
  takeCase,
} from "../../src/services/triage";
import { Refusal } from "../../src/domain/refusal";
import { listQueue } from "../../src/services/queue";
import type { SessionUser } from "../../src/services/users";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

let env: TestEnv;
let harness: TestBot;
let secretariat: SessionUser;
let unitX: number;
let unitY: number;
let producerId: number;
const PRODUCER = "7701";

async function newCase(unitId = unitX, category = "bank") {
  return submitCase(env.container, producerId, {
    unitId,
    category,
    subcategory: null,
    agencyId: null,
    irreversibleAt: null,
    amountRials: null,
    description: "The bank has frozen the unit's accounts over an overdue instalment.",
    attachments: [],
  });
}

async function producerTexts(): Promise<string[]> {
  const rows = await env.container.db.outboxMessage.findMany({ where: { chatId: PRODUCER }, orderBy: { id: "asc" } });
  return rows.map((row) => (row.payload as { params: { text: string } }).params.text);
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof Refusal) return error.reason;
    throw error;
  }
}

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KRM", "KHZ"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  const krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
  const khz = await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } });
  const member = await db.user.create({
    data: { telegramId: "7700", firstName: "Dabir", language: "en", memberships: { create: { role: "SECRETARIAT", workingGroupId: krm.id } } },
    include: { memberships: true },
  });
  secretariat = { id: member.id, telegramId: "7700", firstName: "Dabir", language: "en", phone: null, memberships: member.memberships };
  producerId = (await db.user.create({ data: { telegramId: PRODUCER, firstName: "Producer", language: "en" } })).id;
  const unit = async (workingGroupId: number, first10: string) =>
    (
      await db.productionUnit.create({
        data: {
          workingGroupId,
          name: `Unit ${first10}`,
          legalId: legalEntityIdFrom(first10),
          county: "Kerman",
          sector: "MINING",
          activityStatus: "ACTIVE",
          employees: 5,
          representatives: { create: { userId: producerId } },
        },
      })
    ).id;
  unitX = await unit(krm.id, "1200000001");
  unitY = await unit(khz.id, "1200000002");
});
afterAll(async () => env.cleanup());

describe("triage actions", () => {
  it("duplicate: same working group only, never itself; the producer is told which case to follow", async () => {
    const original = await newCase();
    const copy = await newCase();
    const elsewhere = await newCase(unitY);
    expect(await code(markDuplicate(env.container, secretariat, copy.caseId, { originalCode: copy.trackingCode }))).toBe("duplicate_self");
    expect(await code(markDuplicate(env.container, secretariat, copy.caseId, { originalCode: elsewhere.trackingCode }))).toBe("duplicate_not_found");
    // Typed loosely: lower case, Persian digits, spaces.
    const loose = original.trackingCode.toLowerCase().replace(/-/g, " ").replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
    await markDuplicate(env.container, secretariat, copy.caseId, { originalCode: loose });
    const row = await env.container.db.case.findUniqueOrThrow({ where: { id: copy.caseId } });
    expect(row).toMatchObject({ status: "duplicate", duplicateOfId: original.caseId });
    expect((await producerTexts()).at(-1)).toContain(`duplicate of case ${original.trackingCode}`);
    // A later duplicate of the duplicate points at the first case.
    const third = await newCase();
    await markDuplicate(env.container, secretariat, third.caseId, { originalCode: copy.trackingCode });
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: third.caseId } })).duplicateOfId).toBe(original.caseId);
    // Nothing more can be done on a duplicate.
    expect(await code(rejectCase(env.container, secretariat, copy.caseId, { reason: "already_resolved" }))).toBe("illegal_transition");
  });

  it("reject as not within the remit names who is responsible; the producer is told", async () => {
    const item = await newCase();
    expect(await code(rejectCase(env.container, secretariat, item.caseId, { reason: "not_in_remit", text: "" }))).toBe("invalid_text");
    await rejectCase(env.container, secretariat, item.caseId, { reason: "not_in_remit", text: "The provincial tax appeals board" });
    expect((await producerTexts()).at(-1)).toContain("Please turn to: The provincial tax appeals board");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: item.caseId } })).status).toBe("rejected");
    // The secretariat may reopen a rejected case.
    await reopenCase(env.container, secretariat, item.caseId);
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: item.caseId } })).status).toBe("submitted");
    expect((await producerTexts()).at(-1)).toContain("reopened");
  });

  it("category follows urgency unless overridden; notes and urgency stay internal", async () => {
    const item = await newCase();
    const before = (await producerTexts()).length;
    await takeCase(env.container, secretariat, item.caseId);
    expect((await changeCategory(env.container, secretariat, item.caseId, { category: "utility_cutoff", subcategory: "gas" })).urgency).toBe("critical");
    await changeUrgency(env.container, secretariat, item.caseId, { urgency: "low" });
    expect((await changeCategory(env.container, secretariat, item.caseId, { category: "tax" })).urgency).toBe("low");
    expect(await code(changeCategory(env.container, secretariat, item.caseId, { category: "tax", subcategory: "gas" }))).toBe("invalid_category");
    await addInternalNote(env.container, secretariat, item.caseId, { text: "The manager is a relative of the bank's director: be careful." });
    const told = (await producerTexts()).slice(before);
    expect(told).toHaveLength(3); // taken + two subject changes
    expect(told.join("\n")).not.toContain("relative");
    expect(told.join("\n")).not.toMatch(/urgency/i);
    const events = await env.container.db.caseEvent.findMany({ where: { caseId: item.caseId }, orderBy: { id: "asc" } });
    expect(events.filter((e) => e.internal).map((e) => e.type)).toEqual(["urgency_changed", "note"]);
  });

  it("resolving cancels the agency's running task, tells its official, then close and reopen", async () => {
    const { db } = env.container;
    const item = await newCase();
    const krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
    const agency = await db.agency.findFirstOrThrow({ where: { workingGroupId: krm.id, kind: "BANK" } });
    const official = await db.user.create({
      data: { telegramId: "7702", firstName: "Official", memberships: { create: { role: "OFFICIAL", workingGroupId: krm.id, agencyId: agency.id } } },
    });
    expect(await code(assignCase(env.container, secretariat, item.caseId, { agencyId: agency.id, dueDate: "1405/08/01" }))).toBe("past_date");
    const { taskId } = await assignCase(env.container, secretariat, item.caseId, { agencyId: agency.id, dueDate: "1405/09/30" });
    expect(await code(resolveCase(env.container, secretariat, item.caseId, { outcome: "ok" }))).toBe("invalid_text");
    await resolveCase(env.container, secretariat, item.caseId, { outcome: "The bank unfroze the accounts." });
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("cancelled");
    const toOfficial = await db.outboxMessage.findMany({ where: { userId: official.id }, orderBy: { id: "asc" } });
    expect(toOfficial.map((m) => m.dedupeKey)).toEqual([expect.stringContaining(`task:${taskId}:assigned`), expect.stringContaining(`task:${taskId}:cancelled`)]);
    expect((await producerTexts()).at(-1)).toContain("The bank unfroze the accounts.");
    await closeCase(env.container, secretariat, item.caseId);
    expect((await db.case.findUniqueOrThrow({ where: { id: item.caseId } })).status).toBe("closed");
    await reopenCase(env.container, secretariat, item.caseId);
    expect(await db.case.findUniqueOrThrow({ where: { id: item.caseId } })).toMatchObject({ status: "submitted", outcome: null, resolvedAt: null, closedAt: null });
  });

  it("two secretariat members acting at once: the second finds the case changed", async () => {
    const item = await newCase();
    const results = await Promise.all([
      code(rejectCase(env.container, secretariat, item.caseId, { reason: "judicial" })),
      code(markDuplicate(env.container, secretariat, item.caseId, { originalCode: (await newCase()).trackingCode })),
    ]);
    expect(results.sort()).toEqual(["illegal_transition", "ok"]);
    expect(await env.container.db.caseEvent.count({ where: { caseId: item.caseId, type: { in: ["rejected", "marked_duplicate"] } } })).toBe(1);
  });

  it("the card's buttons start a flow that the bot walks through: reject with a reason", async () => {
    const item = await newCase();
    const bot = harness.user(7700, { languageCode: "en" });
    await bot.press(`q:open:${item.caseId}`);
    await bot.tap("Reject");
    await bot.tap("Not within this working group's remit");
    await bot.tap("Back");
    expect(bot.lastText()).toContain("why is it rejected");
    await bot.tap("Before the courts");
    expect(bot.lastText()).toContain("Reject case");
    await bot.tap("Confirm");
    expect(bot.lastText()).toContain("was rejected");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: item.caseId } })).status).toBe("rejected");
    expect((await producerTexts()).at(-1)).toContain("Before the courts");
  });

  it("back at a flow's first question leaves it and offers the case again", async () => {
    const item = await newCase();
    const bot = harness.user(7700, { languageCode: "en" });
    await bot.press(`q:open:${item.caseId}`);
    await bot.tap("Reject");
    await bot.tap("Back");
    expect(bot.lastText()).toContain("Cancelled");
    expect(bot.buttonData("Open the case")).toBe(`q:open:${item.caseId}`);
    // The flow is over: its buttons no longer do anything.
    await bot.press("tr:rr:judicial");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: item.caseId } })).status).toBe("submitted");
  });
});

describe("the queue", () => {
  it("lists open cases most urgent first, then oldest; filters and pages", async () => {
    const { db } = env.container;
    const krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
    // Only this test's cases: close everything earlier tests left open.
    await db.case.updateMany({ where: { workingGroupId: krm.id }, data: { status: "closed" } });
    const normalOld = await newCase();
    env.clock.advance(60_000);
    const critical = await newCase(unitX, "utility_cutoff");
    env.clock.advance(60_000);
    const normalNew = await newCase();
    env.clock.advance(60_000);
    const tax = await newCase(unitX, "tax");
    await db.case.update({ where: { id: tax.caseId }, data: { urgency: "low" } });
    await requestInformation(env.container, secretariat, normalNew.caseId, { question: "Which bank branch is it?" });

    const page = await listQueue(env.container, secretariat, { workingGroupId: krm.id, page: 0 });
    expect(page.items.map((i) => i.id)).toEqual([critical.caseId, normalOld.caseId, normalNew.caseId, tax.caseId]);
    const needsInfo = await listQueue(env.container, secretariat, { workingGroupId: krm.id, page: 0, status: "needs_info" });
    expect(needsInfo.items.map((i) => i.id)).toEqual([normalNew.caseId]);
    const taxOnly = await listQueue(env.container, secretariat, { workingGroupId: krm.id, page: 0, category: "tax" });
    expect(taxOnly.items.map((i) => i.id)).toEqual([tax.caseId]);
    const second = await listQueue(env.container, secretariat, { workingGroupId: krm.id, page: 1 }, 3);
    expect(second).toMatchObject({ total: 4, pages: 2 });
    // A page past the end (cases left the queue meanwhile) shows the last page, not nothing.
    const beyond = await listQueue(env.container, secretariat, { workingGroupId: krm.id, page: 9 }, 3);
    expect(beyond).toMatchObject({ page: 1, pages: 2 });
    expect(beyond.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    expect(second.items.map((i) => i.id)).toEqual([tax.caseId]);

    // Through the bot: the status filter button leads to the filtered list.
    const bot = harness.user(7700, { languageCode: "en" });
    await bot.send("/queue");
    expect(bot.lastText()).toContain("4 cases");
    await bot.tap("Status ▾");
    await bot.tap("Waiting for the producer");
    expect(bot.lastText()).toContain("1 case (");
    expect(bot.buttonData(normalNew.trackingCode)).toBe(`q:open:${normalNew.caseId}`);
    await bot.tap("Clear filters");
    expect(bot.lastText()).toContain("4 cases");
  });
});
