import { describe, expect, it } from "vitest";
import { cb, idFrom, MAX_CALLBACK_BYTES } from "../../src/bot/callback-data";

describe("callback data", () => {
  it("joins parts and stays within Telegram's 64 bytes", () => {
    expect(cb("q:open", 123456789)).toBe("q:open:123456789");
    expect(Buffer.byteLength(cb("x".repeat(MAX_CALLBACK_BYTES)))).toBe(64);
  });

  it("refuses data over 64 bytes, counting UTF-8 bytes not characters", () => {
    expect(() => cb("x".repeat(65))).toThrow(/64 bytes/);
    // 33 Persian letters are 66 bytes.
    expect(() => cb("ب".repeat(33))).toThrow(/64 bytes/);
  });

  it("parses only positive integer ids from untrusted data", () => {
    expect(idFrom("42")).toBe(42);
    expect(idFrom("0")).toBeNull();
    expect(idFrom("-1")).toBeNull();
    expect(idFrom("1e3")).toBeNull();
    expect(idFrom("9999999999")).toBeNull();
    expect(idFrom(undefined)).toBeNull();
  });
});
