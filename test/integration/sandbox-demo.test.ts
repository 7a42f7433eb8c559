/**
 * The sandbox's demo working group (src/sandbox/demo.ts), built by the services on a database
 * of its own: every role is there, a case waits at every stage the README promises, the past
 * is real by the rules (the overdue task is overdue), and the meeting and broadcast exist.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, demoExists } from "../../src/sandbox/demo";
import { ADMIN_PERSONA, PERSONAS, SECRETARIAT_CHAT_ID } from "../../src/sandbox/personas";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";

let env: TestEnv;
// Saturday 14 Azar 1405, 10:00 Tehran.
const NOW = new Date("2026-12-05T06:30:00Z");

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(NOW), workingGroups: ["KRM"], config: { ADMIN_TELEGRAM_IDS: String(ADMIN_PERSONA.telegramId) } });
  expect(await demoExists(env.container)).toBe(false);
  await buildDemo(env.container);
}, 120_000);
afterAll(async () => env.cleanup());

describe("the sandbox's demo working group", () => {
  it("has every persona but the newcomer, with their roles in Kerman", async () => {
    expect(await demoExists(env.container)).toBe(true);
    const users = await env.container.db.user.findMany({ include: { memberships: true, representations: true } });
    const byTelegram = new Map(users.map((u) => [Number(u.telegramId), u]));
    const role = (id: string) => {
      const user = byTelegram.get(PERSONAS.find((p) => p.id === id)?.telegramId ?? 0);
      return user?.memberships.map((m) => `${m.role}${m.isAgencyHead ? ":head" : ""}`);
    };
    expect(role("secretariat")).toEqual(["SECRETARIAT"]);
    expect(role("chair")).toEqual(["CHAIR"]);
    expect(role("official")).toEqual(["OFFICIAL"]);
    expect(role("head")).toEqual(["OFFICIAL:head"]);
    expect(role("bank")).toEqual(["OFFICIAL"]);
    expect(byTelegram.get(PERSONAS[0]?.telegramId ?? 0)?.representations).toHaveLength(1);
    expect(byTelegram.has(PERSONAS.find((p) => p.newcomer)?.telegramId ?? 0)).toBe(false);
    const group = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
    expect(group.secretariatChatId).toBe(String(SECRETARIAT_CHAT_ID));
  });

  it("has a case at every stage: new, critical, waiting for information, assigned, overdue, on an agenda, resolved, rated", async () => {
    const cases = await env.container.db.case.findMany({ include: { tasks: true, ratings: true } });
    const statuses = cases.map((c) => c.status);
    for (const status of ["submitted", "needs_info", "assigned", "on_agenda", "resolved"] as const) expect(statuses).toContain(status);
    expect(cases.some((c) => c.status === "submitted" && c.urgency === "critical")).toBe(true);
    expect(cases.some((c) => c.tasks.some((t) => t.status !== "done" && t.dueAt.getTime() < NOW.getTime()))).toBe(true);
    expect(cases.some((c) => c.status === "resolved" && c.ratings.some((r) => r.score === 5))).toBe(true);
    expect(cases.some((c) => c.status === "resolved" && c.ratings.length === 0)).toBe(true);
  });

  it("has a held meeting with resolutions and closed minutes, a coming one with invitations, and a broadcast", async () => {
    const meetings = await env.container.db.meeting.findMany({ include: { resolutions: true, agenda: true, invitees: true }, orderBy: { startsAt: "asc" } });
    expect(meetings.map((m) => m.status)).toEqual(["HELD", "SCHEDULED"]);
    expect(meetings[0]?.resolutions.map((r) => r.type).sort()).toEqual(["DECISION", "TASK"]);
    expect(meetings[0]?.minutesClosedAt).not.toBeNull();
    expect(meetings[1]?.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(meetings[1]?.agenda).toHaveLength(1);
    expect(meetings[1]?.invitees.length).toBeGreaterThan(0);
    const broadcasts = await env.container.db.broadcast.findMany();
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]?.status).not.toBe("DRAFT");
  });
});
