/**
 * A run interrupted while it writes `--out` leaves no half-written workbook: the workbook is written to a temporary
 * file beside the target and renamed into place only when complete; an interrupt removes the temporary file.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ledger, ledgerEntry } from "../helpers/fixtures";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "outlet-review.js");

let dir: string;
beforeAll(() => {
  if (!existsSync(join(root, "lib", "cli", "main.js"))) {
    execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "ignore" });
  }
  dir = mkdtempSync(join(tmpdir(), "outlet-review-interrupt-"));
  // Enough entries for the workbook to take a few seconds to write.
  const big = ledger((doc) => {
    doc.entries = Array.from({ length: 60_000 }, (_, i) =>
      ledgerEntry((e) => {
        e.client = { type: "enterprise", name: `广州客户企业${i}号有限公司`, district: "海珠区" };
      }),
    );
  });
  writeFileSync(join(dir, "台账.json"), JSON.stringify(big));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("an interrupt while writing leaves neither the workbook nor its temporary file", async () => {
  const child = spawn(process.execPath, [bin, "check", "台账.json", "--out", "结果/审核.xlsx"], { cwd: dir });
  const out = join(dir, "结果");
  // Wait for the temporary file to appear, then interrupt.
  const seen = await new Promise<boolean>((resolve) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const temp = existsSync(out) && readdirSync(out).some((n) => n.endsWith(".tmp"));
      if (temp || Date.now() - started > 60_000 || child.exitCode !== null) {
        clearInterval(poll);
        resolve(temp);
      }
    }, 5);
  });
  expect(seen).toBe(true);
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  expect(code).toBe(130);
  expect(readdirSync(out)).toEqual([]);
}, 120_000);
