#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm run build:cli` (run by `prepare` on npm ci / npm install).
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("outlet-review: 尚未编译，请先运行 npm ci（或 npm run build:cli）。\n");
    process.exit(2);
  }
  throw error;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`outlet-review: 内部错误：${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
