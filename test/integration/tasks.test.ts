/**
 * Officials' tasks through the bot: a gas company's official acknowledges, reports progress,
 * asks for more time (the secretariat approves), reports the task done (the secretariat
 * confirms) and the producer rates it; a bank's official refuses a task with written reasons.
 * Every step is checked where it lands: the task row, the reminder jobs and the notices queued
 * for the producer and the secretariat (outbox rows: chat, language, text).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderJobId } from "../../src/jobs/reminders";
import { createTask, listOfficialTasks } from "../../src/services/tasks";
import { assignCase, resolveCase } from "../../src/services/triage";
import { createTestBot, textOf, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, sessionUserOf, type OutboxNotice, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;

beforeAll(async () => {
  // Sunday 1 Azar 1405, 10:30 in Tehran.
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7200, group: "KRM", legalIdPrefix: "1038028472" });
});
afterAll(async () => env.cleanup());

const PERSIAN = /[\u0600-\u06FF]/;
const persianDigits = (text: string) => text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);

/** Notices to a chat added since `before` (a count from an earlier call). */
async function newNotices(chatId: number, before: number): Promise<OutboxNotice[]> {
  return (await noticesTo(env.container, chatId)).slice(before);
}

async function noticeCount(chatId: number): Promise<number> {
  return (await noticesTo(env.container, chatId)).length;
}

async function taskRow(taskId: number) {
  return env.container.db.task.findUniqueOrThrow({ where: { id: taskId } });
}

async function pendingReminderIds(taskId: number): Promise<string[]> {
  const jobs = await env.container.queues.timers.getJobs(["delayed", "wait", "prioritized"]);
  return jobs.filter((job) => job.data.type === "task-reminder" && job.data.taskId === taskId).map((job) => String(job.id));
}

function screenText(user: TestUser, since: number): string {
  return user.textsSince(since).join("\n");
}

