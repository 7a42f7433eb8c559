/** Tasks of the agencies: their rules and due dates, who acts on them, the official's screens. */
export * from "./core";
export * from "./people";
export * from "./card";
