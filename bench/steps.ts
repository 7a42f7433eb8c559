/**
 * Where a journey's CPU goes, step by step: the real bot process (`node dist/main.js`, as the
 * throughput benchmark runs it) while N producers walk registration and a report in lock step
 * (every producer takes step k, all wait, then step k + 1); prints the process's CPU time per
 * update of each step, and the journey's total. Not a test: a map for whoever makes it faster.
 *
 *   npm run bench:steps            # builds dist/ first; BENCH_PRODUCERS (200), BENCH_WARMUP (100)
 */
import { writeFileSync } from "node:fs";
import { FakeBotApi } from "../test/support/fake-bot-api";
import { Chats, runProducers, runProducersInStep, UPDATES_PER_PRODUCER } from "./load";
import { cpuMs, createWorld, environment, log, machine, sleep, start, TOKEN } from "./support";

const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 200);
/** Producers walked before the measured ones (not measured): the steps are costed warm, as bench:throughput does. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);

async function main(): Promise<void> {
  log(`CPU per step: ${PRODUCERS} producers in lock step × ${UPDATES_PER_PRODUCER} steps; ${machine()}`);
  const world = await createWorld({ secretariatChat: 8_000_000 });
  const fake = new FakeBotApi({ token: TOKEN });
  const apiRoot = await fake.start();
  const chats = new Chats(fake);
  try {
    const started = await start("tashil", environment("tashil", apiRoot, world));
    try {
      await sleep(500);
      const firstId = 1_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
      await runProducers(chats, "tashil", WARMUP, firstId);
      let cpu = 0;
      let methodsBefore = new Map(chats.methods);
      let t = 0;
      let label = "";
      let total = 0;
      const rows: string[] = [];
      // BENCH_STEP_MARKS=<file>: each step's start on the monotonic clock (µs), the base of a
      // --cpu-prof profile's timestamps, to cut a profile of the bot into its steps.
      const marks: string[] = [];
      await runProducersInStep(chats, PRODUCERS, firstId + WARMUP, (step, next) => {
        const nowCpu = cpuMs(started.pid);
        const now = performance.now();
        if (step > 0) {
          const perUpdate = (nowCpu - cpu) / PRODUCERS;
          total += perUpdate;
          const made = [...chats.methods].map(([method, n]) => [method, (n - (methodsBefore.get(method) ?? 0)) / PRODUCERS] as const).filter(([, n]) => n > 0);
          rows.push(
            `${String(step).padStart(2)}  ${label.padEnd(24)} ${perUpdate.toFixed(2).padStart(6)} ms CPU/update  ${((now - t) / PRODUCERS).toFixed(2).padStart(6)} ms wall/update  ${made.map(([method, n]) => `${method} ${n.toFixed(1)}`).join(", ")}`,
          );
        }
        marks.push(`${process.hrtime.bigint() / 1000n} ${step} ${Date.now()} ${next}`);
        methodsBefore = new Map(chats.methods);
        cpu = nowCpu;
        t = now;
        label = next;
      });
      if (process.env.BENCH_STEP_MARKS) writeFileSync(process.env.BENCH_STEP_MARKS, `${marks.join("\n")}\n`);
      for (const row of rows) log(row);
      log(`journey: ${total.toFixed(1)} ms CPU (${(total / UPDATES_PER_PRODUCER).toFixed(2)} ms per update)`);
    } finally {
      await started.stop();
    }
  } finally {
    await fake.stop();
    await world.dispose();
  }
}

await main();
