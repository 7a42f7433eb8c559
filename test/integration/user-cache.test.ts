// The hot path: the user behind an update comes from the Redis cache (src/services/user-cache.ts),
// so an update of a known user runs no SQL for it, a wizard step runs none until the submit (its
// draft is queued and written behind, one statement for every queued draft), and a session is
// written once per update.
// Every change to roles, units, language, phone or reachability is seen on the very next update.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { relayOutbox } from "../../src/jobs/outbox-relay";
import { startWorkers, type RunningWorkers } from "../../src/jobs/workers";
import { createInvitation, redeemInvitation, revokeMembership } from "../../src/services/invitations";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import { registerUnit, verifyPhone } from "../../src/services/units";
import { forgetUsers, readCachedUser, writeCachedUser } from "../../src/services/user-cache";
import { loadUser, setUserLanguage, userOfUpdate, type UpdateUser } from "../../src/services/users";
import { createI18n, translatorFor } from "../../src/i18n";
import { buttonsOf, createTestBot, type TestBot } from "../support/bot-harness";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { FakeBotApi } from "../support/fake-bot-api";
import { legalEntityIdFrom } from "../support/identifiers";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);

// Every statement this process sends to PostgreSQL while `counting` (pg is what the Prisma
// adapter talks through; BEGIN/COMMIT count too).
let counting = false;
let statements: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, config: unknown, ...rest: unknown[]) {
  if (counting) statements.push(String(typeof config === "string" ? config : (config as { text?: string } | undefined)?.text).trim().slice(0, 80));
  return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
} as typeof query;

async function sqlOf(work: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  counting = true;
  try {
    await work();
  } finally {
    counting = false;
  }
  return statements;
}

let env: TestEnv;
let harness: TestBot;
let krm: { id: number };
let fake: FakeBotApi | undefined;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  // Drafts wait a minute here, so the timer never writes one in the middle of a counted step.
  env = await createTestEnv({ clock: new TestClock(new Date("2026-11-23T07:00:00Z")), workingGroups: ["KRM"], config: { SESSION_DRAFT_FLUSH_MS: "60000" } });
  harness = createTestBot(env.container);
  krm = await env.container.db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
});
afterEach(async () => {
  await workers?.close();
  workers = undefined;
});
afterAll(async () => {
  await env.cleanup();
  await fake?.stop();
});

async function staff(telegramId: number, role: "SECRETARIAT" | "ADMIN") {
  return env.container.db.user.create({
    data: { telegramId: String(telegramId), firstName: `Staff${telegramId}`, language: "en", memberships: { create: { role, workingGroupId: role === "ADMIN" ? null : krm.id } } },
  });
}

async function producerWithUnit(telegramId: number, first10: string) {
  const user = await env.container.db.user.create({ data: { telegramId: String(telegramId), firstName: `Producer${telegramId}`, language: "en", phone: "09121112233" } });
  await registerUnit(env.container, user.id, {
    name: `Tile Co. ${telegramId}`,
    legalId: legalEntityIdFrom(first10),
    licenceNo: null,
    workingGroupId: krm.id,
    county: "کرمان",
    sector: "INDUSTRY",
    activityStatus: "ACTIVE",
    employees: 30,
  });
  return user;
}

