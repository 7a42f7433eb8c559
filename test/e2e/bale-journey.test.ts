// Bale, proven offline: the real bot process (src/main.ts) configured for Bale (BOT_PLATFORM=bale,
// a webhook at a secret path) against the local Bot API's Bale profile (src/local-bot-api/
// profiles.ts: no HTML parse mode, no secret-token header, no command menu, Bale's upload
// limits). The whole journey: a producer registers and reports, the secretariat is alerted,
// opens the case and refers it to an official, the official reports the task done, the
// secretariat confirms, the producer rates it. Every message must be plain text, nothing may be
// refused except the command menu Bale does not have, and the bot must stay up without it.
import { afterEach, describe, expect, it } from "vitest";
import type { InlineKeyboardButton, Message } from "grammy/types";
import { createI18n, translatorFor } from "../../src/i18n";
import type { LocalBotApi, LocalUser, RecordedCall } from "../../src/local-bot-api";
import { createWorld, destroyWorld, freePort, worldProcess, type World } from "../support/e2e-world";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
const REPLY_TIMEOUT_MS = 15_000;
const SECRET = "bale_webhook_secret_0123456789";
const SCREEN_METHODS = new Set(["sendMessage", "editMessageText", "sendDocument", "sendPhoto"]);

let world: World | undefined;
afterEach(async () => {
  if (world) await destroyWorld(world);
  world = undefined;
});

