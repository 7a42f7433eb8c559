// A start that never hangs in silence: the real bot process (src/main.ts) against a Bot API it
// cannot reach — a closed port, a host no DNS knows, a port that accepts and never answers —
// says where it connects, says within seconds why it cannot get through, and exits with one
// clear line after BOT_API_STARTUP_TIMEOUT_MS; the token is never printed. Then the same bot
// through a proxy (HTTP CONNECT, SOCKS5) started here reaches the local Bot API and answers.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { LocalBotApi } from "../../src/local-bot-api";
import { BotProcess, type LogLine } from "../support/bot-process";
import { clearRedisPrefix, createTestDatabase, dropTestDatabase, REDIS_URL, TEST_BOT_TOKEN } from "../support/env";
import { freePort } from "../support/e2e-world";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function botAgainst(apiRoot: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const databaseUrl = await createTestDatabase();
  const prefix = `tashil-e2e-unreach-${Math.random().toString(36).slice(2, 8)}`;
  const bot = new BotProcess({
    env: { NODE_ENV: "test", BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix, ...env },
  });
  cleanups.push(() => dropTestDatabase(databaseUrl), () => clearRedisPrefix(prefix), () => bot.kill());
  return bot;
}

const time = (line: LogLine | undefined): number => Number(line?.time);
const isConnecting = (line: LogLine) => String(line.msg).startsWith("connecting to the Bot API");
const isCannotReach = (line: LogLine) => String(line.msg).startsWith("cannot reach the Bot API");

/** Starts a bot that will never get through; returns its lines once it has exited on its own. */
async function failedStart(apiRoot: string, timeoutMs: number): Promise<{ lines: LogLine[]; code: number | null; transcript: string }> {
  const bot = await botAgainst(apiRoot, { BOT_API_STARTUP_TIMEOUT_MS: String(timeoutMs) });
  bot.start().catch(() => undefined); // it never becomes ready
  const { code } = await bot.waitForExit(timeoutMs + 30_000);
  return { lines: bot.logs(), code, transcript: bot.transcript(1_000_000) };
}

function expectCleanFailure(result: Awaited<ReturnType<typeof failedStart>>, apiRoot: string, reason: string, withinMs: number, timeoutMs: number): void {
  const { lines, code, transcript } = result;
  const connecting = lines.find(isConnecting);
  expect(connecting, transcript).toMatchObject({ apiRoot });
  const warning = lines.find(isCannotReach);
  expect(warning, transcript).toMatchObject({ reason, apiRoot });
  expect(time(warning) - time(connecting)).toBeLessThan(withinMs);
  const fatal = lines.find((line) => String(line.msg).startsWith("giving up: the Bot API"));
  expect(fatal?.msg, transcript).toContain(`last reason: ${reason}`);
  expect(fatal?.msg).toContain(apiRoot);
  // It gave up after the configured time, not much earlier nor much later.
  expect(time(fatal) - time(connecting)).toBeGreaterThanOrEqual(timeoutMs - 500);
  expect(time(fatal) - time(connecting)).toBeLessThan(timeoutMs + 6_000);
  expect(code).toBe(1);
  // Neither the token nor its secret half is printed, anywhere.
  expect(transcript).not.toContain(TEST_BOT_TOKEN);
  expect(transcript).not.toContain(TEST_BOT_TOKEN.split(":")[1]);
}

