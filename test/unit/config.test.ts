import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, ConfigSchema, parseConfig } from "../../src/config";
import { loadPolicies } from "../../src/policies";

const VALID = {
  BOT_TOKEN: "123456789:AAbbCCddEEffGGhhIIjjKKllMMnn",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/tashil",
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("applies the documented defaults", () => {
    const config = parseConfig(VALID);
    expect(config).toMatchObject({
      NODE_ENV: "development",
      BOT_API_ROOT: "https://api.telegram.org",
      BOT_PLATFORM: "telegram",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: "tashil",
      LOG_LEVEL: "info",
      HTTP_HOST: "0.0.0.0",
      HTTP_PORT: 8080,
      ADMIN_TELEGRAM_IDS: [],
      DEFAULT_LOCALE: "fa",
      REOPEN_WINDOW_DAYS: 14,
      CRITICAL_REALERT_MINUTES: 60,
      NEEDS_INFO_REMINDER_DAYS: 3,
      INVITATION_TTL_HOURS: 72,
      MAX_ATTACHMENT_MB: 20,
      SEND_RATE_PER_SECOND: 29,
      SENDER_CONCURRENCY: 16,
      RUN_WORKERS_IN_BOT: true,
    });
    expect(config.WEBHOOK_URL).toBeUndefined();
    expect(config.WEBHOOK_SECRET).toBeUndefined();
  });

  it("names BOT_TOKEN when it is missing, on one line", () => {
    const error = errorOf({ DATABASE_URL: VALID.DATABASE_URL });
    expect(error.message).toContain("BOT_TOKEN is required");
    expect(error.message).not.toContain("\n");
  });

  it("rejects a malformed BOT_TOKEN without echoing it", () => {
    const error = errorOf({ ...VALID, BOT_TOKEN: "not-a-token-secret-value" });
    expect(error.message).toMatch(/^Invalid configuration: BOT_TOKEN /);
    expect(error.message).not.toContain("not-a-token-secret-value");
  });

  it.each([
    ["not a url", "DATABASE_URL"],
    ["mysql://root@localhost/tashil", "DATABASE_URL must be a postgresql:// URL"],
  ])("rejects DATABASE_URL=%s", (value, expected) => {
    expect(errorOf({ ...VALID, DATABASE_URL: value }).message).toContain(expected);
  });

  it("names every bad variable at once", () => {
    const message = errorOf({ DATABASE_URL: "nope", HTTP_PORT: "99999" }).message;
    for (const name of ["BOT_TOKEN", "DATABASE_URL", "HTTP_PORT"]) expect(message).toContain(name);
  });

  it("requires WEBHOOK_SECRET when WEBHOOK_URL is set", () => {
    const message = errorOf({ ...VALID, WEBHOOK_URL: "https://bot.example.ir/telegram" }).message;
    expect(message).toContain("WEBHOOK_SECRET is required when WEBHOOK_URL is set");
    const config = parseConfig({ ...VALID, WEBHOOK_URL: "https://bot.example.ir/telegram", WEBHOOK_SECRET: "s3cret_value_of_16plus" });
    expect(config.WEBHOOK_SECRET).toBe("s3cret_value_of_16plus");
  });

  it("rejects a webhook secret Telegram would refuse", () => {
    const message = errorOf({ ...VALID, WEBHOOK_URL: "https://bot.example.ir/t", WEBHOOK_SECRET: "short" }).message;
    expect(message).toContain("WEBHOOK_SECRET");
  });

  it("runs on Bale when BOT_API_ROOT points there, trailing slash removed", () => {
    const config = parseConfig({ ...VALID, BOT_API_ROOT: "https://tapi.bale.ai/" });
    expect(config.BOT_PLATFORM).toBe("bale");
    expect(config.BOT_API_ROOT).toBe("https://tapi.bale.ai");
  });

  it("lets BOT_PLATFORM override the guess (e.g. a local Bot API server in front of Bale)", () => {
    expect(parseConfig({ ...VALID, BOT_API_ROOT: "http://127.0.0.1:8081", BOT_PLATFORM: "bale" }).BOT_PLATFORM).toBe("bale");
    expect(errorOf({ ...VALID, BOT_PLATFORM: "eitaa" }).message).toContain("BOT_PLATFORM");
  });

  it("treats an empty variable as unset (NAME= in .env, or compose's ${NAME} of an unset one)", () => {
    const config = parseConfig({ ...VALID, BOT_PLATFORM: "", WEBHOOK_URL: "", WEBHOOK_SECRET: "", HTTP_PORT: "", REDIS_URL: "" });
    expect(config).toMatchObject({ BOT_PLATFORM: "telegram", HTTP_PORT: 8080, REDIS_URL: "redis://127.0.0.1:6379" });
    expect(config.WEBHOOK_URL).toBeUndefined();
    expect(errorOf({ ...VALID, BOT_TOKEN: "" }).message).toContain("BOT_TOKEN is required");
  });

  it("parses admin ids, booleans and numbers from strings", () => {
    const config = parseConfig({
      ...VALID,
      ADMIN_TELEGRAM_IDS: " 111, 222 ,",
      RUN_WORKERS_IN_BOT: "false",
      HTTP_PORT: "3000",
    });
    expect(config.ADMIN_TELEGRAM_IDS).toEqual(["111", "222"]);
    expect(config.RUN_WORKERS_IN_BOT).toBe(false);
    expect(config.HTTP_PORT).toBe(3000);
    expect(errorOf({ ...VALID, ADMIN_TELEGRAM_IDS: "111,@someone" }).message).toContain("ADMIN_TELEGRAM_IDS");
    expect(errorOf({ ...VALID, RUN_WORKERS_IN_BOT: "maybe" }).message).toContain("RUN_WORKERS_IN_BOT");
  });

  describe("variables given as files (X_FILE)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tashil-secrets-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const secret = (name: string, content: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    };

    it("reads each secret from its file, trimmed (the final newline of `echo … > file` included)", () => {
      const config = parseConfig({
        BOT_TOKEN_FILE: secret("bot_token", `${VALID.BOT_TOKEN}\n`),
        DATABASE_URL_FILE: secret("database_url", "  postgresql://tashil:s3cret@db:5432/tashil\r\n"),
        WEBHOOK_URL: "https://bot.example.ir/telegram",
        WEBHOOK_SECRET_FILE: secret("webhook_secret", "a_webhook_secret_of_sixteen\n"),
        REDIS_URL_FILE: secret("redis_url", "redis://:pw@redis:6379\n"),
      });
      expect(config.BOT_TOKEN).toBe(VALID.BOT_TOKEN);
      expect(config.DATABASE_URL).toBe("postgresql://tashil:s3cret@db:5432/tashil");
      expect(config.WEBHOOK_SECRET).toBe("a_webhook_secret_of_sixteen");
      expect(config.REDIS_URL).toBe("redis://:pw@redis:6379");
      // The value read is validated like a value given directly.
      expect(errorOf({ ...VALID, BOT_TOKEN: "", BOT_TOKEN_FILE: secret("bad_token", "nope\n") }).message).toContain("BOT_TOKEN must look like");
    });

    it("refuses both X and X_FILE, a file that cannot be read, and an empty one, naming the variable", () => {
      expect(errorOf({ ...VALID, BOT_TOKEN_FILE: secret("token2", VALID.BOT_TOKEN) }).message).toContain("BOT_TOKEN and BOT_TOKEN_FILE are both set");
      const missing = errorOf({ DATABASE_URL: VALID.DATABASE_URL, BOT_TOKEN_FILE: path.join(dir, "absent") }).message;
      expect(missing).toContain("BOT_TOKEN_FILE cannot be read (ENOENT");
      expect(errorOf({ DATABASE_URL: VALID.DATABASE_URL, BOT_TOKEN_FILE: secret("empty", " \n") }).message).toContain("BOT_TOKEN_FILE is empty");
      // `X_FILE=` (empty) means not set, like any variable.
      expect(parseConfig({ ...VALID, WEBHOOK_SECRET_FILE: "" }).WEBHOOK_SECRET).toBeUndefined();
    });
  });

  describe(".env.example", () => {
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    // Every documented example, switched on (`#NAME=value` → `NAME=value`).
    const examples = parseEnv(text.replace(/^#([A-Z][A-Z0-9_]*=)/gm, "$1"));

    it("documents every variable of src/config.ts", () => {
      const documented = new Set(Object.keys(examples));
      const missing = Object.keys(ConfigSchema.in.shape).filter((name) => !documented.has(name));
      expect(missing).toEqual([]);
    });

    it("has examples that parse, once the required values are filled in", () => {
      const config = parseConfig({ ...examples, ...VALID });
      expect(config.WEBHOOK_URL).toBe("https://bot.example.ir/telegram");
      const policies = loadPolicies(config);
      expect(policies.calendar.quietStart).toBe("21:00");
      expect(policies.reminders.escalation).toHaveLength(2);
    });

    it("ships no working token: starting from a bare copy fails on BOT_TOKEN", () => {
      const bare = parseEnv(text);
      expect(errorOf(bare as Record<string, string>).message).toContain("BOT_TOKEN");
    });
  });
});
