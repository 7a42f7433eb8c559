/**
 * What the web chat shows: every chat's messages as the person in it sees them, rebuilt from
 * the local Bot API's record of calls (the bot's sends, edits and deletions, in the order they
 * were answered) and the messages the page's people wrote. Reply keyboards are not part of a
 * Telegram message: a chat keeps the last one the bot sent until it sends another or removes it.
 */
import type { Message } from "grammy/types";
import type { FakeBotApi, FakeCall } from "./local-api";

export interface ChatButton { text: string; callback?: string; url?: string }
export interface ChatFile { fileId: string; name?: string; mime?: string; photo: boolean }

export interface ChatMessage {
  /** Unique in the sandbox: the page keys bubbles by it. */
  key: string;
  messageId: number;
  /** Order of arrival across all chats. */
  seq: number;
  from: "bot" | "user";
  /** For group chats: who wrote it. */
  author?: string;
  text: string;
  date: number;
  edited: boolean;
  buttons: ChatButton[][];
  file?: ChatFile;
}

export interface ChatView {
  chatId: number;
  messages: ChatMessage[];
  replyKeyboard: Array<Array<{ text: string; contact: boolean }>> | null;
  /** The text of the last callback answer shown as a toast (answerCallbackQuery with text). */
  notice?: { text: string; seq: number };
}

interface ChatState { messages: Map<number, ChatMessage>; replyKeyboard: ChatView["replyKeyboard"]; notice?: ChatView["notice"] }

const MAX_MESSAGES = 300;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function inlineButtons(message: Message): ChatButton[][] {
  const rows = message.reply_markup?.inline_keyboard ?? [];
  return rows.map((row) => row.map((b) => ({
    text: b.text,
    ...("callback_data" in b && b.callback_data !== undefined && { callback: b.callback_data }),
    ...("url" in b && b.url !== undefined && { url: b.url }),
  })));
}

function fileOf(message: Message): ChatFile | undefined {
  const photo = message.photo?.at(-1);
  if (photo) return { fileId: photo.file_id, photo: true };
  const doc = message.document;
  if (doc) return { fileId: doc.file_id, photo: false, ...(doc.file_name && { name: doc.file_name }), ...(doc.mime_type && { mime: doc.mime_type }) };
  return undefined;
}

export class ChatLog {
  private readonly chats = new Map<number, ChatState>();
  private cursor = 0;
  private seq = 0;
  /** Changes whenever anything visible changed (the page re-renders then). */
  version = 0;

  constructor(private readonly api: FakeBotApi) {}

  /** Takes in the calls answered since the last look. */
  sync(): void {
    const calls = this.api.calls;
    while (this.cursor < calls.length) {
      const call = calls[this.cursor++];
      if (call?.response.ok) this.apply(call);
    }
  }

  /** A message the page's person wrote (the local Bot API gave it its id). */
  addUserMessage(chatId: number, message: Omit<ChatMessage, "key" | "seq" | "from" | "edited" | "buttons" | "date">): void {
    this.sync();
    this.store(chatId, { ...message, key: `${chatId}:u${message.messageId}:${this.seq + 1}`, seq: ++this.seq, from: "user", edited: false, buttons: [], date: Math.floor(Date.now() / 1000) });
  }

  view(chatId: number): ChatView {
    this.sync();
    const state = this.chats.get(chatId);
    const messages = state ? [...state.messages.values()].sort((a, b) => a.seq - b.seq) : [];
    return { chatId, messages, replyKeyboard: state?.replyKeyboard ?? null, ...(state?.notice && { notice: state.notice }) };
  }

  /** A bot message of the chat, for a button press on it. */
  message(chatId: number, messageId: number): ChatMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  /** The highest message id the chat has seen (a group message typed in the page takes the next). */
  lastMessageId(chatId: number): number {
    this.sync();
    return Math.max(0, ...[...(this.chats.get(chatId)?.messages.values() ?? [])].map((m) => m.messageId));
  }

  private state(chatId: number): ChatState {
    let state = this.chats.get(chatId);
    if (!state) {
      state = { messages: new Map(), replyKeyboard: null };
      this.chats.set(chatId, state);
    }
    return state;
  }

  /** Bot messages by their id (edits and presses find them); the page's own under -seq. */
  private store(chatId: number, message: ChatMessage): void {
    const state = this.state(chatId);
    state.messages.set(message.from === "bot" ? message.messageId : -message.seq, message);
    while (state.messages.size > MAX_MESSAGES) state.messages.delete(state.messages.keys().next().value as number);
    this.version++;
  }

  private apply(call: FakeCall): void {
    const { method, params } = call;
    const result = call.response.result;
    if ((method === "sendMessage" || method === "sendPhoto" || method === "sendDocument") && isRecord(result)) {
      const message = result as unknown as Message;
      this.store(message.chat.id, this.fromBot(message, false));
      this.takeReplyKeyboard(message.chat.id, params.reply_markup);
    } else if (method.startsWith("editMessage") && isRecord(result)) {
      const message = result as unknown as Message;
      const old = this.chats.get(message.chat.id)?.messages.get(message.message_id);
      this.store(message.chat.id, { ...this.fromBot(message, true), ...(old && { seq: old.seq, key: old.key }) });
    } else if (method === "deleteMessage") {
      const chatId = Number(params.chat_id);
      if (this.chats.get(chatId)?.messages.delete(Number(params.message_id))) this.version++;
    } else if (method === "answerCallbackQuery" && typeof params.text === "string" && params.text !== "") {
      // The answer names no chat: it belongs to the chat of the latest press (the page's own).
      const chatId = this.lastPressChat;
      if (chatId !== undefined) {
        this.state(chatId).notice = { text: params.text, seq: ++this.seq };
        this.version++;
      }
    }
  }

  /** The chat of the latest button press (set by the server before pushing it). */
  lastPressChat: number | undefined;

  private fromBot(message: Message, edited: boolean): ChatMessage {
    const file = fileOf(message);
    return {
      key: `${message.chat.id}:b${message.message_id}`,
      messageId: message.message_id,
      seq: ++this.seq,
      from: "bot",
      text: message.text ?? message.caption ?? "",
      date: message.date,
      edited,
      buttons: inlineButtons(message),
      ...(file && { file }),
    };
  }

  private takeReplyKeyboard(chatId: number, markup: unknown): void {
    if (!isRecord(markup)) return;
    const state = this.state(chatId);
    if (markup.remove_keyboard === true) state.replyKeyboard = null;
    else if (Array.isArray(markup.keyboard)) {
      state.replyKeyboard = markup.keyboard.map((row: unknown) => (Array.isArray(row) ? row : []).map((b: unknown) => (typeof b === "string"
        ? { text: b, contact: false }
        : { text: isRecord(b) ? String(b.text ?? "") : "", contact: isRecord(b) && b.request_contact === true })));
    }
  }
}
