/**
 * A meeting end to end through the bot: the secretariat schedules it, builds the agenda from
 * suggested cases and a tracking code, sends invitations; invitees answer (attending, a
 * delegate by name, cannot attend); the meeting is held; resolutions are recorded (a task-type
 * one becomes a task with reminders); the producer hears the decision; the minutes go out as a
 * message and as a document. Telegram is faked; PostgreSQL and Redis are real.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfJalaliDay, jalaliToInstant, todayInTehran } from "../../src/domain/jalali";
import { meetingReminderJobId, meetingReminderMoments, remindMeeting } from "../../src/jobs/meeting-reminders";
import { DEFAULT_WORKING_CALENDAR } from "../../src/domain/working-calendar";
import { createMeeting, englishOrdinal, markMeetingHeld, persianOrdinal, answerInvitation } from "../../src/services/meetings";
import { Refusal } from "../../src/domain/refusal";
import { listResolutions } from "../../src/services/resolutions";
import type { InlineDocument, OutboundPayload } from "../../src/services/outbox";
import { createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let harness: TestBot;
let secretariat: TestUser;

// Sunday 1 Azar 1405, 10:30 Tehran.
const START = new Date("2026-11-22T07:00:00Z");

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"], clock: new TestClock(START) });
  world = await seedTaskWorld(env.container, { base: 8_300_000_000, group: "KRM", legalIdPrefix: "1410301234" });
  harness = createTestBot(env.container);
  secretariat = harness.user(world.secretariat.telegramId, { firstName: "Dabir", languageCode: "en" });
});

afterAll(async () => {
  await env?.cleanup();
});

const db = () => env.container.db;

/** The bot-side person of a world user (Telegram names are kept in sync with the database). */
function as(person: { telegramId: number; firstName: string }, languageCode = "fa"): TestUser {
  return harness.user(person.telegramId, { firstName: person.firstName, languageCode });
}

function payloadOf(row: { payload: unknown }): OutboundPayload {
  return row.payload as OutboundPayload;
}

function buttonsOfRow(row: { payload: unknown }): Array<{ text: string; callback_data: string }> {
  const params = payloadOf(row).params as { reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };
  return params.reply_markup?.inline_keyboard.flat() ?? [];
}

function textOfRow(row: { payload: unknown }): string {
  const payload = payloadOf(row);
  return payload.method === "sendMessage" ? payload.params.text : (payload.params.caption ?? "");
}

describe("meeting titles", () => {
  it("counts meetings in Persian and English ordinals", () => {
    expect(persianOrdinal(4)).toBe("چهارمین");
    expect(persianOrdinal(1)).toBe("نخستین");
    expect(persianOrdinal(3)).toBe("سومین");
    expect(persianOrdinal(23)).toBe("بیست و سومین");
    expect(persianOrdinal(30)).toBe("سی\u200cامین");
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(englishOrdinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]);
  });
});

describe("reminder moments", () => {
  it("reminds the day before and two hours before, out of quiet hours and weekends", () => {
    // Wednesday 4 Azar 1405 09:30: Tuesday 09:30 and Wednesday 08:00 (07:30 is quiet).
    const startsAt = jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 9, minute: 30 });
    const moments = meetingReminderMoments(startsAt, START, DEFAULT_WORKING_CALENDAR);
    expect(moments.map((m) => m.name)).toEqual(["day-before", "2h-before"]);
    expect(moments[0]?.at).toEqual(jalaliToInstant({ year: 1405, month: 9, day: 3 }, { hour: 9, minute: 30 }));
    expect(moments[1]?.at).toEqual(jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 8, minute: 0 }));
    // Saturday 7 Azar 10:00: the day before is a Friday; moved to Saturday morning it would
    // repeat the two-hours reminder, so only that one is left.
    const saturday = jalaliToInstant({ year: 1405, month: 9, day: 7 }, { hour: 10, minute: 0 });
    expect(meetingReminderMoments(saturday, START, DEFAULT_WORKING_CALENDAR).map((m) => m.name)).toEqual(["2h-before"]);
  });
});

