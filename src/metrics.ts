import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics: one registry per process, built by createMetrics (the
 * container calls it; tests build several, so nothing here is global or registered at import).
 * The counters and histograms are moved on the hot path by plain in-memory increments (no I/O);
 * the gauges of shared state (outbox, queues, unopened critical cases) are read only when
 * Prometheus scrapes, by the collectors the container attaches (src/metrics-collectors.ts).
 * What each metric means is in README's "Operations → Metrics and dashboards".
 */

/** Seconds: an update is answered in tens of milliseconds; a slow one waits on PostgreSQL. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds: a send is ~100 ms; a report job can take a minute. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** Seconds a timer ran after its due time: under a second normally; minutes during an outage. */
const LATENESS_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];

export interface ScrapeSources {
  /** Outbox rows by status, and the age of the oldest undelivered notice (one SQL query). */
  outbox(): Promise<{ byStatus: Record<string, number>; oldestPendingAgeSeconds: number }>;
  /** BullMQ job counts per queue and state. */
  queues(): Promise<Record<string, Record<string, number>>>;
  /** Critical cases the secretariat has not opened although their re-alert time has passed. */
  criticalUnopened(): Promise<number>;
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const metrics = {
    registry,
    updates: new Counter({
      name: "tashil_updates_total",
      help: "Updates the bot took, by update type and outcome (handled, error, duplicate, limited)",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    updateDuration: new Histogram({
      name: "tashil_update_duration_seconds",
      help: "Time from taking an update to the end of its handling, by update type",
      labelNames: ["type"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    apiCalls: new Counter({
      name: "tashil_bot_api_calls_total",
      help: "Bot API calls by method and status (ok, the error code, or network), every attempt counted",
      labelNames: ["method", "status"] as const,
      registers,
    }),
    apiRetryAfter: new Counter({
      name: "tashil_bot_api_retry_after_seconds_total",
      help: "Seconds of retry_after the Bot API asked for in its 429 answers (the time we then waited)",
      labelNames: ["method"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "tashil_job_duration_seconds",
      help: "Time a job ran in a worker, by queue and outcome (completed, failed)",
      labelNames: ["queue", "outcome"] as const,
      buckets: JOB_BUCKETS,
      registers,
    }),
    timerLateness: new Histogram({
      name: "tashil_timer_lateness_seconds",
      help: "How long after its due time a timer job started (processedOn - timestamp - delay), by timer type",
      labelNames: ["type"] as const,
      buckets: LATENESS_BUCKETS,
      registers,
    }),
    sessionMisses: new Counter({
      name: "tashil_session_misses_total",
      help: "Sessions not found in Redis (new users, or sessions Redis lost), looked up in PostgreSQL",
      registers,
    }),
    draftsRestored: new Counter({
      name: "tashil_session_drafts_restored_total",
      help: "Flow drafts read back from PostgreSQL because Redis no longer had the session",
      registers,
    }),
    scrapeErrors: new Counter({
      name: "tashil_scrape_errors_total",
      help: "Scrape-time collectors that failed (PostgreSQL or Redis unreachable), by collector",
      labelNames: ["collector"] as const,
      registers,
    }),
    /** Attaches the gauges read at scrape time; called once, by the container. */
    attach(sources: ScrapeSources): void {
      const guarded = async (collector: string, work: () => Promise<void>) => {
        try {
          await work();
        } catch {
          // The gauge keeps its last value; the failure is counted (the outage is logged elsewhere).
          metrics.scrapeErrors.inc({ collector });
        }
      };
      // Both outbox gauges come from one query: the first gauge's collect starts it, the other
      // joins it.
      const outbox = sharedPerScrape(() => sources.outbox());
      new Gauge({
        name: "tashil_outbox_rows",
        help: "Outbox rows by status",
        labelNames: ["status"] as const,
        registers,
        async collect() {
          await guarded("outbox", async () => {
            const stats = await outbox();
            this.reset();
            for (const [status, count] of Object.entries(stats.byStatus)) this.set({ status }, count);
          });
        },
      });
      new Gauge({
        name: "tashil_outbox_oldest_pending_age_seconds",
        help: "Age of the oldest outbox row not yet delivered (PENDING or QUEUED), broadcasts excluded; 0 when none",
        registers,
        async collect() {
          await guarded("outbox", async () => this.set((await outbox()).oldestPendingAgeSeconds));
        },
      });
      new Gauge({
        name: "tashil_queue_jobs",
        help: "BullMQ jobs by queue and state (waiting, prioritized, active, delayed, failed, completed, paused)",
        labelNames: ["queue", "state"] as const,
        registers,
        async collect() {
          await guarded("queues", async () => {
            const counts = await sources.queues();
            this.reset();
            for (const [queue, states] of Object.entries(counts)) {
              for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
            }
          });
        },
      });
      new Gauge({
        name: "tashil_critical_cases_unopened_past_realert",
        help: "Critical cases still unopened by the secretariat after their re-alert time",
        registers,
        async collect() {
          await guarded("critical", async () => this.set(await sources.criticalUnopened()));
        },
      });
    },
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The same promise for calls made while one is in flight: a scrape collects every gauge at once
 * (prom-client's registry.metrics() runs their collect() together), so one query serves them.
 */
function sharedPerScrape<T>(load: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/** The update's type: the one field of an Update besides update_id ("message", "callback_query"…). */
export function updateType(update: object): string {
  for (const key of Object.keys(update)) if (key !== "update_id") return key;
  return "unknown";
}
