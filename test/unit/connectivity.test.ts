// src/connectivity.ts on short clocks: the reason of each failure, the calm repeat, the end.
import net from "node:net";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BotApiUnreachable, reachBotApi } from "../../src/connectivity";
import { createLogger } from "../../src/logger";
import { LocalBotApi } from "../../src/local-bot-api";

const TOKEN = "123456789:TEST_token_for_tashil_tests_only";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger("info", {}, sink, { secrets: [TOKEN] }) };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const config = (root: string, timeoutMs: number) => ({ BOT_TOKEN: TOKEN, BOT_API_ROOT: root, BOT_API_PROXY: undefined, BOT_API_STARTUP_TIMEOUT_MS: timeoutMs });

describe("reachBotApi", () => {
  it("repeats the same reason only at the notice interval, then gives up with it", async () => {
    const { lines, logger } = capture();
    const root = `http://127.0.0.1:${await closedPort()}`;
    const error = await reachBotApi(config(root, 1_300), logger, { retryEveryMs: 50, noticeEveryMs: 400, attemptTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotApiUnreachable);
    expect(error).toMatchObject({ reason: "refused" });
    expect((error as BotApiUnreachable).waitedMs).toBeGreaterThanOrEqual(1_250);
    const warnings = lines.filter((line) => String(line.msg).startsWith("cannot reach"));
    // Dozens of attempts in 1.3 s, but said at 0, ~0.4, ~0.8, ~1.2 s.
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    expect(warnings.length).toBeLessThanOrEqual(5);
    expect(Number(warnings.at(-1)?.attempts)).toBeGreaterThan(warnings.length);
    expect(JSON.stringify(lines)).not.toContain(TOKEN.split(":")[1]);
  });

  it("gives a silent network a longer deadline at each attempt", async () => {
    // Attempts are the requests that arrived. undici replaces a connection whose request was
    // aborted and may open the next one beside it: at most two connections an attempt.
    let connections = 0;
    let requests = 0;
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => { connections += 1; sockets.add(socket); socket.once("data", () => { requests += 1; }); });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { lines, logger } = capture();
      const root = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
      // Deadlines 100, 200, 400, 800 ms…: about four attempts in 1.6 s (with fixed ones: fifteen).
      const error = await reachBotApi(config(root, 1_600), logger, { attemptTimeoutMs: 100, retryEveryMs: 10, noticeEveryMs: 60_000 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: "timeout" });
      expect(requests).toBeGreaterThanOrEqual(3);
      expect(requests).toBeLessThanOrEqual(6);
      expect(connections).toBeLessThanOrEqual(2 * requests);
      expect(lines.filter((line) => String(line.msg).startsWith("cannot reach"))).toHaveLength(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("names TLS when the root speaks something else than TLS", async () => {
    const local = new LocalBotApi({ token: TOKEN });
    const root = (await local.start()).replace("http://", "https://");
    try {
      const { lines, logger } = capture();
      const error = await reachBotApi(config(root, 300), logger, { retryEveryMs: 100, attemptTimeoutMs: 200 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: "tls" });
      expect(lines.find((line) => String(line.msg).startsWith("cannot reach"))).toMatchObject({ reason: "tls" });
    } finally {
      await local.stop();
    }
  });

  it("waits for ever with 0, says when it got through, and returns the bot", async () => {
    const local = new LocalBotApi({ token: TOKEN });
    const port = await closedPort();
    const { lines, logger } = capture();
    const reached = reachBotApi(config(`http://127.0.0.1:${port}`, 0), logger, { retryEveryMs: 50, attemptTimeoutMs: 500 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await local.start(port); // the network comes back
    try {
      expect(await reached).toMatchObject({ id: 123456789, is_bot: true });
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^cannot reach/), "reached the Bot API"]));
      expect(lines.find((line) => String(line.msg).startsWith("cannot reach"))).toMatchObject({ giveUpInMs: null });
    } finally {
      await local.stop();
    }
  });

  it("blames the proxy, not the Bot API, when the proxy cannot be reached", async () => {
    const { lines, logger } = capture();
    const proxy = `socks5://user:pa55word_secret@127.0.0.1:${await closedPort()}`;
    const error = await reachBotApi({ ...config("https://api.telegram.org", 300), BOT_API_PROXY: proxy }, logger, { retryEveryMs: 100 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "proxy" });
    const warning = lines.find((line) => String(line.msg).startsWith("cannot reach"));
    expect(warning?.detail).toMatch(/^cannot connect to the proxy socks5:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/);
    expect(lines.find((line) => String(line.msg).startsWith("connecting"))?.msg).toContain("through socks5://127.0.0.1:");
    expect(JSON.stringify(lines)).not.toContain("pa55word_secret");
  });

  it("does not retry an answer: a wrong token's 401 goes back at once", async () => {
    const local = new LocalBotApi({ token: "999:other_token_of_another_bot_xx" });
    const root = await local.start();
    try {
      const { logger } = capture();
      await expect(reachBotApi(config(root, 60_000), logger)).rejects.toMatchObject({ error_code: 401 });
    } finally {
      await local.stop();
    }
  });
});
