import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLegalEntityId } from "../../src/domain/identifiers";
import { createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

let env: TestEnv;
let harness: TestBot;

beforeAll(async () => {
  // Sunday 2 Azar 1405, 10:30 Tehran.
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-23T07:00:00Z")) });
  harness = createTestBot(env.container);
});
afterAll(async () => env.cleanup());

async function secretariatMember(telegramId: string, workingGroupCode: string) {
  const group = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: workingGroupCode } });
  return env.container.db.user.create({
    data: {
      telegramId,
      firstName: "Dabir",
      language: "fa",
      memberships: { create: { role: "SECRETARIAT", workingGroupId: group.id } },
    },
  });
}

describe.each([
  { locale: "fa", userId: 5001, legalFirst10: "1038028479", phone: "+98 912 345 6789", groupLabel: "کرمان", date: "۱۴۰۵/۰۹/۱۵", amount: "۵۰۰ میلیون" },
  { locale: "en", userId: 5002, legalFirst10: "1410567890", phone: "989123456780", groupLabel: "Kerman", date: "1405/9/15", amount: "500 million" },
])("a new producer reports a problem end to end ($locale)", ({ locale, userId, legalFirst10, phone, groupLabel, date, amount }) => {
  const legalId = legalEntityIdFrom(legalFirst10);

  it("goes from /start through registration, a report and /cases", async () => {
    const { db } = env.container;
    await secretariatMember(`${userId}99`, "KRM");
    const producer = harness.user(userId, { languageCode: locale });
    const fa = locale === "fa";

    await producer.send("/start");
    expect(producer.lastText()).toContain(fa ? "واحد تولیدی خود را ثبت کنید" : "register your production unit");
    await producer.tap(fa ? "ثبت واحد تولیدی" : "Register a production unit");
    expect(producer.lastText()).toContain(fa ? "شماره همراه" : "mobile number");

    // A forwarded contact of someone else is refused; the question is asked again.
    await producer.shareContact("09120000000", 424242);
    expect(producer.textsSince(producer.mark() - 2).join("\n")).toContain(fa ? "متعلق به خود شما نیست" : "not your own number");
    await producer.shareContact(phone);
    expect((await db.user.findUniqueOrThrow({ where: { telegramId: String(userId) } })).phone).toMatch(/^09\d{9}$/);

    await producer.send(fa ? "صنایع غذایی البرز" : "Alborz Food Industries");
    // A wrong check digit is refused with a clear message and the same question.
    const wrong = `${legalId.slice(0, 10)}${(Number(legalId[10]) + 1) % 10}`;
    expect(parseLegalEntityId(wrong).ok).toBe(false);
    await producer.send(wrong);
    expect(producer.textsSince(producer.mark() - 2)[0]).toContain(fa ? "معتبر نیست" : "not valid");
    await producer.send(fa ? legalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d) : legalId);
    await producer.tap(fa ? "صرف‌نظر" : "Skip");
    await producer.tap(groupLabel);
    await producer.tap(fa ? "رفسنجان" : "Rafsanjan");
    await producer.tap(fa ? "صنعت" : "Industry");
    await producer.tap(fa ? "نیمه‌فعال" : "Semi-active");
    await producer.send(fa ? "چهل" : "forty");
    expect(producer.textsSince(producer.mark() - 2)[0]).toContain(fa ? "تعداد کارکنان باید" : "must be a number");
    await producer.send(fa ? "۴۵" : "45");
    expect(producer.lastText()).toContain(legalId.slice(-3).replace(/\d/g, (d) => (fa ? "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d : d)));
    await producer.tap(fa ? "تأیید" : "Confirm");
    const unit = await db.productionUnit.findUniqueOrThrow({ where: { legalId } });
    expect(unit).toMatchObject({ county: "رفسنجان", sector: "INDUSTRY", activityStatus: "SEMI_ACTIVE", employees: 45, licenceNo: null });

    // The report wizard.
    await producer.send("/report");
    await producer.tap(fa ? "مسائل بانکی" : "Banking");
    await producer.tap(fa ? "امهال" : "rescheduling");
    await producer.tap(fa ? "بانک ملت" : "Bank Mellat");
    await producer.tap(fa ? "تاریخ دقیق" : "exact date");
    await producer.send("1399/01/01");
    expect(producer.textsSince(producer.mark() - 2)[0]).toContain(fa ? "گذشته است" : "has passed");
    await producer.send(date);
    await producer.send(fa ? "مبلغ زیاد" : "a lot");
    expect(producer.textsSince(producer.mark() - 2)[0]).toContain(fa ? "متوجه نشدم" : "couldn't read");
    await producer.send(amount);
    await producer.send(fa ? "کوتاه" : "short");
    const description = fa
      ? "قسط‌های تسهیلات سرمایه در گردش به دلیل قطعی برق معوق شده و بانک برای امهال ضمانت‌نامه جدید می‌خواهد."
      : "Working-capital loan instalments fell overdue after power cuts; the bank wants a new guarantee to reschedule.";
    await producer.send(description);
    await producer.sendDocument({ fileName: "letter.pdf", mimeType: "application/pdf", sizeBytes: 120_000 });
    await producer.sendDocument({ fileName: "huge.pdf", mimeType: "application/pdf", sizeBytes: 80 * 1024 * 1024 });
    expect(producer.textsSince(producer.mark() - 2)[0]).toContain(fa ? "مگابایت" : "MB");
    await producer.tap(fa ? "تمام" : "Done");
    const review = producer.lastText();
    expect(review).toContain(fa ? "بانک ملت" : "Bank Mellat");
    expect(review).toContain(fa ? "۵٬۰۰۰٬۰۰۰٬۰۰۰ ریال" : "5,000,000,000 rials");
    expect(review).toContain(fa ? "۱۵ آذر ۱۴۰۵" : "15 Azar 1405");

    // Edit the amount from the review screen, then come straight back to it.
    await producer.tap(fa ? "✏ مبلغ" : "✏ Amount");
    await producer.send(fa ? "۶۰۰ میلیون" : "600 million");
    expect(producer.lastText()).toContain(fa ? "۶٬۰۰۰٬۰۰۰٬۰۰۰" : "6,000,000,000");
    await producer.tap(fa ? "ارسال به دبیرخانه" : "Send to the secretariat");

    const submitted = producer.lastText();
    const code = /KRM-1405-\d{5}/.exec(submitted)?.[0];
    expect(code).toBeDefined();
    const stored = await db.case.findUniqueOrThrow({
      where: { trackingCode: code ?? "" },
      include: { events: true, attachments: true },
    });
    expect(stored).toMatchObject({ category: "bank", subcategory: "rescheduling", status: "submitted", urgency: "normal", amountRials: 6_000_000_000n });
    expect(stored.events.map((e) => e.type)).toEqual(["submitted"]);
    expect(stored.attachments).toHaveLength(1);
    // The secretariat's alert was queued in the same transaction.
    const alerts = await db.outboxMessage.findMany({ where: { chatId: `${userId}99` } });
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.payload)).toContain(code);

    // /cases shows it, and the card shows the timeline in Jalali.
    await producer.send("/cases");
    expect(producer.lastText()).toContain(fa ? "پرونده‌های شما" : "Your cases");
    await producer.tap(code ?? "");
    const card = producer.lastText();
    expect(card).toContain(code);
    expect(card).toContain(fa ? "سابقه پرونده" : "Case history");
    expect(card).toContain(fa ? "۱۴۰۵/۰۹/۰۲" : "1405/09/02");
  });
});

