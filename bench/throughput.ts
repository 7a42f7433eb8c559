/**
 * Throughput benchmark: N producers at once walk registration and a report to a submitted
 * case (21 updates each, every step waiting for its answer; bench/load.ts) against the real
 * bot process as production runs it (`node dist/main.js`, workers in-process, one secretariat
 * member alerted per case through the outbox) and the fake Bot API over HTTP; then the same
 * updates against the bare-grammY baseline (bench/baseline-bot.mjs: a Redis session, one
 * message per update) in the same run. Prints updates/s and CPU ms per update of both, and
 * the ratios.
 *
 *   npm run bench:throughput       # builds dist/ first
 *
 * Options (environment): BENCH_PRODUCERS (200), BENCH_WARMUP (100 producers, 2,100 updates, not
 * timed: both processes are measured warm — with 10, the baseline's timed second was mostly
 * its JIT compiling, and its CPU per update read 0.33 ms against 0.21 ms warm, which made
 * Tashil's ratios look better than they are),
 * BENCH_ROUNDS (3: baseline and Tashil alternate this many times; a baseline run lasts ~2 s, so
 * one round's ratio moves with the machine, and the medians of the rounds are the figures),
 * TEST_POSTGRES_URL,
 * REDIS_URL, BENCH_NODE_ARGS (node options for Tashil, e.g. --cpu-prof).
 * Goals: Tashil's updates/s ≥ 0.5 × the baseline's; its CPU per update ≤ 4 × the baseline's.
 * Exit code 0 when the medians of the rounds are within both goals, 2 otherwise.
 */
import { UPDATES_PER_PRODUCER } from "./load";
import { measure, type RunResult } from "./measure";
import { log, machine, median } from "./support";

const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function describe(label: string, result: RunResult): string {
  const perSecond = result.updates / (result.elapsedMs / 1000);
  return `${label.padEnd(32)} ${perSecond.toFixed(0).padStart(6)} updates/s  ${(result.cpuMs / result.updates).toFixed(2).padStart(6)} ms CPU/update  (${result.updates} updates in ${(result.elapsedMs / 1000).toFixed(1)} s, ${(result.apiRequests / result.updates).toFixed(2)} Bot API requests/update${result.sqlTransactions ? `, ${(result.sqlTransactions / result.updates).toFixed(2)} SQL transactions/update` : ""})`;
}

async function main(): Promise<void> {
  log(`Throughput benchmark: ${PRODUCERS} producers × ${UPDATES_PER_PRODUCER} updates (registration + report), ${WARMUP} warm-up producers; ${machine()}`);
  const throughputRatios: number[] = [];
  const cpuRatios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const baseline = await measure("baseline", { producers: PRODUCERS, warmup: WARMUP, settleMs: 500 });
    const tashil = await measure("tashil", { producers: PRODUCERS, warmup: WARMUP, settleMs: 500 });
    const rate = (r: RunResult) => r.updates / (r.elapsedMs / 1000);
    const cpu = (r: RunResult) => r.cpuMs / r.updates;
    const throughputRatio = rate(tashil) / rate(baseline);
    const cpuRatio = cpu(tashil) / cpu(baseline);
    throughputRatios.push(throughputRatio);
    cpuRatios.push(cpuRatio);
    log("");
    if (ROUNDS > 1) log(`round ${round}`);
    log(describe("tashil (node dist/main.js)", tashil));
    log(describe("baseline (bare grammY + Redis)", baseline));
    log(`throughput tashil / baseline     ${throughputRatio.toFixed(2)} (goal ≥ 0.5) ${throughputRatio >= 0.5 ? "OK" : "BELOW GOAL"}`);
    log(`CPU/update tashil / baseline     ${cpuRatio.toFixed(2)} (goal ≤ 4) ${cpuRatio <= 4 ? "OK" : "ABOVE GOAL"}`);
  }
  const throughput = median(throughputRatios);
  const cpu = median(cpuRatios);
  if (ROUNDS > 1) {
    log("");
    log(`median of ${ROUNDS} rounds: throughput ${throughput.toFixed(2)} (goal ≥ 0.5) ${throughput >= 0.5 ? "OK" : "BELOW GOAL"}, CPU/update ${cpu.toFixed(2)} (goal ≤ 4) ${cpu <= 4 ? "OK" : "ABOVE GOAL"}`);
  }
  const ok = throughput >= 0.5 && cpu <= 4;
  log(`machine after the run: ${machine()}`);
  process.exitCode = ok ? 0 : 2;
}

await main();
