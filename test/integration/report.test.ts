/**
 * The quarterly report's figures (issue 12) on a fixture quarter (test/support/report-world.ts):
 * Kerman in spring 1405 against winter 1404, every figure of PeriodReport exactly. The bank's
 * loan on case B is completed through the bot by the bank official (the new loan step: approved,
 * an amount in Persian digits), then confirmed by the secretariat. Then the chat: /quarterly, the
 * period picker editing in place, the months page, a typed range, authorization (forged group
 * ids change nothing). The clock: Sunday 1405/04/21 10:30 Tehran.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customPeriod, quarterPeriod } from "../../src/domain/report-period";
import { buildPeriodReport } from "../../src/services/report";
import type { AgencyScore } from "../../src/services/report/types";
import { completeTask, confirmTask } from "../../src/services/task-actions";
import { tasks as taskButtons, report as buttons } from "../../src/buttons";
import { createTestBot, textOf, buttonsOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { at, seedReportWorld, type ReportWorld } from "../support/report-world";

const NOW = at("1405/04/21", "10:30");
let env: TestEnv;
let harness: TestBot;
let w: ReportWorld;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(NOW), workingGroups: ["KRM", "KHZ"] });
  harness = createTestBot(env.container);
  w = await seedReportWorld(env);

  // The bank official completes the loan task on B through the bot, on 1405/02/01 10:00.
  env.clock.set(at("1405/02/01"));
  const banker = harness.user(w.krm.bankOfficial.telegramId);
  await banker.press(taskButtons.complete.pack({ taskId: w.loanTaskB }));
  await banker.press(taskButtons.flowSkip.pack()); // no letter number
  await banker.send("تسهیلات سرمایه در گردش پرداخت شد.");
  await banker.press(taskButtons.flowSend.pack()); // no files
  expect(banker.lastText()).toBe(env.container.t("fa", "report-loan-ask"));
  await banker.tap(env.container.t("fa", "report-loan-button-approved"));
  await banker.send("چهل میلیارد"); // not a number: asked again
  expect(recent(banker.id, 2)).toContain(env.container.t("fa", "report-loan-amount-invalid"));
  await banker.send("۵۰ میلیارد");
  expect(banker.lastText()).toContain(env.container.t("fa", "task-done-complete"));
  await confirmTask(env.container, w.krm.secretariat.id, w.loanTaskB);
  env.clock.set(NOW);
}, 60_000);
afterAll(async () => env?.cleanup());

/** The texts of a chat's last n calls, joined. */
const recent = (chatId: number, n: number) => harness.telegram.screen(chatId).slice(-n).map(textOf).join("\n");
const fig = (current: number, previous: number) => ({ current, previous });

