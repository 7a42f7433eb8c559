/**
 * The layer rules, checked by `npm run arch` (in CI) and test/unit/architecture.test.ts:
 * bot → services → domain; jobs → services; services schedule through the port on the
 * container (deps.scheduler), never by importing jobs; nothing imports the composition roots;
 * no import circle anywhere (type-only imports included). The local Bot API (src/local-bot-api)
 * is for tests, benchmarks and the sandbox: nothing else in src/ imports it, and it
 * imports nothing of the bot's own (it plays the platform, not a part of Tashil). The sandbox
 * (src/sandbox, a root of its own with its demo data) is imported by nothing outside it.
 */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    { name: "services-not-to-jobs", severity: "error", from: { path: "^src/services" }, to: { path: "^src/jobs" } },
    { name: "services-not-to-bot", severity: "error", from: { path: "^src/services" }, to: { path: "^src/bot" } },
    { name: "domain-is-pure", severity: "error", from: { path: "^src/domain" }, to: { path: "^src/(services|jobs|bot|db|container|config)" } },
    { name: "jobs-not-to-bot", severity: "error", from: { path: "^src/jobs" }, to: { path: "^src/bot/(features|presenters|flow|menu)" } },
    { name: "bot-not-to-jobs", severity: "error", from: { path: "^src/bot" }, to: { path: "^src/jobs" } },
    { name: "buttons-below-everything", severity: "error", from: { path: "^src/buttons" }, to: { path: "^src/(services|jobs|bot)" } },
    {
      // Only the sandbox (src/sandbox/ or src/sandbox.ts) may start the local Bot API.
      name: "local-bot-api-not-in-production",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(local-bot-api/|sandbox/|sandbox\\.ts$)" },
      to: { path: "^src/local-bot-api/" },
    },
    { name: "local-bot-api-stands-alone", severity: "error", from: { path: "^src/local-bot-api" }, to: { path: "^src/(?!local-bot-api/)" } },
    { name: "roots-are-roots", severity: "error", from: { pathNot: "^src/(main|worker|server)\\.ts$" }, to: { path: "^src/(main|worker|sandbox/main)\\.ts$" } },
    { name: "sandbox-stays-in-the-sandbox", severity: "error", from: { pathNot: "^src/sandbox/" }, to: { path: "^src/sandbox/" } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