describe("an official's task, from assignment to the producer's rating", () => {
  let taskId: number;
  let trackingCode: string;
  let caseId: number;

  it("the assigned task is on the official's list and card; strangers see nothing", async () => {
    ({ caseId, trackingCode } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      amountRials: "1250000000",
      description: "The gas company sent a cut-off warning for the kilns although an instalment plan was agreed.",
    }));
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    ({ taskId } = await assignCase(env.container, secretariat, caseId, {
      agencyId: world.gasAgencyId,
      officialId: world.official.id,
      dueDate: "1405/09/04",
      title: "Stop the cut-off and confirm the instalment plan",
    }));
    // The assign action scheduled the reminders (after its commit).
    expect(await pendingReminderIds(taskId)).toContain(reminderJobId(taskId, 1, "due:0"));

    const official = harness.user(world.official.telegramId, { languageCode: "fa", firstName: "Rahimi" });
    await official.send("/tasks");
    const list = official.lastText();
    expect(list).toContain("اقدامات باز دستگاه شما");
    await official.tap(trackingCode);
    const card = official.lastText();
    expect(card).toContain(trackingCode);
    expect(card).toContain("Kerman Tile Co.");
    expect(card).toContain("cut-off warning for the kilns");
    expect(card).toContain("۱٬۲۵۰٬۰۰۰٬۰۰۰ ریال");
    expect(card).toContain("۴ آذر ۱۴۰۵"); // the due date, Jalali
    expect(card).toContain("۳ روز مانده");
    expect(card).toContain("Reza Karimi — ۰۹۱۲۱۲۳۴۵۶۷"); // the unit's contact, for the agency's official
    expect(card).toContain("سوابق"); // history
    expect(card).toContain("اقدام به دستگاه اجرایی ارجاع شد");

    // Documents come back by file id.
    const mark = official.mark();
    await official.tap("مستندات");
    const sent = official.screen().slice(mark);
    expect(sent.map((call) => [call.method, call.payload.document])).toEqual([["sendDocument", "warning-letter-utility_cutoff"]]);

    // A bank official forging the gas company's buttons gets nothing and changes nothing.
    const banker = harness.user(world.bankOfficial.telegramId, { languageCode: "fa", firstName: "Bankdar" });
    await banker.press(`t:o:${taskId}`);
    expect(banker.lastText()).toContain("پیدا نشد");
    await banker.press(`t:ack:${taskId}`);
    expect(banker.lastText()).toContain("اجازه");
    expect((await taskRow(taskId)).status).toBe("open");

    // The secretariat may read the card, without the unit's phone number.
    const desk = harness.user(world.secretariat.telegramId, { languageCode: "en", firstName: "Dabir" });
    await desk.press(`t:o:${taskId}`);
    expect(desk.lastText()).toContain(trackingCode);
    expect(desk.lastText()).not.toContain("09121234567");
    expect(desk.lastText()).not.toContain("Unit's representative");
  });

  it("acknowledge → progress update → extension (approved) → done (confirmed), each told to the producer and the secretariat", async () => {
    const official = harness.user(world.official.telegramId, { languageCode: "fa", firstName: "Rahimi" });
    const desk = harness.user(world.secretariat.telegramId, { languageCode: "en", firstName: "Dabir" });
    const producerChat = world.producer.telegramId;
    const deskChat = world.secretariat.telegramId;

    // Acknowledge.
    let producerBefore = await noticeCount(producerChat);
    await official.press(`t:o:${taskId}`);
    await official.tap("رؤیت شد");
    expect(official.lastText()).toContain("رؤیت ثبت شد");
    expect((await taskRow(taskId)).status).toBe("acknowledged");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("in_progress");
    let toProducer = await newNotices(producerChat, producerBefore);
    expect(toProducer).toHaveLength(1);
    expect(toProducer[0]?.text).toContain(trackingCode);
    expect(toProducer[0]?.text).toMatch(PERSIAN);
    expect(toProducer[0]?.text).toContain("رؤیت کرد");

    // Progress update with a document; a too-short text is asked again.
    producerBefore = await noticeCount(producerChat);
    await official.press(`t:o:${taskId}`);
    await official.tap("گزارش پیشرفت");
    const beforeShort = official.mark();
    await official.send("ok");
    expect(screenText(official, beforeShort)).toContain("متن باید بین ۳ تا ۲٬۰۰۰ نویسه باشد");
    expect(official.lastText()).toContain("گزارش پیشرفت را بنویسید");
    await official.send("کارشناس شرکت گاز از واحد بازدید کرد و دستور توقف قطع صادر شد.");
    await official.sendDocument({ fileName: "visit.pdf", mimeType: "application/pdf", sizeBytes: 50_000, fileId: "visit-report" });
    expect(official.lastText()).toContain("تاکنون ۱ از ۱۰");
    await official.tap("ارسال");
    expect(official.lastText()).toContain("گزارش پیشرفت ثبت");
    expect((await taskRow(taskId)).status).toBe("in_progress");
    toProducer = await newNotices(producerChat, producerBefore);
    expect(toProducer.map((n) => n.text)).toEqual([expect.stringContaining("دستور توقف قطع صادر شد")]);
    expect(toProducer[0]?.text).toContain(trackingCode);
    const progressEvent = await env.container.db.caseEvent.findFirstOrThrow({ where: { taskId, type: "task_progress" }, include: { attachments: true } });
    expect(progressEvent.attachments.map((a) => a.fileId)).toEqual(["visit-report"]);

    // Extension request: a date before the current due date is refused, then a good one.
    let deskBefore = await noticeCount(deskChat);
    producerBefore = await noticeCount(producerChat);
    await official.press(`t:o:${taskId}`);
    await official.tap("درخواست تمدید مهلت");
    const beforeBadDate = official.mark();
    await official.send("۱۴۰۵/۰۹/۰۲");
    expect(screenText(official, beforeBadDate)).toContain("باید پس از مهلت فعلی");
    await official.send("۱۴۰۵/۰۹/۱۰");
    await official.send("تعویض کنتور گاز به یک هفته زمان نیاز دارد.");
    expect(official.lastText()).toContain("درخواست تمدید مهلت برای دبیرخانه");
    const extension = await env.container.db.extensionRequest.findFirstOrThrow({ where: { taskId } });
    expect(extension.status).toBe("PENDING");
    const toDesk = await newNotices(deskChat, deskBefore);
    expect(toDesk).toHaveLength(1);
    expect(toDesk[0]?.text).toContain(trackingCode);
    expect(toDesk[0]?.text).toContain("asks for more time");
    expect(toDesk[0]?.text).toContain("10 Azar 1405");
    expect(toDesk[0]?.text).not.toMatch(/[۰-۹]/); // English with Latin digits
    expect(toDesk[0]?.callbacks).toEqual([`t:xa:${extension.id}`, `t:xr:${extension.id}`, `t:o:${taskId}`]);

    // The secretariat approves from the notice's button.
    const officialBefore = await noticeCount(world.official.telegramId);
    await desk.press(`t:xa:${extension.id}`);
    expect(desk.lastText()).toContain("extension is approved");
    const extended = await taskRow(taskId);
    expect(extended.scheduleVersion).toBe(2);
    expect(extended.dueAt.toISOString()).toBe("2026-12-01T20:29:59.999Z"); // end of 10 Azar, Tehran
    expect(await pendingReminderIds(taskId)).toContain(reminderJobId(taskId, 2, "due:0"));
    expect(await pendingReminderIds(taskId)).not.toContain(reminderJobId(taskId, 1, "due:0"));
    expect((await newNotices(world.official.telegramId, officialBefore)).map((n) => n.text)).toEqual([expect.stringContaining("با تمدید موافقت شد")]);
    toProducer = await newNotices(producerChat, producerBefore);
    expect(toProducer).toHaveLength(1);
    expect(toProducer[0]?.text).toContain("۱۰ آذر ۱۴۰۵");
    expect(toProducer[0]?.text).toContain("تعویض کنتور");
    // Deciding twice is refused.
    await desk.press(`t:xr:${extension.id}`);
    expect(desk.lastText()).toContain("already been decided");

    // Done, with a letter number and no documents.
    deskBefore = await noticeCount(deskChat);
    producerBefore = await noticeCount(producerChat);
    await official.press(`t:o:${taskId}`);
    await official.tap("اعلام انجام");
    await official.send("۱۲۳/گ/۱۴۰۵");
    await official.send("دستور قطع لغو شد و تقسیط بدهی گاز در ۶ قسط پذیرفته شد.");
    await official.tap("ارسال");
    expect(official.lastText()).toContain("گزارش انجام برای بررسی");
    const reported = await taskRow(taskId);
    expect(reported.status).toBe("done_pending_review");
    expect(reported.letterNumber).toBe("123/گ/1405"); // Persian digits stored Latin
    const review = await newNotices(deskChat, deskBefore);
    expect(review).toHaveLength(1);
    expect(review[0]?.text).toContain(trackingCode);
    expect(review[0]?.text).toContain("reports the task done");
    expect(review[0]?.text).toContain("تقسیط بدهی گاز");
    expect(review[0]?.callbacks).toEqual([`t:cf:${taskId}`, `t:sb:${taskId}`, `t:o:${taskId}`]);
    expect(await pendingReminderIds(taskId)).toEqual([]); // the secretariat's turn: no reminders
    toProducer = await newNotices(producerChat, producerBefore);
    expect(toProducer.map((n) => n.text)).toEqual([expect.stringContaining("در دست بررسی دبیرخانه")]);

    // The secretariat confirms; the producer is asked whether it helped.
    producerBefore = await noticeCount(producerChat);
    await desk.press(`t:cf:${taskId}`);
    expect(desk.lastText()).toContain("No other task of this case is open");
    expect((await taskRow(taskId)).status).toBe("done");
    toProducer = await newNotices(producerChat, producerBefore);
    expect(toProducer).toHaveLength(1);
    expect(toProducer[0]?.text).toContain(trackingCode);
    expect(toProducer[0]?.text).toContain("آیا مشکل شما برطرف شد");
    expect(toProducer[0]?.callbacks).toEqual([1, 2, 3, 4, 5].map((score) => `rt:${taskId}:${score}`));
    // Confirming again is not possible.
    await desk.press(`t:cf:${taskId}`);
    expect(desk.lastText()).toContain("not possible in the task's current status");

    // The history on the card tells the whole story.
    await official.press(`t:o:${taskId}`);
    const history = official.lastText();
    for (const line of ["رؤیت کرد", "گزارش پیشرفت داد", "با تمدید مهلت موافقت کرد", "انجام اقدام را اعلام کرد"]) expect(history).toContain(line);
  });

  it("the producer rates it; a low rating reaches the secretariat with the comment", async () => {
    const producer = harness.user(world.producer.telegramId, { languageCode: "fa", firstName: "Reza" });
    const deskBefore = await noticeCount(world.secretariat.telegramId);
    await producer.press(`rt:${taskId}:2`);
    expect(producer.screen().map(textOf).join("\n")).toContain("متأسفیم");
    // The case is still open with the secretariat: no reopening is offered.
    expect(() => producer.buttonData("بازگشایی")).toThrow();
    await producer.send("قطع گاز لغو شد ولی جریمه دیرکرد همچنان مطالبه می‌شود.");
    expect(producer.lastText()).toContain("توضیح شما ثبت شد");
    const rating = await env.container.db.rating.findFirstOrThrow({ where: { taskId } });
    expect([rating.score, rating.comment]).toEqual([2, "قطع گاز لغو شد ولی جریمه دیرکرد همچنان مطالبه می‌شود."]);
    const toDesk = await newNotices(world.secretariat.telegramId, deskBefore);
    expect(toDesk.map((n) => n.text)).toEqual([
      expect.stringMatching(new RegExp(`${trackingCode}.*rated the work .* 2 of 5`)),
      expect.stringContaining("جریمه دیرکرد"),
    ]);
    // Someone else cannot rate the producer's task.
    const stranger = harness.user(world.bankOfficial.telegramId, { languageCode: "fa" });
    await stranger.press(`rt:${taskId}:5`);
    expect(stranger.lastText()).toContain("تنها نماینده واحد");
  });

  it("after the case is resolved, a low rating lets the producer reopen it with a reason", async () => {
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    await resolveCase(env.container, secretariat, caseId, { outcome: "The cut-off was cancelled and the debt rescheduled." });
    const producer = harness.user(world.producer.telegramId, { languageCode: "fa", firstName: "Reza" });
    await producer.press(`rt:${taskId}:1`);
    await producer.tap("بازگشایی پرونده");
    await producer.send("جریمه دیرکرد هنوز مطالبه می‌شود و پرونده حل نشده است.");
    expect(producer.lastText()).toContain("بازگشایی شد");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("submitted");
    const toDesk = await noticesTo(env.container, world.secretariat.telegramId);
    expect(toDesk.at(-1)?.text).toContain(`${trackingCode} was reopened by the producer`);
    expect(toDesk.at(-1)?.text).toContain("جریمه دیرکرد هنوز مطالبه می‌شود");
  });
});

