/**
 * The load of the process benchmarks: N producers at once, each walking registration and a
 * report to a submitted case (21 updates: messages, a shared contact, button presses), every
 * step waiting for the bot's answer before the next — the journey of test/e2e/journey.test.ts.
 * Against the baseline the same 21 updates go out and each waits for its one answer.
 *
 * The fake Bot API (test/support/fake-bot-api.ts) records every call in an array that its
 * waitFor() scans; thousands of producers' steps would make the load generator itself the
 * bottleneck, so the calls are routed to per-chat waiters here instead and not kept.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { createI18n, translatorFor } from "../src/i18n";
import type { FakeBotApi, FakeCall, FakeUser } from "../test/support/fake-bot-api";
import { legalEntityIdFrom } from "../test/support/identifiers";
import type { Subject } from "./support";

const t = translatorFor(createI18n("fa"));
const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
const STEP_TIMEOUT_MS = 60_000;
const DESCRIPTION =
  "The distribution company has served a cut-off warning for our main feeder over arrears of the last two months; the rolling line stops without power.";

type Match = (call: FakeCall) => boolean;
interface Waiter {
  match: Match;
  resolve: (call: FakeCall) => void;
}

/** Routes the fake's calls to whoever waits for an answer in that chat. */
export class Chats {
  /** Bot API calls answered so far (all methods). */
  calls = 0;
  private readonly waiters = new Map<number, Waiter[]>();

  constructor(readonly fake: FakeBotApi) {
    // FakeBotApi.record is private: replaced on the instance (benchmark only).
    (fake as unknown as { record: (call: FakeCall) => void }).record = (call) => this.route(call);
  }

  /** Registers the wait before the action, so an answer can never slip in between. */
  step(act: () => void, match: Match, chatId: number): Promise<FakeCall> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.remove(chatId, waiter);
        reject(new Error(`chat ${chatId}: no answer within ${STEP_TIMEOUT_MS} ms`));
      }, STEP_TIMEOUT_MS);
      const waiter: Waiter = {
        match,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.set(chatId, [...(this.waiters.get(chatId) ?? []), waiter]);
      act();
    });
  }

  /** Bot API calls answered so far, by method. */
  readonly methods = new Map<string, number>();

  private route(call: FakeCall): void {
    this.calls += 1;
    this.methods.set(call.method, (this.methods.get(call.method) ?? 0) + 1);
    const chatId = Number(call.params.chat_id);
    const waiting = this.waiters.get(chatId);
    if (!waiting) return;
    for (const waiter of [...waiting]) {
      if (waiter.match(call)) {
        this.remove(chatId, waiter);
        waiter.resolve(call);
      }
    }
  }

  private remove(chatId: number, waiter: Waiter): void {
    const left = (this.waiters.get(chatId) ?? []).filter((w) => w !== waiter);
    if (left.length > 0) this.waiters.set(chatId, left);
    else this.waiters.delete(chatId);
  }
}

function buttonsOf(call: FakeCall): InlineKeyboardButton.CallbackButton[] {
  const markup = call.params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return (markup?.inline_keyboard?.flat() ?? []).filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b);
}

const shown = (call: FakeCall) => call.method === "sendMessage" || call.method === "editMessageText";
const text = (call: FakeCall) => String(call.params.text ?? "");

/** What a step waits for: a message (or an edit) with this text, containing this, or with this button. */
function answer(expected: { text?: string; contains?: string; button?: string }): Match {
  return (call) =>
    shown(call) &&
    (expected.text === undefined || text(call) === expected.text) &&
    (expected.contains === undefined || text(call).includes(expected.contains)) &&
    (expected.button === undefined || buttonsOf(call).some((b) => b.callback_data === expected.button));
}

function buttonLabelled(call: FakeCall, label: string): string {
  const found = buttonsOf(call).find((b) => b.text === label);
  if (!found) throw new Error(`no button "${label}" on "${text(call).slice(0, 80)}"`);
  return found.callback_data;
}

type Action = { message: string } | { contact: string } | { press: string | ((last: FakeCall) => string) };

