/**
 * What an end-to-end test of the real processes needs, made and torn down in one place: a fake
 * Bot API, a database of its own, a Redis prefix of its own, and the processes (src/main.ts,
 * src/worker.ts) started against them.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { createDb, type Db } from "../../src/db";
import { seedReferenceData } from "../../src/seed/reference-data";
import { BotProcess, type BotProcessOptions } from "./bot-process";
import { createTestDatabase, dropTestDatabase, REDIS_URL, TEST_BOT_TOKEN } from "./env";
import { FakeBotApi, type FakeBotApiOptions } from "./fake-bot-api";
import { clearRedisPrefix } from "./redis-keys";

export interface World {
  fake: FakeBotApi;
  apiRoot: string;
  db: Db;
  databaseUrl: string;
  prefix: string;
  redisUrl: string;
  token: string;
  /** The environment every process of this world gets (plus its own extras). */
  env: Record<string, string>;
  processes: BotProcess[];
}

export interface WorldOptions {
  token?: string;
  fake?: FakeBotApiOptions;
  redisUrl?: string;
  /** Working groups to seed (none by default). */
  seed?: string[];
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const token = options.token ?? TEST_BOT_TOKEN;
  const fake = new FakeBotApi({ token, ...options.fake });
  const apiRoot = await fake.start();
  const databaseUrl = await createTestDatabase();
  const db = createDb(databaseUrl);
  if (options.seed?.length) await seedReferenceData(db, options.seed);
  const prefix = `tashil-e2e-${randomBytes(4).toString("hex")}`;
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const env = { NODE_ENV: "test", BOT_TOKEN: token, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
  return { fake, apiRoot, db, databaseUrl, prefix, redisUrl, token, env, processes: [] };
}

/** A process of this world (not started yet); `env` adds to or overrides the world's. */
export function worldProcess(world: World, env: Record<string, string> = {}, options: Omit<BotProcessOptions, "env"> = {}): BotProcess {
  const child = new BotProcess({ ...options, env: { ...world.env, ...env } });
  world.processes.push(child);
  return child;
}

export async function destroyWorld(world: World): Promise<void> {
  for (const child of world.processes.reverse()) await child.kill();
  await world.fake.stop();
  await world.db.$disconnect();
  await clearRedisPrefix(world.prefix, world.redisUrl).catch(() => undefined);
  await dropTestDatabase(world.databaseUrl);
}

/** A port nothing listens on (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
