import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The installed command, as `npx outlet-review` runs it: the compiled lib/ (built by `prepare` on
 * npm ci, and by `npm test` before jest) behind bin/outlet-review.js.
 */
const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "outlet-review.js");

describe("the outlet-review bin", () => {
  beforeAll(() => {
    if (!existsSync(join(root, "lib", "cli", "main.js"))) {
      execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "ignore" });
    }
  });

  it("is declared in package.json", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("../../package.json") as { bin: Record<string, string> };
    expect(pkg.bin["outlet-review"]).toBe("bin/outlet-review.js");
  });

  it("checks the samples and prints the JSON report on stdout only", () => {
    const run = spawnSync(process.execPath, [bin, "check", "samples", "--json"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { version: number; documents: Record<string, number> };
    expect(report.version).toBe(1);
    expect(report.documents.applications).toBeGreaterThanOrEqual(12);
    expect(run.stderr).toContain("outlet-review check");
  });

  it("exits 2 with a Chinese message on bad usage", () => {
    const run = spawnSync(process.execPath, [bin, "check"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("请给出要审核的文件或文件夹");
  });
});
