import { readFileSync } from "node:fs";
import { z } from "zod";

const TELEGRAM_API_ROOT = "https://api.telegram.org";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const idList = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d+$/, "must be comma-separated numeric Telegram ids")));

/** One schema over the whole environment, parsed once at start-up. */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, "must look like 123456:ABC… (from @BotFather or Bale's bot father)"),
    /** Telegram's by default; https://tapi.bale.ai runs the same bot on Bale. */
    BOT_API_ROOT: z.url().default(TELEGRAM_API_ROOT).transform((url) => url.replace(/\/+$/, "")),
    /** telegram | bale; when unset, derived from BOT_API_ROOT. */
    BOT_PLATFORM: z.enum(["telegram", "bale"]).optional(),
    /** A proxy to reach the Bot API through: http://, https:// or socks5:// (user:password@ allowed). */
    BOT_API_PROXY: z
      .url()
      .refine((url) => /^(https?|socks5h?):\/\//.test(url), "must be an http://, https:// or socks5:// URL")
      .optional(),
    /** How long the bot keeps trying to reach the Bot API at start-up before it exits (0: for ever). */
    BOT_API_STARTUP_TIMEOUT_MS: z.coerce.number().int().min(0).max(7 * 24 * 3600_000).default(5 * 60_000),
    DATABASE_URL: z.url().refine((url) => /^postgres(ql)?:\/\//.test(url), "must be a postgresql:// URL"),
    REDIS_URL: z.url().refine((url) => /^rediss?:\/\//.test(url), "must be a redis:// URL").default("redis://127.0.0.1:6379"),
    /** Prefix of every Redis key (sessions, queues), so several deployments can share one Redis. */
    REDIS_PREFIX: z.string().regex(/^[\w:-]+$/).default("tashil"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** json: one JSON object a line; pretty: coloured lines for a person (development only); unset: pretty on a terminal outside production. */
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    /** When set, the bot serves webhooks at this public URL instead of long polling. */
    WEBHOOK_URL: z.url().optional(),
    WEBHOOK_SECRET: z.string().regex(/^[\w-]{16,256}$/, "16+ characters of A-Z a-z 0-9 _ -").optional(),
    /** Largest webhook request body accepted; larger ones are answered 413 (updates are a few KB). */
    WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(64 * 1024).max(50 * 1024 * 1024).default(1024 * 1024),
    /**
     * Per-user inbound limit: at most this many updates per window (0 turns it off). An album of
     * ten photos arrives as ten updates at once, so the default lets two albums and some typing
     * through; a script flooding the bot is cut off after it.
     */
    RATE_LIMIT_UPDATES: z.coerce.number().int().min(0).max(10_000).default(30),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(3_000),
    /**
     * How long a session's flow draft waits in the process before one statement writes it with
     * every other queued draft to PostgreSQL (src/services/drafts.ts). Longer: fewer statements
     * under load; what a Redis loss and a crash of this process together could lose grows with it.
     */
    SESSION_DRAFT_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    HTTP_HOST: z.string().default("0.0.0.0"),
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    /** Telegram ids of the first administrators. */
    ADMIN_TELEGRAM_IDS: idList,
    DEFAULT_LOCALE: z.enum(["fa", "en"]).default("fa"),
    /** Days within which a producer may reopen a resolved or closed case. */
    REOPEN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /** Re-announce a critical case nobody has opened after this many minutes (working hours). */
    CRITICAL_REALERT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    /** Remind a producer who has not answered a question after this many days. */
    NEEDS_INFO_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** The queue proposes a cluster of this many open cases or more (src/domain/clusters.ts). */
    CLUSTER_MIN_CASES: z.coerce.number().int().min(2).max(100).default(3),
    INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
    MAX_ATTACHMENT_MB: z.coerce.number().min(1).max(50).default(20),
    /** Bot API sends per second for the whole bot (Telegram: about 30). */
    SEND_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(29),
    SENDER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
    /** JSON overrides of the working calendar and the reminder policy (see README). */
    WORKING_CALENDAR: z.string().optional(),
    REMINDER_POLICY: z.string().optional(),
    /** JSON overrides of the countdown thresholds and the statutory windows (see README). */
    COUNTDOWN_POLICY: z.string().optional(),
    FAST_TRACK_POLICY: z.string().optional(),
    STATUTORY_POLICY: z.string().optional(),
    /** A holiday file of the operator's (same shape as data/holidays.json) instead of the shipped one. */
    HOLIDAYS_FILE: z.string().min(1).optional(),
    RUN_WORKERS_IN_BOT: booleanFromEnv.default(true),
    /** The report sent by itself also at the end of every Jalali month (quarters always). */
    REPORT_MONTHLY: booleanFromEnv.default(false),
    /** Connections of this process's PostgreSQL pool (README: the connection budget). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    /**
     * On SIGTERM/SIGINT: how long the updates being handled (and their replies) and the jobs in
     * progress may take to finish before the process exits anyway (compose waits longer).
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(10 * 60_000).default(10_000),
    /**
     * How far V8 lets the old generation grow past what was live after a full collection, in
     * per cent (src/runtime.ts, tuneHeap). 0 keeps V8's own choice (it grows the limit up to 4×
     * when collections are quick, which under a burst doubles the bot's memory for garbage).
     */
    HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(20),
    /**
     * Long polling runs in one process at a time, the holder of a Redis lock of this lifetime
     * (renewed every third of it); a standby takes over within about this long of its death.
     */
    POLLING_LOCK_TTL_MS: z.coerce.number().int().min(1_000).max(5 * 60_000).default(5_000),
    /** Finished outbox rows (sent, failed, blocked, cancelled) are deleted after this many days. */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /**
     * /metrics (Prometheus) on the HTTP server requires `Authorization: Bearer <METRICS_TOKEN>`;
     * unset, it answers 404 there. METRICS_PORT serves it on a listener of its own
     * (METRICS_HOST), with the token if set and open otherwise (announced in the log).
     */
    METRICS_TOKEN: z.string().regex(/^[\w.~+/=-]{16,256}$/, "16+ characters of A-Z a-z 0-9 _ - . ~ + / =").optional(),
    METRICS_HOST: z.string().default("127.0.0.1"),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** The queue dashboard (bull-board) under /admin/queues: off unless "on", then behind the token. */
    QUEUE_DASHBOARD: z.enum(["on", "off"]).default("off"),
    QUEUE_DASHBOARD_TOKEN: z.string().regex(/^[\w.~+/=-]{16,256}$/, "16+ characters of A-Z a-z 0-9 _ - . ~ + / =").optional(),
    /** Retry, remove, promote, pause and clean from the dashboard (read-only otherwise). */
    QUEUE_DASHBOARD_WRITE: booleanFromEnv.default(false),
  })
  .transform((env) => ({
    ...env,
    BOT_PLATFORM: env.BOT_PLATFORM ?? (env.BOT_API_ROOT.includes("bale.ai") ? ("bale" as const) : ("telegram" as const)),
  }))
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when WEBHOOK_URL is set" });
    }
    if (env.QUEUE_DASHBOARD === "on" && !env.QUEUE_DASHBOARD_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["QUEUE_DASHBOARD_TOKEN"], message: "is required when QUEUE_DASHBOARD=on" });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** The configured secrets: redacted from every log line, wherever they turn up (src/logger.ts). */
