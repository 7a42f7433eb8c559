/**
 * How updates reach the bot: a queue for getUpdates (long polls held open, confirmed by offset,
 * one poller at a time) or, once setWebhook was called, posts to the webhook in order.
 */
import type { Update } from "grammy/types";
import type { Profile } from "./profiles";
import { ApiError, flag, unixNow, type Params } from "./types";

/** Update types Telegram withholds unless explicitly requested in allowed_updates. */
const OPT_IN_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const updateType = (u: Update): string => Object.keys(u).find((k) => k !== "update_id") ?? "unknown";

interface PendingPoll { limit: number; finish: (outcome: Update[] | ApiError) => void }

export class UpdateFeed {
  private queue: Update[] = [];
  private allowedUpdates: string[] = [];
  private readonly polls = new Set<PendingPoll>();
  private webhook: { url: string; secret?: string; lastError?: { date: number; message: string } } = { url: "" };
  private webhookChain: Promise<void> = Promise.resolve();
  stopping = false;

  constructor(private readonly profile: Profile) {}

  push(update: Update): void {
    if (this.webhook.url) {
      const { url, secret } = this.webhook;
      // Telegram delivers webhook updates one at a time, in order.
      this.webhookChain = this.webhookChain.then(() => this.deliver(url, update, secret));
      return;
    }
    this.queue.push(update);
    for (const poll of [...this.polls]) {
      const ready = this.takeReady(poll.limit);
      if (ready.length > 0) poll.finish(ready);
    }
  }

  /** Ends every held long poll (the server is stopping). */
  release(): void {
    for (const poll of [...this.polls]) poll.finish([]);
  }

  getUpdates(p: Params, signal: AbortSignal): Update[] | Promise<Update[]> {
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

  setWebhook(p: Params): true {
    const url = typeof p.url === "string" ? p.url : "";
    if (url) this.checkWebhookUrl(url);
    if (flag(p.drop_pending_updates)) this.queue = [];
    this.webhook = { url, ...(typeof p.secret_token === "string" && { secret: p.secret_token }) };
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.map(String);
    return true;
  }

  deleteWebhook(p: Params): true {
    if (flag(p.drop_pending_updates)) this.queue = [];
    this.webhook = { url: "" };
    return true;
  }

  webhookInfo(): Record<string, unknown> {
    return {
      url: this.webhook.url, has_custom_certificate: false, pending_update_count: this.queue.length,
      ...(this.webhook.lastError && { last_error_date: this.webhook.lastError.date, last_error_message: this.webhook.lastError.message }),
      ...(this.webhook.url && { max_connections: 40 }),
    };
  }

  /** Posts an update as the platform does: with the secret-token header only where it has one. */
  post(url: string, update: Update, secretToken?: string): Promise<Response> {
    const header = secretToken !== undefined && this.profile.secretTokenHeader;
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(header && { "x-telegram-bot-api-secret-token": secretToken }) },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(10_000),
    });
  }

  /** The platform's rules for a webhook URL; loopback URLs (this machine's bot) are exempt. */
  private checkWebhookUrl(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ApiError(400, "Bad Request: bad webhook: invalid URL");
    }
    if (LOOPBACK.has(parsed.hostname)) return;
    if (this.profile.webhookHttpsOnly && parsed.protocol !== "https:") throw new ApiError(400, "Bad Request: bad webhook: HTTPS URL must be provided for webhook");
    const port = Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
    if (this.profile.webhookPorts && !this.profile.webhookPorts.includes(port)) {
      throw new ApiError(400, `Bad Request: bad webhook: Webhook can be set up only on ports ${this.profile.webhookPorts.join(", ")}`);
    }
  }

  /** Unconfirmed updates the bot asked for; filtered-out types are dropped, as Telegram does. */
  private takeReady(limit: number): Update[] {
    const wanted = (u: Update): boolean => this.allowedUpdates.length > 0
      ? this.allowedUpdates.includes(updateType(u)) : !OPT_IN_UPDATES.has(updateType(u));
    this.queue = this.queue.filter(wanted);
    return this.queue.slice(0, limit);
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
