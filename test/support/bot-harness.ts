import type { Bot, Transformer } from "grammy";
import type { InlineKeyboardButton, Message, Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot";
import type { BotContext } from "../../src/bot/context";
import type { Deps } from "../../src/container";

export const BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Tashil",
  username: "tashil_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** Stands in for Telegram only: records every Bot API call and answers like Telegram would. */
export class FakeTelegram {
  calls: ApiCall[] = [];
  private nextMessageId = 1000;

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const params = (payload ?? {}) as Record<string, unknown>;
    this.calls.push({ method, payload: params });
    return { ok: true, result: this.resultFor(method, params) } as never;
  };

  private resultFor(method: string, params: Record<string, unknown>): unknown {
    if (method.startsWith("send") || method === "copyMessage" || method.startsWith("edit")) {
      const chatId = Number(params.chat_id ?? 0);
      const message = {
        message_id: method.startsWith("edit") ? Number(params.message_id ?? 0) : this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: chatId > 0 ? { id: chatId, type: "private", first_name: "user" } : { id: chatId, type: "supergroup", title: "group" },
        from: BOT_INFO,
        text: typeof params.text === "string" ? params.text : undefined,
        caption: typeof params.caption === "string" ? params.caption : undefined,
        reply_markup: params.reply_markup,
      };
      return method === "copyMessage" ? { message_id: message.message_id } : message;
    }
    if (method === "getFile") return { file_id: params.file_id, file_unique_id: "u", file_path: "documents/file.pdf" };
    return true;
  }

  /** Calls that put text on a chat's screen (sent or edited), oldest first. */
  screen(chatId: number | string): ApiCall[] {
    return this.calls.filter(
      (call) =>
        String(call.payload.chat_id) === String(chatId) &&
        ["sendMessage", "editMessageText", "sendPhoto", "sendDocument", "copyMessage", "editMessageReplyMarkup"].includes(call.method),
    );
  }

  clear(): void {
    this.calls = [];
  }
}

export function textOf(call: ApiCall | undefined): string {
  if (!call) return "";
  const { text, caption } = call.payload;
  return typeof text === "string" ? text : typeof caption === "string" ? caption : "";
}

export function buttonsOf(call: ApiCall | undefined): InlineKeyboardButton[] {
  const markup = call?.payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

let updateCounter = 1;

export interface TestBot {
  bot: Bot<BotContext>;
  telegram: FakeTelegram;
  user(id: number, options?: { firstName?: string; languageCode?: string }): TestUser;
}

export function createTestBot(deps: Deps): TestBot {
  const bot = createBot(deps, { botInfo: BOT_INFO });
  const telegram = new FakeTelegram();
  bot.api.config.use(telegram.transformer);
  return { bot, telegram, user: (id, options) => new TestUser(bot, telegram, id, options) };
}

/** A person talking to the bot in a private chat; every action is a real Update. */
export class TestUser {
  readonly firstName: string;
  readonly languageCode: string;
  private messageId = 1;

  constructor(
    private readonly bot: Bot<BotContext>,
    private readonly telegram: FakeTelegram,
    readonly id: number,
    options: { firstName?: string; languageCode?: string } = {},
  ) {
    this.firstName = options.firstName ?? `User${id}`;
    this.languageCode = options.languageCode ?? "fa";
  }

  private get from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode };
  }

  private baseMessage(): Pick<Message, "message_id" | "date" | "chat" | "from"> {
    return {
      message_id: this.messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: this.id, type: "private", first_name: this.firstName },
      from: this.from,
    };
  }

  async handle(update: Omit<Update, "update_id">): Promise<void> {
    await this.bot.handleUpdate({ update_id: updateCounter++, ...update } as Update);
  }

  async send(text: string): Promise<void> {
    const command = /^\/\w+/.exec(text);
    const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
    await this.handle({ message: { ...this.baseMessage(), text, ...(entities ? { entities } : {}) } as never });
  }

  /** Presses an inline button by its callback data (as a forger could, too). */
  async press(data: string, messageId?: number): Promise<void> {
    const last = this.telegram.screen(this.id).at(-1);
    await this.handle({
      callback_query: {
        id: String(updateCounter),
        from: this.from,
        chat_instance: `ci${this.id}`,
        data,
        message: {
          message_id: messageId ?? Number((last?.payload.message_id as number | undefined) ?? 1),
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.id, type: "private", first_name: this.firstName },
          text: textOf(last),
        } as never,
      },
    });
  }

  /** Presses the button whose label contains `label` on the latest message that has one. */
  async tap(label: string | RegExp): Promise<void> {
    const data = this.buttonData(label);
    await this.press(data);
  }

  buttonData(label: string | RegExp): string {
    const calls = this.telegram.screen(this.id);
    for (let i = calls.length - 1; i >= 0; i -= 1) {
      const button = buttonsOf(calls[i]).find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)));
      if (button && "callback_data" in button && button.callback_data) return button.callback_data;
    }
    throw new Error(`no button "${String(label)}" on screen; last message: ${this.lastText()}`);
  }

  async shareContact(phoneNumber: string, contactUserId: number | undefined = this.id): Promise<void> {
    await this.handle({
      message: {
        ...this.baseMessage(),
        contact: { phone_number: phoneNumber, first_name: this.firstName, ...(contactUserId ? { user_id: contactUserId } : {}) },
      } as never,
    });
  }

  async sendDocument(document: { fileName: string; mimeType: string; sizeBytes: number; fileId?: string }): Promise<void> {
    const fileId = document.fileId ?? `doc-${this.id}-${this.messageId}`;
    await this.handle({
      message: {
        ...this.baseMessage(),
        document: {
          file_id: fileId,
          file_unique_id: `u-${fileId}`,
          file_name: document.fileName,
          mime_type: document.mimeType,
          file_size: document.sizeBytes,
        },
      } as never,
    });
  }

  async sendPhoto(sizeBytes = 200_000): Promise<void> {
    const fileId = `photo-${this.id}-${this.messageId}`;
    await this.handle({
      message: {
        ...this.baseMessage(),
        photo: [
          { file_id: `${fileId}-s`, file_unique_id: `u-${fileId}-s`, width: 90, height: 90, file_size: 2_000 },
          { file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 960, file_size: sizeBytes },
        ],
      } as never,
    });
  }

  /** Everything the bot put on this user's screen, oldest first. */
  screen(): ApiCall[] {
    return this.telegram.screen(this.id);
  }

  lastText(): string {
    return textOf(this.screen().at(-1));
  }

  /** Texts shown since the given number of screen calls (use with `mark()`). */
  textsSince(mark: number): string[] {
    return this.screen().slice(mark).map(textOf);
  }

  mark(): number {
    return this.screen().length;
  }
}
