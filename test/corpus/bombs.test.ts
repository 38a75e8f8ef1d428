/**
 * Zip bombs beside a good application, each run by the installed command in a child process under a memory cap
 * (`--max-old-space-size`): the bomb is refused with a finding, quickly and in little memory, never an abort, and
 * the application is still reviewed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bomb, manyPartsBomb } from "../../scripts/corpus/workbooks";
import type { CheckReport } from "../../src/core/report";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "outlet-review.js");
const GOOD = join(root, "samples", "applications", "01-yunshan-ligong-daxue.json");
/** The heap the child may use: a bomb must be refused within it, and within 500 MB of resident memory all told. */
const HEAP_MB = 400;
const MAX_RSS_MB = 500;

let dir: string;

beforeAll(() => {
  if (!existsSync(join(root, "lib", "cli", "main.js"))) {
    execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "ignore" });
  }
  dir = mkdtempSync(join(tmpdir(), "outlet-review-bombs-"));
  copyFileSync(GOOD, join(dir, "申报书.json"));
  writeFileSync(join(dir, "压缩炸弹.xlsx"), bomb(60));
  writeFileSync(join(dir, "多部件炸弹.xlsx"), manyPartsBomb(300));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(file: string): { status: number | null; report: CheckReport; rssMb: number; seconds: number } {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      "-r",
      join(__dirname, "..", "helpers", "maxRss.cjs"),
      bin,
      "check",
      "--json",
      file,
      "申报书.json",
    ],
    { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const rss = /MAX_RSS_KB (\d+)/u.exec(run.stderr);
  return {
    status: run.status,
    report: JSON.parse(run.stdout) as CheckReport,
    rssMb: rss ? Number(rss[1]) / 1024 : Infinity,
    seconds: (Date.now() - started) / 1000,
  };
}

describe.each([
  [
    "压缩炸弹.xlsx",
    "a 7 MB sheet that inflates to 1.9 GB",
    /^部件“xl\/worksheets\/sheet1\.xml”的解压比.*上限 100 倍已超过，疑似“压缩炸弹”/u,
  ],
  [
    "多部件炸弹.xlsx",
    "300 sheets of 15 MB each from the same few kilobytes",
    /^部件“xl\/worksheets\/sheet\d+\.xml”的解压比.*疑似“压缩炸弹”/u,
  ],
])("%s (%s)", (file, _what, message) => {
  let run: ReturnType<typeof check>;
  beforeAll(() => {
    run = check(file);
  }, 120_000);

  it("is a gigabytes bomb of a few megabytes", () => {
    expect(statSync(join(dir, file)).size).toBeLessThan(12 * 1024 * 1024);
  });

  it("is refused with a finding naming the part and the limit; the run ends normally", () => {
    expect(run.status).toBe(0);
    const finding = run.report.issues.find((f) => f.file === file);
    expect(finding?.message).toMatch(message);
    expect(run.report.inputs.find((i) => i.file === file)).toMatchObject({ documents: 0, rejected: 1 });
  });

  it("in little memory", () => {
    expect(run.rssMb).toBeLessThan(MAX_RSS_MB);
  });

  it("and the application beside it is reviewed", () => {
    expect(run.report.documents.applications).toBe(1);
    expect(run.report.verdicts[0]).toMatchObject({ document: "application", eligible: true });
  });
});
