/**
 * The sandbox's chat log (src/sandbox/chats.ts) against the local Bot API, driven by grammY's
 * own client as the bot drives it: what the page shows follows sends, edits, deletions, reply
 * keyboards (the contact button included, removal too), photos and documents, and the toast
 * of a callback answer; the page's own messages sit in order among the bot's.
 */
import { Api, InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatLog } from "../../src/sandbox/chats";
import { FakeBotApi } from "../support/fake-bot-api";

const TOKEN = "7000000001:sandbox_chat_log_test_token";
const USER = { id: 5501, first_name: "رضا" };
let fake: FakeBotApi;
let api: Api;
let log: ChatLog;

beforeAll(async () => {
  fake = new FakeBotApi({ token: TOKEN });
  api = new Api(TOKEN, { apiRoot: await fake.start() });
  log = new ChatLog(fake);
});
afterAll(async () => fake.stop());

describe("the sandbox's chat log", () => {
  it("shows the bot's messages with their buttons, edited in place and removed when deleted", async () => {
    const first = await api.sendMessage(USER.id, "منوی اصلی:", { reply_markup: { inline_keyboard: [[{ text: "ثبت مشکل", callback_data: "report:new" }, { text: "کانال", url: "https://t.me/tashil_test_bot?start=inv_abc" }]] } });
    const second = await api.sendMessage(USER.id, "پیام دوم");
    let view = log.view(USER.id);
    expect(view.messages.map((m) => m.text)).toEqual(["منوی اصلی:", "پیام دوم"]);
    expect(view.messages[0]?.buttons).toEqual([[{ text: "ثبت مشکل", callback: "report:new" }, { text: "کانال", url: "https://t.me/tashil_test_bot?start=inv_abc" }]]);

    await api.editMessageText(USER.id, first.message_id, "موضوع مشکل چیست؟", { reply_markup: { inline_keyboard: [[{ text: "مالیات", callback_data: "rp:cat:tax" }]] } });
    await api.deleteMessage(USER.id, second.message_id);
    view = log.view(USER.id);
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]).toMatchObject({ messageId: first.message_id, text: "موضوع مشکل چیست؟", edited: true, buttons: [[{ text: "مالیات", callback: "rp:cat:tax" }]] });
    expect(log.message(USER.id, first.message_id)?.text).toBe("موضوع مشکل چیست؟");
  });

  it("keeps the last reply keyboard until another replaces it or it is removed", async () => {
    await api.sendMessage(USER.id, "شماره همراه خود را به اشتراک بگذارید.", {
      reply_markup: { keyboard: [[{ text: "📱 اشتراک شماره", request_contact: true }], [{ text: "انصراف" }]], resize_keyboard: true },
    });
    await api.sendMessage(USER.id, "بدون صفحه‌کلید تازه");
    expect(log.view(USER.id).replyKeyboard).toEqual([[{ text: "📱 اشتراک شماره", contact: true }], [{ text: "انصراف", contact: false }]]);
    await api.sendMessage(USER.id, "ثبت شد.", { reply_markup: { remove_keyboard: true } });
    expect(log.view(USER.id).replyKeyboard).toBeNull();
  });

  it("puts the page's messages in order and shows photos and documents as files", async () => {
    const before = log.view(USER.id).messages.length;
    fake.userMessage(USER, "/start");
    log.addUserMessage(USER.id, { messageId: log.lastMessageId(USER.id) + 1, text: "/start" });
    await api.sendPhoto(USER.id, new InputFile(Buffer.from("png bytes"), "chart.png"), { caption: "نمودار" });
    await api.sendDocument(USER.id, new InputFile(Buffer.from("xlsx bytes"), "report.xlsx"));
    const messages = log.view(USER.id).messages.slice(before);
    expect(messages.map((m) => [m.from, m.text])).toEqual([["user", "/start"], ["bot", "نمودار"], ["bot", ""]]);
    expect(messages[1]?.file).toMatchObject({ photo: true });
    expect(messages[2]?.file).toMatchObject({ photo: false, name: "report.xlsx" });
    // The file ids are the local Bot API's: getFile finds them (the page downloads through it).
    const file = await api.getFile(messages[2]?.file?.fileId ?? "");
    expect(file.file_path).toMatch(/\.xlsx$/);
  });

  it("shows a callback answer's text as a toast in the chat of the press", async () => {
    const version = log.version;
    log.lastPressChat = USER.id;
    fake.userCallback(USER, "rp:cat:tax");
    const update = (await api.raw.getUpdates({ offset: 0, timeout: 0 })).find((u) => u.callback_query);
    await api.answerCallbackQuery(update?.callback_query?.id ?? "", { text: "این پرونده بسته شده است." });
    const view = log.view(USER.id);
    expect(view.notice?.text).toBe("این پرونده بسته شده است.");
    expect(log.version).toBeGreaterThan(version);
  });
});