describe("a working-group meeting through the bot", () => {
  let meetingId: number;
  let gasCase: { caseId: number; trackingCode: string };
  let bankCase: { caseId: number; trackingCode: string };
  let secondRepId: number;

  it("is scheduled by the secretariat with the next number of its kind and year", async () => {
    gasCase = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "اخطاریه قطع گاز کارخانه به دلیل بدهی معوق دریافت شده است.",
    });
    bankCase = await reportCase(env.container, world, {
      category: "bank",
      subcategory: "rescheduling",
      agencyId: world.bankAgencyId,
      description: "درخواست امهال تسهیلات سرمایه در گردش واحد تولیدی.",
    });
    // A second representative of the unit, who will not attend.
    const second = await db().user.create({ data: { telegramId: "8300000099", firstName: "Partner", language: "fa" } });
    secondRepId = second.id;
    await db().unitRepresentative.create({ data: { userId: second.id, unitId: world.unitId } });

    await secretariat.send("/meetings");
    expect(secretariat.lastText()).toContain("No meetings yet");
    await secretariat.tap("Schedule a meeting");
    expect(secretariat.lastText()).toContain("What kind of meeting");
    await secretariat.tap("Working group");
    await secretariat.send("۱۴۰۵/۰۹/۴۴"); // not a date
    expect(secretariat.lastText()).toContain("not a valid date");
    await secretariat.send("۱۴۰۵/۰۹/۰۴");
    await secretariat.send("9:30");
    await secretariat.send("سالن پیامبر اعظم استانداری");
    expect(secretariat.lastText()).toContain("New meeting");
    await secretariat.tap("Schedule it");

    const meeting = await db().meeting.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId, kind: "WORKING_GROUP" } });
    meetingId = meeting.id;
    expect(meeting).toMatchObject({ number: 1, jalaliYear: 1405, place: "سالن پیامبر اعظم استانداری", status: "SCHEDULED", recurringWeekly: false });
    expect(meeting.startsAt).toEqual(jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 9, minute: 30 }));
    const texts = secretariat.textsSince(0).join("\n");
    expect(texts).toContain("Scheduled: 1st working-group meeting of 1405.");
    expect(texts).toContain("Wednesday 4 Azar 1405 09:30");

    // The next one of the same kind and year is the 2nd; a committee counts on its own.
    const again = await createMeeting(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId, kind: "WORKING_GROUP", date: { year: 1405, month: 9, day: 20 }, time: { hour: 9, minute: 0 }, place: "Hall",
    });
    const committee = await createMeeting(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId, kind: "COMMITTEE", date: { year: 1405, month: 9, day: 8 }, time: { hour: 9, minute: 0 }, place: "Hall",
    });
    expect([again.number, committee.number]).toEqual([2, 1]);
    await db().meeting.deleteMany({ where: { id: { in: [again.id, committee.id] } } });
    // Nobody but the secretariat may schedule one.
    await expect(
      createMeeting(env.container, world.official.id, {
        workingGroupId: world.workingGroupId, kind: "WORKING_GROUP", date: { year: 1405, month: 9, day: 20 }, time: { hour: 9, minute: 0 }, place: "Hall",
      }),
    ).rejects.toMatchObject({ reason: "forbidden" });
  });

  it("builds the agenda from suggested cases and a tracking code; the producer is told", async () => {
    await secretariat.tap("Agenda");
    await secretariat.tap("Add from suggested cases");
    const suggestions = secretariat.lastText();
    expect(suggestions).toContain(gasCase.trackingCode);
    expect(suggestions).toContain("critical");
    await secretariat.press(secretariat.buttonData(gasCase.trackingCode));
    expect(secretariat.textsSince(0).join("\n")).toContain(`Case ${gasCase.trackingCode} was put on the agenda`);

    await secretariat.tap("Add by tracking code");
    await secretariat.send("KRM-1405-99999");
    expect(secretariat.lastText()).toContain("No case of this working group");
    await secretariat.send(bankCase.trackingCode.toLowerCase().replace("1405", "۱۴۰۵"));
    expect(secretariat.textsSince(0).join("\n")).toContain(`Case ${bankCase.trackingCode} was put on the agenda`);

    const cases = await db().case.findMany({ where: { id: { in: [gasCase.caseId, bankCase.caseId] } }, select: { status: true } });
    expect(cases.map((c) => c.status)).toEqual(["on_agenda", "on_agenda"]);
    const events = await db().caseEvent.findMany({ where: { caseId: gasCase.caseId, type: "agenda_added" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ meetingId, kind: "WORKING_GROUP", number: "1", year: "1405", date: "1405/09/04", time: "09:30" });
    const notice = await db().outboxMessage.findFirstOrThrow({ where: { userId: world.producer.id, dedupeKey: { startsWith: `meeting:${meetingId}:agenda:${gasCase.caseId}` } } });
    expect(textOfRow(notice)).toContain(`پرونده ${gasCase.trackingCode} شما در دستور نخستین جلسه کارگروه در سال ۱۴۰۵ قرار گرفت`);

    // Reorder: the bank case first; the gas case heard at 10:15.
    const items = await db().agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    expect(items.map((i) => i.caseId)).toEqual([gasCase.caseId, bankCase.caseId]);
    await secretariat.press(`mtg:dn:${items[0]?.id}`);
    await secretariat.press(`mtg:slot:${items[0]?.id}`);
    await secretariat.send("۱۰:۱۵");
    const reordered = await db().agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    expect(reordered.map((i) => i.caseId)).toEqual([bankCase.caseId, gasCase.caseId]);
    expect(reordered[1]?.slotStartsAt).toEqual(jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 10, minute: 15 }));
    expect(secretariat.lastText()).toMatch(new RegExp(`2\\. ${gasCase.trackingCode} — Kerman Tile Co\\. \\(at 10:15\\)`));

    // A forged button from an official changes nothing.
    const official = as(world.official);
    await official.press(`mtg:rm:${reordered[0]?.id}`);
    expect(official.lastText()).toContain("فقط از دبیرخانه کارگروه");
    expect(await db().agendaItem.count({ where: { meetingId } })).toBe(2);
  });

  it("invites members and the unit's representatives, with RSVP buttons and reminders", async () => {
    await secretariat.press(`mtg:open:${meetingId}`);
    await secretariat.tap("Send invitations");
    const invitees = await db().meetingInvitee.findMany({ where: { meetingId }, orderBy: { userId: "asc" } });
    const byUser = new Map(invitees.map((i) => [i.userId, i]));
    for (const member of [world.secretariat, world.chair, world.official, world.head, world.colleague, world.bankOfficial]) {
      expect(byUser.get(member.id)?.role).toBe("MEMBER");
    }
    expect(byUser.get(world.producer.id)).toMatchObject({ role: "UNIT_REPRESENTATIVE", unitId: world.unitId, rsvp: "PENDING" });
    expect(byUser.get(secondRepId)?.role).toBe("UNIT_REPRESENTATIVE");
    expect(invitees).toHaveLength(8);

    const invitation = await db().outboxMessage.findFirstOrThrow({ where: { userId: world.producer.id, kind: "MEETING" } });
    const text = textOfRow(invitation);
    expect(text).toContain("دعوت‌نامه جلسه");
    expect(text).toContain("چهارشنبه ۴ آذر ۱۴۰۵ ساعت ۰۹:۳۰");
    expect(text).toContain("سالن پیامبر اعظم استانداری");
    expect(text).toContain("ساعت حضور نماینده واحد: ۱۰:۱۵");
    expect(text).toContain(bankCase.trackingCode);
    expect(buttonsOfRow(invitation).map((b) => b.callback_data)).toEqual([
      `mtg:rsvp:${byUser.get(world.producer.id)?.id}:a`,
      `mtg:rsvp:${byUser.get(world.producer.id)?.id}:d`,
      `mtg:rsvp:${byUser.get(world.producer.id)?.id}:n`,
    ]);
    expect(await db().outboxMessage.count({ where: { kind: "MEETING", dedupeKey: { startsWith: `meeting:${meetingId}:invite:` } } })).toBe(8);

    const timers = await env.container.queues.timers.getJobs(["delayed"]);
    const ids = timers.map((job) => job.id);
    const startsAt = jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 9, minute: 30 }).getTime();
    expect(ids).toContain(meetingReminderJobId(meetingId, `day-before@${startsAt}`));
    expect(ids).toContain(meetingReminderJobId(meetingId, `2h-before@${startsAt}`));

    // Sending again invites nobody twice.
    await secretariat.press(`mtg:inv:${meetingId}`);
    expect(secretariat.textsSince(0).join("\n")).toContain("Everyone concerned is already invited (8 people)");
    expect(await db().outboxMessage.count({ where: { kind: "MEETING", dedupeKey: { startsWith: `meeting:${meetingId}:invite:` } } })).toBe(8);
  });

  it("records answers: attending, a delegate by name, cannot attend; only the invitee may answer", async () => {
    const invitees = await db().meetingInvitee.findMany({ where: { meetingId } });
    const inviteeOf = (userId: number) => invitees.find((i) => i.userId === userId)?.id as number;

    const official = as(world.official);
    await official.press(`mtg:rsvp:${inviteeOf(world.official.id)}:a`);
    expect(official.lastText()).toContain("حضور شما در نخستین جلسه کارگروه در سال ۱۴۰۵");

    const head = as(world.head);
    await head.press(`mtg:rsvp:${inviteeOf(world.head.id)}:d`);
    expect(head.lastText()).toContain("نام کامل و سمت");
    await head.send("x");
    expect(head.lastText()).toContain("نامی بین ۲");
    await head.send("مهندس احمدی، معاون فنی");

    const producer = as(world.producer);
    await producer.press(`mtg:rsvp:${inviteeOf(world.producer.id)}:a`);
    const partner = harness.user(8_300_000_099, { firstName: "Partner" });
    await partner.press(`mtg:rsvp:${inviteeOf(secondRepId)}:n`);

    // The colleague forges the official's button: refused, nothing changes.
    const colleague = as(world.colleague);
    await colleague.press(`mtg:rsvp:${inviteeOf(world.official.id)}:n`);
    expect(colleague.lastText()).toContain("فقط از دبیرخانه کارگروه");
    await expect(answerInvitation(env.container, world.colleague.id, inviteeOf(world.official.id), "DECLINED")).rejects.toBeInstanceOf(Refusal);

    const answers = await db().meetingInvitee.findMany({ where: { meetingId }, orderBy: { id: "asc" } });
    const answerOf = (userId: number) => answers.find((a) => a.userId === userId);
    expect(answerOf(world.official.id)?.rsvp).toBe("ATTENDING");
    expect(answerOf(world.head.id)).toMatchObject({ rsvp: "DELEGATE", delegateName: "مهندس احمدی، معاون فنی" });
    expect(answerOf(world.producer.id)?.rsvp).toBe("ATTENDING");
    expect(answerOf(secondRepId)?.rsvp).toBe("DECLINED");
    expect(answerOf(world.colleague.id)?.rsvp).toBe("PENDING");

    // The secretariat sees the answers on the card.
    await secretariat.press(`mtg:open:${meetingId}`);
    const card = secretariat.lastText();
    expect(card).toContain("Answers: 2 attending, 1 sending a delegate, 1 cannot attend, 4 not answered");
    expect(card).toContain("Sarparast: sending a delegate (مهندس احمدی، معاون فنی)");
    expect(card).toContain("Reza Karimi (Kerman Tile Co.): attending");
  });

  it("reminds those who did not decline, once per reminder", async () => {
    const startsAt = jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 9, minute: 30 }).getTime();
    const data = { type: "meeting-reminder" as const, meetingId, key: `day-before@${startsAt}` };
    await remindMeeting(data, env.container);
    await remindMeeting(data, env.container);
    const rows = await db().outboxMessage.findMany({ where: { dedupeKey: { startsWith: `meeting:${meetingId}:reminder:day-before` } } });
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => r.userId)).not.toContain(secondRepId);
    // A reminder for a time the meeting no longer has does nothing.
    await remindMeeting({ ...data, key: `2h-before@${startsAt - 3_600_000}` }, env.container);
    expect(await db().outboxMessage.count({ where: { dedupeKey: { startsWith: `meeting:${meetingId}:reminder:2h` } } })).toBe(0);
  });

  it("is held; resolutions are recorded, a task-type one becomes a task with reminders; the producer is told", async () => {
    await secretariat.press(`mtg:heldok:${meetingId}`);
    expect(secretariat.textsSince(0).join("\n")).toContain("The meeting's day has not come yet");
    env.clock.set(new Date(jalaliToInstant({ year: 1405, month: 9, day: 4 }, { hour: 11, minute: 0 })));
    await secretariat.tap("Mark as held");
    await secretariat.tap("Confirm");
    expect(await db().meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ status: "HELD" });

    await secretariat.tap("Record resolutions");
    const gasItem = await db().agendaItem.findFirstOrThrow({ where: { meetingId, caseId: gasCase.caseId } });
    await secretariat.press(`res:item:${gasItem.id}`);
    await secretariat.send("شرکت گاز تا تعیین تکلیف بدهی از قطع گاز واحد خودداری و بدهی را تقسیط کند.");
    await secretariat.tap("Task for an agency");
    await secretariat.tap("Kerman Gas Company");
    await secretariat.tap("Rahimi");
    await secretariat.send("1405/08/30");
    expect(secretariat.lastText()).toContain("cannot be in the past");
    await secretariat.send("۱۴۰۵/۰۹/۲۰");
    expect(secretariat.lastText()).toContain("Deadline: 20 Azar 1405");
    await secretariat.tap("Record the resolution");
    expect(secretariat.lastText()).toContain("a task with reminders was created");

    const resolution = await db().resolution.findFirstOrThrow({ where: { meetingId, caseId: gasCase.caseId }, include: { task: true } });
    expect(resolution).toMatchObject({ type: "TASK", agencyId: world.gasAgencyId, officialId: world.official.id });
    expect(resolution.task).toMatchObject({ agencyId: world.gasAgencyId, officialId: world.official.id, caseId: gasCase.caseId, status: "open" });
    expect(resolution.task?.dueAt).toEqual(endOfJalaliDay({ year: 1405, month: 9, day: 20 }));
    const taskId = resolution.task?.id as number;
    const reminderJobs = (await env.container.queues.timers.getJobs(["delayed"])).filter((job) => job.id?.startsWith(`task-${taskId}-v1-`));
    expect(reminderJobs.length).toBeGreaterThan(0);
    expect((await db().case.findUniqueOrThrow({ where: { id: gasCase.caseId } })).status).toBe("assigned");
    expect(await db().caseEvent.count({ where: { caseId: gasCase.caseId, type: "resolution_recorded" } })).toBe(1);

    const told = await db().outboxMessage.findFirstOrThrow({ where: { userId: world.producer.id, dedupeKey: { startsWith: `resolution:${resolution.id}:producer` } } });
    expect(textOfRow(told)).toContain("شرکت گاز تا تعیین تکلیف بدهی");
    expect(textOfRow(told)).toContain("شرکت گاز استان کرمان");
    expect(textOfRow(told)).toContain("۲۰ آذر ۱۴۰۵");
    const assigned = await db().outboxMessage.findFirstOrThrow({ where: { userId: world.official.id, dedupeKey: { startsWith: `resolution:${resolution.id}:task` } } });
    expect(textOfRow(assigned)).toContain("اقدام جدید");

    // A decision on the bank case, with no agency and no deadline.
    const bankItem = await db().agendaItem.findFirstOrThrow({ where: { meetingId, caseId: bankCase.caseId } });
    await secretariat.press(`res:item:${bankItem.id}`);
    await secretariat.send("پرونده برای امهال به کمیته تخصصی بانکی استان ارجاع شد.");
    await secretariat.tap("Decision");
    await secretariat.tap("Skip");
    await secretariat.tap("Skip");
    await secretariat.tap("Record the resolution");
    const decision = await db().resolution.findFirstOrThrow({ where: { meetingId, caseId: bankCase.caseId }, include: { task: true } });
    expect(decision).toMatchObject({ type: "DECISION", agencyId: null, deadline: null, task: null });
  });

  it("closes the minutes: every attendee and member gets them as a message and as a document", async () => {
    await secretariat.press(`mtg:open:${meetingId}`);
    await secretariat.tap("Close and send the minutes");
    await secretariat.tap("Close and send");
    expect(secretariat.textsSince(0).join("\n")).toContain("The minutes were sent to 7 people");

    const rows = await db().outboxMessage.findMany({ where: { dedupeKey: { startsWith: `meeting:${meetingId}:minutes` } } });
    const recipients = new Set(rows.map((r) => r.userId));
    const expected = [world.secretariat, world.chair, world.official, world.head, world.colleague, world.bankOfficial, world.producer].map((u) => u.id);
    expect([...recipients].sort()).toEqual([...expected].sort());
    expect(recipients.has(secondRepId)).toBe(false); // declined, not a member

    for (const userId of expected) {
      const mine = rows.filter((r) => r.userId === userId);
      expect(mine.map((r) => payloadOf(r).method).sort()).toEqual(["sendDocument", "sendMessage"]);
    }
    const producerRows = rows.filter((r) => r.userId === world.producer.id);
    const message = producerRows.find((r) => payloadOf(r).method === "sendMessage");
    expect(textOfRow(message as { payload: unknown })).toContain("صورت‌جلسه نخستین جلسه کارگروه در سال ۱۴۰۵");
    expect(textOfRow(message as { payload: unknown })).toContain("شرکت گاز تا تعیین تکلیف بدهی");
    const documentRow = producerRows.find((r) => payloadOf(r).method === "sendDocument") as { payload: unknown };
    const document = (payloadOf(documentRow).params as { document: InlineDocument }).document;
    expect(document.filename).toBe("minutes-1405-WG-01.html");
    const html = Buffer.from(document.contentBase64, "base64").toString("utf8");
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("شرکت گاز تا تعیین تکلیف بدهی");
    expect(html).toContain("پرونده برای امهال به کمیته تخصصی");
    expect(html).toContain("مهندس احمدی، معاون فنی");
    const englishDoc = rows.find((r) => r.userId === world.secretariat.id && payloadOf(r).method === "sendDocument") as { payload: unknown };
    expect(Buffer.from((payloadOf(englishDoc).params as { document: InlineDocument }).document.contentBase64, "base64").toString("utf8")).toContain('dir="ltr"');

    // The minutes are final: no more resolutions, and closing twice sends nothing more.
    const gasItem = await db().agendaItem.findFirstOrThrow({ where: { meetingId, caseId: gasCase.caseId } });
    await secretariat.press(`res:item:${gasItem.id}`);
    expect(secretariat.lastText()).toContain("minutes of this meeting are closed");
    await secretariat.press(`mtg:minok:${meetingId}`);
    expect(await db().outboxMessage.count({ where: { dedupeKey: { startsWith: `meeting:${meetingId}:minutes` } } })).toBe(rows.length);
  });

  it("lists the resolutions in the ledger with their status from their tasks", async () => {
    await secretariat.send("/resolutions");
    const ledger = secretariat.lastText();
    expect(ledger).toContain("Resolutions — all (2;");
    expect(ledger).toContain(`${gasCase.trackingCode}: شرکت گاز`);
    expect(ledger).toContain("open");
    expect(ledger).toContain("recorded");

    env.clock.set(new Date(endOfJalaliDay({ year: 1405, month: 9, day: 21 })));
    const overdue = await listResolutions(env.container, [world.workingGroupId], "overdue", 0, 10);
    expect(overdue.items.map((r) => r.case.trackingCode)).toEqual([gasCase.trackingCode]);
    expect(overdue.items[0]?.status).toBe("overdue");
    const task = await db().task.findFirstOrThrow({ where: { caseId: gasCase.caseId } });
    await db().task.update({ where: { id: task.id }, data: { status: "done" } });
    const done = await listResolutions(env.container, [world.workingGroupId], "done", 0, 10);
    expect(done.items.map((r) => r.status)).toEqual(["done"]);
    env.clock.set(START);
  });
});

