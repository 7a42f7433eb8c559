/** The Bot API methods the local Bot API answers, each as the platform would (profiles.ts). */
import type { InlineKeyboardMarkup, UserFromGetMe } from "grammy/types";
import type { Profile } from "./profiles";
import { requireChat, type ChatStore, type FileStore } from "./store";
import { ApiError, isRecord, type Params } from "./types";
import type { UpdateFeed } from "./updates";
import { renderText } from "./wire";

export type Handler = (p: Params, signal: AbortSignal) => unknown;

export interface MethodHost {
  me: UserFromGetMe;
  profile: Profile;
  chats: ChatStore;
  files: FileStore;
  feed: UpdateFeed;
  /** Callback query ids not answered yet. */
  openCallbacks: Set<string>;
}

function commandsKey(p: Params): string {
  return `${JSON.stringify(p.scope ?? { type: "default" })}|${typeof p.language_code === "string" ? p.language_code : ""}`;
}

/** Reply keyboards are not echoed back by Telegram; inline keyboards are (and are validated). */
function inlineMarkup(p: Params): { reply_markup?: InlineKeyboardMarkup } {
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

export function createMethods(host: MethodHost): Record<string, Handler> {
  const { me, profile, chats, files, feed } = host;
  const commands = new Map<string, unknown[]>();

  /** The text as the recipient sees it; a parse mode the platform lacks is refused. */
  const text = (value: unknown, parseMode: unknown): string => {
    // Telegram reads the parse mode's name case-insensitively ("html" is HTML).
    const mode = parseMode === undefined || parseMode === "" ? undefined : profile.parseModes.find((m) => m.toLowerCase() === String(parseMode).toLowerCase());
    if (parseMode !== undefined && parseMode !== "" && !mode) throw new ApiError(400, "Bad Request: unsupported parse_mode");
    return renderText(value, mode);
  };
  const caption = (p: Params): { caption?: string } => {
    if (p.caption === undefined) return {};
    const rendered = text(p.caption, p.parse_mode);
    if (rendered.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
    return { caption: rendered };
  };

  const methods: Record<string, Handler> = {
    getMe: () => me,
    getUpdates: (p, signal) => feed.getUpdates(p, signal),
    setWebhook: (p) => feed.setWebhook(p),
    deleteWebhook: (p) => feed.deleteWebhook(p),
    getWebhookInfo: () => feed.webhookInfo(),
    setMyCommands: (p) => {
      const list = Array.isArray(p.commands) ? p.commands : [];
      for (const c of list) {
        if (!isRecord(c) || typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
          throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
        }
      }
      commands.set(commandsKey(p), list);
      return true;
    },
    getMyCommands: (p) => commands.get(commandsKey(p)) ?? [],
    deleteMyCommands: (p) => (commands.delete(commandsKey(p)), true),
    setChatMenuButton: () => true,
    sendChatAction: (p) => (requireChat(p), true),
    answerCallbackQuery: (p) => {
      // Telegram rejects unknown and already-answered queries alike.
      if (!host.openCallbacks.delete(String(p.callback_query_id))) {
        throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
      }
      return true;
    },
    sendMessage: (p) => {
      const chatId = requireChat(p);
      const rendered = text(p.text, p.parse_mode);
      if (rendered.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      if (rendered.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
      return chats.storeBotMessage(chatId, { text: rendered, ...inlineMarkup(p) });
    },
    sendDocument: (p) => {
      const chatId = requireChat(p);
      const file = files.resolve(p.document, "document");
      return chats.storeBotMessage(chatId, {
        document: {
          file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size,
          ...(file.file_name !== undefined && { file_name: file.file_name }), ...(file.mime_type !== undefined && { mime_type: file.mime_type }),
        },
        ...caption(p), ...inlineMarkup(p),
      });
    },
    sendPhoto: (p) => {
      const chatId = requireChat(p);
      const file = files.resolve(p.photo, "photo");
      return chats.storeBotMessage(chatId, { photo: [files.photoSize(file)], ...caption(p), ...inlineMarkup(p) });
    },
    copyMessage: (p) => {
      const chatId = requireChat(p);
      const { message_id: _id, date: _d, chat: _c, from: _f, reply_markup: _r, edit_date: _e, forward_origin: _o, ...content } =
        chats.findMessage(p.from_chat_id, p.message_id, "Bad Request: message to copy not found");
      const copy = chats.storeBotMessage(chatId, { ...content, ...caption(p), ...inlineMarkup(p) });
      return { message_id: copy.message_id };
    },
    forwardMessage: (p) => {
      const chatId = requireChat(p);
      const { message_id: _id, date: _d, chat: _c, from: _f, reply_markup: _r, edit_date: _e, ...content } =
        chats.findMessage(p.from_chat_id, p.message_id, "Bad Request: message to forward not found");
      const origin = content.forward_origin ?? (_f ? { type: "user" as const, sender_user: _f, date: _d } : undefined);
      return chats.storeBotMessage(chatId, { ...content, ...(origin && { forward_origin: origin }) });
    },
    editMessageText: (p) => {
      if (p.inline_message_id !== undefined) return true;
      const msg = chats.editableMessage(p);
      if (msg.text === undefined) throw new ApiError(400, "Bad Request: there is no text in the message to edit");
      const rendered = text(p.text, p.parse_mode);
      if (rendered.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      return chats.applyEdit(msg, { text: rendered, ...inlineMarkup(p) });
    },
    editMessageReplyMarkup: (p) => {
      if (p.inline_message_id !== undefined) return true;
      const msg = chats.editableMessage(p);
      const { reply_markup: _old, ...rest } = msg;
      return chats.applyEdit(msg, { ...rest, ...inlineMarkup(p) });
    },
    deleteMessage: (p) => {
      if (!chats.deleteMessage(requireChat(p), Number(p.message_id))) throw new ApiError(400, "Bad Request: message to delete not found");
      return true;
    },
    getFile: (p) => {
      const file = files.get(String(p.file_id));
      if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
      if (file.file_size > profile.maxDownloadBytes) throw new ApiError(400, "Bad Request: file is too big");
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
    },
    getChat: (p) => {
      const chat = chats.chatObject(requireChat(p));
      return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
    },
  };
  for (const missing of profile.missingMethods) delete methods[missing];
  return methods;
}
