/**
 * Memory benchmark: the resident memory (RSS) of the bot process as production runs it, idle
 * and at its peak under N producers walking registration and a report at once (bench/load.ts),
 * beside the bare-grammY baseline under the same load in the same run (bench/measure.ts
 * samples each). Two layouts of the bot:
 *   - the bot alone, `node dist/main.js --no-workers`: what compose runs (the job workers are
 *     their own process, `node dist/worker.js`), and what the goals are measured on;
 *   - bot and workers in one process, `node dist/main.js` (`npm start`, the smallest install),
 *     printed beside it: the workers add BullMQ's connections and Prisma's query compiler.
 *
 * "Idle" is read after BENCH_SETTLE_MS (15 s) without updates: V8's memory reducer starts
 * ~8 s after allocation stops (--gc-memory-reducer-start-delay-ms) and gives back the young
 * generation start-up grew; a reading sooner measures start-up, not idleness (the baseline
 * gets the same wait).
 *
 *   npm run bench:memory           # builds dist/ first
 *
 * Options (environment): BENCH_PRODUCERS (200), BENCH_WARMUP (10), BENCH_SETTLE_MS (15000),
 * TEST_POSTGRES_URL, REDIS_URL.
 * Goals (the bot alone): idle ≤ 120 MB, under load ≤ 200 MB. Exit code 0 within both, 2 otherwise.
 */
import { measure, type RunResult } from "./measure";
import { log, machine } from "./support";

const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 15_000);
const IDLE_GOAL_MB = 120;
const PEAK_GOAL_MB = 200;

const line = (label: string, r: RunResult) =>
  `${label.padEnd(40)} idle ${r.idleRssMb.toFixed(0).padStart(4)} MB   under load ${r.peakRssMb.toFixed(0).padStart(4)} MB   (${r.updates} updates)`;

async function main(): Promise<void> {
  log(`Memory benchmark: RSS idle (after ${SETTLE_MS / 1000} s) and under ${PRODUCERS} producers at once; ${machine()}`);
  const run = { producers: PRODUCERS, warmup: WARMUP, settleMs: SETTLE_MS };
  const baseline = await measure("baseline", run);
  const alone = await measure("tashil", { ...run, flags: ["--no-workers"] });
  const together = await measure("tashil", { ...run, flags: [] });
  log("");
  log(line("tashil bot (dist/main.js --no-workers)", alone));
  log(line("tashil bot + workers (dist/main.js)", together));
  log(line("baseline (bare grammY + Redis)", baseline));
  const idleOk = alone.idleRssMb <= IDLE_GOAL_MB;
  const peakOk = alone.peakRssMb <= PEAK_GOAL_MB;
  log(`idle  goal ≤ ${IDLE_GOAL_MB} MB (the bot)  ${idleOk ? "OK" : "ABOVE GOAL"} (ratio to baseline ${(alone.idleRssMb / baseline.idleRssMb).toFixed(2)})`);
  log(`load  goal ≤ ${PEAK_GOAL_MB} MB (the bot)  ${peakOk ? "OK" : "ABOVE GOAL"} (ratio to baseline ${(alone.peakRssMb / baseline.peakRssMb).toFixed(2)})`);
  process.exitCode = idleOk && peakOk ? 0 : 2;
}

await main();