describe("PeriodReport: every figure, spring 1405 against winter 1404", () => {
  it("the loan decision is stored on the task as the bank gave it", async () => {
    const task = await env.container.db.task.findUniqueOrThrow({ where: { id: w.loanTaskB } });
    expect(task).toMatchObject({ status: "done", loanDecision: "approved", loanAmountRials: 50_000_000_000n, loanRefusalReasons: null });
    const notice = await env.container.db.outboxMessage.findFirstOrThrow({ where: { chatId: String(w.krm.secretariat.telegramId), dedupeKey: { contains: `task:${w.loanTaskB}:` } } });
    expect(JSON.stringify(notice.payload)).toContain("Loan approved: 50,000,000,000 rials");
  });

  it("counts the seed's figures", async () => {
    const report = await buildPeriodReport(env.container, w.krm.workingGroupId, quarterPeriod(1405, 1));
    expect(report).not.toBeNull();
    const r = report!;
    expect(r.period).toEqual(quarterPeriod(1405, 1));
    expect(r.previousPeriod).toEqual(quarterPeriod(1404, 4));
    expect(r.meetingsHeld.map((m) => [m.key, m.count])).toEqual([
      ["WORKING_GROUP", fig(1, 0)],
      ["COMMITTEE", fig(2, 1)],
    ]);
    expect(r.meetingsHeld[1]!.nameEn).toBe("specialist-committee");
    // u1, u2, u3 (M1), u1, u2 (M2), u4 (M3); u5 only on a scheduled and a cancelled meeting.
    expect(r.unitsHeard).toEqual(fig(4, 1));
    expect(r.resolutionsRecorded).toEqual(fig(3, 1));
    expect(r.casesReported).toEqual(fig(8, 2));
    expect(r.casesResolved).toEqual(fig(2, 1));
    expect(r.topicsHeard.map((t) => [t.key, t.count])).toEqual([
      ["overdue_debts", fig(3, 0)],
      ["financing", fig(2, 1)],
      ["other", fig(1, 0)],
    ]);
    expect(r.topicsReported.map((t) => [t.key, t.count])).toEqual([
      ["overdue_debts", fig(4, 0)],
      ["financing", fig(2, 1)],
      ["other", fig(2, 1)],
    ]);
    expect(r.topicsReported[0]!.nameFa).toBe("تکلیف بدهی‌های معوق");
    expect(r.unitsIntroduced).toEqual(fig(5, 1));
    const ids = [w.krm.gasAgencyId, w.socialSecurityId].sort((a, b) => a - b).map(String);
    expect(r.unitsIntroducedByAgency.map((a) => [a.key, a.count])).toEqual([
      [ids[0], fig(3, 0)],
      [ids[1], fig(3, 0)],
      [String(w.krm.bankAgencyId), fig(2, 1)],
    ]);
    expect(r.financing).toEqual({
      amountApprovedRials: { current: "50000000000", previous: "20000000000" },
      unitsFinanced: fig(1, 1),
      refused: fig(1, 0),
    });
    expect(r.irreversible).toEqual({ savedBefore: fig(1, 1), after: fig(2, 0) });
  });

  it("the scorecards: agencies worst first, the bank's loans", async () => {
    const r = (await buildPeriodReport(env.container, w.krm.workingGroupId, quarterPeriod(1405, 1)))!;
    const strip = ({ nameFa: _fa, nameEn: _en, ...rest }: AgencyScore) => rest;
    expect(r.agencies.map(strip)).toEqual([
      {
        agencyId: w.krm.gasAgencyId, kind: "GAS", tasksAssigned: 5, doneOnTime: 1, doneLate: 1, open: 2, overdue: 1,
        refusedWithReasons: 0, refusedWithoutReasons: 1, extensionsAsked: 1, medianResponseHours: 48,
        resolutionsAssigned: 0, resolutionsImplemented: 0, onTimeShare: 1 / 3, implementedShare: null,
      },
      {
        agencyId: w.socialSecurityId, kind: "SOCIAL_SECURITY", tasksAssigned: 3, doneOnTime: 1, doneLate: 0, open: 1, overdue: 1,
        refusedWithReasons: 1, refusedWithoutReasons: 0, extensionsAsked: 0, medianResponseHours: 72,
        resolutionsAssigned: 1, resolutionsImplemented: 1, onTimeShare: 0.5, implementedShare: 1,
      },
      {
        // B (confirmed, 288 h), A's resolution task (120 h), F's loan refused (72 h, awaiting review), F's resolution task overdue.
        agencyId: w.krm.bankAgencyId, kind: "BANK", tasksAssigned: 4, doneOnTime: 2, doneLate: 0, open: 2, overdue: 1,
        refusedWithReasons: 0, refusedWithoutReasons: 0, extensionsAsked: 0, medianResponseHours: 120,
        resolutionsAssigned: 2, resolutionsImplemented: 1, onTimeShare: 2 / 3, implementedShare: 0.5,
      },
    ]);
    expect(r.banks).toEqual([
      {
        agencyId: w.krm.bankAgencyId, nameFa: expect.any(String), nameEn: expect.any(String),
        loanRequests: 3, approved: 1, amountApprovedRials: "50000000000", refused: 1, refusedWithReasons: 1, pending: 1,
      },
    ]);
  });

  it("by month: the twelve months ending with Khordad 1405", async () => {
    const r = (await buildPeriodReport(env.container, w.krm.workingGroupId, quarterPeriod(1405, 1)))!;
    expect(r.byMonth.map((m) => `${m.jalaliYear}/${m.jalaliMonth}`)).toEqual([
      "1404/4", "1404/5", "1404/6", "1404/7", "1404/8", "1404/9", "1404/10", "1404/11", "1404/12", "1405/1", "1405/2", "1405/3",
    ]);
    expect(r.byMonth.map((m) => [m.casesReported, m.casesResolved, m.resolutionsRecorded])).toEqual([
      [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0], [1, 0, 0], [0, 1, 1], [1, 0, 0], [2, 0, 0], [2, 1, 2], [4, 1, 1],
    ]);
  });

  it("the previous period's own report has the previous figures as its current ones", async () => {
    const winter = (await buildPeriodReport(env.container, w.krm.workingGroupId, quarterPeriod(1404, 4)))!;
    expect(winter.unitsHeard.current).toBe(1);
    expect(winter.casesReported).toEqual(fig(2, 1)); // P1, P2; autumn: P3
    expect(winter.financing.amountApprovedRials.current).toBe("20000000000");
    expect(winter.banks).toEqual([expect.objectContaining({ loanRequests: 1, approved: 1, amountApprovedRials: "20000000000", pending: 0 })]);
  });

  it("a custom range compares with the same number of days before it", async () => {
    const range = customPeriod({ year: 1405, month: 2, day: 1 }, { year: 1405, month: 2, day: 31 })!;
    const r = (await buildPeriodReport(env.container, w.krm.workingGroupId, range))!;
    expect(r.previousPeriod.firstDay).toEqual([1405, 1, 1]);
    expect(r.previousPeriod.lastDay).toEqual([1405, 1, 31]);
    expect(r.meetingsHeld.find((m) => m.key === "WORKING_GROUP")!.count).toEqual(fig(1, 0));
    expect(r.casesReported).toEqual(fig(2, 2)); // C, D; A, B
    expect(r.financing.amountApprovedRials).toEqual({ current: "50000000000", previous: "0" });
  });
});