describe("a bank refuses in writing", () => {
  it("the refusal needs written reasons, which reach the secretariat and the producer", async () => {
    const { caseId, trackingCode } = await reportCase(env.container, world, {
      category: "bank",
      subcategory: "loan_refused",
      agencyId: world.bankAgencyId,
      amountRials: "30000000000",
      description: "The branch refused the working-capital loan approved by the working group without giving any reason.",
    });
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    // To the bank as a whole: any of its officials may take it.
    const { taskId } = await assignCase(env.container, secretariat, caseId, { agencyId: world.bankAgencyId, dueDate: "1405/09/08" });
    const deskBefore = await noticeCount(world.secretariat.telegramId);
    const producerBefore = await noticeCount(world.producer.telegramId);

    const banker = harness.user(world.bankOfficial.telegramId, { languageCode: "fa", firstName: "Bankdar" });
    await banker.send("/tasks");
    await banker.tap(trackingCode);
    await banker.tap("رد با ذکر دلایل");
    await banker.send("نه");
    expect(banker.lastText()).toContain("دست‌کم");
    const reason = "اعتبارسنجی واحد منفی است و وثیقه ملکی ارائه‌شده کمتر از ۱۲۰ درصد مبلغ تسهیلات است.";
    await banker.send(reason);
    expect(banker.lastText()).toContain(reason); // asked to confirm
    expect((await taskRow(taskId)).status).toBe("open");
    await banker.tap("تأیید رد اقدام");
    expect(banker.lastText()).toContain("رد اقدام و دلایل آن ثبت شد");

    const refused = await taskRow(taskId);
    expect([refused.status, refused.refusalReason, refused.officialId]).toEqual(["refused", reason, world.bankOfficial.id]);
    expect(await pendingReminderIds(taskId)).toEqual([]);

    const toDesk = await newNotices(world.secretariat.telegramId, deskBefore);
    expect(toDesk).toHaveLength(1);
    expect(toDesk[0]?.chatId).toBe(String(world.secretariat.telegramId));
    expect(toDesk[0]?.text).toContain(`Case ${trackingCode}`);
    expect(toDesk[0]?.text).toContain("refused the task");
    expect(toDesk[0]?.text).toContain(reason);
    expect(toDesk[0]?.callbacks).toEqual([`q:open:${caseId}`]);
    const toProducer = await newNotices(world.producer.telegramId, producerBefore);
    expect(toProducer).toHaveLength(1);
    expect(toProducer[0]?.chatId).toBe(String(world.producer.telegramId));
    expect(toProducer[0]?.text).toContain(`پرونده ${trackingCode}`);
    expect(toProducer[0]?.text).toContain("دلایل مکتوب");
    expect(toProducer[0]?.text).toContain(reason);
  });
});

