/**
 * Case.firstActionAt, the time of the first action on a case that /stats's median reads: the
 * earliest timeline event whose actor is neither the system (no actor) nor the reporter nor a
 * representative of the case's unit. Kept by the triggers of the migration
 * 20261203100000_statistics_indexes as events are appended; it must always equal what the old
 * per-case subquery of /stats computed (FIRST_ACTION below), whatever happens after — and so
 * must the migration's backfill of existing cases.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvent } from "../../src/services/timeline";
import { takeCase } from "../../src/services/triage";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { legalEntityIdFrom } from "../support/identifiers";
import { reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let partnerId: number;

/** The definition, as /stats computed it per case before the column existed. */
const FIRST_ACTION = `
  SELECT c.id, c."firstActionAt" AS stored, (
    SELECT min(e."createdAt") FROM "CaseEvent" e
    WHERE e."caseId" = c.id AND e."actorId" IS NOT NULL AND e."actorId" <> c."reporterId"
      AND NOT EXISTS (SELECT 1 FROM "UnitRepresentative" u WHERE u."userId" = e."actorId" AND u."unitId" = c."unitId")
  ) AS defined
  FROM "Case" c ORDER BY c.id`;

async function disagreements(): Promise<Array<{ id: number; stored: Date | null; defined: Date | null }>> {
  const rows = await env.container.db.$queryRawUnsafe<Array<{ id: number; stored: Date | null; defined: Date | null }>>(FIRST_ACTION);
  expect(rows.length).toBeGreaterThan(0);
  return rows.filter((row) => row.stored?.getTime() !== row.defined?.getTime());
}

const firstActionAt = async (caseId: number) =>
  (await env.container.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { firstActionAt: true } })).firstActionAt;

async function newCase(): Promise<number> {
  const { caseId } = await reportCase(env.container, world, {
    category: "bank",
    subcategory: "overdue_loan",
    agencyId: world.bankAgencyId,
    description: "The bank has called in our working-capital loan without notice.",
  });
  return caseId;
}

/** An event through the timeline service, as every case event is appended. */
const append = (caseId: number, actorId: number | null, type = "note_added") =>
  env.container.db.$transaction((tx) => appendEvent(tx, { caseId, actorId, type }));

const eventTime = async (id: number) => (await env.container.db.caseEvent.findUniqueOrThrow({ where: { id } })).createdAt;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-12-06T07:00:00Z")), workingGroups: ["KRM"] });
  world = await seedTaskWorld(env.container, { base: 8_700_000_000, group: "KRM", legalIdPrefix: "1470101234" });
  const partner = await env.container.db.user.create({ data: { telegramId: "8700000050", firstName: "Partner", language: "fa" } });
  partnerId = partner.id;
  await env.container.db.unitRepresentative.create({ data: { userId: partnerId, unitId: world.unitId } });
});

afterAll(async () => {
  await env?.cleanup();
});

