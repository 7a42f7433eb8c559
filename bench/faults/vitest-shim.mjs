// What bench/faults.ts gives test/support in place of "vitest": test/support/env.ts asks
// vitest's inject() for the run's id and migrated template database (test/support/global-setup.ts
// provides them in a test run); in the bench, the same global setup ran with a stand-in project
// whose provide() wrote them here. Nothing else of vitest is offered: an import of anything else
// fails loudly at link time.
export function inject(key) {
  const provided = globalThis.__tashilFaultsProvided ?? {};
  if (!(key in provided)) throw new Error(`bench/faults: nothing was provided for inject("${key}")`);
  return provided[key];
}
