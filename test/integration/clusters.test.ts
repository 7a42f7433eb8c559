/**
 * Clusters (issue 13, item 1), played through the bot against PostgreSQL and Redis: six cases
 * of one industrial estate under the same power-cut order and agency are proposed as one
 * cluster; confirmed, the cluster is one card; assigned at once (six tasks, one letter); a case
 * leaves; the rest go on an agenda as one topic; one collective resolution makes a task per
 * case and tells each producer once, in their language; progress is the share of cases done;
 * forged callback data changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusters as C } from "../../src/buttons";
import { jalaliToInstant } from "../../src/domain/jalali";
import { submitCase } from "../../src/services/cases";
import { buildCluster, clusterToAgenda, confirmProposal, proposeForGroup, removeFromCluster } from "../../src/services/clusters";
import { createMeeting, markMeetingHeld } from "../../src/services/meetings";
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
let electricity: number;
let estateId: number;
let countyId: number;
let secretariat: SessionUser;
let otherSecretariat: SessionUser;
const SECRETARIAT = 9400;
const OTHER_SECRETARIAT = 9401;
const OFFICIAL_FA = 9402;
const OFFICIAL_EN = 9403;
const PRODUCER_BASE = 9500;
const clusterCases: number[] = [];
let gasCase: number;
let looseCase: number;
let looseCase2: number;
let krmCase: number;

async function person(telegramId: number, firstName: string, language: "fa" | "en") {
  return env.container.db.user.create({ data: { telegramId: String(telegramId), firstName, language } });
}

async function unitWithCase(workingGroupId: number, index: number, userId: number, where: { estate: boolean }, subcategory = "electricity", agencyId: number | null = electricity) {
  const unit = await env.container.db.productionUnit.create({
    data: {
      workingGroupId,
      name: `Unit ${index}`,
      legalId: legalEntityIdFrom(String(1400000000 + index)),
      county: "اهواز",
      countyId: workingGroupId === khz ? countyId : null,
      industrialEstateId: where.estate ? estateId : null,
      sector: "INDUSTRY",
      activityStatus: "ACTIVE",
      employees: 10,
      representatives: { create: { userId } },
    },
  });
  const submitted = await submitCase(env.container, userId, {
    unitId: unit.id,
    category: "utility_cutoff",
    subcategory,
    agencyId,
    irreversibleAt: null,
    amountRials: null,
    description: "The rationing order cuts our power three days a week; the line is shared by the whole estate.",
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
  electricity = (await db.agency.findFirstOrThrow({ where: { workingGroupId: khz, kind: "ELECTRICITY" }, orderBy: { id: "asc" } })).id;
  countyId = (await db.county.findFirstOrThrow({ where: { workingGroupId: khz }, orderBy: { id: "asc" } })).id;
  estateId = (await db.industrialEstate.create({ data: { workingGroupId: khz, nameFa: "شهرک صنعتی شماره ۳", nameEn: "Industrial Estate No. 3" } })).id;
  const clerk = await person(SECRETARIAT, "Dabir", "en");
  const other = await person(OTHER_SECRETARIAT, "Dabir2", "fa");
  const faOfficial = await person(OFFICIAL_FA, "Bargh", "fa");
  const enOfficial = await person(OFFICIAL_EN, "Power", "en");
  await db.membership.createMany({
    data: [
      { userId: clerk.id, workingGroupId: khz, role: "SECRETARIAT" },
      { userId: other.id, workingGroupId: krm, role: "SECRETARIAT" },
      { userId: faOfficial.id, workingGroupId: khz, role: "OFFICIAL", agencyId: electricity },
      { userId: enOfficial.id, workingGroupId: khz, role: "OFFICIAL", agencyId: electricity },
    ],
  });
  secretariat = await sessionUserOf(env.container, { id: clerk.id, telegramId: SECRETARIAT, firstName: "Dabir" });
  otherSecretariat = await sessionUserOf(env.container, { id: other.id, telegramId: OTHER_SECRETARIAT, firstName: "Dabir2" });
  for (let i = 0; i < 6; i++) {
    const producer = await person(PRODUCER_BASE + i, `Producer${i}`, i % 2 === 0 ? "fa" : "en");
    clusterCases.push(await unitWithCase(khz, i, producer.id, { estate: true }));
  }
  const extra = await person(PRODUCER_BASE + 50, "Extra", "fa");
  // Not proposed with them: another subject in the estate, two outside any estate, another group.
  gasCase = await unitWithCase(khz, 50, extra.id, { estate: true }, "gas", null);
  looseCase = await unitWithCase(khz, 51, extra.id, { estate: false });
  looseCase2 = await unitWithCase(khz, 52, extra.id, { estate: false });
  krmCase = await unitWithCase(krm, 53, extra.id, { estate: false }, "electricity", null);
}, 120_000);
afterAll(async () => env.cleanup());

const lastText = (chatId: number) => textOf(harness.telegram.screen(chatId).at(-1));

describe("clusters", () => {
  it("six cases of one estate, one power-cut order, one agency: one proposal; confirmed, one card", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    await clerk.send("/help");
    expect(lastText(SECRETARIAT)).toContain("/clusters");
    await clerk.send("/queue");
    await clerk.tap("🧩 Clusters");
    const home = lastText(SECRETARIAT);
    expect(home).toContain("One proposal:");
    expect(home).toContain("1. 6 cases · Electricity · Industrial Estate No. 3");
    await clerk.tap("Confirm proposal 1");
    const card = lastText(SECRETARIAT);
    expect(card).toContain("Cluster: Electricity — Industrial Estate No. 3");
    expect(card).toContain("Progress: 0 of 6 cases done");
    for (let i = 0; i < 6; i++) expect(card).toContain(`Unit ${i}`);
    expect(card).not.toContain("Unit 50");

    const { db } = env.container;
    const cluster = await db.cluster.findFirstOrThrow({ include: { members: true } });
    expect(cluster.members.map((m) => m.caseId).sort()).toEqual([...clusterCases].sort());
    expect(cluster.proposalKey).toBe(`a${electricity}/utility_cutoff/electricity/e${estateId}`);
    expect(await db.caseEvent.count({ where: { type: "cluster_joined", caseId: { in: clusterCases } } })).toBe(6);
    // Proposed once: its cases are now in an open cluster, and a second tap confirms nothing.
    expect(await proposeForGroup(env.container, secretariat, khz)).toEqual([]);
    await clerk.press(C.confirm.pack({ groupId: khz, caseId: clusterCases[0]! }));
    expect(lastText(SECRETARIAT)).toContain("The proposal changed meanwhile");
    expect(await db.cluster.count()).toBe(1);
    // The database, too, keeps a case in one open cluster.
    await expect(db.caseCluster.create({ data: { clusterId: cluster.id, caseId: clusterCases[0]! } })).rejects.toThrow();
  });

  it("assigned at once: six tasks, one batch, one letter per official, six producer notices", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    const cluster = await env.container.db.cluster.findFirstOrThrow();
    await clerk.press(C.card.pack({ clusterId: cluster.id }));
    await clerk.tap("Assign all to an agency");
    const agency = await env.container.db.agency.findUniqueOrThrow({ where: { id: electricity } });
    await clerk.tap(agency.nameEn);
    await clerk.send("Please lift the rationing order on the estate's shared line for these units.");
    const before = await env.container.db.outboxMessage.aggregate({ _max: { id: true } });
    await clerk.tap("10 working days");
    expect(harness.telegram.screen(SECRETARIAT).some((c) => textOf(c).includes(`6 cases referred to ${agency.nameEn} at once`))).toBe(true);
    expect(lastText(SECRETARIAT)).toContain("Cluster: Electricity");

    const { db } = env.container;
    const batches = await db.referralBatch.findMany({ include: { tasks: true } });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.filter).toEqual({ clusterId: cluster.id });
    expect(batches[0]!.tasks.map((t) => t.caseId).sort()).toEqual([...clusterCases].sort());
    const rows = await db.outboxMessage.findMany({ where: { id: { gt: before._max.id ?? 0 } }, orderBy: { id: "asc" } });
    for (const official of [OFFICIAL_FA, OFFICIAL_EN]) {
      expect(rows.filter((r) => r.chatId === String(official)).map((r) => (r.payload as { method: string }).method)).toEqual(["sendDocument", "sendMessage"]);
    }
    const producers = rows.filter((r) => Number(r.chatId) >= PRODUCER_BASE && Number(r.chatId) < PRODUCER_BASE + 6);
    expect(new Set(producers.map((r) => r.chatId)).size).toBe(6);
    expect(producers).toHaveLength(6);
  });

  it("a case leaves the cluster (a timeline event); the rest go on an agenda as one topic", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    const { db } = env.container;
    const cluster = await db.cluster.findFirstOrThrow();
    const leaving = clusterCases[5]!;
    await clerk.press(C.card.pack({ clusterId: cluster.id }));
    await clerk.tap("Its cases");
    await clerk.press(C.remove.pack({ clusterId: cluster.id, caseId: leaving }));
    expect(lastText(SECRETARIAT)).not.toContain("Unit 5");
    expect(await db.caseCluster.findFirstOrThrow({ where: { caseId: leaving } })).toMatchObject({ active: false, removedById: secretariat.id });
    expect(await db.caseEvent.count({ where: { caseId: leaving, type: "cluster_left" } })).toBe(1);
    await clerk.press(C.card.pack({ clusterId: cluster.id }));
    expect(lastText(SECRETARIAT)).toContain("Progress: 0 of 5 cases done");

    const meeting = await createMeeting(env.container, secretariat.id, { workingGroupId: khz, kind: "WORKING_GROUP", date: { year: 1405, month: 9, day: 8 }, time: { hour: 10, minute: 0 }, place: "Governorate hall" });
    await clerk.tap("Put on an agenda");
    await clerk.tap(/working-group meeting of 1405/);
    expect(harness.telegram.screen(SECRETARIAT).some((c) => textOf(c).includes("5 cases put on the agenda as one topic."))).toBe(true);
    const items = await db.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
    expect(items.map((i) => i.caseId).sort()).toEqual(clusterCases.slice(0, 5).sort());
    expect(items.every((i) => i.clusterId === cluster.id)).toBe(true);
    expect(items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    const cases = await db.case.findMany({ where: { id: { in: clusterCases.slice(0, 5) } } });
    expect(cases.every((c) => c.status === "on_agenda")).toBe(true);
  });

  it("one collective resolution over five units: five tasks and five producer notices, each once, in their language", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    const { db } = env.container;
    const cluster = await db.cluster.findFirstOrThrow();
    const meeting = await db.meeting.findFirstOrThrow();
    env.clock.set(jalaliToInstant({ year: 1405, month: 9, day: 8 }, { hour: 12, minute: 0 }));
    await markMeetingHeld(env.container, secretariat.id, meeting.id);
    await clerk.press(C.card.pack({ clusterId: cluster.id }));
    await clerk.tap("One collective resolution");
    await clerk.tap(/working-group meeting of 1405/);
    await clerk.send("The power company exempts the estate's shared line from the rationing order.");
    const agency = await db.agency.findUniqueOrThrow({ where: { id: electricity } });
    await clerk.tap(agency.nameEn);
    const before = await db.outboxMessage.aggregate({ _max: { id: true } });
    await clerk.tap("10 working days");
    expect(harness.telegram.screen(SECRETARIAT).some((c) => textOf(c).includes("One collective resolution recorded: 5 tasks, one per case"))).toBe(true);

    const resolutions = await db.resolution.findMany({ where: { meetingId: meeting.id }, include: { task: true } });
    expect(resolutions.map((r) => r.caseId).sort()).toEqual(clusterCases.slice(0, 5).sort());
    expect(resolutions.every((r) => r.task !== null && r.task.agencyId === electricity && r.type === "TASK")).toBe(true);
    expect(new Set(resolutions.map((r) => r.text)).size).toBe(1);
    const rows = await db.outboxMessage.findMany({ where: { id: { gt: before._max.id ?? 0 } }, orderBy: { id: "asc" } });
    const producerRows = rows.filter((r) => /^resolution:\d+:producer:/.test(r.dedupeKey));
    expect(producerRows).toHaveLength(5);
    expect(new Set(producerRows.map((r) => r.chatId))).toEqual(new Set([0, 1, 2, 3, 4].map((i) => String(PRODUCER_BASE + i))));
    const textOfRow = (chat: number) => (producerRows.find((r) => r.chatId === String(chat))!.payload as { params: { text: string } }).params.text;
    expect(textOfRow(PRODUCER_BASE + 1)).toContain("Decision on your case");
    expect(textOfRow(PRODUCER_BASE)).toContain("exempts the estate's shared line");
    expect(textOfRow(PRODUCER_BASE)).not.toContain("Decision on your case");
    // The case that left is not part of it.
    expect(await db.resolution.count({ where: { caseId: clusterCases[5]! } })).toBe(0);
  });

  it("progress is the share of its cases done", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    const cluster = await env.container.db.cluster.findFirstOrThrow();
    await resolveCase(env.container, secretariat, clusterCases[0]!, { outcome: "The line was exempted." });
    await resolveCase(env.container, secretariat, clusterCases[1]!, { outcome: "The line was exempted." });
    await closeCase(env.container, secretariat, clusterCases[1]!);
    await clerk.press(C.card.pack({ clusterId: cluster.id }));
    expect(lastText(SECRETARIAT)).toContain("Progress: 2 of 5 cases done");
    await clerk.send("/clusters");
    expect(clerk.buttonData(/^🧩 2\/5 · Electricity — Industrial Estate No\. 3/)).toBe(C.card.pack({ clusterId: cluster.id }));
  });

  it("built by hand from chosen cases; another group's case is left out", async () => {
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    const { db } = env.container;
    const codes = await db.case.findMany({ where: { id: { in: [gasCase, looseCase] } }, select: { trackingCode: true } });
    await clerk.send("/clusters");
    await clerk.tap("Build a cluster by hand");
    await clerk.send("Estate 3 gas and power");
    await clerk.send(codes.map((c) => c.trackingCode.toLowerCase()).join("، "));
    expect(lastText(SECRETARIAT)).toContain("Cluster: Estate 3 gas and power");
    expect(lastText(SECRETARIAT)).toContain("Progress: 0 of 2 cases done");
    const built = await db.cluster.findFirstOrThrow({ where: { title: "Estate 3 gas and power" }, include: { members: true } });
    expect(built.proposalKey).toBeNull();
    expect(built.members.map((m) => m.caseId).sort()).toEqual([gasCase, looseCase].sort());
    // KRM's case is another group's, gasCase is in an open cluster already: one case left, too few.
    await expect(buildCluster(env.container, secretariat, { workingGroupId: khz, title: "Forged mix", caseIds: [krmCase, clusterCases[5]!, gasCase] })).rejects.toMatchObject({ reason: "too_few" });
    const made = await buildCluster(env.container, secretariat, { workingGroupId: khz, title: "Left and power", caseIds: [krmCase, clusterCases[5]!, looseCase2, clusterCases[4]!] });
    expect(made.skipped.sort()).toEqual([clusterCases[4]!, krmCase].sort());
    expect(made.caseIds).toEqual([clusterCases[5]!, looseCase2].sort((a, b) => a - b));
  });

  it("two confirmations of one proposal at once make one cluster; a double tap changes nothing", async () => {
    const { db } = env.container;
    const extra = await db.user.findUniqueOrThrow({ where: { telegramId: String(PRODUCER_BASE + 50) } });
    const fresh = [await unitWithCase(khz, 60, extra.id, { estate: false }), await unitWithCase(khz, 61, extra.id, { estate: false }), await unitWithCase(khz, 62, extra.id, { estate: false })];
    const [proposal] = await proposeForGroup(env.container, secretariat, khz);
    expect(proposal?.caseIds).toEqual(fresh);
    expect(proposal?.key.place).toEqual({ kind: "county", id: countyId });
    const input = { workingGroupId: khz, anchorCaseId: fresh[1]!, locale: "fa" as const };
    const results = await Promise.allSettled([confirmProposal(env.container, secretariat, input), confirmProposal(env.container, secretariat, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { reason: "stale" } });
    expect(await db.caseCluster.count({ where: { caseId: { in: fresh }, active: true } })).toBe(3);
    const made = await db.cluster.findFirstOrThrow({ where: { members: { some: { caseId: fresh[0]! } } } });
    expect(made.title).toContain("برق");

    // The agenda's button pressed twice: the second finds every case there and adds nothing.
    const clerk = harness.user(SECRETARIAT, { languageCode: "en" });
    const meeting = await createMeeting(env.container, secretariat.id, { workingGroupId: khz, kind: "WORKING_GROUP", date: { year: 1405, month: 9, day: 22 }, time: { hour: 10, minute: 0 }, place: "Governorate hall" });
    await clerk.press(C.toMeeting.pack({ clusterId: made.id, meetingId: meeting.id }));
    expect(await db.agendaItem.count({ where: { meetingId: meeting.id, clusterId: made.id } })).toBe(3);
    await clerk.press(C.toMeeting.pack({ clusterId: made.id, meetingId: meeting.id }));
    expect(lastText(SECRETARIAT)).toContain("None of the cluster's cases");
    expect(await db.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(3);
  });

  it("forged callback data changes nothing: another group's secretariat, a producer", async () => {
    const { db } = env.container;
    const cluster = await db.cluster.findFirstOrThrow({ orderBy: { id: "asc" } });
    const meeting = await db.meeting.findFirstOrThrow();
    const snapshot = async () => ({
      clusters: await db.cluster.count(),
      members: await db.caseCluster.count({ where: { active: true } }),
      tasks: await db.task.count(),
      items: await db.agendaItem.count(),
      batches: await db.referralBatch.count(),
      titles: (await db.cluster.findMany({ orderBy: { id: "asc" } })).map((c) => `${c.title}:${c.status}`),
    });
    const before = await snapshot();
    const other = harness.user(OTHER_SECRETARIAT, { languageCode: "fa" });
    // Their own group's screen, in Persian: KRM has one case, no proposal, no cluster.
    await other.send("/clusters");
    expect(lastText(OTHER_SECRETARIAT)).toContain("اکنون پیشنهادی نیست (هر پیشنهاد دست‌کم ۳ پروندهٔ باز");
    await other.press(C.card.pack({ clusterId: cluster.id }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("این خوشه نیست");
    await other.press(C.remove.pack({ clusterId: cluster.id, caseId: clusterCases[2]! }));
    await other.press(C.close.pack({ clusterId: cluster.id }));
    await other.press(C.toMeeting.pack({ clusterId: cluster.id, meetingId: meeting.id }));
    await other.press(C.assign.pack({ clusterId: cluster.id }));
    await other.press(C.home.pack({ groupId: khz }));
    expect(lastText(OTHER_SECRETARIAT)).toContain("دبیرخانهٔ همین کارگروه");
    await other.press(C.build.pack({ groupId: khz }));
    await other.press(C.confirm.pack({ groupId: khz, caseId: clusterCases[2]! }));
    await expect(removeFromCluster(env.container, otherSecretariat, cluster.id, clusterCases[2]!)).rejects.toMatchObject({ reason: "not_found" });
    await expect(confirmProposal(env.container, otherSecretariat, { workingGroupId: khz, anchorCaseId: clusterCases[2]!, locale: "fa" })).rejects.toMatchObject({ reason: "forbidden" });
    await expect(clusterToAgenda(env.container, otherSecretariat, cluster.id, meeting.id)).rejects.toMatchObject({ reason: "not_found" });
    const producer = harness.user(PRODUCER_BASE + 2, { languageCode: "en" });
    await producer.press(C.card.pack({ clusterId: cluster.id }));
    expect(lastText(PRODUCER_BASE + 2)).toContain("اجازه");
    await producer.press(C.remove.pack({ clusterId: cluster.id, caseId: clusterCases[2]! }));
    await producer.send("/clusters");
    expect(await snapshot()).toEqual(before);
  });
});
