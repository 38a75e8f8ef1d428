import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main, type Io } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, in `cwd`, on a fixed "today". */
export async function runCli(args: string[], cwd: string, today = "2026-11-24"): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    today: () => today,
    stderrIsTty: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A temporary folder holding the given files (objects are written as JSON, strings as they are). */
export function tempTree(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), "outlet-review-"));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    if (content === null) mkdirSync(path, { recursive: true });
    else writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return root;
}
