/**
 * Start-up benchmark: spawn → first answer. A /help message already waits at the fake Bot API
 * when the process is spawned; the clock stops when its answer arrives there. The database is
 * migrated beforehand (no pending migration: the bot only checks), Redis is empty (each start
 * has a Redis prefix of its own: every fake Bot API numbers its updates from 1, and the bot's
 * dedupe would drop update 1 as already handled); every run is a fresh process on the same
 * database. The bare-grammY baseline is timed the same way.
 *
 *   npm run bench:startup        # builds dist/ first
 *
 * Options (environment): BENCH_STARTS (7 per subject), TEST_POSTGRES_URL, REDIS_URL.
 * Exit code: 0 within the goal (median ≤ 1.5 s), 2 above it.
 */
import { FakeBotApi } from "../test/support/fake-bot-api";
import { Chats } from "./load";
import { clearRedisPrefix } from "../test/support/redis-keys";
import { createWorld, environment, log, machine, median, REDIS_URL, start, TOKEN, type Subject } from "./support";

const STARTS = Number(process.env.BENCH_STARTS ?? 7);
const GOAL_MS = 1500;
const user = { id: 7_000_001, first_name: "Sara", language_code: "en" };

async function once(subject: Subject, env: (apiRoot: string) => NodeJS.ProcessEnv): Promise<{ answerMs: number; readyMs: number }> {
  const fake = new FakeBotApi({ token: TOKEN });
  const apiRoot = await fake.start();
  const chats = new Chats(fake);
  try {
    // Queued before the spawn: the first getUpdates returns it.
    const answered = chats.step(() => fake.userMessage(user, "/help"), (call) => call.method === "sendMessage", user.id);
    const started = await start(subject, env(apiRoot));
    await answered;
    const answerMs = performance.now() - started.spawnedAt;
    await started.stop();
    return { answerMs, readyMs: started.readyMs };
  } finally {
    await fake.stop();
  }
}

async function main(): Promise<void> {
  log(`Start-up benchmark (spawn → first answer), ${STARTS} starts each; ${machine()}`);
  const world = await createWorld();
  try {
    const results: Record<Subject, Array<{ answerMs: number; readyMs: number }>> = { tashil: [], baseline: [] };
    // Interleaved, so both see the same machine; the first start of each warms the disk cache.
    for (let i = 0; i <= STARTS; i++) {
      for (const subject of ["baseline", "tashil"] as const) {
        const prefix = `${world.prefix}-${subject}-${i}`;
        const result = await once(subject, (apiRoot) => environment(subject, apiRoot, world, { REDIS_PREFIX: prefix }));
        await clearRedisPrefix(prefix, REDIS_URL);
        if (i > 0) results[subject].push(result);
      }
    }
    const line = (label: string, subject: Subject) => {
      const answers = results[subject].map((r) => r.answerMs);
      const ready = results[subject].map((r) => r.readyMs);
      log(
        `${label.padEnd(34)} first answer median ${(median(answers) / 1000).toFixed(2)} s (min ${(Math.min(...answers) / 1000).toFixed(2)}, max ${(Math.max(...answers) / 1000).toFixed(2)}); ready line ${(median(ready) / 1000).toFixed(2)} s`,
      );
    };
    log("");
    line("tashil (node dist/main.js)", "tashil");
    line("baseline (bare grammY + Redis)", "baseline");
    const tashil = median(results.tashil.map((r) => r.answerMs));
    const baseline = median(results.baseline.map((r) => r.answerMs));
    log(`ratio tashil / baseline            ${(tashil / baseline).toFixed(2)}`);
    log(`goal ≤ ${(GOAL_MS / 1000).toFixed(1)} s                        ${tashil <= GOAL_MS ? "OK" : "ABOVE GOAL"}`);
    process.exitCode = tashil <= GOAL_MS ? 0 : 2;
  } finally {
    await world.dispose();
  }
}

await main();
