// "The chat feels finished": no dead end (leaving a flow returns to where it was started), finished
// work stays reachable from the queue, staff commands explain themselves to outsiders, /help and
// the menus name every command of the reader's roles, and a slow file shows the chat action first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desk, invitations } from "../../src/buttons";
import { assignCase, resolveCase } from "../../src/services/triage";
import { buttonsOf, createTestBot, textOf, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { reportCase, seedTaskWorld, sessionUserOf, type TaskWorld } from "../support/task-fixtures";

let env: TestEnv;
let harness: TestBot;
let world: TaskWorld;

const en = (key: string, args?: Record<string, string | number>) => env.container.t("en", key, args);
const fa = (key: string, args?: Record<string, string | number>) => env.container.t("fa", key, args);

async function newCase(description = "The gas company cut off the factory's supply without notice.") {
  return reportCase(env.container, world, { category: "utility_cutoff", subcategory: "gas", agencyId: world.gasAgencyId, description });
}

beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-22T07:00:00Z")), workingGroups: ["KRM", "KHZ"] });
  harness = createTestBot(env.container);
  world = await seedTaskWorld(env.container, { base: 9100, group: "KRM", legalIdPrefix: "1300000001" });
});
afterAll(async () => env.cleanup());

describe("back at a flow's first step (and /cancel) returns to where the user came from", () => {
  it("add information: ✖ Cancel and /cancel return to the case's card, not the same question", async () => {
    const item = await newCase();
    const producer = harness.user(world.producer.telegramId, { languageCode: "en" });
    await producer.press(`cases:view:${item.caseId}`);
    await producer.tap(fa("cases-add-info"));
    expect(producer.lastText()).toContain(item.trackingCode);
    await producer.tap(fa("button-cancel"));
    // The prompt became the card again (edited in place), with its buttons.
    expect(producer.screen().at(-1)?.method).toBe("editMessageText");
    expect(producer.lastText()).toContain(fa("case-timeline-title"));
    expect(producer.buttonData(fa("cases-add-info"))).toBe(`cases:addinfo:${item.caseId}`);

    await producer.tap(fa("cases-add-info"));
    await producer.send("/cancel");
    expect(producer.lastText()).toContain(fa("case-timeline-title"));
    expect(producer.lastText()).toContain(item.trackingCode);
  });

  it("broadcast compose: back at the first question says cancelled and shows the main menu", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/broadcast");
    expect(secretariat.lastText()).toContain("Write the notice");
    const mark = secretariat.mark();
    await secretariat.tap("Back");
    const texts = secretariat.textsSince(mark);
    expect(texts[0]).toContain("Cancelled");
    expect(texts.at(-1)).toBe(en("menu-title"));
    expect(texts.some((text) => text.includes("Write the notice"))).toBe(false);
  });

  it("invite: back at the role question says cancelled and shows the main menu", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/invite");
    expect(secretariat.lastText()).toContain("Whom do you want to invite");
    const mark = secretariat.mark();
    await secretariat.tap("Cancel");
    expect(secretariat.textsSince(mark)).toEqual([expect.stringContaining("Cancelled"), en("menu-title")]);
  });

  it("triage: /cancel at a flow's first question offers the case again (not only the menu)", async () => {
    const item = await newCase("The gas company cut off the supply again; the kilns are cooling.");
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.press(`q:open:${item.caseId}`);
    await secretariat.tap("Reject");
    await secretariat.send("/cancel");
    expect(secretariat.lastText()).toContain("Cancelled");
    expect(secretariat.buttonData("Open the case")).toBe(`q:open:${item.caseId}`);
  });

  it("meetings schedule: back at the first question returns to the meetings list", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/meetings");
    await secretariat.tap("Schedule a meeting");
    expect(secretariat.lastText()).toContain("What kind of meeting");
    await secretariat.press(secretariat.buttonData("Back"));
    expect(secretariat.screen().at(-1)?.method).toBe("editMessageText");
    expect(secretariat.lastText()).not.toContain("What kind of meeting");
    expect(secretariat.buttonData("Schedule a meeting")).toBeTruthy();
  });
});

