/**
 * The sandbox's clock (src/sandbox/time.ts): jumps land where the page says, a job's add time
 * is read with the offset in force then, and the working mornings crossed are found; and the
 * page (src/sandbox/server.ts) is one complete document whose script parses.
 */
import { describe, expect, it } from "vitest";
import { jalaliToInstant } from "../../src/domain/jalali";
import { DEFAULT_WORKING_CALENDAR } from "../../src/domain/working-calendar";
import { renderPage } from "../../src/sandbox/server";
import { morningsBetween, SandboxClock } from "../../src/sandbox/time";

const cal = DEFAULT_WORKING_CALENDAR;
const tehran = (year: number, month: number, day: number, hour: number, minute = 0) => jalaliToInstant({ year, month, day }, { hour, minute });

describe("the sandbox's clock", () => {
  it("starts where asked and runs with real time", () => {
    let real = 1_000_000;
    const clock = new SandboxClock(new Date("2026-12-05T06:30:00Z"), () => real);
    expect(clock.now().toISOString()).toBe("2026-12-05T06:30:00.000Z");
    real += 5_000;
    expect(clock.now().toISOString()).toBe("2026-12-05T06:30:05.000Z");
  });

  it("jumps an hour, a day, or to the next working morning (Friday is off)", () => {
    const thursdayAfternoon = tehran(1405, 9, 12, 16, 45);
    expect(SandboxClock.target(thursdayAfternoon, "hour", cal).getTime() - thursdayAfternoon.getTime()).toBe(3600_000);
    expect(SandboxClock.target(thursdayAfternoon, "day", cal).getTime() - thursdayAfternoon.getTime()).toBe(24 * 3600_000);
    // Thursday afternoon → Saturday 08:00 (Friday is the weekend).
    expect(SandboxClock.target(thursdayAfternoon, "morning", cal)).toEqual(tehran(1405, 9, 14, 8));
    // Before the working day starts → that same morning.
    expect(SandboxClock.target(tehran(1405, 9, 14, 6), "morning", cal)).toEqual(tehran(1405, 9, 14, 8));
  });

  it("never goes back, and reads a job's add time with the offset in force then", () => {
    let real = 10_000_000;
    const clock = new SandboxClock(undefined, () => real);
    const added = real;
    real += 1_000;
    clock.advanceTo(new Date(clock.now().getTime() + 86_400_000));
    clock.advanceTo(new Date(0));
    expect(clock.offsetMs).toBe(86_400_000);
    // A job added before the jump: its sandbox time is its real time.
    expect(clock.sandboxTimeAt(added)).toBe(added);
    // A job added after: a day later than its real time.
    expect(clock.sandboxTimeAt(real + 10)).toBe(real + 10 + 86_400_000);
  });

  it("finds the working mornings crossed", () => {
    const from = tehran(1405, 9, 12, 16); // Thursday
    expect(morningsBetween(from, tehran(1405, 9, 13, 16), cal)).toEqual([]); // Friday 08:00 is no working morning
    expect(morningsBetween(from, tehran(1405, 9, 15, 9), cal)).toEqual([tehran(1405, 9, 14, 8), tehran(1405, 9, 15, 8)]);
  });
});

describe("the sandbox's page", () => {
  it("is one right-to-left document with its style and a script that parses", () => {
    const html = renderPage();
    expect(html).toMatch(/<html lang="fa" dir="rtl">/);
    expect(html).not.toContain("/*STYLE*/");
    expect(html).not.toContain("/*SCRIPT*/");
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(script).toContain("/api/state");
    expect(() => new Function(script)).not.toThrow();
  });
});
