/**
 * Batch referral (issue 13, item 2), played through the bot against PostgreSQL and Redis: seed
 * 000's "110 units introduced to social security" in one act — 110 tasks, one letter listing
 * the 110 units, 110 producer notices (each in the producer's language), one summary per
 * official instead of 110 alerts; a double tap makes one batch; finished and other groups'
 * cases are skipped and listed; forged callback data changes nothing.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batch as B } from "../../src/buttons";
import { submitCase } from "../../src/services/cases";
import { encodeQueueView } from "../../src/services/queue";
import { LETTER_HEADER_ROWS, referBatch } from "../../src/services/referrals";
import { closeCase, resolveCase } from "../../src/services/triage";
import type { SessionUser } from "../../src/services/users";
import { createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { sessionUserOf } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let khz: number;
let krm: number;
let socialSecurity: number;
let countyId: number;
const SECRETARIAT = 9100;
const OTHER_SECRETARIAT = 9101;
const OFFICIAL_FA = 9102;
const OFFICIAL_EN = 9103;
const PRODUCER_BASE = 9200;
let secretariat: SessionUser;
const producerIds: number[] = [];
const caseIds: number[] = [];
let krmCaseId: number;

async function person(telegramId: number, firstName: string, language: "fa" | "en") {
  return env.container.db.user.create({ data: { telegramId: String(telegramId), firstName, language } });
}

async function unitWithCase(workingGroupId: number, index: number, userId: number, category = "social_security") {
  const unit = await env.container.db.productionUnit.create({
    data: {
      workingGroupId,
      name: `Unit ${index}`,
      legalId: legalEntityIdFrom(String(1300000000 + index)),
      county: "اهواز",
      countyId: workingGroupId === khz ? countyId : null,
      sector: "INDUSTRY",
      activityStatus: "ACTIVE",
      employees: 10,
      representatives: { create: { userId } },
    },
  });
  const submitted = await submitCase(env.container, userId, {
    unitId: unit.id,
    category,
    subcategory: null,
    agencyId: null,
    irreversibleAt: null,
    amountRials: null,
    description: "Penalties on overdue employer premiums; we ask for the forgiveness circular.",
    attachments: [],
  });
  return submitted.caseId;
}

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KHZ", "KRM"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  khz = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  krm = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).id;
  socialSecurity = (await db.agency.findFirstOrThrow({ where: { workingGroupId: khz, kind: "SOCIAL_SECURITY" }, orderBy: { id: "asc" } })).id;
  countyId = (await db.county.findFirstOrThrow({ where: { workingGroupId: khz }, orderBy: { id: "asc" } })).id;
  const clerk = await person(SECRETARIAT, "Dabir", "en");
  const other = await person(OTHER_SECRETARIAT, "Dabir2", "fa");
  const faOfficial = await person(OFFICIAL_FA, "Bimeh", "fa");
  const enOfficial = await person(OFFICIAL_EN, "Insurer", "en");
  await db.membership.createMany({
    data: [
      { userId: clerk.id, workingGroupId: khz, role: "SECRETARIAT" },
      { userId: other.id, workingGroupId: krm, role: "SECRETARIAT" },
      { userId: faOfficial.id, workingGroupId: khz, role: "OFFICIAL", agencyId: socialSecurity },
      { userId: enOfficial.id, workingGroupId: khz, role: "OFFICIAL", agencyId: socialSecurity },
    ],
  });
  secretariat = await sessionUserOf(env.container, { id: clerk.id, telegramId: SECRETARIAT, firstName: "Dabir" });
  for (let i = 0; i < 110; i++) {
    const producer = await person(PRODUCER_BASE + i, `Producer${i}`, i % 2 === 0 ? "fa" : "en");
    producerIds.push(producer.id);
    caseIds.push(await unitWithCase(khz, i, producer.id));
  }
  // Not taken by the filter: another subject, a closed case, another group's case.
  const extra = await person(PRODUCER_BASE + 500, "Extra", "fa");
  await unitWithCase(khz, 500, extra.id, "tax");
  const closed = await unitWithCase(khz, 501, extra.id);
  await resolveCase(env.container, secretariat, closed, { outcome: "Settled before the circular." });
  await closeCase(env.container, secretariat, closed);
  krmCaseId = await unitWithCase(krm, 502, extra.id);
}, 240_000);
afterAll(async () => env.cleanup());

const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));

describe("batch referral", () => {
  it("110 units introduced to social security in one act: 110 tasks, one letter of 110 rows, 110 producer notices, one summary per official", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    await clerk.send("/refer");
    expect(lastText(SECRETARIAT)).toContain("choose the cases");
    await clerk.tap("Category");
    await clerk.tap("Social security");
    expect(lastText(SECRETARIAT)).toContain("110 cases of 110 units match");
    await clerk.tap("County");
    await clerk.press(B.choose.pack({ kind: "y", value: countyId }));
    expect(lastText(SECRETARIAT)).toContain("110 cases of 110 units match");
    await clerk.tap("Continue with 110 cases");
    const agency = await env.container.db.agency.findUniqueOrThrow({ where: { id: socialSecurity } });
    await clerk.tap(agency.nameEn);
    await clerk.send("Please apply the penalty-forgiveness circular for good-standing employers to these units.");
    await clerk.tap("10 working days");
    const preview = lastText(SECRETARIAT);
    expect(preview).toMatch(new RegExp(`110 cases of 110 units will be referred to ${agency.nameEn} with deadline`));
    const confirm = clerk.buttonData("Refer 110 cases");
    const outboxBefore = await env.container.db.outboxMessage.aggregate({ _max: { id: true } });
    const started = Date.now();
    await clerk.press(confirm);
    const elapsed = Date.now() - started;

    const { db } = env.container;
    const batches = await db.referralBatch.findMany({ include: { tasks: true } });
    expect(batches).toHaveLength(1);
    const batch = batches[0]!;
    expect(batch.tasks).toHaveLength(110);
    expect(new Set(batch.tasks.map((t) => t.caseId))).toEqual(new Set(caseIds));
    expect(batch.tasks.every((t) => t.agencyId === socialSecurity && t.status === "open" && t.dueAt.getTime() === batch.dueAt.getTime())).toBe(true);
    const cases = await db.case.findMany({ where: { id: { in: caseIds } } });
    expect(cases.every((c) => c.status === "assigned" && c.agencyId === socialSecurity)).toBe(true);
    // Each task's reminders are scheduled, as after a single assignment.
    const reminders = (await env.container.queues.timers.getJobs(["delayed", "wait", "prioritized", "paused"])).filter((job) => job.data.type === "task-reminder") as Array<{ data: { taskId: number } }>;
    expect(new Set(reminders.map((job) => job.data.taskId))).toEqual(new Set(batch.tasks.map((t) => t.id)));

    const rows = await db.outboxMessage.findMany({ where: { id: { gt: outboxBefore._max.id ?? 0 } }, orderBy: { id: "asc" } });
    const to = (chat: number) => rows.filter((r) => r.chatId === String(chat));
    // The producers: one notice each, in their own language.
    const producerRows = rows.filter((r) => Number(r.chatId) >= PRODUCER_BASE && Number(r.chatId) < PRODUCER_BASE + 110);
    expect(producerRows).toHaveLength(110);
    expect(new Set(producerRows.map((r) => r.chatId)).size).toBe(110);
    const textOfRow = (r: (typeof rows)[number]) => (r.payload as { params: { text?: string; caption?: string } }).params.text ?? "";
    expect(textOfRow(to(PRODUCER_BASE + 1)[0]!)).toContain(agency.nameEn);
    expect(textOfRow(to(PRODUCER_BASE)[0]!)).toContain(agency.nameFa);
    // The officials: one letter (a document) and one summary each; no per-case alert.
    for (const official of [OFFICIAL_FA, OFFICIAL_EN]) {
      const mine = to(official);
      expect(mine.map((r) => (r.payload as { method: string }).method)).toEqual(["sendDocument", "sendMessage"]);
    }
    expect(rows.some((r) => /^task:\d+:assigned/.test(r.dedupeKey))).toBe(false);
    expect(textOfRow(to(OFFICIAL_EN)[1]!)).toContain("110 cases of 110 units");
    expect(textOfRow(to(OFFICIAL_FA)[1]!)).toContain("۱۱۰ پرونده");
    // The letter lists every unit with its national id as the app shows it.
    const letterFa = (to(OFFICIAL_FA)[0]!.payload as { params: { document: { filename: string; contentBase64: string } } }).params.document;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(letterFa.contentBase64, "base64") as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(LETTER_HEADER_ROWS + 110);
    const units = await db.productionUnit.findMany({ where: { cases: { some: { id: { in: caseIds } } } } });
    const legalIds = new Set<string>();
    for (let r = LETTER_HEADER_ROWS + 1; r <= sheet.rowCount; r++) legalIds.add(String(sheet.getRow(r).getCell(4).value));
    const persian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
    expect(legalIds).toEqual(new Set(units.map((u) => persian(u.legalId))));
    expect(String(sheet.getRow(4).getCell(2).value)).toContain("penalty-forgiveness circular");

    // The clerk: the result, and a copy of the letter.
    const clerkScreen = harness.telegram.screen(SECRETARIAT);
    expect(clerkScreen.some((c) => textOf(c).includes("110 cases of 110 units referred to"))).toBe(true);
    expect(clerkScreen.some((c) => textOf(c).includes("went to the agency's 2 officials"))).toBe(true);
    expect(clerkScreen.at(-1)?.method).toBe("sendDocument");
    expect(elapsed).toBeLessThan(60_000);

    // A double tap: the same batch, nothing new.
    const outboxAfter = await db.outboxMessage.count();
    await clerk.press(confirm);
    expect(lastText(SECRETARIAT)).toContain("already done");
    expect(await db.referralBatch.count()).toBe(1);
    expect(await db.task.count({ where: { caseId: { in: caseIds } } })).toBe(110);
    expect(await db.outboxMessage.count()).toBe(outboxAfter);
  }, 180_000);

  it("forged callback data changes nothing: another group's secretariat, a producer, another group's id", async () => {
    const { db } = env.container;
    const batch = await db.referralBatch.findFirstOrThrow();
    const before = { tasks: await db.task.count(), outbox: await db.outboxMessage.count() };
    const other = harness.user(OTHER_SECRETARIAT, { languageCode: "fa" });
    await other.press(B.confirm.pack({ key: batch.requestKey }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("دبیرخانهٔ همین کارگروه");
    // KRM's secretariat forges a batch over KHZ's group from the queue's button.
    await other.press(B.fromQueue.pack({ view: encodeQueueView({ workingGroupId: khz, page: 0 }) }));
    expect(lastText(OTHER_SECRETARIAT)).not.toContain("ارجاع گروهی —");
    const producer = harness.user(PRODUCER_BASE + 3, { languageCode: "en" });
    await producer.press(B.confirm.pack({ key: batch.requestKey }));
    await producer.send("/refer");
    expect(lastText(PRODUCER_BASE + 3)).not.toMatch(/choose the cases/);
    // KRM's secretariat in its own flow picks KHZ's group by forged data: not taken.
    await other.send("/refer");
    await other.press(B.group.pack({ groupId: khz }));
    expect(await db.referralBatch.count()).toBe(1);
    expect({ tasks: await db.task.count(), outbox: await db.outboxMessage.count() }).toEqual(before);
    // The queue's own button carries its filters into the flow for its secretariat.
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    await clerk.press(B.fromQueue.pack({ view: encodeQueueView({ workingGroupId: khz, page: 0, category: "tax" }) }));
    expect(lastText(SECRETARIAT)).toContain("Category: Tax");
    expect(lastText(SECRETARIAT)).toContain("One case of one unit matches");
    // Through to the preview, then the deadline and the filters changed from it.
    await clerk.tap("Continue with one case");
    const agency = await env.container.db.agency.findFirstOrThrow({ where: { workingGroupId: khz, kind: "TAX" } });
    await clerk.tap(agency.nameEn);
    await clerk.send("Please review the tax penalty.");
    await clerk.tap("30 working days");
    expect(lastText(SECRETARIAT)).toContain(`One case of one unit will be referred to ${agency.nameEn}`);
    await clerk.tap("✏️ Deadline");
    await clerk.tap("5 working days");
    expect(lastText(SECRETARIAT)).toContain("will be referred to");
    await clerk.tap("✏️ Filters");
    await clerk.tap("Category");
    await clerk.tap("Any");
    await clerk.tap("Continue with");
    expect(lastText(SECRETARIAT)).toContain(`will be referred to ${agency.nameEn}`);
    expect(lastText(SECRETARIAT)).toContain("Category: Any");
    await clerk.send("/cancel");
    expect(await env.container.db.referralBatch.count()).toBe(1);
    // And the queue's list offers it to the secretariat.
    await clerk.send("/queue");
    await clerk.tap("Refer these in one act");
    expect(lastText(SECRETARIAT)).toContain("choose the cases");
    await clerk.send("/cancel");
  });

  it("in Persian, for a group whose agency has no official in the bot yet: the clerk gets the letter to send", async () => {
    const { db } = env.container;
    const clerk = harness.user(OTHER_SECRETARIAT, { firstName: "Dabir2", languageCode: "fa" });
    await clerk.send("/cancel");
    await clerk.send("/refer");
    await clerk.tap("موضوع");
    await clerk.tap("تأمین اجتماعی");
    expect(lastText(OTHER_SECRETARIAT)).toContain("۱ پرونده از ۱ واحد");
    await clerk.tap("ادامه با");
    const agency = await db.agency.findFirstOrThrow({ where: { workingGroupId: krm, kind: "SOCIAL_SECURITY" }, orderBy: { id: "asc" } });
    await clerk.tap(agency.nameFa);
    await clerk.send("لطفاً بخشودگی جرائم این واحد بررسی شود.");
    await clerk.send("۱۴۰۵/۰۹/۲۵");
    expect(lastText(OTHER_SECRETARIAT)).toContain(`۱ پرونده از ۱ واحد به ${agency.nameFa} با مهلت`);
    await clerk.tap("ارجاع ۱ پرونده");
    const screen = harness.telegram.screen(OTHER_SECRETARIAT).map(textOf).join("\n");
    expect(screen).toContain("ارجاع شد");
    expect(screen).toContain("هنوز کارشناسی در بات ندارد");
    expect(harness.telegram.screen(OTHER_SECRETARIAT).at(-1)?.method).toBe("sendDocument");
    expect((await db.task.findFirstOrThrow({ where: { caseId: krmCaseId } })).agencyId).toBe(agency.id);
  });

  it("re-checks every case on the server: finished and other groups' cases are skipped and listed; concurrent confirms make one batch", async () => {
    const { db } = env.container;
    const extra = await person(PRODUCER_BASE + 600, "Late", "en");
    const fresh = [await unitWithCase(khz, 600, extra.id), await unitWithCase(khz, 601, extra.id)];
    const closed = await db.case.findFirstOrThrow({ where: { workingGroupId: khz, status: "closed" } });
    const input = {
      requestKey: "6f1c2d3e-4b5a-4c6d-8e7f-901234567890",
      workingGroupId: khz,
      filter: {},
      caseIds: [...fresh, closed.id, krmCaseId, 99_999_999],
      agencyId: socialSecurity,
      request: "Please review the arrears of these two units.",
      dueDate: "1405/09/25",
    };
    const [a, b] = await Promise.all([referBatch(env.container, secretariat, input), referBatch(env.container, secretariat, input)]);
    expect(a.batchId).toBe(b.batchId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.referralBatch.count({ where: { requestKey: input.requestKey } })).toBe(1);
    expect(a.referred.map((r) => r.caseId).sort()).toEqual(fresh.sort());
    expect(await db.task.count({ where: { caseId: { in: fresh } } })).toBe(2);
    const skipped = a.skipped.map((s) => [s.caseId, s.reason, s.trackingCode !== null]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        [closed.id, "finished", true],
        [krmCaseId, "not_in_group", false],
        [99_999_999, "not_in_group", false],
      ]),
    );
    expect(await db.task.count({ where: { caseId: krmCaseId, referralBatch: { workingGroupId: khz } } })).toBe(0);
    // Referred again to the same agency (another preview): their tasks are open, nothing to do.
    const batchesBefore = await db.referralBatch.count();
    await expect(referBatch(env.container, secretariat, { ...input, requestKey: "8f1c2d3e-4b5a-4c6d-8e7f-901234567890", caseIds: fresh })).rejects.toMatchObject({ reason: "empty" });
    expect(await db.referralBatch.count()).toBe(batchesBefore);
    expect(await db.task.count({ where: { caseId: { in: fresh } } })).toBe(2);
    // A holiday deadline (a Friday) is refused before anything is written.
    await expect(referBatch(env.container, secretariat, { ...input, requestKey: "7f1c2d3e-4b5a-4c6d-8e7f-901234567890", dueDate: "1405/09/27" })).rejects.toMatchObject({ reason: "holiday" });
  });
});