describe("finished work stays reachable", () => {
  it("'recently resolved' in the queue shows a resolved case; its card has the close button", async () => {
    const item = await newCase("The gas was cut; resolved after the secretariat called the company.");
    await resolveCase(env.container, await sessionUserOf(env.container, world.secretariat), item.caseId, { outcome: "The gas company restored the supply the same day." });
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/queue");
    // Resolved: no longer among the open cases…
    expect(buttonsOf(secretariat.screen().at(-1)).some((b) => b.text.includes(item.trackingCode))).toBe(false);
    // …but one tap away.
    await secretariat.tap(en("queue-filter-recently-resolved"));
    expect(secretariat.screen().at(-1)?.method).toBe("editMessageText");
    await secretariat.tap(item.trackingCode);
    expect(secretariat.lastText()).toContain(item.trackingCode);
    expect(secretariat.buttonData(en("queue-action-close"))).toBe(desk.close.pack({ caseId: item.caseId }));
  });

  it("'any status' is in the status filter and lists open and resolved cases together", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/queue");
    await secretariat.tap("Status ▾");
    await secretariat.tap(en("queue-filter-any-status"));
    const last = secretariat.lastText();
    expect(last).toContain(en("queue-filter-any-status"));
    const labels = buttonsOf(secretariat.screen().at(-1)).map((b) => b.text);
    expect(labels.some((label) => label.includes(en("queue-status-resolved")))).toBe(true);
    expect(labels.some((label) => label.includes(en("queue-status-submitted")))).toBe(true);
  });
});

describe("staff commands explain themselves to outsiders", () => {
  it("a producer sending /queue is told what it is for and how access is given", async () => {
    const producer = harness.user(world.producer.telegramId, { languageCode: "en" });
    for (const command of ["queue", "meetings", "stats", "invite", "linkgroup"]) {
      await producer.send(`/${command}`);
      const text = producer.lastText();
      // The producer reads Persian: what the command is for, and that access comes by invitation.
      expect(text).toBe(fa("staff-only", { command, purpose: fa(`command-${command}`) }));
      expect(text).toContain(`/${command} — ${fa(`command-${command}`)}`);
      expect(text).toContain("دعوت");
    }
  });
});

describe("/help and the menus say everything", () => {
  it("/help for a secretariat member lists /linkgroup (and sets their own command menu)", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    const before = harness.telegram.calls.length;
    await secretariat.send("/help");
    const help = secretariat.lastText();
    expect(help).toContain(en("help-section-secretariat"));
    for (const command of ["linkgroup", "queue", "meetings", "resolutions", "broadcast", "invite", "members", "invitations", "stats"]) {
      expect(help).toContain(`/${command} —`);
    }
    const menu = harness.telegram.calls.slice(before).find((call) => call.method === "setMyCommands");
    expect(menu?.payload.scope).toEqual({ type: "chat", chat_id: world.secretariat.telegramId });
    const commands = (menu?.payload.commands as Array<{ command: string }>).map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(["linkgroup", "queue", "report", "help"]));
    expect(commands).not.toContain("tasks");
  });

  it("/linkgroup in the private chat tells a secretariat member how to link their group", async () => {
    const secretariat = harness.user(world.secretariat.telegramId, { languageCode: "en" });
    await secretariat.send("/linkgroup");
    expect(secretariat.lastText()).toBe(en("group-link-in-group"));
  });

  it("a first-time admin's /start says to invite the secretariat", async () => {
    const { db } = env.container;
    const khz = await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } });
    await db.user.create({ data: { telegramId: "9190", firstName: "Modir", language: "en", memberships: { create: { role: "ADMIN", workingGroupId: khz.id } } } });
    const admin = harness.user(9190, { languageCode: "en", firstName: "Modir" });
    await admin.send("/start");
    const texts = admin.textsSince(0);
    const firstSteps = texts.find((text) => text.includes("invite the secretariat"));
    expect(firstSteps).toBeDefined();
    expect(admin.buttonData("Invite a member")).toBe(invitations.inviteStart.pack());
    // The admin of a group that has its secretariat is not told again.
    const krmAdmin = await db.user.create({ data: { telegramId: "9191", firstName: "Modir2", language: "en", memberships: { create: { role: "ADMIN", workingGroupId: world.workingGroupId } } } });
    const other = harness.user(Number(krmAdmin.telegramId), { languageCode: "en" });
    await other.send("/start");
    expect(other.textsSince(0).some((text) => text.includes("invite the secretariat"))).toBe(false);
  });
});

describe("a slow step shows the chat action first", () => {
  it("the statistics CSV is preceded by an upload_document chat action", async () => {
    const item = await newCase("The gas was cut at the glazing line; assigned to the gas company.");
    await assignCase(env.container, await sessionUserOf(env.container, world.secretariat), item.caseId, { agencyId: world.gasAgencyId, dueDate: "1405/09/20" });
    const chair = harness.user(world.chair.telegramId);
    const before = harness.telegram.calls.length;
    await chair.press(`st:f:${world.workingGroupId}:m`);
    const calls = harness.telegram.calls.slice(before).filter((call) => String(call.payload.chat_id) === String(world.chair.telegramId));
    const action = calls.findIndex((call) => call.method === "sendChatAction" && call.payload.action === "upload_document");
    const document = calls.findIndex((call) => call.method === "sendDocument");
    expect(document, textOf(calls.at(-1))).toBeGreaterThan(-1);
    expect(action).toBeGreaterThan(-1);
    expect(action).toBeLessThan(document);
  });
});
