/**
 * Two people acting on one case at the same moment. The other person's transaction is played
 * here by a transaction that changes the case and holds its row lock until told to commit:
 * the action under test starts meanwhile, reaches the case row and waits; then the other
 * change commits. Whatever the action decided on the status it read before must not
 * overwrite the change that committed first.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CaseStatus } from "../../src/domain/case-lifecycle";
import { addProducerInformation } from "../../src/services/cases";
import { Refusal } from "../../src/domain/refusal";
import { addAgendaItem, createMeeting, removeAgendaItem } from "../../src/services/meetings";
import { acknowledgeTask } from "../../src/services/task-actions";
import { assignCase, requestInformation } from "../../src/services/triage";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"], clock: new TestClock(new Date("2026-11-22T06:00:00Z")) });
  world = await seedTaskWorld(env.container, { base: 8_600_000_000, group: "KRM", legalIdPrefix: "1410601234" });
});
afterAll(async () => env.cleanup());

const statusOf = async (caseId: number) => (await env.container.db.case.findUniqueOrThrow({ where: { id: caseId } })).status;

/** Backends of this database waiting for a row lock. */
async function waitingForLocks(): Promise<number> {
  const rows = await env.container.db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return rows[0]?.n ?? 0;
}

/**
 * Runs `action` while another transaction has moved the case to `status` without committing;
 * commits that transaction once the action waits for the row, and returns how the action ended.
 */
async function racingAnotherChange<T>(caseId: number, status: CaseStatus, action: () => Promise<T>): Promise<T | Error> {
  let commit!: () => void;
  const committed = new Promise<void>((resolve) => (commit = resolve));
  let changed!: () => void;
  const changedYet = new Promise<void>((resolve) => (changed = resolve));
  const other = env.container.db.$transaction(
    async (tx) => {
      await tx.case.update({ where: { id: caseId }, data: { status } });
      changed();
      await committed;
    },
    { timeout: 20_000 },
  );
  await changedYet;
  const outcome = action().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  await vi.waitFor(async () => expect(await waitingForLocks()).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
  commit();
  await other;
  return outcome;
}

describe("a change committed by someone else first stands", () => {
  it("the producer's answer to a question the secretariat meanwhile rejected the case over", async () => {
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "guarantee", agencyId: world.bankAgencyId, description: "The bank asks for a guarantee we cannot give." });
    await requestInformation(env.container, secretariat, item.caseId, { question: "Which branch is it?" });

    const outcome = await racingAnotherChange(item.caseId, "rejected", () =>
      addProducerInformation(env.container, world.producer.id, item.caseId, { text: "The central branch.", attachment: null }),
    );

    expect(outcome).toBeInstanceOf(Refusal);
    expect(await statusOf(item.caseId)).toBe("rejected");
  });

  it("an official's acknowledgement while the secretariat puts the case on an agenda", async () => {
    const secretariat = await sessionUserOf(env.container, world.secretariat);
    const item = await reportCase(env.container, world, { category: "utility_cutoff", subcategory: "gas", agencyId: world.gasAgencyId, description: "Gas cut-off warning for next week, the kilns would be ruined." });
    const { taskId } = await assignCase(env.container, secretariat, item.caseId, { agencyId: world.gasAgencyId, officialId: world.official.id, dueDate: "1405/09/20" });
    expect(await statusOf(item.caseId)).toBe("assigned");

    const outcome = await racingAnotherChange(item.caseId, "on_agenda", () => acknowledgeTask(env.container, world.official.id, taskId));

    expect(outcome).toBeUndefined();
    expect((await env.container.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("acknowledged");
    expect(await statusOf(item.caseId)).toBe("on_agenda");
  });

  it("a case taken off an agenda while the secretariat assigns it", async () => {
    const item = await reportCase(env.container, world, { category: "bank", subcategory: "overdue_loan", agencyId: world.bankAgencyId, description: "Arrears after the power cuts; the bank threatens legal action." });
    const meeting = await createMeeting(env.container, world.secretariat.id, {
      workingGroupId: world.workingGroupId,
      kind: "COMMITTEE",
      date: { year: 1405, month: 9, day: 9 },
      time: { hour: 9, minute: 0 },
      place: "Hall",
    });
    const agendaItem = await addAgendaItem(env.container, world.secretariat.id, meeting.id, { caseId: item.caseId });
    expect(await statusOf(item.caseId)).toBe("on_agenda");

    const outcome = await racingAnotherChange(item.caseId, "assigned", () => removeAgendaItem(env.container, world.secretariat.id, agendaItem.itemId));

    expect(outcome).toBeUndefined();
    expect(await statusOf(item.caseId)).toBe("assigned");
  });
});
