import { describe, expect, it } from "vitest";
import { outboxFlusher } from "../../src/jobs/outbox-relay";

/** A relay whose runs the test finishes by hand, recording when each started. */
function manualRelay() {
  const runs: Array<{ startedAfterFlush: number; finish: () => void }> = [];
  let flushes = 0;
  const relay = () =>
    new Promise<void>((resolve) => {
      runs.push({ startedAfterFlush: flushes, finish: resolve });
    });
  return { runs, relay, flushed: () => (flushes += 1) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("outboxFlusher", () => {
  it("runs one relay at a time and folds the flushes asked for meanwhile into one run after it", async () => {
    const { runs, relay, flushed } = manualRelay();
    const flush = outboxFlusher(relay, () => undefined);
    flushed();
    flush();
    await tick();
    expect(runs).toHaveLength(1);
    // 200 producers' commits while the first relay reads: no second relay side by side.
    for (let i = 0; i < 200; i++) {
      flushed();
      flush();
    }
    await tick();
    expect(runs).toHaveLength(1);
    runs[0]?.finish();
    await tick();
    // One more run, started after the last flush was asked for: every row committed before its
    // flush is read by a relay that began after it.
    expect(runs).toHaveLength(2);
    expect(runs[1]?.startedAfterFlush).toBe(201);
    runs[1]?.finish();
    await tick();
    expect(runs).toHaveLength(2);
    // Idle again: the next flush starts a run at once.
    flushed();
    flush();
    await tick();
    expect(runs).toHaveLength(3);
  });

  it("reports a failed relay and keeps flushing", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const flush = outboxFlusher(async () => {
      calls += 1;
      if (calls === 1) throw new Error("PostgreSQL went away");
    }, (error) => errors.push(error));
    flush();
    await tick();
    flush();
    await tick();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
