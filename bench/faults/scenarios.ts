/**
 * The six faults of bench/faults.ts. Each gets a Scope (its worlds are scanned for the token
 * and torn down afterwards, whatever happens), adds what it saw to the scope's counts and
 * returns one line: what was injected, what was seen.
 */
import http from "node:http";
import path from "node:path";
import type { Update } from "grammy/types";
import { ConfigSchema } from "../../src/config";
import { enqueueOutbound, textPayload } from "../../src/services/outbox";
import { freePort, type World } from "../../test/support/e2e-world";
import type { FakeCall } from "../../test/support/fake-bot-api";
import {
  accountCaseAlerts, accountOutbox, accountSubmission, addProducers, addSecretariat, DESCRIPTION_TO_REVIEW, en, logsWith, outboxSettled,
  Person, REPLY_TIMEOUT_MS, ROOT, sleep, TO_DESCRIPTION, waitUntil, type Scope,
} from "./support";

export interface Fault {
  name: string;
  run(scope: Scope): Promise<string>;
}

const HOLD_FAULT = path.join(ROOT, "test/support/faults/hold-after-case-commit.mjs");
const HOLD_LINE = "fault: holding after a case commit";
const HELP = en("help-text");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function queueNotices(world: World, keyPrefix: string, chats: number[]): Promise<void> {
  await world.db.$transaction((tx) =>
    enqueueOutbound(
      tx,
      chats.map((chat) => ({ dedupeKey: `${keyPrefix}:${chat}`, kind: "NOTICE" as const, chatId: String(chat), payload: textPayload(`${keyPrefix} notice for ${chat}`) })),
    ),
  );
}

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

// ------------------------------------------------------------------------------ 1. SIGKILL after the case commit

const BURST = 8;
const SECRETARIAT_1 = "329999";

export const crashAfterCommit: Fault = {
  name: "SIGKILL of the bot between the case commit and the reply",
  async run(scope) {
    const { counts } = scope;
    const world = await scope.world({ seed: ["KRM"] });
    await addSecretariat(world.db, "KRM", SECRETARIAT_1);
    const worker = scope.process(world, "the workers", {}, { script: "src/worker.ts" });
    // test/e2e/submission-crash.test.ts's fault: every transaction that stored a case commits,
    // then never returns (no session write, no reply), so the kill lands right there.
    const frozen = scope.process(world, "the bot (held after the commit)", { NODE_OPTIONS: `--import=${HOLD_FAULT}` }, { args: ["--no-workers"] });
    scope.phase("world");
    await Promise.all([worker.start(), frozen.start()]);
    scope.phase("start");
    const producers = await addProducers(world, BURST, 320_001);
    const reviewed = await Promise.all(producers.map((person) => person.walk([...TO_DESCRIPTION, ...DESCRIPTION_TO_REVIEW], counts)));
    const ready = producers.filter((_, i) => reviewed[i]?.ok);
    if (ready.length < producers.length) scope.fail(`only ${ready.length} of ${producers.length} producers reached the review`);
    scope.phase("to the review");

    // The burst: everyone presses "Send" at once; every case commits, then the process is held.
    const submitMark = world.fake.calls.length;
    for (const person of ready) person.press("rp:submit");
    const allHeld = await waitUntil(() => logsWith(frozen, HOLD_LINE).length >= ready.length, 30_000);
    const held = logsWith(frozen, HOLD_LINE).length;
    if (!allHeld) scope.fail(`only ${held} of ${ready.length} submits reached the commit before the kill`);
    const committed = await world.db.case.count();
    const codesBeforeKill = ready.reduce((n, person) => n + person.messagesSince(submitMark).filter((c) => String(c.params.text).includes("Tracking code")).length, 0);
    await frozen.kill();
    scope.phase("submit and kill");

    const bot = scope.process(world, "the bot (restarted)", {}, { args: ["--no-workers"] });
    const restartedAt = Date.now();
    await bot.start();
    const restartMs = Date.now() - restartedAt;
    scope.phase("restart");
    // Each comes back: told the code (by the "unconfirmed" check or by the redelivered press
    // answered with the case it made), then the fallback to "hello".
    await Promise.all(ready.map((person) => person.walk([{ send: "hello", expect: { text: en("fallback-hint") } }], counts)));
    // The old "Send" button, pressed again, one at a time (an answer to a button names no chat):
    // no longer active, and nothing stored again.
    let inactive = 0;
    for (const person of ready) {
      const pressedAt = world.fake.calls.length;
      person.press("rp:submit");
      const answer = await world.fake
        .waitFor((call) => call.method === "answerCallbackQuery" && world.fake.calls.indexOf(call) >= pressedAt && call.params.text !== undefined, REPLY_TIMEOUT_MS)
        .catch(() => undefined);
      if (!answer && person.messagesSince(pressedAt).length === 0) counts.unansweredUpdates += 1;
      if (answer?.params.text === en("fallback-button-inactive")) inactive += 1;
    }
    if (inactive < ready.length) scope.fail(`the old "Send" button answered "no longer active" to ${inactive} of ${ready.length}`);
    scope.phase("back");
    const outcomes = await Promise.all(ready.map((person) => accountSubmission(world, person, submitMark, counts)));
    const settled = await outboxSettled(world, 30_000);
    scope.phase("outbox");
    const unalerted = await accountCaseAlerts(world, SECRETARIAT_1, counts);
    const outbox = await accountOutbox(world, counts);
    return (
      `${ready.length} concurrent submits, ${held} held after their commit (${committed} cases, ${codesBeforeKill} codes told), SIGKILL, ` +
      `restart in ${secs(restartMs)}; producers: ${summarize(outcomes)}; old button inactive for ${inactive}/${ready.length}; ` +
      `${unalerted} cases without a secretariat notice; outbox ${outbox.rows} rows (${outbox.statuses}${settled ? "" : ", NOT SETTLED"}), ${outbox.lost} lost, ${outbox.doubled} doubled`
    );
  },
};

