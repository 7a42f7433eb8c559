import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../../src/domain/case-lifecycle";
import { CATEGORY_IDS } from "../../src/domain/categories";
import { DEFAULT_WORKING_CALENDAR } from "../../src/domain/working-calendar";
import { criticalRealertAt, realertJobId } from "../../src/services/case-alerts";
import {
  generateInvitationCode,
  hashInvitationCode,
  invitationLink,
  isWellFormedInvitationCode,
} from "../../src/services/invitations";
import { decodeQueueView, encodeQueueView, type QueueView } from "../../src/services/queue";
import { needsInfoReminderAt, needsInfoReminderJobId, parseDueDate } from "../../src/services/triage";
import { Refusal } from "../../src/domain/refusal";
import { MAX_CALLBACK_BYTES } from "../../src/buttons";

// Tehran is UTC+03:30: 07:00Z is 10:30 in Tehran.
const SUNDAY_1030 = new Date("2026-11-22T07:00:00Z"); // Sunday 1 Azar 1405
const THURSDAY_2050 = new Date("2026-11-26T17:20:00Z"); // Thursday 5 Azar, 20:50 Tehran

describe("queue views in callback data", () => {
  it("round-trips every filter combination within Telegram's limit", () => {
    const views: QueueView[] = [
      { workingGroupId: 3, page: 0 },
      { workingGroupId: 38, page: 12, status: "needs_info" },
      { workingGroupId: 1, page: 0, category: "utility_cutoff", agencyId: 123_456_789 },
      { workingGroupId: 999_999_999, page: 999_999_999, status: CASE_STATUSES.at(-1), category: CATEGORY_IDS.at(-1), agencyId: 999_999_999 },
    ];
    for (const view of views) {
      const encoded = encodeQueueView(view);
      expect(decodeQueueView(encoded)).toEqual(view);
      expect(Buffer.byteLength(`q:fa:${encoded}`)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    }
  });

  it("refuses forged or malformed views", () => {
    for (const bad of ["", "1.0.-.-", "0.0.-.-.-", "1.0.99.-.-", "1.0.-.42.-", "1.0.-.-.0", "1.-1.-.-.-", "a.0.-.-.-", "1.0.-.-.-.-", "1.0.x.-.-"]) {
      expect(decodeQueueView(bad), bad).toBeNull();
    }
  });
});

describe("invitation codes", () => {
  it("are 24+ url-safe random characters, stored only as sha256", () => {
    const codes = new Set(Array.from({ length: 50 }, generateInvitationCode));
    expect(codes.size).toBe(50);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Za-z0-9_-]{24,}$/);
      expect(isWellFormedInvitationCode(code)).toBe(true);
      // Telegram's deep-link payload: at most 64 characters of [A-Za-z0-9_-].
      expect(`inv_${code}`.length).toBeLessThanOrEqual(64);
    }
    expect(hashInvitationCode("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(invitationLink("tashil_bot", "CODE")).toBe("https://t.me/tashil_bot?start=inv_CODE");
    expect(isWellFormedInvitationCode("short")).toBe(false);
    expect(isWellFormedInvitationCode("has spaces in it and is long enough")).toBe(false);
  });
});

describe("timers", () => {
  it("re-alerts a critical case after the given working minutes", () => {
    expect(criticalRealertAt(SUNDAY_1030, 60, DEFAULT_WORKING_CALENDAR).toISOString()).toBe("2026-11-22T08:00:00.000Z");
    // Reported at 20:50 on Thursday: 21:50 is quiet, Friday is the weekend → Saturday 08:00.
    expect(criticalRealertAt(THURSDAY_2050, 60, DEFAULT_WORKING_CALENDAR).toISOString()).toBe("2026-11-28T04:30:00.000Z");
    // Reported during the night: the hour starts at 08:00 → 09:00.
    expect(criticalRealertAt(new Date("2026-11-22T00:00:00Z"), 60, DEFAULT_WORKING_CALENDAR).toISOString()).toBe("2026-11-22T05:30:00.000Z");
    expect(realertJobId(7, 2)).toBe("realert-7-2");
  });

  it("reminds of an unanswered question N days later, at a working moment", () => {
    expect(needsInfoReminderAt(SUNDAY_1030, 3, DEFAULT_WORKING_CALENDAR).toISOString()).toBe("2026-11-25T07:00:00.000Z");
    // Tuesday + 3 days = Friday → Saturday 08:00.
    expect(needsInfoReminderAt(new Date("2026-11-24T07:00:00Z"), 3, DEFAULT_WORKING_CALENDAR).toISOString()).toBe("2026-11-28T04:30:00.000Z");
    expect(needsInfoReminderJobId(7, 42)).toBe("needs-info-7-42");
  });
});

describe("due dates", () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return null;
    } catch (error) {
      return error instanceof Refusal ? error.reason : "other";
    }
  };

  it("accepts today and later in any digits, refuses past, far and invalid dates", () => {
    expect(parseDueDate("۱۴۰۵/۰۹/۰۱", SUNDAY_1030)).toEqual({ year: 1405, month: 9, day: 1 });
    expect(parseDueDate("1405-9-20", SUNDAY_1030)).toEqual({ year: 1405, month: 9, day: 20 });
    expect(code(() => parseDueDate("1405/08/30", SUNDAY_1030))).toBe("past_date");
    expect(code(() => parseDueDate("1407/01/01", SUNDAY_1030))).toBe("far_date");
    expect(code(() => parseDueDate("1405/13/01", SUNDAY_1030))).toBe("invalid_date");
    expect(code(() => parseDueDate("tomorrow", SUNDAY_1030))).toBe("invalid_date");
  });
});
