/**
 * Issue 15 item 2: the queue dashboard (bull-board) on the real HTTP server and the real queues:
 * absent unless turned on, 401 without the secret (basic auth for a browser, or a bearer token),
 * 200 with it, and read-only unless QUEUE_DASHBOARD_WRITE=true: a retry is refused and the
 * failed job stays failed; with writes allowed the same retry runs the job again.
 */
import { UnrecoverableError } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config";
import { registerTimerHandler, timerHandlers } from "../../src/jobs/timers";
import { startWorkers, type RunningWorkers } from "../../src/jobs/workers";
import { createOperationsHttp, QUEUE_DASHBOARD_PATH } from "../../src/operations-http";
import { createHttpServer, type HttpServer } from "../../src/server";
import { createTestEnv, type TestEnv } from "../support/env";

const SECRET = "dashboard_secret_for_tests_0123";
const basic = (password: string) => `Basic ${Buffer.from(`operator:${password}`).toString("base64")}`;

let env: TestEnv;
let server: HttpServer | undefined;
let workers: RunningWorkers | undefined;
let runs = 0;
const realHandler = timerHandlers["meeting-reminder"];

beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"] });
  // A timer that fails for good on its first run and succeeds on a retry (the handler table is
  // the real one; this type is the test's own).
  registerTimerHandler("meeting-reminder", async () => {
    runs += 1;
    if (runs === 1) throw new UnrecoverableError("fails once, on purpose");
  });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await workers?.close();
  workers = undefined;
});

afterAll(async () => {
  if (realHandler) registerTimerHandler("meeting-reminder", realHandler);
  await env?.cleanup();
});

async function serve(config: Partial<Config>): Promise<string> {
  server = createHttpServer(env.container, { operations: createOperationsHttp({ ...env.container, config: { ...env.config, ...config } }) });
  const address = await server.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${address.port}${QUEUE_DASHBOARD_PATH}`;
}

describe("the queue dashboard", () => {
  it("is not there unless QUEUE_DASHBOARD=on (the default is off)", async () => {
    expect(env.config.QUEUE_DASHBOARD).toBe("off");
    const base = await serve({});
    expect((await fetch(base)).status).toBe(404);
    expect((await fetch(`${base}/api/queues`, { headers: { authorization: basic(SECRET) } })).status).toBe(404);
  });

  it("refuses without the secret (401, asking a browser for basic auth) and serves with it", async () => {
    const base = await serve({ QUEUE_DASHBOARD: "on", QUEUE_DASHBOARD_TOKEN: SECRET });
    const anonymous = await fetch(base);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect((await fetch(base, { headers: { authorization: basic("wrong-secret-entirely") } })).status).toBe(401);
    expect((await fetch(`${base}/api/queues`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);

    const page = await fetch(`${base}/`, { headers: { authorization: basic(SECRET) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
    const api = await fetch(`${base}/api/queues`, { headers: { authorization: `Bearer ${SECRET}` } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(["deliveries", "timers"]);
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
  });

  it("is read-only by default: a retry is refused and the failed job stays failed; with writes on it runs again", async () => {
    workers = await startWorkers(env.container, { hooks: [], relay: false, deliveries: false });
    const job = await env.container.queues.timers.add("meeting-reminder", { type: "meeting-reminder", meetingId: 1, key: "dashboard" }, { jobId: "dashboard-retry" });
    await expect.poll(async () => job.getState(), { timeout: 10_000, interval: 50 }).toBe("failed");

    const readOnly = await serve({ QUEUE_DASHBOARD: "on", QUEUE_DASHBOARD_TOKEN: SECRET });
    const refused = await fetch(`${readOnly}/api/queues/timers/${job.id}/retry`, { method: "PUT", headers: { authorization: basic(SECRET) } });
    expect(refused.status).toBe(405);
    const refusedAll = await fetch(`${readOnly}/api/queues/timers/retry/failed`, { method: "PUT", headers: { authorization: basic(SECRET) } });
    expect(refusedAll.status).toBe(405);
    const refusedAdd = await fetch(`${readOnly}/api/queues/timers/add`, {
      method: "POST",
      headers: { authorization: basic(SECRET), "content-type": "application/json" },
      body: JSON.stringify({ name: "meeting-reminder", data: {}, options: {} }),
    });
    expect(refusedAdd.status).toBe(405);
    expect(await env.container.queues.timers.getJobCounts("waiting", "delayed", "prioritized")).toMatchObject({ waiting: 0, delayed: 0, prioritized: 0 });
    expect(await job.getState()).toBe("failed");
    expect(runs).toBe(1);
    await server?.close();

    const writable = await serve({ QUEUE_DASHBOARD: "on", QUEUE_DASHBOARD_TOKEN: SECRET, QUEUE_DASHBOARD_WRITE: true });
    const retried = await fetch(`${writable}/api/queues/timers/${job.id}/retry`, { method: "PUT", headers: { authorization: basic(SECRET) } });
    expect(retried.status).toBeLessThan(300);
    await expect.poll(async () => job.getState(), { timeout: 10_000, interval: 50 }).toBe("completed");
    expect(runs).toBe(2);
  });
});
