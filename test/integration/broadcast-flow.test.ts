/**
 * The broadcast screens of the bot: compose (text, or a photo with a caption), choose an
 * audience, preview with the recipient count, confirm (one outbox row per recipient, in one
 * transaction, behind notices), progress message with a cancel button, cancel. Only the
 * secretariat may do any of it, whatever buttons someone forges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressSchedulerId, updateBroadcastProgress } from "../../src/jobs/broadcast-progress";
import { PRIORITY } from "../../src/jobs/queues";
import { BroadcastAudienceSchema, createBroadcastDraft, resolveAudience } from "../../src/services/broadcasts";
import type { OutboundPayload } from "../../src/services/outbox";
import { buttonsOf, createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let harness: TestBot;
let secretariat: TestUser;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM", "QOM"], clock: new TestClock(new Date("2026-11-22T07:00:00Z")) });
  world = await seedTaskWorld(env.container, { base: 8_500_000_000, group: "KRM", legalIdPrefix: "1430501234" });
  harness = createTestBot(env.container);
  secretariat = harness.user(world.secretariat.telegramId, { firstName: world.secretariat.firstName, languageCode: "en" });
  // Two idle units (one of them mining) and a producer in another working group.
  for (const [i, sector] of (["INDUSTRY", "MINING"] as const).entries()) {
    const user = await env.container.db.user.create({ data: { telegramId: `85000001${i}0`, firstName: `Idle${i}`, language: "fa" } });
    await env.container.db.productionUnit.create({
      data: {
        workingGroupId: world.workingGroupId, name: `Idle unit ${i}`, legalId: legalEntityIdFrom(`14305099${i}0`), county: "کرمان",
        sector, activityStatus: "IDLE", employees: 5, representatives: { create: { userId: user.id } },
      },
    });
  }
  const qom = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "QOM" } });
  const other = await env.container.db.user.create({ data: { telegramId: "8500000999", firstName: "Qomi", language: "fa" } });
  await env.container.db.productionUnit.create({
    data: {
      workingGroupId: qom.id, name: "Qom unit", legalId: legalEntityIdFrom("1430509999"), county: "قم",
      sector: "INDUSTRY", activityStatus: "IDLE", employees: 5, representatives: { create: { userId: other.id } },
    },
  });
});

afterAll(async () => {
  await env?.cleanup();
});

const db = () => env.container.db;

describe("audiences", () => {
  it("are validated and resolved within the working group, each person once", async () => {
    expect(BroadcastAudienceSchema.safeParse({ kind: "units", sector: null, activityStatus: null }).success).toBe(false);
    expect(BroadcastAudienceSchema.safeParse({ kind: "officials", agencyKinds: [] }).success).toBe(false);
    expect(BroadcastAudienceSchema.safeParse({ kind: "officials", agencyKinds: ["NOT_A_KIND"] }).success).toBe(false);
    expect(BroadcastAudienceSchema.safeParse({ kind: "nobody" }).success).toBe(false);

    const names = async (audience: Parameters<typeof resolveAudience>[2]) =>
      (await resolveAudience(db(), world.workingGroupId, audience)).map((u) => u.firstName).sort();
    expect(await names({ kind: "everyone" })).toEqual(["Bankdar", "Dabir", "Hamkar", "Idle0", "Idle1", "Raees", "Rahimi", "Reza", "Sarparast"]);
    expect(await names({ kind: "officials", agencyKinds: ["GAS"] })).toEqual(["Hamkar", "Rahimi", "Sarparast"]);
    expect(await names({ kind: "producers" })).toEqual(["Idle0", "Idle1", "Reza"]);
    expect(await names({ kind: "units", sector: null, activityStatus: "IDLE" })).toEqual(["Idle0", "Idle1"]);
    expect(await names({ kind: "units", sector: "MINING", activityStatus: "IDLE" })).toEqual(["Idle1"]);

    await expect(
      createBroadcastDraft(env.container, world.official.id, { workingGroupId: world.workingGroupId, text: "A notice to everyone", audience: { kind: "everyone" } }),
    ).rejects.toMatchObject({ reason: "forbidden" });
  });
});

describe("a broadcast through the bot", () => {
  let broadcastId: number;

  it("is composed, previewed with its count and confirmed: one row per recipient, lowest priority", async () => {
    await secretariat.send("/broadcast");
    expect(secretariat.lastText()).toContain("Write the notice");
    await secretariat.send("Hi");
    expect(secretariat.lastText()).toContain("too short");
    await secretariat.send("جلسه کارگروه تسهیل روز یکشنبه ساعت ۹ در سالن استانداری برگزار می‌شود.");
    expect(secretariat.lastText()).toContain("Who should receive it?");
    await secretariat.tap("Officials of chosen agencies");
    await secretariat.tap("Gas");
    await secretariat.tap("Banks");
    await secretariat.tap("Done");
    const screen = secretariat.textsSince(0);
    expect(screen.at(-2)).toContain("📢 Notice from the secretariat of the working group — Kerman");
    expect(screen.at(-1)).toContain("Recipients: 4");
    await secretariat.tap("Send to 4 recipients");

    const broadcast = await db().broadcast.findFirstOrThrow({ where: { createdById: world.secretariat.id }, orderBy: { id: "desc" } });
    broadcastId = broadcast.id;
    expect(broadcast).toMatchObject({ status: "SENDING", total: 4, progressChatId: String(world.secretariat.telegramId) });
    expect(BroadcastAudienceSchema.parse(broadcast.audience)).toEqual({ kind: "officials", agencyKinds: ["GAS", "BANK"] });
    const rows = await db().outboxMessage.findMany({ where: { broadcastId } });
    expect(rows.map((r) => r.userId).sort()).toEqual([world.official.id, world.head.id, world.colleague.id, world.bankOfficial.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ kind: "BROADCAST", priority: PRIORITY.broadcast, dedupeKey: `broadcast:${broadcastId}:${row.userId}` });
      expect(["PENDING", "QUEUED"]).toContain(row.status); // the flush after the commit may have relayed it already
      const payload = row.payload as unknown as OutboundPayload;
      expect(payload.method).toBe("sendMessage");
      expect(payload.method === "sendMessage" && payload.params.text).toContain("📢 اطلاعیه دبیرخانه کارگروه تسهیل و رفع موانع تولید — کرمان");
    }
    // The progress message carries the cancel button; its timer is scheduled.
    const progress = secretariat.screen().at(-1);
    expect(progress?.payload.text).toContain(`Broadcast #${broadcastId} — sending…`);
    expect(buttonsOf(progress).map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([`bc:cancel:${broadcastId}`]);
    expect(broadcast.progressMessageId).toBeGreaterThan(0);
    expect(await env.container.queues.timers.getJobScheduler(progressSchedulerId(broadcastId))).toBeTruthy();

    // A second tap on "send" sends nothing more.
    await secretariat.press(`bc:go:${broadcastId}`);
    expect(secretariat.lastText()).toContain("already sent or discarded");
    expect(await db().outboxMessage.count({ where: { broadcastId } })).toBe(4);
  });

  it("can be stopped only by the secretariat; what was not sent is cancelled", async () => {
    const official = harness.user(world.official.telegramId, { firstName: world.official.firstName });
    await official.press(`bc:cancel:${broadcastId}`);
    expect(official.lastText()).toContain("فقط از دبیرخانه کارگروه");
    expect((await db().broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status).toBe("SENDING");

    await db().outboxMessage.updateMany({ where: { broadcastId, userId: world.official.id }, data: { status: "SENT", finishedAt: new Date() } });
    await secretariat.press(`bc:cancel:${broadcastId}`);
    const statuses = await db().outboxMessage.findMany({ where: { broadcastId }, select: { userId: true, status: true } });
    expect(statuses.filter((s) => s.status === "CANCELLED")).toHaveLength(3);
    expect(statuses.find((s) => s.userId === world.official.id)?.status).toBe("SENT");
    expect((await db().broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).status).toBe("CANCELLED");
    const edited = secretariat.screen().filter((call) => call.method === "editMessageText").at(-1);
    expect(String(edited?.payload.text)).toContain("Cancelled: 3");

    // The timer's next run sends the report once and stops itself.
    await updateBroadcastProgress({ type: "broadcast-progress", broadcastId }, env.container);
    await updateBroadcastProgress({ type: "broadcast-progress", broadcastId }, env.container);
    const reports = await db().outboxMessage.findMany({ where: { dedupeKey: { startsWith: `broadcast:${broadcastId}:report` } } });
    expect(reports).toHaveLength(1);
    expect((reports[0]?.payload as { params: { text: string } }).params.text).toContain(`Broadcast #${broadcastId}: everyone was reached`);
  });

  it("sends a photo with the notice as its caption to the units chosen by activity status", async () => {
    await secretariat.send("/broadcast");
    await secretariat.sendPhoto();
    expect(secretariat.lastText()).toContain("too short");
    await secretariat.handle({
      message: {
        message_id: 9001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: world.secretariat.telegramId, type: "private", first_name: "Dabir" },
        from: { id: world.secretariat.telegramId, is_bot: false, first_name: "Dabir", language_code: "en" },
        photo: [{ file_id: "restart-plan-photo", file_unique_id: "u-restart-plan", width: 800, height: 600, file_size: 90_000 }],
        caption: "طرح بازگشت واحدهای راکد به چرخه تولید: تا پایان آذر مدارک را ارسال کنید.",
      } as never,
    });
    await secretariat.tap("Units by sector or activity");
    await secretariat.tap("Idle");
    await secretariat.tap("Done");
    expect(secretariat.lastText()).toContain("Recipients: 2");
    await secretariat.tap("Send to 2 recipients");
    const broadcast = await db().broadcast.findFirstOrThrow({ where: { createdById: world.secretariat.id }, orderBy: { id: "desc" } });
    expect(broadcast).toMatchObject({ photoFileId: "restart-plan-photo", status: "SENDING", total: 2 });
    const rows = await db().outboxMessage.findMany({ where: { broadcastId: broadcast.id } });
    expect(rows).toHaveLength(2);
    const payload = rows[0]?.payload as unknown as OutboundPayload;
    expect(payload.method).toBe("sendPhoto");
    expect(payload.method === "sendPhoto" && payload.params.photo).toBe("restart-plan-photo");
    expect(payload.method === "sendPhoto" && payload.params.caption).toContain("طرح بازگشت واحدهای راکد");
  });

  it("reaches the units of one county, chosen from the group's seeded list; another group's county is refused", async () => {
    const counties = await db().county.findMany({ where: { workingGroupId: world.workingGroupId, active: true }, orderBy: { nameFa: "asc" } });
    const [chosen, other] = counties as [(typeof counties)[number], (typeof counties)[number]];
    for (const [i, county] of [chosen, chosen, other].entries()) {
      const user = await db().user.create({ data: { telegramId: `85000002${i}0`, firstName: `County${i}`, language: "en" } });
      await db().productionUnit.create({
        data: {
          workingGroupId: world.workingGroupId, name: `County unit ${i}`, legalId: legalEntityIdFrom(`14305098${i}0`), county: county.nameFa, countyId: county.id,
          sector: "INDUSTRY", activityStatus: "ACTIVE", employees: 12, representatives: { create: { userId: user.id } },
        },
      });
    }
    expect((await resolveAudience(db(), world.workingGroupId, { kind: "county", countyId: chosen.id })).map((u) => u.firstName).sort()).toEqual(["County0", "County1"]);

    await secretariat.send("/broadcast");
    await secretariat.send("Power rationing in your county from Saturday: bring your shift plans to the secretariat.");
    await secretariat.tap("Units of one county");
    expect(secretariat.lastText()).toContain("which county");
    // A forged county of another working group is not taken.
    const qomCounty = await db().county.findFirstOrThrow({ where: { workingGroup: { code: "QOM" } } });
    await secretariat.press(`bc:cty:${qomCounty.id}`);
    expect(secretariat.lastText()).not.toContain("Recipients");
    await secretariat.tap(chosen.nameEn);
    expect(secretariat.lastText()).toContain(`Units of one county: ${chosen.nameEn}`);
    expect(secretariat.lastText()).toContain("Recipients: 2");
    await secretariat.tap("Send to 2 recipients");
    const broadcast = await db().broadcast.findFirstOrThrow({ where: { createdById: world.secretariat.id }, orderBy: { id: "desc" } });
    expect(BroadcastAudienceSchema.parse(broadcast.audience)).toEqual({ kind: "county", countyId: chosen.id });
    expect(await db().outboxMessage.count({ where: { broadcastId: broadcast.id } })).toBe(2);

    await expect(
      createBroadcastDraft(env.container, world.secretariat.id, { workingGroupId: world.workingGroupId, text: "A notice to a county", audience: { kind: "county", countyId: qomCounty.id } }),
    ).rejects.toMatchObject({ reason: "invalid_input" });
  });

  it("is not offered to others", async () => {
    const producer = harness.user(world.producer.telegramId, { firstName: world.producer.firstName });
    await producer.send("/broadcast");
    expect(producer.lastText()).toContain(env.container.t("fa", "error-not-allowed"));
    const draft = await createBroadcastDraft(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId, text: "A notice to all producers", audience: { kind: "producers" },
    });
    await producer.press(`bc:go:${draft.id}`);
    expect(producer.lastText()).toContain("ارسال اطلاعیه فقط از دبیرخانه کارگروه");
    expect(await db().outboxMessage.count({ where: { broadcastId: draft.id } })).toBe(0);
  });
});
