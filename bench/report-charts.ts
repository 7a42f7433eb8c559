/**
 * What rendering the period report costs (src/services/report/render/): each chart to a PNG
 * (target: under 200 ms a chart), the workbook, and the HTML document, in fa and en, on the
 * report fixture (seed 000's quarter, test/support/report-fixture.ts). No database.
 *
 *   npm run bench:charts            (BENCH_RUNS=20 renders of each after one warm-up)
 *
 * Prints one line per item: wall-clock median, 95th percentile and slowest, the median CPU time
 * of the process (what the render itself costs, less sensitive than wall time to other work on
 * a shared machine), in milliseconds, and the size. The 200 ms target is checked on the median
 * wall time and the median CPU time; the load average is printed so a busy machine shows.
 */
import os from "node:os";
import { createI18n, translatorFor } from "../src/i18n";
import { buildReportWorkbook, renderReportCharts, renderReportDocument } from "../src/services/report/render";
import { CHARTS } from "../src/services/report/render/charts";
import { reportFixture } from "../test/support/report-fixture";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TARGET_MS = 200;
const t = translatorFor(createI18n("fa"));
const log = (line: string) => process.stdout.write(`${line}\n`);

async function measure(label: string, work: () => Promise<number> | number, target?: number): Promise<boolean> {
  await work(); // warm-up: fonts registered, code compiled
  const times: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    size = await work();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
  const ok = target === undefined || (at(times, 0.5) < target && at(cpu, 0.5) < target);
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  log(
    `${label.padEnd(28)} median ${ms(at(times, 0.5))}  p95 ${ms(at(times, 0.95))}  max ${ms(at(times, 1))}  cpu ${ms(at(cpu, 0.5))}  ` +
      `${(size / 1024).toFixed(0).padStart(5)} KiB${target === undefined ? "" : ok ? `  (< ${target} ms)` : `  OVER ${target} ms`}`,
  );
  return ok;
}

const report = reportFixture();
let allOk = true;
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(" ");
log(`report rendering, ${RUNS} runs each (node ${process.version}, ${os.cpus().length} CPUs, load average ${load()})`);
for (const locale of ["fa", "en"] as const) {
  for (const [name, chart] of Object.entries(CHARTS)) {
    allOk = (await measure(`chart ${name} (${locale})`, async () => (await chart(report, locale, t))?.png.length ?? 0, TARGET_MS)) && allOk;
  }
  const charts = await renderReportCharts(report, locale, t);
  await measure(`workbook (${locale})`, async () => (await buildReportWorkbook(report, locale, t)).length);
  await measure(`document (${locale})`, async () => (await renderReportDocument(report, locale, charts, t)).length);
}
log(`load average at the end ${load()}`);
if (!allOk) process.exitCode = 1;
