/**
 * The report's charts: real PNGs from chart.js on @napi-rs/canvas, and Persian text drawn with
 * Vazirmatn — joined letters, right to left, never boxes. The references in test/fixtures were
 * looked at by a person before they were committed; `UPDATE_REFERENCES=1 npx vitest run
 * test/unit/report-charts.test.ts` rewrites them (look at them again before committing).
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n";
import { CHART_HEIGHT, CHART_WIDTH, DEVICE_PIXEL_RATIO, MAX_AGENCY_BARS, renderReportCharts } from "../../src/services/report/render/charts";
import { registerReportFonts, REPORT_FONT } from "../../src/services/report/render/fonts";
import { reportFixture } from "../support/report-fixture";

const t = translatorFor(createI18n("fa"));
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const UPDATE = process.env.UPDATE_REFERENCES === "1";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Grey levels (0 black … 255 white) of a PNG, or of a region of it. */
async function greys(png: Buffer, region?: { x: number; y: number; width: number; height: number }) {
  const image = await loadImage(png);
  const r = region ?? { x: 0, y: 0, width: image.width, height: image.height };
  const canvas = createCanvas(r.width, r.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, r.width, r.height);
  ctx.drawImage(image, r.x, r.y, r.width, r.height, 0, 0, r.width, r.height);
  const { data } = ctx.getImageData(0, 0, r.width, r.height);
  const out = new Uint8Array(r.width * r.height);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(((data[i * 4] ?? 0) + (data[i * 4 + 1] ?? 0) + (data[i * 4 + 2] ?? 0)) / 3);
  return { pixels: out, width: r.width, height: r.height, png: canvas.toBuffer("image/png") };
}

const inkShare = (pixels: Uint8Array) => pixels.filter((v) => v < 128).length / pixels.length;

/** Share of pixels that differ by more than a quarter of the grey range (anti-aliasing noise passes). */
function differingShare(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 64) differing++;
  return differing / a.length;
}

async function compareWithReference(name: string, png: Buffer): Promise<number> {
  const file = path.join(FIXTURES, name);
  if (UPDATE || !existsSync(file)) writeFileSync(file, png);
  const actual = await greys(png);
  const reference = await greys(readFileSync(file));
  expect({ width: actual.width, height: actual.height }).toEqual({ width: reference.width, height: reference.height });
  expect(inkShare(reference.pixels)).toBeGreaterThan(0.01); // a blank reference would prove nothing
  return differingShare(actual.pixels, reference.pixels);
}

/** A phrase drawn once with the given font, right to left, black on white. */
function drawPhrase(text: string, font: string): Buffer {
  const canvas = createCanvas(520, 72);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, 520, 72);
  ctx.fillStyle = "#000";
  ctx.font = `32px ${font}`;
  ctx.direction = "rtl";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.fillText(text, 505, 36);
  return canvas.toBuffer("image/png");
}

const PHRASE = "تکلیف بدهی‌های معوق ۸۷ مورد";

// The font is registered on a process's first chart; these tests draw on the canvas directly.
beforeAll(() => registerReportFonts());

describe("Persian text on the canvas", () => {
  it("draws with Vazirmatn, registered from the npm package", () => {
    const families = createCanvas(1, 1).getContext("2d");
    families.font = `20px ${REPORT_FONT}`;
    expect(families.font).toContain(REPORT_FONT);
  });

  it("joins the letters: a shaped word is narrower than its letters kept apart", () => {
    const ctx = createCanvas(10, 10).getContext("2d");
    ctx.font = `32px ${REPORT_FONT}`;
    const joined = ctx.measureText("تسهیلات").width;
    // The same letters with a zero-width non-joiner between each: isolated and final forms.
    const apart = ctx.measureText([..."تسهیلات"].join("\u200c")).width;
    expect(joined).toBeGreaterThan(0);
    expect(apart - joined).toBeGreaterThan(joined * 0.15);
  });

  it("matches the reference rendering of a phrase (joined, right to left, Persian digits)", async () => {
    const png = drawPhrase(PHRASE, REPORT_FONT);
    expect(await compareWithReference("report-phrase-vazirmatn.png", png)).toBeLessThan(0.01);
    // Drawn with another font (the system's fallback, or boxes) it does not match: the
    // comparison can tell a wrong font from the right one.
    const other = drawPhrase(PHRASE, "NoSuchFontAnywhere, monospace");
    expect(differingShare((await greys(png)).pixels, (await greys(other)).pixels)).toBeGreaterThan(0.01);
  });
});

