/**
 * The morning digest: one message per official on working days, listing their overdue tasks
 * and those due this week, never twice the same day; nothing on days off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIGEST_SCHEDULER_ID, startMorningDigest, writeMorningDigest } from "../../src/jobs/digest";
import { completeTask } from "../../src/services/task-actions";
import { createTask } from "../../src/services/tasks";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
const azar = (day: number) => ({ year: 1405, month: 9, day });
const DIGEST = { type: "morning-digest" as const };

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KRM"] });
  world = await seedTaskWorld(env.container, { base: 7400, group: "KRM", legalIdPrefix: "1038028474" });
});
afterAll(async () => env.cleanup());

const digestsTo = async (chatId: number) => (await noticesTo(env.container, chatId)).filter((n) => n.kind === "DIGEST");

describe("morning digest", () => {
  it("one message per official per working day: overdue and this week's tasks, with buttons", async () => {
    const { caseId, trackingCode } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "Gas supply to the kilns is cut for two hours every afternoon without notice.",
    });
    const add = (day: number, officialId: number | null, title: string) =>
      env.container.db.$transaction((tx) =>
        createTask(tx, { caseId, agencyId: world.gasAgencyId, officialId, dueDate: azar(day), title, createdById: world.secretariat.id }),
      );
    const overdue = await add(3, world.official.id, "Overdue: restore the supply");
    const thisWeek = await add(11, world.official.id, "This week: install a pressure regulator");
    const nextWeek = await add(16, world.official.id, "Next week: review the contract");
    const unassigned = await add(12, null, "Unassigned: inspect the line");
    const reported = await add(10, world.official.id, "Already reported done");
    await completeTask(env.container, world.official.id, reported.id, { text: "Done; awaiting review." });

    // Saturday 7 Azar 1405, 08:00 Tehran: the week runs to Friday 13 Azar.
    env.clock.set(new Date("2026-11-28T04:30:00Z"));
    await writeMorningDigest(DIGEST, env.container);
    await writeMorningDigest(DIGEST, env.container); // a second worker, a retry

    const toOfficial = await digestsTo(world.official.telegramId);
    expect(toOfficial).toHaveLength(1);
    expect(toOfficial[0]?.dedupeKey).toBe(`digest:${world.official.id}:14050907:${world.official.telegramId}`);
    const text = toOfficial[0]?.text ?? "";
    expect(text).toContain("۱ معوق، ۲ با مهلت این هفته");
    expect(text).toContain(trackingCode);
    expect(text.indexOf("Overdue: restore")).toBeLessThan(text.indexOf("This week: install"));
    expect(text).toContain("Unassigned: inspect the line");
    expect(text).not.toContain("Next week");
    expect(text).not.toContain("Already reported done");
    expect(toOfficial[0]?.callbacks).toEqual([`t:o:${overdue.id}`, `t:o:${thisWeek.id}`, `t:o:${unassigned.id}`, "t:l:0"]);
    expect(nextWeek.id).toBeGreaterThan(0);

    // The colleague sees only what nobody has; the head sees the agency's whole list.
    expect((await digestsTo(world.colleague.telegramId)).map((n) => n.callbacks)).toEqual([[`t:o:${unassigned.id}`, "t:l:0"]]);
    expect((await digestsTo(world.head.telegramId))[0]?.callbacks).toHaveLength(4);
    // Other agencies and non-officials get nothing.
    expect(await digestsTo(world.bankOfficial.telegramId)).toEqual([]);
    expect(await digestsTo(world.producer.telegramId)).toEqual([]);

    // The next working day brings a new digest.
    env.clock.set(new Date("2026-11-29T04:30:00Z")); // Sunday 8 Azar
    await writeMorningDigest(DIGEST, env.container);
    expect(await digestsTo(world.official.telegramId)).toHaveLength(2);
  });

  it("skips days off", async () => {
    env.clock.set(new Date("2026-12-04T04:30:00Z")); // Friday 13 Azar
    const before = (await digestsTo(world.official.telegramId)).length;
    expect(await writeMorningDigest(DIGEST, env.container)).toEqual({ sent: 0 });
    expect(await digestsTo(world.official.telegramId)).toHaveLength(before);
  });

  it("is produced by one cron job scheduler at 08:00 Tehran, however often the workers start", async () => {
    await startMorningDigest(env.container);
    await startMorningDigest(env.container);
    const schedulers = await env.container.queues.timers.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([[DIGEST_SCHEDULER_ID, "0 8 * * *", "Asia/Tehran"]]);
  });
});
