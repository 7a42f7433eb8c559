/** What the local Bot API remembers: chats with their messages, the users it has seen, files. */
import type { Chat, Message, PhotoSize, User, UserFromGetMe } from "grammy/types";
import type { Profile } from "./profiles";
import { ApiError, isUpload, toChatId, unixNow, type LocalUser, type Params } from "./types";
import { mimeOf } from "./wire";

interface ChatState { nextMessageId: number; messages: Map<number, Message>; lastBotMessageId?: number }

export class ChatStore {
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, User>();

  constructor(private readonly me: UserFromGetMe) {}

  chat(id: number): ChatState {
    let state = this.chats.get(id);
    if (!state) {
      state = { nextMessageId: 1, messages: new Map() };
      this.chats.set(id, state);
    }
    return state;
  }

  /** The messages of a chat as they stand now (edits applied, deletions gone), oldest first. */
  messages(id: number): Message[] {
    return [...(this.chats.get(id)?.messages.values() ?? [])].sort((a, b) => a.message_id - b.message_id);
  }

  chatObject(id: number): Chat {
    if (id < 0) return { id, type: "supergroup", title: `Group ${id}` };
    const user = this.users.get(id);
    return {
      id, type: "private", first_name: user?.first_name ?? "User",
      ...(user?.last_name !== undefined && { last_name: user.last_name }), ...(user?.username !== undefined && { username: user.username }),
    };
  }

  userObject(user: LocalUser): User {
    const full: User = {
      id: user.id, is_bot: false, first_name: user.first_name ?? "Test",
      ...(user.last_name !== undefined && { last_name: user.last_name }),
      ...(user.username !== undefined && { username: user.username }),
      ...(user.language_code !== undefined && { language_code: user.language_code }),
    };
    this.users.set(user.id, full);
    return full;
  }

  /** A message that arrived in an update: later calls may refer to it (copy, forward, callbacks). */
  remember(msg: Message): void {
    const state = this.chat(msg.chat.id);
    state.messages.set(msg.message_id, msg);
    state.nextMessageId = Math.max(state.nextMessageId, msg.message_id + 1);
    if (msg.from && !msg.from.is_bot) this.users.set(msg.from.id, msg.from);
  }

  storeBotMessage(chatId: number, content: Partial<Message>): Message {
    const state = this.chat(chatId);
    const msg: Message = { ...content, message_id: state.nextMessageId++, date: unixNow(), chat: this.chatObject(chatId), from: this.me };
    state.messages.set(msg.message_id, msg);
    state.lastBotMessageId = msg.message_id;
    return msg;
  }

  findMessage(chatId: unknown, messageId: unknown, notFound: string): Message {
    const msg = this.chats.get(toChatId(chatId) ?? NaN)?.messages.get(Number(messageId));
    if (!msg) throw new ApiError(400, notFound);
    return msg;
  }

  editableMessage(p: Params): Message {
    const msg = this.findMessage(requireChat(p), p.message_id, "Bad Request: message to edit not found");
    if (msg.from?.id !== this.me.id) throw new ApiError(400, "Bad Request: message can't be edited");
    return msg;
  }

  /** Telegram refuses no-op edits; bots must cope with that error. */
  applyEdit(msg: Message, next: Partial<Message>): Message {
    const same = next.text === msg.text && next.caption === msg.caption
      && JSON.stringify(next.reply_markup) === JSON.stringify(msg.reply_markup);
    if (same) {
      throw new ApiError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    const { reply_markup: _old, ...kept } = msg;
    const edited: Message = { ...kept, ...next, edit_date: unixNow() };
    this.chat(msg.chat.id).messages.set(msg.message_id, edited);
    return edited;
  }

  deleteMessage(chatId: number, messageId: number): boolean {
    return this.chats.get(chatId)?.messages.delete(messageId) ?? false;
  }
}

export function requireChat(p: Params): number {
  if (p.chat_id === undefined || p.chat_id === "") throw new ApiError(400, "Bad Request: chat_id is empty");
  const id = toChatId(p.chat_id);
  if (id === undefined) throw new ApiError(400, "Bad Request: chat not found");
  return id;
}

export interface StoredFile {
  file_id: string; file_unique_id: string; file_size: number; file_path: string; data: Buffer;
  file_name?: string; mime_type?: string;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private seq = 0;

  constructor(private readonly profile: Profile) {}

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  register(
    fileId: string, uniqueId: string, data: Buffer | string | undefined, folder: string,
    name?: string, mime?: string, size?: number,
  ): StoredFile {
    const bytes = data === undefined ? Buffer.from(`fake file ${fileId}`) : Buffer.from(data);
    const ext = name?.includes(".") ? `.${name.split(".").pop()}` : folder === "photos" ? ".jpg" : "";
    const file: StoredFile = {
      file_id: fileId, file_unique_id: uniqueId, file_size: size ?? bytes.length, data: bytes,
      file_path: `${folder}/file_${++this.seq}${ext}`,
      ...(name !== undefined && { file_name: name }), ...(mime !== undefined && { mime_type: mime }),
    };
    this.files.set(fileId, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  /** Accepts an upload (within the platform's limit), a known file_id, or an HTTP URL — like Telegram. */
  resolve(input: unknown, field: "document" | "photo"): StoredFile {
    const folder = field === "photo" ? "photos" : "documents";
    const newId = (): string => `fake-${field}-${this.seq + 1}-${Date.now().toString(36)}`;
    if (isUpload(input)) {
      if (input.size > this.profile.maxUploadBytes[field]) throw new ApiError(413, "Request Entity Too Large");
      const id = newId();
      return this.register(id, `u${id}`, input.data, folder, field === "document" ? input.fileName : undefined, field === "document" ? input.mimeType : "image/jpeg");
    }
    if (typeof input === "string" && /^https?:\/\//.test(input)) {
      const name = decodeURIComponent(new URL(input).pathname.split("/").pop() || field);
      const id = newId();
      return this.register(id, `u${id}`, undefined, folder, field === "document" ? name : undefined, mimeOf(name));
    }
    if (input === undefined || input === "") throw new ApiError(400, `Bad Request: there is no ${field} in the request`);
    const known = this.files.get(String(input));
    if (!known) throw new ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    return known;
  }

  photoSize(file: StoredFile, width = 1280, height = 960): PhotoSize {
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, width, height, file_size: file.file_size };
  }
}
