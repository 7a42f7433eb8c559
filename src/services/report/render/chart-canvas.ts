/**
 * chart.js 4 on a Node canvas (@napi-rs/canvas): the plumbing the report's charts share — the
 * one-time set-up (Vazirmatn, chart.js's components), a stand-in for the CSS style chart.js
 * uses to switch text direction, a white background, values written on bars, and rendering a
 * configuration to a PNG.
 */
// Types only at the top: the canvas (native, ~27 MB resident) and chart.js are loaded on the
// first chart a process renders, not at start — most bot processes never draw one.
import type { Canvas, SKRSContext2D } from "@napi-rs/canvas";
import type { Chart as ChartClass, ChartConfiguration, ChartItem, Plugin } from "chart.js";
import { registerReportFonts, REPORT_FONT } from "./fonts";

/**
 * CSS pixels; the PNG is DEVICE_PIXEL_RATIO times larger: 1350 px wide, about what Telegram keeps
 * of a photo (it scales photos to 1280 px), and PNG encoding — most of the time — stays well
 * under the 200 ms budget (at 2× it alone took 75–110 ms on a busy 2-core machine).
 */
export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 540;
export const DEVICE_PIXEL_RATIO = 1.5;

export const COLORS = {
  current: "#1f6f8b",
  previous: "#a7c7d3",
  text: "#1d2731",
  grid: "#e3e8ec",
  good: "#2e8b57",
  fair: "#e0a526",
  poor: "#c8443a",
  series: ["#1f6f8b", "#2e8b57", "#d9822b"],
};

interface Drawing {
  Chart: typeof ChartClass;
  createCanvas: typeof import("@napi-rs/canvas").createCanvas;
}
let drawing: Promise<Drawing> | undefined;

/** Loads chart.js and the canvas once per process, registers the font and the defaults. */
function setUpChartJs(): Promise<Drawing> {
  drawing ??= (async () => {
    const [{ Chart, registerables }, { createCanvas }] = await Promise.all([import("chart.js"), import("@napi-rs/canvas")]);
    await registerReportFonts();
    Chart.register(...registerables);
    Chart.defaults.font.family = REPORT_FONT;
    Chart.defaults.color = COLORS.text;
    return { Chart, createCanvas };
  })();
  return drawing;
}

/**
 * chart.js switches text direction (legend rtl) through the canvas element's CSS style, which a
 * Node canvas does not have: this stands in for it and sets the context's direction instead.
 */
function withStyleShim(canvas: Canvas, ctx: SKRSContext2D): void {
  const style = {
    getPropertyValue: () => ctx.direction,
    getPropertyPriority: () => "",
    setProperty: (_property: string, value: string) => {
      ctx.direction = value === "rtl" ? "rtl" : value === "ltr" ? "ltr" : "inherit";
    },
  };
  Object.defineProperty(canvas, "style", { value: style, configurable: true });
}

const whiteBackground: Plugin = {
  id: "reportBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Writes each bar's value at its end (people would rather read the number than the axis). */
export function barValues(format: (value: number) => string): Plugin<"bar"> {
  return {
    id: "reportBarValues",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === "y";
      ctx.save();
      ctx.font = `12px ${REPORT_FONT}`;
      ctx.fillStyle = COLORS.text;
      for (const [datasetIndex, dataset] of chart.data.datasets.entries()) {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) continue;
        for (const [index, element] of meta.data.entries()) {
          const value = dataset.data[index];
          if (typeof value !== "number") continue;
          const { x, y, base } = element.getProps(["x", "y", "base"], true) as { x: number; y: number; base: number };
          const text = format(value);
          if (horizontal) {
            const towardsLeft = x < base;
            ctx.textAlign = towardsLeft ? "right" : "left";
            ctx.textBaseline = "middle";
            ctx.fillText(text, x + (towardsLeft ? -6 : 6), y);
          } else {
            ctx.textAlign = "center";
            ctx.textBaseline = "bottom";
            ctx.fillText(text, x, y - 4);
          }
        }
      }
      ctx.restore();
    },
  };
}

/**
 * Renders one chart to a PNG and frees it. chart.js draws synchronously; the PNG encoding (most
 * of the cost) runs on libuv's thread pool (`encode`), so the bot's event loop is not held for it.
 */
export async function render(config: ChartConfiguration, width: number, height: number): Promise<Buffer> {
  const { Chart, createCanvas } = await setUpChartJs();
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  withStyleShim(canvas, ctx);
  config.options = {
    ...config.options,
    responsive: false,
    animation: false,
    events: [],
    devicePixelRatio: DEVICE_PIXEL_RATIO,
  };
  config.plugins = [whiteBackground, ...(config.plugins ?? [])];
  // chart.js sizes the canvas itself from its width and height times the pixel ratio.
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    // Encoded before destroy(), which clears the canvas.
    return await canvas.encode("png");
  } finally {
    chart.destroy();
  }
}
