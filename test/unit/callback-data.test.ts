import { describe, expect, it } from "vitest";
import { cb, idFrom, MAX_CALLBACK_BYTES } from "../../src/bot/callback-data";
import { renderNotice } from "../../src/services/notifications";

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

  it("holds for the buttons of queued notices too, which are not built in a handler", () => {
    const deps = { t: (_locale: string, key: string) => key };
    const notice = (callback: string) => ({ key: "notice", dedupeKey: "n:1", buttons: [[{ labelKey: "open", callback }]] });
    const [row] = renderNotice(deps, "42", "en", 1, notice("q:open:123456789"));
    expect(row?.payload.params.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: "q:open:123456789" });
    expect(() => renderNotice(deps, "42", "en", 1, notice(`q:open:${"9".repeat(60)}`))).toThrow(/64 bytes/);
  });
});
