/**
 * Issue 15, item 8: the runtime image installs production dependencies only
 * (`npm ci --omit=dev`, Dockerfile stage prod-deps), so everything the compiled processes load
 * from node_modules must be in that install: every package dist/*.js imports or requires is a
 * Node built-in or a non-dev package of package-lock.json. No Docker engine here: the image and
 * compose files are checked by reading them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config";
import { CLOSE_MARGIN_MS } from "../../src/runtime";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Required inside a try/catch by BullMQ (its optional Valkey GLIDE client): absent is fine. */
const OPTIONAL = new Set(["@valkey/valkey-glide"]);

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

let outdir: string;
beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), "tashil-build-"));
  execFileSync(process.execPath, ["scripts/build.mjs", `--outdir=${outdir}`], { cwd: ROOT, stdio: "ignore" });
}, 120_000);
afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe("the compiled processes", () => {
  it("load only production dependencies from node_modules", () => {
    const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { dev?: boolean }> };
    const manifest = JSON.parse(read("package.json")) as { devDependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    const specifiers = new Set<string>();
    const files = readdirSync(outdir).filter((file) => file.endsWith(".js"));
    expect(files.sort()).toEqual(["main.js", "seed.js", "worker.js"]);
    for (const file of files) {
      const code = readFileSync(path.join(outdir, file), "utf8");
      const patterns = [/^\s*(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"/gm, /^\s*import\s*"([^"]+)"/gm, /\bimport\(\s*"([^"]+)"\s*\)/g, /\b(?:__)?require\(\s*"([^"]+)"\s*\)/g];
      for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.add(match[1]!);
    }
    const packages = [...specifiers]
      .filter((s) => !s.startsWith(".") && !s.startsWith("node:") && !builtins.has(s) && !builtins.has(s.split("/")[0]!))
      .map(packageOf);
    const external = [...new Set(packages)].sort();
    // A sanity check that the scan sees the externals at all.
    expect(external).toEqual(expect.arrayContaining(["grammy", "pg", "pino", "ioredis", "@prisma/client"]));
    const problems = external
      .filter((name) => !OPTIONAL.has(name))
      .flatMap((name) => {
        const entry = lock.packages[`node_modules/${name}`];
        if (!entry) return [`${name}: not installed by npm ci`];
        if (entry.dev) return [`${name}: a dev-only package (npm ci --omit=dev leaves it out)`];
        if (name in manifest.devDependencies) return [`${name}: listed in devDependencies`];
        return [];
      });
    expect(problems).toEqual([]);
  });
});

/** The lines of one stage of the Dockerfile (from its FROM to the next). */
function stage(dockerfile: string, name: string): string {
  const stages = dockerfile.split(/^(?=FROM )/m);
  const found = stages.find((text) => new RegExp(`^FROM \\S+ AS ${name}\\b`).test(text));
  if (!found) throw new Error(`no stage ${name} in the Dockerfile`);
  return found;
}

/** One service's block of docker-compose.yml (two-space indented under services:). */
function service(compose: string, name: string): string {
  const services = compose.slice(compose.indexOf("\nservices:\n"));
  const start = services.indexOf(`\n  ${name}:\n`);
  if (start === -1) throw new Error(`no service ${name}`);
  const rest = services.slice(start + 1);
  const end = rest.slice(1).search(/\n {2}\S|\n\S/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

describe("the image and compose files", () => {
  const dockerfile = read("Dockerfile");
  const compose = read("docker-compose.yml");

  it("build the runtime from production dependencies and the migrate target with the prisma CLI", () => {
    expect(stage(dockerfile, "prod-deps")).toMatch(/npm ci --omit=dev --ignore-scripts/);
    const runtime = stage(dockerfile, "runtime");
    expect(runtime).toMatch(/COPY --from=prod-deps \/app\/node_modules/);
    expect(runtime).not.toMatch(/COPY --from=deps /);
    // The last stage is the default target: the runtime.
    expect(dockerfile.match(/^FROM \S+ AS (\S+)/gm)?.at(-1)).toBe("FROM node:20-bookworm-slim AS runtime");
    expect(runtime).toMatch(/CMD \["node", "dist\/main\.js"\]/);
    expect(runtime).toMatch(/\/readyz/);
    const migrate = stage(dockerfile, "migrate");
    expect(migrate).toMatch(/COPY --from=deps \/app\/node_modules/);
    expect(migrate).toMatch(/prisma migrate deploy && node dist\/seed\.js/);
  });

  it("gate the services on readiness, rotate logs, and give a stop more time than the grace period", () => {
    expect(service(compose, "migrate")).toMatch(/target: migrate/);
    const grace = Number(ConfigSchema.in.shape.SHUTDOWN_GRACE_MS.parse(undefined));
    expect(compose).toMatch(/x-app: &app\n {2}build:\n {4}context: \.\n {4}target: runtime/);
    const stopGrace = /\n {2}stop_grace_period: (\d+)s/.exec(compose.slice(compose.indexOf("x-app:"), compose.indexOf("\nservices:")));
    expect(Number(stopGrace?.[1]) * 1000).toBeGreaterThan(grace + CLOSE_MARGIN_MS);
    expect(compose).toMatch(/max-size: "10m"/);
    expect(compose).toMatch(/max-file: "5"/);
    expect(compose).toMatch(/\$\$\{process\.env\.HTTP_PORT \|\| 8080\}\/readyz/);
    for (const name of ["bot", "worker"]) {
      const block = service(compose, name);
      expect(block).toMatch(/migrate:\n {8}condition: service_completed_successfully/);
      expect(block).toMatch(/postgres:\n {8}condition: service_healthy/);
      expect(block).toMatch(/redis:\n {8}condition: service_healthy/);
    }
    expect(service(compose, "redis")).toMatch(/"--appendonly", "yes"/);
  });
});
