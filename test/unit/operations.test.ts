import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { configSecrets, parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { presentedSecret } from "../../src/operations-http";
import { createOutageTracker, isConnectionError } from "../../src/outage-log";

const BASE = { BOT_TOKEN: "123456789:TEST_token_for_tashil_tests_only", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x" };

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { stream, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" });

afterEach(() => {
  vi.useRealTimers();
});

describe("the outage tracker", () => {
  it("logs the first connection error, a summary a minute, and the recovery; nothing else", () => {
    vi.useFakeTimers();
    const { stream, parsed } = capture();
    const tracker = createOutageTracker(createLogger("info", {}, stream), "Redis");
    for (let i = 0; i < 200; i += 1) tracker.error(refused(), { client: "redis" });
    expect(parsed().map((line) => line.msg)).toEqual(["Redis unreachable, retrying"]);
    expect(tracker.down).toBe(true);
    vi.advanceTimersByTime(60_000);
    for (let i = 0; i < 5; i += 1) tracker.error(refused());
    vi.advanceTimersByTime(60_000);
    // A minute with nothing suppressed writes nothing.
    vi.advanceTimersByTime(60_000);
    tracker.up();
    tracker.up();
    const lines = parsed();
    expect(lines.map((line) => line.msg)).toEqual([
      "Redis unreachable, retrying",
      "Redis still unreachable, 199 errors suppressed",
      "Redis still unreachable, 5 errors suppressed",
      "Redis reachable again",
    ]);
    expect(lines[3]).toMatchObject({ errors: 205, dependency: "Redis", level: 30 });
    expect(tracker.down).toBe(false);
    // A second outage is told again from its start.
    tracker.error(refused());
    expect(parsed().at(-1)?.msg).toBe("Redis unreachable, retrying");
    tracker.stop();
  });

  it("logs errors that are not about reaching the dependency one line each", () => {
    const { stream, parsed } = capture();
    const tracker = createOutageTracker(createLogger("info", {}, stream), "Redis");
    tracker.error(new Error("ERR Error running script"), { queue: "timers" }, "worker error");
    tracker.error(new Error("ERR Error running script"), { queue: "timers" }, "worker error");
    expect(parsed().map((line) => [line.msg, line.level])).toEqual([
      ["worker error", 50],
      ["worker error", 50],
    ]);
    expect(tracker.down).toBe(false);
  });

  it("knows connection errors by code, name, message and cause", () => {
    expect(isConnectionError(refused())).toBe(true);
    expect(isConnectionError(new Error("Connection is closed."))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("x"), { name: "MaxRetriesPerRequestError" }))).toBe(true);
    expect(isConnectionError(new Error("outer", { cause: refused() }))).toBe(true);
    expect(isConnectionError(new AggregateError([refused()]))).toBe(true);
    expect(isConnectionError(new Error("Unique constraint failed"))).toBe(false);
  });
});

describe("operations configuration", () => {
  it("keeps /metrics and the dashboard closed by default", () => {
    const config = parseConfig(BASE);
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.METRICS_PORT).toBeUndefined();
    expect(config.METRICS_HOST).toBe("127.0.0.1");
    expect(config.QUEUE_DASHBOARD).toBe("off");
    expect(config.QUEUE_DASHBOARD_WRITE).toBe(false);
  });

  it("refuses a dashboard without its secret, and short secrets", () => {
    expect(() => parseConfig({ ...BASE, QUEUE_DASHBOARD: "on" })).toThrow(/QUEUE_DASHBOARD_TOKEN is required when QUEUE_DASHBOARD=on/);
    expect(() => parseConfig({ ...BASE, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(parseConfig({ ...BASE, QUEUE_DASHBOARD: "on", QUEUE_DASHBOARD_TOKEN: "a-long-enough-secret" }).QUEUE_DASHBOARD).toBe("on");
  });

  it("never logs the metrics token, the dashboard secret or an Authorization header", () => {
    const metricsToken = "metrics-token-0123456789abcdef";
    const dashboardToken = "dashboard-token-0123456789abcdef";
    const config = parseConfig({ ...BASE, METRICS_TOKEN: metricsToken, QUEUE_DASHBOARD: "on", QUEUE_DASHBOARD_TOKEN: dashboardToken });
    const { stream, lines } = capture();
    const logger = createLogger("info", {}, stream, { secrets: configSecrets(config) });
    logger.warn({ headers: { authorization: `Bearer ${metricsToken}` } }, `request with ${dashboardToken}`);
    logger.error({ err: new Error(`failed: Basic ${Buffer.from(`u:${dashboardToken}`).toString("base64")} ${metricsToken}`) }, "x");
    logger.info({ authorization: "Basic b3BlcmF0b3I6c2VjcmV0" }, "y");
    const text = lines.join("\n");
    expect(text).not.toContain(metricsToken);
    expect(text).not.toContain(dashboardToken);
    expect(text).not.toContain("b3BlcmF0b3I6c2VjcmV0");
  });

  it("reads a bearer token or a basic-auth password", () => {
    expect(presentedSecret("Bearer abc")).toBe("abc");
    expect(presentedSecret(`Basic ${Buffer.from("operator:pa:ss").toString("base64")}`)).toBe("pa:ss");
    expect(presentedSecret("Basic !!!")).toBeUndefined();
    expect(presentedSecret(undefined)).toBeUndefined();
    expect(presentedSecret("Token abc")).toBeUndefined();
  });
});

describe("the shipped dashboard and alert rules", () => {
  it("name only metrics the registry has", async () => {
    const { readFileSync } = await import("node:fs");
    const { createMetrics } = await import("../../src/metrics");
    const metrics = createMetrics();
    const none = async () => ({});
    metrics.attach({ outbox: async () => ({ byStatus: {}, oldestPendingAgeSeconds: 0 }), queues: none, criticalUnopened: async () => 0 });
    const text = ["deploy/grafana/tashil.json", "deploy/prometheus/alerts.yml"].map((file) => readFileSync(file, "utf8")).join("\n");
    const named = new Set([...text.matchAll(/\b(tashil_[a-z_]+|process_[a-z_]+|nodejs_[a-z0-9_]+)\b/g)].map((m) => m[1]!.replace(/_(bucket|count|sum)$/, "")));
    expect(named.size).toBeGreaterThan(10);
    for (const name of named) expect(metrics.registry.getSingleMetric(name), name).toBeDefined();
  });
});