describe("the chat: /quarterly", () => {
  it("the chair picks last quarter and reads the figures with their change, in Persian", async () => {
    const chair = harness.user(w.krm.chair.telegramId);
    await chair.send("/quarterly");
    const picker = harness.telegram.screen(chair.id).at(-1);
    expect(textOf(picker)).toContain("کدام دوره");
    const labels = buttonsOf(picker).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["این فصل", "فصل گذشته", "فصل ۴ سال ۱۴۰۴", "فصل ۱ سال ۱۴۰۴", "امسال", "سال گذشته", "ماه‌ها…", "بازهٔ دلخواه…"]));
    await chair.tap("فصل گذشته");
    const screen = harness.telegram.screen(chair.id).at(-1)!;
    expect(screen.method).toBe("editMessageText");
    const text = textOf(screen);
    expect(text).toContain("فصل ۱ سال ۱۴۰۵");
    expect(text).toContain("در مقایسه با فصل ۴ سال ۱۴۰۴");
    expect(text).toContain("واحدهای تولیدی رسیدگی‌شده: ۴ (▲۳)");
    expect(text).toContain("مصوبات: ۳ (▲۲)");
    expect(text).toContain("پرونده‌های ثبت‌شده: ۸ (▲۶)");
    expect(text).toContain("• تکلیف بدهی‌های معوق: ۳ (▲۳)");
    expect(text).toContain("تسهیلات مصوب: ۵٬۰۰۰٬۰۰۰٬۰۰۰ تومان (▲۳٬۰۰۰٬۰۰۰٬۰۰۰ تومان)");
    expect(text).toContain("درخواست‌های تسهیلات ردشده: ۱ (▲۱)");
    expect(buttonsOf(screen).map((b) => b.text)).toEqual(["📊 نمودارها", "📗 فایل اکسل", "📄 سند گزارش", "📝 متن خبر", "« دورهٔ دیگر"]);
  });

  it("the months page lists the months that have begun, and a month's report opens from it", async () => {
    const chair = harness.user(w.krm.chair.telegramId);
    await chair.send("/quarterly");
    await chair.tap("ماه‌ها…");
    const page = harness.telegram.screen(chair.id).at(-1)!;
    expect(page.method).toBe("editMessageText");
    expect(buttonsOf(page).map((b) => b.text).slice(0, 4)).toEqual(["فروردین ۱۴۰۵", "اردیبهشت ۱۴۰۵", "خرداد ۱۴۰۵", "تیر ۱۴۰۵"]);
    expect(buttonsOf(page).some((b) => b.text.startsWith("مرداد"))).toBe(false);
    await chair.tap("اردیبهشت ۱۴۰۵");
    expect(textOf(harness.telegram.screen(chair.id).at(-1))).toContain("در مقایسه با فروردین ۱۴۰۵");
  });

  it("the secretariat types a range in English; bad ranges are asked again", async () => {
    const secretariat = harness.user(w.krm.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/quarterly");
    await secretariat.tap("Dates of your own");
    expect(secretariat.lastText()).toContain("Type the first and the last day in Jalali");
    await secretariat.send("spring");
    expect(recent(secretariat.id, 2)).toContain("I couldn't read these dates");
    await secretariat.send("1405/03/31 to 1405/01/01");
    expect(recent(secretariat.id, 2)).toContain("The first day comes after the last one");
    await secretariat.send("1405/06/01 to 1405/06/31");
    expect(recent(secretariat.id, 2)).toContain("This period has not begun yet");
    await secretariat.send("۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱");
    const text = secretariat.lastText();
    expect(text).toContain("1405/01/01 to 1405/03/31");
    expect(text).toContain("Compared with 1404/09/27 to 1404/12/29");
    expect(text).toContain("Production units heard: 4 (▲3)");
    expect(text).toContain("Financing approved: 5,000,000,000 tomans (▲3,000,000,000 tomans)");
  });

  it("nobody else reads it, and forged group ids change nothing", async () => {
    const krmGroup = w.krm.workingGroupId;
    const notAllowed = env.container.t("fa", "error-not-allowed");
    const producer = harness.user(w.krm.producer.telegramId);
    await producer.send("/quarterly");
    expect(producer.lastText()).toContain("quarterly");
    await producer.press(buttons.show.pack({ workingGroupId: krmGroup, period: "q14051" }));
    expect(producer.lastText()).toBe(notAllowed);

    const official = harness.user(w.krm.official.telegramId);
    await official.press(buttons.file.pack({ workingGroupId: krmGroup, period: "q14051", what: "xlsx" }));
    expect(official.lastText()).toBe(notAllowed);

    // Khuzestan's secretariat may read Khuzestan's report, not Kerman's.
    const khz = harness.user(w.khz.secretariat.telegramId, { languageCode: "en" });
    const before = harness.telegram.screen(khz.id).length;
    await khz.press(buttons.show.pack({ workingGroupId: krmGroup, period: "q14051" }));
    await khz.press(buttons.periods.pack({ workingGroupId: krmGroup, view: "main", year: 0 }));
    await khz.press(buttons.file.pack({ workingGroupId: krmGroup, period: "q14051", what: "text" }));
    await khz.press(buttons.custom.pack({ workingGroupId: krmGroup }));
    const answers = harness.telegram.screen(khz.id).slice(before).map(textOf);
    expect(answers).toEqual(Array(4).fill("You are not allowed to do that."));
    await khz.press(buttons.show.pack({ workingGroupId: w.khz.workingGroupId, period: "q14051" }));
    const own = khz.lastText();
    expect(own).toContain("Production units heard: 1 (▲1)");
    expect(own).toContain("Financing approved: 99,900,000,000 tomans");
    expect(own).not.toContain("50,000,000,000");

    // A period that has not begun, and a malformed code, are refused or ignored.
    const chair = harness.user(w.krm.chair.telegramId);
    await chair.press(buttons.show.pack({ workingGroupId: krmGroup, period: "q14053" }));
    expect(chair.lastText()).toBe(env.container.t("fa", "report-future"));
    const count = harness.telegram.screen(chair.id).length;
    await chair.press("qr:s:1:q14059");
    expect(harness.telegram.screen(chair.id).length).toBe(count);
  });

  it("the /stats screen leads to the quarterly report", async () => {
    const chair = harness.user(w.krm.chair.telegramId);
    await chair.send("/stats");
    await chair.tap("📑");
    expect(textOf(harness.telegram.screen(chair.id).at(-1))).toContain("کدام دوره");
  });
});