describe("a start against a Bot API that cannot be reached", () => {
  it("a closed port: says 'refused' at once and exits after the configured time", async () => {
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    expectCleanFailure(await failedStart(apiRoot, 4_000), apiRoot, "refused", 3_000, 4_000);
  }, 60_000);

  it("a host no DNS resolves: says 'dns'", async () => {
    const apiRoot = "https://api.tashil-test.invalid";
    expectCleanFailure(await failedStart(apiRoot, 4_000), apiRoot, "dns", 3_000, 4_000);
  }, 60_000);

  it("a port that accepts and never answers: says 'timeout' within the attempt's deadline", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const apiRoot = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const result = await failedStart(apiRoot, 8_000);
    expectCleanFailure(result, apiRoot, "timeout", 7_000, 8_000);
    expect(sockets.size).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

/** A certificate for 127.0.0.1 the child trusts through NODE_EXTRA_CA_CERTS. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer; certFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tashil-proxy-"));
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "1",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

/** An HTTP CONNECT proxy on 127.0.0.1 (reached over TLS when `tls` is given) that records where it was asked to tunnel. */
async function connectProxy(secure?: { key: Buffer; cert: Buffer }): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  const refuse = (_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(405).end();
  const server = secure ? https.createServer(secure, refuse) : http.createServer(refuse);
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).on("error", () => undefined);
      client.pipe(upstream).on("error", () => undefined);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `${secure ? "https" : "http"}://127.0.0.1:${(server.address() as net.AddressInfo).port}`, tunnels };
}

/** TLS terminated on a port of its own, the bytes passed on to the plain local Bot API: an https:// root. */
async function tlsInFrontOf(plainRoot: string, secure: { key: Buffer; cert: Buffer }): Promise<string> {
  const target = new URL(plainRoot);
  const open = new Set<net.Socket>();
  const server = tls.createServer(secure, (client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    open.add(client).add(upstream);
    client.pipe(upstream).on("error", () => undefined);
    upstream.pipe(client).on("error", () => undefined);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

/** A SOCKS5 proxy (no authentication, CONNECT by domain name or IPv4) that records its tunnels. */
async function socksProxy(): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on("error", () => undefined);
    client.once("data", (greeting) => {
      if (greeting[0] !== 5) return client.destroy();
      client.write(Buffer.from([5, 0]));
      client.once("data", (request) => {
        const type = request[3];
        const hostEnd = type === 3 ? 5 + (request[4] ?? 0) : 8;
        const host = type === 3 ? request.subarray(5, hostEnd).toString() : [...request.subarray(4, 8)].join(".");
        const port = request.readUInt16BE(hostEnd);
        tunnels.push(`${host}:${port}`);
        const upstream = net.connect(port, host, () => {
          client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
          upstream.pipe(client);
          client.pipe(upstream);
        });
        open.add(upstream);
        upstream.on("error", () => client.destroy());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `socks5://127.0.0.1:${(server.address() as net.AddressInfo).port}`, tunnels };
}

describe("BOT_API_PROXY", () => {
  const certificate = selfSignedCertificate();
  const trust = { NODE_EXTRA_CA_CERTS: certificate.certFile };
  it.each([
    { kind: "an HTTP CONNECT proxy", make: () => connectProxy(), secureRoot: false },
    { kind: "an HTTP proxy reached over TLS (https://)", make: () => connectProxy(certificate), secureRoot: false },
    { kind: "a SOCKS5 proxy", make: socksProxy, secureRoot: false },
    { kind: "an HTTP CONNECT proxy, to an https:// Bot API (TLS inside the tunnel)", make: () => connectProxy(), secureRoot: true },
    { kind: "a SOCKS5 proxy, to an https:// Bot API", make: socksProxy, secureRoot: true },
  ])("reaches the Bot API through $kind, for getMe, polling and replies", async ({ make, secureRoot }) => {
    const local = new LocalBotApi({ token: TEST_BOT_TOKEN });
    const plainRoot = await local.start();
    cleanups.push(() => local.stop());
    const apiRoot = secureRoot ? await tlsInFrontOf(plainRoot, certificate) : plainRoot;
    const proxy = await make();
    const bot = await botAgainst(apiRoot, { BOT_API_PROXY: proxy.url, ...trust });
    await bot.start();
    expect(bot.logs().find(isConnecting)).toMatchObject({ apiRoot, proxy: proxy.url });
    expect(bot.logs().some(isCannotReach)).toBe(false);
    const user = { id: 515_151, first_name: "Sara", language_code: "en" };
    local.userMessage(user, "/help");
    await local.waitFor((call) => call.method === "sendMessage" && call.params.chat_id === user.id, 15_000);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(apiRoot).host]));
  }, 60_000);
});
