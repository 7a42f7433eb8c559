/**
 * Statutory timers on resolutions through the bot, on real PostgreSQL and Redis with the
 * injected clock. A working-group meeting held on Wed 1405/10/02 records three task
 * resolutions; each is notified to its agency and opens a 15-working-day objection window
 * (Fridays 10/04, 10/11, 10/18 and the holiday 10/15 do not count: it ends with Mon 10/21).
 * The gas company objects to one inside the window (reasons too short first: refused, nothing
 * changed) and the secretariat amends it; the bank objects to another and the chair confirms
 * it; after the window an objection to the third is refused, its close timer makes it binding
 * once (a second run does nothing more, a Redis that lost the timer gets it back), and its
 * overdue ladder ends at the chair and the governor's deputy. The ledger shows every phase.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolutions as buttons, shared } from "../../src/buttons";
import { endOfJalaliDay, jalaliToInstant } from "../../src/domain/jalali";
import { fireTaskReminder, reminderJobId } from "../../src/jobs/reminders";
import { startStatutoryReconciler } from "../../src/jobs/statutory";
import { handleTimer } from "../../src/jobs/timers";
import { addAgendaItem, createMeeting, markMeetingHeld } from "../../src/services/meetings";
import { fileObjection, objectionCloseJobId } from "../../src/services/resolutions";
import { createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, type TaskWorld, type WorldUser } from "../support/task-fixtures";

const at = (y: number, m: number, d: number, hour = 0, minute = 0) => jalaliToInstant({ year: y, month: m, day: d }, { hour, minute });
const WINDOW_END = endOfJalaliDay({ year: 1405, month: 10, day: 21 });

let env: TestEnv;
let world: TaskWorld;
let harness: TestBot;
let secretariat: TestUser;
let official: TestUser;
let bankOfficial: TestUser;
let chair: TestUser;
let deputy: WorldUser;

const db = () => env.container.db;
const as = (person: WorldUser, languageCode = "fa") => harness.user(person.telegramId, { firstName: person.firstName, languageCode });

beforeAll(async () => {
  env = await createTestEnv({
    workingGroups: ["KRM"],
    clock: new TestClock(at(1405, 10, 2, 8)),
    config: { STATUTORY_POLICY: JSON.stringify({ escalateToGovernorDeputy: true }) },
  });
  world = await seedTaskWorld(env.container, { base: 8_500_000_000, group: "KRM", legalIdPrefix: "1410305678" });
  harness = createTestBot(env.container);
  secretariat = as(world.secretariat, "en");
  official = as(world.official);
  bankOfficial = as(world.bankOfficial);
  chair = as(world.chair);
  // The governor's economic deputy: the head of the group's governorate agency.
  const governorate = await db().agency.findFirstOrThrow({ where: { workingGroupId: world.workingGroupId, kind: "GOVERNORATE" } });
  const row = await db().user.create({ data: { telegramId: "8500000009", firstName: "Moaven", language: "fa" } });
  deputy = { id: row.id, telegramId: 8_500_000_009, firstName: "Moaven" };
  await db().membership.create({ data: { userId: row.id, workingGroupId: world.workingGroupId, role: "OFFICIAL", agencyId: governorate.id, isAgencyHead: true } });
});

afterAll(async () => {
  await env?.cleanup();
});

async function pendingTimerIds(): Promise<string[]> {
  return (await env.container.queues.timers.getJobs(["delayed", "wait", "prioritized"])).map((job) => String(job.id));
}
const reminderIdsOf = async (taskId: number) => (await pendingTimerIds()).filter((id) => id.startsWith(`task-${taskId}-`));
const resolutionOf = (id: number) => db().resolution.findUniqueOrThrow({ where: { id }, include: { task: true } });
const eventsOf = (caseId: number, type: string) => db().caseEvent.findMany({ where: { caseId, type } });

interface Recorded {
  resolutionId: number;
  taskId: number;
  caseId: number;
  code: string;
}

describe("statutory timers on resolutions, through the bot", () => {
  let gasA: Recorded;
  let gasB: Recorded;
  let bankC: Recorded;

  /** Records a task resolution through the secretariat's flow. */
  async function recordTask(itemId: number, text: string, agency: string, person: string, deadline: string): Promise<Recorded> {
    await secretariat.press(buttons.item.pack({ itemId }));
    await secretariat.send(text);
    await secretariat.tap("Task for an agency");
    await secretariat.tap(agency);
    await secretariat.tap(person);
    await secretariat.send(deadline);
    await secretariat.tap("Record the resolution");
    expect(secretariat.lastText()).toContain("a task with reminders was created");
    const row = await db().resolution.findFirstOrThrow({ where: { agendaItemId: itemId }, orderBy: { id: "desc" }, include: { task: true, case: true } });
    return { resolutionId: row.id, taskId: row.task?.id as number, caseId: row.caseId, code: row.case.trackingCode };
  }

  it("records task resolutions on a held meeting: each is notified and opens its objection window", async () => {
    const cases = [];
    for (const [category, subcategory, agencyId, description] of [
      ["utility_cutoff", "gas", world.gasAgencyId, "اخطار قطع گاز کوره‌ها با وجود توافق تقسیط بدهی."],
      ["utility_cutoff", "gas", world.gasAgencyId, "شرکت گاز انشعاب دوم واحد را بدون اطلاع قبلی قطع کرده است."],
      ["bank", "rescheduling", world.bankAgencyId, "درخواست امهال تسهیلات سرمایه در گردش واحد تولیدی."],
    ] as const) {
      cases.push(await reportCase(env.container, world, { category, subcategory, agencyId, description }));
    }
    const meeting = await createMeeting(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId,
      kind: "WORKING_GROUP",
      date: { year: 1405, month: 10, day: 2 },
      time: { hour: 9, minute: 0 },
      place: "سالن جلسات استانداری",
    });
    const items = [];
    for (const c of cases) items.push(await addAgendaItem(env.container, world.secretariat.id, meeting.id, { caseId: c.caseId }));
    env.clock.set(at(1405, 10, 2, 10));
    await markMeetingHeld(env.container, world.secretariat.id, meeting.id);

    gasA = await recordTask(items[0]!.itemId, "شرکت گاز تا تعیین تکلیف بدهی از قطع گاز واحد خودداری کند.", "Kerman Gas", "Rahimi", "1405/10/20");
    gasB = await recordTask(items[1]!.itemId, "شرکت گاز انشعاب دوم واحد را ظرف یک هفته وصل کند.", "Kerman Gas", "Rahimi", "1405/10/20");
    bankC = await recordTask(items[2]!.itemId, "بانک ملی تسهیلات واحد را به مدت شش ماه امهال کند.", "Bank Melli", "Bankdar", "1405/11/10");

    for (const r of [gasA, gasB, bankC]) {
      const row = await resolutionOf(r.resolutionId);
      expect(row).toMatchObject({ notifiedAt: at(1405, 10, 2, 10), objectionDeadline: WINDOW_END, objectedAt: null, bindingAt: null });
      expect(await eventsOf(r.caseId, "resolution_notified")).toHaveLength(1);
    }
    // The close timer of each window: at the first working moment after it, Tue 10/22 08:00.
    const jobs = await env.container.queues.timers.getJobs(["delayed"]);
    const close = jobs.find((job) => job.id === objectionCloseJobId(gasB.resolutionId));
    expect(close?.data).toEqual({ type: "objection-window-close", resolutionId: gasB.resolutionId });
    expect(close?.opts.delay).toBe(at(1405, 10, 22, 8).getTime() - at(1405, 10, 2, 10).getTime());

    // The task notice tells the official until when the agency may object, with the button.
    const notice = (await noticesTo(env.container, world.official.telegramId)).find((n) => n.dedupeKey.startsWith(`resolution:${gasA.resolutionId}:task`));
    expect(notice?.text).toContain("اقدام جدید");
    expect(notice?.text).toContain("تا دوشنبه ۲۱ دی ۱۴۰۵ یک بار و با ذکر دلایل مکتوب");
    expect(notice?.callbacks).toContain(buttons.object.pack({ resolutionId: gasA.resolutionId }));

    // The ladder waits for the window: the due date (Sun 10/20) falls inside it, so only the
    // moments after it are queued — no reminder before the deadline, no agency-head escalation.
    const ids = await reminderIdsOf(gasA.taskId);
    expect(ids).toContain(reminderJobId(gasA.taskId, 1, "overdue:2"));
    expect(ids).not.toContain(reminderJobId(gasA.taskId, 1, "before:-3"));
    expect(ids).not.toContain(reminderJobId(gasA.taskId, 1, "esc:agency_head"));

    await secretariat.send("/resolutions");
    expect(secretariat.lastText().match(/objection window open until 21 Dey 1405/g)).toHaveLength(3);
  });

  it("takes the gas company's objection inside the window: too short first (nothing changes), then sent once", async () => {
    env.clock.set(at(1405, 10, 5, 11)); // Saturday
    await official.press(shared.taskCard.pack({ taskId: gasA.taskId }));
    expect(official.lastText()).toContain("دستگاه می‌تواند تا");
    await official.tap("اعتراض");
    expect(official.lastText()).toContain("دلایل دستگاه را بنویسید (دست‌کم");

    const mark = official.mark();
    await official.send("بدهی قسط‌بندی شده");
    const answer = official.textsSince(mark).join("\n");
    expect(answer).toContain("دلایل کوتاه است");
    expect(answer).toContain("چیزی ارسال نشد");
    expect((await resolutionOf(gasA.resolutionId)).objectedAt).toBeNull();
    expect(official.lastText()).toContain("دلایل دستگاه را بنویسید"); // asked again
    // No reasons at all (a forged call past the prompt): refused the same way.
    await expect(fileObjection(env.container, world.official.id, gasA.resolutionId, "   ")).rejects.toMatchObject({ reason: "reasons_too_short" });
    expect((await resolutionOf(gasA.resolutionId)).objectedAt).toBeNull();

    const reasons = "مصوبه با قرارداد فروش گاز و آیین‌نامه وصول مطالبات شرکت ملی گاز مغایرت دارد.";
    await official.send(reasons);
    expect(official.lastText()).toContain("این اعتراض برای دبیرخانه و رئیس کارگروه ارسال شود؟");
    await official.tap("ارسال اعتراض");
    expect(official.lastText()).toContain("اعتراض شما برای دبیرخانه و رئیس کارگروه ارسال شد");

    const row = await resolutionOf(gasA.resolutionId);
    expect(row).toMatchObject({ objectedAt: at(1405, 10, 5, 11), objectionReasons: reasons, objectedById: world.official.id, decidedAt: null, bindingAt: null });
    // The deadline's reminders wait: the old schedule is gone and the new one is empty.
    expect(row.task?.scheduleVersion).toBe(2);
    expect(await reminderIdsOf(gasA.taskId)).toEqual([]);
    const [event] = await eventsOf(gasA.caseId, "resolution_objected");
    expect(event).toMatchObject({ internal: true, actorId: world.official.id, taskId: gasA.taskId });
    for (const person of [world.secretariat, world.chair]) {
      const told = (await noticesTo(env.container, person.telegramId)).filter((n) => n.dedupeKey.startsWith(`resolution:${gasA.resolutionId}:objection`));
      expect(told).toHaveLength(1);
      expect(told[0]?.callbacks).toEqual([buttons.decide.pack({ resolutionId: gasA.resolutionId })]);
    }

    // Only once.
    await official.press(buttons.object.pack({ resolutionId: gasA.resolutionId }));
    expect(official.lastText()).toContain("پیش‌تر به این مصوبه اعتراض کرده است");
    expect((await resolutionOf(gasA.resolutionId)).objectionReasons).toBe(reasons);

    // The secretariat's task card shows the objection and the decision button.
    await secretariat.press(shared.taskCard.pack({ taskId: gasA.taskId }));
    expect(secretariat.lastText()).toContain("Objection filed on 5 Dey 1405");
    expect(secretariat.buttonData("Decide on the objection")).toBe(buttons.decide.pack({ resolutionId: gasA.resolutionId }));

    await secretariat.send("/resolutions");
    expect(secretariat.lastText()).toContain("objected on 5 Dey 1405, awaiting the decision");
    await secretariat.tap("objected");
    expect(secretariat.lastText()).toContain("Resolutions — objected (1;");
    expect(secretariat.lastText()).toContain(gasA.code);
  });

  it("the secretariat amends it: binding from the decision, the agency and the producer told, reminders again", async () => {
    env.clock.set(at(1405, 10, 7, 10));
    await secretariat.press(buttons.decide.pack({ resolutionId: gasA.resolutionId }));
    expect(secretariat.lastText()).toContain("آیین‌نامه وصول مطالبات");
    await secretariat.tap("Amend the text");
    await secretariat.send("کم");
    expect(secretariat.lastText()).toContain("Write the amended text");
    const amended = "شرکت گاز تا پایان بهمن از قطع گاز خودداری و بدهی را در شش قسط دریافت کند.";
    await secretariat.send(amended);
    await secretariat.tap("Save the amendment");
    expect(secretariat.lastText()).toContain("was amended; the agency and the producer were told");

    const row = await resolutionOf(gasA.resolutionId);
    expect(row).toMatchObject({ objectionDecision: "amended", amendedText: amended, decidedById: world.secretariat.id, decidedAt: at(1405, 10, 7, 10), bindingAt: at(1405, 10, 7, 10) });
    expect(row.task?.title).toBe(amended);
    expect(await eventsOf(gasA.caseId, "resolution_amended")).toHaveLength(1);
    const toOfficial = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`resolution:${gasA.resolutionId}:decision`));
    expect(toOfficial.map((n) => n.text).join("")).toContain("اصلاح شد و از هم‌اکنون لازم‌الاجراست");
    const toProducer = (await noticesTo(env.container, world.producer.telegramId)).filter((n) => n.dedupeKey.startsWith(`resolution:${gasA.resolutionId}:amended`));
    expect(toProducer.map((n) => n.text).join("")).toContain(amended);
    // Binding now: the ladder runs again on the new schedule version, from the deadline.
    expect(await reminderIdsOf(gasA.taskId)).toContain(reminderJobId(gasA.taskId, 2, "before:-3"));

    // Decided once; the chair's later press is told so.
    await chair.press(buttons.uphold.pack({ resolutionId: gasA.resolutionId }));
    expect(chair.lastText()).toContain("پیش‌تر تصمیم گرفته شده است");
  });

  it("the bank objects to its resolution and the chair confirms it as recorded", async () => {
    await bankOfficial.press(buttons.object.pack({ resolutionId: bankC.resolutionId }));
    await bankOfficial.send("هیئت‌مدیره بانک هنوز درباره امهال این تسهیلات تصمیم نگرفته است.");
    await bankOfficial.tap("ارسال اعتراض");
    // The producer may not decide; the chair may.
    const producer = as(world.producer);
    await producer.press(buttons.uphold.pack({ resolutionId: bankC.resolutionId }));
    expect(producer.lastText()).toContain("فقط نماینده دستگاه مسئول");
    await chair.press(buttons.decide.pack({ resolutionId: bankC.resolutionId }));
    await chair.tap("تأیید مصوبه بدون تغییر");
    expect(chair.lastText()).toContain("بدون تغییر تأیید شد");
    expect(await resolutionOf(bankC.resolutionId)).toMatchObject({ objectionDecision: "confirmed", decidedById: world.chair.id, amendedText: null });
    const told = (await noticesTo(env.container, world.bankOfficial.telegramId)).filter((n) => n.dedupeKey.startsWith(`resolution:${bankC.resolutionId}:decision`));
    expect(told[0]?.text).toContain("پذیرفته نشد");
    await secretariat.send("/resolutions");
    expect(secretariat.lastText()).toContain("binding (objection overruled 7 Dey 1405)");
  });

  it("refuses an objection after the window (across Fridays and a holiday), with nothing changed", async () => {
    env.clock.set(at(1405, 10, 22, 7, 30)); // Tuesday, the window ended with Monday 10/21
    await official.press(shared.taskCard.pack({ taskId: gasB.taskId }));
    expect(official.lastText()).not.toContain("دستگاه می‌تواند تا");
    await official.press(buttons.object.pack({ resolutionId: gasB.resolutionId }));
    expect(official.lastText()).toContain("مهلت اعتراض در ۱۴۰۵/۱۰/۲۱ به پایان رسیده است");
    await expect(fileObjection(env.container, world.official.id, gasB.resolutionId, "دلایلی که پس از پایان مهلت اعتراض نوشته شده است.")).rejects.toMatchObject({ reason: "window_closed" });
    expect(await resolutionOf(gasB.resolutionId)).toMatchObject({ objectedAt: null, objectionReasons: null, bindingAt: null });
    expect(await eventsOf(gasB.caseId, "resolution_objected")).toHaveLength(0);
  });

  it("re-plans the close timer from PostgreSQL when Redis lost it (worker start)", async () => {
    await env.container.queues.timers.obliterate({ force: true });
    expect(await pendingTimerIds()).toEqual([]);
    await startStatutoryReconciler(env.container);
    const ids = await pendingTimerIds();
    expect(ids).toContain(objectionCloseJobId(gasB.resolutionId));
    // The objected ones bind by their decision, not by a timer.
    expect(ids).not.toContain(objectionCloseJobId(gasA.resolutionId));
    expect(ids).not.toContain(objectionCloseJobId(bankC.resolutionId));
  });

  it("the close timer makes it binding once; running it again does nothing more", async () => {
    env.clock.set(at(1405, 10, 22, 8));
    const data = { type: "objection-window-close" as const, resolutionId: gasB.resolutionId };
    await handleTimer(data, env.container);
    await handleTimer(data, env.container); // a retry, or the reconciler's copy
    expect((await resolutionOf(gasB.resolutionId)).bindingAt).toEqual(WINDOW_END);
    expect(await eventsOf(gasB.caseId, "resolution_binding")).toHaveLength(1);
    const told = (await noticesTo(env.container, world.official.telegramId)).filter((n) => n.dedupeKey.startsWith(`resolution:${gasB.resolutionId}:binding`));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain("بدون اعتراض به پایان رسید");
    // An objected resolution's timer does nothing.
    await handleTimer({ type: "objection-window-close", resolutionId: gasA.resolutionId }, env.container);
    expect(await eventsOf(gasA.caseId, "resolution_binding")).toHaveLength(0);
    expect((await resolutionOf(gasA.resolutionId)).bindingAt).toEqual(at(1405, 10, 7, 10));
    // Bound, it is not re-planned (the job still queued would do nothing, as above).
    await env.container.queues.timers.remove(objectionCloseJobId(gasB.resolutionId));
    await startStatutoryReconciler(env.container);
    expect(await pendingTimerIds()).not.toContain(objectionCloseJobId(gasB.resolutionId));
    // Its deadline (10/20) passed inside the window: the missed escalation goes out now.
    expect(await reminderIdsOf(gasB.taskId)).toContain(reminderJobId(gasB.taskId, 1, "esc:agency_head"));
  });

  it("escalates the overdue resolution to the agency head, then ends at the chair and the governor's deputy", async () => {
    const fire = (key: string) => fireTaskReminder({ type: "task-reminder", taskId: gasB.taskId, scheduleVersion: 1, key }, env.container);
    expect(await fire("esc:agency_head")).toBe("sent");
    expect((await noticesTo(env.container, world.head.telegramId)).some((n) => n.dedupeKey.startsWith(`task:${gasB.taskId}:v1:esc:agency_head`))).toBe(true);
    env.clock.set(at(1405, 10, 23, 9));
    expect(await fire("esc:secretariat_chair")).toBe("sent");
    for (const person of [world.secretariat, world.chair, deputy]) {
      const rows = (await noticesTo(env.container, person.telegramId)).filter((n) => n.dedupeKey.startsWith(`task:${gasB.taskId}:v1:esc:secretariat_chair`));
      expect(rows, `escalation to ${person.firstName}`).toHaveLength(1);
      expect(rows[0]?.kind).toBe("ESCALATION");
    }
    // The deputy is not on the lower rung.
    expect((await noticesTo(env.container, deputy.telegramId)).filter((n) => n.dedupeKey.includes("esc:agency_head"))).toHaveLength(0);
    expect((await db().task.findUniqueOrThrow({ where: { id: gasB.taskId } })).escalationLevel).toBe(2);
  });

  it("shows every resolution's phase in the ledger", async () => {
    await db().task.update({ where: { id: bankC.taskId }, data: { status: "done", completedAt: at(1405, 10, 23, 8) } });
    await secretariat.send("/resolutions");
    const ledger = secretariat.lastText();
    expect(ledger).toContain("notified 1405/10/02");
    // The amended one binds since its decision; its deadline (10/20) has passed since.
    expect(ledger).toContain("binding and overdue (amended 7 Dey 1405)");
    expect(ledger).toContain("binding and overdue (objection window closed 21 Dey 1405)");
    expect(ledger).toContain("implemented");
    expect(ledger).toContain("شرکت گاز تا پایان بهمن"); // the amended text
  });
});
