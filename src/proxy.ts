/**
 * BOT_API_PROXY: for deployments that reach the Bot API only through a proxy. One URL,
 * http://, https:// (an HTTP proxy reached over TLS) or socks5://, with optional user:password.
 * grammY fetches with node-fetch, which takes an http.Agent; these agents open each connection
 * as a tunnel through the proxy (HTTP CONNECT, or SOCKS5 CONNECT with the host name resolved by
 * the proxy, so a DNS that cannot resolve api.telegram.org locally does not matter), then speak
 * TLS to the Bot API inside it as usual. No proxy package is installed, hence these few lines.
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Duplex } from "node:stream";
import tls from "node:tls";

/** How long the proxy may take to set a tunnel up before the attempt fails. */
const TUNNEL_TIMEOUT_MS = 15_000;

type Callback = (error: Error | null, socket: Duplex) => void;
const failed = (callback: Callback | undefined, error: Error): void => callback?.(error, undefined as unknown as Duplex);
type ConnectOptions = { host?: string | null; hostname?: string | null; port?: number | string | null; servername?: string };

export class ProxyError extends Error {
  override name = "ProxyError";
  readonly code = "EPROXY";
}

/** The proxy as it may be printed: scheme, host and port, never the credentials. */
export function describeProxy(proxyUrl: string): string {
  const url = new URL(proxyUrl);
  return `${url.protocol}//${url.host}`;
}

/** node-fetch's `agent` option: a tunnelling agent per target protocol. */
export function proxyAgentFor(proxyUrl: string): (target: URL) => http.Agent {
  const proxy = new URL(proxyUrl);
  const plain = new (class extends http.Agent {
    override createConnection(options: ConnectOptions, callback?: Callback): undefined {
      openTunnel(proxy, targetOf(options)).then((socket) => callback?.(null, socket), (error: Error) => failed(callback, error));
      return undefined;
    }
  })({ keepAlive: true });
  const secure = new (class extends https.Agent {
    override createConnection(options: ConnectOptions, callback?: Callback): undefined {
      const target = targetOf(options);
      openTunnel(proxy, target).then(
        (socket) => {
          const servername = options.servername || (net.isIP(target.host) ? undefined : target.host);
          callback?.(null, tls.connect({ ...(options as tls.ConnectionOptions), socket, ...(servername && { servername }) }));
        },
        (error: Error) => failed(callback, error),
      );
      return undefined;
    }
  })({ keepAlive: true });
  return (target) => (target.protocol === "https:" ? secure : plain);
}

function targetOf(options: ConnectOptions): { host: string; port: number } {
  return { host: String(options.host ?? options.hostname ?? "localhost"), port: Number(options.port ?? 443) };
}

/** A socket to the proxy, then the tunnel to host:port through it. */
async function openTunnel(proxy: URL, target: { host: string; port: number }): Promise<net.Socket> {
  const socks = proxy.protocol === "socks5:" || proxy.protocol === "socks5h:";
  const port = Number(proxy.port || (socks ? 1080 : proxy.protocol === "https:" ? 443 : 80));
  const socket = await connected(proxy.protocol === "https:"
    ? tls.connect({ host: proxy.hostname, port, ...(!net.isIP(proxy.hostname) && { servername: proxy.hostname }) })
    : net.connect({ host: proxy.hostname, port }), proxy.protocol === "https:" ? "secureConnect" : "connect").catch((error: unknown) => {
    // Said as the proxy's failure: "refused" alone would blame the Bot API.
    const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
    throw new ProxyError(`cannot connect to the proxy ${describeProxy(proxy.href)}: ${code}`);
  });
  socket.setTimeout(TUNNEL_TIMEOUT_MS, () => socket.destroy(new ProxyError(`the proxy set no tunnel up within ${TUNNEL_TIMEOUT_MS} ms`)));
  try {
    const reader = new Reader(socket);
    if (socks) await socks5Connect(socket, reader, proxy, target);
    else await httpConnect(socket, reader, proxy, target);
    reader.detach();
    socket.setTimeout(0);
    return socket;
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

function connected(socket: net.Socket, event: "connect" | "secureConnect"): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    socket.once(event, () => { socket.off("error", reject); resolve(socket); });
    socket.once("error", reject);
  });
}

