import pino, { type Logger } from "pino";

export type { Logger };

/** Paths that may carry a phone number, national id or secret; pino replaces them. */
const REDACTED_PATHS = [
  "phone",
  "*.phone",
  "phone_number",
  "*.phone_number",
  "*.*.phone_number",
  "legalId",
  "*.legalId",
  "nationalCode",
  "*.nationalCode",
  "token",
  "*.token",
  "BOT_TOKEN",
  "*.BOT_TOKEN",
  "DATABASE_URL",
  "*.DATABASE_URL",
];

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: "tashil", ...base },
    redact: { paths: REDACTED_PATHS, censor: "***" },
  });
}
