/**
 * End-to-end tests: the production build of the task pane in a real headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core). Run with `npm run test:e2e`; kept out of the unit test run (jest.config.js).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 180_000,
  maxWorkers: 1,
};
