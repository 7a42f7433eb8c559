/**
 * Issue 15, item 7: finished outbox rows (and with them their payloads: phone numbers on case
 * cards, base64 minutes) are deleted OUTBOX_RETENTION_DAYS after they finished, by the daily
 * "outbox-prune" job; rows still to be sent, and those of a broadcast still sending, stay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryStatus } from "../../src/generated/prisma/enums";
import { OUTBOX_PRUNE_SCHEDULER_ID, pruneOutbox, startOutboxPrune } from "../../src/jobs/outbox-prune";
import { handleTimer } from "../../src/jobs/timers";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";

const DAY = 24 * 3600_000;
const NOW = new Date("2026-11-22T07:00:00Z");
let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ config: { OUTBOX_RETENTION_DAYS: "30" }, workingGroups: ["KRM"], clock: new TestClock(NOW) });
});
afterAll(async () => {
  await env?.cleanup();
});

let seq = 0;
async function row(status: DeliveryStatus, finishedDaysAgo: number | null, extra: { broadcastId?: number; userId?: number; payload?: object } = {}) {
  seq += 1;
  const createdAt = new Date(NOW.getTime() - ((finishedDaysAgo ?? 40) + 1) * DAY);
  return env.container.db.outboxMessage.create({
    data: {
      dedupeKey: `retention-test:${seq}`,
      kind: extra.broadcastId ? "BROADCAST" : "NOTICE",
      chatId: "555",
      userId: extra.userId ?? null,
      broadcastId: extra.broadcastId ?? null,
      payload: extra.payload ?? { method: "sendMessage", params: { text: `Reporter phone 09123456789 (${seq})` } },
      status,
      createdAt,
      finishedAt: finishedDaysAgo === null ? null : new Date(NOW.getTime() - finishedDaysAgo * DAY),
    },
    select: { id: true },
  });
}

describe("the outbox retention sweep", () => {
  it("deletes finished rows past the retention period, in batches, and keeps the rest", async () => {
    const { db } = env.container;
    const group = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
    const author = await db.user.create({ data: { telegramId: "88001", firstName: "Author" } });
    const broadcast = (status: "SENDING" | "DONE") =>
      db.broadcast.create({ data: { workingGroupId: group.id, createdById: author.id, text: "x", audience: {}, status } });
    const sending = await broadcast("SENDING");
    const done = await broadcast("DONE");

    const gone = [
      await row("SENT", 31, { userId: author.id }),
      await row("FAILED", 45),
      await row("BLOCKED", 31),
      await row("CANCELLED", 60),
      await row("SENT", 31, { broadcastId: done.id }),
      // A generated document carried inline: its bytes go with the row.
      await row("SENT", 40, { payload: { method: "sendDocument", params: { document: { filename: "minutes.html", contentBase64: Buffer.from("<p>minutes</p>").toString("base64") } } } }),
    ];
    const kept = [
      await row("SENT", 29),
      await row("FAILED", 1),
      await row("PENDING", null),
      await row("QUEUED", null),
      // Still counted by a broadcast's progress.
      await row("SENT", 31, { broadcastId: sending.id }),
    ];

    // Batches of two: three full ones, then an empty one ends the run.
    const result = await pruneOutbox(env.container, 2);
    expect(result.deleted).toBe(gone.length);
    expect(result.before.toISOString()).toBe(new Date(NOW.getTime() - 30 * DAY).toISOString());
    const left = await db.outboxMessage.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(left.map((r) => r.id)).toEqual(kept.map((r) => r.id));
    expect(await db.outboxMessage.count({ where: { payload: { path: ["method"], equals: "sendDocument" } } })).toBe(0);

    // The timer job does the same (nothing left to do now); a day later, another row is due.
    await handleTimer({ type: "outbox-prune" }, env.container);
    expect(await db.outboxMessage.count()).toBe(kept.length);
    env.clock.advance(2 * DAY);
    await handleTimer({ type: "outbox-prune" }, env.container);
    expect(await db.outboxMessage.count()).toBe(kept.length - 1);
    expect(await db.outboxMessage.findUnique({ where: { id: kept[0]!.id } })).toBeNull();
  });

  it("is scheduled once, daily, under a deterministic id, however often the workers start", async () => {
    await startOutboxPrune(env.container);
    await startOutboxPrune(env.container);
    const schedulers = (await env.container.queues.timers.getJobSchedulers()).filter((s) => s.key === OUTBOX_PRUNE_SCHEDULER_ID);
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: "30 3 * * *", tz: "Asia/Tehran" });
  });
});
