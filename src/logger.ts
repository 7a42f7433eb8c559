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
  // A failed Bot API call (GrammyError) carries the request it failed with: a case card's
  // text holds the reporter's phone number.
  "err.payload",
];

export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: "tashil", ...base }, redact: { paths: REDACTED_PATHS, censor: "***" } };
  return destination ? pino(options, destination) : pino(options);
}
