/**
 * `npm run sandbox` as a person uses it, through the page's own JSON API: the process starts on
 * the embedded database with its demo working group and prints the URL; the page is served
 * right-to-left; a producer's /start, menu and whole report (with a photo) reach the bot and its
 * answers appear in the chat; the secretariat persona sees the new case's alert (in its chat and
 * in the secretariat's group); a day of time travel makes the morning digest arrive for the gas
 * company's official; SIGTERM stops it and leaves nothing in Redis.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Saturday 14 Azar 1405, 10:00 Tehran: a working day, so a day ahead crosses Sunday's working morning.
const START = "2026-12-05T06:30:00Z";
/** The OS's Chromium, when installed (Debian: apt-get install chromium); its test is skipped otherwise. */
const CHROMIUM = ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("which", [name]).status === 0);

interface Button { text: string; callback?: string; url?: string }
interface Message { messageId: number; from: "bot" | "user"; text: string; buttons: Button[][]; file?: { fileId: string; photo: boolean } }
interface Chat { chatId: number; title: string; group: boolean; messages: Message[] }
interface State { version: number; clock: { iso: string; fa: string }; database: string; chats: Chat[]; personas: Array<{ key: string }> }

let child: ChildProcess;
let url = "";
let output = "";
let redisPrefix = "";

async function get(persona: string): Promise<State> {
  const res = await fetch(`${url}api/state?persona=${persona}`);
  expect(res.status).toBe(200);
  return (await res.json()) as State;
}

