import { describe, expect, it } from "vitest";
import { button, checkLength, MAX_CALLBACK_BYTES, shared } from "../../src/buttons";
import { renderNotice } from "../../src/services/notifications";

/** The typed buttons (src/buttons) replaced the hand-joined cb()/idFrom() helpers; same rules. */
describe("callback data", () => {
  const probe = button("test:probe", { id: "id" });

  it("joins parts and stays within Telegram's 64 bytes", () => {
    expect(shared.queueCase.pack({ caseId: 123456789 })).toBe("q:open:123456789");
    expect(Buffer.byteLength(checkLength("x".repeat(MAX_CALLBACK_BYTES)))).toBe(64);
  });

  it("refuses data over 64 bytes, counting UTF-8 bytes not characters", () => {
    expect(() => checkLength("x".repeat(65))).toThrow(/64 bytes/);
    // 33 Persian letters are 66 bytes.
    expect(() => checkLength("ب".repeat(33))).toThrow(/64 bytes/);
  });

  it("parses only positive integer ids from untrusted data", () => {
    expect(probe.unpack("test:probe:42")).toEqual({ id: 42 });
    for (const bad of ["0", "-1", "1e3", "9999999999", ""]) expect(probe.unpack(`test:probe:${bad}`)).toBeNull();
    expect(probe.unpack(undefined)).toBeNull();
    expect(probe.filter.test("test:probe:7:extra")).toBe(false);
  });

  it("holds for the buttons of queued notices too, which are not built in a handler", () => {
    const deps = { t: (_locale: string, key: string) => key };
    const notice = (callback: string) => ({ key: "notice", dedupeKey: "n:1", buttons: [[{ labelKey: "open", callback }]] });
    const [row] = renderNotice(deps, "42", "en", 1, notice("q:open:123456789"));
    expect(row?.payload.params.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: "q:open:123456789" });
    expect(() => renderNotice(deps, "42", "en", 1, notice(`q:open:${"9".repeat(60)}`))).toThrow(/64 bytes/);
  });
});