describe("the weekly specialist committee", () => {
  it("schedules next week's meeting when a recurring one is marked held", async () => {
    env.clock.set(START);
    const first = await createMeeting(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId,
      kind: "COMMITTEE",
      date: { year: 1405, month: 9, day: 8 }, // Sunday
      time: { hour: 9, minute: 0 },
      place: "دبیرخانه کارگروه",
      recurringWeekly: true,
    });
    env.clock.set(jalaliToInstant({ year: 1405, month: 9, day: 8 }, { hour: 12, minute: 0 }));
    const { next } = await markMeetingHeld(env.container, world.secretariat.id, first.id);
    expect(next).not.toBeNull();
    const created = await db().meeting.findUniqueOrThrow({ where: { id: next?.id as number } });
    expect(created).toMatchObject({ kind: "COMMITTEE", number: first.number + 1, recurringWeekly: true, place: "دبیرخانه کارگروه", status: "SCHEDULED" });
    expect(created.startsAt).toEqual(jalaliToInstant({ year: 1405, month: 9, day: 15 }, { hour: 9, minute: 0 }));
    expect(todayInTehran(created.startsAt)).toEqual({ year: 1405, month: 9, day: 15 });
    // Marking it held again changes nothing.
    await expect(markMeetingHeld(env.container, world.secretariat.id, first.id)).rejects.toMatchObject({ reason: "not_scheduled" });
    expect(await db().meeting.count({ where: { workingGroupId: world.workingGroupId, kind: "COMMITTEE" } })).toBe(2);
    env.clock.set(START);
  });
});

