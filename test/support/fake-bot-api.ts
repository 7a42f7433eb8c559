/**
 * A local fake of the Telegram Bot API (which Bale mirrors), served over real
 * HTTP so the bot process under test only needs BOT_API_ROOT pointed at it.
 * It keeps just enough state (chats, messages, files, update queue) for results
 * to look like Telegram's, records every call, can enforce Telegram's flood
 * limits, and can inject faults.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type {
  CallbackQuery, Chat, InlineKeyboardMarkup, Message, MessageEntity, PhotoSize, Update, User, UserFromGetMe,
} from "grammy/types";

export type Params = Record<string, unknown>;

export interface FloodLimits { globalPerSecond: number; perChatPerSecond: number; perGroupPerMinute: number }

export interface FakeBotApiOptions {
  /** Only this token is accepted (others get 401); default accepts any token. */
  token?: string;
  floodLimits?: boolean | Partial<FloodLimits>;
  /** Artificial delay before each response, to mimic a network round trip. */
  latencyMs?: number;
  botInfo?: Partial<UserFromGetMe>;
}

export interface FakeCall {
  method: string;
  params: Params;
  /** Date.now() when the request arrived (calls are appended when answered). */
  at: number;
  response: { ok: boolean; error_code?: number; description?: string; result?: unknown; dropped?: boolean };
}

export interface Failure { error_code: number; description: string; retry_after?: number }

/** What a multipart file part turns into inside recorded params. */
export interface UploadedFile { kind: "upload"; fileName: string; mimeType: string; size: number; data: Buffer }

export interface FakeUser { id: number; first_name?: string; last_name?: string; username?: string; language_code?: string }
export interface FakeDocument {
  file_id: string; file_unique_id: string; file_name?: string; mime_type?: string; file_size?: number;
  caption?: string; /** bytes served by /file/…; defaults to a short marker */ data?: Buffer | string;
}
export interface FakePhoto {
  file_id: string; file_unique_id: string; width?: number; height?: number; file_size?: number;
  caption?: string; data?: Buffer | string;
}
export type PushableUpdate = Omit<Update, "update_id"> & { update_id?: number };
export interface FakeBotApiStats { requests: number; sent: number; tooManyRequests: number }

type Envelope =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };

class ApiError extends Error {
  constructor(readonly code: number, readonly description: string, readonly retryAfter?: number) {
    super(description);
  }
}

interface ChatState { nextMessageId: number; messages: Map<number, Message>; lastBotMessageId?: number }
interface StoredFile {
  file_id: string; file_unique_id: string; file_size: number; file_path: string; data: Buffer;
  file_name?: string; mime_type?: string;
}
interface PendingPoll { limit: number; finish: (outcome: Update[] | ApiError) => void }
interface Waiter { predicate: (call: FakeCall) => boolean; resolve: (call: FakeCall) => void }