/** "8× 1 case, told 1×" rather than eight times the same words. */
function summarize(outcomes: string[]): string {
  const tally = new Map<string, number>();
  for (const outcome of outcomes) tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
  return [...tally].map(([outcome, n]) => `${n}× ${outcome}`).join("; ");
}

// ------------------------------------------------------------------------------ 2 and 5. webhooks

const WEBHOOK_SECRET = "bench_webhook_secret_0123456789";
let nextMessageId = 1;

function helpUpdate(updateId: number, userId: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Sara" },
      from: { id: userId, is_bot: false, first_name: "Sara", language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}

async function post(url: string, body: unknown): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
      body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // no answer at all (connection refused or reset)
  }
}

/** Posts a body without content-length (chunked), as a client that does not say its size. */
function postChunked(url: string, size: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.setTimeout(30_000, () => request.destroy());
    request.on("error", () => resolve(0));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

async function webhookBot(scope: Scope, world: World, name: string): Promise<{ url: string; port: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram`;
  const bot = scope.process(world, name, { WEBHOOK_URL: url, WEBHOOK_SECRET, HTTP_PORT: String(port) }, { args: ["--no-workers"] });
  await bot.start();
  return { url, port };
}

const helpRepliesTo = (world: World, userId: number) =>
  world.fake.sentMessages(userId).filter((call) => call.method === "sendMessage" && call.params.text === HELP).length;

/** Waits for every user's replies to reach `atLeast`, then 1.5 s more for any second copy. */
async function settledHelpReplies(world: World, expected: Map<number, number>): Promise<void> {
  await waitUntil(() => [...expected].every(([user, n]) => helpRepliesTo(world, user) >= n), REPLY_TIMEOUT_MS);
  await sleep(1_500);
}

/** Per user: missing replies are unanswered updates, extra ones notices doubled. */
function accountHelpReplies(scope: Scope, world: World, expected: Map<number, number>): string {
  const got: number[] = [];
  for (const [user, n] of expected) {
    const replies = helpRepliesTo(world, user);
    got.push(replies);
    scope.counts.unansweredUpdates += Math.max(0, n - replies);
    scope.counts.noticesDoubled += Math.max(0, replies - n);
  }
  return got.join(" ");
}

const tally = (statuses: number[]) => {
  const byStatus = new Map<number, number>();
  for (const status of statuses) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  return [...byStatus].map(([status, n]) => `${status === 0 ? "no answer" : status}×${n}`).join(", ");
};

export const webhookTwice: Fault = {
  name: "the same webhook update posted more than once",
  async run(scope) {
    const world = await scope.world();
    scope.phase("world");
    const [first, second] = await Promise.all([webhookBot(scope, world, "the bot (webhook)"), webhookBot(scope, world, "a second bot (webhook, same Redis)")]);
    scope.phase("start");
    const statuses: number[] = [];
    const expected = new Map<number, number>();
    // One after the other: 3 copies of one update.
    const sequential = helpUpdate(1001, 610_001);
    for (let copy = 0; copy < 3; copy += 1) statuses.push(await post(first.url, sequential));
    expected.set(610_001, 1);
    // At the same moment: 5 updates of 5 users, 4 copies each, all 20 at once, one process.
    const concurrentUsers = range(610_002, 5);
    const updates = concurrentUsers.map((user, i) => helpUpdate(2001 + i, user));
    statuses.push(...(await Promise.all(updates.flatMap((update) => Array.from({ length: 4 }, () => post(first.url, update))))));
    for (const user of concurrentUsers) expected.set(user, 1);
    // At the same moment to two bot processes: a copy finding the update in progress in the
    // other process is asked to come back (503), as Telegram then does.
    const split = helpUpdate(3001, 610_010);
    const splitStatuses = await Promise.all([post(first.url, split), post(second.url, split), post(first.url, split), post(second.url, split)]);
    expected.set(610_010, 1);
    await settledHelpReplies(world, expected);
    // Telegram's redelivery of the 503'd copies: done by now, so 200 and nothing more.
    const redelivered = await Promise.all([post(second.url, split), post(first.url, split)]);
    // A new update of the first user is handled, of course.
    statuses.push(await post(first.url, helpUpdate(1002, 610_001)));
    expected.set(610_001, 2);
    await settledHelpReplies(world, expected);
    const replies = accountHelpReplies(scope, world, expected);
    const unexpected = [...statuses, ...redelivered].filter((s) => s !== 200).length + splitStatuses.filter((s) => s !== 200 && s !== 503).length;
    if (unexpected > 0) scope.fail(`${unexpected} webhook posts answered other than 200 (503 allowed across two processes)`);
    return (
      `1 update ×3 in sequence, 5 updates ×4 at once, 1 update ×4 at once to two processes (+2 redeliveries), then a new update; ` +
      `answers ${tally([...statuses, ...redelivered])}; two processes: ${tally(splitStatuses)}; /help replies per user: ${replies} (expected 2 1 1 1 1 1 1)`
    );
  },
};

export const hugeWebhookBody: Fault = {
  name: "a 5 MB webhook body",
  async run(scope) {
    const world = await scope.world();
    scope.phase("world");
    const { url, port } = await webhookBot(scope, world, "the bot (webhook)");
    scope.phase("start");
    const bot = world.processes[0];
    const size = 5 * 1024 * 1024;
    // Both kinds of huge body, with another user's update going in at the same moment.
    const [declared, chunked, meanwhile] = await Promise.all([post(url, Buffer.alloc(size, "a")), postChunked(url, size), post(url, helpUpdate(5001, 611_001))]);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status).catch(() => 0);
    const after = await post(url, helpUpdate(5002, 611_002));
    const expected = new Map([[611_001, 1], [611_002, 1]]);
    await settledHelpReplies(world, expected);
    const replies = accountHelpReplies(scope, world, expected);
    const refused = bot ? logsWith(bot, "webhook request refused: body too large").length : 0;
    if (declared !== 413 || chunked !== 413) scope.fail(`the huge bodies were answered ${declared} (content-length) and ${chunked} (chunked), not 413`);
    if (health !== 200 || meanwhile !== 200 || after !== 200) scope.fail(`after the huge bodies: /healthz ${health}, updates ${meanwhile} and ${after}`);
    if (!bot?.running) scope.fail("the bot process is gone");
    return (
      `5 MB with content-length → ${declared}, 5 MB chunked → ${chunked} (${refused} refusals logged); an update posted meanwhile → ${meanwhile}, ` +
      `/healthz → ${health}, an update after → ${after}; /help replies: ${replies}; process ${bot?.running ? "still running" : "GONE"}`
    );
  },
};

// ------------------------------------------------------------------------------ 3. FLUSHDB

const QUEUED_NOTICES = 30;
const DRAFTS = 4;
const SECRETARIAT_3 = "339999";

export const flushRedis: Fault = {
  name: "FLUSHDB of Redis with producers mid-report and notices queued",
  async run(scope) {
    const { counts } = scope;
    const redis = await scope.redisServer();
    const world = await scope.world({ seed: ["KRM"], redisUrl: redis.url });
    await addSecretariat(world.db, "KRM", SECRETARIAT_3);
    // Slow sends, so most notices still wait in BullMQ when the data goes.
    const worker = scope.process(world, "the workers", { SEND_RATE_PER_SECOND: "8" }, { script: "src/worker.ts" });
    const bot = scope.process(world, "the bot", {}, { args: ["--no-workers"] });
    scope.phase("world");
    await Promise.all([worker.start(), bot.start()]);
    scope.phase("start");
    const producers = await addProducers(world, DRAFTS, 330_001);
    const midway = await Promise.all(producers.map((person) => person.walk(TO_DESCRIPTION, counts)));
    const drafting = producers.filter((_, i) => midway[i]?.ok);
    if (drafting.length < producers.length) scope.fail(`only ${drafting.length} of ${producers.length} producers got to the description`);

    const chats = range(6_300_001, QUEUED_NOTICES);
    await queueNotices(world, "flush", chats);
    const flowing = await waitUntil(() => world.fake.sentMessages().filter((c) => chats.includes(Number(c.params.chat_id))).length >= 3, 15_000, 50);
    const queuedAtFlush = await world.db.outboxMessage.count({ where: { status: "QUEUED" } });
    const sentAtFlush = await world.db.outboxMessage.count({ where: { status: "SENT" } });
    if (!flowing) scope.fail("the notices did not start going out before the flush");
    scope.phase("drafts and notices");
    await redis.flushdb();
    const flushedAt = Date.now();

    // The producers carry on where they were: the description, the attachments, "Send".
    const submitMark = world.fake.calls.length;
    const finished = await Promise.all(
      drafting.map((person) => person.walk([...DESCRIPTION_TO_REVIEW, { press: "rp:submit", expect: { contains: "Tracking code:" } }], counts)),
    );
    const outcomes = await Promise.all(drafting.map((person) => accountSubmission(world, person, submitMark, counts)));
    const stuck = finished.map((f, i) => (f.ok ? undefined : `${drafting[i]?.id}: ${f.failedAt}`)).filter(Boolean);
    scope.phase("producers carry on");
    const restored = logsWith(bot, "session missing in Redis: the draft is restored from PostgreSQL").length;
    const settled = await outboxSettled(world, 30_000);
    const settledMs = Date.now() - flushedAt;
    const unalerted = await accountCaseAlerts(world, SECRETARIAT_3, counts);
    const outbox = await accountOutbox(world, counts);
    const noticed = logsWith(worker, "Redis has lost its data (the sentinel key is gone): putting back the jobs PostgreSQL knows of")[0];
    const noticedMs = noticed ? Number(noticed.time) - flushedAt : undefined;
    return (
      `FLUSHDB with ${drafting.length} drafts at the description and ${queuedAtFlush} notices queued (${sentAtFlush} sent); ` +
      `${restored} drafts restored from PostgreSQL, producers: ${summarize(outcomes)}${stuck.length ? ` (stuck: ${stuck.join("; ")})` : ""}; ` +
      `worker noticed the loss ${noticedMs === undefined ? "NEVER" : `after ${secs(noticedMs)}`}; ${unalerted} cases without a secretariat notice; outbox ${outbox.rows} rows (${outbox.statuses}) ` +
      `${settled ? `settled ${secs(settledMs)} after the flush` : "NOT SETTLED"}, ${outbox.lost} lost, ${outbox.doubled} doubled`
    );
  },
};

// ------------------------------------------------------------------------------ 4. network faults

export const networkFaults: Fault = {
  name: "network faults on the Bot API (the token is in the URL)",
  async run(scope) {
    const { counts } = scope;
    const world = await scope.world();
    const port = Number(new URL(world.apiRoot).port);
    const worker = scope.process(world, "the workers", { LOG_LEVEL: "debug" }, { script: "src/worker.ts" });
    const bot = scope.process(world, "the bot", { LOG_LEVEL: "debug" }, { args: ["--no-workers"] });
    // Connections dropped mid-request: the bot's first poll, and the first two sends.
    world.fake.failNext("getUpdates", "drop", 1);
    world.fake.failNext("sendMessage", "drop", 2);
    scope.phase("world");
    await Promise.all([worker.start(), bot.start()]);
    scope.phase("start");
    const sara = new Person(world.fake, { id: 5_551_001, first_name: "Sara", language_code: "en" });
    await queueNotices(world, "drop", range(5_550_001, 3));
    await sara.walk([{ send: "/help", expect: { text: HELP } }], counts);
    const droppedSettled = await outboxSettled(world, 30_000);

    scope.phase("drops");
    // An outage: the Bot API is gone (connection refused) for a while, then comes back on the
    // same port. Meanwhile notices are queued and a user writes (the update waits at "Telegram").
    await world.fake.stop();
    const downAt = Date.now();
    await queueNotices(world, "outage", range(5_560_001, 5));
    const ali = new Person(world.fake, { id: 5_551_002, first_name: "Ali", language_code: "en" });
    const aliMark = world.fake.calls.length;
    world.fake.userMessage(ali.user, "/help");
    const failedSends = () => logsWith(worker, "delivery failed: will retry").length;
    const failedPolls = () => bot.logs().filter((line) => line.msg === "Bot API call failed at the network level" && line.method === "getUpdates").length;
    const sendsBefore = failedSends();
    const pollsBefore = failedPolls();
    // Down until every queued notice failed once and the bot failed to poll, 2 s at least.
    await waitUntil(() => failedSends() - sendsBefore >= 5 && failedPolls() - pollsBefore >= 1, 15_000);
    await sleep(Math.max(0, 2_000 - (Date.now() - downAt)));
    const sendFailures = failedSends() - sendsBefore;
    const pollFailures = failedPolls() - pollsBefore;
    await world.fake.start(port);
    const downMs = Date.now() - downAt;
    const backAt = Date.now();
    scope.phase("outage");
    const aliAnswered = await waitUntil(() => helpRepliesTo(world, ali.id) >= 1, 30_000);
    const aliMs = Date.now() - backAt;
    if (!aliAnswered && ali.messagesSince(aliMark).length === 0) counts.unansweredUpdates += 1;
    const settled = await outboxSettled(world, 30_000);
    const settledMs = Date.now() - backAt;
    // A last word after the network is back, answered at once.
    await sara.walk([{ send: "/help", expect: { text: HELP } }], counts);
    const outbox = await accountOutbox(world, counts);
    const redacted = (await world.db.outboxMessage.findMany({ where: { lastError: { not: null } }, select: { lastError: true } })).filter((row) =>
      /\/bot\*\*\*\//.test(row.lastError ?? ""),
    ).length;
    if (!droppedSettled || !settled) scope.fail("the outbox did not settle after the network faults");
    return (
      `1 poll and 2 sends dropped mid-request, then the Bot API down ${secs(downMs)} (${sendFailures} failed sends, ${pollFailures} failed polls logged); ` +
      `back: the waiting update answered ${aliAnswered ? `${secs(aliMs)} later` : "NEVER"}, and the outbox ${settled ? `settled in ${secs(settledMs)}` : "NOT SETTLED"} ` +
      `(${outbox.rows} rows: ${outbox.statuses}; ${outbox.lost} lost, ${outbox.doubled} doubled; ${redacted} lastError with /bot***/); token searched in both processes' output, the outbox, Redis`
    );
  },
};