describe("a cache hit", () => {
  it("runs no SQL: a known user's /help, and the same again", async () => {
    await staff(9001, "SECRETARIAT");
    const user = harness.user(9001, { languageCode: "en" });
    expect((await sqlOf(() => user.send("/help"))).length).toBeGreaterThan(0); // first contact: loaded
    const second = await sqlOf(() => user.send("/help"));
    // The secretariat's section of /help (built from the features' commands per role).
    expect(user.lastText()).toContain("/queue — ");
    expect(second).toEqual([]);
    expect(await sqlOf(() => user.send("/help"))).toEqual([]);
  });

  it("a first contact is three statements: the draft, the user, its row; nothing asks for submissions", async () => {
    const user = harness.user(9004, { languageCode: "en" });
    const first = await sqlOf(() => user.send("/start"));
    expect(first).toEqual([
      expect.stringMatching(/^SELECT flow, "updatedAt" FROM "SessionDraft"/),
      expect.stringMatching(/^SELECT u\.id, u\."firstName"/),
      expect.stringMatching(/^INSERT INTO "User"/),
    ]);
    expect(user.lastText()).not.toBe("");
    expect(await sqlOf(() => user.send("/help"))).toEqual([]);
  });

  it("a wizard step runs no SQL until the submit; the drafts follow in one statement", async () => {
    await producerWithUnit(9002, "1422222222");
    const user = harness.user(9002, { languageCode: "en" });
    const steps: Array<[string, () => Promise<void>]> = [
      ["/report", () => user.send("/report")],
      ["category", () => user.press("rp:cat:tax")],
      ["agency", () => user.press("rp:ag:none")],
      ["irreversible", () => user.press("rp:irr:week")],
      ["amount", () => user.press("rp:amt:skip")],
      ["description", () => user.send("The tax office froze our account over a disputed 1403 assessment.")],
    ];
    // The first walk reads the reference data (agencies…), remembered for a minute after that.
    for (const [, step] of steps) await step();
    await user.send("/cancel");
    await env.container.drafts.flush();
    for (const [name, step] of steps) {
      const sql = await sqlOf(step);
      expect({ name, sql }).toEqual({ name, sql: [] });
    }
    expect(buttonsOf(user.screen().at(-1)).some((b) => "callback_data" in b && b.callback_data === "rp:att:done")).toBe(true);
    // Queued, not lost: the draft is there to restore, and one statement writes it.
    expect(env.container.drafts.queued("session:9002")).toMatchObject({ name: "report", step: "attachments" });
    expect(await sqlOf(() => env.container.drafts.flush())).toEqual([expect.stringMatching(/^WITH gone AS \(DELETE FROM "SessionDraft"/)]);
    expect(env.container.drafts.queued("session:9002")).toBeUndefined();
    const row = await env.container.db.sessionDraft.findUniqueOrThrow({ where: { key: "session:9002" } });
    expect(row.flow).toMatchObject({ name: "report", step: "attachments" });
    await user.send("/cancel");
    await env.container.drafts.flush();
    expect(await env.container.db.sessionDraft.count({ where: { key: "session:9002" } })).toBe(0);
  });

  it("writes the session once per update: before its reply, not again at the end", async () => {
    await producerWithUnit(9003, "1433333333");
    const harnessed = createTestBot(env.container);
    const writes: string[] = [];
    const monitor = env.container.redis.duplicate();
    await monitor.monitor().then((m) =>
      m.on("monitor", (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() === "set" && String(args[1]).endsWith("session:9003")) writes.push(String(args[2]));
      }),
    );
    const user = harnessed.user(9003, { languageCode: "en" });
    await user.send("/help");
    await vi.waitFor(() => expect(writes).toHaveLength(1)); // a new session ({}) is stored once
    await user.send("/help");
    await user.send("/report");
    await user.press("rp:cat:tax");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // /help twice: nothing changed, nothing written; /report and the category: one write each.
    expect(writes.map((json) => (JSON.parse(json) as { flow?: { step: string } }).flow?.step ?? "none")).toEqual(["none", "category", "agency"]);
    monitor.disconnect();
    await user.send("/cancel");
  });
});

describe("an update's Redis commands", () => {
  it("a wizard step sends four: the claim, one read of everything it needs, the session, done", async () => {
    await producerWithUnit(9005, "1455555555");
    const harnessed = createTestBot(env.container);
    const prefix = `${env.container.config.REDIS_PREFIX}:`;
    let commands: string[] = [];
    let mgetKeys: number[] = [];
    const monitor = env.container.redis.duplicate();
    await monitor.monitor().then((m) =>
      m.on("monitor", (_time: string, args: string[]) => {
        // This user's update only: its keys carry the user's or the update's id.
        if (args.some((arg) => String(arg).startsWith(prefix) && /9005|update:/.test(String(arg)))) {
          commands.push(String(args[0]).toLowerCase());
          if (String(args[0]).toLowerCase() === "mget") mgetKeys.push(args.length - 1);
        }
      }),
    );
    const user = harnessed.user(9005, { languageCode: "en" });
    await user.send("/report");
    await user.press("rp:cat:tax");
    await new Promise((resolve) => setTimeout(resolve, 200));
    commands = [];
    mgetKeys = [];
    await user.press("rp:ag:none");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The claim (a script), the session + the cached user + the submission flags (one MGET),
    // the session written before the reply, the update marked done.
    // (MONITOR also lists the SET the script makes inside Redis.)
    expect(commands).toEqual(["eval", "set", "mget", "set", "set"]);
    expect(mgetKeys).toEqual([5]);
    expect(user.lastText()).not.toBe("");
    monitor.disconnect();
    await user.send("/cancel");
  });
});

