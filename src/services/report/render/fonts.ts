/**
 * Vazirmatn, the Persian font shipped with the package (npm "vazirmatn", OFL). Its files are
 * found through the package itself (createRequire from this module), not relative to src/, so
 * the same code finds them from src/ under tsx and from the bundle in dist/.
 */
import { createRequire } from "node:module";
import path from "node:path";

export const REPORT_FONT = "Vazirmatn";

/** The package's directory in node_modules. */
export function vazirmatnDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("vazirmatn/package.json"));
}

export function vazirmatnFile(kind: "ttf" | "webfonts", weight: "Regular" | "Bold"): string {
  return path.join(vazirmatnDirectory(), "fonts", kind, `Vazirmatn-${weight}.${kind === "ttf" ? "ttf" : "woff2"}`);
}

let registered = false;

/** Registers Vazirmatn (regular and bold) with the canvas once per process (loaded on first use). */
export async function registerReportFonts(): Promise<void> {
  if (registered) return;
  const { GlobalFonts } = await import("@napi-rs/canvas");
  for (const weight of ["Regular", "Bold"] as const) {
    const file = vazirmatnFile("ttf", weight);
    if (GlobalFonts.registerFromPath(file, REPORT_FONT) === null) throw new Error(`could not register the font ${file}`);
  }
  registered = true;
}