describe("an agency head reassigns within the agency", () => {
  it("only the head may, only to an official of the same agency; both officials are told", async () => {
    const { caseId, trackingCode } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "A second gas cut-off warning arrived for the packaging line of the same unit.",
    });
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    const { taskId } = await assignCase(env.container, secretariat, caseId, { agencyId: world.gasAgencyId, officialId: world.official.id, dueDate: "1405/09/15" });

    const official = harness.user(world.official.telegramId, { languageCode: "fa" });
    await official.press(`t:ra:${taskId}`);
    expect(official.lastText()).toContain("اجازه");
    await official.press(`t:ras:${taskId}:${world.colleague.id}`);
    expect(official.lastText()).toContain("اجازه");

    const head = harness.user(world.head.telegramId, { languageCode: "fa" });
    await head.press(`t:o:${taskId}`);
    await head.tap("سپردن به همکار دیگر");
    await head.press(`t:ras:${taskId}:${world.bankOfficial.id}`); // not of this agency
    expect(head.lastText()).toContain("نماینده این دستگاه نیست");
    const colleagueBefore = await noticeCount(world.colleague.telegramId);
    await head.tap("Hamkar");
    expect(head.lastText()).toContain("سپرده شد");
    expect((await taskRow(taskId)).officialId).toBe(world.colleague.id);
    const toColleague = await newNotices(world.colleague.telegramId, colleagueBefore);
    expect(toColleague.map((n) => [n.text.includes(trackingCode), n.callbacks])).toEqual([[true, [`t:o:${taskId}`]]]);
    expect((await noticesTo(env.container, world.official.telegramId)).at(-1)?.text).toContain("Hamkar");
  });
});

