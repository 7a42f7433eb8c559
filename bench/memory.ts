/**
 * Memory benchmark: the resident memory (RSS) of the bot process as production runs it
 * (`node dist/main.js`, workers in-process), idle after its ready line and at its peak under
 * N producers walking registration and a report at once (bench/load.ts), beside the
 * bare-grammY baseline under the same load in the same run (bench/measure.ts samples both).
 *
 *   npm run bench:memory           # builds dist/ first
 *
 * Options (environment): BENCH_PRODUCERS (200), BENCH_WARMUP (10), TEST_POSTGRES_URL, REDIS_URL.
 * Goals: Tashil idle ≤ 120 MB, under load ≤ 200 MB. Exit code 0 within both, 2 otherwise.
 */
import { measure, type RunResult } from "./measure";
import { log, machine } from "./support";

const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const IDLE_GOAL_MB = 120;
const PEAK_GOAL_MB = 200;

const line = (label: string, r: RunResult) =>
  `${label.padEnd(32)} idle ${r.idleRssMb.toFixed(0).padStart(4)} MB   under load ${r.peakRssMb.toFixed(0).padStart(4)} MB   (${r.updates} updates)`;

async function main(): Promise<void> {
  log(`Memory benchmark: RSS idle and under ${PRODUCERS} producers at once; ${machine()}`);
  // Settled a few seconds: start-up garbage collected, the workers' first sweeps done.
  const baseline = await measure("baseline", { producers: PRODUCERS, warmup: WARMUP, settleMs: 3000 });
  const tashil = await measure("tashil", { producers: PRODUCERS, warmup: WARMUP, settleMs: 3000 });
  log("");
  log(line("tashil (node dist/main.js)", tashil));
  log(line("baseline (bare grammY + Redis)", baseline));
  const idleOk = tashil.idleRssMb <= IDLE_GOAL_MB;
  const peakOk = tashil.peakRssMb <= PEAK_GOAL_MB;
  log(`idle  goal ≤ ${IDLE_GOAL_MB} MB  ${idleOk ? "OK" : "ABOVE GOAL"} (ratio to baseline ${(tashil.idleRssMb / baseline.idleRssMb).toFixed(2)})`);
  log(`load  goal ≤ ${PEAK_GOAL_MB} MB  ${peakOk ? "OK" : "ABOVE GOAL"} (ratio to baseline ${(tashil.peakRssMb / baseline.peakRssMb).toFixed(2)})`);
  process.exitCode = idleOk && peakOk ? 0 : 2;
}

await main();
