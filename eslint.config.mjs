// ESLint flat config (ESLint 9). Formatting is Prettier's job (`prettier --check`), so no formatting rules here.
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const unusedVarsOptions = {
  args: "after-used",
  argsIgnorePattern: "^_",
  varsIgnorePattern: "^_",
  caughtErrorsIgnorePattern: "^_",
};

// eslint-plugin-office-addins v4 only ships complete flat configs (`configs.recommended` is an array that also
// registers its own copy of @typescript-eslint and prettier/prettier), which would clash with typescript-eslint
// below and reformat on lint. So we take just its "office-addins/*" rule settings from that recommended config.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);
if (Object.keys(officeAddinsRules).length === 0) {
  throw new Error("eslint-plugin-office-addins: no office-addins/* rules found in configs.recommended");
}

// Globals of the CommonJS Node files (bin/, scripts/, *.config.js); declared by hand to avoid a dependency.
const nodeGlobals = Object.fromEntries(
  [
    "__dirname",
    "__filename",
    "Buffer",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "console",
    "exports",
    "module",
    "process",
    "require",
    "setImmediate",
    "setInterval",
    "setTimeout",
    "URL",
  ].map((name) => [name, "readonly"]),
);

export default defineConfig(
  globalIgnores(["**/node_modules/", "lib/", "dist/", "out/", "coverage/", "samples/"]),
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", unusedVarsOptions],
    },
  },
  {
    // Office add-in code (task pane now, src/office later).
    files: ["src/taskpane/**/*.{ts,tsx}", "src/office/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: nodeGlobals,
    },
    rules: {
      "no-undef": "error",
      "no-unused-vars": ["error", unusedVarsOptions],
    },
  },
);