describe("the official's list", () => {
  it("puts the official's own tasks first, then overdue ones, then by due date, a page at a time", async () => {
    const { caseId } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "Gas pressure at the unit's gate is too low for the kilns to run at full capacity.",
    });
    const add = (dueDate: { year: number; month: number; day: number }, officialId: number | null, title: string) =>
      env.container.db.$transaction((tx) =>
        createTask(tx, { caseId, agencyId: world.gasAgencyId, officialId, dueDate, title, createdById: world.secretariat.id }),
      );
    await add({ year: 1405, month: 9, day: 5 }, null, "Measure the pressure");
    await add({ year: 1405, month: 8, day: 28 }, world.official.id, "Overdue: inspect the station");

    const colleague = harness.user(world.colleague.telegramId, { languageCode: "fa" });
    const mark = colleague.mark();
    await colleague.send("/tasks");
    expect(screenText(colleague, mark)).toContain("اقدامات باز دستگاه شما: ۳");
    const labels = (colleague.screen().at(-1)?.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }).inline_keyboard
      .flat()
      .map((b) => b.text);
    // Own (15 Azar) first, then the overdue one (28 Aban), then the rest by due date (5 Azar).
    expect(labels.map((label) => /[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/.exec(label)?.[0])).toEqual(["1405/09/15", "1405/08/28", "1405/09/05"].map(persianDigits));
    expect(labels[1]).toMatch(/^🔴/);

    const first = await listOfficialTasks(env.container, world.colleague.id, 0, 2);
    const second = await listOfficialTasks(env.container, world.colleague.id, 1, 2);
    expect([first.total, first.pages, first.items.length, second.items.length]).toEqual([3, 2, 2, 1]);
    expect(second.items[0]?.title).toBe("Measure the pressure");
    // Not an official: nothing to list.
    expect((await listOfficialTasks(env.container, world.producer.id, 0, 5)).total).toBe(0);
  });
});
