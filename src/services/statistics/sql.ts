/** What the statistics' queries share: their dependencies and the raw SQL of an instant. */
import type { Deps } from "../../deps";

export type StatsDeps = Pick<Deps, "db" | "sql" | "now" | "policies">;

export { utc } from "../../db";
