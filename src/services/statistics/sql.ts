/** What the statistics' queries share: their dependencies and the raw SQL of an instant. */
import type { Deps } from "../../deps";
import { Prisma, utc } from "../../db";

export type StatsDeps = Pick<Deps, "db" | "sql" | "now" | "policies">;

export { utc };

/** Raw SQL: `column` (a timestamp) in the period, its start included and its end not. */
export const within = (column: Prisma.Sql, period: { from: Date; to: Date }) => Prisma.sql`${column} >= ${utc(period.from)} AND ${column} < ${utc(period.to)}`;
