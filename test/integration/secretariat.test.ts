import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleCriticalRealert } from "../../src/jobs/critical-realert";
import { handleNeedsInfoReminder } from "../../src/jobs/needs-info-reminder";
import { realertJobId } from "../../src/services/case-alerts";
import { submitCase } from "../../src/services/cases";
import { needsInfoReminderJobId } from "../../src/services/triage";
import { createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";

let env: TestEnv;
let harness: TestBot;

beforeAll(async () => {
  // Sunday 1 Azar 1405, 10:30 in Tehran: a working moment.
  env = await createTestEnv({
    clock: new TestClock(new Date("2026-11-22T07:00:00Z")),
    config: { ADMIN_TELEGRAM_IDS: "9101,9201" },
    workingGroups: ["KRM", "KHZ"],
  });
  harness = createTestBot(env.container);
});
afterAll(async () => env.cleanup());

interface Notice {
  text: string;
  callbacks: string[];
  dedupeKey: string;
}

/** The notices queued for a chat (outbox rows), oldest first, as the recipient will read them. */
async function noticesTo(chatId: number | string): Promise<Notice[]> {
  const rows = await env.container.db.outboxMessage.findMany({ where: { chatId: String(chatId) }, orderBy: { id: "asc" } });
  return rows.map((row) => {
    const payload = row.payload as { params: { text?: string; reply_markup?: { inline_keyboard: Array<Array<{ callback_data?: string }>> } } };
    return {
      text: payload.params.text ?? "",
      callbacks: (payload.params.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : [])),
      dedupeKey: row.dedupeKey,
    };
  });
}

const persianDigits = (text: string) => text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);

/** The deep link in the bot's last message, as `/start inv_…`. */
function startCommandFrom(user: TestUser): string {
  const match = /start=(inv_[A-Za-z0-9_-]{24,})/.exec(user.lastText());
  if (!match) throw new Error(`no invitation link in: ${user.lastText()}`);
  return `/start ${match[1]}`;
}

