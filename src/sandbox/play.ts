/**
 * What a person in the page can do, turned into what Telegram would send the bot: a message
 * (a command, a deep link's /start payload), a button press, a shared contact, a photo or a
 * document, in their private chat or in the secretariat's group; and what they can see: their
 * chats (chats.ts), the files in them, the sandbox's clock. The HTTP routes are in server.ts.
 */
import type { Message, MessageEntity, User } from "grammy/types";
import type { Container } from "../container";
import { formatJalaliDate } from "../domain/jalali";
import { ChatLog, type ChatView } from "./chats";
import type { FakeBotApi, FakeUser } from "./local-api";
import { PERSONAS, SECRETARIAT_CHAT_ID, SECRETARIAT_CHAT_TITLE, type Persona } from "./personas";
import { morningsBetween, promoteDueJobs, SandboxClock, type Jump } from "./time";

type GroupMessage = NonNullable<Parameters<FakeBotApi["pushUpdate"]>[0]["message"]>;

export interface PersonaChat extends ChatView { title: string; group: boolean }

export class Playground {
  readonly log: ChatLog;
  private groupSeq = 0;
  private pressSeq = 0;

  constructor(
    private readonly api: FakeBotApi,
    private readonly apiRoot: string,
    private readonly token: string,
    private readonly container: Container,
    readonly clock: SandboxClock,
    readonly database: string,
  ) {
    this.log = new ChatLog(api);
  }

  private user(persona: Persona): FakeUser {
    return { id: persona.telegramId, first_name: persona.firstName, last_name: persona.lastName, language_code: "fa" };
  }

  private chatIdOf(persona: Persona, group: boolean): number {
    if (group && !persona.seesGroup) throw new Error(`${persona.id} is not in the secretariat's group`);
    return group ? SECRETARIAT_CHAT_ID : persona.telegramId;
  }

  chats(persona: Persona): PersonaChat[] {
    const own = { ...this.view(persona.telegramId), title: `${this.api.me.first_name}`, group: false };
    if (!persona.seesGroup) return [own];
    return [own, { ...this.view(SECRETARIAT_CHAT_ID), title: SECRETARIAT_CHAT_TITLE, group: true }];
  }

  /** A chat with its messages dated by the sandbox's clock (the local Bot API dates them in real time). */
  private view(chatId: number): ChatView {
    const view = this.log.view(chatId);
    const sandboxDate = (date: number) => Math.floor(this.clock.sandboxTimeAt(date * 1000) / 1000);
    return { ...view, messages: view.messages.map((m) => ({ ...m, date: sandboxDate(m.date) })) };
  }

  state(persona: Persona) {
    const now = this.clock.now();
    return {
      version: this.log.version,
      bot: { username: this.api.me.username, name: this.api.me.first_name },
      clock: { iso: now.toISOString(), fa: formatJalaliDate(now, "fa", { weekday: true, monthName: true, time: true }), en: formatJalaliDate(now, "en", { weekday: true, monthName: true, time: true }) },
      database: this.database,
      persona: persona.id,
      personas: PERSONAS.map(({ id, firstName, lastName, roleFa, roleEn }) => ({ key: id, name: `${firstName} ${lastName}`, roleFa, roleEn })),
      chats: this.chats(persona),
    };
  }

  send(persona: Persona, text: string, group = false): void {
    const chatId = this.chatIdOf(persona, group);
    if (!group) {
      this.api.userMessage(this.user(persona), text);
      this.log.addUserMessage(chatId, { messageId: this.log.lastMessageId(chatId) + 1, text });
      return;
    }
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
    const message = this.groupMessage(persona, { text, ...(entities.length > 0 && { entities }) });
    this.api.pushUpdate({ message });
    this.log.addUserMessage(chatId, { messageId: message.message_id, text, author: persona.firstName });
  }

