// Seeds the reference data (working groups, agencies, counties). Idempotent.
import { resolveFileVariables } from "../src/config";
import { createDb } from "../src/db";
import { loadEnvFile } from "../src/runtime";
import { seedReferenceData } from "../src/seed/reference-data";

loadEnvFile();

// DATABASE_URL or DATABASE_URL_FILE (a secret file), as the processes read it (src/config.ts).
const { env, errors } = resolveFileVariables({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_URL_FILE: process.env.DATABASE_URL_FILE });
if (errors.length > 0) {
  console.error(errors.join("; "));
  process.exit(1);
}
const url = env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const db = createDb(url);
await seedReferenceData(db);
await db.$disconnect();
console.log("reference data seeded");