describe("the first action on a case", () => {
  it("is the first staff event only: not the reporter's, not a unit partner's, not the system's", async () => {
    const caseId = await newCase();
    expect(await firstActionAt(caseId)).toBeNull(); // the "submitted" event is the reporter's
    await append(caseId, world.producer.id, "info_added");
    await append(caseId, partnerId, "info_added");
    await append(caseId, null, "task_escalated");
    expect(await firstActionAt(caseId)).toBeNull();

    const desk = await sessionUserOf(env.container, world.secretariat);
    await takeCase(env.container, desk, caseId);
    const taken = await env.container.db.caseEvent.findFirstOrThrow({ where: { caseId, type: "taken" } });
    expect(await firstActionAt(caseId)).toEqual(taken.createdAt);

    // Later events, staff or not, leave it where it is.
    await append(caseId, world.official.id);
    await append(caseId, world.producer.id, "info_added");
    expect(await firstActionAt(caseId)).toEqual(taken.createdAt);
    expect(await disagreements()).toEqual([]);
  });

  it("an event recorded with an earlier time moves it earlier (the earliest counts, not the first written)", async () => {
    const caseId = await newCase();
    const later = await append(caseId, world.secretariat.id);
    expect(await firstActionAt(caseId)).toEqual(await eventTime(later.id));
    const earlier = new Date((await eventTime(later.id)).getTime() - 3_600_000);
    await env.container.db.caseEvent.createMany({
      data: [
        { caseId, actorId: world.official.id, type: "note_added", createdAt: earlier },
        { caseId, actorId: world.producer.id, type: "info_added", createdAt: new Date(earlier.getTime() - 60_000) },
      ],
    });
    expect(await firstActionAt(caseId)).toEqual(earlier);
    expect(await disagreements()).toEqual([]);
  });

  it("follows the unit's representatives and the case's unit and reporter when they change", async () => {
    const caseId = await newCase();
    const staff = await append(caseId, world.secretariat.id);
    const official = await append(caseId, world.official.id);
    expect(await firstActionAt(caseId)).toEqual(await eventTime(staff.id));

    // The secretariat member turns out to represent the unit: their events stop counting.
    await env.container.db.unitRepresentative.create({ data: { userId: world.secretariat.id, unitId: world.unitId } });
    expect(await firstActionAt(caseId)).toEqual(await eventTime(official.id));
    expect(await disagreements()).toEqual([]);
    await env.container.db.unitRepresentative.delete({ where: { userId_unitId: { userId: world.secretariat.id, unitId: world.unitId } } });
    expect(await firstActionAt(caseId)).toEqual(await eventTime(staff.id));

    // The case moves to another unit: the partner's events now count.
    const partnerEvent = await append(caseId, partnerId, "info_added");
    const other = await env.container.db.productionUnit.create({
      data: { workingGroupId: world.workingGroupId, name: "Bam Dates", legalId: legalEntityIdFrom("1470101235"), county: "بم", sector: "AGRICULTURE", activityStatus: "ACTIVE", employees: 12 },
    });
    await env.container.db.case.update({ where: { id: caseId }, data: { unitId: other.id } });
    expect(await firstActionAt(caseId)).toEqual(await eventTime(staff.id));
    expect((await eventTime(partnerEvent.id)).getTime()).toBeGreaterThan((await eventTime(staff.id)).getTime());
    // …and with the secretariat member as its reporter, the producer (no longer the reporter nor
    // a representative of the case's unit) acted first: by submitting it.
    await env.container.db.case.update({ where: { id: caseId }, data: { reporterId: world.secretariat.id } });
    const submitted = await env.container.db.caseEvent.findFirstOrThrow({ where: { caseId, type: "submitted" } });
    expect(await firstActionAt(caseId)).toEqual(submitted.createdAt);
    expect(await disagreements()).toEqual([]);
  });

  it("the migration's backfill computes the same for cases that existed before it", async () => {
    const migration = readFileSync(path.resolve("prisma/migrations/20261203100000_statistics_indexes/migration.sql"), "utf8");
    const backfill = /UPDATE "Case" c SET "firstActionAt" = f\.first[\s\S]*?WHERE c\.id = f\."caseId";/.exec(migration)?.[0];
    expect(backfill).toBeDefined();
    await newCase(); // one nobody has acted on yet
    const before = await env.container.db.case.findMany({ orderBy: { id: "asc" }, select: { id: true, firstActionAt: true } });
    expect(before.filter((c) => c.firstActionAt === null).length).toBeGreaterThan(0);
    expect(before.filter((c) => c.firstActionAt !== null).length).toBeGreaterThan(0);
    await env.container.db.case.updateMany({ data: { firstActionAt: null } });
    await env.container.db.$executeRawUnsafe(backfill as string);
    expect(await env.container.db.case.findMany({ orderBy: { id: "asc" }, select: { id: true, firstActionAt: true } })).toEqual(before);
    expect(await disagreements()).toEqual([]);
  });
});