describe.each([
  {
    locale: "fa",
    base: 9100,
    group: "KRM",
    groupLabel: "کرمان",
    legal: "1038028479",
    L: {
      invite: "دعوت عضو",
      roleSecretariat: "دبیرخانه کارگروه",
      roleOfficial: "نماینده دستگاه اجرایی",
      agency: "بانک ملت",
      notHead: "خیر، نماینده دستگاه",
      confirm: "تأیید",
      category: "مسائل بانکی",
      subcategory: "امهال",
      within3d: "تا ۳ روز دیگر",
      skip: "صرف‌نظر",
      done: "تمام",
      submit: "ارسال به دبیرخانه",
      ask: "درخواست اطلاعات",
      assign: "ارجاع به دستگاه",
      resolve: "حل شد",
      due: "۱۴۰۵/۰۹/۲۰",
      pastDue: "۱۴۰۵/۰۸/۲۰",
      pastDueError: "گذشته",
      question: "لطفاً تصویر نامه بانک درباره شرایط امهال را ارسال کنید.",
      answer: "نامه بانک ملت به شماره ۱۲۳ مورخ ۱۴۰۵/۰۸/۲۵ است؛ بانک ضمانت‌نامه جدید می‌خواهد.",
      outcome: "با پیگیری کارگروه، بانک امهال اقساط را برای شش ماه پذیرفت.",
      description: "اقساط تسهیلات سرمایه در گردش به دلیل قطعی برق معوق شده و بانک برای امهال ضمانت‌نامه جدید می‌خواهد.",
      producerWords: "پرونده",
      alertWords: "فوری",
    },
  },
  {
    locale: "en",
    base: 9200,
    group: "KHZ",
    groupLabel: "Khuzestan",
    legal: "1410567890",
    L: {
      invite: "Invite a member",
      roleSecretariat: "Secretariat of the working group",
      roleOfficial: "Official of an executive agency",
      agency: "Bank Mellat",
      notHead: "No, an official",
      confirm: "Confirm",
      category: "Banking",
      subcategory: "rescheduling",
      within3d: "Within 3 days",
      skip: "Skip",
      done: "Done",
      submit: "Send to the secretariat",
      ask: "Ask the producer",
      assign: "Refer to an agency",
      resolve: "Resolved",
      due: "1405/9/20",
      pastDue: "1405/8/20",
      pastDueError: "past",
      question: "Please send a photo of the bank's letter about the rescheduling terms.",
      answer: "Bank Mellat's letter no. 123 of 1405/08/25 asks for a new guarantee before rescheduling.",
      outcome: "After the working group's follow-up the bank rescheduled the instalments for six months.",
      description: "Working-capital loan instalments fell overdue after power cuts; the bank wants a new guarantee to reschedule.",
      producerWords: "your case",
      alertWords: "URGENT",
    },
  },
])("the secretariat's desk end to end ($locale)", ({ locale, base, group, groupLabel, legal, L }) => {
  const fa = locale === "fa";
  const ids = { admin: base + 1, secretariat: base + 2, official: base + 3, producer: base + 4 };

  it("invites staff, triages a reported case and keeps the producer told at every step", async () => {
    const { db } = env.container;
    const admin = harness.user(ids.admin, { languageCode: locale, firstName: "Admin" });
    const secretariat = harness.user(ids.secretariat, { languageCode: locale, firstName: "Dabir" });
    const official = harness.user(ids.official, { languageCode: locale, firstName: "Rahimi" });
    const producer = harness.user(ids.producer, { languageCode: locale, firstName: "Karimi" });
    const workingGroup = await db.workingGroup.findUniqueOrThrow({ where: { code: group } });

    // 1. The configured admin invites the secretariat member; the link works once.
    await admin.send("/invite");
    await admin.tap(L.roleSecretariat);
    await admin.tap(groupLabel);
    await admin.tap(L.confirm);
    const secretariatLink = startCommandFrom(admin);
    await secretariat.send(secretariatLink);
    expect(secretariat.screen().map((c) => String(c.payload.text)).join("\n")).toContain(L.roleSecretariat);
    expect(await db.membership.count({ where: { user: { telegramId: String(ids.secretariat) }, role: "SECRETARIAT", workingGroupId: workingGroup.id } })).toBe(1);
    // The admin hears that the link was used.
    expect((await noticesTo(ids.admin)).map((n) => n.text).join("\n")).toContain("Dabir");

    // 2. The secretariat member invites an official of Bank Mellat (their own group, no question asked).
    await secretariat.send("/invite");
    await secretariat.tap(L.roleOfficial);
    await secretariat.tap(L.agency);
    await secretariat.tap(L.notHead);
    await secretariat.tap(L.confirm);
    await official.send(startCommandFrom(secretariat));
    const officialUser = await db.user.findUniqueOrThrow({ where: { telegramId: String(ids.official) }, include: { memberships: { include: { agency: true } } } });
    expect(officialUser.memberships).toHaveLength(1);
    expect(officialUser.memberships[0]).toMatchObject({ role: "OFFICIAL", workingGroupId: workingGroup.id, isAgencyHead: false });
    expect(officialUser.memberships[0]?.agency?.nameEn).toContain("Bank Mellat");

    // 3. A producer (registered unit) reports a problem through the wizard: critical (within 3 days).
    const producerUser = await db.user.create({
      data: { telegramId: String(ids.producer), firstName: "Karimi", language: locale, phone: "09123456789" },
    });
    await db.productionUnit.create({
      data: {
        workingGroupId: workingGroup.id,
        name: fa ? "صنایع غذایی البرز" : "Alborz Food Industries",
        legalId: legalEntityIdFrom(legal),
        county: fa ? "رفسنجان" : "Ahvaz",
        sector: "INDUSTRY",
        activityStatus: "ACTIVE",
        employees: 45,
        representatives: { create: { userId: producerUser.id } },
      },
    });
    await producer.send("/report");
    await producer.tap(L.category);
    await producer.tap(L.subcategory);
    await producer.tap(L.agency);
    await producer.tap(L.within3d);
    await producer.tap(L.skip);
    await producer.send(L.description);
    await producer.sendDocument({ fileName: "bank-letter.pdf", mimeType: "application/pdf", sizeBytes: 90_000, fileId: `file-${base}` });
    await producer.tap(L.done);
    await producer.tap(L.submit);
    const trackingCode = new RegExp(`${group}-1405-\\d{5}`).exec(producer.lastText())?.[0] ?? "";
    expect(trackingCode).not.toBe("");
    const theCase = await db.case.findUniqueOrThrow({ where: { trackingCode } });
    expect(theCase).toMatchObject({ urgency: "critical", status: "submitted", firstOpenedAt: null });

    // 4. The secretariat got the (critical) alert with the tracking code and an open button.
    const alert = (await noticesTo(ids.secretariat)).find((n) => n.text.includes(trackingCode));
    expect(alert?.text).toContain(L.alertWords);
    expect(alert?.callbacks).toContain(`q:open:${theCase.id}`);
    // A re-alert is scheduled in case nobody opens it.
    const realert = await env.container.queues.timers.getJob(realertJobId(theCase.id, 1));
    expect(realert?.data).toEqual({ type: "critical-realert", caseId: theCase.id, round: 1 });

    // 5. The queue lists it; the card shows every detail, the phone (secretariat only) and stamps firstOpenedAt.
    await secretariat.send("/queue");
    expect(secretariat.buttonData(trackingCode)).toBe(`q:open:${theCase.id}`);
    await secretariat.press(alert?.callbacks[0] ?? "");
    const card = secretariat.textsSince(secretariat.mark() - 1)[0] ?? "";
    expect(card).toContain(trackingCode);
    expect(card).toContain(fa ? persianDigits("09123456789") : "09123456789");
    expect(card).toContain(fa ? persianDigits(legalEntityIdFrom(legal)) : legalEntityIdFrom(legal));
    expect(card).toContain(L.description.slice(0, 30));
    expect((await db.case.findUniqueOrThrow({ where: { id: theCase.id } })).firstOpenedAt).not.toBeNull();
    // Opened: the scheduled re-alert does nothing when it fires.
    const before = (await noticesTo(ids.secretariat)).length;
    await handleCriticalRealert({ caseId: theCase.id, round: 1 }, env.container);
    expect((await noticesTo(ids.secretariat)).length).toBe(before);

    // The documents come back on request, by file id, as a direct reply.
    await secretariat.tap(fa ? "ارسال مستندات" : "Send the documents");
    const sent = secretariat.screen().at(-1);
    expect(sent?.method).toBe("sendDocument");
    expect(sent?.payload.document).toBe(`file-${base}`);

    // 6. Ask the producer for information.
    await secretariat.press(`q:open:${theCase.id}`);
    await secretariat.tap(L.ask);
    await secretariat.send("?");
    expect(secretariat.lastText()).not.toContain(L.question); // too short: asked again
    await secretariat.send(L.question);
    await secretariat.tap(L.confirm);
    expect((await db.case.findUniqueOrThrow({ where: { id: theCase.id } })).status).toBe("needs_info");
    const question = (await noticesTo(ids.producer)).find((n) => n.text.includes(L.question));
    expect(question?.text).toContain(trackingCode);
    expect(question?.callbacks).toEqual([`cases:addinfo:${theCase.id}`]);
    const askedEvent = await db.caseEvent.findFirstOrThrow({ where: { caseId: theCase.id, type: "info_requested" } });
    expect(await env.container.queues.timers.getJob(needsInfoReminderJobId(theCase.id, askedEvent.id))).toBeTruthy();

    // 7. The producer answers through the "Answer" button; the case is back in the queue.
    await producer.press(question?.callbacks[0] ?? "");
    await producer.send(L.answer);
    expect((await db.case.findUniqueOrThrow({ where: { id: theCase.id } })).status).toBe("submitted");
    expect((await noticesTo(ids.secretariat)).map((n) => n.text).join("\n")).toContain(L.answer.slice(0, 20));
    // Answered: the reminder, when it fires, stays silent.
    const producerNoticesBefore = (await noticesTo(ids.producer)).length;
    await handleNeedsInfoReminder({ caseId: theCase.id, eventId: askedEvent.id }, env.container);
    expect((await noticesTo(ids.producer)).length).toBe(producerNoticesBefore);

    // 8. Assign to Bank Mellat and its official with a Jalali due date.
    await secretariat.press(`q:open:${theCase.id}`);
    await secretariat.tap(L.assign);
    await secretariat.tap(L.agency);
    await secretariat.tap("Rahimi");
    await secretariat.send(L.pastDue);
    expect(secretariat.textsSince(secretariat.mark() - 2)[0]).toContain(L.pastDueError);
    await secretariat.send(L.due);
    expect(secretariat.lastText()).toContain(fa ? "۲۰ آذر ۱۴۰۵" : "20 Azar 1405");
    await secretariat.tap(L.confirm);
    const task = await db.task.findFirstOrThrow({ where: { caseId: theCase.id } });
    expect(task).toMatchObject({ officialId: officialUser.id, status: "open", agencyId: officialUser.memberships[0]?.agencyId });
    // Due by the end of 20 Azar 1405 in Tehran (= 2026-12-11T20:29:59.999Z).
    expect(task.dueAt.toISOString()).toBe("2026-12-11T20:29:59.999Z");
    expect((await db.case.findUniqueOrThrow({ where: { id: theCase.id } })).status).toBe("assigned");
    const officialNotice = (await noticesTo(ids.official)).find((n) => n.text.includes(trackingCode));
    expect(officialNotice?.text).toContain(fa ? "مهلت" : "Due");
    expect(officialNotice?.callbacks).toEqual([`t:o:${task.id}`]);

    // The official sees the task in /tasks and opens its card from the notice's button.
    await official.send("/tasks");
    expect(JSON.stringify(official.screen().at(-1)?.payload)).toContain(trackingCode);
    await official.press(`t:o:${task.id}`);
    const taskCard = official.lastText();
    expect(taskCard).toContain(trackingCode);
    expect(taskCard).toContain(fa ? "۱۴۰۵" : "1405");

    // 9. Resolve with an outcome.
    await secretariat.press(`q:open:${theCase.id}`);
    await secretariat.tap(L.resolve);
    await secretariat.send(L.outcome);
    await secretariat.tap(L.confirm);
    const resolved = await db.case.findUniqueOrThrow({ where: { id: theCase.id } });
    expect(resolved).toMatchObject({ status: "resolved", outcome: L.outcome });
    expect(resolved.resolvedAt?.toISOString()).toBe(env.clock.now().toISOString());

    // The producer was told at every step, in their language, with the tracking code.
    const told = await noticesTo(ids.producer);
    const steps = [L.question, fa ? "ارجاع شد" : "was referred", L.outcome];
    for (const step of steps) {
      const notice = told.find((n) => n.text.includes(step));
      expect(notice, `producer notice "${step}"`).toBeDefined();
      expect(notice?.text).toContain(trackingCode);
      expect(notice?.text.toLowerCase()).toContain(L.producerWords);
    }
    if (fa) for (const notice of told) expect(notice.text).toMatch(/[\u0600-\u06ff]/);
    else for (const notice of told) expect(notice.text).not.toMatch(/[\u0600-\u06ff]{3}/);
    // Internal notes never reach the producer; the timeline holds every step with its actor.
    const events = await db.caseEvent.findMany({ where: { caseId: theCase.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["submitted", "info_requested", "info_answered", "task_created", "assigned", "resolved"]),
    );
    expect(events.filter((e) => e.type !== "submitted" && e.type !== "info_answered").every((e) => e.actorId !== producerUser.id)).toBe(true);
  });
});

describe("critical re-alerts", () => {
  it("re-announces an unopened critical case once per round, then stops when someone opens it", async () => {
    const { db } = env.container;
    const krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
    const reporter = await db.user.create({ data: { telegramId: "9301", firstName: "Producer", language: "en" } });
    const unit = await db.productionUnit.create({
      data: {
        workingGroupId: krm.id,
        name: "Sirjan Steel",
        legalId: legalEntityIdFrom("1410000001"),
        county: "Sirjan",
        sector: "INDUSTRY",
        activityStatus: "ACTIVE",
        employees: 120,
        representatives: { create: { userId: reporter.id } },
      },
    });
    const submitted = await submitCase(env.container, reporter.id, {
      unitId: unit.id,
      category: "utility_cutoff",
      subcategory: "electricity",
      agencyId: null,
      irreversibleAt: null,
      amountRials: null,
      description: "The power company has issued a cut-off warning for next Tuesday.",
      attachments: [],
    });
    expect(submitted.urgency).toBe("critical");
    const job = await env.container.queues.timers.getJob(realertJobId(submitted.caseId, 1));
    // 60 minutes of working time later (10:30 → 11:30 Tehran on a Sunday).
    expect(job?.opts.delay).toBe(60 * 60_000);

    const secretariatIds = (await db.membership.findMany({ where: { workingGroupId: krm.id, role: "SECRETARIAT", revokedAt: null }, include: { user: true } })).map(
      (m) => m.user.telegramId,
    );
    expect(secretariatIds.length).toBeGreaterThan(0);
    const rounds = async () => db.outboxMessage.count({ where: { dedupeKey: { startsWith: `case:${submitted.caseId}:alert:` } } });
    const initial = await rounds();
    await handleCriticalRealert({ caseId: submitted.caseId, round: 1 }, env.container);
    await handleCriticalRealert({ caseId: submitted.caseId, round: 1 }, env.container); // a retried job
    expect(await rounds()).toBe(initial * 2);
    expect(await env.container.queues.timers.getJob(realertJobId(submitted.caseId, 2))).toBeTruthy();

    await db.case.update({ where: { id: submitted.caseId }, data: { firstOpenedAt: env.clock.now() } });
    await handleCriticalRealert({ caseId: submitted.caseId, round: 2 }, env.container);
    expect(await rounds()).toBe(initial * 2);
  });
});

describe("the needs-info reminder", () => {
  it("reminds the producer of an unanswered question once, with the answer button", async () => {
    const { db } = env.container;
    const theCase = await db.case.findFirstOrThrow({ where: { unit: { name: "Sirjan Steel" } } });
    const member = await db.membership.findFirstOrThrow({ where: { workingGroupId: theCase.workingGroupId, role: "SECRETARIAT", revokedAt: null } });
    const secretariatMember = harness.user(Number((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).telegramId));
    await secretariatMember.press(`q:open:${theCase.id}`);
    await secretariatMember.press(`tr:ask:${theCase.id}`);
    await secretariatMember.send("Which date is on the cut-off warning?");
    await secretariatMember.tap("✔");
    const asked = await db.caseEvent.findFirstOrThrow({ where: { caseId: theCase.id, type: "info_requested" } });
    const job = await env.container.queues.timers.getJob(needsInfoReminderJobId(theCase.id, asked.id));
    expect(job).toBeTruthy();
    await handleNeedsInfoReminder({ caseId: theCase.id, eventId: asked.id }, env.container);
    await handleNeedsInfoReminder({ caseId: theCase.id, eventId: asked.id }, env.container);
    const reminders = (await noticesTo("9301")).filter((n) => n.dedupeKey.includes("info-reminder"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain("Which date is on the cut-off warning?");
    expect(reminders[0]?.callbacks).toEqual([`cases:addinfo:${theCase.id}`]);
  });
});
