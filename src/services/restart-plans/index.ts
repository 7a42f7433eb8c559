export * from "./plans";
export * from "./progress";
