/**
 * The sandbox page played in the OS's Chromium (playwright-core) as a person plays it: the
 * producer's report in Persian with a photo, by the menu's and the inline keyboards' Persian
 * labels and the page's file input; the secretariat's alert, its case card and the assignment
 * to the gas company's official; the official's new task; the producer's notice; then the
 * page's "+1 day" control, after which the official's task reminder appears. Every assertion
 * reads what the page draws. Skipped when no Chromium is installed (.ci/run installs Debian's).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Saturday 14 Azar 1405, 10:00 Tehran: a working day; a day ahead crosses Sunday 09:00.
const START = "2026-12-05T06:30:00Z";
// Due Monday 16 Azar: its reminder one working day before is Sunday 09:00, within a day's jump.
const DUE = "۱۴۰۵/۰۹/۱۶";
const CHROMIUM = ["chromium", "chromium-browser", "google-chrome"]
  .map((name) => spawnSync("which", [name], { encoding: "utf8" }).stdout.trim())
  .find(Boolean);
const WAIT = 60_000;
const tr = translatorFor(createI18n("fa"));
const t = (key: string, args?: Record<string, string | number>) => tr("fa", key, args);

let child: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let output = "";
let code = "";

/** The page's bubbles from the bot whose text includes `text`. */
const botBubbles = (text: string | RegExp) => page.locator(".msg.bot").filter({ hasText: text });

/** Waits for `bubble`; when it never comes, says what the page shows instead. */
async function waitFor(bubble: Locator, what: string): Promise<Locator> {
  try {
    await bubble.waitFor({ state: "attached", timeout: WAIT });
  } catch (error) {
    const shown = await page.locator(".msg").evaluateAll((nodes) => nodes.slice(-4).map((n) => n.textContent?.slice(0, 300)));
    throw new Error(`no ${what} within ${WAIT} ms; the page shows:\n${shown.join("\n")}\n--- sandbox:\n${output.slice(-1500)}`, { cause: error });
  }
  return bubble;
}

/** Waits for a bot bubble with `text` and returns the newest. */
const seeBubble = (text: string | RegExp) => waitFor(botBubbles(text).last(), `bubble with ${String(text)}`);

/** Taps the inline button labelled `label` on the newest bot bubble that has one (and `text`, if given). */
async function tap(label: string | RegExp, text?: string): Promise<void> {
  const button = { name: label, exact: typeof label === "string" };
  const scope = text === undefined ? page.locator(".msg.bot") : botBubbles(text);
  const bubble = await waitFor(scope.filter({ has: page.getByRole("button", button) }).last(), `button ${String(label)}`);
  await bubble.getByRole("button", button).click({ timeout: WAIT });
}

async function type(text: string): Promise<void> {
  await page.locator("#text").fill(text);
  await page.locator("#composer button[type=submit]").click();
}

async function persona(key: string): Promise<void> {
  await page.locator(`[data-persona="${key}"]`).click();
  await expect.poll(() => page.locator(`[data-persona="${key}"]`).getAttribute("class"), { timeout: WAIT }).toContain("active");
}

const TITLE = CHROMIUM ? "the sandbox page in Chromium" : "the sandbox page in Chromium — SKIPPED: no chromium, chromium-browser or google-chrome on PATH (apt-get install chromium)";

// The default reporter prints no titles of skipped files: say it on the console too.
if (!CHROMIUM) console.warn(`test/e2e/sandbox-browser.test.ts: ${TITLE}`);

