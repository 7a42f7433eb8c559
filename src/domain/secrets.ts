/**
 * Secrets out of text that leaves the process: log lines (src/logger.ts) and stored error
 * descriptions (the outbox's lastError, src/jobs/sender.ts). Those two are the only places
 * that call this, and everything logged or stored passes through one of them.
 *
 * Why it is needed: a Bot API call that fails at the network level fails inside fetch, whose
 * error text carries the request URL, `https://api.telegram.org/bot<token>/sendMessage`; and
 * anyone holding the token can act as the bot. Pure (no I/O): the configured secrets are passed
 * in by the caller.
 */

export const REDACTED = "***";

/** A secret this short would redact ordinary words; config.ts never accepts one anyway. */
const MIN_LITERAL_LENGTH = 8;

/**
 * The token in a Bot API URL, `/bot<token>/method` or `/file/bot<token>/path`, plain or with
 * the colon percent-encoded. A token always has a colon, so `/bottle/` is left alone.
 */
const URL_TOKEN = /\/bot[^/\s"'?#]*?(?::|%3a)[^/\s"'?#]+/gi;
/** `bot<digits>:<secret>` anywhere else (grammY's debug output, a pasted URL). */
const PREFIXED_TOKEN = /bot\d+:[^\s/"'?#&]+/gi;
/**
 * A bare token, `<bot id>:<secret>` (Telegram: 35 characters; config.ts accepts 20+). Not
 * inside a longer word: `sha256:…` and clock times (`07:00:00`) stay as they are.
 */
const BARE_TOKEN = /(?<![\w-])\d{3,}:[\w-]{20,}/g;
/** The password of a URL with credentials (a DATABASE_URL or REDIS_URL in a driver error). */
const URL_PASSWORD = /(\b[a-z][a-z\d+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every spelling of a secret that can appear in a URL or a message. */
function spellings(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), encodeURI(secret)])];
}

/**
 * Returns `text` with the given secrets (the configured BOT_TOKEN, the webhook secret) and
 * anything shaped like a bot token or a URL password replaced by ***. Idempotent.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_LITERAL_LENGTH) continue;
    for (const spelling of spellings(secret)) out = out.replace(new RegExp(escapeRegExp(spelling), "g"), REDACTED);
  }
  return out
    .replace(URL_TOKEN, `/bot${REDACTED}`)
    .replace(PREFIXED_TOKEN, `bot${REDACTED}`)
    .replace(BARE_TOKEN, REDACTED)
    .replace(URL_PASSWORD, `$1:${REDACTED}@`);
}

const MAX_DEPTH = 10;

/**
 * Redacts every string inside a value about to be written as JSON (a log line's fields).
 * Plain objects and arrays are copied with their strings redacted; an Error becomes
 * { type, message, stack, …its own fields }, because JSON.stringify would otherwise print its
 * own enumerable fields unredacted (grammY's HttpError keeps the fetch error, URL and all, in
 * `error`). Anything with toJSON (dates, decimals) is redacted as what it turns into.
 */
export function redactDeep(value: unknown, secrets: readonly (string | undefined)[] = [], depth = 0, ancestors = new Set<object>()): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (value === null || typeof value !== "object") return value;
  // Buffers, typed arrays, maps: nothing a secret hides in prints as text there.
  if (ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set) return value;
  if (ancestors.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[…]";
  ancestors.add(value);
  try {
    const next = (inner: unknown) => redactDeep(inner, secrets, depth + 1, ancestors);
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Error) {
      const fields: Record<string, unknown> = { type: value.name, message: value.message, stack: value.stack };
      for (const [key, inner] of Object.entries(value)) fields[key] = inner;
      if (value.cause !== undefined) fields.cause = value.cause;
      return Object.fromEntries(Object.entries(fields).map(([key, inner]) => [key, next(inner)]));
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return next(toJSON.call(value));
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, next(inner)]));
  } finally {
    ancestors.delete(value);
  }
}
