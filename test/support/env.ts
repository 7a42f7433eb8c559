import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { parseConfig, type Config } from "../../src/config";
import { createContainer, type Container, type ContainerOverrides } from "../../src/container";
import { seedReferenceData } from "../../src/seed/reference-data";
import { ADMIN_URL, databaseUrl } from "./global-setup";
import { clearRedisPrefix as clearKeys } from "./redis-keys";

export const TEST_BOT_TOKEN = "123456789:TEST_token_for_tashil_tests_only";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `tashil_test_${inject("runId")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Deletes every key under a prefix (sessions, queues) so runs never see each other's data. */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  await clearKeys(prefix, REDIS_URL);
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    NODE_ENV: "test",
    BOT_TOKEN: TEST_BOT_TOKEN,
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/unused",
    REDIS_URL,
    REDIS_PREFIX: `tashil-test-${inject("runId")}-${randomBytes(4).toString("hex")}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    // A test drives conversations faster than any person: the inbound limit is off unless a
    // test turns it on (test/e2e/inbound-limits.test.ts).
    RATE_LIMIT_UPDATES: "0",
    ...overrides,
  });
}

export interface TestEnv {
  config: Config;
  container: Container;
  /** A controllable clock shared by the container: tests move time, never sleep for days. */
  clock: TestClock;
  cleanup(): Promise<void>;
}

export class TestClock {
  constructor(private current: Date = new Date("2026-11-22T07:00:00Z")) {}
  now = (): Date => new Date(this.current);
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A container on its own database and Redis prefix, seeded with the reference data of the
 * given working groups (all of them when omitted).
 */
export async function createTestEnv(
  options: { config?: Record<string, string>; workingGroups?: string[]; overrides?: ContainerOverrides; clock?: TestClock } = {},
): Promise<TestEnv> {
  const databaseUrlForTest = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: databaseUrlForTest, ...options.config });
  const clock = options.clock ?? new TestClock();
  const container = createContainer(config, { now: clock.now, ...options.overrides });
  await seedReferenceData(container.db, options.workingGroups ?? ["KRM", "KHZ", "QOM", "ANZ"]);
  return {
    config,
    container,
    clock,
    async cleanup() {
      await container.queues.deliveries.obliterate({ force: true }).catch(() => undefined);
      await container.queues.timers.obliterate({ force: true }).catch(() => undefined);
      await container.close();
      await clearRedisPrefix(config.REDIS_PREFIX);
      await dropTestDatabase(databaseUrlForTest);
    },
  };
}
