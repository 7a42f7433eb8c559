/**
 * What rendering the period report costs (src/services/report/render/): each chart to a PNG
 * (target: under 200 ms a chart), the workbook, and the HTML document, in fa and en, on the
 * report fixture (seed 000's quarter, test/support/report-fixture.ts). No database.
 *
 *   npm run bench:charts            (BENCH_RUNS=20 renders of each after one warm-up)
 *
 * Prints one line per item: median, 95th percentile and slowest, in milliseconds, and the size.
 */
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
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    size = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const ok = target === undefined || at(0.95) < target;
  log(
    `${label.padEnd(26)} median ${at(0.5).toFixed(1).padStart(6)} ms  p95 ${at(0.95).toFixed(1).padStart(6)} ms  max ${at(1).toFixed(1).padStart(6)} ms  ` +
      `${(size / 1024).toFixed(0).padStart(5)} KiB${target === undefined ? "" : ok ? `  (< ${target} ms)` : `  OVER ${target} ms`}`,
  );
  return ok;
}

const report = reportFixture();
let allOk = true;
log(`report rendering, ${RUNS} runs each (node ${process.version}, ${process.arch})`);
for (const locale of ["fa", "en"] as const) {
  for (const [name, chart] of Object.entries(CHARTS)) {
    allOk = (await measure(`chart ${name} (${locale})`, () => chart(report, locale, t)?.png.length ?? 0, TARGET_MS)) && allOk;
  }
  const charts = await renderReportCharts(report, locale, t);
  await measure(`workbook (${locale})`, async () => (await buildReportWorkbook(report, locale, t)).length);
  await measure(`document (${locale})`, async () => (await renderReportDocument(report, locale, charts, t)).length);
}
if (!allOk) process.exitCode = 1;
