import { readFileSync } from "node:fs";
import { ConfigError, type Config } from "./config";
import { CountdownPolicySchema, type CountdownPolicy } from "./domain/countdown";
import { FastTrackPolicySchema, type FastTrackPolicy } from "./domain/fast-track";
import { NATIONAL_HOLIDAYS, parseHolidayFile, yearsWithoutHolidays } from "./domain/holidays";
import { jalaliYearOf } from "./domain/jalali";
import { ReminderPolicySchema, type ReminderPolicy } from "./domain/reminder-schedule";
import { StatutoryPolicySchema, type StatutoryPolicy } from "./domain/statutory";
import { WorkingCalendarSchema, type WorkingCalendar } from "./domain/working-calendar";
import type { Logger } from "./logger";

/**
 * The working calendar, the reminder policy, the countdown thresholds and the statutory windows:
 * configuration (JSON in the environment, holidays in a data file), not code.
 */
export interface Policies {
  calendar: WorkingCalendar;
  reminders: ReminderPolicy;
  countdown: CountdownPolicy;
  statutory: StatutoryPolicy;
  fastTrack: FastTrackPolicy;
  /** Holidays per Jalali year as loaded (the shipped file or HOLIDAYS_FILE). */
  holidayYears: Readonly<Record<number, readonly string[]>>;
}

type PolicyConfig = Pick<Config, "WORKING_CALENDAR" | "REMINDER_POLICY"> & Partial<Pick<Config, "COUNTDOWN_POLICY" | "STATUTORY_POLICY" | "HOLIDAYS_FILE" | "FAST_TRACK_POLICY">>;

function parseJsonVariable(name: string, raw: string | undefined): unknown {
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConfigError(`Invalid configuration: ${name} is not valid JSON`);
  }
}

function parsePolicy<T>(name: string, raw: string | undefined, schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T {
  const parsed = schema.safeParse(parseJsonVariable(name, raw));
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${name} ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

function loadHolidays(file: string | undefined): Readonly<Record<number, readonly string[]>> {
  if (!file) return NATIONAL_HOLIDAYS;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`Invalid configuration: HOLIDAYS_FILE ${file} cannot be read as JSON (${(error as Error).message.split("\n")[0]})`);
  }
  try {
    return parseHolidayFile(json);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: HOLIDAYS_FILE ${(error as Error).message}`);
  }
}

export function loadPolicies(config: PolicyConfig): Policies {
  const calendar = parsePolicy<WorkingCalendar>("WORKING_CALENDAR", config.WORKING_CALENDAR, WorkingCalendarSchema);
  const reminders = parsePolicy<ReminderPolicy>("REMINDER_POLICY", config.REMINDER_POLICY, ReminderPolicySchema);
  const countdown = parsePolicy<CountdownPolicy>("COUNTDOWN_POLICY", config.COUNTDOWN_POLICY, CountdownPolicySchema);
  const statutory = parsePolicy<StatutoryPolicy>("STATUTORY_POLICY", config.STATUTORY_POLICY, StatutoryPolicySchema);
  const fastTrack = parsePolicy<FastTrackPolicy>("FAST_TRACK_POLICY", config.FAST_TRACK_POLICY, FastTrackPolicySchema);
  const holidayYears = loadHolidays(config.HOLIDAYS_FILE);
  const shipped = Object.values(holidayYears).flat();
  return {
    calendar: { ...calendar, holidays: [...new Set([...shipped, ...calendar.holidays])].sort() },
    reminders,
    countdown,
    statutory,
    fastTrack,
    holidayYears,
  };
}

/** The Jalali years (current, next) whose holidays are missing: start-up logs a warning each. */
export function missingHolidayYears(policies: Pick<Policies, "holidayYears">, now: Date): number[] {
  const year = jalaliYearOf(now);
  return yearsWithoutHolidays(policies.holidayYears, [year, year + 1]);
}

/**
 * Start-up's warning about the working calendar: one line per Jalali year (current, next)
 * without holiday data, so an operator adds the new year's official holidays (data/holidays.json
 * or HOLIDAYS_FILE) before reminders start falling on them. Returns the years warned about.
 */
export function warnAboutMissingHolidays(deps: { policies: Pick<Policies, "holidayYears">; now: () => Date; logger: Pick<Logger, "warn"> }): number[] {
  const years = missingHolidayYears(deps.policies, deps.now());
  for (const year of years) {
    deps.logger.warn(
      { jalaliYear: year },
      `the working calendar has no holidays for ${year}: add that year's official holidays to HOLIDAYS_FILE (see data/holidays.json), or reminders and countdowns will count its holidays as working days`,
    );
  }
  return years;
}
