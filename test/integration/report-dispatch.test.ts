/**
 * The report sent by itself, without the renderers (those are in report-files.test.ts): the
 * timers planned at worker start (the quarter under way at its first working morning, a due one
 * at once), the working calendar (Nowruz), and the record that makes a second run send nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthPeriod, quarterPeriod } from "../../src/domain/report-period";
import { DEFAULT_WORKING_CALENDAR, WorkingCalendarSchema } from "../../src/domain/working-calendar";
import { startReportTimers } from "../../src/jobs/report-send";
import { dispatchGroupReport, duePeriods, reconcileReportTimers, reportSendTime } from "../../src/services/report/dispatch";
import { createTestEnv, TestClock, type TestEnv } from "../support/env";
import { at } from "../support/report-world";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ clock: new TestClock(at("1405/04/03", "09:00")), workingGroups: ["KRM", "KHZ"] });
});
afterAll(async () => env?.cleanup());

describe("when the report goes out", () => {
  it("the first working morning after the period: Nowruz and Fridays skipped", () => {
    const nowruz = WorkingCalendarSchema.parse({ holidays: ["1405/01/01", "1405/01/02", "1405/01/03", "1405/01/04"] });
    expect(reportSendTime(quarterPeriod(1404, 4), nowruz)).toEqual(at("1405/01/05", "08:00"));
    // 1405/04/01 is a Monday.
    expect(reportSendTime(quarterPeriod(1405, 1), DEFAULT_WORKING_CALENDAR)).toEqual(at("1405/04/01", "08:00"));
    // Shahrivar 1405 ends on a Tuesday; 1405/07/01 is a Wednesday.
    expect(reportSendTime(monthPeriod(1405, 6), DEFAULT_WORKING_CALENDAR)).toEqual(at("1405/07/01", "08:00"));
    // Three days off from 1405/10/01 (a Tuesday), then Friday 10/04: Saturday 10/05.
    const fridayAfter = WorkingCalendarSchema.parse({ holidays: ["1405/10/01", "1405/10/02", "1405/10/03"] });
    expect(reportSendTime(quarterPeriod(1405, 3), fridayAfter)).toEqual(at("1405/10/05", "08:00"));
  });

  it("due: the quarter just ended, within two weeks of its time; months only when asked", () => {
    const calendar = DEFAULT_WORKING_CALENDAR;
    expect(duePeriods(at("1405/03/31", "23:00"), calendar, false)).toEqual([]);
    expect(duePeriods(at("1405/04/01", "08:00"), calendar, false)).toEqual([quarterPeriod(1405, 1)]);
    expect(duePeriods(at("1405/04/03", "09:00"), calendar, true)).toEqual([quarterPeriod(1405, 1), monthPeriod(1405, 3)]);
    expect(duePeriods(at("1405/05/01", "09:00"), calendar, false)).toEqual([]);
  });
});

describe("timers and the record", () => {
  it("worker start plans the due quarter now and the quarter under way at its time", async () => {
    await startReportTimers(env.container);
    const timers = env.container.queues.timers;
    const due = await timers.getJob("report-send-q14051");
    expect(due?.data).toEqual({ type: "report-send", period: "q14051" });
    const upcoming = await timers.getJob("report-send-q14052");
    expect(upcoming?.data).toEqual({ type: "report-send", period: "q14052" });
    expect(upcoming!.opts.delay).toBe(at("1405/07/01", "08:00").getTime() - env.clock.now().getTime());
    // Again: the same two jobs, none added.
    expect(await reconcileReportTimers(env.container)).toEqual({ due: ["q14051"], upcoming: ["q14052"] });
    const jobs = (await timers.getJobs(["delayed", "waiting", "prioritized"])).filter((job) => job.name.startsWith("report-send") || String(job.id).startsWith("report-send"));
    expect(jobs.map((job) => job.id).sort()).toEqual(["report-send-q14051", "report-send-q14052"]);
  });

  it("a group is recorded once per period, whoever runs it", async () => {
    const db = env.container.db;
    // Khuzestan has no chair and no secretariat here: nothing to render, the record alone.
    const khz = await db.workingGroup.findUniqueOrThrow({ where: { code: "KHZ" } });
    const q1 = quarterPeriod(1405, 1);
    const runs = await Promise.all([dispatchGroupReport(env.container, khz.id, q1), dispatchGroupReport(env.container, khz.id, q1)]);
    expect(runs.sort()).toEqual(["already_sent", "no_recipients"]);
    expect(await dispatchGroupReport(env.container, khz.id, q1)).toBe("already_sent");
    expect(await db.reportDispatch.findMany({ where: { workingGroupId: khz.id }, select: { periodCode: true, recipients: true } })).toEqual([{ periodCode: "q14051", recipients: 0 }]);
    expect(await db.outboxMessage.count({ where: { kind: "REPORT" } })).toBe(0);
  });
});
