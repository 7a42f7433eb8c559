import { Writable } from "node:stream";
import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { attachDeps } from "../../src/bot/middlewares/deps";
import type { BotContext } from "../../src/bot/context";
import type { Deps } from "../../src/deps";
import { createLogger } from "../../src/logger";

/** A logger writing its JSON lines to an array. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: createLogger("info", {}, stream), lines };
}

describe("the logger", () => {
  it("never writes a phone number a failed Bot API call was sending", () => {
    const { logger, lines } = capture();
    const failure = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 400, description: "Bad Request: message is too long" },
      "sendMessage",
      { chat_id: 42, text: "Reporter: Reza Karimi\nPhone: 09121234567" },
    );
    // As the error boundary and the per-update child loggers log it.
    logger.child({ updateId: 1 }).warn({ err: failure }, "Bot API call failed while handling an update");
    const line = JSON.parse(lines.join("")) as { err: Record<string, unknown> };
    expect(lines.join("")).not.toContain("09121234567");
    // What helps debugging stays: which call failed and why.
    expect(line.err).toMatchObject({ method: "sendMessage", error_code: 400, description: "Bad Request: message is too long" });
  });

  it("redacts phone numbers and tokens in the logged fields", () => {
    const { logger, lines } = capture();
    logger.info({ phone: "09121234567", user: { phone: "09351234567" }, token: "123:abc" }, "x");
    expect(lines.join("")).not.toMatch(/0912|0935|123:abc/);
  });

  it("gives each update a child logger with its update and user, made only when a handler logs", async () => {
    const { logger, lines } = capture();
    let children = 0;
    const counting = Object.assign(Object.create(logger) as typeof logger, {
      child: (...args: Parameters<typeof logger.child>) => {
        children += 1;
        return logger.child(...args);
      },
    });
    const middleware = attachDeps({ logger: counting } as unknown as Deps);
    const update = (id: number) => ({ update: { update_id: id }, from: { id: 4242 } }) as unknown as BotContext;
    await middleware(update(1), async () => undefined);
    expect(children).toBe(0);
    const ctx = update(2);
    await middleware(ctx, async () => {
      ctx.logger.info("case submitted");
      ctx.logger.info("and again");
    });
    expect(children).toBe(1);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([
      { updateId: 2, userId: 4242, msg: "case submitted" },
      { updateId: 2, userId: 4242, msg: "and again" },
    ]);
  });
});
