#!/usr/bin/env node
// Compiles the processes to plain JavaScript in dist/ (`npm run build`), so production runs
// `node dist/main.js` with no TypeScript loader in memory and no compile at start-up.
//
//   dist/main.js    the bot (src/main.ts)
//   dist/worker.js  the job workers (src/worker.ts)
//   dist/seed.js    the reference-data seed (prisma/seed.ts), for the one-shot migrate step
//
// esbuild (a dependency already, through tsx) bundles our code — the generated Prisma client
// in src/generated/prisma included (TypeScript with extensionless imports, which tsc could not
// emit as runnable ESM) and data/holidays.json (imported `with { type: "json" }`) inlined —
// and leaves npm packages external (but BUNDLED below): node_modules is resolved at run time.
// Type checking stays `npm run typecheck` (esbuild strips types, it does not check them).
//
// Each entry is one self-contained file directly in dist/ (no code splitting): modules that
// find files relative to themselves (src/i18n.ts → ../locales, src/runtime.ts → the project
// root) sit one directory below the root in src/ and in dist/ alike, so the same path works.
//
//   --watch        rebuild on every change (the processes themselves: `npm run dev`)
//   --outdir=DIR   build into DIR instead of dist/ (test/unit/runtime-dependencies.test.ts)
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const watch = process.argv.includes("--watch");
const outdir = process.argv.find((arg) => arg.startsWith("--outdir="))?.slice("--outdir=".length) || "dist";

// Libraries bundled in (with what they import, tree-shaken): loaded from node_modules they
// cost most of the start-up — resolving and compiling hundreds of small files (date-fns-jalali
// ~250 modules, BullMQ ~150, @grammyjs/i18n's Deno shim ~120; prom-client ~90 ms with
// @opentelemetry/api). The rest stays external (bull-board too: loaded only when the queue
// dashboard is on, and it reads its UI files next to its own code):
// packages with native parts (msgpackr's optional addon), files read next to their own code
// (Prisma's wasm), or one instance shared by everyone (grammy, ioredis, pg, pino).
const BUNDLED = new Set(["date-fns-jalali", "zod", "@persian-tools/persian-tools", "bullmq", "@grammyjs/i18n", "prom-client"]);
const ALSO_EXTERNAL = ["msgpackr"];
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const external = [...Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }), ...ALSO_EXTERNAL]
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/** @type {import("esbuild").BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: { main: "src/main.ts", worker: "src/worker.ts", seed: "prisma/seed.ts" },
  outdir,
  bundle: true,
  external,
  platform: "node",
  format: "esm",
  target: "node20",
  // Readable stack traces without a source map (names and structure kept); the maps are
  // there for `NODE_OPTIONS=--enable-source-maps` when a trace must point into src/.
  minify: false,
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  // CommonJS code bundled into these ES modules (the Deno shim, semver…) calls require().
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      'import { fileURLToPath as __fileURLToPath } from "node:url";',
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      'const __dirname = __fileURLToPath(new URL(".", import.meta.url));',
    ].join(" "),
  },
  logLevel: "warning",
};

/**
 * V8 keeps every script's source in memory (for lazy compilation and toString), as one byte per
 * character only when all of it is Latin-1: a single "→" in a bundled library's comment made
 * dist/main.js's 3.4 MB cost 7 MB of every process's heap. esbuild already writes strings,
 * regular expressions and identifiers as ASCII escapes (its default charset); what is left is in
 * comments, where a \uXXXX escape is as readable. (Watch mode skips this: dev only.)
 */
function asciiOnly(file) {
  const source = readFileSync(file, "utf8");
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(source)) return;
  // eslint-disable-next-line no-control-regex
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

rmSync(path.resolve(root, outdir), { recursive: true, force: true });
if (watch) {
  const context = await esbuild.context({ ...options, logLevel: "info" });
  await context.watch();
} else {
  const started = Date.now();
  const result = await esbuild.build({ ...options, metafile: true });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith(".js"));
  for (const [file] of outputs) asciiOnly(path.resolve(root, file));
  const sizes = outputs.map(([file, output]) => `${file} ${(output.bytes / 1024).toFixed(0)} KiB`).join(", ");
  console.log(`built ${sizes} in ${Date.now() - started} ms`);
}