/** One producer's 21 updates and, for Tashil, the answer each waits for. */
function journey(index: number): Array<{ action: Action; tashil: Match }> {
  const legalId = legalEntityIdFrom(String(1_400_000_000 + index));
  const unit = `Kerman Steel Rolling Co. ${index}`;
  return [
    { action: { message: "/start" }, tashil: answer({ button: "unit:new" }) },
    { action: { press: "unit:new" }, tashil: answer({ text: en("register-ask-phone") }) },
    { action: { contact: "+98 912 345 6789" }, tashil: answer({ text: en("register-ask-name") }) },
    { action: { message: unit }, tashil: answer({ text: en("register-ask-legal-id") }) },
    { action: { message: legalId }, tashil: answer({ text: en("register-ask-licence") }) },
    { action: { press: "reg:licence:skip" }, tashil: answer({ text: en("register-ask-working-group") }) },
    { action: { press: (last) => buttonLabelled(last, "Kerman") }, tashil: answer({ text: en("register-ask-county-choose") }) },
    { action: { press: (last) => buttonLabelled(last, "Kerman") }, tashil: answer({ text: en("register-ask-sector") }) },
    { action: { press: "reg:sector:INDUSTRY" }, tashil: answer({ text: en("register-ask-activity") }) },
    { action: { press: "reg:act:ACTIVE" }, tashil: answer({ text: en("register-ask-employees") }) },
    { action: { message: "120" }, tashil: answer({ button: "reg:save" }) },
    { action: { press: "reg:save" }, tashil: answer({ text: en("register-done", { name: unit }) }) },
    { action: { press: "report:new" }, tashil: answer({ text: en("report-ask-category") }) },
    { action: { press: "rp:cat:utility_cutoff" }, tashil: answer({ text: en("report-ask-subcategory") }) },
    { action: { press: "rp:sub:electricity" }, tashil: answer({ text: en("report-ask-agency") }) },
    { action: { press: (last) => buttonLabelled(last, "Kerman Power Distribution Company") }, tashil: answer({ text: en("report-ask-irreversible-cutoff") }) },
    { action: { press: "rp:irr:3d" }, tashil: answer({ button: "rp:amt:skip" }) },
    { action: { message: "500 million" }, tashil: answer({ text: en("report-ask-description", { min: 20, max: 2000 }) }) },
    { action: { message: DESCRIPTION }, tashil: answer({ button: "rp:att:done" }) },
    { action: { press: "rp:att:done" }, tashil: answer({ button: "rp:submit" }) },
    { action: { press: "rp:submit" }, tashil: answer({ contains: "Tracking code:" }) },
  ];
}

export const UPDATES_PER_PRODUCER = journey(0).length;

async function walk(chats: Chats, subject: Subject, user: FakeUser, index: number): Promise<number> {
  let last: FakeCall | undefined;
  let updates = 0;
  for (const { action, tashil } of journey(index)) {
    // The baseline answers every update with one message, whatever it was.
    const match = subject === "tashil" ? tashil : (call: FakeCall) => call.method === "sendMessage";
    const previous = last;
    last = await chats.step(() => act(chats, user, action, previous, subject), match, user.id);
    updates += 1;
  }
  return updates;
}

/**
 * The same walk in lock step: every producer takes step k, all wait, then step k + 1; `between`
 * runs before each step and after the last (the step's index, then the journey's length), so a
 * caller can read the process's CPU time per step.
 */
export async function runProducersInStep(
  chats: Chats,
  count: number,
  firstId: number,
  between: (step: number, label: string) => void,
): Promise<void> {
  const users = Array.from({ length: count }, (_, i) => ({ id: firstId + i, first_name: `Producer${firstId + i}`, language_code: "en" }));
  const journeys = users.map((_, i) => journey(firstId + i));
  const lasts: Array<FakeCall | undefined> = users.map(() => undefined);
  const steps = journeys[0]?.length ?? 0;
  for (let k = 0; k < steps; k++) {
    const first = journeys[0]?.[k]?.action;
    between(k, first ? labelOf(first) : String(k));
    await Promise.all(
      users.map(async (user, i) => {
        const { action, tashil } = (journeys[i] as ReturnType<typeof journey>)[k] as ReturnType<typeof journey>[number];
        lasts[i] = await chats.step(() => act(chats, user, action, lasts[i], "tashil"), tashil, user.id);
      }),
    );
  }
  between(steps, "end");
}

function labelOf(action: Action): string {
  if ("message" in action) return action.message.startsWith("/") ? action.message : "text";
  if ("contact" in action) return "contact";
  return typeof action.press === "string" ? action.press : "press (picked)";
}

function act(chats: Chats, user: FakeUser, action: Action, last: FakeCall | undefined, subject: Subject): void {
  if ("message" in action) chats.fake.userMessage(user, action.message);
  else if ("contact" in action) chats.fake.userContact(user, action.contact);
  else {
    const data = typeof action.press === "string" ? action.press : subject === "tashil" && last ? action.press(last) : "x";
    chats.fake.userCallback(user, data);
  }
}

/** `count` producers (ids from `firstId`) walk at once; resolves with the updates sent. */
export async function runProducers(chats: Chats, subject: Subject, count: number, firstId: number): Promise<number> {
  const walks = Array.from({ length: count }, (_, i) =>
    walk(chats, subject, { id: firstId + i, first_name: `Producer${firstId + i}`, language_code: "en" }, firstId + i),
  );
  return (await Promise.all(walks)).reduce((a, b) => a + b, 0);
}