  press(persona: Persona, messageId: number, data: string, group = false): void {
    const chatId = this.chatIdOf(persona, group);
    this.log.lastPressChat = chatId;
    if (!group) {
      this.api.userCallback(this.user(persona), data, messageId);
      return;
    }
    const shown = this.log.message(chatId, messageId);
    if (!shown) throw new Error(`no message ${messageId} in the group`);
    const message = { message_id: messageId, date: shown.date, chat: this.groupChat(), from: this.api.me, text: shown.text } as Message;
    this.api.pushUpdate({ callback_query: { id: `sandbox-${++this.pressSeq}`, from: this.telegramUser(persona), chat_instance: String(chatId), data, message } });
  }

  shareContact(persona: Persona, phone: string): void {
    this.api.userContact(this.user(persona), phone);
    this.log.addUserMessage(persona.telegramId, { messageId: this.log.lastMessageId(persona.telegramId) + 1, text: `📞 ${phone}` });
  }

  upload(persona: Persona, file: { name: string; mime: string; data: Buffer; caption?: string }): void {
    const chatId = persona.telegramId;
    const id = `sandbox-${Date.now().toString(36)}-${++this.pressSeq}`;
    const photo = /^image\/(jpeg|png|webp)$/.test(file.mime);
    if (photo) this.api.userPhoto(this.user(persona), { file_id: id, file_unique_id: `u${id}`, data: file.data, file_size: file.data.length, ...(file.caption && { caption: file.caption }) });
    else this.api.userDocument(this.user(persona), { file_id: id, file_unique_id: `u${id}`, file_name: file.name, mime_type: file.mime, data: file.data, file_size: file.data.length, ...(file.caption && { caption: file.caption }) });
    this.log.addUserMessage(chatId, { messageId: this.log.lastMessageId(chatId) + 1, text: file.caption ?? "", file: { fileId: id, name: file.name, mime: file.mime, photo } });
  }

  /** A file's bytes, fetched as the bot would: getFile, then the file URL of the local Bot API. */
  async file(fileId: string): Promise<{ data: Buffer; path: string } | null> {
    const info = await fetch(`${this.apiRoot}/bot${this.token}/getFile?file_id=${encodeURIComponent(fileId)}`).then((r) => r.json()) as { ok: boolean; result?: { file_path: string } };
    if (!info.ok || !info.result) return null;
    const res = await fetch(`${this.apiRoot}/file/bot${this.token}/${info.result.file_path}`);
    if (!res.ok) return null;
    return { data: Buffer.from(await res.arrayBuffer()), path: info.result.file_path };
  }

  /** Moves the clock; due timers run, and the morning digest runs for a working morning crossed. */
  async travel(jump: Jump): Promise<{ from: string; to: string; promoted: number; digest: boolean }> {
    const from = this.clock.now();
    const to = SandboxClock.target(from, jump, this.container.policies.calendar);
    this.clock.advanceTo(to);
    const promoted = await promoteDueJobs(this.clock, [this.container.queues.timers, this.container.queues.deliveries]);
    const digest = morningsBetween(from, to, this.container.policies.calendar).length > 0;
    if (digest) await this.container.queues.timers.add("morning-digest", { type: "morning-digest" });
    this.container.logger.info({ from, to, promoted, digest }, "sandbox clock moved");
    return { from: from.toISOString(), to: to.toISOString(), promoted, digest };
  }

  private telegramUser(persona: Persona): User {
    return { id: persona.telegramId, is_bot: false, first_name: persona.firstName, last_name: persona.lastName, language_code: "fa" };
  }

  private groupChat() {
    return { id: SECRETARIAT_CHAT_ID, type: "supergroup" as const, title: SECRETARIAT_CHAT_TITLE };
  }

  private groupMessage(persona: Persona, content: Partial<Message>): GroupMessage {
    this.groupSeq = Math.max(this.groupSeq, this.log.lastMessageId(SECRETARIAT_CHAT_ID)) + 1;
    return { ...content, message_id: this.groupSeq, date: Math.floor(Date.now() / 1000), chat: this.groupChat(), from: this.telegramUser(persona) } as GroupMessage;
  }
}
