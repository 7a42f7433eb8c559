import { ConfigError, type Config } from "./config";
import { NATIONAL_HOLIDAYS } from "./domain/holidays";
import { ReminderPolicySchema, type ReminderPolicy } from "./domain/reminder-schedule";
import { WorkingCalendarSchema, type WorkingCalendar } from "./domain/working-calendar";

/** The working calendar and reminder policy: configuration (JSON in the environment), not code. */
export interface Policies {
  calendar: WorkingCalendar;
  reminders: ReminderPolicy;
}

function parseJsonVariable(name: string, raw: string | undefined): unknown {
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConfigError(`Invalid configuration: ${name} is not valid JSON`);
  }
}

export function loadPolicies(config: Pick<Config, "WORKING_CALENDAR" | "REMINDER_POLICY">): Policies {
  const calendarInput = parseJsonVariable("WORKING_CALENDAR", config.WORKING_CALENDAR);
  const calendar = WorkingCalendarSchema.safeParse(calendarInput);
  if (!calendar.success) {
    throw new ConfigError(`Invalid configuration: WORKING_CALENDAR ${calendar.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const reminders = ReminderPolicySchema.safeParse(parseJsonVariable("REMINDER_POLICY", config.REMINDER_POLICY));
  if (!reminders.success) {
    throw new ConfigError(`Invalid configuration: REMINDER_POLICY ${reminders.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const shipped = Object.values(NATIONAL_HOLIDAYS).flat();
  return {
    calendar: { ...calendar.data, holidays: [...new Set([...shipped, ...calendar.data.holidays])].sort() },
    reminders: reminders.data,
  };
}
