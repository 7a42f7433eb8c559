/**
 * The task screens through the bot: list pages, the card and the agency head's choice edit
 * the message they were opened from; a prompt's back button returns to the card; the
 * secretariat sends a report back through its one-question prompt; people without the role
 * are told so; a rating's comment can be skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeTask, confirmTask } from "../../src/services/task-actions";
import { createTask } from "../../src/services/tasks";
import { assignCase } from "../../src/services/triage";
import { createTestBot, type TestBot, type TestUser } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;

beforeAll(async () => {
  // Sunday 1 Azar 1405, 10:30 in Tehran.
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KRM"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 7500, group: "KRM", legalIdPrefix: "1038028475" });
});
afterAll(async () => env.cleanup());

const fa = (key: string, args?: Record<string, string | number>) => env.container.t("fa", key, args);
const en = (key: string, args?: Record<string, string | number>) => env.container.t("en", key, args);
const lastMethod = (user: TestUser) => user.screen().at(-1)?.method;

async function assignedTask(description: string): Promise<{ caseId: number; taskId: number; trackingCode: string }> {
  const { caseId, trackingCode } = await reportCase(env.container, world, { category: "utility_cutoff", subcategory: "gas", agencyId: world.gasAgencyId, description });
  const secretariat = await sessionUserOf(env.container, world.secretariat);
  const { taskId } = await assignCase(env.container, secretariat, caseId, { agencyId: world.gasAgencyId, officialId: world.official.id, dueDate: "1405/09/20" });
  return { caseId, taskId, trackingCode };
}

describe("the task screens", () => {
  it("list pages, the card opened from the list and the card's 'all tasks' edit the same message", async () => {
    const { caseId } = await reportCase(env.container, world, {
      category: "utility_cutoff",
      subcategory: "gas",
      agencyId: world.gasAgencyId,
      description: "Seven separate gas meters of the unit need to be inspected by the company.",
    });
    for (let i = 0; i < 7; i += 1) {
      await env.container.db.$transaction((tx) =>
        createTask(tx, { caseId, agencyId: world.gasAgencyId, officialId: null, dueDate: { year: 1405, month: 9, day: 10 + i }, title: `Meter ${i + 1}`, createdById: world.secretariat.id }),
      );
    }
    const colleague = harness.user(world.colleague.telegramId, { languageCode: "fa", firstName: world.colleague.firstName });
    await colleague.send("/tasks");
    expect(lastMethod(colleague)).toBe("sendMessage");
    expect(colleague.lastText()).toContain(fa("task-list-title", { total: "۷", page: "۱", pages: "۲" }));

    await colleague.tap(fa("button-next"));
    expect(lastMethod(colleague)).toBe("editMessageText");
    expect(colleague.lastText()).toContain(fa("task-list-title", { total: "۷", page: "۲", pages: "۲" }));

    await colleague.tap("Meter 7");
    expect(lastMethod(colleague)).toBe("editMessageText");
    expect(colleague.lastText()).toContain(fa("task-card-title", { title: "Meter 7" }));

    await colleague.tap(fa("task-button-list"));
    expect(lastMethod(colleague)).toBe("editMessageText");
    expect(colleague.lastText()).toContain(fa("task-list-title", { total: "۷", page: "۱", pages: "۲" }));
  });

  it("the agency head's choice of official edits the card, and back returns to it; a prompt's back at its first step shows the card", async () => {
    const { taskId } = await assignedTask("The gas company's inspector has not come for the annual check of the kilns.");
    const head = harness.user(world.head.telegramId, { languageCode: "fa", firstName: world.head.firstName });
    await head.press(`t:o:${taskId}`);
    await head.tap(fa("task-button-reassign"));
    expect(lastMethod(head)).toBe("editMessageText");
    expect(head.lastText()).toBe(fa("task-reassign-choose"));
    expect(() => head.buttonData("Hamkar")).not.toThrow();
    await head.tap(fa("button-back"));
    expect(lastMethod(head)).toBe("editMessageText");
    expect(head.lastText()).toContain(fa("task-card-status", { status: fa("task-status-open") }));

    await head.tap(fa("task-button-progress"));
    expect(lastMethod(head)).toBe("sendMessage");
    expect(head.lastText()).toBe(fa("task-ask-progress-text"));
    await head.tap(fa("button-back"));
    expect(lastMethod(head)).toBe("editMessageText");
    expect(head.lastText()).toContain(fa("task-card-status", { status: fa("task-status-open") }));
    // The prompt has ended: a text now is not a progress report.
    await head.send("A text after leaving the prompt.");
    expect(await env.container.db.caseEvent.count({ where: { taskId, type: "task_progress" } })).toBe(0);
  });

  it("the secretariat sends a completion report back with a reason", async () => {
    const { taskId, trackingCode } = await assignedTask("The gas pressure regulator of the unit was replaced without the company's seal.");
    await completeTask(env.container, world.official.id, taskId, { text: "The seal has been placed on the new regulator." });
    const officialBefore = (await noticesTo(env.container, world.official.telegramId)).length;

    const desk = harness.user(world.secretariat.telegramId, { languageCode: "en", firstName: world.secretariat.firstName });
    await desk.press(`t:sb:${taskId}`);
    expect(desk.textsSince(0).join("\n")).toContain(trackingCode);
    expect(desk.lastText()).toBe(en("task-ask-send-back-reason", { min: 10 }));
    await desk.send("no");
    expect(desk.textsSince(desk.mark() - 2)).toEqual([en("task-text-invalid", { min: 3, max: 2000 }), en("task-ask-send-back-reason", { min: 10 })]);
    await desk.send("The photo of the seal is missing from the report.");
    expect(desk.lastText()).toBe(en("task-done-send-back"));
    expect((await env.container.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("in_progress");
    const toOfficial = (await noticesTo(env.container, world.official.telegramId)).slice(officialBefore);
    expect(toOfficial.map((n) => [n.text.includes("The photo of the seal is missing"), n.callbacks])).toEqual([[true, [`t:o:${taskId}`]]]);
    // Sending it back again is not possible: the report is with the agency now.
    await desk.press(`t:sb:${taskId}`);
    expect(desk.lastText()).toBe(en("task-error-illegal_transition"));
  });

  it("people without the role are told so, and nothing changes", async () => {
    const { taskId } = await assignedTask("The gas company asks for a deposit the unit cannot pay before the winter.");
    const producer = harness.user(world.producer.telegramId, { languageCode: "fa", firstName: world.producer.firstName });
    await producer.send("/tasks");
    expect(producer.lastText()).toBe(fa("task-not-official"));
    await producer.press("t:l:0");
    expect(producer.lastText()).toBe(fa("task-not-official"));
    await producer.press(`t:o:${taskId}`);
    expect(producer.lastText()).toBe(fa("error-not-found"));
    await producer.press(`t:ack:${taskId}`);
    expect(producer.lastText()).toBe(fa("task-error-forbidden"));

    // An official is not the secretariat.
    await completeTask(env.container, world.official.id, taskId, { text: "The deposit has been waived." });
    const official = harness.user(world.official.telegramId, { languageCode: "fa", firstName: world.official.firstName });
    await official.press(`t:cf:${taskId}`);
    expect(official.lastText()).toBe(fa("task-error-forbidden"));
    await official.press(`t:sb:${taskId}`);
    expect(official.lastText()).toBe(fa("task-error-forbidden"));
    expect((await env.container.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("done_pending_review");
  });

  it("the producer may skip the comment after a score", async () => {
    const { taskId } = await assignedTask("The gas bill of last month counts the kilns twice.");
    await completeTask(env.container, world.official.id, taskId, { text: "The bill has been corrected." });
    await confirmTask(env.container, world.secretariat.id, taskId);
    const producer = harness.user(world.producer.telegramId, { languageCode: "fa", firstName: world.producer.firstName });
    await producer.press(`rt:${taskId}:5`);
    expect(producer.lastText()).toBe(fa("rating-ask-comment"));
    await producer.tap(fa("button-skip"));
    expect(producer.lastText()).toBe(fa("rating-done"));
    await producer.send("This text is not a comment any more.");
    const rating = await env.container.db.rating.findFirstOrThrow({ where: { taskId } });
    expect([rating.score, rating.comment]).toEqual([5, null]);
  });
});