/** Methods whose success delivers a new message (counted in stats.sent). */
const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"]);
/** Telegram charges edits against the same flood budget as sends. */
const FLOOD_METHODS = new Set([...SEND_METHODS, "editMessageText"]);
/** Methods that a user blocking the bot makes fail with 403. */
const BLOCKABLE_METHODS = new Set([...FLOOD_METHODS, "editMessageReplyMarkup", "sendChatAction"]);
/** What sentMessages() reports. */
const DELIVERY_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "copyMessage"]);
/** Form-encoded values are strings; these fields are integers in the Bot API. */
const INTEGER_FIELDS = new Set([
  "chat_id", "from_chat_id", "message_id", "offset", "limit", "timeout", "user_id", "message_thread_id", "reply_to_message_id",
]);
/** Free text must never be JSON-parsed even if it looks like JSON. */
const TEXT_FIELDS = new Set(["text", "caption", "description", "title", "query"]);
const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote",
]);
/** Update types Telegram withholds unless explicitly requested in allowed_updates. */
const OPT_IN_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);
const MIME_TYPES: Record<string, string> = {
  pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", txt: "text/plain",
  csv: "text/csv", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip: "application/zip",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isUpload = (v: unknown): v is UploadedFile => isRecord(v) && v.kind === "upload" && Buffer.isBuffer(v.data);
const unixNow = (): number => Math.floor(Date.now() / 1000);
const flag = (v: unknown): boolean => v === true || v === "true";
const mimeOf = (name: string): string => MIME_TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
const updateType = (u: Update): string => Object.keys(u).find((k) => k !== "update_id") ?? "unknown";

export class FakeBotApi {
  readonly calls: FakeCall[] = [];
  readonly stats: FakeBotApiStats = { requests: 0, sent: 0, tooManyRequests: 0 };
  readonly me: UserFromGetMe;

  private readonly token: string | undefined;
  private readonly flood: FloodLimits | undefined;
  private readonly latencyMs: number;
  private server: http.Server | undefined;
  private stopping = false;
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, User>();
  private readonly files = new Map<string, StoredFile>();
  private readonly filesByPath = new Map<string, StoredFile>();
  private fileSeq = 0;
  private queue: Update[] = [];
  private nextUpdateId = 1;
  private allowedUpdates: string[] = [];
  private readonly polls = new Set<PendingPoll>();
  private readonly waiters = new Set<Waiter>();
  private readonly sleepers = new Set<() => void>();
  private readonly injected = new Map<string, Array<{ failure: Failure | "drop"; remaining: number }>>();
  private readonly holds: Array<{ method: string; match: (params: Params) => boolean; gate: Promise<void>; arrived: (params: Params) => void }> = [];
  private readonly blocked = new Set<number>();
  private readonly unknown = new Set<number>();
  private readonly openCallbacks = new Set<string>();
  private callbackSeq = 0;
  private readonly commands = new Map<string, unknown[]>();
  private webhook: { url: string; secret?: string; lastError?: { date: number; message: string } } = { url: "" };
  private webhookChain: Promise<void> = Promise.resolve();
  private readonly globalSends: number[] = [];
  private readonly chatSends = new Map<number, number[]>();

  constructor(options: FakeBotApiOptions = {}) {
    this.token = options.token;
    this.latencyMs = options.latencyMs ?? 0;
    const custom = typeof options.floodLimits === "object" ? options.floodLimits : {};
    this.flood = options.floodLimits
      ? { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20, ...custom }
      : undefined;
    // Real tokens start with the bot's id; mirror that so getMe looks consistent.
    const idFromToken = Number(options.token?.split(":")[0]);
    this.me = {
      id: Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 7_000_000_001,
      is_bot: true, first_name: "Tashil Test Bot", username: "tashil_test_bot",
      can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
      can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false,
      allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false,
      ...options.botInfo,
    };
  }

  // ---------------------------------------------------------------- lifecycle

  async start(port = 0): Promise<string> {
    if (this.server) throw new Error("FakeBotApi already started");
    this.stopping = false;
    const server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.stopping = true;
    for (const poll of [...this.polls]) poll.finish([]);
    for (const wake of [...this.sleepers]) wake();
    // closeAllConnections() drops grammY's keep-alive sockets, otherwise close() would wait for them.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- inspection

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentMessages(chatId?: string | number): FakeCall[] {
    return this.calls.filter((c) => DELIVERY_METHODS.has(c.method) && c.response.ok
      && (chatId === undefined || String(c.params.chat_id) === String(chatId)));
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  waitFor(predicate: (call: FakeCall) => boolean, timeoutMs = 5000): Promise<FakeCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (call) => { clearTimeout(timer); this.waiters.delete(waiter); resolve(call); },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`FakeBotApi.waitFor: no matching call within ${timeoutMs}ms. ${this.describeRecentCalls()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  // ---------------------------------------------------------------- fault injection

  failNext(method: string, failure: Failure | "drop", times = 1): void {
    const name = this.canonical(method);
    const list = this.injected.get(name) ?? [];
    list.push({ failure, remaining: times });
    this.injected.set(name, list);
  }

  /**
   * Holds back the next call of `method` (matching `match`, if given) until `release()`: the
   * request waits unanswered, as a slow Bot API would keep it; `reached` resolves when it arrived.
   */
  holdNext(method: string, match: (params: Params) => boolean = () => true): { reached: Promise<Params>; release(): void } {
    let release: () => void = () => undefined;
    let arrived: (params: Params) => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<Params>((resolve) => (arrived = resolve));
    this.holds.push({ method: this.canonical(method), match, gate, arrived });
    return { reached, release: () => release() };
  }

  blockChat(chatId: number | string): void {
    this.blocked.add(Number(chatId));
  }

  unknownChat(chatId: number | string): void {
    this.unknown.add(Number(chatId));
  }

  // ---------------------------------------------------------------- driving the bot

  pushUpdate(update: PushableUpdate): number {
    const full = this.admit(update);
    if (this.webhook.url) {
      const { url, secret } = this.webhook;
      // Telegram delivers webhook updates one at a time, in order.
      this.webhookChain = this.webhookChain.then(() => this.deliver(url, full, secret));
    } else {
      this.queue.push(full);
      for (const poll of [...this.polls]) {
        const ready = this.takeReady(poll.limit);
        if (ready.length > 0) poll.finish(ready);
      }
    }
    return full.update_id;
  }

  userMessage(user: FakeUser, text: string): number {
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    // grammY's bot.command() matches on bot_command entities, not on the raw text.
    const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
    return this.pushUserMessage(user, entities.length > 0 ? { text, entities } : { text });
  }

  userContact(user: FakeUser, phoneNumber: string, contactUserId = user.id): number {
    return this.pushUserMessage(user, {
      contact: { phone_number: phoneNumber, first_name: user.first_name ?? "Test", user_id: contactUserId },
    });
  }

  userCallback(user: FakeUser, data: string, messageId?: number): number {
    const state = this.chat(user.id);
    const id = messageId ?? state.lastBotMessageId;
    const message = id === undefined ? undefined : state.messages.get(id);
    if (!message) {
      throw new Error(`FakeBotApi.userCallback: chat ${user.id} has no ${id === undefined ? "bot message" : `message ${id}`} to press a button on`);
    }
    const callback: CallbackQuery = {
      id: `${this.me.id}${++this.callbackSeq}`, from: this.userObject(user),
      chat_instance: String(user.id * 31 + this.me.id), data, message,
    };
    return this.pushUpdate({ callback_query: callback });
  }

  userDocument(user: FakeUser, doc: FakeDocument): number {
    const file = this.registerFile(doc.file_id, doc.file_unique_id, doc.data, "documents", doc.file_name, doc.mime_type, doc.file_size);
    return this.pushUserMessage(user, {
      document: {
        file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size,
        ...(doc.file_name !== undefined && { file_name: doc.file_name }), ...(doc.mime_type !== undefined && { mime_type: doc.mime_type }),
      },
      ...(doc.caption !== undefined && { caption: doc.caption }),
    });
  }

  userPhoto(user: FakeUser, photo: FakePhoto): number {
    const file = this.registerFile(photo.file_id, photo.file_unique_id, photo.data, "photos", undefined, "image/jpeg", photo.file_size);
    return this.pushUserMessage(user, {
      photo: [this.photoSize(file, photo.width, photo.height)],
      ...(photo.caption !== undefined && { caption: photo.caption }),
    });
  }

  /** Posts an update the way Telegram does to a webhook (for testing our webhook server). */
  async postUpdateToWebhook(url: string, update: PushableUpdate, secretToken?: string): Promise<Response> {
    return this.post(url, this.admit(update), secretToken);
  }

  // ---------------------------------------------------------------- HTTP layer

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(res, file[1] ?? "", decodeURIComponent(file[2] ?? ""));
    const route = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!route) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });

    const at = Date.now();
    this.stats.requests++;
    const method = this.canonical(route[2] ?? "");
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    let params: Params = {};
    let outcome: Envelope | "drop";
    try {
      params = await readParams(req, url);
      const hold = this.holds.findIndex((h) => h.method === method && h.match(params));
      if (hold !== -1) {
        const [held] = this.holds.splice(hold, 1);
        held?.arrived(params);
        await held?.gate;
      }
      outcome = this.token !== undefined && route[1] !== this.token
        ? { ok: false, error_code: 401, description: "Unauthorized" }
        : await this.dispatch(method, params, aborted.signal);
    } catch (err) {
      outcome = { ok: false, error_code: 400, description: `Bad Request: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (outcome !== "drop" && !outcome.ok && outcome.error_code === 429) this.stats.tooManyRequests++;
    this.record({
      method, params, at,
      response: outcome === "drop" ? { ok: false, dropped: true }
        : outcome.ok ? { ok: true, result: outcome.result }
        : { ok: false, error_code: outcome.error_code, description: outcome.description },
    });
    await this.sleep();
    if (outcome === "drop") {
      req.socket.destroy();
      return;
    }
    reply(res, outcome.ok ? 200 : outcome.error_code, outcome);
  }

  private async dispatch(method: string, params: Params, signal: AbortSignal): Promise<Envelope | "drop"> {
    const fault = this.takeFault(method);
    if (fault === "drop") return "drop";
    try {
      if (fault) throw new ApiError(fault.error_code, fault.description, fault.retry_after);
      const handler = this.handlers[method];
      if (!handler) throw new ApiError(404, "Not Found: method not found");
      const chatId = toChatId(params.chat_id);
      if (params.chat_id !== undefined) this.checkReachable(method, chatId);
      if (params.from_chat_id !== undefined && this.unknown.has(toChatId(params.from_chat_id) ?? NaN)) {
        throw new ApiError(400, "Bad Request: chat not found");
      }
      const now = Date.now();
      this.checkFlood(method, chatId, now);
      // Check, handle and count synchronously, so concurrent requests cannot slip past the limit together.
      const result = handler(params, signal);
      if (FLOOD_METHODS.has(method)) this.countSend(chatId, now);
      if (SEND_METHODS.has(method)) this.stats.sent++;
      return { ok: true, result: await result };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return {
        ok: false, error_code: err.code, description: err.description,
        ...(err.retryAfter !== undefined && { parameters: { retry_after: err.retryAfter } }),
      };
    }
  }

  private serveFile(res: http.ServerResponse, token: string, path: string): void {
    const file = this.filesByPath.get(path);
    if ((this.token !== undefined && token !== this.token) || !file) {
      return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.data.length });
    res.end(file.data);
  }

  // ---------------------------------------------------------------- Bot API methods

  private readonly handlers: Record<string, (p: Params, signal: AbortSignal) => unknown> = {
    getMe: () => this.me,
    getUpdates: (p, signal) => this.getUpdates(p, signal),
    setWebhook: (p) => {
      const url = typeof p.url === "string" ? p.url : "";
      if (flag(p.drop_pending_updates)) this.queue = [];
      this.webhook = { url, ...(typeof p.secret_token === "string" && { secret: p.secret_token }) };
      if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.map(String);
      return true;
    },
    deleteWebhook: (p) => {
      if (flag(p.drop_pending_updates)) this.queue = [];
      this.webhook = { url: "" };
      return true;
    },
    getWebhookInfo: () => ({
      url: this.webhook.url, has_custom_certificate: false, pending_update_count: this.queue.length,
      ...(this.webhook.lastError && { last_error_date: this.webhook.lastError.date, last_error_message: this.webhook.lastError.message }),
      ...(this.webhook.url && { max_connections: 40 }),
    }),
    setMyCommands: (p) => {
      const commands = Array.isArray(p.commands) ? p.commands : [];
      for (const c of commands) {
        if (!isRecord(c) || typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
          throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
        }
      }
      this.commands.set(commandsKey(p), commands);
      return true;
    },
    getMyCommands: (p) => this.commands.get(commandsKey(p)) ?? [],
    deleteMyCommands: (p) => (this.commands.delete(commandsKey(p)), true),
    setChatMenuButton: () => true,
    sendChatAction: (p) => (this.requireChat(p), true),
    answerCallbackQuery: (p) => {
      // Telegram rejects unknown and already-answered queries alike.
      if (!this.openCallbacks.delete(String(p.callback_query_id))) {
        throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
      }
      return true;
    },
    sendMessage: (p) => {
      const chatId = this.requireChat(p);
      const text = renderText(p.text, p.parse_mode);
      if (text.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      if (text.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
      return this.storeBotMessage(chatId, { text, ...this.inlineMarkup(p) });
    },
    sendDocument: (p) => {
      const chatId = this.requireChat(p);
      const file = this.resolveFile(p.document, "document");
      return this.storeBotMessage(chatId, {
        document: {
          file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size,
          ...(file.file_name !== undefined && { file_name: file.file_name }), ...(file.mime_type !== undefined && { mime_type: file.mime_type }),
        },
        ...this.caption(p), ...this.inlineMarkup(p),
      });
    },
    sendPhoto: (p) => {
      const chatId = this.requireChat(p);
      const file = this.resolveFile(p.photo, "photo");
      return this.storeBotMessage(chatId, { photo: [this.photoSize(file)], ...this.caption(p), ...this.inlineMarkup(p) });
    },
    copyMessage: (p) => {
      const chatId = this.requireChat(p);
      const { message_id: _id, date: _d, chat: _c, from: _f, reply_markup: _r, edit_date: _e, forward_origin: _o, ...content } =
        this.findMessage(p.from_chat_id, p.message_id, "Bad Request: message to copy not found");
      const copy = this.storeBotMessage(chatId, { ...content, ...this.caption(p), ...this.inlineMarkup(p) });
      return { message_id: copy.message_id };
    },
    forwardMessage: (p) => {
      const chatId = this.requireChat(p);
      const { message_id: _id, date: _d, chat: _c, from: _f, reply_markup: _r, edit_date: _e, ...content } =
        this.findMessage(p.from_chat_id, p.message_id, "Bad Request: message to forward not found");
      const origin = content.forward_origin ?? (_f ? { type: "user" as const, sender_user: _f, date: _d } : undefined);
      return this.storeBotMessage(chatId, { ...content, ...(origin && { forward_origin: origin }) });
    },
    editMessageText: (p) => {
      if (p.inline_message_id !== undefined) return true;
      const msg = this.editableMessage(p);
      if (msg.text === undefined) throw new ApiError(400, "Bad Request: there is no text in the message to edit");
      const text = renderText(p.text, p.parse_mode);
      if (text.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      return this.applyEdit(msg, { text, ...this.inlineMarkup(p) });
    },
    editMessageReplyMarkup: (p) => {
      if (p.inline_message_id !== undefined) return true;
      const msg = this.editableMessage(p);
      const { reply_markup: _old, ...rest } = msg;
      return this.applyEdit(msg, { ...rest, ...this.inlineMarkup(p) });
    },
    deleteMessage: (p) => {
      const state = this.chats.get(this.requireChat(p));
      if (!state?.messages.delete(Number(p.message_id))) throw new ApiError(400, "Bad Request: message to delete not found");
      return true;
    },
    getFile: (p) => {
      const file = this.files.get(String(p.file_id));
      if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
    },
    getChat: (p) => {
      const chat = this.chatObject(this.requireChat(p));
      return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
    },
  };

  private getUpdates(p: Params, signal: AbortSignal): Update[] | Promise<Update[]> {
    if (this.webhook.url) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = typeof p.offset === "number" ? p.offset : 0;
    // A positive offset confirms everything before it; a negative one keeps only the last |offset| updates.
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    if (offset < 0) this.queue = this.queue.slice(offset);
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.map(String);
    const limit = Math.min(100, Math.max(1, typeof p.limit === "number" ? p.limit : 100));
    const timeout = typeof p.timeout === "number" ? Math.max(0, p.timeout) : 0;
    // Telegram keeps one long poll per bot; a newer request ends the older with 409.
    for (const poll of [...this.polls]) {
      poll.finish(new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
    }
    const ready = this.takeReady(limit);
    if (ready.length > 0 || timeout === 0 || this.stopping) return ready;
    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit,
        finish: (outcome) => {
          clearTimeout(timer);
          this.polls.delete(poll);
          signal.removeEventListener("abort", onAbort);
          if (outcome instanceof ApiError) reject(outcome);
          else resolve(outcome);
        },
      };
      const onAbort = (): void => poll.finish([]);
      const timer = setTimeout(() => poll.finish([]), timeout * 1000);
      this.polls.add(poll);
      signal.addEventListener("abort", onAbort); // the client went away: stop holding its slot
    });
  }

  /** Unconfirmed updates the bot asked for; filtered-out types are dropped, as Telegram does. */
  private takeReady(limit: number): Update[] {
    const wanted = (u: Update): boolean => this.allowedUpdates.length > 0
      ? this.allowedUpdates.includes(updateType(u)) : !OPT_IN_UPDATES.has(updateType(u));
    this.queue = this.queue.filter(wanted);
    return this.queue.slice(0, limit);
  }

  // ---------------------------------------------------------------- state helpers

  private chat(id: number): ChatState {
    let state = this.chats.get(id);
    if (!state) {
      state = { nextMessageId: 1, messages: new Map() };
      this.chats.set(id, state);
    }
    return state;
  }

  private chatObject(id: number): Chat {
    if (id < 0) return { id, type: "supergroup", title: `Group ${id}` };
    const user = this.users.get(id);
    return {
      id, type: "private", first_name: user?.first_name ?? "User",
      ...(user?.last_name !== undefined && { last_name: user.last_name }), ...(user?.username !== undefined && { username: user.username }),
    };
  }

  private userObject(user: FakeUser): User {
    const full: User = {
      id: user.id, is_bot: false, first_name: user.first_name ?? "Test",
      ...(user.last_name !== undefined && { last_name: user.last_name }),
      ...(user.username !== undefined && { username: user.username }),
      ...(user.language_code !== undefined && { language_code: user.language_code }),
    };
    this.users.set(user.id, full);
    return full;
  }

  private pushUserMessage(user: FakeUser, content: Partial<Message>): number {
    const from = this.userObject(user);
    const chat = this.chatObject(user.id);
    if (chat.type !== "private") throw new Error(`FakeBotApi: user ids must be positive, got ${user.id}`);
    const message = { ...content, message_id: this.chat(user.id).nextMessageId, date: unixNow(), chat, from };
    return this.pushUpdate({ message });
  }

  /** Gives the update its id and remembers its messages and callback ids, so later calls can refer to them. */
  private admit(update: PushableUpdate): Update {
    const full: Update = { ...update, update_id: update.update_id ?? this.nextUpdateId };
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    for (const msg of [full.message, full.edited_message, full.channel_post, full.edited_channel_post]) {
      if (!msg) continue;
      const state = this.chat(msg.chat.id);
      state.messages.set(msg.message_id, msg);
      state.nextMessageId = Math.max(state.nextMessageId, msg.message_id + 1);
      if (msg.from && !msg.from.is_bot) this.users.set(msg.from.id, msg.from);
    }
    if (full.callback_query) this.openCallbacks.add(full.callback_query.id);
    return full;
  }

  private storeBotMessage(chatId: number, content: Partial<Message>): Message {
    const state = this.chat(chatId);
    const msg: Message = { ...content, message_id: state.nextMessageId++, date: unixNow(), chat: this.chatObject(chatId), from: this.me };
    state.messages.set(msg.message_id, msg);
    state.lastBotMessageId = msg.message_id;
    return msg;
  }

  private findMessage(chatId: unknown, messageId: unknown, notFound: string): Message {
    const msg = this.chats.get(toChatId(chatId) ?? NaN)?.messages.get(Number(messageId));
    if (!msg) throw new ApiError(400, notFound);
    return msg;
  }

  private editableMessage(p: Params): Message {
    const msg = this.findMessage(this.requireChat(p), p.message_id, "Bad Request: message to edit not found");
    if (msg.from?.id !== this.me.id) throw new ApiError(400, "Bad Request: message can't be edited");
    return msg;
  }

  /** Telegram refuses no-op edits; bots must cope with that error. */
  private applyEdit(msg: Message, next: Partial<Message>): Message {
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

  private requireChat(p: Params): number {
    if (p.chat_id === undefined || p.chat_id === "") throw new ApiError(400, "Bad Request: chat_id is empty");
    const id = toChatId(p.chat_id);
    if (id === undefined) throw new ApiError(400, "Bad Request: chat not found");
    return id;
  }

  private checkReachable(method: string, chatId: number | undefined): void {
    if (chatId === undefined) return;
    if (this.unknown.has(chatId)) throw new ApiError(400, "Bad Request: chat not found");
    if (this.blocked.has(chatId) && BLOCKABLE_METHODS.has(method)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
  }

  /** Reply keyboards are not echoed back by Telegram; inline keyboards are (and are validated). */
  private inlineMarkup(p: Params): { reply_markup?: InlineKeyboardMarkup } {
    const markup = p.reply_markup;
    if (!isRecord(markup) || !Array.isArray(markup.inline_keyboard)) return {};
    for (const row of markup.inline_keyboard) {
      for (const button of Array.isArray(row) ? row : []) {
        if (isRecord(button) && typeof button.callback_data === "string" && Buffer.byteLength(button.callback_data) > 64) {
          throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
        }
      }
    }
    return { reply_markup: markup as unknown as InlineKeyboardMarkup };
  }

  private caption(p: Params): { caption?: string } {
    if (p.caption === undefined) return {};
    const caption = renderText(p.caption, p.parse_mode);
    if (caption.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
    return { caption };
  }

  // ---------------------------------------------------------------- files

  private registerFile(
    fileId: string, uniqueId: string, data: Buffer | string | undefined, folder: string,
    name?: string, mime?: string, size?: number,
  ): StoredFile {
    const bytes = data === undefined ? Buffer.from(`fake file ${fileId}`) : Buffer.from(data);
    const ext = name?.includes(".") ? `.${name.split(".").pop()}` : folder === "photos" ? ".jpg" : "";
    const file: StoredFile = {
      file_id: fileId, file_unique_id: uniqueId, file_size: size ?? bytes.length, data: bytes,
      file_path: `${folder}/file_${++this.fileSeq}${ext}`,
      ...(name !== undefined && { file_name: name }), ...(mime !== undefined && { mime_type: mime }),
    };
    this.files.set(fileId, file);
    this.filesByPath.set(file.file_path, file);
    return file;
  }

  /** Accepts an upload, a file_id the fake already knows, or an HTTP URL — like Telegram. */
  private resolveFile(input: unknown, field: "document" | "photo"): StoredFile {
    const folder = field === "photo" ? "photos" : "documents";
    const newId = (): string => `fake-${field}-${this.fileSeq + 1}-${Date.now().toString(36)}`;
    if (isUpload(input)) {
      const id = newId();
      return this.registerFile(id, `u${id}`, input.data, folder, field === "document" ? input.fileName : undefined, field === "document" ? input.mimeType : "image/jpeg");
    }
    if (typeof input === "string" && /^https?:\/\//.test(input)) {
      const name = decodeURIComponent(new URL(input).pathname.split("/").pop() || field);
      const id = newId();
      return this.registerFile(id, `u${id}`, undefined, folder, field === "document" ? name : undefined, mimeOf(name));
    }
    if (input === undefined || input === "") throw new ApiError(400, `Bad Request: there is no ${field} in the request`);
    const known = this.files.get(String(input));
    if (!known) throw new ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    return known;
  }

  private photoSize(file: StoredFile, width = 1280, height = 960): PhotoSize {
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, width, height, file_size: file.file_size };
  }

  // ---------------------------------------------------------------- flood limits & faults

  private checkFlood(method: string, chatId: number | undefined, now: number): void {
    if (!this.flood || !FLOOD_METHODS.has(method)) return;
    const waits: number[] = [];
    const over = (times: number[], windowMs: number, max: number): void => {
      while (times.length > 0 && (times[0] ?? 0) <= now - windowMs) times.shift();
      if (times.length >= max) waits.push((times[0] ?? now) + windowMs - now);
    };
    over(this.globalSends, 1000, this.flood.globalPerSecond);
    if (chatId !== undefined) {
      const group = chatId < 0;
      over(this.chatSends.get(chatId) ?? [], group ? 60_000 : 1000, group ? this.flood.perGroupPerMinute : this.flood.perChatPerSecond);
    }
    if (waits.length === 0) return;
    const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
  }

  private countSend(chatId: number | undefined, now: number): void {
    if (!this.flood) return;
    this.globalSends.push(now);
    if (chatId === undefined) return;
    const times = this.chatSends.get(chatId) ?? [];
    times.push(now);
    this.chatSends.set(chatId, times);
  }

  private takeFault(method: string): Failure | "drop" | undefined {
    const list = this.injected.get(method);
    const next = list?.[0];
    if (!list || !next) return undefined;
    if (--next.remaining <= 0) list.shift();
    return next.failure;
  }

  // ---------------------------------------------------------------- plumbing

  /** Telegram method names are case-insensitive; record them in canonical spelling. */
  private canonical(name: string): string {
    return Object.keys(this.handlers).find((m) => m.toLowerCase() === name.toLowerCase()) ?? name;
  }

  private record(call: FakeCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) if (waiter.predicate(call)) waiter.resolve(call);
  }

  private describeRecentCalls(): string {
    if (this.calls.length === 0) return "No calls were recorded.";
    const lines = this.calls.slice(-15).map((c) => {
      const params = JSON.stringify(c.params, (_k, v: unknown) => (isRecord(v) && v.type === "Buffer" ? "<bytes>" : v));
      const status = c.response.ok ? "ok" : c.response.dropped ? "dropped" : `${c.response.error_code} ${c.response.description ?? ""}`;
      return `  ${new Date(c.at).toISOString().slice(11, 23)} ${c.method} ${params.slice(0, 160)} → ${status}`;
    });
    return `Last ${lines.length} of ${this.calls.length} calls:\n${lines.join("\n")}`;
  }

  private sleep(): Promise<void> {
    if (this.latencyMs <= 0 || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => { clearTimeout(timer); this.sleepers.delete(wake); resolve(); };
      const timer = setTimeout(wake, this.latencyMs);
      this.sleepers.add(wake);
    });
  }

  private post(url: string, update: Update, secretToken?: string): Promise<Response> {
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secretToken !== undefined && { "x-telegram-bot-api-secret-token": secretToken }) },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(10_000),
    });
  }

  /** Webhook mode: Telegram posts each update and remembers the last failure for getWebhookInfo. */
  private async deliver(url: string, update: Update, secret?: string): Promise<void> {
    try {
      const res = await this.post(url, update, secret);
      await res.arrayBuffer();
      if (!res.ok) this.webhook.lastError = { date: unixNow(), message: `Wrong response from the webhook: ${res.status} ${res.statusText}` };
    } catch (err) {
      this.webhook.lastError = { date: unixNow(), message: `Connection failed: ${String(err)}` };
    }
  }
}

