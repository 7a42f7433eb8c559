// The session drafts are written behind (src/services/drafts.ts): queued per key, the newest
// wins, one statement writes every queued draft, a failed write is queued again under anything
// newer, and close() writes what is left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db";
import { createDraftWriter, loadSessionDraft } from "../../src/services/drafts";
import { createTestEnv, type TestEnv } from "../support/env";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ workingGroups: ["KRM"] });
});
afterAll(async () => {
  await env.cleanup();
});

const flow = (step: string) => ({ name: "report", step, data: { category: "tax" }, history: [] });
const stored = (key: string) => env.container.db.sessionDraft.findUnique({ where: { key } });

describe("the draft writer", () => {
  it("writes every queued draft in one flush, the newest per key, and deletes ended flows", async () => {
    const writer = createDraftWriter(env.container, 60_000);
    await env.container.db.sessionDraft.create({ data: { key: "session:3", flow: flow("agency") } });
    writer.put("session:1", flow("category"));
    writer.put("session:1", flow("agency"));
    writer.put("session:2", flow("description"));
    writer.put("session:3", null);
    expect(writer.queued("session:1")).toMatchObject({ step: "agency" });
    expect(writer.queued("session:3")).toBeNull();
    expect(writer.queued("session:4")).toBeUndefined();
    expect(await stored("session:1")).toBeNull(); // nothing written before the flush
    await writer.flush();
    expect((await stored("session:1"))?.flow).toMatchObject({ step: "agency" });
    expect((await stored("session:2"))?.flow).toMatchObject({ step: "description" });
    expect(await stored("session:3")).toBeNull();
    expect(writer.queued("session:1")).toBeUndefined();
    expect(await loadSessionDraft(env.container, "session:2", 60_000)).toMatchObject({ step: "description" });
    await writer.close();
  });

  it("writes by itself after the interval", async () => {
    const writer = createDraftWriter(env.container, 20);
    writer.put("session:10", flow("amount"));
    await expect.poll(async () => (await stored("session:10"))?.flow, { timeout: 5_000 }).toMatchObject({ step: "amount" });
    await writer.close();
  });

  it("keeps a failed write queued (under anything newer) and writes it once PostgreSQL answers", async () => {
    const { db: brokenDb, sql: broken } = createDatabase("postgresql://postgres@127.0.0.1:1/nowhere");
    const sql = { current: broken };
    const warnings: string[] = [];
    const logger = { ...env.container.logger, warn: (_o: unknown, message: string) => void warnings.push(message), info: () => undefined } as unknown as TestEnv["container"]["logger"];
    const writer = createDraftWriter({ get sql() { return sql.current; }, now: env.container.now, logger }, 60_000);
    writer.put("session:20", flow("category"));
    writer.put("session:21", flow("agency"));
    await writer.flush();
    expect(warnings).toHaveLength(1);
    expect(writer.queued("session:20")).toMatchObject({ step: "category" });
    writer.put("session:20", flow("review")); // newer than the failed one
    sql.current = env.container.sql;
    await writer.flush();
    expect((await stored("session:20"))?.flow).toMatchObject({ step: "review" });
    expect((await stored("session:21"))?.flow).toMatchObject({ step: "agency" });
    expect(writer.queued("session:21")).toBeUndefined();
    await writer.close();
    await brokenDb.$disconnect();
  });

  it("close() writes what is still queued, and a put after it is written at once", async () => {
    const writer = createDraftWriter(env.container, 60_000);
    writer.put("session:30", flow("attachments"));
    await writer.close();
    expect((await stored("session:30"))?.flow).toMatchObject({ step: "attachments" });
    writer.put("session:31", flow("review"));
    await expect.poll(async () => (await stored("session:31"))?.flow, { timeout: 5_000 }).toMatchObject({ step: "review" });
  });
});
