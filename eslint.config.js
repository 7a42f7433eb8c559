// ESLint (flat config): typescript-eslint's recommended rules on src/, test/, bench/, prisma/
// and scripts/. `npm run lint` is part of CI (.ci/run); the tree is kept clean.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } } },
  { ignores: ["dist/**", "dist-*/**", "src/generated/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", setImmediate: "readonly", fetch: "readonly", performance: "readonly", AbortController: "readonly", AbortSignal: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly", document: "readonly", window: "readonly", EventSource: "readonly", navigator: "readonly" },
    },
    rules: {
      // `_name` marks an argument or binding kept on purpose (a handler's signature, a rest split).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Handlers are built on src/bot/composer.ts (a filter that allocates nothing per update).
    files: ["src/**/*.ts"],
    ignores: ["src/bot/composer.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "grammy", importNames: ["Composer"], message: "Use the Composer of src/bot/composer.ts." }] }] },
  },
  {
    // The sandbox's page script runs in the browser.
    files: ["src/sandbox/web/**/*.js"],
    languageOptions: { sourceType: "script", globals: { URLSearchParams: "readonly", location: "readonly", localStorage: "readonly", prompt: "readonly", FileReader: "readonly", alert: "readonly", confirm: "readonly", history: "readonly" } },
  },
  {
    // Tests reach into privates and fakes on purpose.
    files: ["test/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