// ---------------------------------------------------------------- request parsing

function toChatId(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function commandsKey(p: Params): string {
  return `${JSON.stringify(p.scope ?? { type: "default" })}|${typeof p.language_code === "string" ? p.language_code : ""}`;
}

/** Mirrors Telegram's HTML parse mode closely enough to catch unsupported tags in our templates. */
function renderText(value: unknown, parseMode: unknown): string {
  const text = typeof value === "string" ? value : value === undefined ? "" : String(value);
  if (parseMode !== "HTML") return text;
  for (const tag of text.matchAll(/<\/?([A-Za-z][\w-]*)[^>]*>/g)) {
    if (!HTML_TAGS.has((tag[1] ?? "").toLowerCase())) {
      const offset = Buffer.byteLength(text.slice(0, tag.index));
      throw new ApiError(400, `Bad Request: can't parse entities: Unsupported start tag "${tag[1]}" at byte offset ${offset}`);
    }
  }
  const stripped = text.replace(/<[^>]*>/g, "");
  const stray = stripped.indexOf("<");
  if (stray !== -1) throw new ApiError(400, `Bad Request: can't parse entities: unescaped "<" at byte offset ${Buffer.byteLength(stripped.slice(0, stray))}`);
  return stripped.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

function formValue(key: string, value: string): unknown {
  if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (!TEXT_FIELDS.has(key) && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

async function readParams(req: http.IncomingMessage, url: URL): Promise<Params> {
  const params: Params = {};
  for (const [k, v] of url.searchParams) params[k] = formValue(k, v);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;
  const contentType = req.headers["content-type"] ?? "";
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) throw new Error("multipart body without boundary");
    return { ...params, ...parseMultipart(body, boundary[1] ?? boundary[2] ?? "") };
  }
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = formValue(k, v);
    return params;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new Error("can't parse JSON object");
  }
  if (!isRecord(parsed)) throw new Error("can't parse JSON object");
  return { ...params, ...parsed };
}

/**
 * Hand-rolled because Node 20's Request#formData() rejects grammY's multipart
 * bodies (it writes `form-data;name="x"` without a space and leaves filenames unquoted).
 */
function parseMultipart(body: Buffer, boundary: string): Params {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Params = {};
  const uploads = new Map<string, UploadedFile>();
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body[start] === 13 && body[start + 1] === 10) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new Error("unterminated multipart body");
    const end = body[next - 2] === 13 && body[next - 1] === 10 ? next - 2 : next;
    const part = body.subarray(start, end);
    const split = part.indexOf("\r\n\r\n");
    const head = split === -1 ? "" : part.subarray(0, split).toString("utf8");
    const data = split === -1 ? Buffer.alloc(0) : part.subarray(split + 4);
    const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;\r\n]*))/im.exec(head);
    const filename = /;\s*filename=(?:"([^"]*)"|([^\r\n]*))/i.exec(head);
    const partType = /^content-type:\s*([^\r\n]+)/im.exec(head);
    const key = name?.[1] ?? name?.[2]?.trim();
    if (key !== undefined) {
      if (filename) {
        const fileName = (filename[1] ?? filename[2] ?? "file").trim();
        const declared = partType?.[1]?.trim();
        const mimeType = declared && declared !== "application/octet-stream" ? declared : mimeOf(fileName);
        uploads.set(key, { kind: "upload", fileName, mimeType, size: data.length, data: Buffer.from(data) });
      } else {
        fields[key] = formValue(key, data.toString("utf8"));
      }
    }
    pos = next;
  }
  // grammY sends `document: "attach://<id>"` plus a part named <id>; curl -F sends the part under the field name.
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) return uploads.get(value.slice(9)) ?? value;
    if (Array.isArray(value)) return value.map(resolve);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const params = resolve(fields) as Params;
  const referenced = JSON.stringify(fields);
  for (const [key, upload] of uploads) if (!(key in params) && !referenced.includes(`attach://${key}`)) params[key] = upload;
  return params;
}

function reply(res: http.ServerResponse, status: number, body: Envelope): void {
  if (res.destroyed || res.writableEnded) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
