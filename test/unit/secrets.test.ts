import { Writable } from "node:stream";
import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { redactDeep, redactSecrets } from "../../src/domain/secrets";
import { createLogger } from "../../src/logger";

const TOKEN = "7123456789:AAH4fJ-secret_part_of_the_token_01234";
const SECRET_PART = "AAH4fJ-secret_part_of_the_token_01234";
/** What node-fetch says when the connection fails (grammY keeps it as HttpError.error). */
const fetchFailure = (root: string, token = TOKEN) =>
  Object.assign(new Error(`request to ${root}/bot${token}/sendMessage failed, reason: connect ECONNREFUSED 127.0.0.1:9`), {
    type: "system",
    code: "ECONNREFUSED",
  });

describe("redactSecrets", () => {
  it("removes the token from a Bot API URL, keeping the method that failed", () => {
    const text = redactSecrets(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`);
    expect(text).toBe("request to https://api.telegram.org/bot***/sendMessage failed");
  });

  it("removes a file URL's token and a percent-encoded one", () => {
    expect(redactSecrets(`https://tapi.bale.ai/file/bot${TOKEN}/documents/file_1.pdf`)).toBe("https://tapi.bale.ai/file/bot***/documents/file_1.pdf");
    expect(redactSecrets(`GET /bot${encodeURIComponent(TOKEN)}/getMe`)).toBe("GET /bot***/getMe");
  });

  it("removes bot<digits>:<secret> and a bare token anywhere in the text", () => {
    expect(redactSecrets(`token bot${TOKEN} was refused`)).toBe("token bot*** was refused");
    expect(redactSecrets(`BOT_TOKEN=${TOKEN}`)).toBe("BOT_TOKEN=***");
    expect(redactSecrets(`"${TOKEN}"`)).toBe('"***"');
  });

  it("removes the configured secrets whatever their shape", () => {
    const odd = "not-a-token-shape-secret_0123";
    expect(redactSecrets(`x ${odd} y ${encodeURIComponent("a b:c/d e-secret!")}`, [odd, "a b:c/d e-secret!"])).toBe("x *** y ***");
    // Too short to be a secret config.ts accepts: ordinary words are never redacted for it.
    expect(redactSecrets("the bot is up", ["bot"])).toBe("the bot is up");
  });

  it("removes a URL's password and nothing else of it", () => {
    expect(redactSecrets("connect postgresql://tashil:s3cr3t@db:5432/tashil failed")).toBe("connect postgresql://tashil:***@db:5432/tashil failed");
    expect(redactSecrets("redis://:pw123@cache:6379")).toBe("redis://:***@cache:6379");
  });

  it("leaves ordinary text alone, and is idempotent", () => {
    const ordinary = [
      "meeting at 07:00:00 on 1405/01/15, outbox-12 sent",
      "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "https://bot.example.ir/bottle/hook",
      "پرونده TSL-1405-00012 به دبیرخانه رسید",
      "Network request for 'sendMessage' failed!",
    ];
    for (const text of ordinary) expect(redactSecrets(text)).toBe(text);
    const once = redactSecrets(`https://api.telegram.org/bot${TOKEN}/getMe ${TOKEN}`, [TOKEN]);
    expect(redactSecrets(once, [TOKEN])).toBe(once);
    expect(once).not.toContain(SECRET_PART);
  });
});

describe("redactDeep", () => {
  it("redacts strings in nested objects, arrays and errors, keeping the shape", () => {
    const error = new HttpError("Network request for 'sendMessage' failed!", fetchFailure("https://api.telegram.org"));
    const value = redactDeep({ list: [TOKEN, { url: `/bot${TOKEN}/x` }], count: 3, when: new Date(0), error });
    const json = JSON.stringify(value);
    expect(json).not.toContain(SECRET_PART);
    expect(value).toMatchObject({ count: 3, when: "1970-01-01T00:00:00.000Z", error: { type: "HttpError", error: { code: "ECONNREFUSED" } } });
  });

  it("survives circular references", () => {
    const a: Record<string, unknown> = { token: TOKEN };
    a.self = a;
    expect(redactDeep(a)).toEqual({ token: "***", self: "[Circular]" });
  });
});

function capture(secrets: string[] = [TOKEN]) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: createLogger("debug", {}, stream, { secrets }), text: () => lines.join("") };
}

describe("the logger", () => {
  it("writes a network failure's cause without the token it carries", () => {
    const { logger, text } = capture();
    const error = new HttpError("Network request for 'sendMessage' failed!", fetchFailure("http://127.0.0.1:9"));
    logger.child({ outboxId: 1 }).warn({ err: error }, "delivery failed: will retry");
    logger.error({ error, nested: { cause: fetchFailure("http://x") } }, "again");
    const out = text();
    expect(out).not.toContain(SECRET_PART);
    // What helps debugging stays: which call, why, and where it went.
    expect(out).toContain("connect ECONNREFUSED");
    expect(out).toContain("http://127.0.0.1:9/bot***/sendMessage");
  });

  it("redacts the message, printf arguments and a child's bindings", () => {
    const { logger, text } = capture(["webhook_secret_0123456789"]);
    logger.child({ url: `https://h/bale/webhook_secret_0123456789` }).info(`calling /bot${TOKEN}/getMe for %s`, TOKEN);
    expect(text()).not.toMatch(/webhook_secret_0123456789|AAH4fJ/);
    expect(JSON.parse(text())).toMatchObject({ msg: "calling /bot***/getMe for ***", url: "https://h/bale/***" });
  });
});
