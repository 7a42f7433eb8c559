/**
 * One measured run of a subject under the producers' load (bench/load.ts): spawn it as
 * production would, let it settle, sample its resident memory idle, warm it up with a few
 * producers, then time N producers at once while sampling CPU time and memory. Shared by
 * bench/throughput.ts and bench/memory.ts.
 */
import { FakeBotApi } from "../test/support/fake-bot-api";
import { Chats, runProducers } from "./load";
import { cpuMs, createWorld, environment, sleep, start, TOKEN, treeRssMb, type Subject } from "./support";

export interface RunOptions {
  producers: number;
  warmup: number;
  /** How long the process idles after its ready line before the idle reading. */
  settleMs: number;
  /** The bot's own flags for this run (default: BENCH_TASHIL_ARGS). */
  flags?: readonly string[];
}

export interface RunResult {
  subject: Subject;
  updates: number;
  elapsedMs: number;
  cpuMs: number;
  readyMs: number;
  idleRssMb: number;
  peakRssMb: number;
  /** Transactions committed in the database during the timed run (see World.transactions). */
  sqlTransactions: number;
  /** HTTP requests the Bot API got during the timed run (getUpdates included). */
  apiRequests: number;
}

const SECRETARIAT_CHAT = 8_000_000;

export async function measure(subject: Subject, options: RunOptions): Promise<RunResult> {
  const world = await createWorld(subject === "tashil" ? { secretariatChat: SECRETARIAT_CHAT } : { database: false });
  const fake = new FakeBotApi({ token: TOKEN });
  const apiRoot = await fake.start();
  const chats = new Chats(fake);
  try {
    const started = await start(subject, environment(subject, apiRoot, world), { flags: options.flags });
    // Probed for readiness as compose's healthcheck does (every 10 s there; every 2 s here), so
    // what /readyz loads or keeps is in the figures too.
    const probe = started.httpPort
      ? setInterval(() => void fetch(`http://127.0.0.1:${started.httpPort}/readyz`).then((answer) => answer.arrayBuffer()).catch(() => undefined), 2_000)
      : undefined;
    try {
      await sleep(options.settleMs);
      const idle: number[] = [];
      for (let i = 0; i < 5; i++) {
        idle.push(treeRssMb(started.pid));
        await sleep(200);
      }
      const firstId = 1_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
      await runProducers(chats, subject, options.warmup, firstId);

      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, treeRssMb(started.pid));
      }, 100);
      const sqlBefore = await world.transactions();
      const requestsBefore = fake.stats.requests;
      const cpuBefore = cpuMs(started.pid);
      const t0 = performance.now();
      const updates = await runProducers(chats, subject, options.producers, firstId + options.warmup);
      const elapsedMs = performance.now() - t0;
      const cpu = cpuMs(started.pid) - cpuBefore;
      const apiRequests = fake.stats.requests - requestsBefore;
      clearInterval(sampler);
      peak = Math.max(peak, treeRssMb(started.pid));
      const sqlTransactions = (await world.transactions()) - sqlBefore;
      return { subject, updates, elapsedMs, cpuMs: cpu, readyMs: started.readyMs, idleRssMb: Math.max(...idle), peakRssMb: peak, sqlTransactions, apiRequests };
    } finally {
      clearInterval(probe);
      await started.stop();
    }
  } finally {
    await fake.stop();
    await world.dispose();
  }
}
