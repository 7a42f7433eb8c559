// Seeds the reference data (working groups, agencies, counties). Idempotent.
import { createDb } from "../src/db";
import { loadEnvFile } from "../src/runtime";
import { seedReferenceData } from "../src/seed/reference-data";

loadEnvFile();

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const db = createDb(url);
await seedReferenceData(db);
await db.$disconnect();
console.log("reference data seeded");