// ------------------------------------------------------------------------------ 6. a flooding user

/** The production defaults of the inbound limit (30 updates in 3 s), which fault 6 runs with. */
const DEFAULTS = ConfigSchema.parse({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaa", DATABASE_URL: "postgresql://x@y/z" });
const LIMIT = DEFAULTS.RATE_LIMIT_UPDATES;
const WINDOW_MS = DEFAULTS.RATE_LIMIT_WINDOW_MS;

export const flood: Fault = {
  name: "a user sending 200 updates in 2 s while another is served",
  async run(scope) {
    const { counts } = scope;
    const world = await scope.world();
    // "" = unset: the production defaults of the inbound limit (30 updates in 3 s).
    const bot = scope.process(world, "the bot", { RATE_LIMIT_UPDATES: "", RATE_LIMIT_WINDOW_MS: "" }, { args: ["--no-workers"] });
    scope.phase("world");
    await bot.start();
    scope.phase("start");
    const flooder = { id: 620_001, first_name: "Bot-like", language_code: "en" };
    const person = new Person(world.fake, { id: 620_002, first_name: "Sara", language_code: "en" });
    const textsTo = (chatId: number, text: string): FakeCall[] => world.fake.sentMessages(chatId).filter((call) => call.params.text === text);
    const started = Date.now();
    // 200 updates in 2 s: one every 10 ms, on a schedule (a late timer is made up at once).
    const flooding = (async () => {
      for (let i = 0; i < 200; i += 1) {
        const due = started + i * 10;
        if (Date.now() < due) await sleep(due - Date.now());
        world.fake.userMessage(flooder, "/help");
      }
      return Date.now() - started;
    })();
    // Meanwhile the other user sends /help every 200 ms and waits for each answer.
    const latencies: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const before = textsTo(person.id, HELP).length;
      const sentAt = Date.now();
      person.send("/help");
      const answered = await waitUntil(() => textsTo(person.id, HELP).length > before, REPLY_TIMEOUT_MS, 10);
      if (answered) latencies.push(Date.now() - sentAt);
      else counts.unansweredUpdates += 1;
      await sleep(Math.max(0, 200 - (Date.now() - sentAt)));
    }
    const floodMs = await flooding;
    // Let what the bot still has in hand go out: until the flooder's answers stop coming for 1 s.
    let seen = -1;
    await waitUntil(() => {
      const now = textsTo(flooder.id, HELP).length + textsTo(flooder.id, en("error-rate-limited")).length;
      const still = now === seen;
      seen = now;
      return still;
    }, 10_000, 1_000);
    const answers = textsTo(flooder.id, HELP).length;
    const notices = textsTo(flooder.id, en("error-rate-limited")).length;
    // One notice per window in which the limit was reached. A loaded machine may stretch the
    // flood over more than one window at the bot; a window is reached only once 30 updates got
    // through in it, so the flooder's answers bound how many there were.
    const windows = Math.max(1, Math.floor(answers / LIMIT));
    counts.noticesLost += Math.max(0, windows - notices);
    counts.noticesDoubled += Math.max(0, notices - windows);
    const limited = logsWith(bot, "inbound limit reached: dropping the user's updates for the window").map((line) => Number(line.time));
    // After the window the flooder is a user like any other.
    await sleep(Math.max(0, Math.max(started, ...limited) + WINDOW_MS + 300 - Date.now()));
    const again = new Person(world.fake, flooder);
    const normalAgain = (await again.walk([{ send: "/help", expect: { text: HELP } }], counts)).ok;
    // 30 per window reached, and fewer than 30 in a last window that was not.
    if (limited.length !== notices) scope.fail(`the bot logged the limit ${limited.length} times and told the flooder ${notices} times`);
    return (
      `200 updates in ${secs(floodMs)} from one user, 10 from another; flooder: ${answers} answers (${windows} window${windows === 1 ? "" : "s"} of ${LIMIT}), ${notices} notice${notices === 1 ? "" : "s"}; ` +
      `other user: ${latencies.length}/10 answered, slowest ${latencies.length ? Math.max(...latencies) : "-"} ms; flooder ${normalAgain ? "answered again" : "NOT answered"} after the window`
    );
  },
};

export const FAULTS: Fault[] = [crashAfterCommit, webhookTwice, flushRedis, networkFaults, hugeWebhookBody, flood];
