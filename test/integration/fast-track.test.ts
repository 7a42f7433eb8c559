/**
 * The cut-off fast track (issue 11, item 3), through the bot, on real PostgreSQL and Redis with
 * the injected clock. Seed 000: a unit with a utility cut-off warning must tell the secretariat
 * "at once" so that a joint meeting with the utility stops the cut-off.
 *
 * Wed 11 Azar 1405 (2 Dec 2026), 13:00 Tehran. Office hours 08:00–15:00 on working days;
 * a hold request is due in 4 office hours: Thu 12 Azar 10:00 (2 h Wednesday, 2 h Thursday).
 * Reminders every office hour: Wed 14:00, Wed 15:00, Thu 09:00; the gas company's head at the
 * deadline (Thu 10:00); the secretariat and the chair 2 office hours later (Thu 12:00).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "bullmq";
import type { TimerJobData } from "../../src/jobs/queues";
import { fireTaskReminder, reminderJobId } from "../../src/jobs/reminders";
import { acknowledgeTask, completeTask } from "../../src/services/task-actions";
import { buttonsOf, createTestBot, textOf, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

const tehran = (iso: string) => new Date(`${iso}+03:30`);
const ASKED = tehran("2026-12-02T13:00");

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;
let secretariat: TestUser;
let caseId: number;
let trackingCode: string;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(ASKED), workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7700, group: "KRM", legalIdPrefix: "1038028477" });
  secretariat = harness.user(world.secretariat.telegramId, { firstName: world.secretariat.firstName, languageCode: "en" });
  ({ caseId, trackingCode } = await reportCase(env.container, world, {
    category: "utility_cutoff",
    subcategory: "gas",
    agencyId: world.gasAgencyId,
    description: "اخطاریه قطع گاز برای بدهی ۳ ماه؛ قسط‌بندی توافق شده بود ولی شرکت گاز قطع را برای شنبه اعلام کرده است.",
  }));
});
afterAll(async () => env.cleanup());

const holdTask = () => env.container.db.task.findFirstOrThrow({ where: { caseId, kind: "CUTOFF_HOLD" } });

async function pendingHoldJobs(taskId: number): Promise<Record<string, string>> {
  const jobs = (await env.container.queues.timers.getJobs(["delayed", "wait", "prioritized"])) as Array<Job<TimerJobData>>;
  return Object.fromEntries(
    jobs
      .filter((job) => job.data.type === "task-reminder" && job.data.taskId === taskId)
      .map((job) => [String(job.id), new Date(ASKED.getTime() + job.delay).toISOString()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe("ask the utility to hold the cut-off", () => {
  it("is offered on a cut-off case's card, confirmed, and reaches the utility and the producer", async () => {
    await secretariat.press(`q:open:${caseId}`);
    expect(secretariat.buttonData("Ask to hold the cut-off")).toBe(`ft:hold:${caseId}`);
    expect(secretariat.buttonData("Joint meeting with the utility")).toBe(`ft:meet:${caseId}`);

    await secretariat.tap("Ask to hold the cut-off");
    // The card becomes the confirmation; nothing is sent yet.
    expect(harness.telegram.calls.at(-1)?.method).toBe("editMessageText");
    expect(secretariat.lastText()).toContain("Deadline for the answer: 4 office hours, until Thursday 12 Azar 1405 10:00");
    expect(await env.container.db.task.count({ where: { caseId } })).toBe(0);

    await secretariat.tap("Send");
    expect(secretariat.lastText()).toContain(`The request to hold the cut-off of case ${trackingCode} was sent`);
    const task = await holdTask();
    expect(task.dueAt.toISOString()).toBe(tehran("2026-12-03T10:00").toISOString());
    expect(task.agencyId).toBe(world.gasAgencyId);
    expect(task.officialId).toBeNull();

    // Every official of the gas company (the head too) is told at once, in Persian.
    for (const person of [world.official, world.head, world.colleague]) {
      const notice = (await noticesTo(env.container, person.telegramId)).find((n) => n.dedupeKey.startsWith(`task:${task.id}:hold`));
      expect(notice?.text).toContain("درخواست فوری توقف قطع");
      expect(notice?.text).toContain("۴ ساعت اداری");
      expect(notice?.callbacks).toEqual([`t:o:${task.id}`]);
    }
    expect((await noticesTo(env.container, world.bankOfficial.telegramId)).length).toBe(0);
    // The official's card gives the deadline to the hour.
    const official = harness.user(world.official.telegramId, { firstName: world.official.firstName });
    await official.press(`t:o:${task.id}`);
    expect(official.lastText()).toContain("مهلت پاسخ فوری: پنج\u200cشنبه ۱۲ آذر ۱۴۰۵ ساعت ۱۰:۰۰");
    const producer = await noticesTo(env.container, world.producer.telegramId);
    expect(producer.at(-1)?.text).toContain("درخواست توقف قطع کرد");
    const events = await env.container.db.caseEvent.findMany({ where: { caseId }, select: { type: true } });
    expect(events.map((e) => e.type)).toContain("hold_requested");
    expect((await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("assigned");
  });

  it("is reminded every office hour, then escalated to the head, then the secretariat and the chair", async () => {
    const task = await holdTask();
    expect(await pendingHoldJobs(task.id)).toEqual({
      [reminderJobId(task.id, 1, "hold:1")]: tehran("2026-12-02T14:00").toISOString(),
      [reminderJobId(task.id, 1, "hold:2")]: tehran("2026-12-02T15:00").toISOString(),
      [reminderJobId(task.id, 1, "hold:3")]: tehran("2026-12-03T09:00").toISOString(),
      [reminderJobId(task.id, 1, "esc:agency_head")]: tehran("2026-12-03T10:00").toISOString(),
      [reminderJobId(task.id, 1, "esc:secretariat_chair")]: tehran("2026-12-03T12:00").toISOString(),
    });
    const fire = async (key: string, at: string) => {
      env.clock.set(tehran(at));
      return fireTaskReminder({ type: "task-reminder", taskId: task.id, scheduleVersion: 1, key }, env.container);
    };
    expect(await fire("hold:1", "2026-12-02T14:00")).toBe("sent");
    expect(await fire("hold:1", "2026-12-02T14:01")).toBe("sent"); // the same notice again: deduplicated
    const reminders = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.kind === "REMINDER");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain("یادآوری فوری");

    expect(await fire("esc:agency_head", "2026-12-03T10:00")).toBe("sent");
    const head = (await noticesTo(env.container, world.head.telegramId)).filter((n) => n.kind === "ESCALATION");
    expect(head.map((n) => n.text)).toEqual([expect.stringContaining("مهلت درخواست توقف قطع")]);

    expect(await fire("esc:secretariat_chair", "2026-12-03T12:00")).toBe("sent");
    const chair = (await noticesTo(env.container, world.chair.telegramId)).filter((n) => n.kind === "ESCALATION");
    expect(chair.map((n) => n.text)).toEqual([expect.stringContaining("هنوز بی‌پاسخ است")]);
    const desk = (await noticesTo(env.container, world.secretariat.telegramId)).filter((n) => n.kind === "ESCALATION");
    expect(desk.map((n) => n.text)).toEqual([expect.stringContaining("is still unanswered")]);
    expect((await holdTask()).escalationLevel).toBe(2);
  });

  it("stops once the utility answers, and refuses a second request while one is open", async () => {
    const task = await holdTask();
    env.clock.set(tehran("2026-12-03T12:30"));
    await secretariat.press(`ft:holdok:${caseId}`);
    expect(secretariat.lastText()).toContain("already open");
    expect(await env.container.db.task.count({ where: { caseId, kind: "CUTOFF_HOLD" } })).toBe(1);

    await acknowledgeTask(env.container, world.official.id, task.id);
    await completeTask(env.container, world.official.id, task.id, { text: "The cut-off is suspended until the committee meets.", letterNumber: "1405/گ/8812" });
    expect(await fireTaskReminder({ type: "task-reminder", taskId: task.id, scheduleVersion: 1, key: "hold:3" }, env.container)).toBe("skipped");
  });

  it("is refused to anyone outside the secretariat and on other cases", async () => {
    const stranger = harness.user(world.bankOfficial.telegramId);
    await stranger.press(`ft:holdok:${caseId}`);
    expect(stranger.lastText()).toContain("پیدا نشد");
    const bank = await reportCase(env.container, world, {
      category: "bank",
      subcategory: "overdue_loan",
      agencyId: world.bankAgencyId,
      description: "The bank will declare the working-capital loan in default next week.",
    });
    await secretariat.press(`q:open:${bank.caseId}`);
    expect(buttonsOf(secretariat.screen().at(-1)).map((b) => b.text)).not.toContain("✋ Ask to hold the cut-off");
    expect(buttonsOf(secretariat.screen().at(-1)).length).toBeGreaterThan(3);
    await secretariat.press(`ft:hold:${bank.caseId}`);
    expect(secretariat.lastText()).toContain("only for utility cut-off cases");
  });
});

describe("a joint meeting with the utility", () => {
  it("creates an urgent committee meeting with the case on its agenda and invites the utility and the unit", async () => {
    env.clock.set(tehran("2026-12-03T13:00")); // Thursday: the next office day is Saturday
    await secretariat.press(`q:open:${caseId}`);
    await secretariat.tap("Joint meeting with the utility");
    expect(secretariat.lastText()).toContain("When: Saturday 14 Azar 1405 10:00");
    expect(await env.container.db.meeting.count()).toBe(0);

    await secretariat.tap("Send");
    const meeting = await env.container.db.meeting.findFirstOrThrow({ include: { agenda: true, invitees: true } });
    expect(meeting.kind).toBe("COMMITTEE");
    expect(meeting.startsAt.toISOString()).toBe(tehran("2026-12-05T10:00").toISOString());
    expect(meeting.agenda.map((i) => i.caseId)).toEqual([caseId]);
    const invited = new Set(meeting.invitees.map((i) => i.userId));
    for (const person of [world.producer, world.official, world.head, world.chair, world.secretariat]) expect(invited.has(person.id)).toBe(true);
    expect(invited.has(world.bankOfficial.id)).toBe(false);
    expect(secretariat.lastText()).toContain(`invitations were sent`);

    // The producer's invitation carries the RSVP buttons of the meetings that exist.
    const invitation = (await noticesTo(env.container, world.producer.telegramId)).find((n) => n.kind === "MEETING");
    expect(invitation?.callbacks.some((c) => c.startsWith("mtg:rsvp:"))).toBe(true);
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.press(invitation!.callbacks[0]!);
    const row = await env.container.db.meetingInvitee.findFirstOrThrow({ where: { meetingId: meeting.id, userId: world.producer.id } });
    expect(row.rsvp).toBe("ATTENDING");
    expect(textOf(harness.telegram.calls.at(-1))).not.toBe("");
  });
});
