import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { redactDeep, redactSecrets } from "./domain/secrets";

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
  // The dashboard's and /metrics' credentials, should a request's headers be logged.
  "authorization",
  "*.authorization",
  "*.*.authorization",
  "METRICS_TOKEN",
  "*.METRICS_TOKEN",
  "QUEUE_DASHBOARD_TOKEN",
  "*.QUEUE_DASHBOARD_TOKEN",
  // A failed Bot API call (GrammyError) carries the request it failed with: a case card's
  // text holds the reporter's phone number.
  "err.payload",
];

export interface LoggerOptions {
  /** Values never to print (the bot token, the webhook secret), wherever they turn up. */
  secrets?: readonly (string | undefined)[];
  /** json (the default): one JSON object a line; pretty: for a person at a terminal. */
  format?: LogFormat;
}

export type LogFormat = "json" | "pretty";

/**
 * LOG_FORMAT when set; otherwise pretty for a person at a terminal outside production, JSON
 * lines everywhere else (production, a pipe, a log collector, the tests).
 */
export function logFormatFor(
  config: { LOG_FORMAT?: LogFormat | undefined; NODE_ENV: string },
  stdoutIsTty: boolean = process.stdout.isTTY === true,
): LogFormat {
  return config.LOG_FORMAT ?? (config.NODE_ENV !== "production" && stdoutIsTty ? "pretty" : "json");
}

/**
 * pino-pretty, synchronous (so a fatal line before process.exit is not lost). It is a
 * devDependency: where it is not installed (a production image) the lines stay JSON.
 */
function prettyStream(): pino.DestinationStream | undefined {
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (options: Record<string, unknown>) => pino.DestinationStream;
    return pretty({ sync: true, colorize: process.stdout.isTTY === true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" });
  } catch {
    return undefined;
  }
}

/**
 * The paths above cover fields we name; secrets also hide in free text: a network failure's
 * message carries the request URL with the bot token in it (see src/domain/secrets.ts). So
 * every string of a line passes redactSecrets: the message and its printf arguments (the
 * logMethod hook), the fields (formatters.log), the bindings of the root and of every child
 * (pino runs formatters.bindings for the root only, so child() is wrapped), and errors, which
 * the err/error serializers flatten first so nothing nested (HttpError.error, a cause) escapes.
 */
export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  destination?: pino.DestinationStream,
  { secrets = [], format = "json" }: LoggerOptions = {},
): Logger {
  const scrubError = (error: unknown) => redactDeep(pino.stdSerializers.err(error as Error), secrets);
  const options: pino.LoggerOptions = {
    level,
    base: { service: "tashil", ...base },
    redact: { paths: REDACTED_PATHS, censor: "***" },
    serializers: { err: scrubError, error: scrubError },
    formatters: {
      // err/error are left to their serializers (run after this), which keep pino's shape.
      log: (object) =>
        Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === "err" || key === "error" ? value : redactDeep(value, secrets)])),
      bindings: (bindings) => redactDeep(bindings, secrets) as pino.Bindings,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) => (typeof arg === "string" ? redactSecrets(arg, secrets) : arg));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  const stream = destination ?? (format === "pretty" ? prettyStream() : undefined);
  const logger = stream ? pino(options, stream) : pino(options);
  // Children are created from their parent's prototype chain, so this one wrapper serves all.
  type Child = (this: unknown, bindings: pino.Bindings, options?: unknown) => unknown;
  const child = logger.child as unknown as Child;
  const scrubbedChild: Child = function (bindings, childOptions) {
    return child.call(this, redactDeep(bindings, secrets) as pino.Bindings, childOptions);
  };
  logger.child = scrubbedChild as unknown as Logger["child"];
  return logger;
}
