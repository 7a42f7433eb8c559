/** What the statistics' queries share: their dependencies and the raw SQL of an instant. */
import { Prisma } from "../../db";
import type { Deps } from "../../deps";

export type StatsDeps = Pick<Deps, "db" | "now" | "policies">;

/** timestamp(3) columns hold UTC wall time; a raw comparison must say so explicitly. */
export const utc = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
