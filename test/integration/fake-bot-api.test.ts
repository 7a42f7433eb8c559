import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { FakeBotApi, type UploadedFile } from "../support/fake-bot-api";

const TOKEN = "123456:TEST-token";
const alice = { id: 1001, first_name: "Alice", language_code: "fa" };

let fake: FakeBotApi | undefined;
async function setup(options: ConstructorParameters<typeof FakeBotApi>[0] = {}): Promise<{ fake: FakeBotApi; api: Api; root: string }> {
  fake = new FakeBotApi({ token: TOKEN, ...options });
  const root = await fake.start();
  return { fake, api: new Api(TOKEN, { apiRoot: root }), root };
}

afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** Runs a call that must fail and returns the GrammyError it failed with. */
async function apiError(call: Promise<unknown>): Promise<GrammyError> {
  const err = await call.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(err)}`);
  return err;
}

describe("FakeBotApi", () => {
  it("binds to 127.0.0.1 and answers getMe with the bot derived from the token", async () => {
    const { api, root } = await setup();
    expect(root).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "tashil_test_bot" });
  });

  it("rejects a wrong token with 401 and unknown methods with 404", async () => {
    const { root } = await setup();
    const wrong = await apiError(new Api("999:nope", { apiRoot: root }).getMe());
    expect(wrong.error_code).toBe(401);
    const res = await fetch(`${root}/bot${TOKEN}/sendTelepathy`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
  });

  it("records sendMessage and returns a realistic message", async () => {
    const { fake, api } = await setup();
    const keyboard = { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] };
    const first = await api.sendMessage(alice.id, "سلام", { reply_markup: keyboard });
    const second = await api.sendMessage(alice.id, "again");
    expect(first).toMatchObject({ message_id: 1, text: "سلام", chat: { id: alice.id, type: "private" }, from: { id: 123456, is_bot: true }, reply_markup: keyboard });
    expect(first.date).toBeGreaterThan(1_600_000_000);
    expect(second.message_id).toBe(2);
    const group = await api.sendMessage(-100200, "hi group");
    expect(group.chat).toMatchObject({ id: -100200, type: "supergroup" });
    expect(fake.sentMessages(alice.id).map((c) => c.params.text)).toEqual(["سلام", "again"]);
    expect(fake.callsTo("sendMessage")).toHaveLength(3);
    expect(fake.stats).toEqual({ requests: 3, sent: 3, tooManyRequests: 0 });
    const call = await fake.waitFor((c) => c.method === "sendMessage" && c.params.text === "hi group");
    expect(call.response).toMatchObject({ ok: true });
    fake.clearCalls();
    expect(fake.calls).toEqual([]);
  });

  it("waitFor resolves on a later call and explains a timeout", async () => {
    const { fake, api } = await setup();
    const waiting = fake.waitFor((c) => c.method === "sendChatAction");
    await api.sendChatAction(alice.id, "typing");
    await expect(waiting).resolves.toMatchObject({ method: "sendChatAction", params: { chat_id: alice.id, action: "typing" } });
    await expect(fake.waitFor((c) => c.method === "sendPoll", 50)).rejects.toThrow(/no matching call within 50ms[\s\S]*sendChatAction/);
  });

  it("long-polls getUpdates until an update is pushed and confirms by offset", async () => {
    const { fake, api } = await setup();
    const started = Date.now();
    const polling = api.getUpdates({ timeout: 5 });
    await new Promise((r) => setTimeout(r, 100));
    const id = fake.userMessage(alice, "/start");
    const updates = await polling;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      update_id: id,
      message: { text: "/start", chat: { id: alice.id, type: "private" }, from: { id: alice.id, language_code: "fa" }, entities: [{ type: "bot_command", offset: 0, length: 6 }] },
    });
    // Unconfirmed updates are re-delivered; offset confirms them.
    expect(await api.getUpdates({ timeout: 0 })).toHaveLength(1);
    expect(await api.getUpdates({ offset: id + 1, timeout: 0 })).toEqual([]);
    const second = fake.userContact(alice, "+989121234567");
    const third = fake.userMessage(alice, "hello");
    expect(third).toBe(second + 1);
    const limited = await api.getUpdates({ offset: id + 1, limit: 1 });
    expect(limited.map((u) => u.update_id)).toEqual([second]);
    expect(limited[0]?.message?.contact).toMatchObject({ phone_number: "+989121234567", user_id: alice.id });
  });

  it("returns an empty list when the long-poll timeout elapses", async () => {
    const { api } = await setup();
    const started = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("stop() ends a pending long poll instead of hanging", async () => {
    const { fake, api } = await setup();
    const polling = api.getUpdates({ timeout: 30 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await fake.stop();
    await polling;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("builds callback queries on the last bot message, and edits them like Telegram", async () => {
    const { fake, api } = await setup();
    const keyboard = { inline_keyboard: [[{ text: "Yes", callback_data: "yes" }]] };
    const sent = await api.sendMessage(alice.id, "Confirm?", { reply_markup: keyboard });
    const id = fake.userCallback(alice, "yes");
    const [update] = await api.getUpdates({ offset: 0 });
    expect(update).toMatchObject({ update_id: id, callback_query: { data: "yes", from: { id: alice.id }, message: { message_id: sent.message_id, text: "Confirm?" } } });
    const queryId = update?.callback_query?.id ?? "";
    expect(await api.answerCallbackQuery(queryId)).toBe(true);
    expect((await apiError(api.answerCallbackQuery(queryId))).error_code).toBe(400);

    const edited = await api.editMessageText(alice.id, sent.message_id, "Confirmed");
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Confirmed" });
    expect(edited).not.toHaveProperty("reply_markup");
    const same = await apiError(api.editMessageText(alice.id, sent.message_id, "Confirmed"));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    expect((await apiError(api.editMessageText(alice.id, 999, "x"))).description).toBe("Bad Request: message to edit not found");
    expect(await api.deleteMessage(alice.id, sent.message_id)).toBe(true);
    expect((await apiError(api.deleteMessage(alice.id, sent.message_id))).description).toBe("Bad Request: message to delete not found");
  });

  it("parses multipart sendDocument with the file name and serves uploaded files", async () => {
    const { fake, api, root } = await setup();
    const keyboard = { inline_keyboard: [[{ text: "Open", callback_data: "open:1" }]] };
    const msg = await api.sendDocument(alice.id, new InputFile(Buffer.from("pdf"), "minutes.pdf"), { caption: "صورتجلسه", reply_markup: keyboard });
    expect(msg.document).toMatchObject({ file_name: "minutes.pdf", mime_type: "application/pdf", file_size: 3 });
    expect(msg.caption).toBe("صورتجلسه");
    const [call] = fake.callsTo("sendDocument");
    // chat_id arrives as a string in multipart; the fake restores the number, and JSON fields are parsed.
    expect(call?.params).toMatchObject({ chat_id: alice.id, caption: "صورتجلسه", reply_markup: keyboard });
    const upload = call?.params.document as UploadedFile;
    expect(upload).toMatchObject({ kind: "upload", fileName: "minutes.pdf", size: 3 });
    expect(upload.data.toString()).toBe("pdf");
    expect(fake.sentMessages(alice.id)).toHaveLength(1);

    const file = await api.getFile(msg.document?.file_id ?? "");
    const download = await fetch(`${root}/file/bot${TOKEN}/${file.file_path}`);
    expect(await download.text()).toBe("pdf");

    // A document the user sent can be downloaded and re-sent by file_id.
    fake.userDocument(alice, { file_id: "DOC1", file_unique_id: "U1", file_name: "letter.pdf", mime_type: "application/pdf", data: "%PDF-1.4" });
    const userFile = await api.getFile("DOC1");
    expect(await (await fetch(`${root}/file/bot${TOKEN}/${userFile.file_path}`)).text()).toBe("%PDF-1.4");
    const resent = await api.sendDocument(-100300, "DOC1");
    expect(resent.document).toMatchObject({ file_id: "DOC1", file_name: "letter.pdf" });
    expect((await apiError(api.sendDocument(alice.id, "NO-SUCH-FILE"))).error_code).toBe(400);
  });

  it("enforces the global limit: 40 rapid sends to 40 chats give exactly 10 × 429", async () => {
    const { fake, api } = await setup({ floodLimits: true });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => api.sendMessage(5000 + i, `broadcast ${i}`)));
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    expect(rejected).toHaveLength(10);
    for (const err of rejected) {
      expect(err).toBeInstanceOf(GrammyError);
      const e = err as GrammyError;
      expect(e.error_code).toBe(429);
      expect(e.parameters.retry_after).toBeGreaterThanOrEqual(1);
      expect(e.description).toBe(`Too Many Requests: retry after ${e.parameters.retry_after}`);
    }
    expect(fake.stats).toEqual({ requests: 40, sent: 30, tooManyRequests: 10 });
  });

  it("enforces the per-chat and per-group limits", async () => {
    const { fake, api } = await setup({ floodLimits: { perGroupPerMinute: 3 } });
    await api.sendMessage(alice.id, "one");
    const second = await apiError(api.sendMessage(alice.id, "two"));
    expect(second.error_code).toBe(429);
    expect(second.parameters.retry_after).toBe(1);
    await api.sendMessage(alice.id + 1, "another chat is fine");

    for (let i = 0; i < 3; i++) await api.sendMessage(-100400, `group ${i}`);
    const fourth = await apiError(api.sendMessage(-100400, "group 3"));
    expect(fourth.error_code).toBe(429);
    expect(fourth.parameters.retry_after).toBeGreaterThanOrEqual(59);
    expect(fourth.parameters.retry_after).toBeLessThanOrEqual(60);
    expect(fake.stats.tooManyRequests).toBe(2);
  });

  it("has no flood limits unless asked", async () => {
    const { api } = await setup();
    await api.sendMessage(alice.id, "one");
    await expect(api.sendMessage(alice.id, "two")).resolves.toMatchObject({ message_id: 2 });
  });

  it("injects failures: error envelopes, dropped connections, blocked and unknown chats", async () => {
    const { fake, api, root } = await setup();
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    const res = await fetch(`${root}/bot${TOKEN}/sendMessage`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat_id: alice.id, text: "x" }),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ ok: false, error_code: 500, description: "Internal Server Error" });
    await expect(api.sendMessage(alice.id, "recovered")).resolves.toMatchObject({ text: "recovered" });

    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 });
    const limited = await apiError(api.sendMessage(alice.id, "x"));
    expect(limited.parameters.retry_after).toBe(7);

    fake.failNext("sendMessage", "drop", 2);
    for (let i = 0; i < 2; i++) {
      const err = await api.sendMessage(alice.id, "lost").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
    }
    await expect(api.sendMessage(alice.id, "back")).resolves.toMatchObject({ text: "back" });
    expect(fake.callsTo("sendMessage").map((c) => c.response.dropped ?? false)).toEqual([false, false, false, true, true, false]);

    fake.blockChat(2002);
    const blocked = await apiError(api.sendMessage(2002, "hi"));
    expect([blocked.error_code, blocked.description]).toEqual([403, "Forbidden: bot was blocked by the user"]);
    fake.unknownChat(3003);
    const unknown = await apiError(api.sendMessage(3003, "hi"));
    expect([unknown.error_code, unknown.description]).toEqual([400, "Bad Request: chat not found"]);
    expect(fake.sentMessages(2002)).toEqual([]);
    expect(fake.stats).toMatchObject({ sent: 2, tooManyRequests: 1 });
  });

  it("supports the setup calls grammY bots make", async () => {
    const { api } = await setup();
    expect(await api.deleteWebhook({ drop_pending_updates: true })).toBe(true);
    await api.setMyCommands([{ command: "start", description: "شروع" }], { language_code: "fa" });
    expect(await api.getMyCommands({ language_code: "fa" })).toEqual([{ command: "start", description: "شروع" }]);
    expect(await api.getMyCommands()).toEqual([]);
    expect((await apiError(api.setMyCommands([{ command: "Start", description: "x" }]))).description).toBe("Bad Request: BOT_COMMAND_INVALID");
    expect(await api.setChatMenuButton({ menu_button: { type: "commands" } })).toBe(true);
    expect(await api.getWebhookInfo()).toMatchObject({ url: "", pending_update_count: 0 });
    expect(await api.getChat(alice.id)).toMatchObject({ id: alice.id, type: "private" });
    const html = await api.sendMessage(alice.id, "<b>Case</b> &amp; <i>status</i>", { parse_mode: "HTML" });
    expect(html.text).toBe("Case & status");
    expect((await apiError(api.sendMessage(alice.id, "<div>x</div>", { parse_mode: "HTML" }))).description).toMatch(/can't parse entities/);
  });

  it("posts updates to a webhook with the secret token", async () => {
    const { fake, api } = await setup();
    const received: Array<{ secret: string | undefined; body: unknown }> = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString()) });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
    try {
      const res = await fake.postUpdateToWebhook(url, { message: { message_id: 1, date: 1, chat: { id: alice.id, type: "private", first_name: "Alice" }, from: { id: alice.id, is_bot: false, first_name: "Alice" }, text: "hi" } }, "s3cret");
      expect(res.status).toBe(200);
      expect(received[0]).toMatchObject({ secret: "s3cret", body: { update_id: 1, message: { text: "hi" } } });

      // Once a webhook is set, pushed updates go there and getUpdates conflicts, like Telegram.
      await api.setWebhook(url, { secret_token: "other" });
      expect((await apiError(api.getUpdates())).error_code).toBe(409);
      fake.userMessage(alice, "via webhook");
      await expect.poll(() => received.length).toBe(2);
      expect(received[1]).toMatchObject({ secret: "other", body: { update_id: 2, message: { text: "via webhook", message_id: 2 } } });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
