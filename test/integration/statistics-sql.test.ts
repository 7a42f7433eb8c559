/**
 * The agencies' statistics are added up in PostgreSQL (src/services/statistics/agencies.ts) by
 * the rules of the pure functions (agencyPerformance, agencyResponseTimes): on a few hundred
 * generated tasks — every status, due dates and completions around Tehran's midnight, blank
 * and not-quite-blank refusal reasons, ended and running clock pauses, extension requests — the
 * numbers must be exactly what those functions give over the same tasks loaded one by one (as
 * the desk computed them before), for several periods and moments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pausedWorkingDays, shiftedDueAt } from "../../src/domain/clock-pause";
import { jalaliToInstant } from "../../src/domain/jalali";
import { TASK_STATUSES } from "../../src/domain/task-lifecycle";
import { agencyPerformance, agencyResponseTimes, groupStatistics, statisticsPeriod, type PeriodKind } from "../../src/services/statistics";
import { BLANK } from "../../src/services/statistics/agencies";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

const DAY = 86_400_000;
const NOW = new Date("2026-12-06T07:00:00Z"); // Sunday 15 Azar 1405, 10:30 in Tehran
let env: TestEnv;
let world: TaskWorld;

/** mulberry32: the same tasks every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const REASONS = [null, "", "   ", "\u00a0\u2003\t", "\ufeff\n", "\u200b", "\u180e", "دلیل کافی ارائه نشده است", " x "];

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(NOW), workingGroups: ["KRM"] });
  world = await seedTaskWorld(env.container, { base: 8_800_000_000, group: "KRM", legalIdPrefix: "1480101234" });
  const db = env.container.db;
  const random = prng(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const agencies = (await db.agency.findMany({ where: { workingGroupId: world.workingGroupId }, orderBy: { id: "asc" }, take: 4 })).map((a) => a.id);
  // Instants near Tehran's midnight (20:30 UTC) and anywhere in the day, over the year so far.
  const start = jalaliToInstant({ year: 1405, month: 1, day: 1 }).getTime() - 20 * DAY;
  const instant = () => {
    const day = start + Math.floor(random() * 280) * DAY;
    return new Date(random() < 0.5 ? day + Math.floor((random() - 0.5) * 2 * 3_600_000) : day + Math.floor(random() * DAY));
  };
  for (let c = 0; c < 12; c++) {
    const row = await db.case.create({
      data: {
        trackingCode: `KRM-1405-${String(70000 + c)}`,
        workingGroupId: world.workingGroupId,
        unitId: world.unitId,
        reporterId: world.producer.id,
        category: "bank",
        description: "A case for the statistics equivalence test.",
        urgency: "normal",
        status: "assigned",
      },
    });
    for (let i = 0; i < 30; i++) {
      const createdAt = instant();
      const dueAt = new Date(createdAt.getTime() + Math.floor((random() * 40 - 5) * DAY));
      const status = pick(TASK_STATUSES);
      const completedAt = random() < 0.75 ? new Date(createdAt.getTime() + Math.floor((random() * 50 - 2) * DAY)) : null;
      const task = await db.task.create({
        data: {
          caseId: row.id,
          workingGroupId: world.workingGroupId,
          agencyId: pick(agencies),
          title: "Equivalence test task",
          createdAt,
          dueAt: random() < 0.1 ? completedAt ?? dueAt : dueAt,
          status,
          completedAt,
          refusalReason: pick(REASONS),
          createdById: world.secretariat.id,
        },
      });
      const pauses = Math.floor(random() * 3);
      let from = createdAt.getTime() + Math.floor(random() * 3 * DAY);
      for (let p = 0; p < pauses; p++) {
        const running = p === pauses - 1 && random() < 0.4;
        const endedAt = running ? null : new Date(from + Math.floor(random() * 6 * DAY));
        await db.clockPause.create({
          data: { caseId: row.id, taskId: task.id, waitingOn: "producer", reason: "info_requested", startedAt: new Date(from), endedAt, pausedWorkingDays: endedAt ? 1 : null },
        });
        from = (endedAt?.getTime() ?? from) + Math.floor(random() * 4 * DAY);
      }
      for (let x = Math.floor(random() * random() * 4); x > 0; x--) {
        await db.extensionRequest.create({ data: { taskId: task.id, requestedById: world.official.id, newDueAt: new Date(dueAt.getTime() + 7 * DAY), reason: "نیاز به زمان بیشتر" } });
      }
    }
  }
});

afterAll(async () => {
  await env?.cleanup();
});

/** The agencies' statistics as the desk computed them before: every task loaded, the pure functions. */
async function reference(kind: PeriodKind, now: Date) {
  const db = env.container.db;
  const period = statisticsPeriod(kind, now);
  const tasks = await db.task.findMany({
    where: { workingGroupId: world.workingGroupId, createdAt: { gte: period.from, lt: period.to } },
    orderBy: { id: "asc" },
    select: {
      agencyId: true,
      status: true,
      dueAt: true,
      createdAt: true,
      completedAt: true,
      refusalReason: true,
      clockPauses: { select: { waitingOn: true, startedAt: true, endedAt: true } },
      _count: { select: { extensions: true } },
    },
  });
  const calendar = env.container.policies.calendar;
  const names = new Map((await db.agency.findMany({ select: { id: true, nameFa: true, nameEn: true } })).map((a) => [a.id, a]));
  const named = <T extends { agencyId: number }>(row: T) => ({ ...row, nameFa: names.get(row.agencyId)?.nameFa ?? "", nameEn: names.get(row.agencyId)?.nameEn ?? "" });
  const agencies = agencyPerformance(
    tasks.map((task) => {
      const running = task.clockPauses.find((pause) => pause.endedAt === null);
      return {
        agencyId: task.agencyId,
        status: task.status,
        dueAt: running ? shiftedDueAt(task.dueAt, pausedWorkingDays(running, now, calendar), calendar) : task.dueAt,
        completedAt: task.completedAt,
        hasRefusalReason: (task.refusalReason ?? "").trim() !== "",
        extensionRequests: task._count.extensions,
      };
    }),
    now,
  );
  const response = agencyResponseTimes(
    tasks.map((task) => ({ agencyId: task.agencyId, createdAt: task.createdAt, completedAt: task.completedAt, pauses: task.clockPauses })),
    now,
  );
  return { tasks: tasks.length, agencies: agencies.map(named), response: response.map(named) };
}

