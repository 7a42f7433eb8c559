/**
 * A local Bot API: Telegram's (or, with `profile: "bale"`, Bale's) served over real HTTP on
 * 127.0.0.1, so a bot process only needs BOT_API_ROOT pointed at it. It keeps just enough state
 * (chats, messages, files, the update queue) for results to look like the platform's, records
 * every call, can enforce Telegram's flood limits, and can inject faults. The tests, the
 * benchmarks (and a sandbox) use this one implementation; nothing in production starts it
 * (.dependency-cruiser.cjs: local-bot-api-not-in-production).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { CallbackQuery, Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";
import { FloodGate, DEFAULT_FLOOD_LIMITS } from "./flood";
import { createMethods, type Handler } from "./methods";
import { PROFILES, type Profile } from "./profiles";
import { ChatStore, FileStore } from "./store";
import {
  ApiError, isRecord, toChatId, unixNow, type Envelope, type Failure, type LocalBotApiOptions, type LocalBotApiStats,
  type LocalDocument, type LocalPhoto, type LocalUser, type Params, type PushableUpdate, type RecordedCall,
} from "./types";
import { UpdateFeed } from "./updates";
import { readParams, reply } from "./wire";

export * from "./types";
export { PROFILES, type Profile, type ProfileName } from "./profiles";

/** Methods whose success delivers a new message (counted in stats.sent). */
const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"]);
/** Telegram charges edits against the same flood budget as sends. */
const FLOOD_METHODS = new Set([...SEND_METHODS, "editMessageText"]);
/** Methods that a user blocking the bot makes fail with 403. */
const BLOCKABLE_METHODS = new Set([...FLOOD_METHODS, "editMessageReplyMarkup", "sendChatAction"]);
/** What sentMessages() reports. */
const DELIVERY_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "copyMessage"]);

interface Waiter { predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }

export class LocalBotApi {
  readonly calls: RecordedCall[] = [];
  readonly stats: LocalBotApiStats = { requests: 0, sent: 0, tooManyRequests: 0 };
  readonly me: UserFromGetMe;
  readonly profile: Profile;

  private readonly token: string | undefined;
  private readonly flood: FloodGate | undefined;
  private readonly latencyMs: number;
  private server: http.Server | undefined;
  private readonly chats: ChatStore;
  private readonly files: FileStore;
  private readonly feed: UpdateFeed;
  private readonly handlers: Record<string, Handler>;
  private nextUpdateId = 1;
  private readonly waiters = new Set<Waiter>();
  private readonly sleepers = new Set<() => void>();
  private readonly injected = new Map<string, Array<{ failure: Failure | "drop"; remaining: number }>>();
  private readonly holds: Array<{ method: string; match: (params: Params) => boolean; gate: Promise<void>; arrived: (params: Params) => void }> = [];
  private readonly blocked = new Set<number>();
  private readonly unknown = new Set<number>();
  private readonly openCallbacks = new Set<string>();
  private callbackSeq = 0;

  constructor(options: LocalBotApiOptions = {}) {
    this.token = options.token;
    this.latencyMs = options.latencyMs ?? 0;
    this.profile = PROFILES[options.profile ?? "telegram"];
    const custom = typeof options.floodLimits === "object" ? options.floodLimits : {};
    this.flood = options.floodLimits ? new FloodGate({ ...DEFAULT_FLOOD_LIMITS, ...custom }) : undefined;
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
    this.chats = new ChatStore(this.me);
    this.files = new FileStore(this.profile);
    this.feed = new UpdateFeed(this.profile);
    this.handlers = createMethods({ me: this.me, profile: this.profile, chats: this.chats, files: this.files, feed: this.feed, openCallbacks: this.openCallbacks });
  }

  // ---------------------------------------------------------------- lifecycle

