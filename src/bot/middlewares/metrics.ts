import type { Context, Middleware } from "grammy";
import { updateType, type Metrics } from "../../metrics";
import { UpdateInProgressError } from "./dedupe";

/**
 * Counts and times every update (tashil_updates_total, tashil_update_duration_seconds): memory
 * only, no PostgreSQL or Redis call. `taken` runs first; each `mark(outcome)` placed in the
 * chain records what the outcome is if the update goes no further than that point (the dedupe
 * drops a copy before "limited", the inbound limit before "handled"); `failures`, inside the
 * error boundary, turns a failure the boundary will answer into "error".
 */
export type UpdateOutcome = "duplicate" | "limited" | "handled" | "error";

export function countUpdates(metrics: Pick<Metrics, "updates" | "updateDuration">) {
  const outcomes = new WeakMap<Context, UpdateOutcome>();
  const taken: Middleware<Context> = async (ctx, next) => {
    const started = performance.now();
    outcomes.set(ctx, "duplicate");
    let outcome: UpdateOutcome | undefined;
    try {
      await next();
    } catch (error) {
      // A webhook copy of an update another process is handling (answered 503) is a copy.
      outcome = error instanceof UpdateInProgressError ? "duplicate" : "error";
      throw error;
    } finally {
      const type = updateType(ctx.update);
      metrics.updates.inc({ type, outcome: outcome ?? outcomes.get(ctx) ?? "handled" });
      metrics.updateDuration.observe({ type }, (performance.now() - started) / 1000);
    }
  };
  const mark =
    (outcome: UpdateOutcome): Middleware<Context> =>
    (ctx, next) => {
      outcomes.set(ctx, outcome);
      return next();
    };
  const failures: Middleware<Context> = async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      outcomes.set(ctx, "error");
      throw error;
    }
  };
  return { taken, mark, failures };
}
