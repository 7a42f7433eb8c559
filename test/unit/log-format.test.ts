// LOG_FORMAT: pretty for a person at a terminal outside production, JSON lines everywhere else.
import { describe, expect, it } from "vitest";
import { logFormatFor } from "../../src/logger";

describe("logFormatFor", () => {
  it("defaults to pretty only at a terminal outside production", () => {
    expect(logFormatFor({ NODE_ENV: "development" }, true)).toBe("pretty");
    expect(logFormatFor({ NODE_ENV: "development" }, false)).toBe("json");
    expect(logFormatFor({ NODE_ENV: "production" }, true)).toBe("json");
    expect(logFormatFor({ NODE_ENV: "test" }, false)).toBe("json");
  });

  it("follows LOG_FORMAT when it is set", () => {
    expect(logFormatFor({ NODE_ENV: "production", LOG_FORMAT: "pretty" }, false)).toBe("pretty");
    expect(logFormatFor({ NODE_ENV: "development", LOG_FORMAT: "json" }, true)).toBe("json");
  });
});
