/**
 * Fault benchmark: the real processes (src/main.ts the bot, src/worker.ts the workers, as
 * child processes the way the end-to-end tests start them) through six faults, counting what
 * a user or the secretariat would notice:
 *
 *   1. SIGKILL of the bot between the case commits and the replies, for a burst of submits
 *   2. the same webhook update posted several times, in sequence and at once (one process
 *      and two)
 *   3. FLUSHDB of Redis (a private redis-server) with producers mid-report and notices queued
 *   4. network faults on the Bot API, whose URL holds the token: connections dropped
 *      mid-request, then the Bot API down (connection refused) and back
 *   5. a 5 MB webhook body (with content-length, and chunked)
 *   6. a user sending 200 updates in 2 s while another user is served
 *
 *   npm run bench:faults
 *
 * One line per fault as it goes (what was injected, what was seen), then, last:
 *   reports lost N, reports doubled N, notices lost N, notices doubled N, secrets in logs N, unanswered updates N
 * Exit code 1 when any count is not zero or a fault could not be carried out as intended.
 *
 * Each fault has its own fake Bot API, database (cloned from a template migrated with
 * `prisma migrate deploy`), Redis prefix (on REDIS_URL / TEST_REDIS_URL, default
 * redis://127.0.0.1:6379; fault 3 on a redis-server of its own on a free port), all removed at
 * the end, on failure too. Options (environment): BENCH_ONLY=1,3 runs some faults only;
 * TEST_POSTGRES_URL (postgresql://postgres@127.0.0.1:5432/postgres); BENCH_DEBUG=1 prints
 * stray rejections.
 *
 * It reuses test/support (createWorld, FakeBotApi, BotProcess, TestRedisServer, the global
 * setup); "vitest", which test/support/env.ts imports for inject(), resolves to a stand-in
 * (bench/faults/vitest-hooks.mjs), hence the dynamic imports below.
 */
import { register } from "node:module";
import os from "node:os";

register("./faults/vitest-hooks.mjs", import.meta.url);

const { FAULTS } = await import("./faults/scenarios");
const { addCounts, anyCount, countsLine, noCounts, prepareTemplateDatabase, Scope, withTimeout } = await import("./faults/support");

const FAULT_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 8 * 60_000;
const log = (line: string) => process.stdout.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((part) => Number(part.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const selected = FAULTS.map((fault, index) => ({ fault, number: index + 1 })).filter(({ number }) => only.length === 0 || only.includes(number));

const total = noCounts();
let failed = false;
let teardown: (() => Promise<void>) | undefined;
let open: InstanceType<typeof Scope> | undefined;

// A fault that timed out leaves its waits behind; they reject once its processes are gone.
process.on("unhandledRejection", (reason) => {
  if (process.env.BENCH_DEBUG) log(`  (stray rejection: ${String(reason)})`);
});

async function cleanUpAndExit(why: string, code: number): Promise<never> {
  log(why);
  await open?.close().catch(() => undefined);
  await teardown?.().catch(() => undefined);
  log(countsLine(total));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUpAndExit(`interrupted (${signal}): cleaning up`, 1));
setTimeout(() => void cleanUpAndExit(`the run took longer than ${secs(RUN_TIMEOUT_MS)}: cleaning up`, 1), RUN_TIMEOUT_MS).unref();

try {
  log(`Fault benchmark: ${selected.length} faults, real processes (src/main.ts, src/worker.ts) against a fake Bot API`);
  teardown = await prepareTemplateDatabase();
  for (const { fault, number } of selected) {
    const scope = new Scope();
    open = scope;
    const faultStarted = Date.now();
    let seen: string;
    try {
      seen = await withTimeout(fault.run(scope), FAULT_TIMEOUT_MS, `fault ${number}`);
    } catch (error) {
      scope.fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
      seen = "could not be carried out";
    }
    await scope.close();
    open = undefined;
    addCounts(total, scope.counts);
    log(`${number}. ${fault.name} (${secs(Date.now() - faultStarted)}): ${seen}`);
    if (process.env.BENCH_DEBUG) log(`   time: ${scope.phases.join(", ")}`);
    if (anyCount(scope.counts)) log(`   counts: ${countsLine(scope.counts)}`);
    for (const where of scope.secretsFound) log(`   token in ${where}`);
    for (const failure of scope.failures) log(`   FAILED: ${failure.split("\n").slice(0, 12).join("\n   ")}`);
    if (scope.failures.length > 0) failed = true;
  }
} catch (error) {
  log(`the benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  failed = true;
} finally {
  await teardown?.().catch((error: unknown) => log(`could not drop the databases: ${String(error)}`));
  teardown = undefined;
}

log(`ran in ${secs(process.uptime() * 1000)} on Node ${process.versions.node}, ${os.cpus().length} cores (load average ${os.loadavg()[0]?.toFixed(1)})`);
log(countsLine(total));
process.exit(failed || anyCount(total) ? 1 : 0);
