/**
 * The folder walk and the opening of files: entries that cannot be read are findings (the machine's user may be
 * root, so unreadable entries are made by a file system that fails where the test says), names are shown escaped,
 * and a named pipe never blocks.
 */
import * as fs from "node:fs";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { display, escapedUtf8, openInputFile, SizeLimitError, walkInputs, type FileSystem } from "../../src/cli/walk";
import { runCli } from "../helpers/cliHarness";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "outlet-review-walk-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The real file system, failing with `code` for the paths that end with `suffix`. */
function failing(suffix: string, code: string, calls: (keyof FileSystem)[]): FileSystem {
  const fail = (path: fs.PathLike): void => {
    if (String(path).endsWith(suffix)) throw Object.assign(new Error(`${code}: ${String(path)}`), { code });
  };
  const wrap =
    <K extends keyof FileSystem>(name: K) =>
    (...args: unknown[]): unknown => {
      if (calls.includes(name)) fail(args[0] as fs.PathLike);
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    };
  return {
    lstatSync: wrap("lstatSync"),
    statSync: wrap("statSync"),
    readdirSync: wrap("readdirSync"),
    realpathSync: wrap("realpathSync"),
  } as unknown as FileSystem;
}

describe("walkInputs", () => {
  it("an unreadable subfolder is a finding; the rest of the folder is still taken", () => {
    mkdirSync(join(root, "in", "私有"), { recursive: true });
    writeFileSync(join(root, "in", "私有", "a.json"), "{}");
    writeFileSync(join(root, "in", "b.json"), "{}");
    const walked = walkInputs(["in"], root, failing("私有", "EACCES", ["readdirSync"]));
    expect(walked.files.map((f) => f.shown)).toEqual(["in/b.json"]);
    expect(walked.problems).toEqual([{ shown: "in/私有", message: "无法读取文件夹：没有读取权限" }]);
  });

  it("an entry whose type cannot be read is a finding", () => {
    mkdirSync(join(root, "in"));
    writeFileSync(join(root, "in", "坏.json"), "{}");
    writeFileSync(join(root, "in", "好.json"), "{}");
    const walked = walkInputs(["in"], root, failing("坏.json", "EIO", ["lstatSync"]));
    expect(walked.files.map((f) => f.shown)).toEqual(["in/好.json"]);
    expect(walked.problems[0]).toEqual({ shown: "in/坏.json", message: "读取时发生输入输出错误（磁盘或网络盘故障）" });
  });

  it("a path given that does not exist, or cannot be read", () => {
    const walked = walkInputs(["没有.json", "x\ny.json"], root);
    expect(walked.problems.map((p) => p.message)).toEqual([
      "找不到文件或文件夹“没有.json”",
      "找不到文件或文件夹“x\\ny.json”",
    ]);
  });

  it("skips hidden files, Office lock files and system files without a word", () => {
    mkdirSync(join(root, "in"));
    for (const name of [".DS_Store", "~$台账.xlsx", "Thumbs.db", "desktop.ini", "台账.xlsx"]) {
      writeFileSync(join(root, "in", name), "x");
    }
    const walked = walkInputs(["in"], root);
    expect(walked.files.map((f) => f.shown)).toEqual(["in/台账.xlsx"]);
    expect(walked.problems).toEqual([]);
  });

  it("an empty folder is a finding", () => {
    mkdirSync(join(root, "空"));
    expect(walkInputs(["空"], root).problems).toEqual([{ shown: "空", message: "文件夹“空”中没有可审核的文件" }]);
  });
});

describe("names as shown", () => {
  it("escapes control characters and bidirectional overrides in any name", () => {
    expect(display("a\nb\t\u202Ec.json", "/x")).toBe("a\\nb\\t\\u{202E}c.json");
    expect(display("/x/子/文件.json", "/x")).toBe("子/文件.json");
    expect(display("/elsewhere/文件.json", "/x")).toBe("/elsewhere/文件.json");
  });

  it("shows each segment that is not UTF-8 with its bytes escaped, and the others as text", () => {
    const gbk = Buffer.from([0xcc, 0xa8, 0xd5, 0xcb]);
    expect(escapedUtf8(Buffer.concat([Buffer.from("收件/"), gbk, Buffer.from(".json")]))).toBe(
      "收件/\\xCC\\xA8\\xD5\\xCB.json",
    );
    expect(escapedUtf8(Buffer.from("全部/是 UTF-8"))).toBe("全部/是 UTF-8");
  });
});

describe("openInputFile", () => {
  it("never blocks on a named pipe, even one given by name", async () => {
    execFileSync("mkfifo", [join(root, "管道")]);
    await expect(openInputFile(join(root, "管道"), 1024)).rejects.toThrow("这是命名管道，不是普通文件，未读取");
  });

  it("refuses a file over the size limit before reading it", async () => {
    writeFileSync(join(root, "大.json"), "x".repeat(2048));
    await expect(openInputFile(join(root, "大.json"), 1024)).rejects.toBeInstanceOf(SizeLimitError);
  });

  it("reads ranges and hashes the whole file", async () => {
    writeFileSync(join(root, "a.txt"), "abcdefgh");
    const opened = await openInputFile(join(root, "a.txt"), 1024);
    try {
      expect(Buffer.from(await opened.source.read(2, 3)).toString()).toBe("cde");
      expect(opened.source.size).toBe(8);
      expect(await opened.sha256()).toBe("9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab");
    } finally {
      await opened.close();
    }
  });

  it("through the CLI: a pipe given by name gets its line and the rest is reviewed", async () => {
    execFileSync("mkfifo", [join(root, "管道.json")]);
    const good = join(__dirname, "..", "..", "samples", "registry.json");
    const run = await runCli(["check", "--json", "管道.json", good], root);
    const report = JSON.parse(run.stdout) as {
      issues: { file: string; message: string }[];
      documents: { registry: number };
    };
    expect(report.issues.find((f) => f.file === "管道.json")?.message).toBe("这是命名管道，不是普通文件，未读取");
    expect(report.documents.registry).toBe(1);
  });
});
