/**
 * Runs the real entry points (src/main.ts, src/worker.ts) as child processes, for end-to-end
 * tests: start with an environment, wait until the process says it is ready (and /healthz
 * answers), kill it (SIGKILL: a crash) or stop it (SIGTERM: a deploy), start it again.
 *
 * The child is `node --import tsx <script>` for the sources (the default: tests run what is in
 * src/, never a stale build), or `node dist/<script>.js` for the compiled build as production
 * runs it (test/e2e/build.test.ts builds first): one process either way, so a signal reaches
 * the bot itself (through `npx tsx` it would reach a wrapper and could leave the bot running).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigSchema } from "../../src/config";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const READY_MESSAGES = new Set(["Tashil bot ready", "Tashil workers ready"]);

export interface BotProcessOptions {
  /** Configuration of the child; every variable of src/config.ts not given here is unset. */
  env: Record<string, string>;
  script?: "src/main.ts" | "src/worker.ts" | "dist/main.js" | "dist/worker.js";
  args?: string[];
  /** How long start() waits for the ready line (a --migrate start runs prisma first). */
  readyTimeoutMs?: number;
}

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

/** The environment of the child: ours without any Tashil variable (or .env), plus the given ones. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of Object.keys(ConfigSchema.in.shape)) delete inherited[name];
  // The inbound limit is off (tests are faster than people) unless the test sets it; "" = default.
  return { ...inherited, ENV_FILE: "", HTTP_HOST: "127.0.0.1", HTTP_PORT: "0", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0", ...env };
}

export class BotProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  /** Everything the child wrote, across restarts (for failure messages). */
  private output = "";
  private lines: LogLine[] = [];
  /** Every line written to stdout or stderr that is not a JSON object (logs must all be JSON). */
  private notJson: string[] = [];
  private stderrPending = "";
  private lineWaiters = new Set<() => void>();
  port: number | undefined;
  starts = 0;

  constructor(private readonly options: BotProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Structured log lines the child printed (pino JSON), oldest first. */
  logs(): LogLine[] {
    return [...this.lines];
  }

  /** Lines of stdout or stderr that were not JSON objects, across restarts. */
  nonJsonLines(): string[] {
    return [...this.notJson];
  }

  /** The raw output, for assertion messages. */
  transcript(tail = 4_000): string {
    return this.output.slice(-tail);
  }

  async start(extraArgs: string[] = []): Promise<void> {
    if (this.running) throw new Error("BotProcess already running");
    const script = this.options.script ?? "src/main.ts";
    const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
    const child = spawn(process.execPath, [...loader, script, ...(this.options.args ?? []), ...extraArgs], {
      cwd: ROOT,
      env: childEnv(this.options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.starts += 1;
    this.port = undefined;
    const startMark = this.lines.length;
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    let pending = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      this.output += chunk;
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const part of parts) this.addLine(part);
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.output += chunk;
      this.stderrPending += chunk;
      const parts = this.stderrPending.split("\n");
      this.stderrPending = parts.pop() ?? "";
      for (const part of parts) if (part.trim() && !isJsonObject(part)) this.notJson.push(`stderr: ${part}`);
    });

    const timeoutMs = this.options.readyTimeoutMs ?? 60_000;
    const ready = await this.waitForLine((line) => READY_MESSAGES.has(line.msg ?? ""), timeoutMs, startMark);
    this.port = Number(ready.httpPort);
    const health = await fetch(`http://127.0.0.1:${this.port}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  }

  /** Resolves with the first log line (since `from`) matching; rejects if the child exits first. */
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs = 10_000, from = 0): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.lines.slice(from).find(predicate);
        if (found) {
          finish();
          resolve(found);
          return true;
        }
        if (!this.running && this.child) {
          finish();
          reject(new Error(`the process exited (code ${this.child.exitCode}, signal ${this.child.signalCode}):\n${this.transcript()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching log line within ${timeoutMs} ms:\n${this.transcript()}`));
      }, timeoutMs);
      const onExit = () => void check();
      const finish = () => {
        clearTimeout(timer);
        this.lineWaiters.delete(waiter);
        this.child?.off("exit", onExit);
      };
      const waiter = () => void check();
      if (check()) return;
      this.lineWaiters.add(waiter);
      this.child?.once("exit", onExit);
    });
  }

  /**
   * Resolves when the child has exited and its output is all read (stdout closes after the
   * exit event, so lines printed just before exiting are in logs() by then).
   */
  waitForExit(timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child) return Promise.reject(new Error("BotProcess was never started"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the process did not exit within ${timeoutMs} ms:\n${this.transcript()}`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve({ code: child.exitCode, signal: child.signalCode });
      };
      if (child.stdout?.readableEnded && (child.exitCode !== null || child.signalCode !== null)) done();
      else child.once("close", done);
    });
  }

  /** A crash: SIGKILL, no chance to clean up. Resolves once the process is gone. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** An orderly stop (SIGTERM); resolves with the exit code. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    const result = await this.signal("SIGTERM", timeoutMs);
    return result?.code ?? null;
  }

  /** Sends a signal and returns at once; `exit()` waits for the process to end. */
  send(signal: NodeJS.Signals): void {
    if (this.running) this.child?.kill(signal);
  }

  /** Resolves with the exit code once the process has ended. */
  async exit(timeoutMs = 20_000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the process did not exit within ${timeoutMs} ms:\n${this.transcript()}`)), timeoutMs);
    });
    try {
      return (await Promise.race([this.exited, timeout]))?.code ?? null;
    } finally {
      clearTimeout(timer);
    }
  }

  async restart(extraArgs: string[] = []): Promise<void> {
    await this.kill();
    await this.start(extraArgs);
  }

  private async signal(signal: NodeJS.Signals, timeoutMs = 20_000) {
    if (!this.child || !this.exited) return undefined;
    if (this.running) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the process did not exit within ${timeoutMs} ms after ${signal}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private addLine(text: string): void {
    if (!text.trim()) return;
    try {
      const line = JSON.parse(text) as unknown;
      if (!line || typeof line !== "object" || Array.isArray(line)) throw new Error("not an object");
      this.lines.push(line as LogLine);
    } catch {
      this.notJson.push(`stdout: ${text}`);
      this.lines.push({ msg: text });
    }
    for (const waiter of [...this.lineWaiters]) waiter();
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false;
  }
}