describe.skipIf(!CHROMIUM)(TITLE, () => {
  beforeAll(async () => {
    child = spawn(process.execPath, ["--import", "tsx", "src/sandbox/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_START: START, REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", LOG_LEVEL: "info", DATABASE_URL: "", SANDBOX_DATABASE: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line within 120 s:\n${output}`)), 120_000);
      const take = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /Tashil sandbox ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (ready?.[1]) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      };
      child?.stdout?.on("data", take);
      child?.stderr?.on("data", take);
      child?.once("exit", (exit) => reject(new Error(`the sandbox exited (${exit}) before it was ready:\n${output}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ locale: "fa-IR", viewport: { width: 1200, height: 900 } });
    await page.goto(`${url}?persona=producer`);
    // The page has drawn the producer's chat (its first poll answered).
    await page.locator("#title").filter({ hasText: /\S/ }).waitFor({ timeout: WAIT });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);

  it("the producer reports a problem in Persian with a photo and gets a tracking code", async () => {
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await type("/start");
    await tap(t("menu-report"));
    await tap(t("category-tax"), t("report-ask-category"));
    await tap(t("report-agency-unknown"), t("report-ask-agency"));
    await tap(t("report-irreversible-unknown"), t("report-ask-irreversible"));
    await tap(t("button-skip"));
    await seeBubble("۲۰ تا ۲٬۰۰۰");
    await type("اداره مالیات حساب بانکی واحد را به خاطر اختلاف حساب سال گذشته مسدود کرده است.");
    await seeBubble(t("report-attachments-none"));
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await page.locator("#file").setInputFiles({ name: "warning.png", mimeType: "image/png", buffer: png });
    // The photo is drawn as the user's bubble, and the bot counts it.
    await page.locator(".msg.user img").first().waitFor({ state: "attached", timeout: WAIT });
    await seeBubble("۱ از ۱۰");
    await tap(t("button-done"));
    // The receipt's first line, before its code (other bubbles, the demo's notices, name older codes).
    const receipt = t("report-submitted", { code: "@" }).split("@")[0] ?? "";
    const before = await botBubbles(receipt).count();
    await tap(t("report-submit"));
    await expect.poll(() => botBubbles(receipt).count(), { timeout: WAIT }).toBe(before + 1);
    const text = (await botBubbles(receipt).last().textContent()) ?? "";
    code = /KRM-\d{4}-\d{5}/.exec(text.slice(text.indexOf(receipt)))?.[0] ?? "";
    expect(code).not.toBe("");
  }, 240_000);

  it("the secretariat sees the alert, opens the case and refers it to the gas company's official", async () => {
    await persona("secretariat");
    const alert = await seeBubble(code);
    expect(await alert.textContent()).toContain("پرونده جدید");
    await tap(t("button-open-case"), code);
    await tap(t("queue-action-assign"), code);
    // The agencies come a page at a time; a few typed letters find one.
    await seeBubble(t("triage-ask-agency", { code }));
    await type("گاز");
    await tap(/^شرکت گاز/);
    await tap("علی رحیمی", t("triage-ask-official"));
    await seeBubble(t("triage-ask-due", { example: "" }).trim());
    await type(DUE);
    await tap(t("button-confirm"), code);
    await seeBubble(t("triage-done-asg", { code }));
  }, 180_000);

  it("the official sees the new task, and the producer the notice that the case was assigned", async () => {
    await persona("official");
    const task = await seeBubble(new RegExp(`اقدام جدید برای .*پرونده ${code}`));
    expect(await task.textContent()).toContain("گاز");
    await persona("producer");
    const notice = await seeBubble(new RegExp(`پرونده ${code} برای اقدام به .*گاز.* ارجاع شد`));
    expect(await notice.textContent()).toContain("مهلت اقدام");
  }, 120_000);

  it("a day of time travel in the page brings the official the task's reminder", async () => {
    const reminder = `⏰ یادآوری: پرونده ${code}`;
    await persona("official");
    expect(await botBubbles(reminder).count()).toBe(0);
    const clockBefore = await page.locator("#clock").textContent();
    await page.locator('[data-jump="day"]').click();
    await expect.poll(() => page.locator("#clock").textContent(), { timeout: WAIT }).not.toBe(clockBefore);
    await expect.poll(() => page.locator("#clock").textContent(), { timeout: WAIT }).toContain("یکشنبه");
    const bubble = await seeBubble(reminder);
    expect(await bubble.textContent()).toContain("گاز");
  }, 120_000);
});
