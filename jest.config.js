/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // End-to-end tests (real build + headless Chromium) run only through `npm run test:e2e` (jest.e2e.config.js).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Browser globals jsdom leaves out (text codecs, compression streams): see the shim.
  setupFiles: ["<rootDir>/test/shims/web-globals.cjs"],
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose ESM-only dependencies break CommonJS jest.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.cjs",
  },
};