describe("renderReportCharts", () => {
  it("renders the three charts as PNGs of the expected size, with captions", async () => {
    const started = performance.now();
    const charts = await renderReportCharts(reportFixture(), "fa", t);
    const elapsed = performance.now() - started;
    expect(charts.map((chart) => chart.name)).toEqual(["topics", "agencies-on-time", "by-month"]);
    const [topics, agencies, byMonth] = charts;
    expect(pngSize(topics!.png)).toEqual({ width: CHART_WIDTH * DEVICE_PIXEL_RATIO, height: CHART_HEIGHT * DEVICE_PIXEL_RATIO });
    expect(pngSize(byMonth!.png)).toEqual({ width: CHART_WIDTH * DEVICE_PIXEL_RATIO, height: CHART_HEIGHT * DEVICE_PIXEL_RATIO });
    // Seven agencies with something due (the eighth has none): the chart grows with them.
    expect(pngSize(agencies!.png)).toEqual({ width: CHART_WIDTH * DEVICE_PIXEL_RATIO, height: (130 + 7 * 42) * DEVICE_PIXEL_RATIO });
    expect(topics!.caption).toBe("📊 موضوعات مطرح‌شده در جلسات کارگروه خوزستان — سه‌ماهه نخست سال ۱۴۰۵، در مقایسه با سه‌ماهه پیش");
    expect(agencies!.caption).toContain("سه‌ماهه نخست سال ۱۴۰۵");
    expect(byMonth!.caption).toContain("ماه به ماه");
    // Not a timed test: a generous bound that only catches something pathological.
    expect(elapsed).toBeLessThan(5_000);
  });

  it("draws the Persian title the way the reference does", async () => {
    const [topics] = await renderReportCharts(reportFixture(), "fa", t);
    const width = CHART_WIDTH * DEVICE_PIXEL_RATIO;
    const title = await greys(topics!.png, { x: Math.round(width * 0.28), y: 0, width: Math.round(width * 0.44), height: Math.round(45 * DEVICE_PIXEL_RATIO) });
    expect(await compareWithReference("report-chart-title-fa.png", title.png)).toBeLessThan(0.01);
  });

  it("reads the topics in the locale's direction: this period's bar first, the biggest topic first", async () => {
    /** Grey of the first bar met along a row, walking from one side towards the other. */
    const firstBar = async (locale: "fa" | "en") => {
      const [topics] = await renderReportCharts(reportFixture(), locale, t);
      const { pixels, width, height } = await greys(topics!.png);
      const y = Math.round(height * 0.75);
      const xs = [...Array(width).keys()].map((i) => (locale === "fa" ? width - 1 - i : i)).slice(Math.round(width * 0.06));
      const x = xs.find((column) => (pixels[y * width + column] ?? 255) < 215) ?? -1;
      const inside = x + (locale === "fa" ? -4 : 4); // past the anti-aliased edge
      return { grey: pixels[y * width + inside] ?? 255, side: x / width };
    };
    const fa = await firstBar("fa");
    const en = await firstBar("en");
    // This period is dark (#1f6f8b, grey ≈ 97), the previous one light (#a7c7d3, grey ≈ 197).
    expect(fa.grey).toBeLessThan(130);
    expect(en.grey).toBeLessThan(130);
    expect(fa.side).toBeGreaterThan(0.7); // in fa the first group is on the right
    expect(en.side).toBeLessThan(0.3);
  });

  it("puts the worst agency first and writes Persian digits on the bars", async () => {
    const report = reportFixture();
    const [, agencies] = await renderReportCharts(report, "fa", t);
    // The worst (environment, 5 of 14 due on time) is the top bar; in fa bars grow leftwards
    // from the right, so the top row has ink right of the middle and the axis labels sit right.
    const { pixels, width, height } = await greys(agencies!.png);
    const row = (y: number) => pixels.subarray(y * width, (y + 1) * width);
    const topBarY = Math.round(height * 0.17);
    const topRow = row(topBarY);
    const coloured = (from: number, to: number) => topRow.subarray(from, to).filter((v) => v < 200).length;
    expect(coloured(Math.round(width * 0.55), Math.round(width * 0.78))).toBeGreaterThan(width * 0.1);
    expect(coloured(0, Math.round(width * 0.4))).toBe(0);
  });

  it("renders English left to right, and leaves out a chart with nothing to show", async () => {
    const report = reportFixture();
    report.topicsHeard = [];
    report.agencies = report.agencies.map((agency) => ({ ...agency, onTimeShare: null }));
    const charts = await renderReportCharts(report, "en", t);
    expect(charts.map((chart) => chart.name)).toEqual(["by-month"]);
    expect(charts[0]!.caption).toBe("📈 Cases reported and resolved and resolutions recorded, by month to the end of the first quarter of 1405");
    const english = await renderReportCharts(reportFixture(), "en", t);
    const [, agencies] = english;
    const { pixels, width, height } = await greys(agencies!.png);
    const topRow = pixels.subarray(Math.round(height * 0.17) * width, (Math.round(height * 0.17) + 1) * width);
    // In en the bars grow rightwards from the left axis.
    expect(topRow.subarray(Math.round(width * 0.25), Math.round(width * 0.45)).filter((v) => v < 200).length).toBeGreaterThan(width * 0.1);
  });

  it("shows at most the twenty worst agencies", async () => {
    const report = reportFixture();
    const [first] = report.agencies;
    report.agencies = [...Array(35).keys()].map((i) => ({ ...first!, agencyId: 100 + i, nameFa: `دستگاه ${i}`, onTimeShare: i / 40 }));
    const [, agencies] = await renderReportCharts(report, "fa", t);
    expect(pngSize(agencies!.png).height).toBe((130 + MAX_AGENCY_BARS * 42) * DEVICE_PIXEL_RATIO);
  });
});