describe("the agencies' statistics in SQL", () => {
  const moments = [NOW, new Date("2026-12-06T20:29:59.999Z"), new Date("2026-12-06T20:30:00Z"), new Date("2026-09-10T12:00:00Z")];
  for (const now of moments) {
    for (const kind of ["month", "season", "year"] as const) {
      it(`equal the pure functions' numbers: ${kind} at ${now.toISOString()}`, async () => {
        const expected = await reference(kind, now);
        if (kind === "year") expect(expected.tasks).toBeGreaterThan(150);
        env.clock.set(now);
        const stats = await groupStatistics(env.container, world.workingGroupId, statisticsPeriod(kind, now));
        expect(stats.agencies).toEqual(expected.agencies);
        expect(stats.agencyResponse).toEqual(expected.response);
      });
    }
  }

  it("the data set has what the rules tell apart", async () => {
    const db = env.container.db;
    expect(await db.clockPause.count({ where: { endedAt: null } })).toBeGreaterThan(10);
    const stats = await groupStatistics(env.container, world.workingGroupId, statisticsPeriod("year", NOW));
    const sum = (key: "refused" | "refusedWithReason" | "overdue" | "doneOnTime" | "extensionRequests") => stats.agencies.reduce((total, row) => total + row[key], 0);
    expect(sum("refusedWithReason")).toBeGreaterThan(0);
    expect(sum("refused")).toBeGreaterThan(sum("refusedWithReason"));
    expect(sum("overdue")).toBeGreaterThan(0);
    expect(sum("doneOnTime")).toBeGreaterThan(0);
    expect(sum("extensionRequests")).toBeGreaterThan(0);
  });

  it("a blank refusal reason is blank as String.prototype.trim sees it", () => {
    const blank = new Set<string>();
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (char.trim() === "") blank.add(char);
    }
    const listed = new Set<string>();
    for (const [, from, to] of BLANK.matchAll(/(.)(?:-(.))?/gsu)) {
      for (let code = (from as string).charCodeAt(0); code <= (to ?? (from as string)).charCodeAt(0); code++) listed.add(String.fromCharCode(code));
    }
    expect([...listed].sort()).toEqual([...blank].sort());
  });
});