const buttons = (message: Message | undefined): InlineKeyboardButton.CallbackButton[] =>
  ((message?.reply_markup?.inline_keyboard.flat() ?? []) as InlineKeyboardButton[]).filter(
    (b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b,
  );
const textOf = (call: RecordedCall): string => String(call.params.text ?? call.params.caption ?? "");

/** One person's chat with the bot, read as they see it (the local Bot API's current messages). */
class Chat {
  private mark = 0;
  constructor(private readonly api: LocalBotApi, readonly user: LocalUser) {}

  send(text: string): this {
    this.mark = this.api.calls.length;
    this.api.userMessage(this.user, text);
    return this;
  }

  shareContact(phone: string): this {
    this.mark = this.api.calls.length;
    this.api.userContact(this.user, phone);
    return this;
  }

  /** Presses the newest button whose label contains `which` (or whose data matches the RegExp). */
  tap(which: string | RegExp): this {
    const messages = this.api.messages(this.user.id).reverse();
    for (const message of messages) {
      const button = buttons(message).find((b) => (typeof which === "string" ? b.text.includes(which) : which.test(b.callback_data)));
      if (button) {
        this.mark = this.api.calls.length;
        this.api.userCallback(this.user, button.callback_data, message.message_id);
        return this;
      }
    }
    throw new Error(`no button ${String(which)} in chat ${this.user.id}: ${JSON.stringify(messages.slice(0, 3).map((m) => [m.text, buttons(m).map((b) => b.text)]))}`);
  }

  /** Waits for the bot to show (send or edit) a text containing `contains` after the last action. */
  async sees(contains: string): Promise<string> {
    const since = this.mark;
    const call = await this.api.waitFor(
      (c) => SCREEN_METHODS.has(c.method) && c.response.ok && Number(c.params.chat_id) === this.user.id
        && this.api.calls.indexOf(c) >= since && textOf(c).includes(contains),
      REPLY_TIMEOUT_MS,
    );
    return textOf(call);
  }
}

describe("the whole journey on Bale (the local Bot API's Bale profile)", () => {
  it("producer → secretariat → official → producer, in plain text, over a secret webhook path, without a command menu", async () => {
    world = await createWorld({ seed: ["KRM"], fake: { profile: "bale" } });
    const { fake: api, db } = world;
    const krm = await db.workingGroup.findUniqueOrThrow({ where: { code: "KRM" } });
    const power = await db.agency.findFirstOrThrow({ where: { workingGroupId: krm.id, nameEn: "Kerman Power Distribution Company" } });
    await db.user.create({
      data: { telegramId: "920001", firstName: "Dabir", language: "en", memberships: { create: { role: "SECRETARIAT", workingGroupId: krm.id } } },
    });
    await db.user.create({
      data: { telegramId: "920002", firstName: "Rahimi", language: "en", memberships: { create: { role: "OFFICIAL", workingGroupId: krm.id, agencyId: power.id } } },
    });

    const port = await freePort();
    const bot = worldProcess(world, { BOT_PLATFORM: "bale", WEBHOOK_URL: `http://127.0.0.1:${port}/bale`, WEBHOOK_SECRET: SECRET, HTTP_PORT: String(port) });
    await bot.start();
    expect(bot.logs().find((line) => line.msg === "Tashil bot ready")).toMatchObject({ platform: "bale", mode: "webhook" });
    // Bale has no command menu: the call fails as on Bale, the bot says so and carries on.
    expect(api.callsTo("setMyCommands")[0]?.response).toMatchObject({ ok: false, error_code: 404 });
    expect(bot.logs().some((line) => line.msg === "could not set the command menu")).toBe(true);
    // The secret is the webhook's last path segment; Bale sends no secret-token header.
    expect(api.callsTo("setWebhook").at(-1)?.params).toMatchObject({ url: `http://127.0.0.1:${port}/bale/${SECRET}` });

    // 1. The producer registers a unit and reports an electricity cut-off warning.
    const producer = new Chat(api, { id: 920_010, first_name: "Reza", language_code: "en" });
    await producer.send("/start").sees(en("start-welcome", { name: "Reza" }));
    await producer.tap(/^unit:new$/).sees(en("register-ask-phone"));
    await producer.shareContact("+98 912 345 6789").sees(en("register-ask-name"));
    await producer.send("Kerman Steel Rolling Co.").sees(en("register-ask-legal-id"));
    await producer.send("10380284790").sees(en("register-ask-licence"));
    await producer.tap(/^reg:licence:skip$/).sees(en("register-ask-working-group"));
    await producer.tap("Kerman").sees(en("register-ask-county-choose"));
    await producer.tap("Kerman").sees(en("register-ask-sector"));
    await producer.tap(/^reg:sector:INDUSTRY$/).sees(en("register-ask-activity"));
    await producer.tap(/^reg:act:ACTIVE$/).sees(en("register-ask-employees"));
    await producer.send("120").sees("Kerman Steel Rolling Co.");
    await producer.tap(/^reg:save$/).sees(en("register-done", { name: "Kerman Steel Rolling Co." }));

    await producer.tap(/^report:new$/).sees(en("report-ask-category"));
    await producer.tap(/^rp:cat:utility_cutoff$/).sees(en("report-ask-subcategory"));
    await producer.tap(/^rp:sub:electricity$/).sees(en("report-ask-agency"));
    await producer.tap("Kerman Power Distribution Company").sees(en("report-ask-irreversible-cutoff"));
    producer.tap(/^rp:irr:3d$/);
    await api.waitFor((c) => buttons(c.response.result as Message).some((b) => b.callback_data === "rp:amt:skip"), REPLY_TIMEOUT_MS);
    await producer.send("500 million").sees(en("report-ask-description", { min: 20, max: 2000 }));
    const description = "The distribution company has served a cut-off warning for our main feeder over two months of arrears.";
    producer.send(description);
    await api.waitFor((c) => buttons(c.response.result as Message).some((b) => b.callback_data === "rp:att:done"), REPLY_TIMEOUT_MS);
    await producer.tap(/^rp:att:done$/).sees(description);
    const submitted = await producer.tap(/^rp:submit$/).sees("Tracking code:");
    const code = /Tracking code: (\S+)/.exec(submitted)?.[1] ?? "";
    expect(code).toMatch(/^KRM-\d{4}-\d{5}$/);

    // 2. The secretariat's alert arrives (outbox → relay → sender, on Bale's Api); the case is referred.
    const secretariat = new Chat(api, { id: 920_001, first_name: "Dabir", language_code: "en" });
    await secretariat.sees(code);
    await secretariat.tap("Open the case").sees(code);
    await secretariat.tap("Refer to an agency").sees(en("triage-ask-agency", { code }));
    await secretariat.tap("Kerman Power Distribution Company").sees(en("triage-ask-official"));
    await secretariat.tap("Rahimi").sees("Type the due date");
    await secretariat.send("1405/10/20").sees("1405");
    await secretariat.tap("Confirm").sees(en("triage-done-asg", { code }));

    // 3. The official is told, opens the task and reports it done.
    const official = new Chat(api, { id: 920_002, first_name: "Rahimi", language_code: "en" });
    await official.sees(code);
    await official.tap("Open the task").sees(code);
    await official.tap("Report done").sees(en("task-ask-letter"));
    await official.send("123/KPDC/1405").sees(en("task-ask-completion-text"));
    await official.send("The cut-off order was withdrawn and the arrears rescheduled in six instalments.").sees("so far");
    await official.tap("Send").sees(en("task-done-complete"));

    // 4. The secretariat confirms; the producer is asked whether it helped, and rates it.
    await secretariat.sees("rescheduled in six instalments");
    await secretariat.tap("Confirm done").sees("Confirmed: the task is done.");
    expect(await producer.sees("Did it help?")).toContain(code);
    await producer.tap(/^rt:\d+:5$/).sees(en("rating-thanks", { score: 5 }));

    const saved = await db.case.findUniqueOrThrow({ where: { trackingCode: code }, include: { tasks: true } });
    expect(saved.tasks.map((task) => task.status)).toEqual(["done"]);

    // Plain text throughout: no parse_mode ever left the bot, no HTML tag reached a screen.
    expect(api.calls.filter((c) => c.params.parse_mode !== undefined).map((c) => c.method)).toEqual([]);
    const shown = api.calls.filter((c) => SCREEN_METHODS.has(c.method)).map(textOf);
    expect(shown.filter((text) => /<\/?(b|i|u|s|a|code|pre|blockquote|tg-spoiler)\b[^>]*>/.test(text))).toEqual([]);
    // Nothing Bale refused but the command menu (a stale button's late answer aside).
    const refused = api.calls.filter((c) => !c.response.ok && !["setMyCommands", "answerCallbackQuery"].includes(c.method));
    expect(refused.map((c) => `${c.method} ${c.response.error_code} ${c.response.description}`)).toEqual([]);
  }, 180_000);
});
