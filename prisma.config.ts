import { existsSync, readFileSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./prisma/migration-adapter";

// With a config file the Prisma CLI no longer reads .env itself; read it like src/runtime.ts
// does (variables already set win; ENV_FILE="" skips it).
const envFile = process.env.ENV_FILE ?? ".env";
if (envFile && existsSync(envFile)) process.loadEnvFile(envFile);

// DATABASE_URL_FILE (a secret file, trimmed) stands for DATABASE_URL, as in src/config.ts.
if (!process.env.DATABASE_URL && process.env.DATABASE_URL_FILE) {
  process.env.DATABASE_URL = readFileSync(process.env.DATABASE_URL_FILE, "utf8").trim();
}

// `prisma generate` reads the datasource url without connecting; a missing one must not break
// `npm ci` (postinstall), so fall back to the local default documented in .env.example.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/tashil";

// Every Prisma command here runs on the wasm schema engine through the pg driver adapter,
// so no native engine is ever downloaded (see README, "Database and Prisma").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL ?? ""),
});