describe("every change is seen on the very next update", () => {
  it("a revoked secretariat member is refused at once; an accepted invitation counts at once", async () => {
    const admin = await staff(9010, "ADMIN");
    await staff(9011, "SECRETARIAT");
    const member = harness.user(9011, { languageCode: "en" });
    await member.send("/queue");
    expect(member.lastText()).toContain("Queue of");
    await member.send("/queue");
    expect(member.lastText()).toContain("Queue of");

    const actor = await loadUser(env.container.db, { id: 9010, is_bot: false, first_name: "Staff9010" }, { adminTelegramIds: [], defaultLocale: "en" });
    const membership = await env.container.db.membership.findFirstOrThrow({ where: { user: { telegramId: "9011" }, revokedAt: null } });
    expect(await revokeMembership(env.container, actor, membership.id)).toBe(true);
    await member.send("/queue");
    // Refused (with what /queue is for and how access is given).
    expect(member.lastText()).toContain(en("error-not-allowed"));
    expect(member.lastText()).not.toContain("Queue of");

    // Invited back: the role counts from the next update.
    const { code } = await createInvitation(env.container, actor, { role: "SECRETARIAT", workingGroupId: krm.id });
    expect((await redeemInvitation(env.container, membership.userId, code)).ok).toBe(true);
    await member.send("/queue");
    expect(member.lastText()).toContain("Queue of");
    expect(admin.id).toBeGreaterThan(0);
  });

  it("a unit registered, a language changed, a phone verified", async () => {
    const row = await env.container.db.user.create({ data: { telegramId: "9020", firstName: "Newcomer", language: "en" } });
    const user = harness.user(9020, { firstName: "Newcomer", languageCode: "en" });
    await user.send("/start");
    expect(user.lastText()).toBe(en("start-welcome", { name: "Newcomer" }));
    await registerUnit(env.container, row.id, {
      name: "Kerman Glass",
      legalId: legalEntityIdFrom("1444444444"),
      licenceNo: null,
      workingGroupId: krm.id,
      county: "کرمان",
      sector: "INDUSTRY",
      activityStatus: "ACTIVE",
      employees: 12,
    });
    await user.send("/start");
    expect(user.textsSince(user.mark() - 2)[0]).toBe(en("start-welcome-back", { name: "Newcomer" }));

    // The session holds no language of its own: the stored one decides.
    await setUserLanguage(env.container, row.id, "fa");
    await user.send("/help");
    expect(user.lastText()).toContain(t("fa", "help-text").split("\n")[0]);

    const from = { id: 9020, is_bot: false, first_name: "Newcomer" };
    expect((await userOfUpdate(env.container, from)).phone).toBeNull();
    await verifyPhone(env.container, row.id, "09123334455");
    expect((await userOfUpdate(env.container, from)).phone).toBe("09123334455");
  });

  it("a name changed in Telegram is followed, without waiting for the cache", async () => {
    await env.container.db.user.create({ data: { telegramId: "9030", firstName: "Old", language: "en" } });
    await userOfUpdate(env.container, { id: 9030, is_bot: false, first_name: "Old" });
    expect(await sqlOf(() => userOfUpdate(env.container, { id: 9030, is_bot: false, first_name: "Old" }))).toEqual([]);
    const renamed = await sqlOf(() => userOfUpdate(env.container, { id: 9030, is_bot: false, first_name: "New", username: "new_name" }));
    expect(renamed.some((sql) => sql.startsWith("UPDATE"))).toBe(true);
    expect((await env.container.db.user.findUniqueOrThrow({ where: { telegramId: "9030" } })).username).toBe("new_name");
    expect(await sqlOf(() => userOfUpdate(env.container, { id: 9030, is_bot: false, first_name: "New", username: "new_name" }))).toEqual([]);
  });

  it("a user who blocked the bot is marked unreachable, and cleared when they write again", async () => {
    fake = new FakeBotApi({ latencyMs: 1 });
    const apiRoot = await fake.start();
    const local = await createTestEnv({ config: { BOT_API_ROOT: apiRoot }, workingGroups: ["KRM"], clock: new TestClock(new Date()) });
    try {
      const bot = createTestBot(local.container);
      const row = await local.container.db.user.create({ data: { telegramId: "9040", firstName: "Blocker", language: "en" } });
      const user = bot.user(9040, { firstName: "Blocker", languageCode: "en" });
      await user.send("/help"); // cached as reachable
      fake.blockChat(9040);
      await local.container.db.$transaction((tx) =>
        enqueueOutbound(tx, [{ dedupeKey: "cache:blocked", kind: "NOTICE", chatId: "9040", userId: row.id, payload: textPayload("hello") }]),
      );
      workers = await startWorkers(local.container, { hooks: [] });
      await relayOutbox(local.container);
      await vi.waitFor(async () => expect((await local.container.db.user.findUniqueOrThrow({ where: { id: row.id } })).unreachableAt).not.toBeNull(), { timeout: 10_000 });
      await user.send("/help");
      expect((await local.container.db.user.findUniqueOrThrow({ where: { id: row.id } })).unreachableAt).toBeNull();
    } finally {
      await workers?.close();
      workers = undefined;
      await local.cleanup();
    }
  });
});

