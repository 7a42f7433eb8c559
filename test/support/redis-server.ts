/**
 * A Redis server of the test's own (the redis-server binary on a free port, no persistence),
 * for faults that would hurt everybody on the shared Redis: FLUSHDB, a crash, a restart that
 * comes back empty. Other tests and engineers never see it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./e2e-world";

export class TestRedisServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it (again on the same port after kill(): empty, as after a restart without persistence). */
  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on("error", () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === "PONG") return;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        probe.disconnect();
      }
    }
  }

  async flushdb(): Promise<void> {
    const redis = new Redis(this.url);
    try {
      await redis.flushdb();
      if ((await redis.dbsize()) !== 0) throw new Error("FLUSHDB left keys behind");
    } finally {
      redis.disconnect();
    }
  }

  /** SIGKILL: everything in memory is gone. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGKILL");
    await this.exited;
  }
}
