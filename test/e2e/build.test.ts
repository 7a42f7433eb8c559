// The compiled build as production runs it (`npm run build`, then `node dist/main.js` and
// `node dist/worker.js`, no TypeScript loader) against the fake Bot API: it answers, finds its
// locales and holidays, and — like the sources — refuses to start while a migration is
// pending, with one log line, unless started with --migrate. The other e2e tests run the
// sources (test/support/bot-process.ts).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n";
import { shippedMigrations } from "../../src/migrations";
import { BotProcess, type BotProcessOptions } from "../support/bot-process";
import { clearRedisPrefix, createTestDatabase, dropTestDatabase, REDIS_URL, TEST_BOT_TOKEN } from "../support/env";
import { FakeBotApi } from "../support/fake-bot-api";
import { ADMIN_URL, databaseUrl as testDatabaseUrl } from "../support/global-setup";

const t = translatorFor(createI18n("fa"));
const user = { id: 515151, first_name: "Sara", language_code: "en" };

interface Run {
  fake: FakeBotApi;
  processes: BotProcess[];
  databaseUrl: string;
  prefix: string;
}
const runs: Run[] = [];

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}, 120_000);

afterEach(async () => {
  for (const run of runs.splice(0)) {
    for (const child of run.processes.reverse()) await child.kill();
    await run.fake.stop();
    await clearRedisPrefix(run.prefix);
    await dropTestDatabase(run.databaseUrl);
  }
});

/** A database that exists but was never migrated. */
async function emptyDatabase(): Promise<string> {
  const name = `tashil_test_${inject("runId")}_empty_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return testDatabaseUrl(name);
}

async function world(databaseUrl: string): Promise<Run & { process(options?: Partial<BotProcessOptions>): BotProcess }> {
  const fake = new FakeBotApi({ token: TEST_BOT_TOKEN });
  const apiRoot = await fake.start();
  const prefix = `tashil-e2e-${randomBytes(4).toString("hex")}`;
  const run: Run = { fake, processes: [], databaseUrl, prefix };
  runs.push(run);
  return {
    ...run,
    process(options = {}) {
      const child = new BotProcess({
        script: "dist/main.js",
        ...options,
        env: { NODE_ENV: "production", BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix, ...options.env },
      });
      run.processes.push(child);
      return child;
    },
  };
}

describe("the compiled build", () => {
  it("answers by long polling in the user's language, runs the separate worker, and stops on SIGTERM", async () => {
    const { fake, process: spawnProcess } = await world(await createTestDatabase());
    const bot = spawnProcess({ env: { RUN_WORKERS_IN_BOT: "false" } });
    await bot.start();
    expect(bot.logs().find((line) => line.msg === "Tashil bot ready")).toMatchObject({ mode: "polling", workers: "separate" });
    fake.userMessage(user, "/help");
    await fake.waitFor((call) => call.method === "sendMessage" && call.params.chat_id === user.id && call.params.text === t("en", "help-text"), 15_000);

    const worker = spawnProcess({ script: "dist/worker.js" });
    await worker.start();
    expect((await fetch(`http://127.0.0.1:${worker.port}/readyz`)).status).toBe(200);
    expect(await worker.stop()).toBe(0);
    expect(await bot.stop()).toBe(0);
  });

  it("refuses to start, with one log line, while migrations are pending; --migrate applies them and starts", async () => {
    const { fake, process: spawnProcess } = await world(await emptyDatabase());
    for (const script of ["dist/main.js", "dist/worker.js"] as const) {
      const refused = spawnProcess({ script });
      await expect(refused.start()).rejects.toThrow(/exited \(code 1/);
      const lines = refused.logs();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 60, pending: shippedMigrations() });
      expect(lines[0]?.msg).toMatch(/migration\(s\) pending: apply them with `npm run db:deploy`/);
    }
    expect(fake.callsTo("getUpdates")).toEqual([]);

    const migrating = spawnProcess({ args: ["--migrate"] });
    await migrating.start();
    fake.userMessage(user, "/help");
    await fake.waitFor((call) => call.method === "sendMessage" && call.params.text === t("en", "help-text"), 15_000);
    expect(await migrating.stop()).toBe(0);

    // Now nothing is pending: a plain start goes straight to work.
    const plain = spawnProcess();
    await plain.start();
    expect(plain.logs().some((line) => line.level === 60)).toBe(false);
  }, 90_000);

  it("names a database that does not exist instead of failing on it", async () => {
    const missing = testDatabaseUrl(`tashil_test_${inject("runId")}_missing_${randomBytes(3).toString("hex")}`);
    const { process: spawnProcess } = await world(missing);
    const refused = spawnProcess();
    await expect(refused.start()).rejects.toThrow(/exited \(code 1/);
    expect(refused.logs()).toEqual([expect.objectContaining({ level: 60, msg: expect.stringMatching(/^the database does not exist: /) })]);
  });
});