describe("the bank's loan step", () => {
  it("a refusal with written reasons through the bot; a task that is no loan is never asked and refuses a decision", async () => {
    const db = env.container.db;
    const loan = await db.task.create({
      data: { caseId: w.cases.N1!, workingGroupId: w.krm.workingGroupId, agencyId: w.krm.bankAgencyId, officialId: w.krm.bankOfficial.id, title: "Loan", createdAt: at("1405/04/10"), dueAt: at("1405/04/30"), status: "acknowledged", createdById: w.krm.secretariat.id },
    });
    const banker = harness.user(w.krm.bankOfficial.telegramId);
    await banker.press(taskButtons.complete.pack({ taskId: loan.id }));
    await banker.press(taskButtons.flowSkip.pack());
    await banker.send("درخواست بررسی شد.");
    await banker.press(taskButtons.flowSend.pack());
    await banker.tap(env.container.t("fa", "report-loan-button-refused"));
    await banker.send("کوتاه");
    expect(recent(banker.id, 2)).toContain("۱۰");
    await banker.send("طرح توجیه اقتصادی ندارد و وثیقه کافی نیست.");
    expect(banker.lastText()).toContain(env.container.t("fa", "task-done-complete"));
    expect(await db.task.findUniqueOrThrow({ where: { id: loan.id } })).toMatchObject({
      status: "done_pending_review", loanDecision: "refused", loanAmountRials: null, loanRefusalReasons: "طرح توجیه اقتصادی ندارد و وثیقه کافی نیست.",
    });

    // The gas company's task on a debt case: sent after the files, no loan question.
    const gasTask = await db.task.create({
      data: { caseId: w.cases.N1!, workingGroupId: w.krm.workingGroupId, agencyId: w.krm.gasAgencyId, officialId: w.krm.official.id, title: "Gas", createdAt: at("1405/04/10"), dueAt: at("1405/04/30"), status: "acknowledged", createdById: w.krm.secretariat.id },
    });
    await expect(
      completeTask(env.container, w.krm.official.id, gasTask.id, { text: "انجام شد.", loan: { decision: "approved", amountRials: 1_000n } }),
    ).rejects.toMatchObject({ reason: "invalid_input" });
    const official = harness.user(w.krm.official.telegramId);
    await official.press(taskButtons.complete.pack({ taskId: gasTask.id }));
    await official.press(taskButtons.flowSkip.pack());
    await official.send("انشعاب وصل شد.");
    await official.press(taskButtons.flowSend.pack());
    expect(official.lastText()).toContain(env.container.t("fa", "task-done-complete"));
    expect(await db.task.findUniqueOrThrow({ where: { id: gasTask.id } })).toMatchObject({ status: "done_pending_review", loanDecision: null });
  });
});
