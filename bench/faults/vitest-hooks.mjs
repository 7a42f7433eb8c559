// A module-resolution hook (module.register, in bench/faults.ts): "vitest" resolves to
// ./vitest-shim.mjs, so the bench can import the end-to-end support code (createWorld,
// TestRedisServer…) as it is, outside a vitest run.
const SHIM = new URL("./vitest-shim.mjs", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "vitest") return { url: SHIM, shortCircuit: true };
  return nextResolve(specifier, context);
}