async function httpConnect(socket: net.Socket, reader: Reader, proxy: URL, target: { host: string; port: number }): Promise<void> {
  const authority = `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  const auth = proxy.username
    ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}\r\n`
    : "";
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  const head = (await reader.until("\r\n\r\n")).toString("latin1");
  const status = head.split("\r\n")[0] ?? "";
  if (!/^HTTP\/1\.[01] 2\d\d/.test(status)) throw new ProxyError(`the proxy refused the tunnel: ${status}`);
}

const SOCKS_REPLIES: Record<number, string> = {
  1: "general failure", 2: "not allowed by the ruleset", 3: "network unreachable", 4: "host unreachable",
  5: "connection refused", 6: "TTL expired", 7: "command not supported", 8: "address type not supported",
};

async function socks5Connect(socket: net.Socket, reader: Reader, proxy: URL, target: { host: string; port: number }): Promise<void> {
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  socket.write(Buffer.from(user ? [5, 2, 0, 2] : [5, 1, 0]));
  const [version, method] = await reader.read(2);
  if (version !== 5) throw new ProxyError("the proxy does not speak SOCKS5");
  if (method === 2) {
    socket.write(Buffer.concat([Buffer.from([1, Buffer.byteLength(user)]), Buffer.from(user), Buffer.from([Buffer.byteLength(password)]), Buffer.from(password)]));
    const [, status] = await reader.read(2);
    if (status !== 0) throw new ProxyError("the SOCKS5 proxy refused the user name or password");
  } else if (method !== 0) {
    throw new ProxyError("the SOCKS5 proxy accepts none of our authentication methods");
  }
  const host = Buffer.from(target.host);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0, 3, host.length]), host, Buffer.from([target.port >> 8, target.port & 0xff])]));
  const [, reply, , type] = await reader.read(4);
  if (reply !== 0) throw new ProxyError(`the SOCKS5 proxy could not connect: ${SOCKS_REPLIES[reply ?? 1] ?? `reply ${reply}`}`);
  const addressLength = type === 1 ? 4 : type === 4 ? 16 : ((await reader.read(1))[0] ?? 0);
  await reader.read(addressLength + 2);
}

/** Reads exact byte counts off a socket during the handshake, then lets go of it. */
class Reader {
  private buffer = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private readonly onData = (chunk: Buffer): void => { this.buffer = Buffer.concat([this.buffer, chunk]); this.wake?.(); };
  private readonly onEnd = (error?: Error): void => { this.failure = error ?? new ProxyError("the proxy closed the connection"); this.wake?.(); };
  private readonly onClose = (): void => this.onEnd();

  constructor(private readonly socket: net.Socket) {
    socket.on("data", this.onData);
    socket.on("error", this.onEnd);
    socket.on("close", this.onClose);
  }

  async read(n: number): Promise<Buffer> {
    await this.waitFor(() => this.buffer.length >= n);
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  async until(marker: string): Promise<Buffer> {
    await this.waitFor(() => this.buffer.includes(marker));
    const end = this.buffer.indexOf(marker) + marker.length;
    const out = this.buffer.subarray(0, end);
    this.buffer = this.buffer.subarray(end);
    return out;
  }

  detach(): void {
    this.socket.off("data", this.onData);
    this.socket.off("error", this.onEnd);
    this.socket.off("close", this.onClose);
    if (this.buffer.length > 0) this.socket.unshift(this.buffer);
  }

  private async waitFor(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => { this.wake = resolve; });
      this.wake = undefined;
    }
  }
}
