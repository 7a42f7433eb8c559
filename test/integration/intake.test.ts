/**
 * Assisted intake (issue 13, item 5), through the bot: the secretariat files a case for a
 * producer who wrote a letter — registering the unit on the way — the case records it was
 * filed on their behalf and by whom; the producer opens the link and follows the case like any
 * other. Another group's secretariat and producers cannot use it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intake as B } from "../../src/buttons";
import { createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { noticesTo } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let countyId: number;
const SECRETARIAT = 9400;
const OTHER_SECRETARIAT = 9401;
const PRODUCER = 9402;
const LEGAL_ID = legalEntityIdFrom("1412345678");
const persian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));
const allText = (chatId: number) => harness.telegram.screen(chatId).map(textOf).join("\n");

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KHZ", "KRM"] });
  harness = createTestBot(env.container);
  const { db } = env.container;
  const khz = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } })).id;
  const krm = (await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } })).id;
  countyId = (await db.county.findFirstOrThrow({ where: { workingGroupId: khz }, orderBy: { id: "asc" } })).id;
  const clerk = await db.user.create({ data: { telegramId: String(SECRETARIAT), firstName: "Dabir", language: "en" } });
  const other = await db.user.create({ data: { telegramId: String(OTHER_SECRETARIAT), firstName: "Dabir2", language: "fa" } });
  await db.membership.createMany({
    data: [
      { userId: clerk.id, workingGroupId: khz, role: "SECRETARIAT" },
      { userId: other.id, workingGroupId: krm, role: "SECRETARIAT" },
    ],
  });
});
afterAll(async () => env.cleanup());

describe("assisted intake", () => {
  it("a letter's problem filed on the producer's behalf, the unit registered on the way; the producer joins by the link and follows it", async () => {
    const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/intake");
    expect(lastText(SECRETARIAT)).toContain("national id");
    await clerk.send("12345");
    expect(allText(SECRETARIAT)).toContain("not a valid national id");
    await clerk.send(persian(LEGAL_ID)); // Persian digits accepted
    expect(lastText(SECRETARIAT)).toContain("not registered yet");
    await clerk.send("Karun Tile Works");
    await clerk.press(B.county.pack({ countyId }));
    await clerk.tap("Industry");
    await clerk.tap("Semi-active");
    await clerk.send("۴۵");
    await clerk.tap("Social security");
    await clerk.send("Social security refuses to spread the arrears of 1402 into instalments; the letter is attached to our file.");
    await clerk.tap("By letter");
    await clerk.send("Hassan Ahmadi");
    expect(lastText(SECRETARIAT)).toContain("Producer: Hassan Ahmadi (By letter)");
    const confirm = clerk.buttonData("File the case");
    await clerk.press(confirm);
    const filed = lastText(SECRETARIAT);
    expect(filed).toMatch(/Case KHZ-\d{4}-\d{5} was filed on behalf of Hassan Ahmadi/);
    const code = /start=rep_([A-Za-z0-9_-]+)/.exec(filed)![1]!;

    const { db } = env.container;
    const row = await db.case.findFirstOrThrow({ include: { unit: { include: { representatives: true } } } });
    expect(row).toMatchObject({ intakeChannel: "letter", onBehalfName: "Hassan Ahmadi", category: "social_security" });
    expect(row.filedById).toBe(row.reporterId);
    expect(row.unit).toMatchObject({ legalId: LEGAL_ID, name: "Karun Tile Works", countyId, sector: "INDUSTRY", activityStatus: "SEMI_ACTIVE", employees: 45 });
    expect(row.unit.representatives).toHaveLength(0);
    // The new case's alert, as for any report.
    expect((await noticesTo(env.container, SECRETARIAT)).some((n) => n.text.includes(row.trackingCode))).toBe(true);
    // A second tap on the confirm button files nothing more.
    await clerk.press(confirm);
    expect(await db.case.count()).toBe(1);
    // The case card says who filed it, for whom, and how the producer came.
    await clerk.tap("Open the case");
    expect(lastText(SECRETARIAT)).toContain("Filed by Dabir for Hassan Ahmadi, from their letter");

    const producer = harness.user(PRODUCER, { firstName: "Hassan", languageCode: "fa" });
    await producer.send(`/start rep_${code}`);
    expect(allText(PRODUCER)).toContain(`پروندهٔ ${row.trackingCode} واحد Karun Tile Works`);
    const linked = await db.case.findUniqueOrThrow({ where: { id: row.id }, include: { events: true } });
    const producerId = (await db.user.findUniqueOrThrow({ where: { telegramId: String(PRODUCER) } })).id;
    expect(linked.reporterId).toBe(producerId);
    expect(linked.filedById).toBe(row.filedById);
    expect(linked.events.map((e) => e.type)).toContain("producer_linked");
    await producer.send("/cases");
    expect(allText(PRODUCER)).toContain(row.trackingCode);
  });

  it("an existing unit is found by its id; another group's secretariat and producers cannot file", async () => {
    const clerk = harness.user(SECRETARIAT, { firstName: "Dabir", languageCode: "en" });
    await clerk.send("/intake");
    await clerk.send(LEGAL_ID);
    expect(lastText(SECRETARIAT)).toContain("The problem's subject?");
    expect(allText(SECRETARIAT)).toContain("The unit: Karun Tile Works");
    await clerk.send("/cancel");

    const other = harness.user(OTHER_SECRETARIAT, { firstName: "Dabir2", languageCode: "fa" });
    await other.send("/intake");
    await other.send(LEGAL_ID);
    expect(allText(OTHER_SECRETARIAT)).toContain("در کارگروه دیگری ثبت شده");
    expect(allText(OTHER_SECRETARIAT)).not.toContain("Karun Tile Works");
    await other.send("/cancel");

    const producer = harness.user(PRODUCER, { firstName: "Hassan", languageCode: "fa" });
    await producer.send("/intake");
    await producer.press(B.start.pack());
    await producer.press(B.confirm.pack());
    expect(lastText(PRODUCER)).not.toContain("واحد دارای شناسهٔ");
    expect(await env.container.db.case.count()).toBe(1);
  });
});