async function post(route: string, body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${url}api/${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as unknown;
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** Polls the persona's state until `find` returns something (the bot answers asynchronously). */
async function waitFor<T>(persona: string, find: (state: State) => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: State | undefined;
  while (Date.now() < deadline) {
    last = await get(persona);
    const found = find(last);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const recent = last?.chats[0]?.messages.slice(-3).map((m) => `${m.from}: ${m.text.slice(0, 120)}`).join("\n");
  throw new Error(`${persona}: no ${what} within ${timeoutMs} ms. Last messages:\n${recent}\n--- output:\n${output.slice(-3000)}`);
}

/** The newest bot message of the persona's own chat with a button whose data starts with `prefix`. */
const buttonOf = (prefix: string) => (state: State) => {
  for (const message of [...(state.chats[0]?.messages ?? [])].reverse()) {
    if (message.from !== "bot") continue;
    const button = message.buttons.flat().find((b) => b.callback?.startsWith(prefix));
    if (button) return { messageId: message.messageId, data: button.callback as string };
  }
  return undefined;
};

async function tap(persona: string, prefix: string): Promise<void> {
  const { messageId, data } = await waitFor(persona, buttonOf(prefix), `button ${prefix}`);
  await post("press", { persona, messageId, data });
}

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", "src/sandbox/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_START: START, REDIS_URL, LOG_LEVEL: "info", DATABASE_URL: "", SANDBOX_DATABASE: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 120 s:\n${output}`)), 120_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const prefix = /"redisPrefix":"([^"]+)"/.exec(output);
      if (prefix?.[1]) redisPrefix = prefix[1];
      const ready = /Tashil sandbox ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (ready?.[1] && redisPrefix) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on("data", take);
    child.stderr?.on("data", take);
    child.once("exit", (code) => reject(new Error(`the sandbox exited (${code}) before it was ready:\n${output}`)));
  });
}, 150_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
});

describe("npm run sandbox", () => {
  it("serves a right-to-left messenger page, on the embedded database, with every persona", async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("/api/state");
    const state = await get("producer");
    expect(state.database).toBe("pglite");
    expect(state.personas.map((p) => p.key)).toEqual(["producer", "producer2", "secretariat", "chair", "official", "head", "bank", "admin", "guest"]);
    expect(new Date(state.clock.iso).getTime()).toBeGreaterThanOrEqual(new Date(START).getTime());
    // The demo's broadcast reaches the producer (its notices are delivered as the sender's limits allow).
    await waitFor("producer", (s) => s.chats[0]?.messages.find((m) => m.text.includes("اطلاعیه دبیرخانه")), "the demo's broadcast");
  });

  it("plays a producer's report with a photo; the secretariat sees its alert in its chat and in the group", async () => {
    await post("send", { persona: "producer", text: "/start" });
    await tap("producer", "report:new");
    await tap("producer", "rp:cat:tax");
    await tap("producer", "rp:ag:");
    await tap("producer", "rp:irr:unknown");
    await tap("producer", "rp:amt:skip");
    await waitFor("producer", (s) => s.chats[0]?.messages.find((m) => m.text.includes("۲۰ تا ۲٬۰۰۰")), "the description question");
    await post("send", { persona: "producer", text: "اداره مالیات حساب بانکی واحد را به خاطر اختلاف حساب سال گذشته مسدود کرده است." });
    await waitFor("producer", buttonOf("rp:att:done"), "the attachments step");
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await post("upload", { persona: "producer", name: "warning.png", mime: "image/png", base64: png.toString("base64") });
    await waitFor("producer", (s) => s.chats[0]?.messages.find((m) => m.from === "bot" && m.text.includes("۱ از ۱۰")), "the photo's receipt");
    // The uploaded photo is served back as the bot would download it.
    const photo = (await get("producer")).chats[0]?.messages.find((m) => m.from === "user" && m.file?.photo)?.file;
    const bytes = Buffer.from(await (await fetch(`${url}api/file?id=${encodeURIComponent(photo?.fileId ?? "")}`)).arrayBuffer());
    expect(bytes.equals(png)).toBe(true);
    await tap("producer", "rp:att:done");
    const codesOf = (s: State) => new Set((s.chats[0]?.messages ?? []).flatMap((m) => m.text.match(/KRM-\d{4}-\d{5}/g) ?? []));
    const known = codesOf(await get("producer"));
    await tap("producer", "rp:submit");
    const code = await waitFor("producer", (s) => [...codesOf(s)].find((c) => !known.has(c)), "a new tracking code");

    const alert = (chat: Chat | undefined) => chat?.messages.find((m) => m.text.includes(code) && m.buttons.flat().some((b) => b.callback));
    const own = await waitFor("secretariat", (s) => alert(s.chats[0]), `the alert of ${code}`);
    expect(own.text).toContain("پرونده جدید");
    // A group gets at most 20 messages a minute (Telegram's limit, kept by the sender): the demo's
    // alerts went first, so this one may wait its turn.
    const group = await waitFor("secretariat", (s) => (s.chats[1]?.group ? alert(s.chats[1]) : undefined), `the group's alert of ${code}`, 70_000);
    expect(group.text).toContain(code);
    // The producer does not see the group.
    expect((await get("producer")).chats).toHaveLength(1);
  }, 120_000);

  it("an invitation link made by the secretariat, opened by a newcomer as its deep link, gives the role", async () => {
    await post("send", { persona: "secretariat", text: "/invite" });
    await tap("secretariat", "iv:role:OFFICIAL");
    await tap("secretariat", "iv:ag:");
    await tap("secretariat", "iv:head:0");
    await tap("secretariat", "iv:ok");
    const link = await waitFor("secretariat", (s) => s.chats[0]?.messages.map((m) => /https:\/\/t\.me\/tashil_sandbox_bot\?start=(inv_[\w-]+)/.exec(m.text)?.[1]).find(Boolean), "the invitation link");
    // What the page sends when the link is tapped or pasted: /start with the link's payload.
    await post("send", { persona: "guest", text: `/start ${link}` });
    const welcome = await waitFor("guest", (s) => s.chats[0]?.messages.find((m) => m.from === "bot" && m.text.includes("نماینده دستگاه اجرایی")), "the welcome with the role");
    expect(welcome.text).toContain("کرمان");
  }, 90_000);

  it("a day of time travel brings the morning digest to the gas company's official", async () => {
    const before = (await get("official")).chats[0]?.messages.length ?? 0;
    const moved = (await post("time", { jump: "day" })) as { from: string; to: string; digest: boolean };
    expect(new Date(moved.to).getTime() - new Date(moved.from).getTime()).toBe(24 * 3600_000);
    expect(moved.digest).toBe(true);
    const digest = await waitFor("official", (s) => s.chats[0]?.messages.slice(before).find((m) => m.text.includes("صبح بخیر")), "the morning digest");
    // Its overdue task is the demo's, assigned in the past with three working days.
    expect(digest.text).toContain("معوق");
    expect((await get("official")).clock.fa).toContain("یکشنبه");
  }, 60_000);

  it("another day runs the timer due by the sandbox's clock: the producer is reminded of the open question", async () => {
    // The demo asked on Friday 10:00; the reminder is due three days later (Monday 10:00), a
    // BullMQ job delayed by two real days that the jump promotes.
    const reminder = (s: State) => s.chats[0]?.messages.find((m) => m.text.includes("همچنان منتظر پاسخ شما"));
    expect(reminder(await get("producer"))).toBeUndefined();
    const moved = (await post("time", { jump: "day" })) as { promoted: number };
    expect(moved.promoted).toBeGreaterThan(0);
    const notice = await waitFor("producer", reminder, "the needs-info reminder");
    expect(notice.text).toContain("نام شعبه بانک");
    expect((await get("producer")).clock.fa).toContain("دوشنبه");
  }, 60_000);

  it.skipIf(!CHROMIUM)("in Chromium, the page draws the secretariat's group: its alerts as bubbles with their buttons, every persona", async () => {
    // --dump-dom prints the document after the page's script ran (its first polls included).
    const dom = await new Promise<string>((resolve, reject) => {
      execFile(CHROMIUM as string, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", `${url}?persona=secretariat&chat=1`],
        { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    expect(dom).toContain('dir="rtl"');
    expect(dom).toMatch(/<div id="title" class="title">دبیرخانه کارگروه تسهیل کرمان<\/div>/);
    expect((dom.match(/class="msg bot"/g) ?? []).length).toBeGreaterThan(3);
    expect(dom).toContain("پرونده جدید");
    expect(dom).toContain("باز کردن پرونده");
    for (const persona of ["producer", "secretariat", "chair", "official", "head", "bank", "admin"]) expect(dom).toContain(`data-persona="${persona}"`);
  }, 90_000);

  it("stops on SIGTERM and leaves nothing of its own in Redis", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.keys(`${redisPrefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 30_000);
});
