/**
 * No dead end for alerts (issue 16, item 2): a working group whose queue an administrator works
 * alone (no secretariat member yet) still hears what is meant for the secretariat — a new
 * case, a refused task — and the alert goes to the secretariat itself once it has members.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseTask } from "../../src/services/task-actions";
import { assignCase } from "../../src/services/triage";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { noticesTo, reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let world: TaskWorld;
let adminTelegramId: number;
let adminId: number;

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-12-02T07:00:00Z")), workingGroups: ["KRM"] });
  world = await seedTaskWorld(env.container, { base: 7900, group: "KRM", legalIdPrefix: "1038028479" });
  // The world's secretariat member leaves; a global administrator works the queue alone.
  await env.container.db.membership.updateMany({ where: { userId: world.secretariat.id }, data: { revokedAt: new Date() } });
  adminTelegramId = 7999;
  const admin = await env.container.db.user.create({ data: { telegramId: String(adminTelegramId), firstName: "Modir", language: "en" } });
  adminId = admin.id;
  await env.container.db.membership.create({ data: { userId: admin.id, workingGroupId: null, role: "ADMIN" } });
});
afterAll(async () => env.cleanup());

describe("alerts meant for the secretariat", () => {
  it("reach the administrator acting for a working group that has no secretariat member", async () => {
    const { caseId, trackingCode } = await reportCase(env.container, world, {
      category: "bank",
      subcategory: "guarantee",
      agencyId: world.bankAgencyId,
      description: "The bank will not renew the guarantee for the export contract without new collateral.",
    });
    const alerts = await noticesTo(env.container, adminTelegramId);
    expect(alerts.map((n) => n.text)).toEqual([expect.stringContaining(trackingCode)]);

    const admin = await env.container.db.user.findUniqueOrThrow({ where: { id: adminId } });
    const actor = await sessionUserOf(env.container, { id: admin.id, telegramId: adminTelegramId, firstName: admin.firstName });
    const { taskId } = await assignCase(env.container, actor, caseId, { agencyId: world.bankAgencyId, officialId: world.bankOfficial.id, dueDate: "1405/09/20" });
    await refuseTask(env.container, world.bankOfficial.id, taskId, { reason: "The guarantee needs the board's approval, which is not within the branch's authority." });
    const refused = (await noticesTo(env.container, adminTelegramId)).at(-1)!;
    expect(refused.text).toContain("refused");
    expect(refused.text).toContain(trackingCode);
    // The revoked secretariat member hears nothing.
    expect(await noticesTo(env.container, world.secretariat.telegramId)).toEqual([]);
  });

  it("go to the secretariat, not the administrators, once the group has a member", async () => {
    await env.container.db.membership.updateMany({ where: { userId: world.secretariat.id }, data: { revokedAt: null } });
    const before = (await noticesTo(env.container, adminTelegramId)).length;
    const { trackingCode } = await reportCase(env.container, world, {
      category: "bank",
      subcategory: "working_capital",
      agencyId: world.bankAgencyId,
      description: "Working capital loan approved by the committee but not paid for two months.",
    });
    expect((await noticesTo(env.container, adminTelegramId)).length).toBe(before);
    expect((await noticesTo(env.container, world.secretariat.telegramId)).map((n) => n.text)).toEqual([expect.stringContaining(trackingCode)]);
  });
});