describe("guards", () => {
  it("a producer cannot open another producer's case with forged callback data", async () => {
    const { db } = env.container;
    const other = await db.case.findFirstOrThrow();
    const intruder = harness.user(5999, { languageCode: "en" });
    await intruder.send("/start");
    await intruder.press(`cases:view:${other.id}`);
    expect(intruder.lastText()).toContain("not found");
    await intruder.press(`cases:addinfo:${other.id}`);
    expect(intruder.lastText()).toContain("not found");
  });

  it("adding a document to a case accepts the files a report accepts, and no others", async () => {
    const { db } = env.container;
    const producer = harness.user(5002, { languageCode: "en" });
    const own = await db.case.findFirstOrThrow({ where: { reporter: { telegramId: "5002" } } });
    const files = () => db.attachment.count({ where: { caseId: own.id } });
    const before = await files();
    await producer.press(`cases:addinfo:${own.id}`);
    expect(producer.lastText()).toContain("Send additional information");

    await producer.sendDocument({ fileName: "setup.exe", mimeType: "application/x-msdownload", sizeBytes: 40_000 });
    expect(producer.lastText()).toContain("This file type is not accepted");
    expect(await files()).toBe(before);

    await producer.sendDocument({ fileName: "letter.pdf", mimeType: "application/pdf", sizeBytes: 40_000 });
    expect(producer.lastText()).toContain(`The information was added to case ${own.trackingCode}`);
    expect(await files()).toBe(before + 1);
  });

  it("a page of /cases past the end (a stale or forged button) shows the last page", async () => {
    const producer = harness.user(5002, { languageCode: "en" });
    const own = await env.container.db.case.findFirstOrThrow({ where: { reporter: { telegramId: "5002" } } });
    await producer.press("cases:list:7");
    expect(producer.lastText()).toContain("page 1 of 1");
    expect(producer.buttonData(own.trackingCode)).toBe(`cases:view:${own.id}`);
  });

  it("/start in the middle of the wizard keeps the draft and asks the same question again", async () => {
    const producer = harness.user(5002, { languageCode: "en" });
    await producer.send("/report");
    await producer.tap("Tax");
    await producer.send("/start");
    const texts = producer.textsSince(producer.mark() - 2);
    expect(texts[0]).toContain("everything you entered is kept");
    expect(texts[1]).toContain("counterpart");
    await producer.send("/cancel");
    expect(producer.textsSince(producer.mark() - 2)[0]).toContain("Cancelled");
  });
});