describe("the counter behind the cache", () => {
  it("an entry written under an old counter value (a miss that raced a change) is never trusted", async () => {
    const row = await env.container.db.user.create({ data: { telegramId: "9050", firstName: "Racer", language: "en" } });
    const from = { id: 9050, is_bot: false, first_name: "Racer" };
    const before = await readCachedUser(env.container, "9050");
    const stale = await loadUser(env.container.db, from, { adminTelegramIds: [], defaultLocale: "en" });
    // The change commits and is announced while the slow miss is still on its way…
    await forgetUsers(env.container, [row.id]);
    // …which then stores what it read before the change.
    await writeCachedUser(env.container, "9050", before.gen, { user: stale, username: null, unreachable: false });
    expect((await readCachedUser(env.container, "9050")).hit).toBeUndefined();
    expect(await sqlOf(() => userOfUpdate(env.container, from))).not.toEqual([]);
    expect((await readCachedUser<UpdateUser>(env.container, "9050")).hit?.user.id).toBe(row.id);
  });
});

describe("registering a unit (one statement)", () => {
  const unitOf = (legalId: string, name: string) => ({
    name,
    legalId,
    licenceNo: "12/3456",
    workingGroupId: krm.id,
    county: "کرمان",
    sector: "INDUSTRY" as const,
    activityStatus: "ACTIVE" as const,
    employees: 45,
  });

  it("links the listed county, makes the user its representative, and the next update sees the unit", async () => {
    const row = await env.container.db.user.create({ data: { telegramId: "9060", firstName: "Owner", language: "en" } });
    const legalId = legalEntityIdFrom("1466666666");
    const { id } = await registerUnit(env.container, row.id, unitOf(legalId, "Rafsanjan Pistachio Processing"));
    const stored = await env.container.db.productionUnit.findUniqueOrThrow({ where: { id }, include: { countyRef: true, representatives: true } });
    expect(stored).toMatchObject({ legalId, licenceNo: "12/3456", county: "کرمان", sector: "INDUSTRY", activityStatus: "ACTIVE", employees: 45, industrialEstateId: null });
    expect(stored.countyRef?.nameFa).toBe("کرمان");
    expect(stored.representatives.map((r) => r.userId)).toEqual([row.id]);
    const user = await userOfUpdate(env.container, { id: 9060, is_bot: false, first_name: "Owner" });
    expect(user.units).toEqual([{ id, name: "Rafsanjan Pistachio Processing", workingGroupId: krm.id }]);
  });

  it("refuses a legal ID another unit has, also when two registrations race; nothing half-made", async () => {
    const first = await env.container.db.user.create({ data: { telegramId: "9061", firstName: "First", language: "en" } });
    const second = await env.container.db.user.create({ data: { telegramId: "9062", firstName: "Second", language: "en" } });
    const legalId = legalEntityIdFrom("1477777777");
    const results = await Promise.allSettled([
      registerUnit(env.container, first.id, unitOf(legalId, "Copper Wire A")),
      registerUnit(env.container, second.id, unitOf(legalId, "Copper Wire B")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ messageKey: "register-legal-id-taken" });
    const units = await env.container.db.productionUnit.findMany({ where: { legalId }, include: { representatives: true } });
    expect(units).toHaveLength(1);
    expect(units[0]?.representatives).toHaveLength(1);
    await expect(registerUnit(env.container, second.id, unitOf(legalId, "Copper Wire C"))).rejects.toMatchObject({ messageKey: "register-legal-id-taken" });
    expect(await env.container.db.unitRepresentative.count({ where: { userId: second.id } })).toBe(units[0]?.representatives[0]?.userId === second.id ? 1 : 0);
  });
});