  async start(port = 0): Promise<string> {
    if (this.server) throw new Error("LocalBotApi already started");
    this.feed.stopping = false;
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
    this.feed.stopping = true;
    this.feed.release();
    for (const wake of [...this.sleepers]) wake();
    // closeAllConnections() drops grammY's keep-alive sockets, otherwise close() would wait for them.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- inspection

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentMessages(chatId?: string | number): RecordedCall[] {
    return this.calls.filter((c) => DELIVERY_METHODS.has(c.method) && c.response.ok
      && (chatId === undefined || String(c.params.chat_id) === String(chatId)));
  }

  /** A chat as its member sees it now: every message, edits applied, deleted ones gone. */
  messages(chatId: number | string): Message[] {
    return this.chats.messages(Number(chatId));
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (call) => { clearTimeout(timer); this.waiters.delete(waiter); resolve(call); },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`LocalBotApi.waitFor: no matching call within ${timeoutMs}ms. ${this.describeRecentCalls()}`));
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
    this.feed.push(full);
    return full.update_id;
  }

  userMessage(user: LocalUser, text: string): number {
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    // grammY's bot.command() matches on bot_command entities, not on the raw text.
    const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
    return this.pushUserMessage(user, entities.length > 0 ? { text, entities } : { text });
  }

  userContact(user: LocalUser, phoneNumber: string, contactUserId = user.id): number {
    return this.pushUserMessage(user, {
      contact: { phone_number: phoneNumber, first_name: user.first_name ?? "Test", user_id: contactUserId },
    });
  }

  userCallback(user: LocalUser, data: string, messageId?: number): number {
    const state = this.chats.chat(user.id);
    const id = messageId ?? state.lastBotMessageId;
    const message = id === undefined ? undefined : state.messages.get(id);
    if (!message) {
      throw new Error(`LocalBotApi.userCallback: chat ${user.id} has no ${id === undefined ? "bot message" : `message ${id}`} to press a button on`);
    }
    const callback: CallbackQuery = {
      id: `${this.me.id}${++this.callbackSeq}`, from: this.chats.userObject(user),
      chat_instance: String(user.id * 31 + this.me.id), data, message,
    };
    return this.pushUpdate({ callback_query: callback });
  }

  userDocument(user: LocalUser, doc: LocalDocument): number {
    const file = this.files.register(doc.file_id, doc.file_unique_id, doc.data, "documents", doc.file_name, doc.mime_type, doc.file_size);
    return this.pushUserMessage(user, {
      document: {
        file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size,
        ...(doc.file_name !== undefined && { file_name: doc.file_name }), ...(doc.mime_type !== undefined && { mime_type: doc.mime_type }),
      },
      ...(doc.caption !== undefined && { caption: doc.caption }),
    });
  }

  userPhoto(user: LocalUser, photo: LocalPhoto): number {
    const file = this.files.register(photo.file_id, photo.file_unique_id, photo.data, "photos", undefined, "image/jpeg", photo.file_size);
    return this.pushUserMessage(user, {
      photo: [this.files.photoSize(file, photo.width, photo.height)],
      ...(photo.caption !== undefined && { caption: photo.caption }),
    });
  }

  /** Posts an update the way the platform does to a webhook (for testing our webhook server). */
  async postUpdateToWebhook(url: string, update: PushableUpdate, secretToken?: string): Promise<Response> {
    return this.feed.post(url, this.admit(update), secretToken);
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
      const limited = this.flood && FLOOD_METHODS.has(method) ? this.flood : undefined;
      limited?.check(chatId, now);
      // Check, handle and count synchronously, so concurrent requests cannot slip past the limit together.
      const result = handler(params, signal);
      limited?.count(chatId, now);
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
    const file = this.files.atPath(path);
    if ((this.token !== undefined && token !== this.token) || !file) {
      return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.data.length });
    res.end(file.data);
  }

  private checkReachable(method: string, chatId: number | undefined): void {
    if (chatId === undefined) return;
    if (this.unknown.has(chatId)) throw new ApiError(400, "Bad Request: chat not found");
    if (this.blocked.has(chatId) && BLOCKABLE_METHODS.has(method)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
  }

  // ---------------------------------------------------------------- plumbing

  private pushUserMessage(user: LocalUser, content: Partial<Message>): number {
    const from = this.chats.userObject(user);
    const chat = this.chats.chatObject(user.id);
    if (chat.type !== "private") throw new Error(`LocalBotApi: user ids must be positive, got ${user.id}`);
    const message = { ...content, message_id: this.chats.chat(user.id).nextMessageId, date: unixNow(), chat, from };
    return this.pushUpdate({ message });
  }

  /** Gives the update its id and remembers its messages and callback ids, so later calls can refer to them. */
  private admit(update: PushableUpdate): Update {
    const full: Update = { ...update, update_id: update.update_id ?? this.nextUpdateId };
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    for (const msg of [full.message, full.edited_message, full.channel_post, full.edited_channel_post]) {
      if (msg) this.chats.remember(msg);
    }
    if (full.callback_query) this.openCallbacks.add(full.callback_query.id);
    return full;
  }

  private takeFault(method: string): Failure | "drop" | undefined {
    const list = this.injected.get(method);
    const next = list?.[0];
    if (!list || !next) return undefined;
    if (--next.remaining <= 0) list.shift();
    return next.failure;
  }

  /** Method names are case-insensitive; record them in canonical spelling. */
  private canonical(name: string): string {
    return Object.keys(this.handlers).find((m) => m.toLowerCase() === name.toLowerCase()) ?? name;
  }

  private record(call: RecordedCall): void {
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
    if (this.latencyMs <= 0 || this.feed.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => { clearTimeout(timer); this.sleepers.delete(wake); resolve(); };
      const timer = setTimeout(wake, this.latencyMs);
      this.sleepers.add(wake);
    });
  }
}