describe("the secretariat's meeting screens", () => {
  it("edit in place: the list opens a card in the same message; back at the first step returns to the list", async () => {
    env.clock.set(START);
    await secretariat.send("/meetings");
    expect(secretariat.screen().at(-1)?.method).toBe("sendMessage");
    expect(secretariat.lastText()).toContain("Meetings (upcoming first");
    await secretariat.tap("1st working-group meeting of 1405");
    expect(secretariat.screen().at(-1)?.method).toBe("editMessageText");
    expect(secretariat.lastText()).toContain("📋 1st working-group meeting of 1405");

    await secretariat.tap("Meetings");
    await secretariat.tap("Schedule a meeting");
    expect(secretariat.lastText()).toContain("What kind of meeting");
    await secretariat.press(secretariat.buttonData("Back"));
    expect(secretariat.lastText()).toContain("Meetings (upcoming first");
    expect(secretariat.screen().at(-1)?.method).toBe("editMessageText");

    await secretariat.send("/resolutions");
    await secretariat.tap(/^open$/);
    expect(secretariat.screen().at(-1)?.method).toBe("editMessageText");
    expect(secretariat.lastText()).toContain("Resolutions — open");
  });

  it("refuses the secretariat's screens to anyone else", async () => {
    const meeting = await db().meeting.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId } });
    const producer = as(world.producer);
    await producer.send("/meetings");
    expect(producer.lastText()).toContain("شما اجازه این کار را ندارید");
    await producer.press(`mtg:open:${meeting.id}`);
    expect(producer.lastText()).toContain("فقط از دبیرخانه کارگروه");
    await producer.send("/resolutions");
    expect(producer.lastText()).toContain("شما اجازه این کار را ندارید");
  });
});