export function configSecrets(config: Pick<Config, "BOT_TOKEN" | "WEBHOOK_SECRET" | "METRICS_TOKEN" | "QUEUE_DASHBOARD_TOKEN">): Array<string | undefined> {
  return [config.BOT_TOKEN, config.WEBHOOK_SECRET, config.METRICS_TOKEN, config.QUEUE_DASHBOARD_TOKEN];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Every variable X may instead be given as X_FILE, the path of a file holding its value (Docker
 * and Kubernetes secrets: /run/secrets/…); surrounding whitespace, the file's final newline
 * included, is trimmed. Meant for the secrets (BOT_TOKEN, WEBHOOK_SECRET, DATABASE_URL and
 * REDIS_URL with their passwords, any token or password variable), accepted for all. Setting
 * both X and X_FILE is an error, as is a file that cannot be read or is empty.
 */
export function resolveFileVariables(env: Readonly<Record<string, string | undefined>>): { env: Record<string, string>; errors: string[] } {
  const resolved: Record<string, string> = {};
  const errors: string[] = [];
  // `NAME=` in a .env file or compose's `${NAME}` of an unset variable means "not set".
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== "") resolved[name] = value;
  for (const name of Object.keys(ConfigSchema.in.shape)) {
    const file = resolved[`${name}_FILE`];
    if (file === undefined) continue;
    delete resolved[`${name}_FILE`];
    if (resolved[name] !== undefined) {
      errors.push(`${name} and ${name}_FILE are both set: give one`);
      continue;
    }
    let content: string;
    try {
      content = readFileSync(file, "utf8").trim();
    } catch (error) {
      errors.push(`${name}_FILE cannot be read (${(error as { code?: string }).code ?? "error"}: ${file})`);
      continue;
    }
    if (content === "") errors.push(`${name}_FILE is empty (${file})`);
    else resolved[name] = content;
  }
  return { env: resolved, errors };
}

/** Parses the environment; the error names every bad variable on one line each. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { env: present, errors } = resolveFileVariables(env);
  if (errors.length > 0) throw new ConfigError(`Invalid configuration: ${errors.join("; ")}`);
  const result = ConfigSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "environment";
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${variable} ${message}`;
  });
  throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
}
