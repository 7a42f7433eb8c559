/**
 * Telegram's flood limits: about 30 messages a second overall, one a second per private chat,
 * twenty a minute per group. Over a limit a call gets 429 with retry_after, as from Telegram.
 */
import { ApiError, type FloodLimits } from "./types";

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

export class FloodGate {
  private readonly globalSends: number[] = [];
  private readonly chatSends = new Map<number, number[]>();

  constructor(private readonly limits: FloodLimits) {}

  check(chatId: number | undefined, now: number): void {
    const waits: number[] = [];
    const over = (times: number[], windowMs: number, max: number): void => {
      while (times.length > 0 && (times[0] ?? 0) <= now - windowMs) times.shift();
      if (times.length >= max) waits.push((times[0] ?? now) + windowMs - now);
    };
    over(this.globalSends, 1000, this.limits.globalPerSecond);
    if (chatId !== undefined) {
      const group = chatId < 0;
      over(this.chatSends.get(chatId) ?? [], group ? 60_000 : 1000, group ? this.limits.perGroupPerMinute : this.limits.perChatPerSecond);
    }
    if (waits.length === 0) return;
    const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
  }

  count(chatId: number | undefined, now: number): void {
    this.globalSends.push(now);
    if (chatId === undefined) return;
    const times = this.chatSends.get(chatId) ?? [];
    times.push(now);
    this.chatSends.set(chatId, times);
  }
}
