/**
 * A worker process for tests that kill workers: builds a container from the environment
 * (the same variables production uses) and runs startWorkers until SIGTERM (or SIGKILL).
 *
 *   node --import tsx test/support/worker-process.ts
 *
 * Test knobs (all optional):
 *   WORKER_LOCK_MS, WORKER_STALLED_MS  BullMQ lock / stalled-check timing, so a killed
 *                                      worker's jobs come back in seconds, not a minute
 *   WORKER_RELAY_MS                    relay loop interval
 *   WORKER_FREEZE_AFTER_CALLS=N        after N Bot API calls every further call hangs before
 *                                      it leaves the process (the jobs stay active, as in a
 *                                      worker killed mid-job); once the calls already sent
 *                                      have returned and a job hangs, it prints FROZEN
 *
 * Prints READY when the workers run; the parent reads stdout line by line.
 */
import type { Transformer } from "grammy";
import { createSenderApi } from "../../src/bot/api";
import { parseConfig } from "../../src/config";
import { createContainer } from "../../src/container";
import { startWorkers } from "../../src/jobs/workers";

const numberFromEnv = (name: string): number | undefined => {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : Number(value);
};

const config = parseConfig(process.env);
const api = createSenderApi(config);

const freezeAfter = numberFromEnv("WORKER_FREEZE_AFTER_CALLS");
if (freezeAfter !== undefined) {
  let calls = 0;
  let inFlight = 0;
  let hanging = 0;
  let frozen = false;
  let announced = false;
  // FROZEN means: the sends that left have returned, and at least one job is stuck mid-call.
  const announceWhenQuiet = () => {
    if (frozen && inFlight === 0 && hanging > 0 && !announced) {
      announced = true;
      process.stdout.write("FROZEN\n");
    }
  };
  const freeze: Transformer = async (prev, method, payload, signal) => {
    if (frozen || calls >= freezeAfter) {
      frozen = true;
      hanging += 1;
      announceWhenQuiet();
      return new Promise<never>(() => undefined);
    }
    calls += 1;
    inFlight += 1;
    try {
      return await prev(method, payload, signal);
    } finally {
      inFlight -= 1;
      if (calls >= freezeAfter) frozen = true;
      announceWhenQuiet();
    }
  };
  api.config.use(freeze);
}

const container = createContainer(config, { api });
const workers = await startWorkers(container, {
  lockDurationMs: numberFromEnv("WORKER_LOCK_MS"),
  stalledIntervalMs: numberFromEnv("WORKER_STALLED_MS"),
  relayIntervalMs: numberFromEnv("WORKER_RELAY_MS"),
  hooks: [],
});
process.stdout.write("READY\n");

process.once("SIGTERM", () => {
  void workers
    .close()
    .then(() => container.close())
    .finally(() => process.exit(0));
});
