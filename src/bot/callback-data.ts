/** Telegram refuses callback data over 64 bytes; every button goes through here. */
export const MAX_CALLBACK_BYTES = 64;

/** Joins ids and short words into callback data, failing loudly past Telegram's limit. */
export function cb(...parts: Array<string | number>): string {
  const data = parts.join(":");
  if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

/** Parses a positive integer id out of untrusted callback data (or null). */
export function idFrom(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
